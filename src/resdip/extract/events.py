"""Events: visits, meetings, signings, decisions, tests… with dates and roles.

The rules are data (``patterns/events.json``). For each trigger word in a
sentence, the clause before it (back to the previous trigger) is read: each
mention whose particle and class match a rule's slot gets that slot's role.
The sentence's agent (the mention marked が/は) carries over to later clauses.
Named meetings (registered event series, quoted meeting names) become events
themselves, and participation words (出席, 基調講演, の呼びかけにより) add
roles to the event named in the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
import re
from typing import Callable, Iterable

from .facts import Event, Participant, PostHolding, fact_ref
from ..patterns import compile_regex, load_patterns
from .clauses import clause_date, embedded, in_content, object_before
from .dates import CARRIED, DateValue
from .listed import announces, announces_list, heading_announcement, is_item, listed_event
from .view import SentenceView, Token, end_of, in_family


@dataclass
class ReadingContext:
    """What the reader knows beyond the sentence.

    ``voice`` is who speaks when the subject is left unsaid (the document's
    government); ``read_name`` recognises the parties inside a name (日豪…);
    ``measure`` is the measure whose section is being read.
    """

    voice: str = ""
    read_name: Callable[[str], list[Token]] = lambda text: []
    read_body: Callable[[str], list[Token]] = lambda text: []  # the registry body a name opens with
    measure: str = ""
    plan_named: str = ""  # the last plan or strategy the text named (what 同計画 stands for)
    name_agreement: Callable[[str, str, list[str]], str] = lambda cls, label, parties: ""
    recent: dict[str, Event] = field(default_factory=dict)  # the last event of each type in the section
    series_recent: dict[str, Event] = field(default_factory=dict)  # the last event of each series in the document
    about_recent: dict[str, Event] = field(default_factory=dict)  # the last event about each agreement, in the document
    told_types: set[str] = field(default_factory=set)  # the types of the events told so far in the document
    body_sentences: int = 0  # sentences of the body read so far (a release's lead is the first)
    headline: tuple[str, str, tuple[str, ...]] | None = None  # (series, name, parties) a release's headline names
    event_told_again: bool = False  # the sentence opens by naming the event just told (署名式では, 会談では)
    occasion_told: str = ""  # the IRI of the event the sentence opens by naming with 本 or 同 (本表敬には), if any
    clauses: list = field(default_factory=list)  # the sentence's clauses (resdip.extract.clauses)
    grown: list[tuple[Event, Event]] = field(default_factory=list)  # (as told before, as told now)
    section_title: str = ""  # the title of the heading the sentence stands under
    section_country: str = ""  # the one foreign country the headings the sentence stands under name
    section_posts: dict[str, str] = field(default_factory=dict)  # the posts the headings above name people with
    announced: Event | None = None  # the kind, time and occasion of events a list announced (「以下の4件の…が署名されました」)
    home: Callable[[str], bool] = lambda entity: False  # whether an entity is of the document's own side
    country_of: Callable[[str], str] = lambda entity: ""  # a registry body's country (ADNOC: the UAE)
    last_resource: str = ""  # the resource the section named last (「輸入先は、豪州（約21%）…」 names none)
    #: the resource and importer of the table of imports by supplier whose rows the lines are (its caption's)
    import_table: tuple[str, str] | None = None
    document_date: str = ""  # the day the document is dated (a release's dateline)
    document_year: str = ""  # the year the document is dated (a White Paper's, given only to the month)
    named_again: str = ""  # the date of an event the sentence opens by naming (「今回の調印は、…」), if it adds no one
    label_of: Callable[[str], str] = lambda entity: ""  # an entity's Japanese label (what kind of agreement it is)
    told: list[Event] = field(default_factory=list)  # every event told so far in the document, as it now stands
    headed: list[Event] = field(default_factory=list)  # events a dated heading just told again (「3　…との会談（14日）」)
    roster_open: bool = False  # a label line (「＜参加国・機関＞」) opened a list of who took part, and bullets go on with it
    roster_fresh: bool = False  # the label line was the line before: a list with no bullets may follow it


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    rule: dict


@dataclass
class _Draft:
    """An event being assembled from one sentence."""

    type: str
    position: int
    date: DateValue | None
    participants: dict[tuple[str, str, bool], None] = field(default_factory=dict)
    location: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    name: str = ""
    series: str = ""
    at_event: str = ""
    participation_target: bool = False
    told_again: bool = False  # named by an anaphor (本会合では): more of an event told before
    name_parties: list[str] = field(default_factory=list)  # the parties its name gives (日・ペルー…)
    body_parties: list[str] = field(default_factory=list)  # the body its name opens with (IEF of 第13回IEF閣僚会合)
    share: int = -1  # which share of a gapped coordination it tells (「Aとの間でXを、Bとの間でYを、それぞれ」)

    def add(self, entity: str, role: str, implicit: bool = False) -> None:
        self.participants[(entity, role, implicit)] = None

    def _kept_participants(self) -> tuple[Participant, ...]:
        """One role per entity: the most specific (出席し、基調講演 → KeynoteSpeaker)."""
        order = rules()["role_precedence"]
        best: dict[str, tuple[str, bool]] = {}
        for entity, role, implicit in self.participants:
            if entity not in best or order.index(role) < order.index(best[entity][0]):
                best[entity] = (role, implicit)
        return tuple(sorted(Participant(e, r, i) for e, (r, i) in best.items()))

    def to_event(self) -> Event | None:
        if self.date is None or not (self.participants or self.about):
            return None  # an event needs a time, and someone who took part or what it was about
        sides = {entity for entity, _, _ in self.participants}
        if len(sides) < rules().get("min_sides", {}).get(self.type, 0) and not (self.name or self.series or self.about):
            return None  # 「…参加国の閣僚と二国間会談を行いました」: talks with no one named are not told
        return Event(
            type=self.type,
            start=self.date.start,
            end=self.date.end,
            fiscal=self.date.fiscal,
            participants=self._kept_participants(),
            location=tuple(sorted(dict.fromkeys(self.location))),
            name=self.name,
            series=self.series,
            about=tuple(sorted(dict.fromkeys(self.about))),
            at_event=self.at_event,
            date_source=self.date.source,
            time_qualifier=self.date.qualifier,
        )


@lru_cache(maxsize=1)
def rules() -> dict:
    data = dict(load_patterns("events"))
    named = data["named_events"]
    named["_prefix"] = compile_regex("patterns/events.json:name_prefix", named["name_prefix"])
    named["_suffix"] = compile_regex("patterns/events.json:name_suffix", named["name_suffix"])
    data["_scene_head_re"] = compile_regex("patterns/events.json:post_date_scene_regex", data["post_date_scene_regex"])
    for rule in data["events"]:
        if rule.get("name_from"):
            rule["_name_re"] = compile_regex(f"patterns/events.json:{rule['type']}", rule["name_from"])
        if rule.get("agreement_phrase"):
            rule["_agreement_re"] = compile_regex(f"patterns/events.json:{rule['type']}", rule["agreement_phrase"])
        if rule.get("agreement_purpose"):
            rule["_purpose_re"] = compile_regex(f"patterns/events.json:{rule['type']}", rule["agreement_purpose"])
    return data


def _triggers(text: str, clauses: list | None = None) -> list[_Trigger]:
    """The trigger words of the sentence; then every predicate the clause reader found whose
    dictionary form a rule lists (``lemmas``: 「…と締結した覚書」, 「…を昨年訪問した際」) where no
    trigger word stands, so that an event is told whatever inflection or word order carries it."""
    found: list[_Trigger] = []
    for rule in rules()["events"]:
        for word in rule["triggers"]:
            start = text.find(word)
            while start >= 0:
                found.append(_Trigger(start, start + len(word), rule))
                start = text.find(word, start + 1)
    by_lemma = {lemma: rule for rule in rules()["events"] for lemma in rule.get("lemmas", [])}
    for clause in clauses or []:
        rule = by_lemma.get(clause.lemma)
        if rule is not None and not clause.negated and not any(
                t.start < clause.end and clause.start < t.end for t in found):
            found.append(_Trigger(clause.start, clause.end, rule))
    # Keep the longest trigger where several overlap; one event per rule per position.
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[_Trigger] = []
    for trig in found:
        if kept and trig.start < kept[-1].end:
            continue
        kept.append(trig)
    # 「…を実施することを発表」: what is announced is a content, not a document published
    return [t for t in kept if not any(text.endswith(w, 0, t.start) or text.endswith(w + "を", 0, t.start)
                                       for w in t.rule.get("not_after", []))]


def _agent_before(view: SentenceView, position: int, skipped: frozenset[int] = frozenset()) -> Token | None:
    data = rules()
    agents = [
        t for t in view.tokens
        if t.end <= position and t.particle in data["agent_particles"] and in_family(t.cls, data["agent_classes"])
        and id(t) not in skipped
    ]
    return agents[-1] if agents else None


def _date_for(view: SentenceView, start: int, end: int, want_period: bool, clauses: list | None = None
              ) -> DateValue | None:
    """The date of an event whose trigger spans [start, end): a period in its clause, else the last date
    before; a date inside an adnominal clause (「2019年に締結した覚書の改訂に署名」) dates that clause, and a bound
    (2030年までに) dates no event of a sentence that continues one told before (it has a carried date)."""
    carried = any(d.source == CARRIED for d in view.dates)
    main = [d for d in view.dates if not embedded(view.text, d, clauses or [], start) and not (carried and d.qualifier)]
    if len(main) < len(view.dates) and (main or any(d.source == CARRIED for d in view.dates)):
        view = replace(view, dates=main)
    if want_period:
        periods = [d for d in view.dates if d.is_period and d.span[0] >= start - 40]
        if periods:
            return periods[0]
    before = view.date_before(start)
    if before is not None:
        return before
    after = [d for d in main if d.span[0] >= end]  # never a date that dates an adnominal clause after it
    return after[0] if after else None


def _listed_dates(view: SentenceView, last: DateValue) -> list[DateValue]:
    """「2013年12月、2019年2月、2024年3月に改定」: the dates listed with the last one."""
    listed = [last]
    earlier = [d for d in view.dates if d.span[1] <= last.span[0]]
    for d in reversed(earlier):
        if view.text[d.span[1] : listed[0].span[0]] not in ("、", ",", "及び", "と"):
            break
        listed.insert(0, d)
    return listed


def _topic(view: SentenceView, position: int, classes: list[str]) -> Token | None:
    """The sentence's topic (「「海洋基本計画」は、…」), else the last such name before ``position``."""
    earlier = [t for t in view.tokens if t.end <= position and in_family(t.cls, classes)]
    topics = [t for t in earlier if t.particle in ("は", "については")]
    if topics:
        return topics[0]
    return earlier[-1] if earlier else None


