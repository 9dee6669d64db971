"""Date and period expressions in Japanese text.

``find_dates`` reads one NFKC-normalised sentence and returns every date or
period it states, as :class:`DateValue` with the span it came from. Calendar
dates and fiscal years (April to March) are kept apart. Years missing from
the text (同年3月, 10月28日) are resolved from a :class:`DateContext` that
carries the last explicit year and the document's own date.
"""

from __future__ import annotations

import calendar
import copy
import datetime

from dataclasses import dataclass, replace
from functools import lru_cache
import re

from ..patterns import compile_regex, load_patterns


CARRIED = "CarriedFromContext"  # the source of a date a sentence takes from the one it continues


@dataclass(frozen=True)
class DateValue:
    """A date or period as the text states it.

    ``start``/``end`` are ISO strings at the precision given (``2024``,
    ``2024-06``, ``2024-06-03``); ``end`` is empty for a single date.
    ``fiscal`` is true for 年度 (``start`` is then the fiscal year, ``2024``).
    """

    start: str
    end: str = ""
    fiscal: bool = False
    span: tuple[int, int] = (0, 0)
    source: str = ""  # "" stated; YearFromDocument, FromEarlierSentence, CarriedFromContext, DocumentDate
    qualifier: str = ""  # By (までに), Until, Since (以降), AsOf (時点); "" = at that time

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.start)]

    @property
    def year(self) -> int:
        return int(self.start[:4])

    @property
    def is_period(self) -> bool:
        return bool(self.end)


@dataclass
class DateContext:
    """What a reader remembers across sentences: the last year seen and the document date."""

    document_date: str = ""
    last_year: int | None = None
    last_date: str = ""
    last_month: str = ""  # 同月: the last month named (YYYY-MM)

    def note(self, value: DateValue) -> None:
        # a year after the document's own (「2023年の生産開始が見込まれ」 in a 2020 paper) is a forecast or
        # a plan, never the year a later 同年 or 同月 of the narrative goes back to
        future = bool(self.document_date) and (value.end or value.start)[:4] > self.document_date[:4]
        if not value.fiscal and not future:
            self.last_year = int((value.end or value.start)[:4])
            if len(value.end or value.start) >= 7:
                self.last_month = (value.end or value.start)[:7]
            if len(value.start) == 10:  # 同日 is the last day named, not a year or month
                self.last_date = value.start


#: how a date may take its year, month or day from the dates read before it
CONTEXTUAL = ("context", "last_date", "last_date_month", "context_month")


@dataclass(frozen=True)
class _Rule:
    name: str
    fiscal: bool
    year_from: str
    regex: re.Pattern[str]
    offset_days: int = 0
    offset_years: int = 0
    forward: bool = False
    consecutive: bool = False  # a pair of days that is a period only where the second follows the first


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[_Rule, ...], dict[str, int]]:
    data = load_patterns("dates")
    rules = tuple(
        _Rule(
            name=p["name"],
            fiscal=p["kind"] == "fiscal",
            year_from=p.get("year_from", "text"),
            regex=compile_regex(f"patterns/dates.json:{p['name']}", p["regex"]),
            offset_days=int(p.get("offset_days", 0)),
            offset_years=int(p.get("offset_years", 0)),
            forward=bool(p.get("forward", False)),
            consecutive=bool(p.get("consecutive", False)),
        )
        for p in data["patterns"]
    )
    return rules, dict(data.get("eras", {}))


