"""``resdip.open``: the Python API on the built graph of sources/energy-white-paper-2025-part2-ch1.txt.

Expected answers are read off the source text: 2024年6月に齋藤経済産業大臣がチリを訪問 (line 367),
2025年1月には、武藤経済産業大臣がサウジアラビア王国、アラブ首長国連邦（UAE）を直接訪問 (lines 155–157),
（1）石油天然ガス田の探鉱・資産買収等事業に対する出資金【2024年度当初：1,082億円、2024年度産投：798億円】 (445–447).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import rdflib

import resdip
from resdip import paths
from resdip.errors import EntityLookupError, InputFileError, QuerySyntaxError, UsageError

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "sources" / "energy-white-paper-2025-part2-ch1.txt"
VISITS = {("齋藤健", "チリ", pd.Timestamp("2024-06-01")),
          ("武藤容治", "サウジアラビア", pd.Timestamp("2025-01-01")),
          ("武藤容治", "アラブ首長国連邦", pd.Timestamp("2025-01-01"))}
VISIT_DESTINATIONS = ("PREFIX rd: <https://w3id.org/resdip/ontology#> PREFIX schema: <https://schema.org/> "
                      "SELECT DISTINCT ?country WHERE { ?visit a rd:Visit ; schema:location ?country } ORDER BY ?country")

if not (paths.GRAPH_DIR / "dataset.trig").is_file():
    pytest.skip("graph/dataset.trig not built yet (python build_graph.py)", allow_module_level=True)


@pytest.fixture(scope="module")
def kg() -> resdip.KnowledgeGraph:
    return resdip.open(paths.GRAPH_DIR)


# --- opening ----------------------------------------------------------------------------

def test_import_resdip_loads_nothing_heavy() -> None:
    code = ("import sys, resdip; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pyoxigraph', 'rdflib', 'networkx', 'pandas', 'numpy') or m.startswith('resdip.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_open_takes_a_relative_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    kg = resdip.open("graph")
    assert kg.path == Path("graph")
    assert "quads" in repr(kg)
    assert kg.query("ASK { ?visit a <https://w3id.org/resdip/ontology#Visit> }") is True
    assert resdip.open("graph/dataset.trig").path == Path("graph")  # the file names its folder


def test_open_a_folder_without_a_graph(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as caught:
        resdip.open(tmp_path)
    assert "dataset.trig not found" in str(caught.value) and "\n" not in str(caught.value)


# --- queries ----------------------------------------------------------------------------

def test_minister_visits_as_a_dataframe_with_datetime_dates(kg: resdip.KnowledgeGraph) -> None:
    df = kg.query_df("minister-visits")
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert df.attrs["precision"] == {"date": "month"}  # 2024年6月, 2025年1月: months, not days
    assert set(zip(df["visitor_ja"], df["destination_ja"], df["date"])) == VISITS
    assert set(df["destination"]) == {"rdi:country-cl", "rdi:country-sa", "rdi:country-ae"}
    assert set(df["post_ja"]) == {"経済産業大臣"}


def test_a_query_by_name_file_path_or_text_gives_the_same_rows(kg: resdip.KnowledgeGraph) -> None:
    path = paths.QUERIES_DIR / "minister-visits.rq"
    expected = kg.query("minister-visits")
    assert expected.columns[:2] == ["date", "visitor"] and len(expected) == 3
    for form in ("minister-visits.rq", path, str(path), path.read_text(encoding="utf-8")):
        assert kg.query(form) == expected
    assert {(r["visitor_ja"], r["destination_en"], r["date"]) for r in expected} == {
        ("齋藤健", "Chile", "2024-06"), ("武藤容治", "Saudi Arabia", "2025-01"),
        ("武藤容治", "United Arab Emirates", "2025-01")}


def test_amounts_are_numbers_and_fiscal_years_dates(kg: resdip.KnowledgeGraph) -> None:
    df = kg.query_df("budgets-by-measure")
    assert str(df["value_jpy"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(df["fiscal_year"]) and df.attrs["precision"]["fiscal_year"] == "year"
    assert str(df["portion_of"].dtype) == "boolean"
    line = df[df["measure_ja"] == "石油天然ガス田の探鉱・資産買収等事業に対する出資金"]
    got = {(r.fiscal_year.year, r.kind, r.value_jpy) for r in line.itertuples()}
    assert got == {(2024, "InitialBudget", 108_200_000_000), (2024, "FiscalInvestmentAndLoan", 79_800_000_000)}


@pytest.mark.parametrize("lang, names", [("en", {"Chile", "Saudi Arabia", "United Arab Emirates"}),
                                         ("ja", {"チリ", "サウジアラビア", "アラブ首長国連邦"})])
def test_labels_in_a_language_beside_iri_columns(kg: resdip.KnowledgeGraph, lang: str, names: set[str]) -> None:
    df = kg.query_df(VISIT_DESTINATIONS, lang=lang)
    assert list(df.columns) == ["country", f"country_{lang}"]
    assert set(df[f"country_{lang}"]) == names


def test_a_column_the_query_labels_itself_is_not_repeated(kg: resdip.KnowledgeGraph) -> None:
    df = kg.query_df("minister-visits", lang="en")
    assert list(df.columns).count("destination_en") == 1
    assert set(df["visitor_en"]) == {"Saito Ken", "Muto Yoji"}


def test_ask_and_construct(kg: resdip.KnowledgeGraph) -> None:
    assert kg.query("ASK { ?s a <https://w3id.org/resdip/ontology#Nothing> }") is False
    described = kg.query("DESCRIBE <https://w3id.org/resdip/id/country-cl>")
    assert isinstance(described, rdflib.Graph)
    chile = rdflib.URIRef("https://w3id.org/resdip/id/country-cl")
    assert (chile, rdflib.RDFS.label, rdflib.Literal("チリ", lang="ja")) in described
    triples = kg.query_df("CONSTRUCT { ?v <https://schema.org/location> ?c } WHERE "
                          "{ ?v a <https://w3id.org/resdip/ontology#Visit> ; <https://schema.org/location> ?c }")
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert set(triples["object"]) == {"rdi:country-cl", "rdi:country-sa", "rdi:country-ae"}
    with pytest.raises(UsageError, match="ASK query"):
        kg.query_df("ASK { ?s ?p ?o }")


def test_a_query_that_does_not_parse(kg: resdip.KnowledgeGraph) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        kg.query("SELECT ?visit WHERE {\n  ?visit a rd:Visit .\n}")
    assert caught.value.line == 2 and isinstance(caught.value.column, int)
    message = str(caught.value)
    assert f"line 2, column {caught.value.column}" in message and "\n" not in message
    assert "PREFIX rd: <https://w3id.org/resdip/ontology#>" in message  # the hint names the missing prefix


def test_an_unknown_query_name_suggests_the_near_ones(kg: resdip.KnowledgeGraph) -> None:
    with pytest.raises(InputFileError, match="did you mean: minister-visits"):
        kg.query("minister-visit")


# --- the network, entities, quotes --------------------------------------------------------

def test_the_network_is_the_exported_one(kg: resdip.KnowledgeGraph) -> None:
    exported = nx.read_graphml(paths.GRAPH_DIR / "exports" / "network.graphml")
    network = kg.network()
    assert isinstance(network, nx.MultiDiGraph)
    assert set(network.nodes) == set(exported.nodes)
    assert network.number_of_edges() == exported.number_of_edges()
    network.remove_node("country-cl")  # a copy: the graph's own network is untouched
    assert "country-cl" in kg.network()


@pytest.mark.parametrize("name", ["チリ", "Chile", "チリ共和国", "CL", "Q298", "country-cl", "rdi:country-cl",
                                  "https://w3id.org/resdip/id/country-cl"])
def test_entity_by_any_name(kg: resdip.KnowledgeGraph, name: str) -> None:
    chile = kg.entity(name)
    assert (chile.id, chile.cls, chile.label_ja, chile.label_en, chile.iso, chile.wikidata) == (
        "country-cl", "Country", "チリ", "Chile", "CL", "Q298")
    assert str(chile) == "チリ (country-cl)"


def test_unknown_entity_lists_candidates(kg: resdip.KnowledgeGraph) -> None:
    with pytest.raises(EntityLookupError) as caught:
        kg.entity("アラビア")
    assert str(caught.value).startswith("unknown entity 'アラビア'")
    assert "サウジアラビア (country-sa)" in str(caught.value)
    with pytest.raises(EntityLookupError, match="ambiguous name"):
        kg.entity("country-")


def test_quotes_of_an_entity_point_into_the_source(kg: resdip.KnowledgeGraph) -> None:
    raw = SOURCE.read_text(encoding="utf-8")
    quotes = kg.quotes("チリ")
    visit = [q for q in quotes if "齋藤経済産業大臣がチリを訪問し" in q.text]
    assert len(visit) == 1
    q = visit[0]
    assert q.doc == "ewp2025-p2c1" and "鉱物資源の確保" in q.section
    assert "".join(raw[q.begin:q.end].split()) == "".join(q.text.split())  # the raw file has line breaks
    assert [(x.doc, x.begin) for x in quotes] == sorted((x.doc, x.begin) for x in quotes)


def test_quotes_of_a_fact(kg: resdip.KnowledgeGraph) -> None:
    rows = kg.query("minister-visits")
    visit = next(r["visit"] for r in rows if r["destination"] == "rdi:country-sa")
    assert visit.startswith("rdfact:")
    texts = [q.text for q in kg.quotes(visit)]
    assert len(texts) == 1 and "武藤経済産業大臣がサウジアラビア王国、アラブ首長国連邦（UAE）を直接訪問" in texts[0]
    assert kg.quotes(visit.replace("rdfact:", "https://w3id.org/resdip/fact/")) == kg.quotes(visit)
    with pytest.raises(EntityLookupError, match="unknown fact"):
        kg.quotes("rdfact:event-0000")


# --- the page and rdflib -------------------------------------------------------------------

def test_show_without_focus_is_the_built_page(kg: resdip.KnowledgeGraph) -> None:
    assert kg.show().html == (paths.GRAPH_DIR / "network.html").read_text(encoding="utf-8")


def test_show_opens_on_the_focus(kg: resdip.KnowledgeGraph) -> None:
    page = kg.show(focus="チリ", radius=1, height=450)
    script = 'location.hash = "focus=country-cl\\u0026radius=1";'  # & escaped, as in the page's JSON
    assert f"<script>{script}</script>" in page.html
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"'sha256-{digest}'" in page.html  # the page's Content-Security-Policy lets it run
    shown = page._repr_html_()
    assert shown.count("<iframe srcdoc=") == 1 and 'sandbox="allow-scripts' in shown and "height:450px" in shown
    assert "<script" not in shown.split("srcdoc=")[1].split('" sandbox')[0]  # the page is escaped into the attribute


def test_show_rejects_bad_arguments(kg: resdip.KnowledgeGraph) -> None:
    with pytest.raises(EntityLookupError):
        kg.show(focus="アトランティス")
    with pytest.raises(UsageError, match="radius"):
        kg.show(focus="チリ", radius=11)
    with pytest.raises(UsageError, match="'ja' or 'en'"):
        kg.show(lang="fr")


def test_show_in_a_browser_frame_offline(kg: resdip.KnowledgeGraph, tmp_path: Path) -> None:
    """The page inside the notebook's frame (about:srcdoc, sandboxed) draws Chile's neighbourhood."""
    from browser.chromium import CHROMIUM, launched, open_page

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (sh tests/install-tools.sh)")
    page = kg.show(focus="country-cl", radius=1)
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><meta charset='utf-8'><body>{page._repr_html_()}</body>", encoding="utf-8")
    expected = set(nx.ego_graph(kg.network().to_undirected(as_view=True), "country-cl", radius=1))
    with launched() as browser, open_page(browser, host.as_uri(), wait_draw=False) as visit:
        # the frame exists once its element does; its document is the srcdoc once it has navigated there
        frame = visit.page.wait_for_selector("iframe", state="attached", timeout=60000).content_frame()
        frame.wait_for_function("() => window.__firstDraw !== undefined", timeout=60000)
        assert frame.evaluate("document.getElementById('focus-text').textContent") == "チリ の周辺（半径 1）"
        assert set(frame.evaluate("__resdip.network.body.nodeIndices")) == expected
        assert visit.problems() == []  # no console error, no request outside the page


def test_save_writes_the_page(kg: resdip.KnowledgeGraph, tmp_path: Path) -> None:
    page = kg.show(focus="Saudi Arabia", lang="en")
    out = page.save(tmp_path / "sa.html")
    assert out.read_text(encoding="utf-8") == page.html and '<html lang="en">' in page.html


def test_rdflib_dataset_holds_the_named_graphs(kg: resdip.KnowledgeGraph) -> None:
    dataset = kg.rdflib()
    named = {str(g.identifier): len(g) for g in dataset.graphs() if str(g.identifier).startswith("https://")}
    store_graphs = {g.value for g in kg.store.named_graphs()}
    assert set(named) == store_graphs
    assert sum(named.values()) == sum(1 for q in kg.store if q.graph_name.__class__.__name__ == "NamedNode")
    chile = rdflib.URIRef("https://w3id.org/resdip/id/country-cl")
    assert (chile, rdflib.RDFS.label, rdflib.Literal("Chile", lang="en")) in dataset  # the default graph reads as the union


def test_rows_hold_python_values(kg: resdip.KnowledgeGraph) -> None:
    rows = kg.query("budgets-by-measure")
    first = next(r for r in rows if r["measure_ja"] == "石油天然ガス田の探鉱・資産買収等事業に対する出資金"
                 and r["kind"] == "InitialBudget")
    assert first["value_jpy"] == 108_200_000_000 and first["fiscal_year"] == "2024" and first["portion_of"] is False
    assert json.dumps(rows.columns)  # plain names


def test_the_docs_name_every_method() -> None:
    docs = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    methods = [name for name in vars(resdip.KnowledgeGraph) if not name.startswith("_")]
    assert sorted(methods) == ["entity", "network", "query", "query_df", "quotes", "rdflib", "show"]
    assert [m for m in methods if f"kg.{m}(" not in docs] == []
