"""Where the project's data files live.

The project is installed editable (``pip install -e .``): the data files
(``ontology.ttl``, ``registry/``, ``patterns/``, ``sources/``, ``queries/``)
stay at the top of the checkout. ``RESDIP_ROOT`` overrides the location.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("RESDIP_ROOT") or Path(__file__).resolve().parents[2])

ONTOLOGY = ROOT / "ontology.ttl"
SHAPES = ROOT / "shapes.ttl"
REGISTRY_DIR = ROOT / "registry"
PATTERNS_DIR = ROOT / "patterns"
SOURCES_DIR = ROOT / "sources"
SOURCES_METADATA = SOURCES_DIR / "sources.json"
QUERIES_DIR = ROOT / "queries"
GRAPH_DIR = ROOT / "graph"
DOCS_DIR = ROOT / "docs"
