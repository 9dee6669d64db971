"""``resdip.rdf.amounts.yen_text``: the Japanese amount a budget line's label states.

Property tests read each label back with the extraction's own money pattern
(``resdip.extract.quantities.find_quantities``), a separate reader of the same notation.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from resdip.rdf.amounts import yen_text
from resdip.extract.quantities import find_quantities

MAN, OKU, CHO = 10 ** 4, 10 ** 8, 10 ** 12


def read_back(text: str) -> Decimal:
    found = [q for q in find_quantities(text) if q.unit == "JPY"]
    assert len(found) == 1 and found[0].span == (0, len(text)), text
    return found[0].value


@pytest.mark.parametrize("value, text", [
    # the four budget brackets of the source whose labels lost a zero (sources/…-ch1.txt, 【…】)
    (20 * OKU, "20億円"), (150 * OKU, "150億円"), (50 * OKU, "50億円"), (1250 * OKU, "1,250億円"),
    (1082 * OKU, "1,082億円"), (798 * OKU, "798億円"),
    (CHO + 2000 * OKU, "1兆2,000億円"), (7 * OKU + 8000 * MAN, "7億8,000万円"), (MAN, "1万円"),
    (10 * CHO, "10兆円"), (CHO + 5000 * MAN, "1兆5,000万円"), (5000, "5,000円"), (0, "0円"),
])
def test_known_amounts(value: int, text: str) -> None:
    assert yen_text(Decimal(value)) == text


@given(st.integers(min_value=1, max_value=10 ** 9))
def test_every_multiple_of_man_reads_back(man: int) -> None:
    """From 1万円 to 10兆円 in steps of 1万円: the text names exactly the value."""
    value = Decimal(man * MAN)
    assert read_back(yen_text(value)) == value


@given(st.integers(min_value=1, max_value=10 ** 5))
def test_whole_oku_amounts_use_oku_and_cho(oku: int) -> None:
    """Amounts in whole 億 (as budgets are written) use only 兆 and 億, and read back."""
    text = yen_text(Decimal(oku * OKU))
    assert "万" not in text and read_back(text) == oku * OKU
    assert ("兆" in text) == (oku >= 10 ** 4)


@given(st.integers(min_value=MAN, max_value=10 * CHO))
def test_any_amount_keeps_every_digit(value: int) -> None:
    """With or without 億/兆 parts: the parts, read as numbers, add up to the value."""
    text = yen_text(Decimal(value)).removesuffix("円").replace(",", "")
    total, number = 0, ""
    for ch in text:
        if ch.isdigit():
            number += ch
        else:
            total += int(number) * {"兆": CHO, "億": OKU, "万": MAN}[ch]
            number = ""
    assert total + int(number or 0) == value


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError):
        yen_text(Decimal(-1))
