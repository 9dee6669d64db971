"""The projection read from an N-Quads file as a stream (resdip.views.quadindex): same network,
quotes and names as from a store, and a bounded number of quotes per entity and fact."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from resdip import paths
from resdip.views.projection import fact_quotes, index, labels, load_dataset, project, quotes
from resdip.views.quadindex import QuadIndex, read_file

NQ = paths.GRAPH_DIR / "dataset.nq"
FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"
RD = "https://w3id.org/resdip/ontology#"
RDI = "https://w3id.org/resdip/id/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def same_projection(a: QuadIndex, b: QuadIndex) -> None:
    ga, gb = project(a), project(b)
    assert list(ga.nodes(data=True)) == list(gb.nodes(data=True))
    assert list(ga.edges(keys=True, data=True)) == list(gb.edges(keys=True, data=True))
    qa, qb = quotes(a), quotes(b)
    assert qa == qb and qa.totals == qb.totals
    assert labels(a) == labels(b)
    fa, fb = fact_quotes(a), fact_quotes(b)
    assert fa == fb and fa.totals == fb.totals


def test_nquads_path_gives_what_the_store_gives() -> None:
    streamed = index(NQ)
    assert isinstance(streamed, QuadIndex)
    same_projection(streamed, index(load_dataset(NQ)))
    graph = project(streamed)
    assert graph.number_of_nodes() > 100 and graph.number_of_edges() > 100
    found = quotes(streamed)
    assert found["country-jp"] and found.totals["country-jp"] == len(found["country-jp"])


def test_what_is_not_needed_is_not_kept() -> None:
    ix = index(NQ)
    kept = {p for props in ix.out.values() for p in props}
    assert not kept & {NIF + "beginIndex", NIF + "endIndex", NIF + "anchorOf", RD + "text",
                       "http://www.w3.org/2005/11/its/rdf#taIdentRef"}
    assert not [s for s in ix.out if "/mention/" in s or "#char=" in s]  # mentions and sentences are rows
    assert not [s for s in ix.out if s.startswith("https://w3id.org/resdip/dataset")]  # the void graph
    assert ix.mention_count[RDI + "country-jp"] > 10


def test_trig_with_scattered_subjects_is_read_sorted(tmp_path: Path) -> None:
    lines = NQ.read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(3).shuffle(lines)
    shuffled = tmp_path / "shuffled.nq"
    shuffled.write_text("".join(lines), encoding="utf-8")
    same_projection(read_file(shuffled), index(NQ))
    # the hand-made TriG fixture is not sorted either
    same_projection(index(FIXTURE), index(load_dataset(FIXTURE)))


def _repetitive_text(path: Path, copies: int) -> None:
    """One document that says the same sentence ``copies`` times: every copy mentions Chile
    and Japan and is cited by the same visit (fact) — a small stand-in for a 50 MB text."""
    doc, graph = "https://w3id.org/resdip/doc/rep", "<https://w3id.org/resdip/graph/doc/rep>"
    fact = "<https://w3id.org/resdip/fact/event-0000000000000001>"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    text = "経済産業大臣がチリを訪問した。"
    lines = [f"{fact} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RD}Visit> {graph} .",
             f"{fact} <{RD}hasParticipation> <https://w3id.org/resdip/fact/event-0000000000000001-p> {graph} .",
             f"<https://w3id.org/resdip/fact/event-0000000000000001-p> <{RD}participant> <{RDI}country-jp> {graph} .",
             f"{fact} <https://schema.org/location> <{RDI}country-cl> {graph} .",
             f"{fact} <https://schema.org/startDate> \"2024-06\"^^<{xsd}gYearMonth> {graph} ."]
    for entity in ("country-cl", "country-jp"):
        lines.append(f"<{RDI}{entity}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RD}Country> {graph} .")
        lines.append(f"<{RDI}{entity}> <http://www.w3.org/2000/01/rdf-schema#label> \"{entity}\"@ja {graph} .")
    for i in range(copies):
        begin, end = i * len(text), (i + 1) * len(text)
        sentence = f"<{doc}#char={begin},{end}>"
        lines += [f"{sentence} <{NIF}beginIndex> \"{begin}\"^^<{xsd}nonNegativeInteger> {graph} .",
                  f"{sentence} <{NIF}endIndex> \"{end}\"^^<{xsd}nonNegativeInteger> {graph} .",
                  f"{sentence} <{NIF}anchorOf> \"{text}\" {graph} .",
                  f"{sentence} <{RD}text> \"{text}\" {graph} .",
                  f"{sentence} <{NIF}referenceContext> <{doc}> {graph} .",
                  f"{fact} <http://www.w3.org/ns/prov#wasDerivedFrom> {sentence} {graph} ."]
        for entity, offset in (("country-cl", 7), ("country-jp", 0)):
            mention = f"<{doc}/mention/{begin + offset}-{begin + offset + 2}>"
            lines += [f"{mention} <http://www.w3.org/2005/11/its/rdf#taIdentRef> <{RDI}{entity}> {graph} .",
                      f"{mention} <{NIF}sentence> {sentence} {graph} .",
                      f"{mention} <{NIF}beginIndex> \"{begin + offset}\"^^<{xsd}nonNegativeInteger> {graph} ."]
    path.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")


def test_quotes_are_capped_in_document_order_with_the_total(tmp_path: Path) -> None:
    copies = 600
    path = tmp_path / "dataset.nq"
    _repetitive_text(path, copies)
    ix = index(path)
    assert len(ix.sentences.iris) == copies
    assert len({ix.sentences.text[i] for i in range(copies)}) == 1  # one text object for all copies
    graph = project(ix)
    assert graph.nodes["country-cl"]["mentions"] == copies
    (visit,) = graph.get_edge_data("country-jp", "country-cl").values()
    assert visit["kind"] == "Visit" and visit["provenance"] == copies
    found = quotes(ix, limit=25)
    chile = found["country-cl"]
    assert len(chile) == 25 and found.totals["country-cl"] == copies
    assert [q["begin"] for q in chile] == [i * 15 for i in range(25)]  # the first, by offset not by IRI
    by_fact = fact_quotes(ix)
    (quoted,) = by_fact.values()
    assert len(quoted) == 100 and by_fact.totals[next(iter(by_fact))] == copies
    assert nx.utils.graphs_equal(project(read_file(path)), graph)


def test_other_inputs_are_read_too() -> None:
    import pyoxigraph as ox
    import rdflib

    as_quads = index(list(ox.parse(path=str(NQ), format=ox.RdfFormat.N_QUADS)))
    same_projection(as_quads, index(NQ))
    union = rdflib.Graph()
    union.parse(paths.GRAPH_DIR / "union.ttl", format="turtle")  # one graph: no registry graph to prefer
    assert set(project(union)) == set(project(NQ))
