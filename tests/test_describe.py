"""``resdip.rdf.describe``: VoID + DCAT counted from the dataset, deterministic, no clock."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from resdip import paths
from resdip.rdf.describe import DATASET, VOID_GRAPH, describe
from resdip.rdf.store import open_store, union_triples

FIXTURE = Path(__file__).parent / "fixtures" / "query"
RD = "https://w3id.org/resdip/ontology#"
DOCUMENTS = json.loads(paths.SOURCES_METADATA.read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE / "dataset.trig", format="trig")
    return ds


def value(graph, subject, predicate):  # type: ignore[no-untyped-def]
    found = list(graph.objects(subject, predicate))
    assert len(found) == 1, (subject, predicate, found)
    return found[0]


def test_counts_agree_with_oxigraph(dataset: Dataset) -> None:
    void = describe(dataset, DOCUMENTS, "0.1.0")
    store = open_store(FIXTURE, union=False)
    union = union_triples(store)
    assert int(value(void, DATASET, VOID.triples)) == len(union)
    for graph in ("registry", "ontology", "doc/ewp2025-p2c1", "doc/fixture-note"):
        name = URIRef(f"https://w3id.org/resdip/graph/{graph}")
        assert (DATASET, VOID.subset, name) in void
        expected = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))
        assert int(value(void, name, VOID.triples)) == expected


def test_class_and_property_partitions(dataset: Dataset) -> None:
    void = describe(dataset, DOCUMENTS, "0.1.0")
    visits = URIRef(f"{DATASET}#class-rd-Visit")
    assert (DATASET, VOID.classPartition, visits) in void
    assert value(void, visits, VOID["class"]) == URIRef(RD + "Visit")
    assert value(void, visits, VOID.entities) == Literal(2, datatype=XSD.integer)  # told twice, one node
    members = URIRef(f"{DATASET}#property-org-hasMember")
    assert value(void, members, VOID.triples) == Literal(5, datatype=XSD.integer)
    assert int(value(void, DATASET, VOID.entities)) > 50


def test_description_of_the_sources(dataset: Dataset) -> None:
    void = describe(dataset, DOCUMENTS, "0.1.0")
    assert (DATASET, RDF.type, VOID.Dataset) in void and (DATASET, RDF.type, DCAT.Dataset) in void
    url = URIRef(DOCUMENTS[0]["url"])
    assert (DATASET, DCTERMS.source, url) in void
    assert (DATASET, DCTERMS.license, URIRef(DOCUMENTS[0]["licence"])) in void
    assert (url, DCTERMS.title, Literal(DOCUMENTS[0]["title"]["ja"], lang="ja")) in void
    rights = value(void, DATASET, DCTERMS.rights)
    labels = [str(o) for p, o in void.predicate_objects(rights) if p != RDF.type]
    assert any("出典：資源エネルギー庁『エネルギー白書2025』" in label for label in labels)
    assert value(void, DATASET, DCTERMS.hasVersion) == Literal("0.1.0")


def test_endpoint_only_when_served(dataset: Dataset) -> None:
    assert not list(describe(dataset, DOCUMENTS, "0.1.0").objects(DATASET, VOID.sparqlEndpoint))
    served = describe(dataset, DOCUMENTS, "0.1.0", endpoint="http://127.0.0.1:7878/query")
    assert value(served, DATASET, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:7878/query")


def test_deterministic_and_clock_free(dataset: Dataset) -> None:
    first = describe(dataset, DOCUMENTS, "0.1.0")
    second = describe(dataset, DOCUMENTS, "0.1.0")
    assert set(first) == set(second)  # no blank nodes: equal as sets, not only isomorphic
    assert not any(isinstance(o, Literal) and o.datatype in (XSD.dateTime, XSD.date) for o in first.objects())
    # another parser reads what rdflib writes
    parsed = list(ox.parse(first.serialize(format="turtle").encode(), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(first)


def test_its_own_graph_is_not_counted(dataset: Dataset) -> None:
    before = describe(dataset, DOCUMENTS, "0.1.0")
    copy = Dataset()
    copy.parse(FIXTURE / "dataset.trig", format="trig")
    void_graph = copy.graph(VOID_GRAPH)
    for triple in before:
        void_graph.add(triple)
    assert set(describe(copy, DOCUMENTS, "0.1.0")) == set(before)


def test_accepts_objects_with_title_fields(dataset: Dataset) -> None:
    class Meta:
        id = "x"
        url = "https://example.org/x"
        licence = "https://creativecommons.org/licenses/by/4.0/"
        title_ja = "題"
        title_en = "Title"
        attribution = "出典：例"
        issued = "2025"

    void = describe(dataset, [Meta()], "1")
    assert (URIRef("https://example.org/x"), DCTERMS.title, Literal("題", lang="ja")) in void


@pytest.mark.skipif(not (paths.GRAPH_DIR / "void.ttl").is_file(), reason="graph/ not built yet")
def test_built_void_matches_the_built_dataset() -> None:
    store = open_store(paths.GRAPH_DIR, union=False)
    void_iri = ox.NamedNode(str(VOID_GRAPH))
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store if q.graph_name != void_iri}
    built = {t for t in ox.parse(path=str(paths.GRAPH_DIR / "void.ttl"), format=ox.RdfFormat.TURTLE)}
    stated = [t.object.value for t in built
              if t.subject == ox.NamedNode(str(DATASET)) and t.predicate == ox.NamedNode(str(VOID.triples))]
    assert stated == [str(len(triples))]


def test_counts_from_sorted_lines_equal_counts_of_the_triples(dataset: Dataset, tmp_path: Path) -> None:
    """The build counts VoID from merged N-Triples runs (resdip.rdf.spool): the counts are those of the triples."""
    from rdflib import Graph

    from resdip.rdf.describe import Counts, LineCounter
    from resdip.rdf.spool import graph_lines, merged, split_line, write_run

    paths_ = []
    for number, context in enumerate(sorted(dataset.graphs(), key=lambda g: str(g.identifier))):
        if context.identifier == VOID_GRAPH or not len(context):
            continue
        graph = Graph()
        for triple in context:
            graph.add(triple)
        paths_.append(write_run(str(context.identifier), graph_lines(graph), tmp_path / f"{number}.nt").path)
    counter = LineCounter()
    for line in merged(paths_):
        counter.add(*split_line(line))
    union = {(s, p, o) for s, p, o, g in dataset.quads((None, None, None, None))
             if getattr(g, "identifier", g) != VOID_GRAPH}
    types: dict[object, set[object]] = {}
    for s, p, o in union:
        if p == RDF.type:
            types.setdefault(o, set()).add(s)
    expected = Counts(
        triples=len(union),
        entities=len({s for members in types.values() for s in members if isinstance(s, URIRef)}),
        subjects=len({s for s, _, _ in union}),
        objects=len({o for _, _, o in union}),
        properties=Counter(str(p) for _, p, _ in union),
        classes=Counter({str(cls): len(members) for cls, members in types.items()}),
    )
    assert counter.result() == expected
    assert counter.result().triples == len(union) > 500
    void = describe(dataset, DOCUMENTS, "0.1.0")  # the Python API counts the same way
    assert int(value(void, DATASET, VOID.distinctObjects)) == expected.objects
    assert int(value(void, DATASET, VOID.entities)) == expected.entities
