"""GraphML and GEXF written directly (resdip.views.graphxml) are the bytes networkx's writers give."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from resdip.views import graphxml
from resdip.views.exports import gexf_by_networkx, gexf_graph, graphml_by_networkx, graphml_graph
from resdip.views.projection import project

FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"


def awkward() -> nx.MultiDiGraph:
    """Values that test escaping, empty and blank text, every type, one name with two types,
    a node without data, parallel edges, a self-loop and an undated edge."""
    graph = nx.MultiDiGraph()
    graph.add_node("a&b", label_ja='"引用"<タグ>&', label_en="", reviewed=True, mentions=3, score=0.25)
    graph.add_node("c\nd", label_ja=" ", label_en="tab\there\r", reviewed=False, mentions=0, score=float("inf"))
    graph.add_node("e", mentions="many")  # the same name as a number elsewhere
    graph.add_node("lonely")
    graph.add_edge("a&b", "c\nd", key="Visit|x", kind="Visit", start="2024-05-01", end="2024-05-31", year=2024)
    graph.add_edge("a&b", "c\nd", key="Visit|y", kind="Visit", start="", end="", year=0, weight=1.5)
    graph.add_edge("e", "e", key="loop", kind="cooperatesWith", start="2020-01-01", type="x", provenance=2)
    graph.add_edge("c\nd", "e", key="undated", kind="about", label_ja="", fact="")
    return graph


def nodes_only() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from([("x", {"cls": "Country"}), ("y", {})])
    return graph


CASES = {"fixture": lambda: project(FIXTURE), "awkward": awkward, "empty": nx.MultiDiGraph, "no edges": nodes_only}


@pytest.mark.parametrize("case", sorted(CASES))
def test_graphml_text_is_what_networkx_writes(case: str) -> None:
    unique = graphml_graph(CASES[case]())
    text = graphxml.graphml_text(unique)
    assert text is not None
    assert text.encode("utf-8", "xmlcharrefreplace") == graphml_by_networkx(unique)


@pytest.mark.parametrize("case", sorted(CASES))
def test_gexf_text_is_what_networkx_writes(case: str) -> None:
    dyn = gexf_graph(CASES[case]())
    text = graphxml.gexf_text(dyn)
    assert text is not None
    assert text.encode("utf-8", "xmlcharrefreplace") == gexf_by_networkx(dyn)


def test_what_the_direct_writers_do_not_cover_goes_to_networkx() -> None:
    graph = awkward()
    graph.nodes["e"]["aliases"] = ["a", "b"]  # a list value
    assert graphxml.graphml_text(graph) is None and graphxml.gexf_text(graph) is None
    spells = nx.MultiDiGraph(mode="dynamic")
    spells.add_node("n", spells=[("2020", "2021")])
    assert graphxml.gexf_text(spells) is None
    titled = graphml_graph(awkward())
    titled.graph["name"] = "x"
    assert graphxml.graphml_text(titled) is None
