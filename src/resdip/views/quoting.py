"""Source sentences as quotes: the first ones in document order, and how many there are.

Quotes are ordered by document, begin offset, end offset and IRI. A long text can cite one
entity (or one fact) in tens of thousands of sentences, and a page cannot show them all, so
``Quoter.first`` keeps at most ``limit`` of them, the first in that order, and says how many
distinct sentences there were.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable
from typing import Any

import numpy as np

from .quadindex import RD, RDD, RDFS, QuadIndex, local_name

#: Quotes kept per entity or fact (the network page shows the first 30 of them).
QUOTE_LIMIT = 100


#: characters of a long sentence a text fragment names at each end (textStart,textEnd)
FRAGMENT_ENDS = 12


def quote_path(name: str) -> str:
    return urllib.parse.quote(name, safe="/")


#: what a text fragment's syntax reserves, or a URL cannot hold as it is; anything else (Japanese
#: too) stays as written, as an IRI does, and a browser encodes it when it follows the link
_RESERVED = {c: f"%{ord(c):02X}" for c in "%-,&# \t\n\"<>\\^`{|}"}


def _fragment_part(text: str) -> str:
    return "".join(_RESERVED.get(c, c) for c in text)


def text_fragment(text: str) -> str:
    """A URL fragment that makes a browser find and highlight ``text`` on the page
    (``#:~:text=start,end`` for a long one; WICG Scroll to Text Fragment)."""
    text = " ".join(text.split())
    if not text:
        return ""
    if len(text) <= 2 * FRAGMENT_ENDS + 4:
        return "#:~:text=" + _fragment_part(text)
    return f"#:~:text={_fragment_part(text[:FRAGMENT_ENDS])},{_fragment_part(text[-FRAGMENT_ENDS:])}"


class Quoter:
    """Quotes of the sentences of an index, by sentence id."""

    def __init__(self, ix: QuadIndex) -> None:
        self.ix = ix
        table = ix.sentences
        quotable = [i for i in range(len(table.iris)) if table.begin[i] is not None and table.end[i] is not None]
        quotable.sort(key=lambda i: (self.doc(i), table.begin[i], table.end[i], table.iris[i]))
        self.order = np.array(quotable, dtype=np.int64)  # rank -> sentence id
        self.rank = np.full(len(table.iris), -1, dtype=np.int64)  # sentence id -> rank (-1: no offsets)
        self.rank[self.order] = np.arange(len(quotable), dtype=np.int64)
        self._sections: dict[str, str] = {}

    def doc(self, i: int) -> str:
        doc = self.ix.sentences.doc[i]
        return doc[len(RDD):] if doc.startswith(RDD) else local_name(doc)

    def section(self, i: int) -> str:
        section = self.ix.sentences.section[i]
        if not section:
            return ""
        if section not in self._sections:
            ix = self.ix
            self._sections[section] = (ix.lits(section, RDFS + "label", "ja") or ix.lits(section, RDFS + "label")
                                       or ix.lits(section, RD + "sectionPath") or [""])[0]
        return self._sections[section]

    def quote(self, i: int) -> dict[str, Any]:
        """A sentence as a quote; one read from a PDF also has ``page`` and ``link`` (``file.pdf#page=N``),
        one read from a web page ``url`` and ``link`` (the URL with a text fragment that finds it)."""
        table = self.ix.sentences
        text = table.text[i]
        found = {"doc": self.doc(i), "section": self.section(i), "text": text[1] if text else "",
                 "begin": table.begin[i], "end": table.end[i], "iri": table.iris[i]}
        page = table.page.get(i)
        source = table.source.get(i, "")
        if page is not None:
            names = self.ix.lits(table.doc[i], RD + "fileName")
            found["page"] = page
            found["link"] = f"{quote_path(names[0])}#page={page}" if names else ""
        elif source.startswith(("http://", "https://")):
            found["url"] = source
            found["link"] = source.split("#", 1)[0] + text_fragment(text[1] if text else "")
        return found

    def first(self, ids: Iterable[Any], limit: int = QUOTE_LIMIT) -> tuple[list[dict[str, Any]], int]:
        """The first ``limit`` distinct quotable sentences among ``ids`` (arrays or lists of
        sentence ids) in document order, and how many distinct quotable ones there are."""
        parts = [np.asarray(part, dtype=np.int64) for part in ids if len(part)]
        if not parts or not len(self.order):
            return [], 0
        ranks = self.rank[np.concatenate(parts)]
        ranks = np.unique(ranks[ranks >= 0])
        return [self.quote(int(i)) for i in self.order[ranks[:limit]]], int(len(ranks))
