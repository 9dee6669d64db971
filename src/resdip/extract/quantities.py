"""Numbers with units: yen amounts, percentages, shares in 割, areas in km².

Pure functions over NFKC-normalised text; the expressions live in
``patterns/quantities.json``. Values are exact decimals; approximation
qualifiers (約, 弱…) and comparators (以上…) are kept beside the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
import re

from ..patterns import compile_regex, load_patterns


@dataclass(frozen=True)
class Quantity:
    """One quantity: ``unit`` is ``JPY``, ``%`` or ``km2``; ``share`` marks a 割 figure."""

    value: Decimal
    unit: str
    span: tuple[int, int]
    approximation: str = ""
    comparator: str = ""
    portion_of: bool = False
    share: bool = False


@lru_cache(maxsize=1)
def _spec() -> dict:
    data = load_patterns("quantities")
    compiled = {}
    for key in ("money", "percent", "share", "area"):
        compiled[key] = compile_regex(f"patterns/quantities.json:{key}", data[key]["regex"])
    return {"data": data, "re": compiled}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _exact(value: Decimal) -> Decimal:
    """Drop a fractional part that a multiplier made zero (7.8億 → 780000000)."""
    return Decimal(int(value)) if value == value.to_integral_value() else value


def _qualifiers(m: re.Match[str], data: dict) -> tuple[str, str]:
    approx = m.group("approx") or ""
    tail = m.groupdict().get("cmp") or ""
    comparator = data["comparators"].get(tail, "")
    if not comparator and tail in data["approximations"]:
        approx = f"{approx}{tail}" if approx else tail
    return approx, comparator


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in textual order."""
    spec = _spec()
    data, regexes = spec["data"], spec["re"]
    found: list[Quantity] = []
    for m in regexes["money"].finditer(text):
        mult = data["money"]["multipliers"][m.group("mult") or ""]
        approx = m.group("approx") or ""
        found.append(Quantity(_exact(_number(m.group("num")) * mult), "JPY", m.span(), approx, "", bool(m.group("portion"))))
    for m in regexes["percent"].finditer(text):
        approx, comparator = _qualifiers(m, data)
        found.append(Quantity(_number(m.group("num")), "%", m.span(), approx, comparator))
    for m in regexes["share"].finditer(text):
        approx, comparator = _qualifiers(m, data)
        found.append(Quantity(_number(m.group("num")) * 10, "%", m.span(), approx, comparator, share=True))
    for m in regexes["area"].finditer(text):
        mult = data["area"]["multipliers"][m.group("mult") or ""]
        found.append(Quantity(_exact(_number(m.group("num")) * mult), "km2", m.span(), m.group("approx") or ""))
    found.sort(key=lambda q: q.span)
    return found