def _fill_slots(draft: _Draft, rule: dict, tokens: list[Token]) -> None:
    paired = any(t.particle in rules()["pair_particles"] for t in tokens)
    for token in tokens:
        for slot in rule["slots"]:
            if token.particle not in slot["particles"] or not in_family(token.cls, slot["classes"]):
                continue
            if slot.get("about"):
                draft.about.append(token.entity)
            if slot.get("location"):
                draft.location.append(token.entity)
            if slot.get("role"):
                draft.add(token.entity, slot.get("role_if_pair", slot["role"]) if paired else slot["role"],
                          implicit=token.implicit)
            break


def _earlier_partners(view: SentenceView, rule: dict, start: int) -> list[Token]:
    """と-marked parties named before ``start`` in the sentence (「Xと会談し、…に署名」)."""
    partner_slots = [s for s in rule["slots"] if "と" in s["particles"] and s.get("role")]
    return [t for t in view.tokens if t.end <= start and t.particle == "と"
            and any(in_family(t.cls, s["classes"]) for s in partner_slots)]


def _after_trigger_tokens(view: SentenceView, end: int, classes: list[str]) -> list[Token]:
    """A name soon after the trigger: 閣議決定された「第7次エネルギー基本計画」."""
    window = rules()["after_trigger_window"]
    return [t for t in view.tokens if end <= t.start <= end + window and in_family(t.cls, classes)][:1]


def _named_type(surface: str) -> str:
    for suffix, event_type in rules()["named_events"]["types_by_suffix"]:
        if surface.rstrip("」』").endswith(suffix):
            return event_type
    return ""


def _full_name(text: str, token: Token) -> str:
    """The occurrence's own name: 「第2回」 before a series' name, a year after it (インダバ2025)."""
    spec = rules()["named_events"]
    prefix = spec["_prefix"].search(text[max(0, token.start - 6) : token.start])
    suffix = spec["_suffix"].match(text[token.end : token.end + 4])
    return (prefix.group(0) if prefix else "") + text[token.start : token.end] + (suffix.group(0) if suffix else "")


def _to_come(token: Token, clauses: list) -> bool:
    """Whether the name heads an adnominal clause in the non-past (開催される, 予定される): told as to come."""
    return any(c.adnominal and not c.surface.endswith(("た", "だ")) and c.end <= token.start
               and any(a.token is token and a.role in ("Head", "Theme") for a in c.arguments) for c in clauses)


def _past_unnamed_conjunct(view: SentenceView, token: Token) -> str:
    """「日・エジプト外相会談（約55分間）及びワーキング・ランチ（約70分間）を行った」: a named meeting joined to
    an occasion no name stands for takes the particle that closes the pair ('unnamed_conjunct_regex')."""
    regex = rules()["named_events"].get("unnamed_conjunct_regex")
    start = end_of(view.text, token)
    m = re.match(regex, view.text[start:]) if regex else None
    if m is None or any(start < t.start < start + m.end() for t in view.tokens):
        return ""
    return m.group("particle")


def _named_events(view: SentenceView, ctx: ReadingContext) -> list[_Draft]:
    spec = rules()["named_events"]
    drafts: list[_Draft] = []
    for token in view.tokens:
        particle = _past_unnamed_conjunct(view, token) or token.particle
        if not in_family(token.cls, spec["classes"]) or not (
                particle in spec["particles"] or token.anaphor and particle in spec.get("anaphor_particles", ())):
            continue
        event_type = _named_type(token.surface)
        if not event_type:
            continue
        date = _date_for(view, token.start, token.end, False)
        if date is not None and date.source == CARRIED and _to_come(token, ctx.clauses):
            date = None  # 「本年秋に韓国で開催されるAPEC首脳会議」: a meeting to come, not held on the day told
        draft = _Draft(event_type, token.start, date,
                       name=_full_name(view.text, token), series=token.entity, told_again=token.anaphor)
        draft.name_parties = [inner.entity for inner in ctx.read_name(token.surface)
                              if inner.compound and inner.entity != token.entity]
        # 「第13回IEF閣僚会合」, 「APECエネルギー大臣会合」: the body the meeting is of takes part in it
        draft.body_parties = [inner.entity for inner in ctx.read_body(token.surface) if inner.entity != token.entity
                              and in_family(inner.cls, spec.get("body_party_classes", []))]
        for place in view.tokens:
            if place.end <= token.start and in_family(place.cls, ["Location"]):
                tail = view.text[place.end : token.start]
                if any(marker in tail for marker in spec["location_particles"]):
                    draft.location.append(place.entity)
        drafts.append(draft)
    return drafts


def _clause_agents(clauses: list, position: int) -> tuple[list[Token], bool]:
    """The subjects the clause reader gives the main clause that holds ``position``
    (all members of a coordination: 「AとBが共同議長を務め」), and whether they only qualify the
    subject (「…国の閣僚等が参加」: they take part through their people)."""
    for clause in clauses:
        if not clause.adnominal and clause.begin <= position < max(clause.end, clause.start + 1):
            agent = clause.agent()
            if agent is None:
                return [], clause.has_subject  # 「…約120名が参加」: a subject, but no name
            if agent.modifier:
                # 「日本、ASEAN加盟国及び東ティモールの閣僚等が参加」: the countries whose people took part
                return [a.token for a in clause.arguments if a.role == "Agent" and a.modifier], True
            agents = [a for a in clause.arguments if a.role == "Agent" and not a.modifier and a.case == agent.case]
            # 「AとBが共同議長を務め」: a と-partner right before the subject shares it; so does one
            # 「Bとともに」 (「Aは、…Bとともに共同議長を務めました」)
            partners = [a for a in clause.arguments if not a.modifier and in_family(a.token.cls, ["Person"])
                        and ((a.case == "と" and a.token.end <= agent.token.start)
                             or a.case in rules()["shared_role_cases"])]
            return [a.token for a in partners + agents] or [agent.token], False
    return [], False


def _organisers(clauses: list, targets: list[_Draft]) -> None:
    """「AとBがルサカで共催した「…フォーラム」」, 「JOGMECは「…セミナー」を開催しました」: the subjects
    of 共催/主催/開催 (``organiser_lemmas``, active voice) organise the named event they hold."""
    lemmas = set(rules()["organiser_lemmas"])
    for clause in clauses:
        if clause.passive or clause.lemma not in lemmas:
            continue
        heads = {a.token.entity for a in clause.arguments if a.role in ("Head", "Theme")}
        for draft in targets:
            if draft.series in heads:
                for argument in clause.arguments:
                    if argument.role == "Agent" and not argument.modifier:
                        draft.add(argument.token.entity, "Organiser")


def _holders(clauses: list, targets: list[_Draft], view: SentenceView) -> None:
    """「XはラパスにおいてYとの間で第2回日・ボリビア政策協議を行った」: the subject and partners of a light
    verb that holds a named meeting (``named_events.held``, active voice, the name its object) take part in it,
    and the clause's setting is where it was."""
    spec = rules()["named_events"].get("held", {})
    for clause in clauses:
        if clause.passive or not clause.lemma.endswith(tuple(spec.get("lemmas", []))):
            continue
        for draft in _held_in(view, targets, clause):
            for argument in clause.arguments:
                if argument.modifier or argument.token.start == draft.position:
                    continue
                role = {**spec["roles"], **spec.get("roles_by_type", {}).get(draft.type, {})}.get(argument.role)
                if role and in_family(argument.token.cls, spec["classes"]):
                    draft.add(argument.token.entity, role, implicit=argument.implicit)
                elif argument.role in spec["location_roles"] and in_family(argument.token.cls, ["Location"]):
                    draft.location.append(argument.token.entity)


def _settings(clauses: list, drafts: list[_Draft]) -> None:
    """「2日、X政務官は、ダカールにおいて、Y大臣と会談しました」: the place its predicate's clause sets the event in
    (a case phrase of 'setting_roles' naming a place, not inside another name) is where the event was; so is a place
    that only qualifies the setting (「ブリュッセルの欧州委員会本部において」: the city the premises are in), where no
    place is the setting itself. A chained clause with no subject of its own (「…は、ジュネーブにおいて、…懇談会に
    出席し、…意見交換を行いました」) is set where the clause before it is."""
    roles = rules().get("setting_roles", [])

    def places(clause) -> list[str]:
        settings = [a for a in clause.arguments if a.role in roles and in_family(a.token.cls, ["Location"])]
        return [a.token.entity for a in settings if not a.modifier] or [a.token.entity for a in settings]

    for draft in drafts:
        clause = min((c for c in clauses if c.begin <= draft.position < max(c.end, c.start + 1)),
                     key=lambda c: c.end - c.begin, default=None)
        if draft.location or clause is None:
            continue
        found = places(clause)
        if not found and not clause.has_subject:
            found = [p for c in [c for c in clauses if not c.adnominal and c.end <= clause.begin][-1:] for p in places(c)]
        draft.location.extend(found)


