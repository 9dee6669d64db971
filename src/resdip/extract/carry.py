"""What a sentence that continues the previous one takes from it.

「併せて、…協力覚書の改訂に署名しました。」 and 「会談では、…を確認しました。」 state
neither their date nor their subject: they continue the sentence before. A
sentence that opens with a continuation marker (``patterns/clauses.json``:
併せて, また, 会談では, 同会合において, 本セミナーでは…) and states no date takes the
previous sentence's date, marked ``CarriedFromContext``; with no subject of its
own, it takes the previous subject, marked implicit; when its marker names an
event (会談では, 本セミナーでは), what it tells happened at the current event.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
import re

from ..patterns import load_patterns
from .clauses import embedded, in_content, spec
from .dates import CARRIED, DateValue
from .view import SentenceView, Token, in_family


@dataclass(frozen=True)
class Told:
    """An event told earlier in the document: what 会談では or 同会合において refer back to."""

    type: str
    iri: str
    date: DateValue | None
    names: frozenset[str] = frozenset()  # the series, name and subjects it is known by (本会合 → the series)
    name: str = ""  # the name it was told by (「第5回…閣僚会合」)
    parties: int = 0  # how many took part in it
    people: int = 0  # how many of them are people
    named: int = 0  # how many of them the text names (not left unsaid)


@dataclass
class Carry:
    agent: Token | None = None
    date: DateValue | None = None
    events: list[Told] = field(default_factory=list)  # the events told so far, the latest last

    def last_pair_event(self, types: list[str]) -> Told | None:
        """The last occasion (an event of ``types``) two or more took part in: what 「両大臣は」 or 「両者は」
        go on to tell of (not a policy one of them was said to have drawn up since, nor what they agreed
        in the sentence before)."""
        occasions = [told for told in self.events if told.type in types]
        # two people who met first (「同大臣はまた、昨年8月に安倍総理大臣が同国を訪問した際に…」 then 「両大臣は」:
        # the dialogue of the two ministers, not the visit of one)
        return next((told for told in reversed(occasions) if told.people >= 2), None) or next(
            (told for told in reversed(occasions) if told.parties >= 2), None) or (
            occasions[-1] if occasions else None)

    def last_event(self, types: list[str] | None = None, named: frozenset[str] = frozenset(),
                   word: str = "") -> Told | None:
        """The last event told of ``types``; first the last one known by one of ``named`` (本会合 names
        the meeting it stands for, which may be older than talks told since), then the last one whose
        name ends in the marker's ``word`` (「会合の機会に」: the 「…閣僚会合」, not a forum told since)."""
        for told in reversed(self.events):
            if named & told.names:
                return told
        for told in reversed(self.events) if word else ():
            if told.name.endswith(word) and (not types or told.type in types):
                return told
        for told in reversed(self.events):
            if not types or told.type in types:
                return told
        return self.events[-1] if self.events else None


@dataclass(frozen=True)
class Continuation:
    """How a sentence continues the previous one (all empty when it does not)."""

    continues: bool = False
    at_event: str = ""
    agent: Token | None = None  # the carried subject, for a clause that has none
    event_agent: Token | None = None  # the carried subject for typed events: only when the sentence names no actor
    names_event: bool = False  # the opening names the event just told (会談では, 署名式では)
    at_type: str = ""  # the type of the event it continues
    pair: bool = False  # its subject is the pair who took part in that event (両首脳は)
    at_start: str = ""  # the date (or period) of the event it continues
    at_end: str = ""
    named_again: bool = False  # the opening names that event by an anaphor (本表敬には, 同会合では)

    def at(self, start: str) -> str:
        """The event a fact dated ``start`` was told at: not one on another date (「両首脳は、昨年8月に開催された
        …会議の成果…」: that meeting was not held at the summit)."""
        if not start or not self.at_start:
            return self.at_event
        first, last = self.at_start, self.at_end or self.at_start
        n = min(len(start), len(first), len(last))
        return self.at_event if first[:n] <= start[:n] <= last[:n] else ""


@lru_cache(maxsize=1)
def _pair_subjects() -> re.Pattern[str]:
    pairs = load_patterns("anaphora")["pairs"]
    nouns = "|".join(sorted(map(re.escape, pairs["nouns"]), key=len, reverse=True))
    words = "".join(f"|{re.escape(w)}" for w in sorted(pairs.get("words", {}), key=len, reverse=True))
    particles = "|".join(map(re.escape, spec()["continuation"]["pair_subject_particles"]))
    return re.compile(f"(?:{re.escape(pairs['prefix'])}(?:{nouns}){words})(?:{particles})")


def _pair_subject(text: str) -> bool:
    """Whether ``text`` opens with a pair anaphor as its subject (両大臣は, 両者が)."""
    return bool(_pair_subjects().match(text))


@lru_cache(maxsize=1)
def _markers() -> re.Pattern[str]:
    """The continuation markers (また, 同会談では…), longest first: the first that matches is the longest."""
    markers = sorted(spec()["continuation"]["markers"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, markers)))


def _opening_marker(text: str) -> str:
    """The longest continuation marker ``text`` opens with, "" when none."""
    m = _markers().match(text)
    return m.group(0) if m else ""


