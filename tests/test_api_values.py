"""``resdip.api.values``: terms as Python values and typed DataFrame columns (hand-made terms)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pandas as pd
import pyoxigraph as ox

from resdip.api.values import XSD, frame, python


def lit(text: str, datatype: str) -> ox.Literal:
    return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))


def test_python_values() -> None:
    assert python(ox.NamedNode("https://w3id.org/resdip/id/country-cl")) == "rdi:country-cl"
    assert python(ox.NamedNode("https://example.org/x")) == "https://example.org/x"  # no project prefix: the IRI
    assert python(ox.Literal("チリ", language="ja")) == "チリ"
    assert python(lit("1082", "nonNegativeInteger")) == 1082
    assert python(lit("1.5", "decimal")) == Decimal("1.5")
    assert python(lit("true", "boolean")) is True
    assert python(lit("2024-06-17", "date")) == datetime.date(2024, 6, 17)
    assert python(lit("2024-06", "gYearMonth")) == "2024-06"  # a month has no Python type: ISO text
    assert python(lit("2025-13-45", "date")) == "2025-13-45"  # ill-formed: kept as written
    assert python(None) is None


def test_columns_typed_by_all_their_values() -> None:
    rows = [[lit("2024-06", "gYearMonth"), lit("2024", "gYear"), lit("10", "integer"), lit("1.5", "decimal"),
             ox.Literal("a"), lit("2025-13-45", "date")],
            [None, lit("2025-01", "gYearMonth"), None, lit("2", "decimal"), lit("3", "integer"), lit("2024-01-02", "date")]]
    df = frame(pd, ["month", "when", "count", "amount", "mixed", "bad"], rows)
    assert df["month"].tolist()[0] == pd.Timestamp("2024-06-01") and pd.isna(df["month"][1])
    assert df["when"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01")]
    assert df.attrs["precision"] == {"month": "month", "when": "mixed"}
    assert str(df["count"].dtype) == "Int64" and df["count"].isna().tolist() == [False, True]
    assert df["amount"].dtype == "float64" and df["amount"].tolist() == [1.5, 2.0]
    assert df["mixed"].tolist() == ["a", 3] and df["mixed"].dtype == object
    assert df["bad"].tolist() == ["2025-13-45", datetime.date(2024, 1, 2)]  # not every value a date: kept as values


def test_an_empty_result_keeps_its_columns() -> None:
    df = frame(pd, ["a", "b"], [])
    assert list(df.columns) == ["a", "b"] and len(df) == 0