def _named_right_before(view: SentenceView, position: int) -> list[Token]:
    """The name ending at ``position`` with the names coordinated before it (「AとBの共催で」); the name
    may carry its abbreviation in brackets (「…投資委員会（BOI）の共催により」)."""
    if not any(t.end == position for t in view.tokens) and position > 0 and view.text[position - 1] == ")":
        opener = view.text.rfind("(", 0, position)
        position = opener if opener > 0 else position
    # 「ブラジル政府とノルウェー政府の共催により」: a word that may stand after a name (政府) stands between them
    last = [t for t in view.tokens if t.end == position or (t.end < position and end_of(view.text, t) == position)][-1:]
    if not last:
        return []
    pair = [t for t in view.tokens if (t.start, t.end) == (last[0].start, last[0].end) and t.anaphor]
    if len(pair) > 1:
        return pair  # 「両首脳の立会いの下」: both
    names = [t for t in view.tokens if t.end <= position and not t.implicit]
    chain = [last[0]]
    for token in reversed(names[:-1] if names and names[-1] is last[0] else names):
        if token.end > chain[0].start:
            continue
        joined = (token.group == chain[0].group and token.group >= 0) or (
            token.particle in ("と", "及び", "、") and end_of(view.text, token) + len(token.particle) == chain[0].start)
        if not joined:
            break
        chain.insert(0, token)
    return chain


def _participations(view: SentenceView, named: list[_Draft], clauses: list | None = None,
                    drafts: list[_Draft] = ()) -> None:
    """出席, 基調講演, の呼びかけにより: roles in an event named in the sentence; 「…の立会いの下」:
    witnesses of an event of the rule's 'types' the sentence tells."""
    if named:
        _organisers(clauses or [], named)
        _holders(clauses or [], named, view)
    for rule in rules()["participation"]:
        targets = named + [d for d in drafts if d.type in rule.get("types", ()) and d not in named]
        if not targets:
            continue
        for word in rule["triggers"]:
            pos = view.text.find(word)
            if pos < 0:
                continue
            through = False
            if rule.get("before"):
                # The name right before the words (「ペルーの呼びかけにより」): nothing but the
                # words themselves between them.
                people = _named_right_before(view, pos)
            else:
                agent = _agent_before(view, pos)
                people, through = _clause_agents(clauses or [], pos)
                if not people and not through:
                    people = [agent] if agent is not None else []
            # 「…、両大臣立ち会いのもと、AとBが…に署名」: a phrase before the event names who witnessed the one after it
            later = [d for d in targets if d.position >= pos] if rule.get("before") else []
            target = min(later or targets, key=lambda d: abs(d.position - pos))
            # 「資源・燃料部長の立会いの下」: a post named with no person is no one who attends
            for token in [t for t in people if in_family(t.cls, rule.get("classes", [t.cls]))
                          and not in_family(t.cls, rule.get("not_classes", []))]:
                # 「…の閣僚等が参加」: countries take part through their people; an organisation whose
                # staff attend (「JOGMEC…の関係者も出席」) attends
                through_country = through and in_family(token.cls, ["Country", "Region"])
                role = rule.get("role_by_type", {}).get(target.type, rule["role"])  # 閣僚会合に出席: a Participant
                target.add(token.entity, "Participant" if through_country else role)


def _roster(view: SentenceView, ctx: ReadingContext) -> bool:
    """「参加国等：A、B、C」: a labelled line of a release's event block lists who took part in the
    meeting the release is about (the last one of a series told); so does a bare list of names under
    a heading 「（1）参加国・機関」. True if it is one."""
    spec = rules().get("roster")
    if not spec:
        return False
    text = view.text.strip()
    label = re.match(spec.get("label_line_regex", "(?!)") % spec["heading_regex"], text)
    if label and label.end() == len(text):
        ctx.roster_open = ctx.roster_fresh = True  # 「＜参加国・機関＞」: the lines below list who took part
        return True
    # 「＜国際機関＞ A、B、C」: the label and its list on one line
    inline = label is not None and label.group().rstrip().endswith(tuple(">＞】〉》"))
    bullet = text.startswith(tuple(spec.get("bullets", ()))) or ctx.roster_fresh or inline
    ctx.roster_open = (ctx.roster_open or inline) and bullet
    ctx.roster_fresh = False
    listed = ((re.fullmatch(spec["heading_regex"], ctx.section_title) is not None or ctx.roster_open)
              and not text.endswith("。")
              and sum(in_family(t.cls, spec["classes"]) for t in view.tokens) >= (1 if ctx.roster_open else 2))
    earlier = list(ctx.series_recent.values())[-1] if ctx.series_recent else None
    if spec.get("when_regex") and re.match(spec["when_regex"], view.text):
        if earlier is not None:
            _held_when(view, ctx, earlier, spec)
        return True
    prose = _prose_roster(view, spec) and earlier is not None
    if not re.match(spec["regex"], view.text) and not listed and not prose:
        return False
    if earlier is not None:
        draft = _Draft(earlier.type, 0, None)
        observers = [(_clause_start(view.text, m.start(), spec["prose_observer_after_regex"]), m.start())
                     for m in re.finditer(spec.get("prose_observer_regex", "(?!)"), view.text)] if prose else []
        observer_line = re.match(spec.get("observer_line_regex", "(?!)"), view.text)  # 「・オブザーバー：A、B」
        for i, token in enumerate(view.tokens):
            if not in_family(token.cls, spec["prose_classes"] if prose else spec["classes"]) or token.anaphor:
                continue
            if prose and (_owner_of_person(view, i) or view.text.startswith(tuple(spec["prose_not_before"]), token.end)):
                # 「議長国であるシンガポール共和国のリム大臣を議長として」: the chair's country; 「日本企業14社を含む約180名」:
                # the country of those who came, not a party
                continue
            # 「国際エネルギー機関（IEA）（オブザーバー）」, 「IEA及び欧州委員会がオブザーバーとして参加」: an observer attends
            observer = re.match(spec.get("observer_regex", "(?!)"), view.text[token.end:]) or any(
                a <= token.start < b for a, b in observers) or observer_line
            draft.add(token.entity, spec.get("observer_role", spec["role"]) if observer else spec["role"])
        if any(t.cls == "Country" and t.entity != ctx.voice for t in view.tokens):
            # 「参加国等：日本、南アフリカ共和国、…」 under 「日・アフリカ…閣僚会合」: the region its name gives stood for
            # the countries, which the roster now names
            listed = {entity for entity, _, _ in draft.participants}
            named = {t.entity for t in ctx.read_name(earlier.name) if t.cls == "Region"} if earlier.name else set()
            regions = [p for p in earlier.participants if p.entity in named - listed]
            if regions:
                pruned = replace(earlier, participants=tuple(p for p in earlier.participants if p not in regions))
                _grow(ctx, earlier, pruned)
                earlier = pruned
        _tell_again(draft, ctx, earlier.type, earlier)
    return not prose  # 「本会合では、AとBが共同議長を務め、…が参加」: the sentence tells more, read as usual


def _clause_start(text: str, position: int, after: str) -> int:
    """Where the clause that ends at ``position`` begins: after the last clause end (``after``) before it."""
    return max((m.end() for m in re.finditer(after, text[:position])), default=0)


def _prose_roster(view: SentenceView, spec: dict) -> bool:
    """「本会合には、A、B及びCの3か国から閣僚等が出席したほか、Dがオブザーバーとして参加しました」: a sentence about
    the meeting told before that says who took part in it."""
    return (re.match(spec.get("prose_regex", "(?!)"), view.text) is not None
            and any(word in view.text for word in spec.get("prose_verbs", ())))


def _owner_of_person(view: SentenceView, index: int) -> bool:
    """Whether the name at ``index`` is the の-modifier of the person named right after it (X国のY大臣)."""
    token = view.tokens[index]
    after = view.tokens[index + 1] if index + 1 < len(view.tokens) else None
    return (after is not None and in_family(after.cls, ["Person"]) and token.particle == "の"
            and end_of(view.text, token) + 1 >= after.start)


def _held_when(view: SentenceView, ctx: ReadingContext, earlier: Event, spec: dict) -> None:
    """「（1）日時・場所：2026年2月12日（木曜日）、タシケント」: the day the meeting the release is about was
    held (within the period told before: a visit's 「11日から12日にかけて」), and where."""
    date = view.dates[0] if view.dates else None
    within = date is not None and not date.end and (
        not earlier.start or earlier.start <= date.start <= (earlier.end or earlier.start) or earlier.date_source)
    places = tuple(t.entity for t in view.tokens if in_family(t.cls, spec.get("when_places", [])))
    if not within and not places:
        return
    grown = replace(earlier, location=tuple(sorted(set(earlier.location) | set(places))),
                    **({"start": date.start, "end": "", "fiscal": date.fiscal, "date_source": date.source}
                       if within else {}))
    if grown != earlier:
        _grow(ctx, earlier, grown)


def _grow(ctx: ReadingContext, earlier: Event, grown: Event) -> None:
    """An event told before, told again with more: the document replaces it, and what refers to the
    last event of its kind, series or agreement now finds the grown one."""
    ctx.grown.append((earlier, grown))
    for kind, event in list(ctx.recent.items()):
        if event is earlier:
            ctx.recent[kind] = grown
    if earlier.series:
        ctx.series_recent[earlier.series] = grown
    for agreement in earlier.about:
        if ctx.about_recent.get(agreement) is earlier:
            ctx.about_recent[agreement] = grown
    ctx.told[:] = [grown if event is earlier else event for event in ctx.told]


