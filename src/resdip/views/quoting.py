"""Source sentences as quotes: the first ones in document order, and how many there are.

Quotes are ordered by document, begin offset, end offset and IRI. A long text can cite one
entity (or one fact) in tens of thousands of sentences, and a page cannot show them all, so
``Quoter.first`` keeps at most ``limit`` of them, the first in that order, and says how many
distinct sentences there were.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from .quadindex import RD, RDD, RDFS, QuadIndex, local_name

#: Quotes kept per entity or fact (the network page shows the first 30 of them).
QUOTE_LIMIT = 100


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
        table = self.ix.sentences
        text = table.text[i]
        return {"doc": self.doc(i), "section": self.section(i), "text": text[1] if text else "",
                "begin": table.begin[i], "end": table.end[i], "iri": table.iris[i]}

    def first(self, ids: Iterable[Any], limit: int = QUOTE_LIMIT) -> tuple[list[dict[str, Any]], int]:
        """The first ``limit`` distinct quotable sentences among ``ids`` (arrays or lists of
        sentence ids) in document order, and how many distinct quotable ones there are."""
        parts = [np.asarray(part, dtype=np.int64) for part in ids if len(part)]
        if not parts or not len(self.order):
            return [], 0
        ranks = self.rank[np.concatenate(parts)]
        ranks = np.unique(ranks[ranks >= 0])
        return [self.quote(int(i)) for i in self.order[ranks[:limit]]], int(len(ranks))
