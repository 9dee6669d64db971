"""SPARQL results as Python values and as pandas columns.

One term becomes one Python value (:func:`python`): an IRI its short form with the project's
prefixes (``rdi:country-cl``), a number an ``int``, ``Decimal`` or ``float``, a boolean a
``bool``, an ``xsd:date`` a ``datetime.date``, an ``xsd:dateTime`` a ``datetime.datetime``, a
year or a month (``xsd:gYear``, ``xsd:gYearMonth``) its ISO text ("2024-06": there is no Python
type for a month), any other literal its text; unbound is ``None``.

A column of a DataFrame (:func:`frame`) is typed by what all its values are: dates of any
precision become ``datetime64`` (a year or a month at its first day; ``frame.attrs["precision"]``
says, per column, "year", "month", "day" or "time", or "mixed"), whole numbers ``Int64``, other
numbers ``float64``, booleans ``boolean``; a column that mixes kinds keeps the Python values.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from ..rdf.results import compact

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
FLOATS = {XSD + "double", XSD + "float"}
#: Date datatypes and the precision each gives.
DATES = {XSD + "gYear": "year", XSD + "gYearMonth": "month", XSD + "date": "day", XSD + "dateTime": "time"}
_DATE_TEXT = {"year": re.compile(r"^-?\d{4}"), "month": re.compile(r"^-?\d{4}-\d{2}"),
              "day": re.compile(r"^\d{4}-\d{2}-\d{2}"), "time": re.compile(r"^\d{4}-\d{2}-\d{2}T[\d:.]+")}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None


def iri_text(iri: str) -> str:
    """``rdi:country-cl`` where a project prefix fits, else the IRI itself."""
    short = compact(iri)
    return iri if short.startswith("<") else short


def python(term: Term) -> Any:
    """The Python value of one term (see the module documentation)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return iri_text(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return (python(term.subject), python(term.predicate), python(term.object))
    datatype, text = term.datatype.value, term.value
    try:
        if datatype in INTEGERS:
            return int(text)
        if datatype == XSD + "decimal":
            return Decimal(text)
        if datatype in FLOATS:
            return float(text)
        if datatype == XSD + "boolean":
            return {"true": True, "1": True, "false": False, "0": False}[text]
        if datatype == XSD + "date":
            return datetime.date.fromisoformat(text[:10])
        if datatype == XSD + "dateTime":
            return datetime.datetime.fromisoformat(text)
    except (ValueError, KeyError, InvalidOperation):
        return text  # an ill-formed lexical value stays as written
    return text


def _kind(term: Term) -> str:
    """What a column cell is, for typing its column: a precision, "int", "number", "bool" or "other"."""
    if not isinstance(term, ox.Literal):
        return "other"
    datatype, text = term.datatype.value, term.value
    if datatype in DATES:
        precision = DATES[datatype]
        return precision if _DATE_TEXT[precision].match(text) else "other"
    value = python(term)
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int) or (isinstance(value, Decimal) and value == value.to_integral_value()):
        return "int"
    if isinstance(value, (Decimal, float)):
        return "number"
    return "other"


def _start(term: ox.Literal) -> str:
    """The first instant of a date of any precision, as ISO text pandas parses."""
    text = term.value
    precision = DATES[term.datatype.value]
    if precision == "year":
        return text[:4] + "-01-01"
    if precision == "month":
        return text[:7] + "-01"
    return text[:10] if precision == "day" else text


def column(pd: Any, terms: list[Term]) -> tuple[Any, str | None]:
    """(pandas Series data, the precision when it is a date column) for one column of terms."""
    kinds = {_kind(t) for t in terms if t is not None}
    if kinds and kinds <= set(DATES.values()):
        starts = [_start(t) if t is not None else None for t in terms]  # type: ignore[arg-type]
        try:
            values = pd.to_datetime(pd.Series(starts, dtype=object), format="ISO8601")
        except (ValueError, TypeError):  # e.g. times in several time zones: keep the values
            return pd.Series([python(t) for t in terms], dtype=object), None
        return values, kinds.pop() if len(kinds) == 1 else "mixed"
    values = [python(t) for t in terms]
    if kinds == {"int"}:
        return pd.Series([None if v is None else int(v) for v in values], dtype="Int64"), None
    if kinds and kinds <= {"int", "number"}:
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64"), None
    if kinds == {"bool"}:
        return pd.Series(values, dtype="boolean"), None
    return pd.Series(values, dtype=object if kinds - {"other"} else None), None


def frame(pd: Any, names: list[str], rows: list[list[Term]]) -> Any:
    """A DataFrame of ``rows`` (terms) under ``names``, each column typed by :func:`column`."""
    data, precision = {}, {}
    for i, name in enumerate(names):
        data[name], found = column(pd, [row[i] for row in rows])
        if found:
            precision[name] = found
    df = pd.DataFrame(data, columns=names)
    df.attrs["precision"] = precision
    return df
