"""Events listed under an announcement: 「以下の4件の協力文書が署名されました。」 then one bullet a document.

A release often tells several signings at once: a sentence announces them (its event names
no party, the text says 以下の / 次の) and each following bullet names the parties of one
(「・AとBとの間の「…覚書」（X大臣及びY大臣が署名）」, 「・AとB：…に関する覚書」); a heading may announce them
too (「■会合の機会に交わされた協力文書（計6件）」), dated by the meeting the release is about. Each bullet is
one event of the announced kind, dated as the announcement (the date marked carried), about the
agreement it names; the people named as signers in brackets sign it, else the parties do. The words
are data:
``patterns/events.json`` ('listed').
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..patterns import compile_regex, load_patterns
from .dates import CARRIED
from .facts import Event, Participant
from .view import SentenceView, in_family


@lru_cache(maxsize=1)
def spec() -> dict:
    data = dict(load_patterns("events")["listed"])
    for key in ("announce_regex", "item_regex", "signers_regex", "heading_regex"):
        data["_" + key] = compile_regex(f"patterns/events.json: listed.{key}", data[key])
    return data


def announces(view: SentenceView, event: Event) -> bool:
    """Whether the sentence announces a list of events of its kind (「以下の4件の協力文書が署名されました」)
    and names none of their parties itself (it may name their witnesses: 「両首脳の立会いの下、…」)."""
    data = spec()
    return (announces_list(view, event.type)
            and all(p.implicit or p.role != data["role"] for p in event.participants) and not event.about)


def announces_list(view: SentenceView, kind: str) -> bool:
    """Whether the sentence says a list of events of that kind follows (「会談後、…以下の文書の署名・交換が行われました」):
    it is not more of the signing told just before it, whatever its date."""
    data = spec()
    return kind in data["types"] and bool(data["_announce_regex"].search(view.text))


def heading_announcement(view: SentenceView, meetings: dict[str, Event]) -> Event | None:
    """A heading over the list (「■会合の機会に交わされた協力文書（計6件）」) announces signings as a sentence
    would: told at the meeting the release is about (the last of ``meetings``, by series), dated as it,
    the date marked carried."""
    data = spec()
    if not data["_heading_regex"].match(view.text):
        return None
    # the occasion the heading names (「会合の機会に」), its date carried to the sentence; else the meeting
    when = view.dates[0] if view.dates else (list(meetings.values())[-1] if meetings else None)
    if when is None:
        return Event(data["types"][0], date_source=CARRIED)
    return Event(data["types"][0], when.start, when.end, when.fiscal, date_source=CARRIED)


def listed_event(view: SentenceView, announced: Event) -> Event | None:
    """The event one bullet of the list tells, or None when the line names no party."""
    data = spec()
    text = view.text
    marker = next((m for m in data["pair_markers"] if m in text), "")
    cut = text.find(marker) if marker else len(text)
    # (「カザフスタン共和国の国営…社」: a country named before a body with の says whose it is; it signs nothing)
    parties = [t for t in view.tokens if t.end <= cut and in_family(t.cls, data["party_classes"]) and not t.anaphor
               and not (in_family(t.cls, ["Country"]) and text.startswith("の", t.end))]
    signers_at = data["_signers_regex"].search(text)
    signers = [t for t in view.tokens if signers_at and signers_at.start() <= t.start < signers_at.end()
               and in_family(t.cls, ["Person"])]
    about = [t.entity for t in view.tokens if t.start >= cut and in_family(t.cls, data["about_classes"])
             and not (signers_at and signers_at.start() <= t.start)]
    signing = signers or parties
    if len({t.entity for t in signing}) < data["min_parties"]:
        return None
    role = data["role"]
    # those the announcement names in another role (「両首脳の立会いの下、以下の2件の…が署名されました」) witness each
    witnesses = {p for p in announced.participants if p.role != role and not p.implicit}
    participants = tuple(sorted({Participant(t.entity, role) for t in signing} | witnesses))
    return replace(announced, participants=participants, about=tuple(dict.fromkeys(about[:1])),
                   date_source=CARRIED, name="", series="")


def is_item(view: SentenceView) -> bool:
    return bool(spec()["_item_regex"].match(view.text))
