"""resdip: a knowledge graph of Japan's resource-diplomacy network.

``resdip.open(path)`` opens a built graph for Python and notebooks (:mod:`resdip.api`,
docs/python.md); it is imported on first use, so ``import resdip`` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = ("open", "KnowledgeGraph", "Entity", "Quote", "Rows", "Page")


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'resdip' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
