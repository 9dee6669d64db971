"""Reading one document: recognise each unit, then run every extraction rule.

This is the extraction stage of the pipeline, composed top to bottom:
for each unit (sentence, heading, footnote, budget line) it recognises the
entities, finds dates and quantities, builds the sentence view, and applies
the event, relation, membership, figure and budget rules. What it returns
(facts with evidence, entities the text introduced, mentions, and the
sentences no rule could read) is all the emitter needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from .facts import Assertion, EntityRef, Event, Evidence, Fact, FactCollection, Observation, PostHolding, fact_ref
from ..text.header import opens_contact_block
from ..recognise import DocumentContext, recognise
from ..registry import Registry
from ..text import Document, Unit
from .actions import find_actions
from .anaphora import Antecedents, resolve
from .carry import Carry, Continuation, Told, continuation, note
from .clauses import read_clauses, standing
from .dates import CARRIED, DateContext, DateValue, find_dates
from .events import ReadingContext, content_of_occasion, find_events, find_post_holdings, heading_day, note_headline
from .events import rules as event_rules
from .fields import FactSheet, block_head, read_field, sheet_line
from .figures import (find_indicator_figures, find_measured_quantities, find_supply_shares, find_volume_targets,
                      foreign_importer, import_table, table_share, imported_from, supplies, world_producers)
from .measures import measure_entity, read_budget
from .mentions import MentionResolver, compound_parties, leading_body
from .quantities import find_quantities
from .reasons import why_unread
from .stated import find_stated_quantities, topic_after
from .summaries import absorb_summaries
from .holdings import absorb_bare_posts
from .relations import (DiscourseContext, agreement_parties, agreement_topics, co_lenders, co_organisers, find_memberships,
                        find_relations, meeting_parties, parts_of, sentence_agent, venues)
from .relations import rules as relation_rules
from .trainees import trained_countries
from .view import SentenceView, Token, build_view, in_family


@dataclass
class Unread:
    """A sentence no rule could read, and what was found in it (for ``--explain``)."""

    unit: Unit
    entities: list[str]
    reason: str = ""  # why no fact (resdip.extract.reasons)
    named: int = 0  # how many entities it names as such


@dataclass
class Extraction:
    """What one document yields."""

    facts: FactCollection = field(default_factory=FactCollection)
    entities: dict[str, EntityRef] = field(default_factory=dict)
    mentions: list[tuple[Unit, int, int, str]] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    sentences: int = 0
    naming_two: int = 0  # sentences that name two or more entities as such
    renamed: dict[str, str] = field(default_factory=dict)  # IRIs of events that grew when told again


@dataclass
class DocumentInfo:
    """What the extractor needs to know about a document beyond its text."""

    doc_id: str
    date: str = ""
    voice: str = ""
    issuer: str = ""  # registry id of the issuing body (the publisher), "" when unknown


def extract_document(doc: Document, info: DocumentInfo, registry: Registry) -> Extraction:
    """Every fact of one document, with the sentence each came from."""
    out = Extraction()
    resolver = MentionResolver(registry, out.entities, scope=info.doc_id)
    recognition = DocumentContext()
    dates = DateContext(document_date=info.date)

    def home(entity: str) -> bool:
        return _of_country(registry, entity, info.voice)

    reading = ReadingContext(
        voice=info.voice,
        read_name=lambda text: resolver.tokens(text, compound_parties(text, registry)),
        read_body=lambda text: resolver.tokens(text, leading_body(text, registry)),
        name_agreement=lambda cls, label, parties: resolver.candidate(cls, label, key="|".join(parties)),
        label_of=lambda entity: out.entities[entity].label_ja if entity in out.entities else "",
        home=home,
        country_of=lambda entity: _country_in(registry, entity) or _jurisdiction(out, entity),
        document_date=info.date if len(info.date) == 10 else "",
        document_year=info.date[:4],
    )
    entry = registry.get(info.issuer) if info.issuer else None
    issuer = (entry.id, entry.cls) if entry is not None else ("", "")
    discourse = DiscourseContext(voice=info.voice, issuer=Token(0, 0, *issuer) if entry is not None else None,
                                 home=home, country_of=reading.country_of,
                                 last_foreign=lambda: recognition.last_foreign_country or "")
    measures: dict[int, EntityRef] = {}
    carry = Carry()
    antecedents = Antecedents()
    section = None
    last_plan = ""
    contact = False  # inside the closing contact block (担当, 問い合わせ先): office names, not prose
    topic = ""  # the project the section is about (named last), for numbers that name nothing else
    lead = ""  # the first project the document names, for amounts told before their section names one
    sheet = FactSheet()  # what a summary block's labelled lines describe
    headed_countries: dict[int, set[str]] = {}  # the foreign countries each section's heading names
    headed_day: DateValue | None = None  # the day the last heading line gave (「■…大臣（6日）」), in this section
    headed_posts: dict[int, dict[str, str]] = {}  # the people each section's heading names with their posts
    generic_titles = set(event_rules()["generic_post_titles"])
    for unit in doc.units:
        if unit.kind == "figure":
            continue
        contact = contact or (unit.kind == "sentence" and opens_contact_block(unit.norm))
        if contact:
            continue
        if unit.section is not section:
            section = unit.section
            discourse.new_section()
            reading.recent.clear()  # (reading.series_recent stays: 本会合 names its meeting in any section)
            reading.last_resource = ""
            topic = ""
            headed_day = None
        tokens = resolver.tokens(unit.norm, recognise(unit.norm, registry, recognition))
        discourse.lead_foreign = discourse.lead_foreign or recognition.last_foreign_country or ""
        tokens += resolve(unit.norm, tokens, antecedents, info.voice, issuer, reading.read_name,
                          mint=lambda cls, label: resolver.candidate(cls, label, key=info.doc_id))
        pairs = [t for t in tokens if t.anaphor]
        tokens = [t for t in tokens if not (t.cls == "Post" and any(a.start < t.start and t.end <= a.end for a in pairs))]
        dated_before = replace(dates)  # what 同月 or 同年 went back to before the sentence
        view = build_view(unit.norm, tokens, find_dates(unit.norm, dates), find_quantities(unit.norm))
        spans = [(t.start, t.end) for t in view.tokens]
        for token in view.tokens:
            if token.anaphor and spans.count((token.start, token.end)) > 1:
                continue  # 両大臣 stands for two people: one span cannot name both
            # 「…副大臣兼内閣府副大臣」: the first post ends before 兼, the others after it
            post_end = token.start + token.also_posts[0][0] - 1 if token.also_posts else token.end
            split = post_end - len(token.post_surface) if token.post and token.post_surface else post_end
            out.mentions.append((unit, token.start, split, token.entity))
            if split < post_end:
                out.mentions.append((unit, split, post_end, token.post))
            out.mentions.extend((unit, token.start + start, token.start + end, post) for start, end, post in token.also_posts)
        evidence = Evidence(info.doc_id, unit.raw_start, unit.raw_end)
        before = out.facts.told
        measure = _measure_of(unit, measures, out, view, doc.sections, registry)
        reading.measure = measure.id if measure is not None else ""
        reading.section_title = unit.section.title if unit.section is not None else ""
        if unit.kind == "heading" and unit.section is not None:  # 「2．セネガル共和国（2月2日～3日）」
            headed_countries[unit.section.id] = {t.entity for t in view.tokens if t.cls == "Country"} - {info.voice}
            headed_posts[unit.section.id] = {t.entity: t.post for t in view.tokens if t.cls == "Person" and t.post
                                             and t.post_surface not in generic_titles}  # 「（1）…　ミハイ・ポペスク エネルギー大臣」
        named = [headed_countries.get(s.id, set()) for s in unit.section.path] if unit.section is not None else []
        innermost = next((countries for countries in reversed(named) if countries), set())
        reading.section_country = next(iter(innermost)) if len(innermost) == 1 else ""
        reading.section_posts = {person: post for s in (unit.section.path if unit.section is not None else [])
                                 for person, post in headed_posts.get(s.id, {}).items()}
        reading.body_sentences += unit.kind == "sentence" and unit.norm.rstrip().endswith("。")  # not a dateline or headline
        clauses = read_clauses(view) if unit.kind != "budget" else []
        how = continuation(view, carry, clauses) if unit.kind == "sentence" else Continuation()
        day = heading_day(view)
        if day is not None or unit.kind == "heading":
            headed_day = day  # 「■X石油大臣（6日）」: the day of what the lines below it tell
        elif unit.kind == "sentence" and not view.dates and headed_day is not None:
            view.dates.insert(0, replace(headed_day, span=(0, 0), source=CARRIED))
        agent = None
        events: list[Event] = []
        if unit.kind == "budget" and measure is not None:
            for line in read_budget(unit.norm, measure.id):
                out.facts.add(line, evidence)
        else:
            typed, last_plan = _read_sentence(view, evidence, out, discourse, reading, last_plan,
                                              lambda name: resolver.candidate("Indicator", name), how, clauses)
            events = [f for f in typed if isinstance(f, Event)]
            agreed = _with_agreements(view, events, out)
            if agreed is not view:
                view, clauses = agreed, read_clauses(agreed)
            block_head(view, sheet)  # 「（参考）南部アフリカ開発共同体（SADC）」: the body its block describes
            for fact in read_field(view, sheet, info.issuer, lambda name: resolver.candidate("Project", name)) or []:
                out.facts.add(fact, evidence)  # 「オペレーター：A」: a line of a summary block
            sheet.note(view)
            for fact in find_actions(view, clauses, typed, how.agent, how.at_event) if unit.kind != "heading" else []:
                out.facts.add(fact, evidence)  # a heading names a topic: it tells no action
            described = sheet_line(view, sheet)  # 「想定生産量：年間約20万トン」: the project its block names
            for fact in find_stated_quantities(view, clauses, typed, info.date, described or topic or lead, info.voice):
                out.facts.add(fact, evidence)
            topic = topic_after(view, topic)
            lead = lead or topic  # the project the document names first (its headline's)
            if measure is not None:
                _note_runner(measure, view)
            agent = next((c.agent().token for c in clauses if not c.adnominal and c.agent() is not None
                          and not c.agent().shared and not c.agent().modifier
                          and in_family(c.agent().token.cls, ["Person", "Organisation", "Country"])), None)
        # a heading that dates or tells a meeting (「（2）X大臣との会談（11日）」) is the occasion of the lines below
        if unit.kind == "sentence" or (unit.kind == "heading" and (events or reading.headed)):
            told = [Told(e.type, fact_ref(e), _date_of(e), frozenset(filter(None, (e.series, *e.about))), e.name,
                         len({p.entity for p in e.participants}),
                         len({p.entity for p in e.participants if _class_of(out, registry, p.entity) == "Person"}),
                         len({p.entity for p in e.participants if not p.implicit}))
                    for e in events + reading.headed]  # 「2　政策協議（14日）」: the event the lines below go on to tell
            reading.headed.clear()
            if note(carry, how, view, agent, told, clauses) and how.continues:
                # 「チャドは2003年10月に原油の輸出を開始した新興産油国であり、両者は…一致」: a date recalled in passing in
                # a sentence that goes on with the event before is not the month a later 同月 goes back to
                dates.last_year, dates.last_month, dates.last_date = (dated_before.last_year, dated_before.last_month,
                                                                      dated_before.last_date)
        _note_antecedents(antecedents, view, events, out, registry)
        if unit.kind == "sentence" and not carry.events:
            note_headline(view, reading)  # 「日・マレーシア外相電話会談」: what the release goes on to tell
        discourse.note_sentence(sentence_agent(view, len(view.text), ["Organisation", "Country"]))
        if unit.kind == "sentence":
            out.sentences += 1
            named = len({t.entity for t in standing(view)})
            out.naming_two += named >= 2
            if out.facts.told == before:  # no fact, new or told again
                out.unread.append(Unread(unit, [t.entity for t in view.tokens], why_unread(view, clauses), named))
    out.renamed.update(absorb_summaries(out.facts, lambda e: _class_of(out, registry, e) == "Person"))
    absorb_bare_posts(out.facts, out.entities.get)
    _follow_renames(out)
    return out


def _with_own_country(fact: Fact, out: Extraction, country_of: Callable[[str], str]) -> bool:
    """「フィリピンとの協力覚書」 read after 「…フィリピン環境天然資源省が」: a body does not cooperate with its own
    country (``not_with_own_country`` relations)."""
    if not isinstance(fact, Assertion) or fact.predicate not in relation_rules().get("not_with_own_country", []):
        return False

    def country(entity: str) -> str:
        ref = out.entities.get(entity)
        return country_of(entity) or (str(ref.extra.get("jurisdiction", "")) if ref is not None else "")

    return country(fact.subject) == fact.object or country(fact.object) == fact.subject


def _country_in(registry: Registry, entity: str) -> str:
    """The country a registry body belongs to (ADNOC: the UAE), "" when it names none."""
    entry = registry.get(entity)
    return next(iter(entry.refs("country")), "") if entry is not None else ""


def _jurisdiction(out: Extraction, entity: str) -> str:
    """The country of a body the text introduced named after its country (ギニア国立地質調査所), also where it is
    called by a short name later (SNG)."""
    ref = out.entities.get(entity)
    return str(ref.extra.get("jurisdiction", "")) if ref is not None and ref.cls != "Post" else ""


def _of_country(registry: Registry, entity: str, country: str) -> bool:
    """Whether a registry entity is the country or one of its bodies (JOGMEC is Japan's)."""
    entry = registry.get(entity)
    return bool(country) and (entity == country or (entry is not None and country in entry.refs("country")))


def _with_agreements(view: SentenceView, events: list[Event], out: Extraction) -> SentenceView:
    """The sentence with the agreements its events named by their purpose (「銅及びコバルトの探査・開発に
    関する協力覚書」) as mentions standing for the whole phrase, the names inside it folded in."""
    found = []
    for event in events:
        for entity in event.about:
            ref = out.entities.get(entity)
            if ref is None or not in_family(ref.cls, ["AgreementLike"]):
                continue
            start = view.text.find(ref.label_ja)
            if start >= 0:
                found.append(Token(start, start + len(ref.label_ja), entity, ref.cls, ref.label_ja))
    if not found:
        return view
    # the place a name opens with (「モケグア州における…覚書」) stays named inside it
    kept = [t for t in view.tokens if not any(a.start <= t.start and t.end <= a.end for a in found)
            or (t.cls == "Place" and any(a.start == t.start and t.end < a.end for a in found))]
    tokens = [replace(t, particle="", group=-1) for t in kept] + found
    return build_view(view.text, tokens, view.dates, view.quantities)


def _hosted_by_country(event: Event, wholes: dict[str, str], new_places: set[str]) -> Event:
    """「ウズベキスタン共和国の首都タシケントを訪問」: the country hosts the visit, the city is where it was.
    A place the registry does not know, whose country the sentence does not say (「ボケ州のカムサール港を訪れ」),
    is only where the visit was: a host is a country."""
    hosts = [p for p in event.participants if p.role == "Host" and (p.entity in wholes or p.entity in new_places)]
    if not hosts:
        return event
    unplaced = [p for p in hosts if p.entity not in wholes]  # a new place: where the visit was, not who hosted it
    moved = tuple(replace(p, entity=wholes[p.entity]) if p in hosts else p
                  for p in event.participants if p not in unplaced)
    return replace(event, participants=tuple(sorted(set(moved))),
                   location=tuple(sorted(set(event.location) | {p.entity for p in hosts})))


def _own_side_meets(event: Event, countries: dict[str, str], voice: str) -> Event:
    """「キューバのメンデス基幹産業大臣が来日し、中川経済産業大臣と会談」: talks between a foreign minister who is the
    sentence's subject and one of the document's own side are the own side's, the foreigner the counterpart met."""
    if event.type not in event_rules().get("own_side_talks", ()) or not voice:
        return event
    roles = {p.entity: p.role for p in event.participants}
    met = [e for e, r in roles.items() if r == "Counterpart" and countries.get(e) == voice]
    meeting = [e for e, r in roles.items() if r == "Participant" and countries.get(e, voice) != voice]
    if len(met) != 1 or len(meeting) != 1:
        return event
    swapped = {met[0]: "Participant", meeting[0]: "Counterpart"}
    return replace(event, participants=tuple(sorted(replace(p, role=swapped.get(p.entity, p.role))
                                                    for p in event.participants)))


def _class_of(out: Extraction, registry: Registry, entity: str) -> str:
    ref = out.entities.get(entity)
    if ref is not None:
        return ref.cls
    entry = registry.get(entity)
    return entry.cls if entry is not None else ""


def _date_of(event: Event) -> DateValue | None:
    if not event.start or event.fiscal:
        return None
    return DateValue(event.start, event.end, source=event.date_source)


def _note_antecedents(antecedents: Antecedents, view: SentenceView, events: list[Event], out: Extraction,
                      registry: Registry) -> None:
    """What the sentence named, for the anaphors of the next ones: its mentions, and the agreements
    and meetings its events were about (「…に関する覚書を締結」 → 本覚書)."""
    for token in view.tokens:
        if token.country and not token.anaphor and in_family(token.cls, ["Organisation"]):
            antecedents.note(token.country, "Country")  # 「…及びエクアドル国営鉱山公社が出資…。同国南東部の」: its country
        antecedents.note(token.entity, token.cls, token.country, "" if token.anaphor else token.surface + token.post_surface)
    for event in events:
        for entity in (*event.about, event.series):
            ref = out.entities.get(entity) or registry.get(entity)
            if ref is not None:
                antecedents.note(entity, ref.cls, name=ref.label_ja)
        refs = [(p.entity, out.entities.get(p.entity) or registry.get(p.entity)) for p in event.participants
                if not p.implicit]
        if len(refs) >= 2:  # 「3者は」 after a signing: its parties
            antecedents.parties = [(entity, ref.cls) for entity, ref in refs if ref is not None]
        leading = [(p.entity, ref.cls) for p, ref in ((p, out.entities.get(p.entity) or registry.get(p.entity))
                                                      for p in event.participants if not p.implicit)
                   if ref is not None and ref.cls == "Person" and p.role != "Attendee"]
        if len(leading) == 2:  # 「両大臣」 later: the two who met or chaired, not one who attended
            antecedents.leading = leading


def _redate_holdings(out: Extraction, told: Event, grown: Event, events: list[Event], evidence: Evidence) -> None:
    """「7月13日から15日まで、…キスペ外務副大臣との間で…政策協議を行った」 then 「2　政策協議（14日）」: a post held
    by someone who took part in nothing else on the day the trip began is held on the day the heading gives."""
    if told.start == grown.start:
        return
    elsewhere = {p.entity for e in events if e is not grown and e.start == told.start for p in e.participants}
    moved = {p.entity for p in grown.participants} - elsewhere
    for fact, _ in out.facts.items():
        if isinstance(fact, PostHolding) and fact.person in moved and fact.date == told.start:
            out.facts.replace(fact, replace(fact, date=grown.start), evidence)


def _final_iri(out: Extraction, iri: str) -> str:
    """The IRI an event has now, after every sentence that told more of it."""
    seen = set()
    while iri in out.renamed and iri not in seen:
        seen.add(iri)
        iri = out.renamed[iri]
    return iri


def _follow_renames(out: Extraction) -> None:
    """Facts that happened at an event which a later sentence told more of point to the grown event."""
    for fact, evidence in out.facts.items():
        at = getattr(fact, "at_event", "")
        if at and _final_iri(out, at) != at:
            moved = replace(fact, at_event=_final_iri(out, at))
            out.facts.replace(fact, moved, evidence[0])


def _read_sentence(view: SentenceView, evidence: Evidence, out: Extraction, discourse: DiscourseContext,
                   reading: ReadingContext, last_plan: str, name_indicator: Callable[[str], str],
                   how: Continuation, clauses: list) -> tuple[list[Fact], str]:
    """The typed facts of one sentence (added to ``out``), and the plan a target was last set by."""
    typed: list[Fact] = []

    def add(fact: Fact) -> None:
        if _with_own_country(fact, out, reading.country_of):
            return
        typed.append(fact)
        out.facts.add(fact, evidence)

    # A sentence that continues the last one reads its events with the carried subject.
    # (not to a passive main clause with no agent: 「…共同声明が採択されました」 names no adopter)
    main = [c for c in clauses if not c.adnominal]
    passive = bool(main) and main[-1].passive and main[-1].agent() is None
    event_view = replace(view, tokens=[how.event_agent] + view.tokens) if how.event_agent is not None and not passive else view
    reading.event_told_again = how.names_event
    reading.occasion_told = _final_iri(out, how.at_event) if how.named_again and how.at_event else ""  # 本表敬には
    reading.clauses = clauses
    wholes = {a.subject: a.object for a in parts_of(view) if a.object.startswith("country-")}
    new_places = {t.entity for t in view.tokens if t.cls == "Place" and t.entity.startswith("candidate-")}
    carried = ""  # the date of an event the sentence tells on a date carried to it (a listed signing)
    for fact in find_events(event_view, reading):
        if how.pair and content_of_occasion(fact, how.at_type):
            continue
        if fact.date_source == CARRIED and not carried:
            carried = fact.start
        event = _own_side_meets(_hosted_by_country(replace(fact, at_event=fact.at_event or how.at(fact.start)), wholes,
                                                   new_places),
                                {t.entity: t.country for t in view.tokens if t.cls == "Person" and t.country}, reading.voice)
        if event.participants or event.about:  # 「東京を訪れたX国のY大臣と…」: no party read, nothing to check (shapes.ttl)
            add(event)
    if reading.announced is not None and not reading.announced.at_event and how.at_event:
        # 「本フォーラムの機会に、以下の4件の協力文書が署名されました」: the listed signings are told at it
        reading.announced = replace(reading.announced, at_event=how.at_event)
    told_again, reading.named_again = reading.named_again or carried, ""
    regrown = []  # events an earlier sentence told, which this one grew (「本会合は、AとBの共催により開催され」)
    for told, grown in reading.grown:
        headed = any(grown is event for event in reading.headed)
        stored = out.facts.facts.get((told.kind, told.key()))
        if stored is not None and not grown.at_event:  # the occasion it was told at, noted when first told
            grown = replace(grown, at_event=getattr(stored, "at_event", ""))
        out.facts.replace(told, grown, evidence)
        out.renamed[fact_ref(told)] = fact_ref(grown)
        regrown.append(grown)
        if headed:
            _redate_holdings(out, told, grown, reading.told, evidence)  # the heading names the posts told again
        else:
            told_again = grown.start
    reading.grown.clear()
    # 「また、A副大臣は、…において…と会談し」 dated by the visit it is of: the posts are held on that date, not on
    # the date the sentence carried from the one before
    held_view = replace(view, dates=[]) if carried and view.dates and all(d.source == CARRIED for d in view.dates) \
        and carried not in {d.start for d in view.dates} else view
    for fact in find_post_holdings(held_view, told_again, clauses, reading.document_date, reading.section_posts):
        add(fact)
    for fact in find_relations(view, discourse, clauses) + trained_countries(view, discourse):
        add(fact)
    for fact in agreement_parties(view, [f for f in typed if isinstance(f, Event)], reading.home):
        add(fact)
    for fact in co_organisers(view, [f for f in typed if isinstance(f, Event)] + regrown, reading.home):
        add(fact)
    for fact in co_lenders(view, discourse.borrower, discourse.lender):
        add(fact)
    loan = next((f for f in reversed(typed) if isinstance(f, Assertion) and f.predicate == "finances"), None)
    if loan is not None and loan.object != discourse.borrower:
        discourse.borrower, discourse.lender = loan.object, loan.subject
    countries = {t.entity: t.country for t in view.tokens if t.country}
    people = {t.entity for t in view.tokens if t.cls == "Person"}
    for fact in meeting_parties([f for f in typed if isinstance(f, Event)], reading.voice,
                                lambda e: countries.get(e, "") if e in people else "", view.text):
        add(fact)
    for fact in venues(view, [f for f in typed if isinstance(f, Event)], reading.told, reading.voice,
                       lambda e: countries.get(e) or reading.country_of(e), reading.section_country):
        add(fact)
    for fact in agreement_topics(view, [f for f in typed if isinstance(f, Event)], reading.home,
                                 lambda e: e if e.startswith("country-") else countries.get(e) or reading.country_of(e),
                                 lambda e: out.entities[e].label_ja if e in out.entities else ""):
        add(fact)
    for fact in find_memberships(view, reading.read_name, clauses):
        add(fact)
    shares = find_supply_shares(view, reading.last_resource)
    row = table_share(view, reading.import_table) if reading.import_table else None
    shares += [row] if row is not None else []
    # (the table goes on over its rows and a line of column heads, 「順位　国名　シェア」)
    heads = "。" not in view.text and not view.tokens and not view.quantities
    reading.import_table = import_table(view) or (reading.import_table if row is not None or heads else None)
    for fact in find_indicator_figures(view, last_plan, name_indicator, reading.document_year):
        if isinstance(fact, Observation) and fact.indicator.startswith("candidate-") \
                and any(share.value == fact.value for share in shares):
            continue  # 「原油輸入に占める中東地域の割合は約92%」: a supplier's share, told as such
        add(fact)
        last_plan = getattr(fact, "set_by", "") or last_plan
    for fact in find_volume_targets(view, name_indicator, reading.plan_named):
        add(fact)
    reading.plan_named = next((t.entity for t in reversed(view.tokens) if in_family(t.cls, ["PolicyDocument"])),
                              reading.plan_named)
    for fact in find_measured_quantities(view):
        add(fact)
    reading.last_resource = next((t.entity for t in reversed(view.tokens) if t.cls == "Resource"), reading.last_resource)
    for share in shares:
        if not foreign_importer(share):  # 「アジアが石油需要の約7割を中東からの輸入に頼っている」: not Japan's imports
            add(share)
        for fact in supplies(share):
            add(fact)
    for fact in imported_from(view, reading.last_resource, with_shares=bool(shares)):
        add(fact)
    for fact in world_producers(view):
        add(fact)
    return typed, last_plan


def _measure_of(unit: Unit, measures: dict[int, EntityRef], out: Extraction, view: SentenceView,
                sections: list | None = None, registry: Registry | None = None) -> EntityRef | None:
    """The measure whose section holds the unit; a measure heading makes the measure. A budget bracket under a
    later subsection whose earlier siblings had none (「1．… / （1）… / （2）… / 【…当初：12.4億円…】」) closes the
    numbered item they divide: it is that item's budget."""
    section = unit.section
    if unit.kind == "budget" and section is not None and section.parent is not None and sections:
        siblings = [s for s in sections if s.parent is section.parent and s.id < section.id]
        if siblings and not any(s.id in measures for s in siblings) and section.id not in measures \
                and section.parent.kind in ("measure", "subsection"):
            section = section.parent
    # a budget line under a numbered heading outside a ＜…＞ list makes that heading a measure too
    if section is None or not (section.kind == "measure" or (unit.kind == "budget" and section.kind == "subsection")):
        return None
    if section.id not in measures:
        entity = measure_entity(section.number_norm, section.title)
        entity = out.entities.setdefault(entity.id, entity)
        measures[section.id] = entity
        if unit.kind == "heading":
            resources = [t.entity for t in view.tokens if t.cls == "Resource"]
            if resources:
                entity.extra["concernsResource"] = sorted(set(resources))
            runners = [t.entity for t in view.tokens if in_family(t.cls, ["Organisation"])]
            if runners:
                entity.extra["runBy"] = runners[-1]
        if registry is not None:
            # 「2．ウラン」 … 【…】, 「1．チュニジア共和国」: a title that is a registry name is about that entity
            twins = registry.twins(section.title)
            resources = sorted(e.id for e in twins if e.cls == "Resource")
            if resources and unit.kind != "heading":
                entity.extra["concernsResource"] = resources
            elif twins and not resources:
                entity.extra["related"] = tuple(sorted(e.id for e in twins))
    return measures[section.id]


def _note_runner(measure: EntityRef, view: SentenceView) -> None:
    """The first organisation a measure's text names as acting (JOGMECは…) runs the measure."""
    if "runBy" in measure.extra:
        return
    agent = sentence_agent(view, len(view.text), ["Organisation"])
    if agent is not None:
        measure.extra["runBy"] = agent.entity