def _iso(year: int, month: str | None = None, day: str | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{int(month):02d}"
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def _valid(year: int, month: str | None, day: str | None) -> bool:
    """Whether the date is one of the calendar (no 2月30日, no 4月31日)."""
    if not 1800 <= year <= 2200:
        return False
    if month is not None and not 1 <= int(month) <= 12:
        return False
    if day is not None and month is not None:
        return 1 <= int(day) <= calendar.monthrange(year, int(month))[1]
    return day is None or 1 <= int(day) <= 31


def _resolve_document_year(month: int, day: int, document_date: str) -> int | None:
    """The year of a month and day written without one, read against the document's date.

    A release tells of recent events: take the document's year unless that puts the date
    more than a month after the document's own date, then the year before.
    """
    if not document_date:
        return None
    year = int(document_date[:4])
    if len(document_date) >= 7:
        doc_month = int(document_date[5:7])
        if month > doc_month + 1:
            return year - 1
    return year


def _match_to_value(rule: _Rule, m: re.Match[str], eras: dict[str, int], ctx: DateContext) -> DateValue | None:
    g = m.groupdict()
    source = ""
    if g.get("era"):
        y1 = eras[g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))
    elif g.get("y1"):
        y1 = int(g["y1"])
    elif rule.year_from == "context":
        if ctx.last_year is None:
            return None
        y1, source = ctx.last_year, "FromEarlierSentence"
    elif rule.year_from == "last_date":
        if not ctx.last_date:
            return None
        day = (datetime.date.fromisoformat(ctx.last_date) + datetime.timedelta(days=rule.offset_days)).isoformat()
        return DateValue(start=day, span=(m.start(), m.end()), source="FromEarlierSentence")
    elif rule.year_from == "last_date_month":
        if not ctx.last_date:
            return None
        y1, month = int(ctx.last_date[:4]), int(ctx.last_date[5:7])
        if rule.forward and int(g["d1"]) < int(ctx.last_date[8:10]):  # 翌1日 after 3月31日: the next month
            y1, month = (y1 + 1, 1) if month == 12 else (y1, month + 1)
        g, source = {**g, "m1": str(month)}, "FromEarlierSentence"
    elif rule.year_from == "document_month":
        if len(ctx.document_date) < 7:
            return None
        y1, source = int(ctx.document_date[:4]), "YearFromDocument"
        g = {**g, "m1": ctx.document_date[5:7]}
    elif rule.year_from == "context_month":  # 同月: the month last named
        if not ctx.last_month:
            return None
        y1, source = int(ctx.last_month[:4]), "FromEarlierSentence"
        g = {**g, "m1": ctx.last_month[5:7]}
    elif rule.year_from == "document_date":  # 本日: the release's own date
        if len(ctx.document_date) < 10:
            return None
        return DateValue(start=ctx.document_date[:10], span=(m.start(), m.end()), source="DocumentDate")
    elif rule.year_from == "document_year":  # 本年10月, 本年: the release's own year
        if len(ctx.document_date) < 4:
            return None
        y1, source = int(ctx.document_date[:4]) + rule.offset_years, "YearFromDocument"  # 昨年: one before
        if rule.fiscal and len(ctx.document_date) >= 7 and int(ctx.document_date[5:7]) < 4:
            y1 -= 1  # 本年度 in February 2025 is fiscal year 2024
    elif rule.year_from == "document":
        resolved = _resolve_document_year(int(g["m1"]), int(g["d1"]), ctx.document_date)
        if resolved is None:
            return None
        y1, source = resolved, "YearFromDocument"
    else:
        return None
    m1, d1 = g.get("m1"), g.get("d1")
    if not _valid(y1, m1, d1):
        return None
    start = _iso(y1, m1, d1)
    end = ""
    if g.get("n"):
        end = _iso(y1 + int(g["n"]) - 1)
    elif g.get("m2") or g.get("y2") or g.get("d2"):
        y2 = int(g["y2"]) if g.get("y2") else y1
        m2, d2 = g.get("m2") or m1, g.get("d2")
        if not g.get("y2") and g.get("m2") and m1 and int(g["m2"]) < int(m1):  # 「12月30日から1月3日まで」
            y2 += 1
        if not g.get("m2") and m1 and d1 and d2 and int(d2) < int(d1):  # 「30日から2日まで」: into the next month
            y2, m2 = (y2 + 1, "1") if int(m1) == 12 else (y2, str(int(m1) + 1))
        if not _valid(y2, m2, d2):
            return None
        end = _iso(y2, m2, d2)
        if rule.consecutive and datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start) != datetime.timedelta(days=1):
            return None  # 「3月3日及び10日」: two days, not a period
    return DateValue(start=start, end=end, fiscal=rule.fiscal, span=(m.start(), m.end()), source=source)


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[tuple[str, str], ...]:
    entries = load_patterns("dates").get("time_qualifiers", [])
    return tuple(sorted(((e["after"], e["qualifier"]) for e in entries), key=lambda e: -len(e[0])))


def _qualified(text: str, value: DateValue) -> DateValue:
    """A single date followed by までに, 以降, 時点…: how it bounds the fact."""
    if value.end:
        return value
    position = value.span[1]
    part = next((p for p in _period_parts() if text.startswith(p, position)), "")  # 「2026年度末までに」
    for after, qualifier in _qualifiers():
        if text.startswith(after, position) or part and text.startswith(after, position + len(part)):
            return replace(value, qualifier=qualifier)
    return value


@lru_cache(maxsize=1)
def _period_parts() -> tuple[str, ...]:
    return tuple(sorted(load_patterns("dates").get("qualified_period_parts", []), key=len, reverse=True))


def find_dates(text: str, ctx: DateContext | None = None) -> list[DateValue]:
    """Every date or period stated in ``text``, in textual order; updates ``ctx``."""
    ctx = ctx if ctx is not None else DateContext()
    rules, eras = _rules()
    taken = [False] * (len(text) + 1)
    found: list[DateValue] = []
    relative: list[tuple[re.Match[str], _Rule]] = []  # 同日, 同年: read after the dates stated before them
    for rule in rules:
        for m in rule.regex.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            if rule.year_from in CONTEXTUAL:
                relative.append((m, rule))
            else:
                value = _match_to_value(rule, m, eras, ctx)
                if value is None:
                    continue
                found.append(value)
            for i in range(m.start(), m.end()):
                taken[i] = True
    if relative:
        # 「現地時間3日午前（日本時間同日午後）」: 同日 is the day the sentence has just named
        before = copy.copy(ctx)
        stated = sorted(found, key=lambda v: v.span)
        for m, rule in sorted(relative, key=lambda item: item[0].start()):
            while stated and stated[0].span[1] <= m.start():
                before.note(stated.pop(0))
            value = _match_to_value(rule, m, eras, before)
            if value is not None:
                found.append(value)
    found.sort(key=lambda v: v.span)
    found = [_qualified(text, value) for value in found]
    for value in found:
        ctx.note(value)
    return found
