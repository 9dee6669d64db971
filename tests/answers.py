"""Answers of a SPARQL query as a multiset of rows, in a form two engines can be compared in.

The SPARQL 1.1 results formats let two engines write the same answer differently; these forms are
made equal before comparing (nothing else is):

- a number is its value: ``"5"^^xsd:nonNegativeInteger``, ``"5"^^xsd:integer`` and ``"05"^^xsd:int``
  are one (Virtuoso and Oxigraph's store both keep xsd:nonNegativeInteger as xsd:integer; Virtuoso
  writes an xsd:decimal the way its SQL type does), so is a boolean and its ``1``/``0``;
- a simple literal and an ``xsd:string`` are one (RDF 1.1 made them the same term);
- an empty string and no value are one: a ``GROUP_CONCAT`` over a group whose values are all
  unbound is an error for Oxigraph (the column is left unbound, as the standard's error rule for
  aggregates reads) and ``""`` for Virtuoso, and Virtuoso cannot compile the ``COALESCE`` around an
  aggregate that would make them agree (``SQ156 Internal Optimized compiler error``);
- a blank node is any blank node (its label is the store's own);
- the columns a query's header names on a line ``# Unordered: a, b (…)`` are ``GROUP_CONCAT``s, whose
  order the standard leaves open: their parts (split at the separator ``、``) are compared as sets.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

import re
from pathlib import Path

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {f"{XSD}{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
    "unsignedShort", "unsignedByte")}

Cell = tuple[str, ...] | None
Row = tuple[Cell, ...]


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Cell:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    if isinstance(term, ox.Triple):
        return ("triple", str(term))
    datatype = term.datatype.value
    if datatype in NUMERIC:
        try:
            return ("number", str(Decimal(term.value).normalize()))
        except InvalidOperation:
            return ("number", term.value)
    if datatype == f"{XSD}boolean":
        return ("boolean", "true" if term.value in ("true", "1") else "false")
    if term.language:
        return ("lang", term.value, term.language.lower())
    if datatype == f"{XSD}string":
        return ("string", term.value) if term.value else None
    return ("typed", term.value, datatype)


SEPARATOR = "、"


def unordered_columns(query: Path | str) -> set[str]:
    """The columns named on the query header's ``# Unordered:`` line."""
    text = query.read_text(encoding="utf-8") if isinstance(query, Path) else query
    found = re.search(r"^# Unordered: ([\w, ]+)", text, re.M)
    return {name.strip() for name in found.group(1).split(",")} if found else set()


def answer(result, unordered: set[str] = frozenset()) -> Counter[Row] | bool:
    """A query's answer: a multiset of rows (variables in the query's order), a boolean, or a
    multiset of triples (one-column rows) for CONSTRUCT."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, (ox.QueryTriples, list)):
        return Counter((cell(t.subject), cell(t.predicate), cell(t.object)) for t in result)
    names = [v.value for v in result.variables]

    def value(solution, name: str) -> Cell:
        found = cell(solution[name])
        if name in unordered and found is not None:
            return found[:1] + ("、".join(sorted(found[1].split(SEPARATOR))),) + found[2:]
        return found

    return Counter(tuple(value(s, n) for n in names) for s in result)


def difference(a: Counter[Row], b: Counter[Row], limit: int = 3) -> str:
    """The rows only one side has (a few), for an assertion message."""
    only_a, only_b = list((a - b).elements())[:limit], list((b - a).elements())[:limit]
    return f"{sum((a - b).values())} rows only on the left, e.g. {only_a}; {sum((b - a).values())} only on the right, e.g. {only_b}"
