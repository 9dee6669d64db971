"""The SHA-256 each graph's VoID description states is the checksum of that graph as the build wrote it.

Checked from the text of ``graph/dataset.nq`` (each graph's lines, graph term removed, sorted), not
through the code that computes it, and through :func:`resdip.rdf.checksums.graph_bodies`, which
``resdip publish`` sends.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

import pytest

from resdip import paths
from resdip.rdf.checksums import graph_bodies, stated_checksums
from resdip.rdf.store import open_store

NQ = paths.GRAPH_DIR / "dataset.nq"
VOID = "https://w3id.org/resdip/graph/void"
pytestmark = pytest.mark.skipif(not NQ.is_file(), reason="graph/ not built yet (python build_graph.py)")


def lines_by_graph() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for line in NQ.read_text(encoding="utf-8").split("\n"):
        if line:
            head, graph = line[: -len(" .")].rsplit(" ", 1)
            found[graph[1:-1]].append(head + " .\n")
    return found


def test_every_graph_has_its_checksum_stated() -> None:
    stated = stated_checksums(open_store(paths.GRAPH_DIR, union=False))
    by_graph = lines_by_graph()
    assert set(stated) == set(by_graph) - {VOID}
    for graph, lines in by_graph.items():
        if graph != VOID:
            assert stated[graph] == hashlib.sha256("".join(sorted(lines)).encode("utf-8")).hexdigest(), graph


def test_what_publish_sends_is_what_was_checksummed() -> None:
    bodies = graph_bodies(paths.GRAPH_DIR / "dataset.trig")
    stated = stated_checksums(open_store(paths.GRAPH_DIR, union=False))
    for graph, value in stated.items():
        assert hashlib.sha256(bodies[graph]).hexdigest() == value, graph
    # the body keeps the file's datatypes (a store would turn xsd:nonNegativeInteger into xsd:integer)
    assert b"XMLSchema#nonNegativeInteger" in b"".join(bodies.values())
