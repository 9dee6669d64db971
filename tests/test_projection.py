"""The networkx projection (docs/MODEL.md, "The networkx projection") on the hand-made fixture."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from resdip import paths
from resdip.errors import DataFileError, InputFileError
from resdip.views.projection import fact_quotes, labels, load_dataset, project, quotes

FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"
SOURCE = paths.SOURCES_DIR / "energy-white-paper-2025-part2-ch1.txt"
FACT = "https://w3id.org/resdip/fact/"
NODE_ATTRS = {"iri": str, "cls": str, "label_ja": str, "label_en": str, "label_en_machine": bool, "reviewed": bool,
              "wikidata": str, "iso": str, "years": str, "mentions": int}
EDGE_ATTRS = {"kind": str, "label_ja": str, "label_en": str, "date": str, "year": int,
              "start": str, "end": str, "fact": str, "provenance": int}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_dataset(FIXTURE)


@pytest.fixture(scope="module")
def graph(store: ox.Store) -> nx.MultiDiGraph:
    return project(store)


def edges(graph: nx.MultiDiGraph, u: str, v: str, kind: str) -> list[dict]:
    return [d for d in (graph.get_edge_data(u, v) or {}).values() if d["kind"] == kind]


def test_fixture_offsets_point_into_the_source(store: ox.Store) -> None:
    raw = SOURCE.read_text(encoding="utf-8")
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    rows = store.query(f"SELECT ?b ?e ?a WHERE {{ GRAPH ?g {{ ?s <{nif}beginIndex> ?b ; <{nif}endIndex> ?e ; "
                       f"<{nif}anchorOf> ?a }} }}")
    checked = 0
    for row in rows:
        assert raw[int(row["b"].value):int(row["e"].value)] == row["a"].value
        checked += 1
    assert checked > 40


def test_nodes_are_entities_keyed_by_local_id_with_contract_attributes(graph: nx.MultiDiGraph) -> None:
    assert "country-cl" in graph and "org-meti" in graph
    for node, data in graph.nodes(data=True):
        assert set(data) == set(NODE_ATTRS), node
        for key, kind in NODE_ATTRS.items():
            assert type(data[key]) is kind, (node, key)
        assert data["iri"].endswith("/" + node)
    chile = graph.nodes["country-cl"]
    assert (chile["cls"], chile["label_ja"], chile["label_en"], chile["iso"], chile["wikidata"]) == \
        ("Country", "チリ", "Chile", "CL", "Q298")
    assert chile["reviewed"] is True and chile["mentions"] == 1 and chile["years"] == "2024"
    williams = graph.nodes["candidate-person-bd57607763"]
    assert williams["reviewed"] is False and williams["label_en"] == "Uiriamusu"
    assert williams["label_en_machine"] is True and chile["label_en_machine"] is False
    assert graph.nodes["post-meti-minister"]["years"] == "2024,2025"


def test_facts_are_not_nodes_but_measures_plans_partnerships_resources_are(graph: nx.MultiDiGraph) -> None:
    assert not [n for n, d in graph.nodes(data=True) if d["iri"].startswith(FACT)]
    classes = {d["cls"] for _, d in graph.nodes(data=True)}
    assert {"Measure", "Partnership", "Resource", "MemorandumOfUnderstanding", "Indicator"} <= classes
    assert not classes & {"Event", "Visit", "Signing", "BudgetLine", "Observation", "Membership"}


def test_edge_attributes_follow_the_contract(graph: nx.MultiDiGraph) -> None:
    for u, v, data in graph.edges(data=True):
        assert set(data) == set(EDGE_ATTRS), (u, v)
        for key, kind in EDGE_ATTRS.items():
            assert type(data[key]) is kind, (u, v, key)


def test_signing_links_signatories_and_the_agreement_with_its_date(graph: nx.MultiDiGraph) -> None:
    pair = edges(graph, "candidate-person-bd57607763", "person-saito-ken", "Signing")
    assert len(pair) == 1
    signing = pair[0]
    assert signing["fact"] == FACT + "signing-1c2d3e4f5a6b7c8d"
    assert (signing["date"], signing["year"], signing["start"], signing["end"]) == \
        ("2024-06", 2024, "2024-06-01", "2024-06-30")
    assert signing["provenance"] == 1
    assert edges(graph, "person-saito-ken", "candidate-agreement-5b0c1e9a77", "Signing")
    # the location comes from the visit the signing happened at (rd:atEvent)
    assert edges(graph, "person-saito-ken", "country-cl", "Signing")
    assert edges(graph, "person-saito-ken", "country-cl", "Visit")


def test_visits_meetings_and_series(graph: nx.MultiDiGraph) -> None:
    assert edges(graph, "person-muto-yoji", "country-sa", "Visit")
    assert edges(graph, "person-muto-yoji", "country-ae", "Visit")
    assert edges(graph, "person-muto-yoji", "person-king-madeleine", "OpinionExchange")  # actor → counterpart
    assert edges(graph, "country-au", "country-jp", "Dialogue")
    assert edges(graph, "country-jp", "series-japan-australia-economic-dialogue", "Dialogue")
    # the signing at the AZEC meeting links its signatories to the meeting's series
    assert edges(graph, "org-adb", "series-azec-ministerial", "Signing")
    assert edges(graph, "org-meti", "series-azec-ministerial", "Signing")


def test_shortcuts_carry_their_fact_and_registry_relations_none(graph: nx.MultiDiGraph) -> None:
    members = sorted(v for _, v, d in graph.out_edges("partnership-msp", data=True) if d["kind"] == "hasMember")
    assert members == ["country-au", "country-ca", "country-jp", "country-us", "org-eu"]
    for _, _, data in graph.out_edges("partnership-msp", data=True):
        assert data["fact"].startswith(FACT + "membership-") and data["provenance"] == 1
    holds = edges(graph, "person-muto-yoji", "post-meti-minister", "holds")
    assert len(holds) == 1 and holds[0]["provenance"] == 2 and holds[0]["date"] == "2025-01"
    post_in = edges(graph, "post-meti-minister", "org-meti", "postIn")
    assert post_in == [{**post_in[0], "fact": "", "provenance": 0, "date": "", "year": 0}]
    surveys = edges(graph, "org-jogmec", "country-au", "surveysIn")
    assert surveys[0]["fact"] == FACT + "assertion-7a8b9c0d1e2f3a4b"
    assert surveys[0]["label_en"] == "surveys in" and surveys[0]["label_ja"] == "調査を行う"
    arcpec = edges(graph, "partnership-arcpec", "country-jp", "hasMember")[0]
    assert (arcpec["start"], arcpec["end"]) == ("2023-01-01", "")  # a membership stays open


def test_quotes_are_the_sentences_about_each_entity(store: ox.Store) -> None:
    found = quotes(store)
    chile = found["country-cl"]
    assert len(chile) == 1 and set(chile[0]) == {"doc", "section", "text", "begin", "end", "iri"}
    assert chile[0]["doc"] == "ewp2025-p2c1" and chile[0]["begin"] == 4981
    assert "齋藤経済産業大臣がチリを訪問" in chile[0]["text"]
    assert chile[0]["section"].startswith("3．")
    australia = found["country-au"]
    assert [q["begin"] for q in australia] == sorted(q["begin"] for q in australia)
    assert len(australia) == 4  # dialogue, JOGMEC surveys, MSP, King
    # the post is never mentioned, but facts about it (post holdings) are quoted
    assert found["post-meti-minister"]
    by_fact = fact_quotes(store)
    assert [q["begin"] for q in by_fact[FACT + "postholding-0000000000000001"]] == [2049, 5063]


def test_projection_is_deterministic_and_accepts_rdflib(store: ox.Store, graph: nx.MultiDiGraph) -> None:
    again = project(FIXTURE)
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    dataset = rdflib.Dataset()
    dataset.parse(FIXTURE, format="trig")
    via_rdflib = project(dataset)
    assert nx.utils.graphs_equal(via_rdflib, graph)
    assert sorted(via_rdflib.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))


def test_inverse_shortcuts_fold_into_one_edge() -> None:
    store = load_dataset(FIXTURE)
    rdi, org = "https://w3id.org/resdip/id/", "http://www.w3.org/ns/org#"
    store.add(ox.Quad(ox.NamedNode(rdi + "country-us"), ox.NamedNode(org + "memberOf"),
                      ox.NamedNode(rdi + "partnership-msp"), ox.NamedNode("https://w3id.org/resdip/graph/registry")))
    graph = project(store)
    assert len(graph.get_edge_data("partnership-msp", "country-us")) == 1
    assert graph.get_edge_data("country-us", "partnership-msp") is None


def test_without_the_ontology_graph_event_kinds_still_come_out() -> None:
    store = load_dataset(FIXTURE)
    store.remove_graph(ox.NamedNode("https://w3id.org/resdip/graph/ontology"))
    graph = project(store)
    assert edges(graph, "person-saito-ken", "country-cl", "Visit")
    assert edges(graph, "country-au", "country-jp", "Dialogue")
    assert graph.nodes["candidate-agreement-5b0c1e9a77"]["cls"] == "MemorandumOfUnderstanding"


def test_labels_include_aliases(store: ox.Store) -> None:
    names = labels(store)
    assert {"豪州", "Australia", "オーストラリア"} <= set(names["country-au"])
    assert "Uiriamusu" in names["candidate-person-bd57607763"]


def test_missing_or_broken_dataset(tmp_path: Path) -> None:
    with pytest.raises(InputFileError):
        load_dataset(tmp_path / "dataset.trig")
    broken = tmp_path / "dataset.trig"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_dataset(broken)
