"""Nesting headings into a section tree.

第N節 (and はじめに) open a top-level section. N． under it is a subsection;
＜…＞ (＜具体的な主要施策＞) opens a list of measures under the current
subsection or section, whose items — （N） or N．, whichever comes first —
are measures. A heading of the other numbering style under a measure is a
subsection of that measure, except N． after （N） measures, which closes the
list. （N） outside a list of measures is a subsection of the N． above it.
"""

from __future__ import annotations

from .model import Section, SectionKind


class SectionTree:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self._stack: list[tuple[Section, str]] = []  # (section, heading form type)
        self._measure_style: dict[int, str] = {}  # id of a measures section → style of its items

    @property
    def current(self) -> Section | None:
        return self._stack[-1][0] if self._stack else None

    def _pop_while(self, forms: set[str]) -> None:
        while self._stack and self._stack[-1][1] in forms:
            self._stack.pop()

    def _measures_index(self) -> int | None:
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][1] == "measures":
                return index
        return None

    def _place(self, form: str) -> SectionKind:
        """Pop the stack to the new heading's parent; return the new heading's kind."""
        if form in ("chapter-section", "unnumbered"):
            self._stack.clear()
            return "section"
        if form == "measures":
            self._pop_while({"measures", "measure", "parenthesised"})
            return "measures"
        index = self._measures_index()
        if index is not None:
            block = self._stack[index][0]
            style = self._measure_style.get(id(block))
            if style is None or style == form:
                del self._stack[index + 1 :]
                self._measure_style[id(block)] = form
                return "measure"
            if style == "numbered" and form == "parenthesised":
                self._pop_while({"parenthesised"})
                return "subsection"
            del self._stack[index:]  # N． after （N） measures: the list has ended
        if form == "numbered":
            self._pop_while({"numbered", "parenthesised", "measures", "measure"})
        else:
            self._pop_while({"parenthesised"})
        return "subsection"

    def open(
        self, form: str, number: str, number_norm: str, title: str, raw_start: int, raw_end: int
    ) -> Section:
        kind = self._place(form)
        parent = self.current
        section = Section(
            id=len(self.sections) + 1,
            number=number,
            number_norm=number_norm,
            title=title,
            level=len(self._stack) + 1,
            kind=kind,
            raw_start=raw_start,
            raw_end=raw_end,
            parent=parent,
        )
        self.sections.append(section)
        self._stack.append((section, "measure" if kind == "measure" else form))
        return section
