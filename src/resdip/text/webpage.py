"""A web page in, its main text as plain-layout lines and the element of every character out.

:func:`read_webpage` parses the page with lxml, drops what is never content (scripts, navigation,
the site's header and footer, breadcrumbs, share buttons, side columns: ``patterns/webpage.json``),
takes the main content (``<main>``, ``<article>``, the sites' main-content ids, else the body) and
writes it one block a line (a paragraph, a heading, a list item, a table cell), blanks collapsed as a
browser shows them (none between two Japanese characters). It also reads what the page says of
itself: its canonical URL, its title, its publication date and the site's name (the issuing body).

Every character of the text that comes from the page carries the XPath of the block element it is
in; the line breaks the reader adds carry none. A page with no main text raises
:class:`~resdip.errors.InputNoTextError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError, InputFormatError, InputNoTextError

WEBPAGE_RULES_FILE = Path(__file__).with_name("patterns") / "webpage.json"
_BLANKS = re.compile(r"[ \t\r\n\f\u00a0]+")
_WIDE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]")
_TOKEN = re.compile(r"[-_\s]+")


@dataclass(frozen=True)
class PageRules:
    drop: tuple[str, ...]
    drop_tokens: frozenset[str]
    main: tuple[str, ...]
    min_main_chars: int
    min_text_chars: int
    blocks: frozenset[str]
    date: tuple[str, ...]
    site: tuple[str, ...]
    title_separators: tuple[str, ...]
    canonical: tuple[str, ...]


@lru_cache(maxsize=2)
def load_page_rules(path: Path = WEBPAGE_RULES_FILE) -> PageRules:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return PageRules(tuple(data["drop"]), frozenset(data["drop_tokens"]), tuple(data["main"]),
                         int(data["min_main_chars"]), int(data["min_text_chars"]), frozenset(data["blocks"]),
                         tuple(data["date"]), tuple(data["site"]), tuple(data["title_separators"]),
                         tuple(data["canonical"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"{path}: cannot read the web page rules ({exc})") from None


@dataclass
class PageText:
    """The main text of a page, the element of each of its characters, and what the page says of itself."""

    text: str
    paths: list[str | None]
    url: str = ""
    title: str = ""
    date: str = ""  # as the page writes it (an ISO date or a dateline)
    site: str = ""  # the site's name: the issuing body
    quotes: dict[str, str] = field(default_factory=dict)


def read_webpage(data: bytes, name: str) -> PageText:
    """Read a web page's bytes (``name`` goes into error messages); see the module docstring."""
    import lxml.etree
    import lxml.html

    rules = load_page_rules()
    try:
        root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputFormatError(f"{name}: not a web page that can be read ({exc})") from None
    tree = root.getroottree()
    url = _first(root, rules.canonical)
    date = _first(root, rules.date)
    site = _first(root, rules.site)
    title_element = root.find(".//title")
    page_title = _clean(title_element.text_content()) if title_element is not None else ""
    title, site_in_title = _split_title(page_title, rules)
    site = site or site_in_title
    # each element's XPath in the page as published, taken before anything is dropped
    original = {element: tree.getpath(element) for element in root.iter() if isinstance(element.tag, str)}
    for xpath in rules.drop:
        for element in root.xpath(xpath):
            _drop(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        words = {w.lower() for attr in ("id", "class") for w in _TOKEN.split(element.get(attr, "")) if w}
        if words & rules.drop_tokens and element.tag not in ("html", "body", "main", "article"):
            _drop(element)
    main = None
    for xpath in rules.main:
        for element in root.xpath(xpath):
            if len(_clean(element.text_content())) >= rules.min_main_chars:
                main = element
                break
        if main is not None:
            break
    if main is None:
        main = root.find("body") if root.find("body") is not None else root
    writer = _Writer(original, rules)
    writer.walk(main, original[main])
    writer.flush()
    text, paths = writer.result()
    if len(text.strip()) < rules.min_text_chars:
        raise InputNoTextError(f"{name}: a web page with no main text (only navigation, headers or footers)")
    h1 = main.find(".//h1")
    if h1 is not None and _clean(h1.text_content()):
        title = _clean(h1.text_content())
    return PageText(text, paths, url=url, title=title, date=date, site=site)


def _first(root, xpaths: tuple[str, ...]) -> str:
    for xpath in xpaths:
        for found in root.xpath(xpath):
            value = _clean(str(found))
            if value:
                return value
    return ""


def _split_title(title: str, rules: PageRules) -> tuple[str, str]:
    for separator in rules.title_separators:
        if separator in title:
            page, _, site = title.rpartition(separator)
            return page.strip(), site.strip(" ）)")
    return title, ""


def _clean(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


def _drop(element) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # its tail (text after it) stays


class _Writer:
    def __init__(self, paths: dict, rules: PageRules) -> None:
        self.original = paths
        self.rules = rules
        self.chars: list[str] = []
        self.paths: list[str | None] = []
        self.line: list[tuple[str, str]] = []

    def add(self, text: str | None, path: str) -> None:
        if not text:
            return
        for char in text:
            if char in " \t\r\n\f\u00a0":
                # a run of blanks shows as one space; one holding a line break is a segment break
                # (marked "\n" until the line is written), which shows as nothing between Japanese
                if self.line and self.line[-1][0] in " \n":
                    if char in "\r\n":
                        self.line[-1] = ("\n", self.line[-1][1])
                elif self.line:
                    self.line.append(("\n" if char in "\r\n" else " ", path))
            else:
                self.line.append((char, path))

    def flush(self) -> None:
        line = self.line
        self.line = []
        while line and line[-1][0] in " \n":
            line.pop()
        while line and line[0][0] in " \n":
            line.pop(0)
        kept = [c if c[0] != "\n" else (" ", c[1]) for n, c in enumerate(line)
                if not (c[0] == "\n" and _WIDE.match(line[n - 1][0]) and _WIDE.match(line[n + 1][0]))]
        if not kept:
            return
        if self.chars:
            self.chars.append("\n")
            self.paths.append(None)
        for char, path in kept:
            self.chars.append(char)
            self.paths.append(path)

    def walk(self, element, path: str) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in self.rules.blocks
        if block:
            self.flush()
            path = self.original[element]
        if tag:
            self.add(element.text, path)
        for child in element:
            self.walk(child, path)
            if isinstance(child.tag, str) and child.tag in self.rules.blocks:
                self.flush()
            self.add(child.tail, path)
        if block:
            self.flush()

    def result(self) -> tuple[str, list[str | None]]:
        return "".join(self.chars) + "\n", [*self.paths, None]


#: characters of context a TextQuoteSelector keeps before and after the quote
QUOTE_CONTEXT = 32


def elements(paths: list[str | None], start: int, end: int) -> tuple[str, ...]:
    """The XPaths of the elements characters ``[start, end)`` are in, in order, each once."""
    found: dict[str, None] = {}
    for path in paths[start:end]:
        if path is not None:
            found.setdefault(path, None)
    return tuple(found)


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The text just before and just after ``[start, end)`` (a TextQuoteSelector's prefix and suffix)."""
    return text[max(0, start - QUOTE_CONTEXT):start], text[end:end + QUOTE_CONTEXT]
