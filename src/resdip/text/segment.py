"""Blocks → units: join lines, drop artefacts, split sentences, nest sections.

:func:`parse_document` is the text model's entry point: raw text in, a
:class:`~resdip.text.model.Document` out. It runs in time linear in the
length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from .blocks import UNNUMBERED, Block, Layout, Line, classify, detect_layout, split_lines
from .mapped import Builder, MappedText
from .model import Document, Section, Unit, UnitKind
from .normalise import nfkc, nfkc_text
from .rules import Rules, load_rules
from .sections import SectionTree

_LATIN = re.compile(r"[A-Za-z0-9.,;:]")
_DIGITS = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,3}(?![0-9０-９])")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")


def _mostly_latin(raw: str) -> bool:
    """Few kana/kanji among the letters: lines of a PDF text join with a space."""
    sample = raw[:200_000]
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(_CJK.findall(sample)) / letters < 0.3


@lru_cache(maxsize=4)
def _artefact_pattern(artefacts: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(artefacts) + "]+")


def join_lines(
    raw: str, lines: Iterable[Line], rules: Rules, *, separator: str = "", latin_space: bool = False, first: int = -1
) -> MappedText:
    """Join line contents, dropping artefacts (U+FFFD).

    ``separator`` ("" or "\\n") goes between lines, mapped to the raw line
    break; with ``latin_space`` a space (also mapped to the line break) goes
    between a Latin letter or digit and the next line's Latin character.
    ``first`` starts the first line at that raw offset instead of its start.
    """
    builder = Builder()
    artefacts = _artefact_pattern(rules.artefacts) if rules.artefacts else None
    previous: Line | None = None
    for line in lines:
        start = first if previous is None and first >= 0 else line.start
        if previous is not None and len(builder):
            if separator:
                builder.add_char(separator, previous.newline, previous.newline + 1)
            elif latin_space and _LATIN.match(previous.text[-1]) and _LATIN.match(raw[start]):
                builder.add_char(" ", previous.newline, previous.newline + 1)
        pos = start
        if artefacts is not None:
            for match in artefacts.finditer(raw, start, line.end):
                builder.add_raw(raw, pos, match.start())
                pos = match.end()
        builder.add_raw(raw, pos, line.end)
        previous = line
    return builder.build()


def split_sentences(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Spans of sentences: split after 。！？ outside brackets (「」（）…)."""
    marks = re.compile("[" + re.escape(rules.open_brackets + rules.close_brackets + rules.sentence_terminators) + "]")
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    start = 0
    for match in marks.finditer(text):
        index = match.start()
        if index < start:
            continue
        char = match.group()
        if char in rules.open_brackets:
            opened.append(index)
        elif char in rules.close_brackets:
            if opened:
                opened.pop()
        else:
            if opened and index - opened[0] > rules.bracket_max_chars:
                opened.clear()  # an unclosed bracket must not swallow the rest of the text
            if not opened:
                end = index + 1
                while end < len(text) and (text[end] in rules.sentence_terminators or text[end] in rules.close_brackets):
                    end += 1
                spans.append((start, end))
                start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_MARK_FOLLOWERS = ("の", "は", "が", "を", "に", "と", "や", "で", "、")


