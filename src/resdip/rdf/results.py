"""Query results as text: aligned table, Markdown, SPARQL CSV / JSON, Turtle.

``table`` and ``md`` are for people: IRIs are shortened with the model's
prefixes and literals shown by their value. ``csv`` and ``json`` are the
SPARQL 1.1 result formats, written by Oxigraph. CONSTRUCT / DESCRIBE results
are Turtle (JSON-LD with ``json``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pyoxigraph as ox

from .store import PREFIXES, QueryResult

FORMATS = ("table", "csv", "json", "md")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def render(result: QueryResult, fmt: str) -> str:
    """The result of any query form in one of :data:`FORMATS`."""
    if isinstance(result, ox.QueryBoolean):
        return render_boolean(result, fmt)
    if isinstance(result, (ox.QueryTriples, list)):  # a list: triples a remote store sent
        return render_triples(result, fmt)
    return render_solutions(result, fmt)


def render_boolean(result: ox.QueryBoolean, fmt: str) -> str:
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    return ("true" if bool(result) else "false") + "\n"


def render_triples(result: ox.QueryTriples | list[ox.Triple], fmt: str) -> str:
    triples = list(result)
    if fmt == "json":
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD).decode("utf-8") + "\n"
    used = {k: v for k, v in PREFIXES.items() if any(_uses(t, v) for t in triples)}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")


def _uses(triple: ox.Triple, namespace: str) -> bool:
    return any(isinstance(t, ox.NamedNode) and t.value.startswith(namespace)
               for t in (triple.subject, triple.predicate, triple.object))


def render_solutions(result: ox.QuerySolutions, fmt: str) -> str:
    if fmt == "csv":
        return result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    header = [v.value for v in result.variables]
    rows = [[show(solution[i]) for i in range(len(header))] for solution in result]
    return markdown(header, rows) if fmt == "md" else table(header, rows)


def show(term: Term | None) -> str:
    """A term for people: prefixed IRI, literal value, ``_:id`` blank node, '' if unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return f"<< {show(term.subject)} {show(term.predicate)} {show(term.object)} >>"


def compact(iri: str) -> str:
    """``rdi:country-cl`` for ``https://w3id.org/resdip/id/country-cl``; ``<iri>`` otherwise."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is not None:
        local = iri[len(best):]
        if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
            prefix = next(k for k, v in PREFIXES.items() if v == best)
            return f"{prefix}:{local}"
    return f"<{iri}>"


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide/full-width count 2, combining 0."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _cell(text: str) -> str:
    return " ".join(text.split()) if any(c in text for c in "\r\n\t") else text


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Aligned plain text, with a row count, for terminals."""
    rows = [[_cell(c) for c in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return _cell(text).replace("\\", "\\\\").replace("|", "\\|")


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; ``|`` and ``\\`` in cells escaped."""
    out = ["| " + " | ".join(_md_cell(h) for h in header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"
