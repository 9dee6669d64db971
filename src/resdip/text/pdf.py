"""A PDF in, its text as plain-layout lines and the place of every character on its pages out.

:func:`read_pdf` reads the characters of each page with PDFium (pypdfium2), groups them into
lines and blocks, and writes the text one block a line, the way the text model reads a plain
text (``layout: "plain"``): headings and paragraphs each on a line, Japanese lines joined without
a space (Latin words that a line break separated get one), running headers and footers and page
numbers dropped, and footnotes and figures (a caption and the small text under it) set on lines
of their own after the paragraph they interrupt, so a sentence broken by a footnote or by a page
reads whole. Footnote reference digits stay where they are: the text model drops them from the
sentence as it does in a text file.

Every character of the returned text that comes from the page carries its page (1-based) and box
(left, top, right, bottom in PDF points from the page's top-left corner, as RFC 8118's
``viewrect`` counts); the line breaks and spaces the reader adds carry none. The thresholds are
data in ``patterns/pdf.json``.

A file PDFium cannot open raises :class:`~resdip.errors.InputFormatError`, one that needs a
password :class:`~resdip.errors.InputEncryptedError`, one with no text layer (a scan)
:class:`~resdip.errors.InputNoTextError`.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError, InputEncryptedError, InputFormatError, InputNoTextError
from .rules import load_rules

PDF_RULES_FILE = Path(__file__).with_name("patterns") / "pdf.json"

#: one character's place: page number (1-based), left, top, right, bottom (points, top-left origin)
Box = tuple[int, float, float, float, float]


@dataclass(frozen=True)
class PdfRules:
    small_below: float
    heading_from: float
    same_line_within: float
    indent_from: float
    standalone_indent_from: float
    short_line_before: float
    paragraph_gap_from: float
    running_share: float
    running_band: float
    page_number: re.Pattern[str]
    footnote: re.Pattern[str]
    caption: re.Pattern[str]


@lru_cache(maxsize=2)
def load_pdf_rules(path: Path = PDF_RULES_FILE) -> PdfRules:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        numbers = {key: float(data[key]) for key in ("small_below", "heading_from", "same_line_within",
                   "indent_from", "standalone_indent_from", "short_line_before", "paragraph_gap_from",
                   "running_share", "running_band")}
        patterns = {key: re.compile(data[key]) for key in ("page_number", "footnote", "caption")}
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise DataFileError(f"{path}: cannot read the PDF reading rules ({exc})") from None
    return PdfRules(**numbers, **patterns)


@dataclass
class Line:
    """Characters set on one baseline of one page, in the order the page draws them."""

    page: int
    chars: list[tuple[str, Box, float]] = field(default_factory=list)  # (character, box, font size)

    @property
    def text(self) -> str:
        return "".join(c for c, _, _ in self.chars)

    @property
    def size(self) -> float:
        sizes = [s for c, _, s in self.chars if not c.isspace()]
        return statistics.median(sizes) if sizes else 0.0

    @property
    def left(self) -> float:
        return min(b[1] for _, b, _ in self.chars)

    @property
    def right(self) -> float:
        return max(b[3] for _, b, _ in self.chars)

    top: float = float("inf")
    bottom: float = float("-inf")

    def add(self, char: str, box: Box, size: float) -> None:
        self.chars.append((char, box, size))
        if not char.isspace():
            self.top = min(self.top, box[2])
            self.bottom = max(self.bottom, box[4])


class CharBoxes:
    """Where each character of a text is on the pages (None for what the reader added), kept in
    five flat arrays (a 1,000-page PDF has millions of characters)."""

    def __init__(self) -> None:
        self.page = array("i")  # 0: a character the reader added
        self.edges = tuple(array("f") for _ in range(4))  # left, top, right, bottom

    def append(self, box: Box | None) -> None:
        self.page.append(box[0] if box else 0)
        for column, value in zip(self.edges, box[1:] if box else (0.0, 0.0, 0.0, 0.0)):
            column.append(value)

    def __len__(self) -> int:
        return len(self.page)

    def __getitem__(self, k: int) -> Box | None:
        page = self.page[k]
        if not page:
            return None
        left, top, right, bottom = (round(column[k], 1) for column in self.edges)
        return (page, left, top, right, bottom)


@dataclass
class PdfText:
    """The text of a PDF and where each of its characters is."""

    text: str
    boxes: CharBoxes
    pages: int


@dataclass
class _Block:
    kind: str  # "heading" | "body" | "footnote" | "figure"
    lines: list[Line]


def read_pdf(data: bytes, name: str) -> PdfText:
    """Read a PDF's bytes (``name`` goes into error messages); see the module docstring."""
    rules = load_pdf_rules()
    pages = _page_lines(data, name)
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputNoTextError(f"{name}: a PDF with no text layer ({len(pages)} page"
                               f"{'s' if len(pages) != 1 else ''} of images?); run OCR on it first")
    body_size = _body_size(pages)
    pages = _without_running_lines(pages, rules)
    blocks = _blocks(pages, body_size, rules)
    if not any(b.kind in ("heading", "body") for b in blocks):
        raise InputNoTextError(f"{name}: a PDF with no running text (only headers, footers or page numbers)")
    return _write(blocks, len(pages))