class _FootnoteRefs:
    """Removes the reference digit N after the term footnote N defines (first occurrence)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.terms = {b.number: b.term for b in blocks if b.kind == "footnote" and b.term}
        # footnotes that define no Japanese term (「1 Minerals Security Partnership。…」): their mark stands after a
        # bracketed abbreviation and before a particle (「（MSP）1の一員として」)
        self.bare = {b.number for b in blocks if b.kind == "footnote" and not b.term and b.number is not None}

    def remove(self, mapped: MappedText) -> MappedText:
        if not self.terms and not self.bare:
            return mapped
        text = mapped.text
        spans = []
        for match in _DIGITS.finditer(text):
            number = int(match.group())
            term = self.terms.get(number)
            if term and text.endswith(term, 0, match.start()):
                spans.append(match.span())
                del self.terms[number]
            elif (number in self.bare and match.start() > 0 and text[match.start() - 1] in ")）"
                  and text.startswith(_MARK_FOLLOWERS, match.end())):
                spans.append(match.span())
                self.bare.discard(number)
        return mapped.delete(spans) if spans else mapped


class _Assembler:
    def __init__(self, raw: str, doc_id: str, layout: Layout, rules: Rules, blocks: list[Block]) -> None:
        self.raw = raw
        self.doc_id = doc_id
        self.layout = layout
        self.rules = rules
        self.blocks = blocks
        self.tree = SectionTree()
        self.refs = _FootnoteRefs(blocks)
        self.latin_space = _mostly_latin(raw)
        self.units: list[Unit] = []
        self.stream: list[Line] = []

    def unit(
        self, kind: UnitKind, mapped: MappedText, section: Section | None = None, **extra: object
    ) -> Unit | None:
        mapped = mapped.strip()
        if not mapped.text:
            return None
        if self.layout == "pdf":  # 「1 1 7 . 6億円」: spaces a PDF put inside a number
            spans = [m.span() for m in self.rules.pdf_number_spaces.finditer(mapped.text)]
            mapped = mapped.delete(spans) if spans else mapped
        normal = nfkc(mapped)
        unit = Unit(
            index=-1,
            kind=kind,
            text=mapped.text,
            norm=normal.text,
            raw_start=mapped.map.start(0),
            raw_end=max(mapped.map.end(len(mapped) - 1), normal.map.end(len(normal) - 1)),
            section=section or self.tree.current,
            _text_map=mapped,
            _norm_map=normal,
            _raw=self.raw,
            **extra,  # type: ignore[arg-type]
        )
        self.units.append(unit)
        return unit

    def join(self, lines: list[Line], **options: object) -> MappedText:
        return join_lines(self.raw, lines, self.rules, latin_space=self.latin_space, **options)  # type: ignore[arg-type]

    def flush(self) -> None:
        if not self.stream:
            return
        mapped = self.refs.remove(self.join(self.stream))
        self.stream = []
        for start, end in split_sentences(mapped.text, self.rules):
            piece = mapped.slice(start, end)
            # a budget line run on after a sentence, as a PDF's lines may put it (「…開始しました。【平成24年度当初：…】」)
            budget = self.rules.budget_start.match(piece.text.strip()) and piece.text.rstrip().endswith("】")
            self.unit("budget" if budget else "sentence", piece)

    def heading(self, block: Block) -> None:
        form = block.form or UNNUMBERED
        first = self.join(block.lines[:1]).strip()
        match = None if form is UNNUMBERED else form.regex.match(first.text)
        if match and match.end() == len(first) and len(block.lines) > 1:
            # "第 1節" / title on the next line: keep them apart with a space standing for the line break
            space = Builder()
            space.add_char(" ", block.lines[0].newline, block.lines[0].newline + 1)
            mapped = MappedText.concat([first, space.build(), self.join(block.lines[1:])])
        else:
            mapped = self.join(block.lines)
        mapped = self.refs.remove(mapped).strip()
        match = None if form is UNNUMBERED else form.regex.match(mapped.text)
        written = match.group() if match else ""
        title = mapped.text[len(written) :].strip()
        number = "".join(written.split())
        if form.type == "measures" and not title:
            title = number[1:-1]
        start, end = mapped.raw_span(0, len(mapped))
        section = self.tree.open(form.type, number, nfkc_text(number), title, start, end)
        section.heading = self.unit("heading", mapped, section=section)

    def run(self) -> Document:
        pdf = self.layout == "pdf"
        for block in self.blocks:
            if block.kind == "body":
                self.stream.extend(block.lines)
                if not pdf:
                    self.flush()
            elif block.kind in ("heading", "budget"):
                self.flush()
                if block.kind == "heading":
                    self.heading(block)
                else:
                    self.unit("budget", self.join(block.lines))
            elif block.kind == "footnote":
                if not pdf:
                    self.flush()
                self.unit("footnote", self.join(block.lines, first=block.body_start), number=block.number)
            else:
                if not pdf:
                    self.flush()
                self.unit("figure", self.join(block.lines, separator="\n"), label=block.label, title=block.title)
        self.flush()
        self.units.sort(key=lambda u: u.raw_start)
        for index, unit in enumerate(self.units):
            unit.index = index
        return Document(self.raw, self.doc_id, self.layout, self.tree.sections, self.units)


def resolve_layout(raw: str, layout: Literal["auto", "pdf", "plain"] = "auto") -> Layout:
    """The layout ``parse_document`` would use for ``raw`` (``"auto"`` decided from the text)."""
    if layout != "auto":
        return layout
    rules = load_rules()
    return detect_layout(split_lines(raw, rules.artefacts), rules)


def parse_document(raw: str, doc_id: str = "doc", layout: Literal["auto", "pdf", "plain"] = "auto") -> Document:
    """Sections and units of ``raw`` (a decoded source text, BOM removed).

    ``layout`` is ``"pdf"`` (text extracted from a PDF: hard line breaks with
    a blank line after each visual line), ``"plain"`` (one paragraph a line)
    or ``"auto"`` (decide from the line/blank-line rhythm).
    """
    if layout not in ("auto", "pdf", "plain"):
        raise ValueError(f"layout must be 'auto', 'pdf' or 'plain', not {layout!r}")
    rules = load_rules()
    lines = split_lines(raw, rules.artefacts)
    resolved: Layout = detect_layout(lines, rules) if layout == "auto" else layout
    blocks = classify(lines, resolved, rules)
    return _Assembler(raw, doc_id, resolved, rules, blocks).run()

