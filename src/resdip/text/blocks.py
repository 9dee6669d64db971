"""Lines → blocks: headings, footnotes, figures, budget lines and body lines.

This stage only decides what each line *is*; it does not build text. A
``pdf`` layout text has a hard break and a blank line after every visual
line, heading blocks use single newlines, and footnotes and figures are
dropped into the running text. A ``plain`` text has one paragraph a line.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Literal

from .rules import HeadingForm, Rules

Layout = Literal["pdf", "plain"]
BlockKind = Literal["heading", "footnote", "figure", "budget", "body"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
UNNUMBERED = HeadingForm("unnumbered", 1, re.compile(r"^"))


@dataclass(frozen=True)
class Line:
    """One non-blank line: its content span in raw (outer whitespace excluded)."""

    start: int
    end: int
    newline: int  # raw offset of the line break after it (len(raw) at the end)
    gap: bool  # a blank line, or the start of the text, comes before it
    text: str
    indented: bool = False  # it opens with an ideographic space, a paragraph's indent


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line]
    form: HeadingForm | None = None  # headings
    number: int | None = None  # footnotes
    term: str | None = None  # footnotes: the term the footnote defines
    body_start: int = 0  # footnotes and figures: raw offset where the content starts
    label: str | None = None  # figures
    title: str | None = None  # figures


def split_lines(raw: str, artefacts: str) -> list[Line]:
    """Non-blank lines of ``raw`` with their spans; linear in the length of raw."""
    lines: list[Line] = []
    gap = True
    pos = 0
    length = len(raw)
    breaks = _LINE_BREAK.finditer(raw)
    while pos <= length:
        match = next(breaks, None)
        line_end = match.start() if match else length
        next_pos = match.end() if match else length + 1
        segment = raw[pos:line_end]
        stripped = segment.strip()
        if not stripped or not stripped.strip(artefacts).strip():
            gap = True
        else:
            left = len(segment) - len(segment.lstrip())
            right = len(segment.rstrip())
            newline = line_end + 1 if raw.startswith("\r\n", line_end) else line_end
            lines.append(Line(pos + left, pos + right, newline, gap, stripped, segment.startswith("\u3000")))
            gap = False
        pos = next_pos
    return lines


def _closed(text: str, rules: Rules) -> bool:
    """Ends a sentence: a terminator, possibly followed by closing brackets."""
    stripped = text.rstrip(rules.closers + rules.artefacts + " \u3000")
    return bool(stripped) and stripped[-1] in rules.sentence_terminators


WRAPPED = 0.8  # a line at least this share of the long lines' length was wrapped by the page


def detect_layout(lines: list[Line], rules: Rules) -> Layout:
    """``pdf`` when most lines are followed by a blank line, many do not end a sentence, and those
    that do not were cut at the page's width (a press release's dateline, title and contact lines
    are short and open too, but its paragraphs are single long lines)."""
    if len(lines) < 3:
        return "plain"
    gaps = sum(1 for line in lines[1:] if line.gap) / (len(lines) - 1)
    open_lines = [line for line in lines if not _closed(line.text, rules)]
    if not (gaps >= 0.5 and len(open_lines) / len(lines) >= 0.3):
        return "plain"
    lengths = sorted(len(line.text.strip()) for line in lines)
    long = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = sum(1 for line in open_lines if len(line.text.strip()) >= WRAPPED * long)
    return "pdf" if wrapped >= len(open_lines) / 2 else "plain"


def match_heading(text: str, rules: Rules) -> tuple[HeadingForm, re.Match[str]] | None:
    if text in rules.unnumbered_headings:
        return UNNUMBERED, UNNUMBERED.regex.match(text)  # type: ignore[return-value]
    if text[-1] in rules.sentence_terminators:
        return None
    for form in rules.headings:
        match = form.regex.match(text)
        if match:
            return form, match
    return None


def _depth(text: str, rules: Rules) -> int:
    depth = 0
    for char in text:
        if char in rules.open_brackets:
            depth += 1
        elif char in rules.close_brackets and depth:
            depth -= 1
    return depth


def _top_level_comma(text: str, rules: Rules) -> bool:
    depth = 0
    for char in text:
        if char in rules.open_brackets:
            depth += 1
        elif char in rules.close_brackets and depth:
            depth -= 1
        elif char in rules.clause_commas and not depth:
            return True
    return False


#: a footnote reference in running text: digits right after a name, before a particle or punctuation
FOOTNOTE_REFERENCE = re.compile(
    r"(?<=[A-Za-z\u30a1-\u30fa\u30fc\u4e00-\u9fff」』）)])([0-9]{1,3})(?=[\u3041-\u309f、。」』）)\s])")


class _Classifier:
    def __init__(self, lines: list[Line], layout: Layout, rules: Rules) -> None:
        self.lines = lines
        self.layout = layout
        self.rules = rules
        self.footnote_count = 0
        lengths = [len(line.text) for line in lines]
        self.short_line = 0.6 * statistics.median(lengths) if lengths else 0
        # Plain text (a web page, a release) numbers its paragraphs 「1　…」 too: there a footnote
        # needs a reference to it in the running text (「JOGMEC1は」, 「計画2」」).
        self.references: set[int] | None = None
        if layout == "plain":
            self.references = {int(m.group(1)) for line in lines if not rules.footnote.match(line.text)
                               for m in FOOTNOTE_REFERENCE.finditer(line.text)}

    def footnote(self, line: Line, following: list[Line] | None = None) -> re.Match[str] | None:
        match = self.rules.footnote.match(line.text)
        if not match or int(match["number"]) != self.footnote_count + 1:
            return None
        has_artefact = self.rules.artefacts and any(c in match.group(0)[: match.start("body")] for c in self.rules.artefacts)
        # the mark a PDF reader leaves after a footnote's number makes it one without a reference
        if self.references is not None and int(match["number"]) not in self.references and not has_artefact:
            return None
        body = match["body"]
        if self.layout == "pdf":  # a footnote at a page's foot may run over its lines (「1 2005年3月末時点で、…/…完了。」)
            for nxt in (following or [])[: self.rules.budget_max_lines - 1]:
                if _closed(body, self.rules) or nxt.gap:
                    break
                body += nxt.text
        return match if has_artefact or _closed(body, self.rules) else None

    def structural(self, line: Line) -> bool:
        rules = self.rules
        return bool(
            match_heading(line.text, rules)
            or rules.figure_start.match(line.text)
            or (self.layout == "pdf" and rules.page_number.match(line.text))
            or rules.budget_start.match(line.text)
            or self.footnote(line)
        )

    def heading_continues(self, taken: list[Line], so_far: str, number_only: bool, nxt: Line) -> bool:
        """Whether ``nxt`` carries on the title of the heading made of ``taken`` lines."""
        rules = self.rules
        if self.structural(nxt) or _closed(nxt.text, rules):
            return False
        if nxt.indented and self.layout == "pdf":
            return False  # 「2．LNGの安定調達…」 then 「　2025年度の…」: an indented line opens the body
        # A title fragment: short, no clause comma, not ending in a particle (hiragana).
        fragment = (
            len(nxt.text) <= rules.heading_fragment_max_chars
            and not _top_level_comma(nxt.text, rules)
            and not "\u3041" <= nxt.text[-1] <= "\u309f"
        )
        if number_only:
            return fragment or not nxt.gap
        if self.layout == "plain":
            return False
        if _depth(so_far, rules) > 0:
            return True
        if nxt.gap and len(taken[-1].text) < self.short_line:
            # a title that wraps onto a line set apart by a blank one fills its line; one that stops short
            # ended (「1．石油の供給途絶への備え」, then the body)
            return False
        if so_far[-1] in rules.closers:
            return False
        if not nxt.gap:
            return True
        # A heading set with single line breaks ends at the first blank line.
        return fragment and all(line.gap for line in taken[1:])

    def run(self) -> list[Block]:
        lines, rules = self.lines, self.rules
        blocks: list[Block] = []
        body_open = False  # the last body line does not end a sentence (pdf)
        open_budget: Block | None = None  # a bracket a page break cut before its 】 (pdf)
        i = 0
        while i < len(lines):
            line = lines[i]
            text = line.text
            figure = rules.figure_start.match(text)
            if figure:
                end = i
                for j in range(i, min(len(lines), i + rules.figure_max_lines)):
                    if rules.figure_end.match(lines[j].text):
                        end = j
                        break
                title = "".join(c for c in figure["title"] if c not in rules.artefacts).strip()
                blocks.append(Block("figure", lines[i : end + 1], label=figure["label"], title=title))
                i = end + 1
                continue
            if self.layout == "pdf" and rules.page_number.match(text):
                blocks.append(Block("figure", [line], label=f"p.{text.strip(' -－‐−–—　')}", title=""))
                i += 1
                if i < len(lines) and rules.running_header.match(lines[i].text):
                    # 「143 / 第3章　…」: the chapter's title the next page repeats at its top
                    blocks.append(Block("figure", [lines[i]], label="running header", title=lines[i].text.strip()))
                    i += 1
                continue
            footnote = self.footnote(line, lines[i + 1:])
            if footnote:
                self.footnote_count += 1
                block = self._footnote(i, footnote)
                blocks.append(block)
                i += len(block.lines)
                continue
            if open_budget is not None:
                # 「【…出資金」 / footnotes / page number / running header / 「394.5億円…】」: the bracket goes on
                # after the page's furniture
                open_budget.lines.append(line)
                if "】" in text or len(open_budget.lines) >= 2 * rules.budget_max_lines:
                    open_budget = None
                i += 1
                continue
            if rules.budget_start.match(text):
                end = self._budget_end(i)
                blocks.append(Block("budget", lines[i : end + 1]))
                cut = self.layout == "pdf" and not any("】" in x.text for x in lines[i : end + 1]) \
                    and end + 1 < len(lines) and self.structural(lines[end + 1])
                open_budget = blocks[-1] if cut else None
                body_open = False
                i = end + 1
                continue
            heading = match_heading(text, rules)
            if heading and not (self.layout == "pdf" and body_open):
                form, match = heading
                taken = [line]
                so_far = text
                number_only = form is not UNNUMBERED and not text[match.end() :].strip(rules.artefacts + " \u3000")
                while i + len(taken) < len(lines) and len(taken) < rules.heading_max_lines:
                    nxt = lines[i + len(taken)]
                    if not self.heading_continues(taken, so_far, number_only, nxt):
                        break
                    taken.append(nxt)
                    so_far += nxt.text
                    number_only = False
                blocks.append(Block("heading", taken, form=form))
                body_open = False
                i += len(taken)
                continue
            blocks.append(Block("body", [line]))
            body_open = not _closed(text, rules) and len(text) >= self.short_line
            i += 1
        return blocks

    def _budget_end(self, i: int) -> int:
        """Index of the line that closes the budget bracket opened on line ``i`` (pdf only)."""
        if self.layout == "plain" or "】" in self.lines[i].text:
            return i
        last = min(len(self.lines), i + self.rules.budget_max_lines) - 1
        for j in range(i + 1, last + 1):
            if self.structural(self.lines[j]):
                return i
            if "】" in self.lines[j].text:
                return j
        return i

    def _footnote(self, i: int, match: re.Match[str]) -> Block:
        rules = self.rules
        line = self.lines[i]
        taken = [line]
        text = match["body"]
        while (
            self.layout == "pdf"
            and not _closed(text, rules)
            and i + len(taken) < len(self.lines)
            and len(taken) < rules.budget_max_lines
        ):
            nxt = self.lines[i + len(taken)]
            if nxt.gap or self.structural(nxt):
                break
            taken.append(nxt)
            text += nxt.text
        term = None
        for pattern in rules.footnote_term:
            found = pattern.search(text)
            if found:
                term = found["term"]
                break
        number = int(match["number"])
        return Block("footnote", taken, number=number, term=term, body_start=line.start + match.start("body"))


def classify(lines: list[Line], layout: Layout, rules: Rules) -> list[Block]:
    """Group lines into blocks in reading order."""
    return _Classifier(lines, layout, rules).run()
