"""``queries/*.rq``: each is documented, parses on its own, runs; checks return nothing.

The fixture tests run everywhere. The real-graph tests check answers against the source text
(sources/energy-white-paper-2025-part2-ch1.txt) and are skipped until ``graph/dataset.trig`` is built.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from resdip import paths
from resdip.rdf.store import open_store, run_query

QUERIES = sorted(paths.QUERIES_DIR.glob("*.rq"))
REPORTS = [q for q in QUERIES if not q.name.endswith("-violation.rq")]
CHECKS = [q for q in QUERIES if q.name.endswith("-violation.rq")]
FIXTURE = Path(__file__).parent / "fixtures" / "query"
RDI = "https://w3id.org/resdip/id/"
REAL = paths.GRAPH_DIR / "dataset.trig"
needs_graph = pytest.mark.skipif(not REAL.is_file(), reason="graph/dataset.trig not built yet (python build_graph.py)")

Row = dict[str, str]


def rows(store: ox.Store, query: Path | str) -> list[Row]:
    text = query.read_text(encoding="utf-8") if isinstance(query, Path) else query
    result = run_query(store, text, source=str(query))
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in result]


def q(name: str) -> Path:
    return paths.QUERIES_DIR / name


@pytest.fixture(scope="module")
def fixture_store() -> ox.Store:
    return open_store(FIXTURE)


@pytest.fixture(scope="module")
def real_store() -> ox.Store:
    if not REAL.is_file():
        pytest.skip("graph/dataset.trig not built yet")
    return open_store(paths.GRAPH_DIR)


def test_the_library_is_complete() -> None:
    assert len(REPORTS) >= 22
    names = {p.name for p in QUERIES}
    for required in ("minister-visits.rq", "partnership-members.rq", "country-ties.rq",
                     "agreements-and-signatories.rq", "budgets-by-measure.rq", "budget-totals-by-resource.rq",
                     "targets-vs-latest-actuals.rq", "timeline.rq", "jogmec-investments-and-surveys.rq",
                     "coal-sources-and-diversification.rq", "fact-provenance.rq", "unreviewed-entities.rq",
                     "post-holders.rq", "events-by-country.rq", "multilateral-frameworks.rq",
                     "financing-and-insurance.rq", "seabed-resources.rq", "export-restrictions.rq",
                     "documents-and-sections.rq", "event-without-date-violation.rq",
                     "fact-without-provenance-violation.rq", "quote-offsets-violation.rq",
                     "entity-without-ja-label-violation.rq", "budget-without-fiscal-year-violation.rq"):
        assert required in names


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_each_query_opens_with_its_documentation(query: Path) -> None:
    head = []
    for line in query.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    text = "\n".join(head)
    assert len(head) >= 4, "title, question (ja, en) and answer shape"
    assert re.search(r"問い[:：]", text) and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)
    assert "Question:" in text and "Answer:" in text


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_each_query_declares_its_prefixes_and_runs(query: Path, fixture_store: ox.Store) -> None:
    text = query.read_text(encoding="utf-8")
    ox.Store().query(text)  # parses with no prefixes given from outside
    assert run_query(fixture_store, text, source=query.name) is not None


@pytest.mark.parametrize("query", CHECKS, ids=lambda p: p.name)
def test_checks_find_nothing_in_the_fixture(query: Path, fixture_store: ox.Store) -> None:
    assert rows(fixture_store, query) == []


def test_checks_do_find_problems(tmp_path: Path) -> None:
    """Each check fires on a dataset broken on purpose."""
    broken = tmp_path / "dataset.trig"
    broken.write_text("""
@prefix rd: <https://w3id.org/resdip/ontology#> . @prefix rdi: <https://w3id.org/resdip/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix schema: <https://schema.org/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/resdip/graph/ontology> {
  rd:Event rdfs:subClassOf rd:Fact . rd:Visit rdfs:subClassOf rd:Event . rd:BudgetLine rdfs:subClassOf rd:Fact . }