def continuation(view: SentenceView, carry: Carry, clauses: list | None = None) -> Continuation:
    """Whether the sentence continues the last one; if so, give it the carried date (unless it
    dates its main clause itself: a date inside an adnominal clause does not)."""
    conf = spec()["continuation"]
    body = view.text.lstrip(" 　・-—0123456789.()")
    # 「なお、会談に先立ち、…」: a word that sets a remark apart may stand before a marker, and continues nothing alone
    aside = next((w for w in conf.get("aside_words", ()) if body.startswith(w)), "")
    if aside and any(body[len(aside):].startswith(m) for m in conf["markers"]):
        body = body[len(aside):]
    opening = body[:conf["window"]]
    marker = _opening_marker(opening)
    rest = opening[len(marker):].lstrip("、,")
    second = _opening_marker(rest) if marker else ""
    if second:
        marker = second  # 「また、本対話の終了後」: the second marker names the event the sentence continues
    part = re.match(conf["event_part_regex"], body) if conf.get("event_part_regex") else None
    if part and len(part.group(0)) > len(marker):
        marker = part.group(0)  # 「会合の最終日には」: a part of the event just told
    occasion_match = re.match(conf["occasion_regex"], body[:40])
    rest = body[len(marker):].lstrip("、,")
    topic = re.match(conf["topic_opening_regex"], rest) if conf.get("topic_opening_regex") else None
    # 「エネルギー分野について、両大臣は、…」: a topic of the content before the pair subject
    pair = _pair_subject(rest) or (topic is not None and _pair_subject(rest[topic.end():]))
    # 「石破総理大臣から、…旨述べ、両首脳は、…ことで一致しました」: a later clause whose subject is the pair
    pair = pair or any(_pair_subject(view.text[m.end():]) and view.text.endswith(tuple(conf["pair_after_clauses"]), 0, m.start())
                       for m in re.finditer("、", view.text))
    if not marker and not occasion_match and not pair:
        return Continuation()
    marker = marker or (occasion_match.group(0) if occasion_match else "")
    occasion = bool(occasion_match) or any(marker.endswith(word) for word in conf["occasion_markers"])
    names_event = (any(word in marker for word in conf["event_markers"]) or pair) and not occasion
    told = None
    if pair and not occasion:
        told = carry.last_pair_event(conf["pair_event_types"])  # 「両大臣は」: the two who met, at the meeting just told
    elif names_event or occasion:
        word, kinds = next(((word, types) for word, types in conf["event_marker_types"].items() if word in marker),
                           ("", None))
        lead = len(view.text) - len(body)
        named = frozenset(t.entity for t in view.tokens if t.anaphor and t.start < lead + len(marker))
        told = carry.last_event(kinds, named, word if occasion else "")
    date = told.date if told is not None and told.date is not None else carry.date
    if told is None and marker in conf.get("step_markers", ()):
        # 「続いて、A副大臣は…」 after 「同プロジェクトは2025年に生産を開始」: a step of the trip is on the trip's dates,
        # not on the last date a sentence stated
        trip = carry.last_event(conf.get("step_event_types"))
        date = trip.date if trip is not None and trip.date is not None else date
    if part and date is not None and date.end and any(w in part.group(0) for w in conf.get("event_end_parts", ())):
        date = replace(date, start=date.end, end="")  # 「会合の最後には」: the last day of a meeting of two days
    if date is None and carry.events and view.dates and all(in_content(view.text, d, clauses or []) for d in view.dates):
        date = carry.events[-1].date  # 「また、…を立ち上げ、…2026年度から…実施することを発表」: not 2026
    # (nor does a bound: 「会合の最後に、…2030年までに…拡大するため、協力を進めることを確認」 is dated by the meeting)
    if date is not None and all(d.qualifier or embedded(view.text, d, clauses or []) for d in view.dates):
        view.dates.insert(0, replace(date, span=(0, 0), source=CARRIED, qualifier=""))
    at_event = told.iri if told is not None else ""
    agent = None
    if carry.agent is not None:
        agent = replace(carry.agent, start=0, end=0, particle="は", group=-2, implicit=True)
    named_actor = any(in_family(t.cls, spec()["agent_classes"]) for t in view.tokens)
    return Continuation(True, at_event, agent, agent if not named_actor else None, names_event,
                        told.type if told is not None else "", pair and not occasion,
                        told.date.start if told is not None and told.date is not None else "",
                        told.date.end if told is not None and told.date is not None else "",
                        names_event and marker.startswith(tuple(conf.get("anaphor_openers", ()))))


def note(carry: Carry, how: Continuation, view: SentenceView, agent: Token | None, events: list[Told],
         clauses: list | None = None) -> bool:
    """After a sentence: what the next one may carry (not a date inside an adnominal clause:
    「…、昨年12月に東京で開かれた「…」の成果を…旨述べました」 does not date what follows). True if every date the
    sentence states is such a date recalled in passing (a later 同月 or 同年 does not go back to it)."""
    if agent is not None:
        carry.agent = agent
    elif not how.continues:
        carry.agent = None
    # a date inside an adnominal clause that dates only an event recalled in passing (in what is said or
    # agreed, or one nobody is named taking part in: 「…、昨年12月に東京で開かれた「…」の成果を…旨述べました」)
    # dates nothing that follows, and the event is no occasion a later sentence continues; one that dates
    # what the sentence tells (「…に開催された…会合に出席しました」) does
    main = {d.start for d in view.dates if d.source != CARRIED and not embedded(view.text, d, clauses or [])}
    attended = {e.date.start for e in events if e.date is not None and e.named}  # someone is named taking part
    background = {d.start for d in view.dates if d.source != CARRIED and embedded(view.text, d, clauses or [])
                  and (in_content(view.text, d, clauses or []) or d.start not in attended)} - main
    dated = [d for d in view.dates if not d.fiscal and not d.qualifier and not d.is_period and d.source != CARRIED
             and d.start not in background]
    if dated:
        carry.date = dated[0]
    elif not how.continues:
        carry.date = None
    # what a later 同会合 or 会合の機会に may refer to: not an event recalled in passing
    carry.events.extend(e for e in events if e.date is None or e.date.start not in background)
    del carry.events[:-50]
    stated = [d for d in view.dates if d.source != CARRIED]
    return bool(stated) and all(d.start in background for d in stated)
