"""Exports: each file read back by networkx and by an independent reader, counts compared."""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from resdip import paths
from resdip.errors import OutputError
from resdip.views.exports import WRITERS, clean_value, edge_id, write_exports
from resdip.views.projection import project

FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"
GEXF = "{http://www.gexf.net/1.2draft}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return project(FIXTURE)


@pytest.fixture(scope="module")
def out(graph: nx.MultiDiGraph, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    write_exports(graph, folder)
    return folder


def test_writes_every_format_and_no_temp_files(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == \
        ["edges.csv", "network.cyjs", "network.gexf", "network.graphml", "nodes.csv"]


def test_graphml_round_trip(graph: nx.MultiDiGraph, out: Path) -> None:
    back = nx.read_graphml(out / "network.graphml")
    assert back.is_multigraph() and back.is_directed()
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert back.nodes["country-cl"] == graph.nodes["country-cl"]
    root = ET.parse(out / "network.graphml").getroot()
    assert len(root.findall(f".//{GRAPHML}node")) == graph.number_of_nodes()
    found = root.findall(f".//{GRAPHML}edge")
    assert len(found) == graph.number_of_edges() and len({e.get("id") for e in found}) == len(found)
    booleans = {k.get("id") for k in root.iter(f"{GRAPHML}key") if k.get("attr.type") == "boolean"}
    assert {d.text for d in root.iter(f"{GRAPHML}data") if d.get("key") in booleans} == {"true", "false"}


def test_gexf_is_dynamic_with_dates(graph: nx.MultiDiGraph, out: Path) -> None:
    back = nx.read_gexf(out / "network.gexf")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    root = ET.parse(out / "network.gexf").getroot()
    element = root.find(f"{GEXF}graph")
    assert element is not None
    assert (element.get("mode"), element.get("timeformat"), element.get("defaultedgetype")) == \
        ("dynamic", "date", "directed")
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") is None
    nodes = element.findall(f"{GEXF}nodes/{GEXF}node")
    edges = element.findall(f"{GEXF}edges/{GEXF}edge")
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    by_id = {e.get("id"): e for e in edges}
    signing = by_id[edge_id("candidate-person-bd57607763", "person-saito-ken", "Signing|signing-1c2d3e4f5a6b7c8d")]
    assert (signing.get("start"), signing.get("end")) == ("2024-06-01", "2024-06-30")
    registry = by_id[edge_id("post-meti-minister", "org-meti", "postIn")]
    assert registry.get("start") is None and registry.get("end") is None  # always there
    dated = [e for e in edges if e.get("start")]
    assert dated and all(len(e.get("start")) == 10 for e in dated)
    chile = next(n for n in nodes if n.get("id") == "country-cl")
    assert chile.get("label") == "チリ" and chile.get("start") is None  # one undated edge (jurisdiction)
    williams = next(n for n in nodes if n.get("id") == "candidate-person-bd57607763")
    assert williams.get("start") == "2024-06-01"


def test_cytoscape_json(graph: nx.MultiDiGraph, out: Path) -> None:
    data = json.loads((out / "network.cyjs").read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    chile = next(n["data"] for n in nodes if n["data"]["id"] == "country-cl")
    assert chile["name"] == "チリ" and chile["iso"] == "CL" and chile["reviewed"] is True
    back = nx.cytoscape_graph(data)
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())


def test_csv_node_and_edge_lists(graph: nx.MultiDiGraph, out: Path) -> None:
    with open(out / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with open(out / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    assert list(nodes[0])[:4] == ["id", "label", "iri", "cls"]
    assert list(edges[0])[:5] == ["id", "source", "target", "key", "kind"]
    chile = next(n for n in nodes if n["id"] == "country-cl")
    assert (chile["label"], chile["reviewed"], chile["mentions"]) == ("チリ", "true", "1")
    rebuilt = nx.from_edgelist(((e["source"], e["target"]) for e in edges), create_using=nx.MultiDiGraph)
    assert rebuilt.number_of_edges() == graph.number_of_edges()


def test_byte_identical_across_runs(graph: nx.MultiDiGraph, out: Path, tmp_path: Path) -> None:
    write_exports(project(FIXTURE), tmp_path)
    for path in out.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_awkward_attribute_values_are_sanitised(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label_ja=None, years=[2023, 2024], extra={"k": 1}, ratio=float("nan"))
    graph.add_node("b", label_ja="B", tags={"y", "x"})
    graph.add_edge("a", "b", key="k", kind="x", note=None, parts=("p", "q"))
    write_exports(graph, tmp_path)
    back = nx.read_graphml(tmp_path / "network.graphml")
    assert back.nodes["a"]["years"] == "2023,2024" and back.nodes["a"]["label_ja"] == ""
    assert nx.read_gexf(tmp_path / "network.gexf").number_of_edges() == 1
    assert (clean_value(None), clean_value({"b": 1, "a": 2}), clean_value({"y", "x"})) == \
        ("", '{"a": 2, "b": 1}', "x,y")


def test_one_writer_interface(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    for name, writer in WRITERS.items():
        written = writer(graph, tmp_path / name)
        assert written and all(p.parent == tmp_path / name and p.is_file() for p in written)
    with pytest.raises(ValueError):
        write_exports(graph, tmp_path, ["dot"])


def test_unwritable_output_folder(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot create output folder"):
        write_exports(graph, blocker / "exports")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(OutputError):
            write_exports(graph, locked)


@pytest.mark.skipif(not (paths.GRAPH_DIR / "dataset.trig").is_file(), reason="graph/dataset.trig not built yet")
def test_real_graph_exports_round_trip(tmp_path: Path) -> None:
    graph = project(paths.GRAPH_DIR / "dataset.trig")
    write_exports(graph, tmp_path)
    counts = (graph.number_of_nodes(), graph.number_of_edges())
    for reader, name in ((nx.read_graphml, "network.graphml"), (nx.read_gexf, "network.gexf")):
        back = reader(tmp_path / name)
        assert (back.number_of_nodes(), back.number_of_edges()) == counts, name
    data = json.loads((tmp_path / "network.cyjs").read_text(encoding="utf-8"))
    assert (len(data["elements"]["nodes"]), len(data["elements"]["edges"])) == counts