<https://w3id.org/resdip/graph/doc/x> {
  <https://w3id.org/resdip/fact/visit-1> a rd:Visit ; schema:location rdi:country-x ;
      rd:attestedOn "2025-01-01T00:00:00"^^xsd:dateTime .
  <https://w3id.org/resdip/fact/budgetline-1> a rd:BudgetLine ; schema:value 2000000000.0 ; schema:currency "USD" ;
      rdfs:label "探査事業：2024年度 2億円"@ja ;
      prov:wasDerivedFrom <https://w3id.org/resdip/doc/x#char=0,3> .
  <https://w3id.org/resdip/doc/x#char=0,3> a rd:Sentence ; nif:beginIndex 0 ; nif:endIndex 3 ;
      nif:anchorOf "四文字だ" ; nif:referenceContext <https://w3id.org/resdip/doc/x> .
  <https://w3id.org/resdip/doc/x/mention/2-5> a rd:Mention ; nif:beginIndex 2 ; nif:endIndex 5 ;
      nif:anchorOf "字だよ" ; nif:sentence <https://w3id.org/resdip/doc/x#char=0,3> .
  rdi:country-x a rd:Country ; rdfs:label "X"@en .
  rdi:measure-x a rd:Measure ; rd:reviewed false ; rdfs:label "日ASEANサーキュラーエコノミーイニシアティブ（AJCEI）"@ja .
  rdi:partnership-x a rd:Partnership ; rd:reviewed true ; rdfs:label "AJCEI"@en . }
