"""Documents of other genres, never tuned on: the pipeline reads them with no code change.

``tests/docs/`` holds three documents written for these tests (see its README): a White
Paper page without PDF wrapping, a METI press release about a minister's trip with
counterparts absent from the registry, and a JOGMEC release about an MoU with a foreign
ministry. Each has its own metadata (``FILE.json``: publisher, release date) and a gold file
written by hand from the text. They are built here with the real command, as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from resdip import paths
from resdip.evaluation.evaluate import evaluate

from conftest import build_documents

DOCS = paths.ROOT / "tests" / "docs"
GOLD = paths.ROOT / "tests" / "gold"
NAMES = ["test-wp-style", "test-meti-press", "test-jogmec-mou"]
PREFIXES = """
PREFIX rd: <https://w3id.org/resdip/ontology#>
PREFIX rdi: <https://w3id.org/resdip/id/>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ox.Store]:
    out = tmp_path_factory.mktemp("generalisation")
    return out, build_documents([DOCS / f"{name}.txt" for name in NAMES], out)


def rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    return [tuple(term.value if term is not None else "" for term in solution)
            for solution in store.query(PREFIXES + query, use_default_graph_as_union=True)]


@pytest.mark.parametrize("name", NAMES)
def test_each_document_meets_the_quality_target(built: tuple[Path, ox.Store], name: str) -> None:
    out, store = built
    scores = evaluate(GOLD / f"{name}.jsonl", store=store, text_path=DOCS / f"{name}.txt")
    overall = scores["overall"]
    report = ", ".join(f"{k} P={s.precision:.2f} R={s.recall:.2f}" for k, s in scores.items())
    assert overall.precision >= 0.95, report
    assert overall.recall >= 0.90, report


def test_press_release_trip_dates_resolved_against_the_release(built: tuple[Path, ox.Store]) -> None:
    # 「10月27日（日曜日）から10月29日（火曜日）までタンザニア連合共和国を訪問」, released 2024-10-30.
    found = rows(built[1], """
        SELECT ?start ?end WHERE {
          ?v a rd:Visit ; schema:startDate ?start ; schema:endDate ?end ;
             rd:hasParticipation [ rd:participant rdi:person-muto-yoji ; rd:role rd:Visitor ] ,
                                 [ rd:participant rdi:country-tz ; rd:role rd:Host ] .
        }""")
    assert found == [("2024-10-27", "2024-10-29")]


def test_unknown_foreign_minister_becomes_a_candidate_with_a_tanzanian_post(built: tuple[Path, ox.Store]) -> None:
    # 「タンザニア連合共和国のムセンギ鉱業大臣と会談し、重要鉱物分野における協力覚書に署名」 (10月28日).
    found = rows(built[1], """
        SELECT ?date ?reviewed ?country WHERE {
          ?person rdfs:label "ムセンギ"@ja ; rd:reviewed ?reviewed .
          ?h a rd:PostHolding ; org:member ?person ; rd:post ?post ; rd:attestedOn ?date .
          ?post rd:jurisdiction ?country .
        }""")
    assert found == [("2024-10-28", "false", "https://w3id.org/resdip/id/country-tz")]
    signings = rows(built[1], """
        SELECT ?date ?agreement WHERE {
          ?s a rd:Signing ; schema:startDate ?date ; rd:about ?mou ;
             rd:hasParticipation [ rd:participant ?p ; rd:role rd:Signatory ] .
          ?p rdfs:label "ムセンギ"@ja . ?mou a rd:MemorandumOfUnderstanding ; rdfs:label ?agreement .
          FILTER(lang(?agreement) = "ja")
        }""")
    assert signings == [("2024-10-28", "重要鉱物分野における協力覚書")]


