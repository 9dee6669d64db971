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
    """One quantity: ``unit`` is ``JPY``, ``%``, ``km2``, ``count``, ``t``, ``bbl``, ``kl``, ``m3``, ``USD`` or
    ``kW``; ``share`` marks a 割 figure."""

    value: Decimal
    unit: str
    span: tuple[int, int]
    approximation: str = ""
    comparator: str = ""
    portion_of: bool = False
    share: bool = False
    counter: str = ""  # what a count counts, as written (国・地域, 者, 件)
    total: str = ""  # a word before the number: 計, 累計, 年間


_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=1)
def _spec() -> dict:
    data = load_patterns("quantities")
    compiled = {}
    for key in ("money", "percent", "share", "half", "fraction", "area"):
        compiled[key] = compile_regex(f"patterns/quantities.json:{key}", data[key]["regex"])
    # each measure starts at a digit or at one of the words that may stand before it: a lookahead
    # lets the engine skip every other position at once
    starts = "".join(sorted({w[0] for w in data["totals"] + data["approximations"] + ["約", "およそ"]}))
    measures = [(m["unit"], compile_regex(f"patterns/quantities.json:measures.{m['name']}",
                                          f"(?=[0-9{starts}])(?:{m['regex']})"))
                for m in data.get("measures", [])]
    return {"data": data, "re": compiled, "measures": measures}


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


def _in_code(text: str, start: int) -> bool:
    """A number that is part of a code or name (SK-417鉱区, LNG2, ブロックB-12): Latin letters or a hyphen
    run into it."""
    before = text[start - 1]
    return before in "-‐" or (before.isascii() and before.isalpha())


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in textual order."""
    spec = _spec()
    if not _DIGIT.search(text) and not spec["re"]["half"].search(text):
        return []
    data, regexes = spec["data"], spec["re"]
    found: list[Quantity] = []
    for m in regexes["money"].finditer(text):
        mults = data["money"]["multipliers"]
        value = _number(m.group("num")) * mults[m.group("mult") or ""]
        value += _number(m.group("cho") or "0") * mults["兆"] + _number(m.group("oku") or "0") * mults["億"]
        approx, comparator = _qualifiers(m, data)
        found.append(Quantity(_exact(value), "JPY", m.span(), approx, comparator, bool(m.group("portion"))))
    for m in regexes["percent"].finditer(text):
        approx, comparator = _qualifiers(m, data)
        found.append(Quantity(_number(m.group("num")), "%", m.span(), approx, comparator))
    for m in regexes["half"].finditer(text):
        approx, comparator = _qualifiers(m, data)
        found.append(Quantity(Decimal(50), "%", m.span(), approx, comparator, share=True))
    for m in regexes["fraction"].finditer(text):  # 2分の1: a share of the whole, in percent
        approx, comparator = _qualifiers(m, data)
        share = Decimal(100) * int(m.group("part")) / int(m.group("den"))
        found.append(Quantity(share.quantize(Decimal("0.1")).normalize() if share % 1 else Decimal(int(share)),
                              "%", m.span(), approx, comparator, share=True))
    for m in regexes["share"].finditer(text):
        approx, comparator = _qualifiers(m, data)
        found.append(Quantity(_number(m.group("num")) * 10, "%", m.span(), approx, comparator, share=True))
    for m in regexes["area"].finditer(text):
        mult = data["area"]["multipliers"][m.group("mult") or ""]
        value = _number(m.group("num")) * mult + _number(m.group("man") or "0") * 10000  # 3万6,000平方キロメートル
        found.append(Quantity(_exact(value), "km2", m.span(), m.group("approx") or ""))
    taken = [False] * (len(text) + 1)
    for q in found:
        taken[q.span[0]:q.span[1]] = [True] * (q.span[1] - q.span[0])
    for unit, regex in spec["measures"]:
        for m in regex.finditer(text):
            if any(taken[m.start():m.end()]) or (m.start() and (text[m.start() - 1].isdigit() or _in_code(text, m.start()))):
                continue
            if (any(text.endswith(w, 0, m.start()) for w in data["ordinal_before"])
                    or any(text.startswith(w, m.end()) for w in data["ordinal_after"])):
                continue  # 第3回, 12カ国目: ordinals
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            before = m.group("approx") or ""
            total = before if before in data["totals"] else ""
            approx, comparator = _qualifiers(m, data)
            if total:
                approx = "約" if before.endswith("約") else ""
            mult = data["measure_multipliers"][m.group("mult") or ""]
            value = (_number(m.group("num")) * mult + _number(m.groupdict().get("man") or "0") * 10000  # 3万7,000
                     + _number(m.groupdict().get("oku") or "0") * 100000000)  # 1億7,300万
            found.append(Quantity(_exact(value), unit, m.span(), approx, comparator,
                                  counter=(m.group("counter") or "").lstrip("の"), total=total))
    found.sort(key=lambda q: q.span)
    return found