""", encoding="utf-8")
    store = open_store(tmp_path)
    for check in CHECKS:
        assert rows(store, check), f"{check.name} should find the planted problem"


# --- answers on the fixture (hand-made to the model) ---

def test_fixture_visits(fixture_store: ox.Store) -> None:
    got = {(r["visitor"], r["destination"], r["date"], r["post_ja"]) for r in rows(fixture_store, q("minister-visits.rq"))}
    assert got == {(RDI + "person-muto-yoji", RDI + "country-sa", "2025-01", "経済産業大臣"),
                   (RDI + "person-muto-yoji", RDI + "country-ae", "2025-01", "経済産業大臣"),
                   (RDI + "person-saito-ken", RDI + "country-cl", "2024-06", "経済産業大臣")}


def test_fixture_budget_totals_leave_out_portions(fixture_store: ox.Store) -> None:
    got = {(r["resource_ja"], r["fiscal_year"], r["kind"]): (r["total_jpy"], r["portions"])
           for r in rows(fixture_store, q("budget-totals-by-resource.rq"))}
    assert got[("石油・天然ガス", "2024", "InitialBudget")] == ("108200000000", "0")
    assert got[("重要鉱物", "2022", "SupplementaryBudget")] == ("0", "1")


def test_fixture_targets_against_latest(fixture_store: ox.Store) -> None:
    got = {(r["target_year"], r["target_value"], r["latest_value"], r["latest_year"])
           for r in rows(fixture_store, q("targets-vs-latest-actuals.rq"))}
    assert ("2030", "50", "37.2", "2023") in {(a, b.split(".")[0], c, d) for a, b, c, d in got}


def test_fixture_country_ties_default_chile(fixture_store: ox.Store) -> None:
    got = {(r["kind"], r["other"]) for r in rows(fixture_store, q("country-ties.rq"))}
    assert ("Visit", RDI + "person-saito-ken") in got
    assert ("PostHolding", RDI + "candidate-person-bd57607763") in got


def test_fixture_provenance_of_a_fact_told_twice(fixture_store: ox.Store) -> None:
    docs = {r["document"] for r in rows(fixture_store, q("fact-provenance.rq"))
            if r["fact"].endswith("visit-91b7584a2265b1f5")}
    assert docs == {"https://w3id.org/resdip/doc/ewp2025-p2c1", "https://w3id.org/resdip/doc/fixture-note"}


# --- answers on the real graph, checked against the source text ---

def _iso(store: ox.Store, iri: str) -> str:
    found = rows(store, f"SELECT ?iso WHERE {{ <{iri}> <https://w3id.org/resdip/ontology#isoCode> ?iso }}")
    return found[0]["iso"] if found else ""


def _labels(store: ox.Store, iri: str) -> str:
    found = rows(store, "SELECT ?l WHERE { <%s> <http://www.w3.org/2000/01/rdf-schema#label>|"
                        "<http://www.w3.org/2004/02/skos/core#altLabel> ?l }" % iri)
    return " ".join(r["l"] for r in found)


@needs_graph
@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_real_graph_runs_every_query(query: Path, real_store: ox.Store) -> None:
    found = run_query(real_store, query.read_text(encoding="utf-8"), source=query.name)
    if query in CHECKS:
        assert rows(real_store, query) == [], f"{query.name} found problems in graph/dataset.trig"
    else:
        assert found is not None


@needs_graph
def test_real_visits(real_store: ox.Store) -> None:
    """2025年1月 武藤経済産業大臣 → サウジアラビア, UAE; 2024年6月 齋藤経済産業大臣 → チリ."""
    got = {("武藤" if "武藤" in _labels(real_store, r["visitor"]) else
            "齋藤" if "齋藤" in _labels(real_store, r["visitor"]) else r["visitor"],
            _iso(real_store, r["destination"]), r["date"])
           for r in rows(real_store, q("minister-visits.rq"))}
    assert {("武藤", "SA", "2025-01"), ("武藤", "AE", "2025-01"), ("齋藤", "CL", "2024-06")} <= got


@needs_graph
def test_real_msp_members(real_store: ox.Store) -> None:
    """「日本、米国、カナダ、豪州、EU等の15の有志国・地域が参加する『鉱物資源安全保障パートナーシップ』」"""
    members = [r for r in rows(real_store, q("partnership-members.rq")) if "鉱物資源安全保障" in r["partnership_ja"]]
    isos = {_iso(real_store, r["member"]) for r in members}
    assert {"JP", "US", "CA", "AU"} <= isos
    assert any("EU" in _labels(real_store, r["member"]) or "欧州連合" in r["member_ja"] for r in members)
    assert all(int(r["sources"]) >= 1 for r in members)


@needs_graph
def test_real_budget_measure_1(real_store: ox.Store) -> None:
    """（1）…出資金【2024年度当初：1,082億円、2024年度産投：798億円】"""
    lines = {(r["fiscal_year"], r["kind"]): r["value_jpy"] for r in rows(real_store, q("budgets-by-measure.rq"))
             if r["measure_number"] == "(1)"}
    assert float(lines[("2024", "InitialBudget")]) == 108_200_000_000
    assert float(lines[("2024", "FiscalInvestmentAndLoan")]) == 79_800_000_000


@needs_graph
def test_real_budget_portion_of(real_store: ox.Store) -> None:
    """3．経済安全保障重要技術育成プログラム【2022年度補正：1,250億円の内数】"""
    lines = [r for r in rows(real_store, q("budgets-by-measure.rq")) if "経済安全保障重要技術育成" in r["measure_ja"]]
    assert [(r["fiscal_year"], r["kind"], float(r["value_jpy"]), r["portion_of"]) for r in lines] == [
        ("2022", "SupplementaryBudget", 125_000_000_000, "true")]


@needs_graph
def test_real_targets(real_store: ox.Store) -> None:
    """自主開発比率: 2030年に50%以上、2040年に60%以上; 2023年度実績 37.2%."""
    got = {(r["target_year"], float(r["target_value"]), r["comparator"], float(r["latest_value"] or "nan"))
           for r in rows(real_store, q("targets-vs-latest-actuals.rq")) if r["indicator_ja"] == "石油・天然ガスの自主開発比率"}
    assert got == {("2030", 50.0, "AtLeast", 37.2), ("2040", 60.0, "AtLeast", 37.2)}


@needs_graph
def test_real_coal(real_store: ox.Store) -> None:
    """豪州とインドネシアで約8割; 南アフリカやコロンビア等への多角化; ベトナムやインドネシアの輸出制限."""
    got = {(r["relation"], _iso(real_store, r["country"])) for r in rows(real_store, q("coal-sources-and-diversification.rq"))}
    assert got >= {("supplier", "AU"), ("supplier", "ID"), ("diversificationTarget", "ZA"),
                   ("diversificationTarget", "CO"), ("restrictsExports", "VN"), ("restrictsExports", "ID")}
    shares = {r["share_percent"] for r in rows(real_store, q("coal-sources-and-diversification.rq")) if r["relation"] == "supplier"}
    assert {float(s) for s in shares} == {80.0}


@needs_graph
def test_real_signings(real_store: ox.Store) -> None:
    """2024年6月 齋藤大臣とウィリアムス鉱業大臣が署名; 2024年8月 AZEC閣僚会合で ADB・ERIA と署名."""
    got = {(r["date"], _labels(real_store, r["signatory"])) for r in rows(real_store, q("agreements-and-signatories.rq"))}
    assert any(d == "2024-06" and "齋藤" in who for d, who in got)
    assert any(d == "2024-06" and "ウィリアムス" in who for d, who in got)
    assert any(d == "2024-08" and "ADB" in who for d, who in got)
    assert any(d == "2024-08" and "ERIA" in who for d, who in got)


@needs_graph
def test_real_export_restrictions_and_jogmec(real_store: ox.Store) -> None:
    restricting = {_iso(real_store, r["country"]) for r in rows(real_store, q("export-restrictions.rq"))}
    assert {"VN", "ID"} <= restricting
    invests = {r["target_ja"] for r in rows(real_store, q("jogmec-investments-and-surveys.rq")) if r["activity"] == "investsIn"}
    assert {"北カスピ海石油プロジェクト", "アブダビ石油プロジェクト", "モザンビークLNGプロジェクト", "豪州LNGプロジェクト"} <= invests


@needs_graph
def test_real_timeline_is_dated_and_ordered(real_store: ox.Store) -> None:
    dates = [r["date"] for r in rows(real_store, q("timeline.rq"))]
    assert dates and all(dates) and dates == sorted(dates)
