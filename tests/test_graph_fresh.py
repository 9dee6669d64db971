"""graph/ is committed so a reader can open and query it without installing; it must match what
the build makes from the sources today. When this fails, run ``python build_graph.py`` and commit
graph/ (a diff of graph/ then shows what the change did to the graph)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resdip import paths


def files(folder: Path) -> dict[str, Path]:
    return {str(p.relative_to(folder)): p for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh") / "graph"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # a different seed than whoever built graph/
    done = subprocess.run([sys.executable, str(paths.ROOT / "build_graph.py"), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    return out


def test_graph_folder_has_exactly_the_files_a_build_makes(fresh: Path) -> None:
    assert sorted(files(paths.GRAPH_DIR)) == sorted(files(fresh))


def test_committed_graph_is_byte_identical_to_a_fresh_build(fresh: Path) -> None:
    built = files(fresh)
    stale = [name for name, path in files(paths.GRAPH_DIR).items()
             if name in built and path.read_bytes() != built[name].read_bytes()]
    assert not stale, f"graph/ is stale ({len(stale)} files differ, e.g. {stale[:5]}): run python build_graph.py"
