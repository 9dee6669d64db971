"""A release's lead tells in brief what its body then tells day by day.

「8月24日から8月28日にかけて、…を訪問し、両国の鉱業担当閣僚と会談を行うとともに、…に署名しました」,
then 「8月25日、…大臣と会談しました」 and 「会談後、…に署名しました」: the lead's meeting and signing,
dated by the whole trip, are the ones the body dates to the day. An event of one of the
``summary_types`` (``patterns/events.json``) dated by a period is absorbed into the first event of its
type dated within that period that shares a participant with it, and has every person it names in one of
``summary_counterpart_roles`` (the minister met): one event, citing both sentences. A meeting the lead names
(「第20回…閣僚会合」, held over two days) is that meeting, no summary.
"""

from __future__ import annotations

from typing import Callable

from .facts import Event, FactCollection, fact_ref
from .events import rules


def _within(day: str, start: str, end: str) -> bool:
    return bool(day) and start <= day <= end + "~"  # 2025-08 ≤ 2025-08-25 ≤ 2025-08-28 (a month ends after its days)


def absorb_summaries(facts: FactCollection, is_person: Callable[[str], bool] = lambda entity: False) -> dict[str, str]:
    """Absorb the lead's events into the body's; the IRIs of the absorbed events, to the ones kept."""
    types = set(rules().get("summary_types", []))
    events = [f for f, _ in facts.items() if isinstance(f, Event) and f.type in types]
    renamed: dict[str, str] = {}
    for brief in events:
        if not brief.end or brief.end == brief.start or brief.fiscal or brief.name or brief.series:
            continue  # (a named meeting of two days, 「第20回…閣僚会合」, is that meeting: no lead's summary)
        people = {p.entity for p in brief.participants if not p.implicit}
        # 「A大臣及びB大臣とそれぞれ会談」: the meeting with A is not the one the body tells with B
        # (a country met, 「両国の首脳と会談」, is met through the people the body names)
        met = {p.entity for p in brief.participants
               if p.role in rules().get("summary_counterpart_roles", []) and is_person(p.entity)}
        full = next((e for e in events if e is not brief and e.type == brief.type and not (e.end and e.end != e.start)
                     and _within(e.start, brief.start, brief.end)
                     and people & {p.entity for p in e.participants}
                     and met <= {p.entity for p in e.participants}), None)
        if full is not None and fact_ref(brief) not in renamed:
            facts.absorb(brief, full)
            renamed[fact_ref(brief)] = fact_ref(full)
    return renamed