def _dated_heading(view: SentenceView, ctx: ReadingContext) -> list[Event] | None:
    """「3　ママニ炭化水素・エネルギー大臣との会談（14日）」, 「2　政策協議（14日）」: a numbered heading that names an
    event told before and a day within that event's period (``dated_heading``) gives the day it was held. The
    event is the last one told of the kind the title's last word names (会談, 政策協議, 表敬) with everyone the
    title names among its parties. Where none was told, a heading that names the people met (「（1）X大臣表敬（13日）」)
    tells the meeting itself: the visitor of the trip told before met them that day. None if the line is no such
    heading; else the events it tells anew (none where it dates one told before)."""
    spec = rules().get("dated_heading")
    found = _heading_and_day(view)
    if found is None:
        return None
    m, day = found
    days = [day]
    title = m.group("title")
    kind = next((t for word, t in spec["types_by_suffix"] if title.endswith(word)), "") or _named_type(title)
    named = {t.entity for t in view.tokens if not t.implicit and t.start < m.end("title")
             and in_family(t.cls, spec["classes"])}
    earlier = next((e for e in reversed(ctx.told) if e.type == kind and not e.fiscal
                    and named <= {p.entity for p in e.participants}
                    and e.start[:10] <= days[0].start <= (e.end or e.start)[:10]), None)
    if earlier is None:
        return _met_under_heading(view, ctx, kind, days[0], m.end("title"))
    grown = replace(earlier, start=days[0].start, end="", date_source=days[0].source)
    if grown != earlier:
        _grow(ctx, earlier, grown)
    ctx.headed.append(grown)
    return []


def heading_day(view: SentenceView) -> DateValue | None:
    """The day a heading line gives in brackets after what it names (「■X・クウェート国石油大臣（6日）」, 「（2）政策協議
    （14日）」: ``dated_heading``'s 'regex'), or None: the lines below it tell what happened that day."""
    found = _heading_and_day(view)
    return found[1] if found is not None else None


def _heading_and_day(view: SentenceView) -> tuple[re.Match[str], DateValue] | None:
    """A heading line with one day in brackets (``dated_heading``'s 'regex'): the match and the day."""
    spec = rules().get("dated_heading")
    m = re.fullmatch(spec["regex"], view.text.strip()) if spec else None
    days = [d for d in view.dates if not d.is_period and not d.fiscal and len(d.start) == 10]
    return (m, days[0]) if m is not None and len(days) == 1 else None


def _met_under_heading(view: SentenceView, ctx: ReadingContext, kind: str, day: DateValue, end: int) -> list[Event] | None:
    """The meeting a heading names with the people met (``dated_heading``'s 'met_types'), held by the visitor of the
    last visit told whose period holds the day; None when there is no such visit or no one named."""
    spec = rules()["dated_heading"]
    met = sorted({t.entity for t in view.tokens if t.start < end and t.cls == "Person" and not t.implicit})
    visit = next((e for e in reversed(ctx.told) if e.type == spec.get("visit_type")
                  and e.start[:10] <= day.start <= (e.end or e.start)[:10]), None)
    visitors = [p.entity for p in visit.participants if p.role == spec["visitor_role"]] if visit else []
    if kind not in spec.get("met_types", ()) or not met or not visitors:
        return None
    participants = tuple(sorted({Participant(v, spec["visitor_as"]) for v in visitors if v not in met}
                                | {Participant(p, spec["met_as"]) for p in met}))
    return [Event(type=kind, start=day.start, participants=participants, date_source=day.source,
                  at_event=fact_ref(visit))]


def note_headline(view: SentenceView, ctx: ReadingContext) -> None:
    """「日・マレーシア外相電話会談」: a headline with no date that names a meeting names the meeting the
    release then tells (its first meeting of that kind told with no name of its own)."""
    if view.dates or view.text.rstrip().endswith("。"):
        return
    for token in view.tokens:
        if in_family(token.cls, rules()["named_events"]["classes"]) and _named_type(token.surface):
            parties = tuple(inner.entity for inner in ctx.read_name(token.surface)
                            if inner.compound and inner.entity != token.entity)
            ctx.headline = (token.entity, token.surface, parties)
            return
    # 「日・マレーシア外相電話会談」: the parties of a compound, then words that end in a talk
    words = rules()["named_events"].get("headline_talks", [])
    text = view.text.strip()
    countries = [t for t in view.tokens if t.compound or t.cls == "Country"]
    ending = next((w for w in words if text.endswith(w)), "")
    if ending and len({t.entity for t in countries}) >= 2 and countries[0].start == 0:
        ctx.headline = ("", text, tuple(dict.fromkeys(t.entity for t in countries)))


def _named_by_headline(events: list[Event], ctx: ReadingContext) -> list[Event]:
    if ctx.headline is None:
        return events
    series, name, parties = ctx.headline
    kind = _named_type(name)
    for i, event in enumerate(events):
        if event.type != kind:
            continue
        ctx.headline = None  # the release's first meeting of the kind is the one its headline names
        if not event.series and not event.name:
            present = {p.entity for p in event.participants}
            # talks the text tells between two people (a counterpart met) are theirs, not their countries'
            added = () if _between_people((p.role, p.implicit) for p in event.participants) else tuple(
                Participant(e, rules()["named_events"]["compound_parties_role"]) for e in parties if e not in present)
            events[i] = replace(event, name=name, series=series, participants=tuple(sorted(event.participants + added)))
        break
    return events


def _named_at(view: SentenceView, named: list[_Draft], position: int) -> _Draft | None:
    """The named meeting whose name holds ``position`` (the 会談 of 「日・X首脳会談」)."""
    for token in view.tokens:
        if token.start <= position < token.end:
            return next((d for d in named if d.position == token.start), None)
    return None


def _between_people(roles: Iterable[tuple[str, bool]]) -> bool:
    """Whether talks name the counterpart met (「X大臣は、Y大臣と会談し」), given their participants' (role,
    implicit): a meeting of people, whose countries its name (日・ナミビア首脳会談) does not add as parties
    (``person_talks_roles``)."""
    talks = rules()["named_events"].get("person_talks_roles", [])
    return any(not implicit and role in talks for role, implicit in roles)


def find_events(view: SentenceView, ctx: ReadingContext) -> list[Event]:
    """Every event the sentence tells, with its date and participants in roles."""
    if _roster(view, ctx):
        return []
    headed = _dated_heading(view, ctx)
    if headed is not None:
        _remember(ctx, headed)  # a meeting only the heading tells
        return headed
    heading = heading_announcement(view, ctx.series_recent)
    if heading is not None:
        ctx.announced = heading  # 「■会合の機会に交わされた協力文書（計6件）」: the bullets that follow tell them
        return []
    if _signers(view, ctx):
        return []
    if ctx.announced is not None:
        if is_item(view):  # 「・AとBとの間の「…覚書」」 under 「以下の4件の協力文書が署名されました」
            event = listed_event(view, ctx.announced)
            if event is not None:
                ctx.recent[event.type] = event
                return [event]
        else:
            ctx.announced = None
    named = _named_events(view, ctx)
    drafts: list[_Draft] = []
    again: list[tuple[_Draft, str]] = []  # more of events told before (and the kind of agreement the sentence names)
    boundary = 0
    triggers = [t for t in _triggers(view.text, ctx.clauses)
                if not any(view.text.startswith(w, t.end) for w in rules()["nominal_after_trigger"])]
    for trig, following in zip(triggers, triggers[1:] + [None]):
        if (following is not None and following.rule["type"] in trig.rule.get("object_of", [])
                and following.start - trig.end <= 1):
            continue  # 「…覚書の改訂に署名」: the revision is what is signed, not an event of its own
        # 「Yとの間で…政策協議を行ったほか、A及びBとそれぞれ会談」: who takes part in a named meeting held before
        # the trigger, in a clause of its own, is not a party of the trigger's event
        boundary = max([boundary] + [end for end in _held_name_ends(view, named, ctx.clauses) if end <= trig.start])
        draft = _read_trigger(view, trig, boundary, named, ctx)
        if draft is None:
            continue
        host = _named_at(view, named, trig.start)
        if host is not None and host.type == draft.type:
            # 「Yと日・X首脳会談を行い」: the trigger is the named meeting's own word; who it names meets in it
            for entity, role, implicit in draft.participants:
                host.add(entity, role, implicit=implicit)
            continue
        if draft.date is None or draft.date.source == CARRIED:
            draft.date = _of_the_visit(draft, view, ctx) or draft.date  # 「…を訪問しました。A副大臣は、…と会談し」
        # 「会談後、…以下の文書の署名・交換が行われました」: the signings the list tells, not more of one told before
        listing = draft.date is not None and announces_list(view, draft.type)
        before = None if listing else _told_before(draft, ctx)
        if not listing and (draft.date is None or (ctx.event_told_again and draft.date.source == CARRIED
                                                   and draft.type in ctx.recent)):
            if before is not None:
                again.append((draft, ""))  # 「本MOUは、AとBが署名し」: more of the signing of that agreement
                continue
            other = _another_of_the_occasion(draft, ctx)
            if other is None and draft.date is None:
                other = _dated_by_the_release(trig, ctx) or (
                    _witnessed_at(view, ctx) if draft.type in rules()["witnessed_types"] else None) or (
                    _outcome_of_meeting(draft, ctx))
            if other is None:  # 「署名式では、AとBが署名しました」: more of the signing just told
                again.append((draft, _kind_named(view.text[:trig.start])))
                continue
            draft.date = other
        shares = _respectively(view, trig, boundary, draft, ctx)
        drafts.extend(shares[:-1])
        draft = shares[-1]
        if not draft.date.is_period:
            for date in _listed_dates(view, draft.date)[:-1]:
                drafts.append(replace(draft, date=date, participants=dict(draft.participants),
                                      location=list(draft.location), about=list(draft.about)))
        drafts.append(draft)
        boundary = trig.end
    drafts.extend(_clause_drafts(view, ctx.clauses, drafts, named))
    _settings(ctx.clauses, drafts)
    for earlier, later in zip(drafts, drafts[1:]):
        if not later.location and earlier.location:
            later.location = list(earlier.location)
    drafts = [d for d in drafts if not _refines(d, ctx)]
    _participations(view, named + [d for d in drafts if d.participation_target], ctx.clauses,
                    drafts + [d for d, _ in again])
    if not named and not drafts and not again:
        _joined_occasion(view, ctx)
    for draft, kind_named in again:
        _tell_again(draft, ctx, earlier=_of_kind(kind_named, draft.type, ctx))
    for draft in [d for d in named if d.told_again]:
        named.remove(draft)  # 「本会合では、…が議長を務め」: the meeting told before, grown
        # the meeting its series names, whatever kind the anaphor's own word suggests (本会合 → 大臣会合)
        earlier = ctx.series_recent.get(draft.series)  # talks told since do not hide it
        if earlier is not None:
            _tell_again(draft, ctx, earlier.type, earlier)
    planned = {a.token.entity for c in ctx.clauses if c.planned for a in c.arguments if a.role in ("Theme", "Head")}
    named = [d for d in named if d.series not in planned]  # 「…対話を本年中に開催することで一致」: not held yet
    for draft in named:
        # The parties a name gives: of a dialogue between governments always (日・カザフスタン…対話); of
        # another meeting (「日・オマーン…フォーラム」) in place of those the text does not name.
        hosts = rules()["named_events"].get("host_roles", [])  # each one's most specific role (出席し、基調講演: the speaker)
        people = _between_people((role, implicit) for _, role, implicit in draft.participants)
        if (draft.type in rules()["named_events"]["compound_parties_always"] and not people
                or not any(not p.implicit and p.role not in hosts for p in draft._kept_participants())):
            for entity in draft.name_parties:
                draft.add(entity, rules()["named_events"]["compound_parties_role"])
        if draft.type in rules()["named_events"].get("body_party_types", []):
            for entity in draft.body_parties:
                draft.add(entity, rules()["named_events"]["compound_parties_role"])
        if not draft.participants and ctx.voice:
            draft.add(ctx.voice, "Participant", implicit=True)
    events = [_signers_bodies(view, e) for e in
              _placed_again(_named_by_headline(_finish(named, _absorb(_merge(drafts))), ctx), ctx)]
    for event in [e for e in events if announces(view, e)]:
        ctx.announced = event  # told by the bullets that follow
        events.remove(event)
    _remember(ctx, events)
    return events


