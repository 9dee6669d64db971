"""A source given as a PDF: the committed chapter printed by chromium (``tests/pdf/make_pdfs.py``)
builds the facts its text builds, every sentence knows its pages and boxes, and every quote is the
extracted text at its offsets.

The PDF has what a printed White Paper has: a running header and page numbers on every page, two
levels of headings, footnotes set small between the halves of the sentence they interrupt (and one
at the bottom of a page, away from its reference), a figure with a caption over a box of small text,
paragraphs running on across pages, a Japanese font. Its sidecar ``ewp2025-p2c1.json`` names the same
document as ``sources/sources.json`` (same id, date, voice), so the facts can be compared by IRI
with the committed ``graph/``, which is the build of the text (``tests/test_graph_fresh.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, build_documents

from resdip.text.formats import read_source, sniff

PDF = ROOT / "tests" / "pdf" / "ewp2025-p2c1.pdf"
DOC = "https://w3id.org/resdip/doc/ewp2025-p2c1"
GRAPH = "https://w3id.org/resdip/graph/doc/ewp2025-p2c1"
PREFIXES = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rd: <https://w3id.org/resdip/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/> PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
#: The font has no glyph for ㎢: the PDF draws an empty box with no Unicode there, so the three
#: quantities in km² lose their unit and the facts that hold it are not made from the PDF.
NO_GLYPH = "㎢"


@pytest.fixture(scope="module")
def pdf_graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ox.Store]:
    out = tmp_path_factory.mktemp("pdf") / "graph"
    return out, build_documents([PDF], out)


@pytest.fixture(scope="module")
def pdf_store(pdf_graph: tuple[Path, ox.Store]) -> ox.Store:
    return pdf_graph[1]


@pytest.fixture(scope="module")
def text_store() -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(ROOT / "graph" / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def _facts(store: ox.Store) -> dict[str, set[str]]:
    """Fact IRI → the texts of the sentences it was derived from."""
    found: dict[str, set[str]] = {}
    for row in store.query(PREFIXES + f"SELECT ?f ?t WHERE {{ GRAPH <{GRAPH}> {{ ?f prov:wasDerivedFrom ?s . "
                           "?s rd:text ?t } }"):
        found.setdefault(row["f"].value, set()).add(row["t"].value)
    return found


def _sentences(store: ox.Store) -> list[dict[str, object]]:
    rows = store.query(PREFIXES + f"""SELECT ?s ?b ?e ?anchor ?text ?kind ?first ?last WHERE {{ GRAPH <{GRAPH}> {{
        ?s a rd:Sentence ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; rd:text ?text ;
           rd:unitKind ?kind .
        OPTIONAL {{ ?s schema:pageStart ?first ; schema:pageEnd ?last }} }} }}""")
    return [{"iri": r["s"].value, "begin": int(r["b"].value), "end": int(r["e"].value), "anchor": r["anchor"].value,
             "text": r["text"].value, "kind": r["kind"].value,
             "first": int(r["first"].value) if r["first"] else None,
             "last": int(r["last"].value) if r["last"] else None} for r in rows]


def test_the_pdf_gives_the_facts_the_text_gives(pdf_store: ox.Store, text_store: ox.Store) -> None:
    from_text, from_pdf = _facts(text_store), _facts(pdf_store)
    assert len(from_text) > 150
    assert set(from_pdf) - set(from_text) == set()
    missing = set(from_text) - set(from_pdf)
    # each fact the PDF does not give comes from a sentence that holds a character the PDF has no text for
    assert all(any(NO_GLYPH in text for text in from_text[fact]) for fact in missing), sorted(missing)
    assert len(missing) <= 3


def test_every_quote_is_the_extracted_text_at_its_offsets(pdf_store: ox.Store) -> None:
    text = read_source(PDF).text
    sentences = _sentences(pdf_store)
    assert len(sentences) > 150
    for sentence in sentences:
        assert text[sentence["begin"]:sentence["end"]] == sentence["anchor"], sentence["iri"]
        assert sentence["iri"] == f"{DOC}#char={sentence['begin']},{sentence['end']}"
    mentions = pdf_store.query(PREFIXES + f"SELECT ?b ?e ?a WHERE {{ GRAPH <{GRAPH}> {{ ?m a rd:Mention ; "
                               "nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a } }")
    count = 0
    for row in mentions:
        assert text[int(row["b"].value):int(row["e"].value)] == row["a"].value
        count += 1
    assert count > 300


def _squeeze(text: str) -> str:
    return re.sub(r"\s|\ufffd", "", text)


@pytest.fixture(scope="module")
def page_texts() -> list[str]:
    """Each page's text as PDFium reads it, whitespace removed: what the reader is checked against."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(PDF))
    try:
        return [_squeeze(document[n].get_textpage().get_text_range()) for n in range(len(document))]
    finally:
        document.close()


