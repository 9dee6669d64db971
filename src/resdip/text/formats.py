"""A source file in, its text out, whatever the file holds: a PDF, a web page or a plain text.

:func:`read_source` decides by content, not by the file's name: a PDF starts with ``%PDF-`` (within
its first 1,024 bytes, as readers allow), a web page opens with an HTML doctype or ``<html>``
(after a BOM, blanks, an XML declaration or comments); anything else is read as a text
(:mod:`resdip.text.load`, which rejects binary and undecodable bytes). A PDF's text comes from
:mod:`resdip.text.pdf`, laid out one block a line, with the page and box of each character; a web
page's main text from :mod:`resdip.text.webpage`, one block a line, with the element of each character.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .load import LoadedText, decode, read_bytes

_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)


def sniff(data: bytes) -> str:
    """``"pdf"``, ``"html"`` or ``"text"``: what the bytes hold."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if _HTML_START.match(data[:4096]):
        return "html"
    return "text"


def read_source(path: str | os.PathLike[str]) -> LoadedText:
    """The text of a source file of any supported kind (see the module docstring)."""
    data = read_bytes(path)
    name = str(path)
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf

        found = read_pdf(data, name)
        return LoadedText(found.text, "", Path(name), kind="pdf", layout="plain", boxes=found.boxes,
                          pages=found.pages)
    if kind == "html":
        from .webpage import read_webpage

        page = read_webpage(data, name)
        return LoadedText(page.text, "", Path(name), kind="html", layout="plain", paths=page.paths,
                          page={"url": page.url, "title": page.title, "date": page.date, "site": page.site})
    return decode(data, name)
