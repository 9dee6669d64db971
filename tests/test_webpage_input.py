"""A source given as a web page: the invented releases of ``tests/docs/rel-*.txt`` set in the frames of
METI's, MOFA's and JOGMEC's release pages (``tests/html/make_pages.py``) build the facts their texts
build, read their date, title and issuing body from the page, and let no navigation through.

The frames name ministers, countries and agreements in whole sentences in their navigation, side
columns and footers (「経済産業大臣がチリ共和国を訪問しました。」), so a frame read as content would
show as sentences and facts the text does not have. Facts are compared by their label: an agreement
the registry lacks is told apart per document (two releases' 協力覚書 are two agreements), so its
IRI, and those of the facts about it, carry the document's id; every other fact has the same IRI.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, build_documents

from resdip.registry import load_registry
from resdip.text.formats import read_source
from resdip.text.header import Header, page_header

HTML = ROOT / "tests" / "html"
DOCS = ROOT / "tests" / "docs"
PAGES = {"meti-visit": "rel-meti-visit", "mofa-ministerial": "rel-mofa-ministerial", "jogmec-mou": "rel-jogmec-mou"}
PREFIXES = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rd: <https://w3id.org/resdip/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
#: text of the frames around the releases: none of it may become a sentence
FRAME = ["経済産業大臣がチリ共和国を訪問しました", "日豪両国は重要鉱物に関する協力覚書に署名しました",
         "JOGMECが豪州のリチウム探鉱事業に出資します", "上川外務大臣はノルウェー王国の外務大臣と会談しました",
         "日米豪印外相会合", "チリ国営銅公社", "カナダのニッケル探鉱事業", "ニュースリリース", "政策について",
         "利用規約", "霞が関", "Copyright", "シェア", "ポスト", "本文へ", "検索", "パンくず", "ホーム",
         "トップページ", "JOGMECについて", "文字サイズ", "English"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[ox.Store, ox.Store]]:
    base = tmp_path_factory.mktemp("pages")
    stores = {}
    for page, text in PAGES.items():
        stores[page] = (build_documents([DOCS / f"{text}.txt"], base / f"{page}-text"),
                        build_documents([HTML / f"{page}.html"], base / f"{page}-page"))
    return stores


def _fact_labels(store: ox.Store) -> dict[str, str]:
    rows = store.query(PREFIXES + "SELECT DISTINCT ?f ?l WHERE { GRAPH ?g { ?f prov:wasDerivedFrom ?s ; "
                       "rdfs:label ?l FILTER(lang(?l) = 'ja') } }")
    return {row["f"].value: row["l"].value for row in rows}


def _candidates(store: ox.Store) -> set[str]:
    rows = store.query(PREFIXES + "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e rd:reviewed false } }")
    return {row["e"].value for row in rows}


def _objects(store: ox.Store, fact: str) -> set[str]:
    """The IRIs a fact points at, through its participation nodes too."""
    rows = store.query(PREFIXES + f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ <{fact}> (!rdf:type)/((!rdf:type)?) ?o "
                       "FILTER(isIRI(?o)) } }")
    return {row["o"].value for row in rows}


def _document(store: ox.Store) -> dict[str, str]:
    rows = store.query(PREFIXES + "SELECT ?p ?o WHERE { GRAPH ?g { ?d a rd:SourceDocument ; ?p ?o } }")
    return {row["p"].value: row["o"].value for row in rows}


@pytest.mark.parametrize("page", PAGES)
def test_a_page_gives_the_facts_its_text_gives(builds, page: str) -> None:
    from_text, from_page = (_fact_labels(store) for store in builds[page])
    assert len(from_text) >= 10
    assert sorted(from_page.values()) == sorted(from_text.values())
    stores = dict(zip(("text", "page"), builds[page]))
    own = {name: _candidates(store) for name, store in stores.items()}
    for name, facts, other in (("text", from_text, from_page), ("page", from_page, from_text)):
        for fact in set(facts) - set(other):
            # another IRI: only a fact about an entity of this document alone (an agreement it names)
            refs = _objects(stores[name], fact)
            assert refs & (own[name] - own["page" if name == "text" else "text"]), (fact, facts[fact])


@pytest.mark.parametrize("page", PAGES)
def test_a_page_gives_its_date_title_and_issuing_body(builds, page: str) -> None:
    from_text, from_page = (_document(store) for store in builds[page])
    for key in ("http://purl.org/dc/terms/issued", "http://purl.org/dc/terms/publisher"):
        assert from_page.get(key) and from_page[key] == from_text[key], key
    title = "http://purl.org/dc/terms/title"
    assert unicodedata.normalize("NFKC", from_page[title]) == unicodedata.normalize("NFKC", from_text[title])
    assert from_page["http://purl.org/dc/terms/source"].startswith("https://www.")


def test_the_date_and_issuing_body_come_from_the_markup_where_the_text_is_silent(builds) -> None:
    """MOFA's page names 外務省 only in its <title>; JOGMEC's names itself only in og:site_name."""
    assert "外務省" not in read_source(HTML / "mofa-ministerial.html").text
    assert _document(builds["mofa-ministerial"][1])["http://purl.org/dc/terms/publisher"].endswith("/org-mofa")
    jogmec = read_source(HTML / "jogmec-mou.html")
    assert "独立行政法人エネルギー・金属鉱物資源機構（JOGMEC）" not in jogmec.text.splitlines()  # no issuing-body line
    assert jogmec.page["date"] == "2024-11-15" and jogmec.page["site"] == "独立行政法人エネルギー・金属鉱物資源機構"
    assert page_header(jogmec.page, load_registry()) == Header("2024-11-15", jogmec.page["title"], "org-jogmec")
    assert _document(builds["jogmec-mou"][1])["http://purl.org/dc/terms/issued"] == "2024-11-15"


@pytest.mark.parametrize("page", PAGES)
def test_no_navigation_text_becomes_a_sentence(builds, page: str) -> None:
    store = builds[page][1]
    texts = [row["t"].value for row in store.query(PREFIXES + "SELECT ?t WHERE { GRAPH ?g { ?s a rd:Sentence ; "
                                                   "rd:text ?t } }")]
    assert len(texts) >= 5
    leaked = [(part, text) for text in texts for part in FRAME if part in text]
    assert leaked == []
    extracted = read_source(HTML / f"{page}.html").text
    assert not [part for part in FRAME if part in extracted]


@pytest.mark.parametrize("page", PAGES)
def test_each_sentence_keeps_the_url_and_its_element(builds, page: str) -> None:
    import lxml.html

    store = builds[page][1]
    loaded = read_source(HTML / f"{page}.html")
    tree = lxml.html.document_fromstring((HTML / f"{page}.html").read_bytes()).getroottree()
    rows = list(store.query(PREFIXES + """SELECT ?s ?b ?e ?anchor ?source ?exact ?prefix ?suffix ?path WHERE { GRAPH ?g {
        ?s a rd:Sentence, oa:SpecificResource ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ;
           oa:hasSource ?source ; oa:hasSelector ?quote, ?element .
        ?quote a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
        ?element a oa:XPathSelector ; rdf:value ?path } }"""))
    assert len(rows) >= 5
    for row in rows:
        begin, end = int(row["b"].value), int(row["e"].value)
        assert row["source"].value == loaded.page["url"]
        assert row["exact"].value == row["anchor"].value == loaded.text[begin:end]
        assert loaded.text[:begin].endswith(row["prefix"].value) and loaded.text[end:].startswith(row["suffix"].value)
        # the element the XPath names, in the page as published, holds the quote (blanks as shown)
        found = tree.xpath(row["path"].value)
        assert len(found) == 1, row["path"].value
        shown = re.sub(r"[ \t\r\n\f]+", " ", found[0].text_content())  # HTML blanks; U+3000 shows
        assert row["exact"].value.replace("\n", " ")[:20] in shown or shown.strip() in row["exact"].value


def test_a_page_with_no_main_text_is_refused() -> None:
    from resdip.errors import InputNoTextError

    with pytest.raises(InputNoTextError, match="no main text"):
        read_source(HTML / "no-main-text.html")


@pytest.mark.parametrize("page", PAGES)
def test_quotes_link_to_the_sentence_in_the_page(builds, page: str) -> None:
    """A quote names the page's URL and links to it with a text fragment that finds the sentence
    (``#:~:text=start,end``, WICG Scroll to Text Fragment)."""
    from urllib.parse import unquote

    from resdip.views.projection import fact_quotes

    store = builds[page][1]
    url = read_source(HTML / f"{page}.html").page["url"]
    quotes = [q for found in fact_quotes(store).values() for q in found]
    assert len(quotes) >= 5
    for quote in quotes:
        assert quote["url"] == url and "page" not in quote
        base, _, directive = quote["link"].partition("#:~:text=")
        assert base == url
        parts = [unquote(part) for part in directive.split(",")]
        text = " ".join(quote["text"].split())
        assert text.startswith(parts[0]) and text.endswith(parts[-1]) and len(parts) in (1, 2)
        assert not any(c in part for part in directive.split(",") for c in "-&, ")