def _read_across(anchor: str, pages: list[str], first: int) -> list[int]:
    """The pages, from ``first`` on, over which ``anchor`` is read in order: each page gives the
    longest starts of what is left of it that it holds after the piece before (a footnote or a
    figure may come between two pieces), until it holds none; then the next page goes on."""
    used = []
    page, cursor = first, 0
    while anchor and page <= len(pages):
        text = pages[page - 1]
        taken, at = 0, -1
        while taken < len(anchor):
            found = text.find(anchor[: taken + 1], cursor)
            if found < 0:
                break
            taken, at = taken + 1, found
        if taken:
            used.append(page)
            anchor, cursor = anchor[taken:], at + taken
        else:
            page, cursor = page + 1, 0
    assert not anchor, f"not on the pages from {first} on: {anchor[:20]}"
    return used


def test_every_sentence_knows_its_pages(pdf_store: ox.Store, page_texts: list[str]) -> None:
    sentences = [s for s in _sentences(pdf_store) if s["kind"] == "sentence"]
    assert len(sentences) > 100
    spanning = 0
    for sentence in sentences:
        anchor = _squeeze(str(sentence["anchor"]))
        first, last = sentence["first"], sentence["last"]
        assert first is not None and last is not None, sentence["iri"]
        pages = _read_across(anchor, page_texts, first)
        assert (pages[0], pages[-1]) == (first, last), (sentence["iri"], pages)
        head = anchor[:12]
        if sum(head in page for page in page_texts) == 1:  # its start is on one page only: that one
            assert head in page_texts[first - 1]
        spanning += last > first
    assert spanning >= 3  # sentences run on across page breaks (three in this PDF)


def test_each_page_of_a_sentence_has_a_fragment_selector_whose_box_holds_it(pdf_store: ox.Store) -> None:
    import pypdfium2 as pdfium

    rows = pdf_store.query(PREFIXES + f"""SELECT ?s ?text ?value ?source ?conforms WHERE {{ GRAPH <{GRAPH}> {{
        ?s a oa:SpecificResource ; oa:hasSource ?source ; oa:hasSelector ?sel ; nif:anchorOf ?text ; rd:unitKind "sentence" .
        ?sel a oa:FragmentSelector ; rdf:value ?value ; dcterms:conformsTo ?conforms }} }}""")
    document = pdfium.PdfDocument(str(PDF))
    checked = 0
    pieces: dict[str, list[tuple[set[str], set[str]]]] = {}  # sentence → (4-grams in the box, all) per page
    try:
        for row in rows:
            assert row["source"].value == DOC
            assert row["conforms"].value == "http://tools.ietf.org/rfc/rfc8118"
            match = re.fullmatch(r"page=(\d+)&viewrect=([\d.]+),([\d.]+),([\d.]+),([\d.]+)", row["value"].value)
            assert match, row["value"].value
            page_number, left, top, width, height = int(match[1]), *map(float, match.groups()[1:])
            page = document[page_number - 1]
            page_width, page_height = page.get_size()
            assert 0 <= left and left + width <= page_width and 0 <= top and top + height <= page_height
            inside = _squeeze(page.get_textpage().get_text_bounded(left - 1, page_height - top - height - 1,
                                                                   left + width + 1, page_height - top + 1))
            text = _squeeze(row["text"].value)
            grams = {text[i:i + 4] for i in range(max(1, len(text) - 3))}
            held = {gram for gram in grams if gram in inside}
            pieces.setdefault(row["s"].value, []).append((held, grams))
            checked += 1
    finally:
        document.close()
    assert checked > 120  # 128 sentences, three on two pages
    for sentence, boxes in pieces.items():
        grams = boxes[0][1]
        # each page's box holds a part of it, and together all of it but the three 4-grams across a page
        # break or across a footnote or figure set inside it
        assert all(held for held, _ in boxes), sentence
        assert len(grams - set().union(*(held for held, _ in boxes))) <= 3 * len(boxes), sentence
    assert sum(len(boxes) == 1 and boxes[0][0] == boxes[0][1] for boxes in pieces.values()) > 120