def _signers_bodies(view: SentenceView, event: Event) -> Event:
    """「JOGMECの新庄理事と、AGSのケリメ所長が、…協定に署名しました」: a person who signs for the body named right
    before them with の signs it for that body, which is a party too (``signer_bodies``: the types and roles)."""
    spec = rules().get("signer_bodies")
    if not spec or event.type not in spec["types"]:
        return event
    signers = {p.entity for p in event.participants if p.role == spec["role"]}
    present = {p.entity for p in event.participants}
    bodies = []
    for person in (t for t in view.tokens if t.cls == "Person" and t.entity in signers):
        body = next((t for t in view.tokens if in_family(t.cls, spec["classes"]) and t.end <= person.start
                     and view.text[end_of(view.text, t):person.start] == "の"), None)
        if body is not None and body.entity not in present:
            bodies.append(Participant(body.entity, spec["role"]))
            present.add(body.entity)
    return replace(event, participants=tuple(sorted(event.participants + tuple(bodies)))) if bodies else event


def _joined_occasion(view: SentenceView, ctx: ReadingContext) -> None:
    """「本表敬には、X社のY総裁が同席しました」: a sentence that opens by naming the event just told with 本 or 同 and
    tells no event of its own tells who took part in that one (the participation rules)."""
    earlier = next((e for e in reversed(ctx.told) if ctx.occasion_told and fact_ref(e) == ctx.occasion_told), None)
    opening = {t.entity for t in view.tokens if t.anaphor and t.start <= 4}
    words = tuple(rules()["occasion_talk_words"])
    if earlier is None or (earlier.series not in opening if opening else not (
            view.text[1:].startswith(words) or view.text.startswith(tuple(w + "には" for w in words)))):
        return  # 「同会合では」 naming a meeting not told as one: not the talks told before it
    occasion = _Draft(earlier.type, 0, None)
    _participations(view, [], ctx.clauses, [occasion])  # the rules of its type (同席 at talks: a participant)
    # 「アフリカ8か国の閣僚級…が参加」: a region counted in is where the participants came from, not one of them
    occasion.participants = {k: None for k in occasion.participants if not k[0].startswith("region-")}
    if occasion.participants:
        _tell_again(occasion, ctx, earlier.type, earlier)


def _refinable(draft: _Draft, ctx: ReadingContext) -> bool:
    """Whether a draft that names no one (the voice it implies aside) is dated, as stated, within the month or year
    of the last event of its kind."""
    earlier = ctx.recent.get(draft.type)
    stated = draft.date is not None and not draft.date.is_period and not draft.date.source
    return (stated and all(implicit for _, _, implicit in draft.participants)
            and earlier is not None and not earlier.end and draft.date.start.startswith(earlier.start + "-"))


def _refines(draft: _Draft, ctx: ReadingContext) -> bool:
    """「（覚書）*2 … / *2 2025年1月22日にイスラマバードで署名。」: an event that names no one, on a day of the month
    (or year) the last event of its kind was dated by, is that event told more precisely: it takes the day and
    the place. True if it was."""
    if not _refinable(draft, ctx):
        return False
    earlier = ctx.recent[draft.type]
    _grow(ctx, earlier, replace(earlier, start=draft.date.start, fiscal=draft.date.fiscal, date_source="",
                                location=tuple(sorted(set(earlier.location) | set(draft.location)))))
    return True


def _placed_again(events: list[Event], ctx: ReadingContext) -> list[Event]:
    """「1．B大臣との会談（18日）」 then 「18日、A副大臣は、アクラにおいてB大臣と会談し」: an event told before with
    no place, told again the same but for where it was, is that event, now placed."""
    kept = []
    for event in events:
        earlier = next((e for e in ctx.told if event.location and not e.location
                        and replace(e, location=event.location).key() == event.key()), None)
        if earlier is None:
            kept.append(event)
        else:
            _grow(ctx, earlier, replace(earlier, location=event.location))
    return kept


def _remember(ctx: ReadingContext, events: list[Event]) -> None:
    """What later sentences refer back to: the last event of each kind, series and agreement, and all told."""
    for event in events:
        ctx.recent[event.type] = event
        ctx.told.append(event)
        ctx.told_types.add(event.type)
        if event.series:
            ctx.series_recent[event.series] = event
        for agreement in event.about:
            ctx.about_recent[agreement] = event


def _held_in(view: SentenceView, named: list[_Draft], clause) -> list[_Draft]:
    """The named meetings a clause holds: its object (「…政策協議を行った」), not its setting (「…セミナーで
    開会挨拶を行いました」: the address is what was held)."""
    objects = {t.start for t in view.tokens if (_past_unnamed_conjunct(view, t) or t.particle) == "を"}
    return [d for d in named if clause.begin <= d.position < clause.end and d.position in objects]


def _held_name_ends(view: SentenceView, named: list[_Draft], clauses: list) -> list[int]:
    """Where each named meeting held by a clause of its own (``held``) ends: that clause's predicate."""
    lemmas = tuple(rules()["named_events"].get("held", {}).get("lemmas", []))
    return [c.end for c in clauses if not c.adnominal and c.lemma.endswith(lemmas) and _held_in(view, named, c)]


def _clause_drafts(view: SentenceView, clauses: list, drafts: list[_Draft], named: list[_Draft]) -> list[_Draft]:
    """Events told by a clause's predicate (``clause_events``): the parties are its arguments in
    the frame's case roles (「両大臣は…ことで一致しました」: the two ministers agree), dated by the clause;
    with no subject, at a named meeting (「日露首脳会談において…一致」), the meeting's parties."""
    found = []
    for frame in rules()["clause_events"]:
        for clause in clauses:
            if not _frame_predicate(view, frame, clause) or clause.negated:
                continue
            if any(d.type == frame["type"] and clause.begin <= d.position <= clause.end for d in drafts):
                continue
            if frame.get("done_only") and (clause.planned or clause.adnominal or clause.told_by is not None):
                continue  # 「…共同探査を実施する予定です」: a survey planned is no event (surveysIn tells it)
            draft = _Draft(frame["type"], clause.start, clause_date(view, clause, clauses) or _date_of_earlier(drafts, clause))
            if frame.get("done_only") and (draft.date is None or draft.date.source or draft.date.qualifier == "By"):
                continue  # no date of its own, or a bound (「2026年度末までに計12件の調査を実施」: a count by then)
            for argument in clause.arguments:
                role = frame["roles"].get(argument.role)
                if role and not argument.modifier and in_family(argument.token.cls, frame["classes"]):
                    draft.add(argument.token.entity, role, implicit=argument.implicit)
            stated = {entity for entity, _, implicit in draft.participants if not implicit}
            # 「…との間で…覚書を締結し、…共同調査を開始しました」: a joint act with one party named has the partner before
            joint = any(w in view.text[clause.begin:clause.start] for w in frame.get("joint_words", ()))
            if (len(stated) < frame.get("min_participants", 1) or joint and len(stated) < 2) and frame.get("carry_partners"):
                # 「X大臣は、Y大臣と会談し、…ことで一致しました」: the partner of the talks agrees with the subject
                for earlier in reversed([c for c in clauses if c.end <= clause.start and not c.adnominal]):
                    partners = [a for a in earlier.arguments if a.role in frame["carry_partners"] and not a.modifier
                                and in_family(a.token.cls, frame["classes"])]
                    for argument in partners:
                        draft.add(argument.token.entity, frame["roles"][argument.role], implicit=argument.implicit)
                    if partners:
                        break
                stated = {entity for entity, _, implicit in draft.participants if not implicit}
            meeting = next((m for m in named if m.position < clause.start), None)
            if not stated and meeting is not None:
                for entity, _, implicit in meeting.participants:
                    draft.add(entity, "Participant", implicit)
                for entity in meeting.name_parties:
                    draft.add(entity, "Participant")
                draft.at_event = "named"
                draft.date = draft.date or meeting.date
                stated = {entity for entity, _, implicit in draft.participants if not implicit}
            if len(stated) >= frame.get("min_participants", 1):
                draft.about.extend(_agreed_matter(view, clause, clauses, frame, stated))
                found.append(draft)
    return found


