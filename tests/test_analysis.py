"""Network analysis on the fixture, the ``analyse`` command, and answers from the real graph."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

from resdip import paths
from resdip.views.analysis import analyse, simple_graph, to_markdown, write_analysis
from resdip.cli import main
from resdip.commands.path import hop_edges, shortest_chains
from resdip.views.lookup import Lookup
from resdip.views.projection import labels, load_dataset, project

FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"
REAL = paths.GRAPH_DIR / "dataset.trig"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return project(FIXTURE)


@pytest.fixture(scope="module")
def report(graph: nx.MultiDiGraph) -> dict:
    return analyse(graph)


def test_counts_by_class_and_kind(graph: nx.MultiDiGraph, report: dict) -> None:
    counts = report["counts"]
    assert sum(counts["nodes_by_class"].values()) == graph.number_of_nodes()
    assert sum(counts["edges_by_kind"].values()) == graph.number_of_edges()
    assert counts["nodes_by_class"]["Country"] == 11
    assert counts["edges_by_kind"]["hasMember"] == 7
    assert report["summary"]["isolated"] == ["indicator-self-development-ratio", "partnership-azec"]


def test_centralities_and_bridges(report: dict) -> None:
    centrality = report["centrality"]
    assert centrality["eigenvector_note"] == "converged"
    assert centrality["betweenness"][0]["id"] == "country-jp"
    assert [r["id"] for r in centrality["countries_by_betweenness"][:2]] == ["country-jp", "country-au"]
    members = report["bridges"]["partnership_members"]
    assert members == [{"id": "country-jp", "label": "日本", "cls": "Country",
                        "partnerships": ["partnership-arcpec", "partnership-msp"]}]
    points = {r["id"] for r in report["bridges"]["articulation_points"]}
    assert {"country-jp", "post-meti-minister", "partnership-msp"} <= points
    assert report["bridges"]["between_communities"]
    assert report["communities"] and sum(c["size"] for c in report["communities"]) == 37
    for value in report["all_nodes"].values():
        assert value["betweenness"] == round(value["betweenness"], 6)


def test_report_is_deterministic(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    first = write_analysis(graph, tmp_path / "a")
    second = write_analysis(project(FIXTURE), tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    data = json.loads((tmp_path / "a" / "analysis.json").read_text(encoding="utf-8"))
    assert data["summary"]["nodes"] == graph.number_of_nodes()
    markdown = (tmp_path / "a" / "analysis.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Network analysis") and "日本 (`country-jp`)" in markdown


def test_eigenvector_failure_is_reported_not_raised(graph: nx.MultiDiGraph, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(1000)
    monkeypatch.setattr(nx, "eigenvector_centrality", fail)
    report = analyse(graph)
    assert report["centrality"]["eigenvector"] == []
    assert "did not converge" in report["centrality"]["eigenvector_note"]
    assert "did not converge" in to_markdown(report)


def test_empty_and_tiny_graphs() -> None:
    assert analyse(nx.MultiDiGraph())["summary"]["nodes"] == 0
    tiny = nx.MultiDiGraph()
    tiny.add_node("a", cls="Country", label_ja="A")
    assert analyse(tiny)["communities"] == []


def test_simple_graph_drops_direction_and_parallel_edges(graph: nx.MultiDiGraph) -> None:
    simple = simple_graph(graph)
    assert not simple.is_directed() and not simple.is_multigraph()
    assert simple.number_of_edges() == len({frozenset((u, v)) for u, v in graph.edges() if u != v})


def test_analyse_command(tmp_path: Path, capsys) -> None:
    shutil.copy(FIXTURE, tmp_path / "dataset.trig")
    assert main(["analyse", "--graph-dir", str(tmp_path)]) == 0
    assert (tmp_path / "analysis" / "analysis.json").is_file()
    assert "wrote" in capsys.readouterr().out
    assert main(["analyse", "--graph-dir", str(tmp_path), "--out", str(tmp_path / "elsewhere")]) == 0
    assert (tmp_path / "elsewhere" / "analysis.md").is_file()


def test_analyse_unwritable_output_folder(tmp_path: Path, capsys) -> None:
    shutil.copy(FIXTURE, tmp_path / "dataset.trig")
    (tmp_path / "file").write_text("x")
    assert main(["analyse", "--graph-dir", str(tmp_path), "--out", str(tmp_path / "file" / "out")]) == 7
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("resdip: ") and "cannot create output folder" in err


# --- answers from the document, on the built graph --------------------------------------

real = pytest.mark.skipif(not REAL.is_file(), reason="graph/dataset.trig not built yet (run: resdip build)")


@pytest.fixture(scope="module")
def built() -> tuple[nx.MultiDiGraph, Lookup]:
    store = load_dataset(REAL)
    projection = project(store)
    return projection, Lookup(projection, labels(store))


def _signing_chain(graph: nx.MultiDiGraph, chain: list[str]) -> bool:
    """Chile … signatory –Signing 2024-06– 齋藤 –holds– METI minister post –postIn– METI."""
    hops = list(zip(chain, chain[1:]))
    kinds = [{(d["kind"], d["date"][:7]) for _, d in hop_edges(graph, a, b)} for a, b in hops]
    signed = any(("Signing", "2024-06") in k for k in kinds)
    saito = any("齋藤" in graph.nodes[n]["label_ja"] for n in chain)
    post = [i for i, n in enumerate(chain) if graph.nodes[n]["cls"] == "Post"
            and "経済産業大臣" in graph.nodes[n]["label_ja"]]
    return signed and saito and bool(post) and any(k == "holds" for k, _ in kinds[post[-1] - 1]) \
        and any(k == "postIn" for k, _ in kinds[-1])


@real
def test_real_chile_reaches_meti_through_the_2024_06_signing(built) -> None:
    graph, lookup = built
    chile, meti = lookup.find("チリ"), lookup.find("経済産業省")
    chains = nx.all_simple_paths(simple_graph(graph), chile, meti, cutoff=5)
    assert any(_signing_chain(graph, chain) for chain in chains)


@real
def test_real_shortest_chile_meti_chain_holds_the_2024_06_signing(built) -> None:
    graph, lookup = built
    chains, total = shortest_chains(graph, lookup.find("country-cl"), lookup.find("org-meti"), 1000)
    assert chains, "no chain between Chile and METI"
    signings = [d for chain in chains for a, b in zip(chain, chain[1:]) for _, d in hop_edges(graph, a, b)
                if d["kind"] == "Signing" and d["date"].startswith("2024-06")]
    assert signings, f"no 2024-06 signing on the {total} shortest chains: {chains}"


@real
def test_real_australia_is_among_the_most_central_countries(built) -> None:
    graph, _ = built
    report = analyse(graph)
    by_degree = [r["id"] for r in report["centrality"]["countries_by_degree"][:3]]
    by_betweenness = [r["id"] for r in report["centrality"]["countries_by_betweenness"][:3]]
    assert "country-au" in by_degree or "country-au" in by_betweenness, (by_degree, by_betweenness)


@real
def test_real_msp_neighbourhood_holds_its_named_members(built) -> None:
    graph, lookup = built
    msp = lookup.find("MSP")
    assert graph.nodes[msp]["cls"] == "Partnership"
    around = set(nx.ego_graph(simple_graph(graph), msp, radius=1))
    for name in ("日本", "米国", "カナダ", "豪州", "EU"):
        assert lookup.find(name) in around, name
    members = {v for _, v, d in graph.out_edges(msp, data=True) if d["kind"] == "hasMember"}
    assert {lookup.find(n) for n in ("日本", "米国", "カナダ", "豪州", "EU")} <= members