def test_mou_with_a_foreign_ministry_gathers_both_sentences(built: tuple[Path, ox.Store]) -> None:
    # 「JOGMECは、2月13日（木曜日）、…モンゴル国鉱業・重工業省との間で、…覚書（MOU）を締結」 and
    # 「署名式では、…ドルジスレン鉱業・重工業大臣と、JOGMECの山中金属資源開発本部長が本覚書に署名」.
    signatories = rows(built[1], """
        SELECT ?label WHERE {
          ?s a rd:Signing ; schema:startDate "2025-02-13"^^<http://www.w3.org/2001/XMLSchema#date> ;
             rd:hasParticipation [ rd:participant ?p ; rd:role rd:Signatory ] .
          ?p rdfs:label ?label . FILTER(lang(?label) = "ja")
        } ORDER BY ?label""")
    assert sorted(s for (s,) in signatories) == sorted(
        ["エネルギー・金属鉱物資源機構", "モンゴル国鉱業・重工業省", "ドルジスレン", "山中"])
    ministry = rows(built[1], """
        SELECT ?where WHERE { ?m rdfs:label "モンゴル国鉱業・重工業省"@ja ; schema:location ?where }""")
    assert ministry == [("https://w3id.org/resdip/id/country-mn",)]


def test_white_paper_page_without_wrapping_gives_budget_and_an_unregistered_indicator(
        built: tuple[Path, ox.Store]) -> None:
    budgets = rows(built[1], """
        SELECT ?fy ?value WHERE { ?b a rd:BudgetLine ; rd:fiscalYear ?fy ; schema:value ?value } ORDER BY ?value""")
    assert budgets == [("2024", "1200000000"), ("2024", "2500000000")]
    targets = rows(built[1], """
        SELECT ?label ?value ?year ?cmp WHERE {
          ?t a rd:Target ; rd:indicator ?i ; schema:value ?value ; rd:targetYear ?year ; rd:comparator ?cmp .
          ?i rdfs:label ?label ; rd:reviewed false . FILTER(lang(?label) = "ja")
        }""")
    assert targets == [("レアアースの特定国への依存度", "50", "2030",
                        "https://w3id.org/resdip/ontology#AtMost")]


def test_every_fact_of_these_documents_cites_its_sentence(built: tuple[Path, ox.Store]) -> None:
    out, store = built
    texts = {name: (DOCS / f"{name}.txt").read_text(encoding="utf-8") for name in NAMES}
    cited = rows(store, """
        SELECT ?file ?begin ?end ?anchor WHERE {
          ?fact prov:wasDerivedFrom ?s . ?s nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ;
             nif:referenceContext ?doc . ?doc rd:fileName ?file .
        }""")
    assert cited
    for file, begin, end, anchor in cited:
        assert texts[file.removesuffix(".txt")][int(begin):int(end)] == anchor


RELEASE_A = """2025年3月4日
独立行政法人エネルギー・金属鉱物資源機構

JOGMEC、ザンビア地質調査所と共同調査に関する覚書を締結

JOGMECは、3月3日、ルサカにおいて、ザンビア地質調査所との間で、銅の共同調査に関する覚書を締結しました。署名式では、ザンビア地質調査所のピーター・ムレンガ長官が署名しました。
"""
RELEASE_B = """2025年9月10日
経済産業省

武藤経済産業大臣がザンビア地質調査所長官と面談しました

武藤経済産業大臣は、9月9日、東京において、ザンビア地質調査所のピーター・ムレンガ長官と面談し、コバルトの探査について意見交換を行いました。
"""


def test_one_unknown_body_and_person_named_in_two_documents_is_one_node(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RELEASE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RELEASE_B, encoding="utf-8")
    store = build_documents([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "graph")
    for cls, label in (("GovernmentBody", "ザンビア地質調査所"), ("Person", "ムレンガ")):
        found = rows(store, f"""
            PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
            SELECT ?e (COUNT(DISTINCT ?g) AS ?documents) WHERE {{
              ?e a rd:{cls} ; rdfs:label ?l . FILTER(CONTAINS(STR(?l), "{label}") && LANG(?l) = "ja")
              GRAPH ?g {{ ?m a rd:Mention ; itsrdf:taIdentRef ?e }}
            }} GROUP BY ?e""")
        assert len(found) == 1, found  # one node, whichever document named it
        assert found[0][1] == "2", found  # … mentioned in both