def _frame_predicate(view: SentenceView, frame: dict, clause) -> bool:
    """Whether a clause's predicate is the frame's: one of its 'lemmas', or one of its 'object_lemmas' right after
    an object 'object_regex' matches (「…鉱床の探査を開始しました」), or one of its 'folded_lemmas' with that object
    folded into it (探査を実施する: the clause reader folds a light verb with its noun)."""
    if clause.lemma in frame.get("lemmas", ()):
        return True
    if not frame.get("object_regex"):
        return False
    noun, marker, verb = clause.lemma.rpartition("を")
    if marker and verb in frame.get("folded_lemmas", ()):
        return re.search(frame["object_regex"] + "$", noun + marker) is not None
    return object_before(view.text, clause, frame["object_lemmas"], frame["object_regex"], "patterns/events.json clause_events")


def _date_of_earlier(drafts: list[_Draft], clause) -> DateValue | None:
    """「A副大臣は、…と会談し、…ことで一致しました」 after the visit told before: a clause that states no date goes
    on from the event told before it in its sentence (the talks, dated by the visit) and takes its date, marked
    carried."""
    earlier = [d for d in drafts if d.position < clause.start and d.date is not None]
    if not earlier:
        return None
    return replace(earlier[-1].date, span=(0, 0), source=CARRIED)


def _agreed_matter(view: SentenceView, clause, clauses: list, frame: dict, parties: set[str]) -> list[str]:
    """What a clause event is about (``about_classes``): the named things of what was agreed, told between
    the agreeing subject and the predicate (「両大臣は、…対話を本年後半に開催することで一致」: the dialogue), so
    that two agreements of one talk on different matters stay two."""
    classes = frame.get("about_classes")
    if not classes:
        return []
    subject = [a.token.end for a in clause.arguments if a.role == "Agent" and not a.implicit
               and a.token.end <= clause.start]
    told = [c.begin for c in clauses if c.told_by is clause]
    begin = max(subject) if subject else min(told, default=clause.begin)
    return [t.entity for t in view.tokens if begin <= t.start and t.end <= clause.start
            and t.entity not in parties and in_family(t.cls, classes)]


def _read_trigger(view: SentenceView, trig: _Trigger, boundary: int, named: list[_Draft],
                  ctx: ReadingContext) -> _Draft | None:
    """The event one trigger tells, read from its clause; None when the rule cannot be met."""
    rule = trig.rule
    draft = _Draft(rule["type"], trig.start, _date_for(view, trig.start, trig.end, bool(rule.get("needs_period")),
                                                       ctx.clauses),
                   participation_target=bool(rule.get("participation_target")))
    clause = [t for t in view.tokens if boundary <= t.start and t.end <= trig.start]
    embedding = next((c for c in ctx.clauses if c.adnominal and c.begin <= trig.start < c.end), None)
    # 「Aが出資するB（…）との間で…契約を締結」: the subject of a relative clause before the trigger acts in
    # that clause only, not in the event
    relative = {id(a.token) for c in ctx.clauses if c.adnominal and c.end <= trig.start and c is not embedding
                for a in c.arguments if a.role == "Agent" and a.case == "が" and not a.shared}
    clause = [t for t in clause if id(t) not in relative]
    # 「同大臣は、昨年8月に安倍総理大臣が同国を訪問した際に…」: a subject marked が after the topic is the
    # clause's own; the topic is not also its subject
    # (not the subject of a clause told on the way: 「JBICは、Aとの間で、同社がB社に出資するために必要な資金として、…
    # 貸付契約を締結」: 同社 invests, JBIC signs)
    on_the_way = {id(a.token) for c in ctx.clauses if c.end <= trig.start for a in c.arguments if a.role == "Agent"}
    own_subject = next((t for t in clause if t.particle == "が" and in_family(t.cls, rules()["agent_classes"])
                        and id(t) not in on_the_way), None)
    if own_subject is not None:
        clause = [t for t in clause if not (t.particle in rules()["topic_particles"] and t.end <= own_subject.start
                                            and in_family(t.cls, rules()["agent_classes"]))]
    if embedding is not None:
        # 「両大臣は、JBICが…契約に署名したことを歓迎」: the signing is the embedded clause's, with its own parties
        own = {id(a.token) for a in embedding.arguments}
        described: list[Token] = []
        if view.text.startswith(tuple(rules()["topic_heads"]), embedding.start + len(embedding.surface)):
            # 「本覚書は、AとBが署名したもので」: the clause describes the topic, which is what was signed
            described = [t for t in view.tokens if t.start < embedding.start and t.particle in ("は", "も")]
            own |= {id(t) for t in described}
        clause = [t for t in clause if id(t) in own]
        about = [c for slot in rule["slots"] if slot.get("about") for c in slot["classes"]]
        draft.about.extend(t.entity for t in described if about and in_family(t.cls, about))
    _fill_slots(draft, rule, clause)
    if embedding is not None:
        # 「…と締結した覚書」: the noun an adnominal clause modifies is what its event is about
        about = [c for slot in rule["slots"] if slot.get("about") for c in slot["classes"]]
        draft.about.extend(a.token.entity for a in embedding.arguments
                           if a.role == "Head" and in_family(a.token.cls, about))
    # 「…と会談し、両大臣の立会いの下、AとBとの間で覚書が締結されました」: a clause that names both sides of a
    # pair (AとBとの間で) has its parties; who acts in the clauses before it is no party of it
    paired = rule.get("agent_role") and any(t.particle in rules()["pair_particles"] for t in clause) and sum(
        1 for _, role, implicit in draft.participants if role == rule["agent_role"] and not implicit) >= 2
    # 「両大臣は、…協力することで一致し、AとBとの間で覚書が署名されました」: the topic of a clause the sentence
    # closed before is that clause's, not a party of the pair's signing
    # (a pair named 「AとBとの間の「…覚書」」 is what the document is between: who acts before still signs it)
    across = paired and any(t.particle == rules()["pair_particle"] for t in clause)
    prior = max((c.end for c in ctx.clauses if not c.adnominal and c.end <= trig.start), default=0) if across else 0
    own = min((c for c in ctx.clauses if not c.adnominal and c.begin <= trig.start < max(c.end, c.start + 1)),
              key=lambda c: c.end - c.begin, default=None)
    kept = {a.token.entity for a in own.arguments} if own is not None else set()
    earlier = ({t.entity for t in clause if t.end <= prior and t.particle in rules()["agent_particles"]}
               - {t.entity for t in clause if t.start >= prior or t.particle in rules()["pair_particles"]} - kept)
    if earlier:
        draft.participants = {key: None for key in draft.participants if key[0] not in earlier}
    if rule.get("carry_partners") and not paired:
        _fill_slots(draft, rule, [t for t in _earlier_partners(view, rule, boundary) if t not in clause])
    after = [s for s in rule["slots"] if s.get("after_trigger")]
    if after and not draft.about:
        classes = [c for slot in after for c in slot["classes"]]
        draft.about.extend(t.entity for t in _after_trigger_tokens(view, trig.end, classes))
    agent = None
    if not rule.get("no_agent") and rule.get("agent_role"):
        agent = _agent_before(view, trig.start, frozenset(relative))
        if (embedding is not None and agent is not None and all(a.token is not agent for a in embedding.arguments)
                and (embedding.agent() is not None or agent.particle != "は" or agent.implicit
                     or agent.end > embedding.start or embedding.passive)):
            # an adnominal clause has its own subject; with none, the sentence's topic before it acts
            # (「JOGMECは、…と締結した覚書に基づき」: JOGMEC concluded it), unless the clause is passive
            # (「両大臣は、2022年10月に署名された「…」に基づき」: who signed it is not said)
            agent = None
        if across and agent is not None and agent.start < max(boundary, prior):
            agent = None
        present = {entity for entity, _, _ in draft.participants}
        # 「日本と中央アジア5か国は、…を立ち上げ」: every member of the subject's list acts
        members = [t for t in view.tokens if agent is not None and t.group == agent.group and t.group >= 0
                   and t.particle == agent.particle and id(t) not in relative] if agent is not None else []
        for token in members or ([agent] if agent is not None else []):
            if token.entity not in present:
                draft.add(token.entity, rule["agent_role"], implicit=token.implicit)
                present.add(token.entity)
    if rule.get("_name_re") is not None:
        m = rule["_name_re"].search(view.text, max(0, trig.start - 30), trig.end)
        if m:
            draft.name = m.group("name")
    if rule.get("_agreement_re") is not None and not draft.about:
        named_before = [t for t in view.tokens if boundary <= t.start and t.end <= trig.start
                        and in_family(t.cls, ["Actor"])]
        start = end_of(view.text, named_before[-1]) + len(named_before[-1].particle) if named_before else boundary
        # the trigger opens with its particle (「…覚書に署名」); a predicate read from a clause (passive 「…覚書が
        # 締結されました」) has it right before
        m = rule["_agreement_re"].match(view.text, start, trig.start + (view.text[trig.start] in "にを"))
        if m and draft.participants:
            parties = sorted(e for e, _, implicit in draft.participants if not implicit)
            name = rule["_purpose_re"].sub("", m.group("name")) if rule.get("_purpose_re") else m.group("name")
            cls = next((c for end, c in rule.get("agreement_class_by_ending", {}).items() if name.endswith(end)),
                       rule["agreement_class"])  # 「…貸付契約」, 「…協定」: not a memorandum
            draft.about.append(ctx.name_agreement(cls, name, parties))
    subject = agent is not None if not rule.get("no_agent") and rule.get("agent_role") else False
    for implied in rule.get("implied", []):
        entity = ctx.voice if implied.get("voice") else implied.get("entity", "")
        # 「ADB及びERIAと…に署名し」: parties named only with と leave the subject unsaid; not where the
        # document's own side is named among them (「経済産業省とX省との間で…が署名されました」)
        unsaid = implied.get("when_no_subject") and not subject and not any(
            ctx.home(e) for e, _, implicit in draft.participants if not implicit)
        if entity and (not draft.participants or unsaid):
            draft.add(entity, implied["role"], implicit=True)
    if any(event.position < trig.start for event in named):
        draft.at_event = "named"
    if not draft.about:
        _about_fallback(draft, rule, view, trig.start, ctx)
    if not draft.about and _refinable(draft, ctx):
        return draft  # 「*2 2025年1月22日にイスラマバードで署名。」: more of the last signing, whatever its ending
    if rule.get("needs_about") and not draft.about:
        return None
    if any(c.planned and (c.start <= trig.start < c.end if c.adnominal else c.begin <= trig.start <= c.end)
           for c in ctx.clauses):
        return None  # 「…調査を実施する予定です」: a plan, not an event (an action marked planned tells it)
    if rule.get("needs_period") and (draft.date is None or not draft.date.is_period):
        return None
    return draft