def test_running_headers_page_numbers_footnotes_and_captions_are_not_sentences(pdf_store: ox.Store) -> None:
    text = read_source(PDF).text
    assert "エネルギー白書2025" not in text  # the running header of every page
    assert not any(re.fullmatch(r"\d{1,3}", line) for line in text.splitlines())  # no page number left
    by_kind: dict[str, list[str]] = {}
    for sentence in _sentences(pdf_store):
        by_kind.setdefault(str(sentence["kind"]), []).append(str(sentence["text"]))
    assert sorted(by_kind["footnote"]) == sorted([
        "ASEAN：東南アジア諸国連合の略。",
        "「海洋基本計画」は、2008年3月に第1期を策定、2013年4月に第2期を策定、2018年5月に第3期を策定しており、"
        "2023年4月に第4期を策定しました。",
        "「海洋エネルギー・鉱物資源開発計画」は、2009年3月に策定後、2013年12月、2019年2月、2024年3月に改定しています。"])
    assert any(t.startswith("【第213-6-1】") for t in by_kind["figure"])
    # the sentence the first footnote interrupts reads whole, its reference digit dropped
    assert ("このような不安を払拭するため、2023年10月の「日豪経済閣僚対話」において日豪両国の閣僚は、石炭についても、相互信頼に基づき、"
            "移行期間において安定的なエネルギー供給を確保し、投資環境を更に整備することで合意しました。") in by_kind["sentence"]
    assert any("東アジア・ASEAN経済研究センター（ERIA）" in t for t in by_kind["sentence"])


def test_what_a_file_is_comes_from_its_bytes(tmp_path: Path) -> None:
    pdf_named_txt = tmp_path / "report.txt"
    pdf_named_txt.write_bytes(PDF.read_bytes())
    assert read_source(pdf_named_txt).kind == "pdf"
    text_named_pdf = tmp_path / "notes.pdf"
    text_named_pdf.write_text("経済産業省は豪州と協力している。\n", encoding="utf-8")
    assert read_source(text_named_pdf).kind == "text"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html lang=ja>") == "html"
    assert sniff(b"<?xml version='1.0'?>\n<!-- x -->\n<html xmlns='http://www.w3.org/1999/xhtml'>") == "html"
    assert sniff("HTMLの<html>タグについて。".encode()) == "text"
    assert sniff(b"\n\n%PDF-1.7\n") == "pdf"


def test_quotes_say_their_page_and_link_to_it(pdf_graph: tuple[Path, ox.Store]) -> None:
    """What the network page, ``resdip path`` and ``neighbours --quotes`` show of a quote: its page, and ``file.pdf#page=N``."""
    import subprocess
    import sys

    from conftest import cli_env

    from resdip.views.projection import fact_quotes

    out, store = pdf_graph
    pages = {str(s["iri"]): s["first"] for s in _sentences(store)}
    quotes = [q for found in fact_quotes(store).values() for q in found]
    assert len(quotes) > 150
    for quote in quotes:
        assert quote["page"] == pages[quote["iri"]]
        assert quote["link"] == f"ewp2025-p2c1.pdf#page={quote['page']}"
    for command in (["path", "チリ", "経済産業省"], ["neighbours", "チリ", "--quotes"]):
        result = subprocess.run([sys.executable, "-m", "resdip.cli", *command, "--graph-dir", str(out)],
                                capture_output=True, text=True, env=cli_env(), timeout=300, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        quoted = [line for line in result.stdout.splitlines() if line.strip().startswith("「")]
        assert quoted, command
        for line in quoted:
            found = re.search(r"\[(\d+),(\d+)\).* page (\d+) <ewp2025-p2c1\.pdf#page=(\d+)>$", line)
            assert found, line
            iri = f"{DOC}#char={found[1]},{found[2]}"
            assert int(found[3]) == int(found[4]) == pages[iri]
