"""The package tree reads as the pipeline, and a stage imports only from stages before it."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "resdip"
#: Stages in pipeline order; "" is the shared basics at the top (errors, paths, patterns, registry…).
ORDER = ["", "text", "recognise", "english", "extract", "rdf", "views", "pipeline", "evaluation", "commands", "api"]
PACKAGES = [p for p in ORDER if p]
#: The one import against the flow: ``resdip/__init__.py`` hands out ``resdip.open`` from the API, on first use.
FRONT_DOOR = (["__init__"], ["api"])


def _package(module: list[str]) -> str:
    return module[0] if module and module[0] in ORDER else ""


def _imports(path: Path) -> list[tuple[list[str], list[str]]]:
    """(importing module, imported module) for each relative import of ``path``, as name parts."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    base = parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            origin = base[: len(base) - (node.level - 1)]
            if node.module:
                found.append((parts, origin + node.module.split(".")))
            else:
                found.extend((parts, origin + [alias.name]) for alias in node.names)
    return found


def test_top_level_holds_only_shared_basics():
    modules = sorted(p.stem for p in SRC.glob("*.py") if p.stem != "__init__")
    assert len(modules) <= 8, modules


@pytest.mark.parametrize("package", PACKAGES)
def test_each_stage_says_what_it_takes_and_gives(package):
    module = importlib.import_module(f"resdip.{package}")
    doc = module.__doc__ or ""
    assert " in, " in doc.splitlines()[0] and " out" in doc.splitlines()[0], doc.splitlines()[:1]


def test_imports_run_one_way_along_the_pipeline():
    backwards = [f"{'.'.join(a)} imports {'.'.join(b)}"
                 for path in sorted(SRC.rglob("*.py")) for a, b in _imports(path)
                 if ORDER.index(_package(b)) > ORDER.index(_package(a)) and (a, b) != FRONT_DOOR]
    assert backwards == []