def _page_lines(data: bytes, name: str) -> list[list[Line]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputEncryptedError(f"{name}: the PDF is encrypted and needs a password to be read") from None
        raise InputFormatError(f"{name}: a damaged or truncated PDF (PDFium: {_reason(exc)})") from None
    pages: list[list[Line]] = []
    try:
        for number in range(len(document)):
            page = document[number]
            height = page.get_height()
            textpage = page.get_textpage()
            lines: list[Line] = []
            line: Line | None = None
            for k in range(textpage.count_chars()):
                code = raw.FPDFText_GetUnicode(textpage, k)
                char = chr(code) if code >= 0x20 or char_is_break(code) else "\ufffd"  # a glyph with no Unicode
                generated = raw.FPDFText_IsGenerated(textpage, k) == 1
                if char in "\r\n\x02\ufffe" or (generated and char != " "):
                    continue
                left, bottom, right, top = textpage.get_charbox(k)
                box = (number + 1, round(left, 1), round(height - top, 1), round(right, 1), round(height - bottom, 1))
                size = 0.0 if generated else raw.FPDFText_GetFontSize(textpage, k)
                if char == " " and (line is None or generated and not line.chars):
                    continue
                if line is None or not _continues(line, box, size):
                    line = Line(number + 1)
                    lines.append(line)
                line.add(char, box, size)
            for found in lines:
                while found.chars and found.chars[-1][0].isspace():
                    found.chars.pop()
                found.chars = _without_stretch(found.chars)
            pages.append([found for found in lines if found.chars])
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


_WORD = re.compile(r"[A-Za-z0-9.,;:%)/-]")
#: generated spaces in one line from which it is a stretched (justified) line, not spaced words
STRETCHED_FROM = 4


def _without_stretch(chars: list[tuple[str, Box, float]]) -> list[tuple[str, Box, float]]:
    """A line without the spaces PDFium adds between the characters of a stretched line (the last
    line of a justified paragraph cut by a footnote: 「石 炭 に つ い て」), which the text never
    had; a space PDFium adds between two Latin words, or in a line that is not stretched
    (「第 1節 資源…」), is kept."""
    generated = [n for n, c in enumerate(chars) if c[0] == " " and c[2] == 0.0]
    if len(generated) < STRETCHED_FROM:
        return chars
    drop = {n for n in generated
            if not (0 < n < len(chars) - 1 and _WORD.match(chars[n - 1][0]) and _WORD.match(chars[n + 1][0]))}
    return [c for n, c in enumerate(chars) if n not in drop]


def char_is_break(code: int) -> bool:
    return code in (0x0A, 0x0D)


def _reason(exc: Exception) -> str:
    text = str(exc)
    found = re.search(r"PDFium: ([^)]*)", text)
    return found.group(1).strip().rstrip(".").lower() if found else text


def _continues(line: Line, box: Box, size: float) -> bool:
    """Whether a character drawn next is on the same line: to the right, and overlapping it vertically
    (a superscript is smaller and higher, but still overlaps)."""
    last = line.chars[-1][1]
    if box[1] < last[3] - max(2.0, 0.5 * size):
        return False  # back to the left: a new line
    middle = (box[2] + box[4]) / 2
    return line.top - 0.25 * size <= middle <= line.bottom + 0.25 * size


def _body_size(pages: list[list[Line]]) -> float:
    sizes = Counter(round(s, 1) for lines in pages for line in lines for c, _, s in line.chars if not c.isspace())
    return sizes.most_common(1)[0][0]


def _shape(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", text.strip())


def _without_running_lines(pages: list[list[Line]], rules: PdfRules) -> list[list[Line]]:
    """Pages without their running headers and footers: a line near the top or the bottom edge whose
    text (digits aside) recurs near that edge on enough pages, or that is only a page number."""
    def edge_lines(lines: list[Line]) -> list[Line]:
        if not lines:
            return []
        page_top = min(line.top for line in lines)
        page_bottom = max(line.bottom for line in lines)
        span = max(1.0, page_bottom - page_top)
        return [line for line in lines if line.bottom <= page_top + rules.running_band * span
                or line.top >= page_bottom - rules.running_band * span]

    candidates = [edge_lines(lines) for lines in pages]
    counts = Counter(shape for lines in candidates for shape in {_shape(line.text) for line in lines})
    need = max(2, rules.running_share * len(pages))
    kept = []
    for lines, edges in zip(pages, candidates):
        running = {id(line) for line in edges
                   if counts[_shape(line.text)] >= need or rules.page_number.match(line.text.strip())}
        kept.append([line for line in lines if id(line) not in running])
    return kept


def _blocks(pages: list[list[Line]], body: float, rules: PdfRules) -> list[_Block]:
    """Headings, paragraphs, footnotes and figures in reading order, a paragraph carried on across
    footnotes, figures and page breaks (its inserts come after it)."""
    text_rules = load_rules()
    blocks: list[_Block] = []
    pending: list[_Block] = []  # footnotes and figures met inside the open paragraph
    paragraph: _Block | None = None
    left_margin = min((line.left for lines in pages for line in lines if abs(line.size - body) < 0.5), default=0.0)
    right_margin = max((line.right for lines in pages for line in lines if abs(line.size - body) < 0.5), default=0.0)
    figure: _Block | None = None
    footnotes = 0  # footnotes are numbered 1, 2, … through the document

    def close_paragraph() -> None:
        nonlocal paragraph
        if paragraph is not None:
            blocks.append(paragraph)
            paragraph = None
        blocks.extend(pending)
        pending.clear()

    for lines in pages:
        previous: Line | None = None
        for line in lines:
            text = line.text.strip()
            size = line.size
            if size < rules.small_below * body:
                number = rules.footnote.match(text)
                if number and int(unicodedata.normalize("NFKC", number.group(1))) == footnotes + 1 \
                        and (figure is None or previous is None or previous.size >= rules.small_below * body):
                    figure = None
                    footnotes += 1
                    note = _Block("footnote", [line])
                    (pending if paragraph is not None else blocks).append(note)
                elif (pending or blocks) and (pending[-1] if pending else blocks[-1]).kind in ("footnote", "figure") \
                        and previous is not None and previous.size < rules.small_below * body:
                    (pending[-1] if pending else blocks[-1]).lines.append(line)
                else:
                    (pending if paragraph is not None else blocks).append(_Block("figure", [line]))
                previous = line
                continue
            if rules.caption.match(text) or text_rules.figure_start.match(text):
                figure = _Block("figure", [line])
                (pending if paragraph is not None else blocks).append(figure)
                previous = line
                continue
            figure = None
            if size >= rules.heading_from * body:
                close_paragraph()
                if blocks and blocks[-1].kind == "heading" and previous is not None and previous is blocks[-1].lines[-1] \
                        and abs(previous.size - size) < 0.5 and line.top - previous.bottom < size:
                    blocks[-1].lines.append(line)
                else:
                    blocks.append(_Block("heading", [line]))
                previous = line
                continue
            indent = line.left - left_margin
            starts = (indent >= rules.indent_from * body or paragraph is None
                      or (previous is not None and previous.page == line.page and previous.size >= rules.small_below * body
                          and line.top - previous.bottom > rules.paragraph_gap_from * body))
            if paragraph is not None and not starts:
                last = paragraph.lines[-1]
                if right_margin - last.right > rules.short_line_before * body \
                        or last.left - left_margin >= rules.standalone_indent_from * body:
                    starts = True
            if starts:
                close_paragraph()
                paragraph = _Block("body", [line])
            else:
                assert paragraph is not None
                paragraph.lines.append(line)
            previous = line
    close_paragraph()
    return blocks


_LATIN = re.compile(r"[A-Za-z0-9]")
#: what the text model takes for the mark after a footnote's number (``artefacts`` in text.json)
FOOTNOTE_MARK = "\ufffd"


def _write(blocks: list[_Block], pages: int) -> PdfText:
    text: list[str] = []
    boxes = CharBoxes()

    def add(char: str, box: Box | None) -> None:
        text.append(char)
        boxes.append(box)

    for block in blocks:
        if text:
            add("\n", None)
        separate = block.kind == "figure"  # a figure's lines stay lines; the rest join
        for n, line in enumerate(block.lines):
            chars = line.chars
            if n:
                if separate:
                    add("\n", None)
                elif text and _LATIN.match(text[-1]) and _LATIN.match(chars[0][0]):
                    add(" ", None)
            marked = block.kind == "footnote" and n == 0
            for k, (char, box, _) in enumerate(chars):
                if marked and not char.isdigit():
                    add(FOOTNOTE_MARK, None)  # after the footnote's number, as the text model knows it
                    marked = False
                    if char.isspace():
                        continue
                add(char, box)
    add("\n", None)
    return PdfText("".join(text), boxes, pages)


def places(boxes: CharBoxes, start: int, end: int) -> tuple[Box, ...]:
    """The box around characters ``[start, end)`` on each page they are on, in page order."""
    found: dict[int, list[float]] = {}
    for k in range(start, min(end, len(boxes))):
        box = boxes[k]
        if box is None:
            continue
        page, left, top, right, bottom = box
        if right <= left and bottom <= top:
            continue  # a space with no extent
        current = found.get(page)
        if current is None:
            found[page] = [left, top, right, bottom]
        else:
            current[0] = min(current[0], left)
            current[1] = min(current[1], top)
            current[2] = max(current[2], right)
            current[3] = max(current[3], bottom)
    return tuple((page, *(round(v, 1) for v in found[page])) for page in sorted(found))  # type: ignore[misc]
