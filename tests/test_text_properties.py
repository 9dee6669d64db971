"""Property-based tests of the text model: offsets always lead back to the raw text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from resdip.text import Document, parse_document
from resdip.text.mapped import MappedText
from resdip.text.normalise import nfkc, nfkc_text

# Japanese and ASCII text with the artefacts of PDF extraction and characters NFKC changes.
ALPHABET = st.sampled_from(
    list("あいうえおかがきのはをにて。、「」（）()・ー")
    + list("資源外交日本経済産業省石油天然")
    + list("ABCXYZabcxyz0123")
    + list("０１２３４５ＡＢ")
    + ["㎢", "\ufffd", "\u3099", "ｶ", "ﾞ", "①", "ｱ", "　", " ", "【", "】", "：", "！", "？", "\u0301", "e"]
)
MARKERS = st.sampled_from(["", "", "", "第 1節", "1．\ufffd", "（2）\ufffd", "＜具体的な主要施策＞", "1 \ufffd", "【2024年度当初：", "【第1-2-3】", "資料：", "はじめに"])

visual_line = st.builds(lambda marker, body: marker + body, MARKERS, st.text(ALPHABET, min_size=0, max_size=30))
line_break = st.sampled_from(["\n\n", "\n\n", "\n\n", "\n", "\n\n ", "\r\n\r\n", "\n \n"])


@st.composite
def pdf_like(draw: st.DrawFn) -> str:
    lines = draw(st.lists(visual_line, min_size=0, max_size=25))
    out = [draw(st.sampled_from(["", "\n", "\ufeff"[:0]]))]
    for line in lines:
        out.append(line)
        out.append(draw(line_break))
    return "".join(out)


@st.composite
def plain_like(draw: st.DrawFn) -> str:
    lines = draw(st.lists(visual_line, min_size=0, max_size=25))
    return "\n".join(lines)


def check_document(raw: str, doc: Document) -> None:
    used: set[int] = set()
    for unit in doc.units:
        assert unit.text and unit.text == unit.text.strip()
        offsets = unit.text_offsets
        assert len(offsets) == len(unit.text)
        assert all(a < b for a, b in zip(offsets, offsets[1:])), "text offsets must increase"
        for char, offset in zip(unit.text, offsets):
            source = raw[offset]
            if char == source:
                assert offset not in used, "a raw character feeds two units"
                used.add(offset)
            else:  # a line break stands for the joined lines
                assert char in " \n" and source in "\r\n"
        assert "\ufffd" not in unit.text
        assert unit.raw_start == offsets[0] and unit.raw_end == offsets[-1] + 1
        # norm: NFKC of text, per cluster, stable, monotonic offsets inside the unit's span
        assert unit.norm == nfkc_text(unit.text)
        assert nfkc_text(unit.norm) == unit.norm
        norm_offsets = unit.norm_offsets
        assert len(norm_offsets) == len(unit.norm)
        assert all(a <= b for a, b in zip(norm_offsets, norm_offsets[1:]))
        assert all(unit.raw_start <= o < unit.raw_end for o in norm_offsets)
        assert unit.raw_span(0, len(unit.norm)) == (unit.raw_start, unit.raw_end)
        assert unit.raw_span(0, len(unit.text), norm=False) == (unit.raw_start, unit.raw_end)
    # every raw character that carries text is in some unit (digits may be footnote numbers)
    for offset, char in enumerate(raw):
        if not (char.isspace() or char in "\ufffd\ufeff" or char.isdigit()):
            assert offset in used, f"raw[{offset}] = {char!r} was lost"


@settings(max_examples=300, deadline=None)
@given(pdf_like())
def test_pdf_layout_offsets_lead_back_to_raw(raw: str) -> None:
    check_document(raw, parse_document(raw, layout="pdf"))


@settings(max_examples=300, deadline=None)
@given(plain_like())
def test_plain_layout_offsets_lead_back_to_raw(raw: str) -> None:
    doc = parse_document(raw, layout="plain")
    check_document(raw, doc)
    for unit in doc.units:
        # only a heading whose title is on the line after its number spans two lines
        assert "\n" not in raw[unit.raw_start : unit.raw_end].strip() or unit.kind in ("figure", "heading")


@settings(max_examples=200, deadline=None)
@given(st.one_of(pdf_like(), plain_like()))
def test_auto_layout_is_one_of_the_two(raw: str) -> None:
    doc = parse_document(raw)
    assert doc.layout in ("pdf", "plain")
    check_document(raw, doc)


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_nfkc_per_cluster_maps_every_char_and_is_idempotent(text: str) -> None:
    mapped = MappedText.from_raw(text, 0, len(text))
    normal = nfkc(mapped)
    assert nfkc(normal).text == normal.text
    assert nfkc_text(normal.text) == normal.text
    starts = normal.map.starts()
    assert all(a <= b for a, b in zip(starts, starts[1:]))
    for index in range(len(normal)):
        start, end = normal.map.start(index), normal.map.end(index)
        assert 0 <= start < end <= len(text)
        assert normal.text[index] in unicodedata.normalize("NFKC", text[start:end])


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_nfkc_per_cluster_equals_nfkc_for_japanese_text(text: str) -> None:
    assert nfkc_text(text) == unicodedata.normalize("NFKC", text)
