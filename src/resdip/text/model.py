"""The text model: a document, its sections, and its units (sentences, headings…).

Every unit knows its span in the raw file. ``text`` is the unit as read
(lines joined, page-break spaces, U+FFFD, footnote reference digits and
interrupting footnotes/figures removed; original characters); ``norm`` is
its NFKC form for matching. ``text_offsets[i]`` / ``norm_offsets[i]`` give
the raw offset of character ``i``; :meth:`Unit.raw_span` maps a span of
either back to a raw ``[start, end)``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .mapped import MappedText

UnitKind = Literal["sentence", "heading", "footnote", "figure", "budget"]
SectionKind = Literal["section", "subsection", "measures", "measure"]


@dataclass(eq=False)
class Section:
    """A heading and the part of the document it opens."""

    id: int  # 1, 2, … in document order
    number: str  # as written, spaces removed: "第1節", "1．", "（1）", "＜具体的な主要施策＞", "" (はじめに)
    number_norm: str  # NFKC of number: "第1節", "1.", "(1)", "<具体的な主要施策>"
    title: str  # the heading's title, lines joined: "石油・天然ガスの安定的かつ低廉な確保に向けた取組"
    level: int  # 1 for top-level sections
    kind: SectionKind
    raw_start: int  # span of the whole heading in the raw file
    raw_end: int
    parent: Section | None = field(default=None, repr=False)
    heading: Unit | None = field(default=None, repr=False)

    @property
    def path(self) -> tuple[Section, ...]:
        chain: list[Section] = []
        node: Section | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return tuple(reversed(chain))

    @property
    def label(self) -> str:
        """The number as written, or the title for unnumbered headings."""
        return self.number or self.title

    @property
    def label_norm(self) -> str:
        return self.number_norm or self.title

    @property
    def path_label(self) -> str:
        """E.g. ``"第1節 > 4． > ＜具体的な主要施策＞ > （3）"``."""
        return " > ".join(s.label for s in self.path)

    @property
    def path_label_norm(self) -> str:
        """E.g. ``"第1節 > 4. > <具体的な主要施策> > (3)"`` (MODEL.md's rd:sectionPath)."""
        return " > ".join(s.label_norm for s in self.path)


@dataclass(eq=False)
class Unit:
    """A sentence, heading, footnote, figure or budget line, with its raw span."""

    index: int
    kind: UnitKind
    text: str
    norm: str
    raw_start: int
    raw_end: int
    section: Section | None = field(default=None, repr=False)
    number: int | None = None  # footnotes: the footnote number
    label: str | None = None  # figures: "第213-6-1"
    title: str | None = None  # figures: the rest of the first line
    _text_map: MappedText | None = field(default=None, repr=False)
    _norm_map: MappedText | None = field(default=None, repr=False)
    _raw: str = field(default="", repr=False)

    @cached_property
    def text_offsets(self) -> tuple[int, ...]:
        return self._text_map.map.starts() if self._text_map else ()

    @cached_property
    def norm_offsets(self) -> tuple[int, ...]:
        return self._norm_map.map.starts() if self._norm_map else ()

    @property
    def anchor(self) -> str:
        """The raw text between raw_start and raw_end, line breaks included."""
        return self._raw[self.raw_start : self.raw_end]

    def raw_span(self, start: int, end: int, norm: bool = True) -> tuple[int, int]:
        """Raw ``[start, end)`` of characters ``start..end-1`` of ``norm`` (or of ``text``)."""
        mapped = self._norm_map if norm else self._text_map
        if mapped is None:
            raise ValueError("unit has no offset map")
        return mapped.raw_span(start, end)

    @property
    def section_path(self) -> str:
        return self.section.path_label if self.section else ""


@dataclass(eq=False)
class Document:
    raw: str = field(repr=False)
    doc_id: str
    layout: Literal["pdf", "plain"]
    sections: list[Section]
    units: list[Unit]
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [u.raw_start for u in self.units]

    def sentences(self) -> Iterator[Unit]:
        return (u for u in self.units if u.kind == "sentence")

    def of_kind(self, kind: UnitKind) -> list[Unit]:
        return [u for u in self.units if u.kind == kind]

    def unit_at(self, offset: int) -> Unit | None:
        """The innermost unit whose raw span contains ``offset``, or None."""
        k = bisect_right(self._starts, offset) - 1
        for j in range(k, max(-1, k - 16), -1):
            unit = self.units[j]
            if unit.raw_start <= offset < unit.raw_end:
                return unit
        return None