def _respectively(view: SentenceView, trig: _Trigger, boundary: int, draft: _Draft,
                  ctx: ReadingContext) -> list[_Draft]:
    """「JOGMECは、Aとの間でXを、Bとの間でYを、それぞれ締結しました」: a gapped coordination closed by
    それぞれ (``respectively``) tells one event per partner, each about the object told with that partner."""
    spec = rules().get("respectively")
    alone = draft.type in spec.get("types_without_object", []) if spec else False
    if not spec or (draft.type not in spec["types"] and not alone) or not any(
            word in view.text[max(boundary, trig.start - spec["window"]):trig.end] for word in spec["words"]):
        return [draft]
    partners = [t for t in view.tokens if boundary <= t.start and t.end <= trig.start and not t.implicit
                and t.particle in spec["partner_particles"] and in_family(t.cls, spec["partner_classes"])]
    if alone:  # 「A大臣及びB大臣とそれぞれ会談しました」: one meeting with each
        partners = [t for t in partners if in_family(t.cls, spec["partner_classes_without_object"])]
        named = {t.entity for t in partners}
        return [draft] if len(named) < 2 else [
            replace(draft, participants={k: None for k in draft.participants if k[0] not in named - {entity}},
                    location=list(draft.location), about=list(draft.about), share=i)
            for i, entity in enumerate(dict.fromkeys(t.entity for t in partners))]
    ends = [t.start for t in partners[1:]] + [trig.start]
    objects = []
    for partner, end in zip(partners, ends):
        begin = end_of(view.text, partner) + len(partner.particle)
        mark = view.text.rfind(spec["object_particle"], begin, end)
        objects.append((begin, mark) if mark > begin else None)
    if len(partners) < 2 or not all(objects):
        return [draft]
    named = {t.entity for t in partners}
    about_classes = [c for slot in trig.rule["slots"] if slot.get("about") for c in slot["classes"]]
    shares = []
    for partner, (begin, mark) in zip(partners, objects):
        share = replace(draft, participants={k: None for k in draft.participants if k[0] not in named - {partner.entity}},
                        location=list(draft.location), share=len(shares), about=[
                            t.entity for t in view.tokens if begin <= t.start and t.end <= mark
                            and in_family(t.cls, about_classes)])  # 「…覚書（以下「MOU」）を」: the MOU
        told = re.sub(spec["strip_regex"], "", view.text[begin:mark])
        if trig.rule.get("_purpose_re") is not None:
            told = trig.rule["_purpose_re"].sub("", told)
        parties = sorted(e for e, _, implicit in share.participants if not implicit)
        if not share.about and trig.rule.get("agreement_class") and re.search(spec["agreement_regex"], told):
            share.about.append(ctx.name_agreement(trig.rule["agreement_class"], told, parties))
        shares.append(share)
    return shares


def _about_fallback(draft: _Draft, rule: dict, view: SentenceView, position: int, ctx: ReadingContext) -> None:
    """What an event is about when its clause does not say: the sentence's topic, or the measure."""
    about_classes = rule.get("topic_classes") or [c for slot in rule["slots"] if slot.get("about") for c in slot["classes"]]
    if rule.get("needs_about") or rule.get("about_fallback") == "topic":
        topic = _topic(view, position, about_classes)
        if topic is not None:
            draft.about.append(topic.entity)
            return
    if rule.get("about_fallback") == "measure" and ctx.measure:
        draft.about.append(ctx.measure)


def _signers(view: SentenceView, ctx: ReadingContext) -> bool:
    """「署名者はAのX理事とBのY総裁です」, 「契約の署名は、AのX社長とBのY副社長が行い、CのZ理事長が立ち会いました」:
    a sentence that opens by naming the signing (``signers``) tells who signed the last one told (and who
    witnessed it: a person followed by a word of attendance)."""
    spec = rules().get("signers")
    opening = re.match(spec["opening_regex"], view.text) if spec and ctx.recent.get(spec["type"]) is not None else None
    if opening is None:
        return False
    draft = _Draft(spec["type"], 0, None)
    earlier = _of_kind(_kind_named(view.text[:opening.end()]), spec["type"], ctx)
    # 「署名式は、A大臣及びB大使のご臨席のもと行われ、…」: who is named between the opening and a witness phrase
    witnessed = _witness_phrase(view, spec["type"])
    between = [t for t in view.tokens if opening.end() <= t.start and t.end <= witnessed]
    told = view.text[opening.end():max(witnessed, 0)]
    witnesses = set() if any(t.particle == "が" for t in between) or any(w in told for w in spec["signing_words"]) \
        else {id(t) for t in between}
    for t in view.tokens:
        if t.cls != "Person" or (t.particle == "の" and id(t) not in witnesses):
            continue  # 「今回の調印は、X大臣の来日の機を捉えて…」: a person who modifies a noun signs nothing
        # 「A大臣及びB大使が臨席し」: each of a coordination the attendance word closes attends, unless the signing
        # told after it has no subject of its own (「JOGMECからA理事長が、BからはC社長が出席し、それぞれ…に署名」)
        marked = [u for u in view.tokens if u is t or (t.group >= 0 and u.group == t.group)]
        attends = id(t) in witnesses or any(
            u.particle == "が" and view.text.startswith(tuple(spec["attendance_words"]), end_of(view.text, u) + 1)
            and _others_sign(view, end_of(view.text, u) + 1, spec) for u in marked)
        draft.add(t.entity, spec["attendee_role"] if attends else spec["signer_role"])
    _tell_again(draft, ctx, earlier=earlier)
    if not draft.participants:  # 「今回の調印は、X大臣の来日の機を捉えて…」: about the signing, no signer named
        ctx.named_again = (earlier or ctx.recent[spec["type"]]).start
    return bool(draft.participants)


def _others_sign(view: SentenceView, after: int, spec: dict) -> bool:
    """Whether the signing told after ``after`` names signers of its own (a person marked が), or no signing is."""
    signs = [view.text.find(word, after) for word in spec["signing_words"]]
    signing = min((pos for pos in signs if pos >= 0), default=-1)
    return signing < 0 or any(u.cls == "Person" and u.particle == "が" and after < u.start < signing for u in view.tokens)


def _witness_phrase(view: SentenceView, event_type: str) -> int:
    """Where the first witness phrase of an event of ``event_type`` starts (「…のご臨席のもと」: a ``participation``
    rule marked 'witness_phrase'), -1 if none."""
    found = [view.text.find(word) for rule in rules()["participation"]
             if rule.get("witness_phrase") and event_type in rule.get("types", ()) for word in rule["triggers"]]
    return min((pos for pos in found if pos >= 0), default=-1)


def _dated_by_the_release(trig: _Trigger, ctx: ReadingContext) -> DateValue | None:
    """「JOGMECは、A社と、…における新たな共同探鉱契約を締結しました」 as the lead of a release dated by its dateline,
    with no date of its own and no event of its kind told before in the document: what the release reports as
    done happened by its date (kept, and marked ``DocumentDate``), unless told as a plan or as content."""
    if (len(ctx.document_date) != 10 or ctx.body_sentences != 1 or trig.rule["type"] in ctx.told_types
            or trig.rule["type"] not in rules().get("lead_dated_by_release", [])):
        return None
    clause = next((c for c in ctx.clauses if c.start <= trig.start < c.end + 1 or c.start < trig.end <= c.end), None)
    if clause is None or clause.adnominal or clause.planned or clause.negated or clause.told_by is not None:
        return None
    return DateValue(start=ctx.document_date, span=(0, 0), source="DocumentDate")


def _outcome_of_meeting(draft: _Draft, ctx: ReadingContext) -> DateValue | None:
    """「会合では、…議論が行われました。議論を踏まえ、参加国により「…共同声明」が採択されました」: a dateless outcome
    ('meeting_outcomes': a statement adopted) that names none of its parties, told after a meeting with no other
    event told since, is that meeting's, on its date (marked carried)."""
    spec = rules().get("meeting_outcomes", {})
    if draft.type not in spec.get("types", []) or draft.type in ctx.recent:
        return None
    if any(not implicit for _, _, implicit in draft.participants):
        return None
    meeting = ctx.told[-1] if ctx.told else None  # no other event told since the meeting
    return _carried_from(meeting) if meeting is not None and meeting.type in spec["occasions"] and meeting.start else None


