"""Yen amounts written the Japanese way, from the one decimal value a budget line holds.

``yen_text(Decimal("125000000000"))`` is 「1,250億円」: the value is cut into 兆, 億 and 万
parts (each written with thousands separators, a zero part left out) and what is left in yen.
Labels are made from the same ``Decimal`` as the numeric literal, so the two cannot disagree.
"""

from __future__ import annotations

from decimal import Decimal

#: The units of the Japanese count of large numbers, largest first.
UNITS = (("兆", Decimal(10) ** 12), ("億", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def _digits(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def yen_text(value: Decimal) -> str:
    """「20億円」, 「1兆2,000億円」, 「7億8,000万円」, 「5,000円」, 「0円」 for a non-negative amount."""
    if value < 0:
        raise ValueError(f"a negative amount of yen: {value}")
    rest = value
    parts: list[str] = []
    for unit, size in UNITS:
        whole = rest // size
        if whole:
            parts.append(f"{_digits(whole)}{unit}")
            rest -= whole * size
    if rest or not parts:
        parts.append(_digits(rest))
    return "".join(parts) + "円"
