"""Numbered measures (具体的な主要施策) and their budget lines 【…】.

A section heading of kind "measure" becomes a ``Measure`` entity: its number,
title, whether it is a tax measure (【税制】), the resources its title names
and the body that runs it. A budget unit 【2024年度当初：1,082億円、…】 in
the measure's section becomes one budget line per item.
"""

from __future__ import annotations

import re

from decimal import Decimal
from functools import lru_cache
import unicodedata

from .facts import BudgetLine, EntityRef, label_digest
from ..patterns import compile_regex, load_patterns
from ..english.romanise import romanise
from .quantities import find_quantities


@lru_cache(maxsize=1)
def spec() -> dict:
    data = dict(load_patterns("measures"))
    data["_item_re"] = compile_regex("patterns/measures.json:budget_item", data["budget_item"])
    data["_follow_re"] = compile_regex("patterns/measures.json:budget_item_following", data["budget_item_following"])
    return data


def measure_id(title: str) -> str:
    """A stable id for a measure, from its NFKC title (the same measure in two documents is one)."""
    return f"measure-{label_digest(title)}"


def measure_entity(number: str, title: str) -> EntityRef:
    """The entity of a numbered measure, without the body that runs it (added from the text)."""
    tax_marker = spec()["tax_marker"]
    is_tax = tax_marker in unicodedata.normalize("NFKC", title) or tax_marker in title
    clean = title.replace(tax_marker, "").replace(unicodedata.normalize("NFKC", tax_marker), "").strip()
    extra: dict[str, object] = {"measureNumber": number}
    if is_tax:
        extra["isTaxMeasure"] = True
    return EntityRef(measure_id(clean), "Measure", clean, romanise(clean), reviewed=False, extra=extra)


def _split_items(text: str) -> list[str]:
    """Split 「A、B」 at the top level of a bracket's content."""
    sep = spec()["budget_item_separator"]
    items, depth, current = [], 0, []
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
        if ch == sep and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


def read_budget(norm: str, measure: str) -> list[BudgetLine]:
    """Budget lines of one bracket (NFKC text such as 「【2024年度当初:1,082億円】」)."""
    body = norm.strip().removeprefix("【").removesuffix("】")
    kinds = spec()["budget_kinds"]
    note = spec()["budget_note_marker"]
    lines: list[BudgetLine] = []
    items = []
    for item in _split_items(body):
        # 「…28.6億円（平成21年度予算額：24.1億円）」: the year before's amount in brackets is a line of its own
        nested = [g for g in re.findall(r"\(([^()]+)\)", item) if spec()["_item_re"].match(g.strip())]
        for inner in nested:
            item = item.replace(f"({inner})", "")
        items += [item] + [g.strip() for g in nested]
    last: tuple[str, str] | None = None  # the year and kind of the item before
    for item in items:
        m = spec()["_item_re"].match(item)
        if m and m.group("kind") in kinds:
            fiscal_year, kind = m.group("fy") or _era_year(m.group("era"), m.group("ey")), kinds[m.group("kind")]
            rest = m.group("rest")
            last = (fiscal_year, kind)
        elif last is not None and spec()["_follow_re"].match(item):
            # 「2026年度当初：石油備蓄事業 1,180億円、レアメタル備蓄事業 12億円」: a programme of the same year and kind
            (fiscal_year, kind), rest = last, item
        else:
            continue
        parts = rest.split(note)
        for i, part in enumerate(parts):
            amounts = [q for q in find_quantities(part) if q.unit == "JPY"]
            if not amounts:
                continue
            amount = amounts[0]
            qualifier = (part[: amount.span[0]] + part[amount.span[1]:]).strip(" 　:")
            if i > 0:
                qualifier = f"{note}{qualifier}"
            lines.append(BudgetLine(measure, fiscal_year, kind, Decimal(amount.value), amount.portion_of, qualifier))
    return lines


def _era_year(era: str, year: str) -> str:
    """平成24 → 2012: the Western year of an era year (the eras of patterns/dates.json)."""
    start = load_patterns("dates")["eras"][era]
    return str(start + (1 if year == "元" else int(year)))
