"""Find an entity of the projection by id, label, alias, ISO code or Wikidata id.

Names are compared after NFKC normalisation and case folding. An exact match (id, then any
name) wins over a prefix match; several matches at the same level are ambiguous.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Iterable, Mapping

import networkx as nx

from ..errors import EntityLookupError

MAX_LISTED = 12


def normalise(text: str) -> str:
    """NFKC, case-folded, inner whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def describe(graph: nx.MultiDiGraph, node: str) -> str:
    """``label (id)`` for messages and listings."""
    data = graph.nodes[node]
    label = data.get("label_ja") or data.get("label_en") or ""
    return f"{label} ({node})" if label else node


def place(quote: Mapping[str, object]) -> str:
    """Where a quote is in the PDF or web page it was read from: " page 12 <file.pdf#page=12>",
    " <https://…#:~:text=…>", or "" for a text file."""
    if quote.get("page"):
        return f" page {quote['page']}" + (f" <{quote['link']}>" if quote.get("link") else "")
    if quote.get("url"):
        return f" <{quote.get('link') or quote['url']}>"
    return ""


def quote_line(quote: Mapping[str, object]) -> str:
    """「sentence」 (document [begin,end) section) and, for a PDF or web page, where it is there."""
    return (f"「{quote['text']}」 ({quote['doc']} [{quote['begin']},{quote['end']}) {quote['section']})"
            + place(quote))


def sorted_quotes(quotes: Mapping[str, list], facts: Iterable[str]) -> list[Mapping[str, object]]:
    """The distinct sentences quoted for the given facts, in document order."""
    sentences = {q["iri"]: q for fact in facts for q in quotes.get(fact, [])}
    return sorted(sentences.values(), key=lambda q: (q["doc"], q["begin"]))


class Lookup:
    """An index of the names of every node of a projection."""

    def __init__(self, graph: nx.MultiDiGraph, aliases: Mapping[str, list[str]] | None = None) -> None:
        self.graph = graph
        self.ids = {normalise(node): node for node in graph.nodes}
        self.names: dict[str, set[str]] = defaultdict(set)
        for node, data in graph.nodes(data=True):
            names = [data.get(k, "") for k in ("label_ja", "label_en", "iso", "wikidata")]
            names += list((aliases or {}).get(node, []))
            for name in names:
                if name:
                    self.names[normalise(str(name))].add(node)

    def candidates(self, query: str) -> list[str]:
        """Nodes matching ``query`` at the best level (exact id, exact name, prefix)."""
        key = normalise(query)
        if not key:
            return []
        if key in self.ids:
            return [self.ids[key]]
        if key in self.names:
            return sorted(self.names[key])
        found = {node for name, nodes in self.names.items() if name.startswith(key) for node in nodes}
        found |= {node for norm, node in self.ids.items() if norm.startswith(key)}
        return sorted(found)

    def find(self, query: str) -> str:
        """The one node ``query`` names; EntityLookupError when none or several do."""
        found = self.candidates(query)
        if len(found) == 1:
            return found[0]
        if not found:
            key = normalise(query)
            near = sorted({n for name, nodes in self.names.items() if key and key in name for n in nodes})
            hint = f"; did you mean: {self._listing(near)}" if near else ""
            raise EntityLookupError(f"unknown entity {query!r}: no id, label or alias matches{hint}")
        raise EntityLookupError(
            f"ambiguous name {query!r}: {len(found)} entities match: {self._listing(found)}")

    def _listing(self, nodes: list[str]) -> str:
        shown = ", ".join(describe(self.graph, n) for n in nodes[:MAX_LISTED])
        more = len(nodes) - MAX_LISTED
        return shown + (f", and {more} more" if more > 0 else "")