def _carried_from(occasion: Event) -> DateValue:
    """The date of an occasion told before, given to an event of it that tells none (marked carried)."""
    return DateValue(start=occasion.start, end=occasion.end, fiscal=occasion.fiscal, span=(0, 0), source=CARRIED)


def _witnessed_at(view: SentenceView, ctx: ReadingContext) -> DateValue | None:
    """「ワーキング・ランチに先立ち、両大臣の立会いの下、AとBとの間で「…覚書」が署名されました」 after the two
    ministers' talks: a dateless event the sentence names people of the last event told at (両大臣) is of that
    occasion, on its date (marked carried). Of 'witnessed_types' only: what the two say or agree on there is more of
    the talks themselves."""
    occasion = ctx.told[-1] if ctx.told else None
    if occasion is None or not occasion.start:
        return None
    present = {p.entity for p in occasion.participants if not p.implicit}
    people = {t.entity for t in view.tokens if t.cls == "Person"}
    if not people or not people <= present:
        return None
    return _carried_from(occasion)


def _kind_named(text: str) -> str:
    """The kind of agreement a sentence's opening names (「貸付契約の調印式は」: 貸付契約), "" for none."""
    kinds = rules().get("agreement_kinds", [])
    found = [(text.find(k), -len(k), k) for k in kinds if k in text]
    return min(found)[2] if found else ""


def _of_kind(kind: str, event_type: str, ctx: ReadingContext) -> Event | None:
    """The last event of ``event_type`` told about an agreement of that kind (「貸付契約の調印式は…」 after an MoU
    was signed since: the loan agreement's signing)."""
    if not kind:
        return None
    told = [e for e in ctx.about_recent.values() if e.type == event_type
            and any(ctx.label_of(a).endswith(kind) for a in e.about)]
    return told[-1] if told else None


def _told_before(draft: _Draft, ctx: ReadingContext) -> Event | None:
    """The last event of the draft's kind told before about the same agreement (not another kind of event told
    about it since: 「会談では、本覚書に基づく…」)."""
    return next((e for e in reversed(ctx.told) if e.type == draft.type and set(draft.about) & set(e.about)), None)


def _of_the_visit(draft: _Draft, view: SentenceView, ctx: ReadingContext) -> DateValue | None:
    """「2011年11月には、A副大臣が、スーダン及び南スーダンを訪問しました。A副大臣は、南スーダンの首都ジュバにおいて…と
    会談し」: talks of the visitor of the last visit told, with no date of their own, are of that visit, on its date
    (marked carried); so are talks in one of its host countries where the date carried is another sentence's
    (「また、A副大臣は、スーダンの首都ハルツームにおいて…と会談し」 after a training of months later)."""
    visit = ctx.recent.get("Visit")
    if visit is None or draft.type not in rules()["visit_occasions"]:
        return None
    visitors = {p.entity for p in visit.participants if p.role == "Visitor" and not p.implicit}
    hosts = {p.entity for p in visit.participants if p.role == "Host"}
    if not visitors & {entity for entity, _, _ in draft.participants}:
        return None
    if draft.date is not None and not hosts & {t.entity for t in view.tokens}:
        return None
    if draft.date is not None and (draft.date.start, draft.date.end) == (visit.start, visit.end):
        return None
    return _carried_from(visit)


def _another_of_the_occasion(draft: _Draft, ctx: ReadingContext) -> DateValue | None:
    """「両首脳の立会いの下、JBICと…省との間で、…覚書の署名が行われました」 after the leaders signed a joint
    statement: a dateless event about another agreement than the last one of its kind is another event
    of that occasion. Its date is the earlier one's, marked carried; None when it tells the same one."""
    earlier = ctx.recent.get(draft.type)
    if earlier is None or not draft.about or set(draft.about) & set(earlier.about):
        return None
    # 「…と会談しました。この会談に併せて、JOGMECとPDVSAとの間で…覚書が署名されました」: the occasion is the last
    # event told, the talks, not a signing of months before
    occasion = ctx.told[-1] if ctx.told else earlier
    return _carried_from(occasion)


def _tell_again(draft: _Draft, ctx: ReadingContext, kind: str = "", earlier: Event | None = None) -> None:
    """A dateless event right after a dated one of its kind tells more of it (「署名式では…署名」); a
    named one (「本会合では」) tells more of ``earlier``, the last event of its series."""
    kind = kind or draft.type
    # 「2．本覚書の概要 / 本覚書は、AとBが署名したもので」: in a later section, the signing of the same agreement
    # 「本MOUは、AとBが署名し」 after two signings told together: the one of that agreement
    earlier = earlier or (_told_before(draft, ctx) if kind == draft.type else None) or ctx.recent.get(kind)
    if earlier is None or not draft.participants:
        return
    told = {p.entity for p in earlier.participants if not p.implicit}
    added = tuple(Participant(e, r, i) for e, r, i in draft.participants if e not in told and not i)
    if not added:
        return
    kept = tuple(p for p in earlier.participants if not p.implicit)
    grown = replace(earlier, participants=tuple(sorted(kept + added)),
                    location=tuple(sorted(set(earlier.location) | set(draft.location))))
    _grow(ctx, earlier, grown)


def content_of_occasion(event: Event, occasion_type: str) -> bool:
    """「また、両首脳は、…についても意見交換を行いました」: what the pair who met exchanged, told after their
    meeting with no date of its own, is that meeting's content (``absorbed_into``), not an event of its own."""
    return rules()["absorbed_into"].get(event.type) == occasion_type and event.date_source == CARRIED


def _absorb(drafts: list[_Draft]) -> list[_Draft]:
    """「…と会談し、…について意見交換を行いました」: what was exchanged at a meeting of the same
    sentence and date is the meeting's content, not an event of its own (``absorbed_into``)."""
    into = rules()["absorbed_into"]
    kept = []
    for draft in drafts:
        host = next((d for d in drafts if d is not draft and d.type == into.get(draft.type) and d.date == draft.date),
                    None)
        if host is None:
            kept.append(draft)
            continue
        host.about.extend(draft.about)
        for entity, role, implicit in draft.participants:
            if not any(e == entity for e, _, _ in host.participants):
                host.add(entity, role, implicit)
    return kept


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Two triggers of one kind and date in a sentence tell one event (試料採取・データ取得)."""
    merged: dict[tuple, _Draft] = {}
    for draft in drafts:
        key = (draft.type, draft.date, draft.share)
        if key not in merged:
            merged[key] = draft
            continue
        into = merged[key]
        for participant in draft.participants:
            into.participants[participant] = None
        into.location.extend(draft.location)
        into.about.extend(draft.about)
    return list(merged.values())


def _finish(named: list[_Draft], drafts: list[_Draft]) -> list[Event]:
    named_events = {id(d): d.to_event() for d in named}
    events: list[Event] = [e for e in named_events.values() if e is not None]
    for draft in drafts:
        event = draft.to_event()
        if event is None:
            continue
        if draft.at_event == "named":
            hosts = [named_events[id(d)] for d in named if d.position < draft.position and named_events[id(d)]]
            event = replace(event, at_event=fact_ref(hosts[-1]) if hosts else "")
        events.append(event)
    return events


def find_post_holdings(view: SentenceView, told_again: str = "", clauses: list | None = None,
                       document_date: str = "", headed: dict[str, str] | None = None) -> list[PostHolding]:
    """A person named with a post (武藤経済産業大臣) holds it at the sentence's date, or at the
    date of the event the sentence tells again (「署名式では、…大臣と…本部長が署名」). A date told in
    what the person says (「…から、ペルーは2024年に…を占める旨述べ」) is not the sentence's. A post told
    in its body's gloss (「（理事長：栗山 隆）」) is held on the document's date. A person named with a bare title
    (ポペスク大臣) under a heading that names them with their post (``headed``: 「（1）ルーマニア　ミハイ・ポペスク
    エネルギー大臣」) holds that post at the sentence's date."""
    generic = set(rules()["generic_post_titles"])
    holdings = []
    # nor a date that bounds a plan (「2028年以降の年間生産量を…引き上げる方針」)
    dates = [d for d in view.dates if not in_content(view.text, d, clauses or []) and not d.qualifier]
    for token in view.tokens:
        if token.cls == "Person" and token.post and token.post_surface in generic and token.entity in (headed or {}):
            token = replace(token, post=(headed or {})[token.entity], post_surface="", also_posts=())
        if not token.post or token.cls != "Person" or (token.post_surface in generic and not token.post_in_body):
            continue
        if token.post_glossed:
            if document_date:
                holdings.append(PostHolding(token.entity, token.post, document_date))
            continue
        # a date inside an adnominal clause dates the person only when the person stands in that clause too,
        # or the noun it modifies is the scene of the sentence (「7月3日に東京で行われた開講式には、…公使参事官が
        # 出席」); not 「高市総理大臣から、…昨年12月に東京で開かれた「…」の成果を…旨述べ」
        scene = rules()["_scene_head_re"]
        own = [d for d in dates if not embedded(view.text, d, clauses or []) or any(
            c.adnominal and c.begin <= d.span[0] < c.start
            and (any(a.token.start == token.start for a in c.arguments) or scene.match(view.text, c.end))
            for c in clauses or [])]
        before = [d for d in own if d.span[1] <= token.start]
        date = before[-1] if before else (own[0] if own else None)
        for post in (token.post, *(post for _, _, post in token.also_posts)):  # …副大臣兼内閣府副大臣: both
            if date is not None and not date.fiscal:
                holdings.append(PostHolding(token.entity, post, date.start))
            elif date is None and told_again:
                holdings.append(PostHolding(token.entity, post, told_again))
    return holdings
