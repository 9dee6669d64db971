"""Binary relations and memberships read from one sentence.

Rules are data (``patterns/relations.json``): a trigger word, the classes and
particles of its object, and where its subject may come from (the sentence's
agent, an agent of the last sentences of the section, or the document's voice).
"""

from __future__ import annotations

import re

from collections import deque
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from .clauses import object_before
from .facts import Assertion, Membership
from ..patterns import load_patterns
from .view import SentenceView, Token, end_of, in_family

DEFAULT_WINDOW = 15


@lru_cache(maxsize=1)
def rules() -> dict:
    return load_patterns("relations")


@dataclass
class DiscourseContext:
    """What carries across sentences: the document's voice and the agents of recent sentences."""

    voice: str = ""
    home: Callable[[str], bool] = lambda entity: False  # whether an entity is of the document's own side
    issuer: Token | None = None  # the document's issuer, who acts where a release names no one (its headline)
    country_of: Callable[[str], str] = lambda entity: ""  # the country the registry gives an entity
    last_foreign: Callable[[], str] = lambda: ""  # the foreign country the document named last
    recent_agents: deque[Token | None] = field(default_factory=lambda: deque(maxlen=rules()["carry_sentences"]))
    borrower: str = ""  # whom the document last told a loan to (「本融資は、…との協調融資により」: that loan's)
    lender: str = ""  # who made that loan
    places: dict[str, str] = field(default_factory=dict)  # a place the document told the country of (ラッピ県: Finland)
    lead_foreign: str = ""  # the first foreign country the document named (a release's deal is there)
    project: str = ""  # the last project the document named (「探鉱期間中のオペレーターはSBM社が務めます」: its operator)

    def new_section(self) -> None:
        self.recent_agents.clear()

    def note_sentence(self, agent: Token | None) -> None:
        self.recent_agents.append(agent)

    def carried_agent(self, classes: list[str]) -> Token | None:
        for agent in reversed(self.recent_agents):
            if agent is not None and in_family(agent.cls, classes):
                return agent
        return None


def _occurrences(text: str, words: list[str]) -> list[tuple[int, int]]:
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            found.append((start, start + len(word)))
            start = text.find(word, start + 1)
    found.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def sentence_agent(view: SentenceView, before: int, classes: list[str], embedded: frozenset[int] = frozenset()
                   ) -> Token | None:
    """The last mention before ``before`` marked as the one who acts (が, は, を通じて…), not the subject
    of an adnominal clause (``embedded``: ids of its tokens; 「AとBが推進する「X」を融資」: not A or B)."""
    particles = rules()["subject_particles"]
    agents = [t for t in view.tokens if t.end <= before and t.particle in particles and in_family(t.cls, classes)
              and id(t) not in embedded]
    return agents[-1] if agents else None


def _nearest_group(view: SentenceView, start: int, boundary: int, window: int,
                   classes: list[str] | None = None) -> list[Token]:
    """The nearest list of mentions ending before ``start`` (and of ``classes``, if given).

    A list marked as the sentence's topic (「東南アジア諸国に対しては、…協力」) is in reach
    from anywhere in the sentence; any other list only within ``window`` characters.
    """
    topic_particles = rules()["topic_particles"]
    for members in reversed(view.groups()):
        last = members[-1]
        if last.end > start or last.start < boundary:
            continue
        if classes is not None and not all(in_family(m.cls, classes) for m in members):
            continue
        if start - last.end <= window or last.particle in topic_particles:
            return members
    return []


def _subject(rule: dict, view: SentenceView, position: int, ctx: DiscourseContext,
             embedded: frozenset[int] = frozenset()) -> str:
    classes = rule.get("subject_classes", [])
    if classes:
        agent = sentence_agent(view, position, classes, embedded)
        if agent is None and sentence_agent(view, position, ["Person"]) is not None:
            # the sentence names who acts (a person): no subject carried from earlier sentences
            return ctx.voice if rule.get("voice") else ""
        agent = agent or ctx.carried_agent(classes)
        if agent is None and rule.get("issuer_acts") and ctx.issuer is not None and in_family(ctx.issuer.cls, classes):
            agent = ctx.issuer
        if agent is not None:
            return agent.entity
    if rule.get("subject_required"):
        return ""
    return ctx.voice if rule.get("voice") else ""


def _mutual(rule: dict, view: SentenceView, group: list[Token], start: int, joint: bool = False) -> list[Assertion]:
    """「JOGMECと同国鉱山・エネルギー省との協力」, 「JOGMECと同国石油・ガス省による地質データの共同評価」: the bodies
    joined by と right before the noun relate to each other, whoever the sentence's subject is (``mutual_links``; a
    joint act may name what is done between them: ``mutual_trigger_links``)."""
    if not group:
        return []
    link = view.text[group[-1].end:start]
    linked = link in rule.get("mutual_links", ()) or joint and any(
        link.startswith(w) and "、" not in link and len(link) <= rule.get("mutual_trigger_window", 0)
        for w in rule.get("mutual_trigger_links", ()))
    if len(group) < 2 or not linked or not all(in_family(t.cls, rule.get("mutual_classes", [])) for t in group):
        return []
    return [Assertion(a.entity, rule["predicate"], b.entity)
            for i, a in enumerate(group) for b in group[i + 1:] if a.entity != b.entity]


def _by_to(rule: dict, view: SentenceView, group: list[Token]) -> list[Assertion]:
    """「JOGMECによる同国鉱山・鉱業開発省への技術協力」: who gives it (による) cooperates with whom it is given to."""
    spec = rule.get("by_to")
    if not spec or group[-1].particle not in spec["object_particles"]:
        return []
    givers = [t for t in view.tokens if t.end <= group[0].start
              and group[0].start - end_of(view.text, t) <= len(spec["marker"]) + 1
              and view.text.startswith(spec["marker"], end_of(view.text, t))
              and in_family(t.cls, rule.get("mutual_classes", []))]
    return [Assertion(givers[-1].entity, rule["predicate"], t.entity) for t in group
            if givers and t.entity != givers[-1].entity and in_family(t.cls, rule.get("mutual_classes", []))]


def _apply(rule: dict, view: SentenceView, ctx: DiscourseContext, clauses: list) -> list[Assertion]:
    found: list[Assertion] = []
    boundary = 0
    predicate = rule["predicate"]
    for start, _ in _occurrences(view.text, rule.get("mutual_triggers", [])):  # a joint act: 「…による共同評価」
        found.extend(_mutual(rule, view, _nearest_group(view, start, 0, rule.get("window", DEFAULT_WINDOW)), start,
                             joint=True))
    for start, end in _occurrences(view.text, rule["triggers"] + rule.get("clause_agent_triggers", [])):
        named_in = ["Organisation"] + (["AgreementLike"] if predicate in rules().get("agreement_topics", {}).get(
            "predicates", {}) else [])
        if any(t.start <= start < t.end and in_family(t.cls, named_in) for t in view.tokens):
            boundary = end
            continue  # a trigger word inside a body's name (「…傘下の地質調査・鉱山局」), or inside an agreement's
            # where it is the agreement's topic (「…の共同地質調査に関する協定」: agreement_topics reads it): no act
        classes = list(rule["object_classes"]) + (["Country"] if rule.get("compound_with_voice") else [])
        filler = re.search(rule["filler_before"], view.text[boundary:start]) if rule.get("filler_before") else None
        reach = start - (len(filler.group(0)) if filler else 0)  # 「白金族金属の世界有数の生産国」: over 世界有数の
        group = _nearest_group(view, reach, boundary, rule.get("window", DEFAULT_WINDOW), classes)
        boundary = end
        if not group:
            continue
        if rule.get("compound_with_voice") and len(group) > 1 and any(t.entity == ctx.voice for t in group):
            found.extend(Assertion(ctx.voice, predicate, t.entity) for t in group if t.entity != ctx.voice)
            continue
        mutual = _mutual(rule, view, group, start) or _by_to(rule, view, group)
        if mutual:
            found.extend(mutual)
            continue
        pair = _pair(view, start) if rule.get("pair_subject") else []
        if pair and (pair[0].end >= group[-1].end or group[-1].particle not in rule["object_particles"]):
            # 「両大臣は、日本企業が…に向けて協力することで一致」: a name inside the content is no partner
            found.extend(_between(pair, predicate, ctx.voice, rule.get("person_as_country", False)))
            continue
        if group[-1].particle not in rule["object_particles"] or not all(in_family(t.cls, rule["object_classes"]) for t in group):
            continue
        if rule.get("not_voice_object") and any(t.entity == ctx.voice for t in group):
            continue  # 「我が国への…安定供給に資する…出資」: the document's own country is what gains, not what is invested in
        if rule.get("person_as_country"):
            group = [replace(t, entity=t.country, cls="Country") if t.cls == "Person" else t for t in group]
            group = [t for t in group if t.entity and t.entity != ctx.voice]
            if not group:
                continue
        if rule.get("subject_after"):
            after = [t for t in view.tokens if end <= t.start <= end + 2 and in_family(t.cls, rule["subject_classes"])]
            found.extend(Assertion(a.entity, predicate, t.entity) for a in after[:1] for t in group)
            continue
        if rule.get("swap"):
            things = [t for t in view.tokens if group[-1].end <= t.start and t.end <= end
                      and in_family(t.cls, rule["swap_object_classes"])]
            found.extend(Assertion(s.entity, predicate, th.entity) for s in group for th in things)
            continue
        named = _nominal_agent(rule, view, group, start)
        if named is not None:  # 「東洋チタニウムによるMML社への出資」, 「MML社に対するA銀行の融資」: not the sentence's agent
            agent, group = named
            found.extend(Assertion(agent.entity, predicate, t.entity) for t in group if agent.entity != t.entity)
            continue
        if view.text.startswith(tuple(rule.get("nominal_agents", {}).get("only_triggers", ())), start):
            continue  # 「…に対する民間金融機関5行の融資」: a trigger that names its agent, here no body
        if view.text.startswith(tuple(rule.get("clause_agent_triggers", ())), start):
            # 「SMBCがCNM社に対して行う融資」: who does it is the subject of its own clause, right before the object
            # (「民間金融機関3行がWLR社に対して行う融資」: no body, so no one the sentence names lends)
            doer = next((t for t in reversed(view.tokens) if t.end <= group[0].start
                         and view.text.startswith("が", end_of(view.text, t))), None)
            if (doer is not None and in_family(doer.cls, rule["subject_classes"])
                    and "、" not in view.text[end_of(view.text, doer):group[0].start]):
                # 「A銀行、B銀行及びC銀行がX社に対して行う融資」: each bank of the list lends
                doers = [t for t in view.tokens if t.group == doer.group and in_family(t.cls, rule["subject_classes"])]
                found.extend(Assertion(d.entity, predicate, t.entity) for d in doers or [doer] for t in group
                             if d.entity != t.entity)
            continue
        # the subject of an adnominal clause acts only in it (「AとBが推進する「X」を融資」: not A or B)
        embedded = frozenset(id(a.token) for c in clauses if c.adnominal and not (c.begin <= start <= c.end)
                             for a in c.arguments if a.role == "Agent" and not a.shared)
        subject = _subject(rule, view, group[0].start, ctx, embedded)
        if rule.get("not_voice_subject") and subject == ctx.voice:
            continue  # 「本件は、日本にとって重要なLNG供給国である…」: the importer supplies nothing
        if subject == ctx.voice and "voice_object_classes" in rule \
                and sentence_agent(view, group[0].start, rule.get("subject_classes", []), embedded) is None:
            # the document's own country standing in for an actor left unsaid relates to countries, not to a
            # foreign company or ministry (that is the unnamed actor's partner: 「…KOMIRとの協力」)
            group = [t for t in group if in_family(t.cls, rule["voice_object_classes"])]
        found.extend(Assertion(subject, predicate, t.entity) for t in group if subject and subject != t.entity)
    return found


def _nominal_agent(rule: dict, view: SentenceView, group: list[Token], trigger: int
                   ) -> tuple[Token, list[Token]] | None:
    """Who acts in a verbal noun, named in its own phrase (``nominal_agents``): the body marked による right before
    its object (「東洋チタニウムによるシエラレオネ共和国法人MML社への出資」: a nationality between), or the body marked
    の right before the noun, after its object (「MML社に対する三井住友銀行の融資」: the bank lends, MML borrows)."""
    spec = rule.get("nominal_agents")
    if not spec:
        return None
    before = [t for t in view.tokens if t.end <= group[0].start and in_family(t.cls, rule["subject_classes"])]
    by = before[-1] if before and _marked(view.text, before[-1], spec["by"]) else None
    if by is not None and _closes(view.text, by, spec["by"], group[0].start) and all(
            t.cls == "Country" for t in view.tokens if by.start < t.start < group[0].start) \
            and _closes(view.text, group[-1], spec["object_particles"], trigger):  # (the phrase is the trigger's)
        return by, group
    noun = trigger + len(next((g for g in spec["genitive"] if view.text.startswith(g, trigger)), ""))  # (trigger の融資)
    agent = next((t for t in view.tokens if t.end <= trigger and in_family(t.cls, rule["subject_classes"])
                  and _closes(view.text, t, spec["genitive"], noun)), None)
    if agent is None:
        return None
    # (「三井住友銀行の融資は、…」 with no object of its own: the lender's loan told again, no one lends to the bank;
    # 「…融資部分には、NEXIの保険が付保」: NEXI insures, and not the bank named before)
    objects = [t for t in view.tokens if t.end <= agent.start and _closes(view.text, t, spec["object_particles"], agent.start)
               and in_family(t.cls, rule["object_classes"])]
    return agent, objects[-1:]


def _marked(text: str, token: Token, particles: list[str]) -> str:
    """The one of ``particles`` written right after the token's name, or ""."""
    return next((p for p in sorted(particles, key=len, reverse=True) if text.startswith(p, end_of(text, token))), "")


def _closes(text: str, token: Token, particles: list[str], position: int) -> bool:
    """Whether the token marked by one of ``particles`` runs right up to ``position`` (a nationality noun 法人 may
    stand between: 「…によるシエラレオネ共和国法人MML社への出資」)."""
    marked = _marked(text, token, particles)
    after = end_of(text, token) + len(marked)
    return bool(marked) and after <= position and re.fullmatch(r"[^、。,をがはにでとへ]*", text[after:position]) is not None


def _in_roles(clause, roles: list[str], classes: list[str]) -> list[str]:
    """The entities a clause gives one of ``roles``, of ``classes``, not mere modifiers."""
    return [a.token.entity for a in clause.arguments if a.role in roles and not a.modifier
            and in_family(a.token.cls, classes)]


@lru_cache(maxsize=1024)
def _stem(lemma: str) -> str:
    """A clause's predicate without its light verb: 共同地質調査を実施する → 共同地質調査. (Kept by lemma: every
    frame of ``clause_relations`` asks it of every clause.)"""
    for ending in rules()["clause_relations"]["light_endings"]:
        if lemma.endswith(ending) and len(lemma) > len(ending):
            return lemma[: -len(ending)]
    return lemma


def _framed(view: SentenceView, clauses: list, parts: list[Assertion],
            registered_country: Callable[[str], str] = lambda entity: "",
            home: Callable[[str], bool] = lambda entity: False, places: dict[str, str] | None = None) -> list[Assertion]:
    """Relations a clause's predicate and case roles tell (``clause_relations``): 「JOGMECは、
    同国南部のルブマ州において共同地質調査を実施します」 → JOGMEC surveysIn Tanzania; a place whose country an
    earlier sentence told (``places``: 「…同県内で共同の地質調査を実施」) stands for that country too."""
    country_of = {**(places or {}), **{a.subject: a.object for a in parts if a.predicate == "partOf"}}
    found = []
    for frame in rules()["clause_relations"]["frames"]:
        for clause in clauses:
            stem = _stem(clause.lemma)
            if (clause.negated or not (stem.endswith(tuple(frame["stems"])) or (frame.get("object_regex") and object_before(
                view.text, clause, frame["object_lemmas"], frame["object_regex"], "patterns/relations.json clause_relations")))
                    or stem.endswith(tuple(frame.get("not_stems", ())))):
                continue
            if stem.endswith(tuple(frame.get("done_only_stems", ()))) and _only_planned(view.text, clause, frame):
                continue  # 「モロッコが2030年までに…を生産する見通し」: a production aimed at supplies nothing yet
            subjects = _in_roles(clause, frame["subject_roles"], frame["subject_classes"])
            if not subjects and clause.told_by is not None and clause.planned:
                # 「AとBは、…に出資することを決定」: who decides (agrees) to do it does it
                subjects = _in_roles(clause.told_by, frame["subject_roles"], frame["subject_classes"])
            if not subjects and frame.get("head_subjects") and clause.adnominal:
                # 「MPL社に対して融資を行う三井住友銀行及びみずほ銀行」: the banks a relative clause describes lend
                subjects = [a.token.entity for a in clause.arguments
                            if a.role == "Head" and in_family(a.token.cls, frame["subject_classes"])]
            to_country = country_of if frame.get("place_to_country") else {}
            objects = [a for a in clause.arguments
                       if a.role in frame["object_roles"] and in_family(a.token.cls, frame["object_classes"])]
            # 「…鉱区の天然ガスを原料とする「…LNG事業」を運営する」: the object itself, not a name inside its modifier
            objects = [a for a in objects if not a.modifier] or objects
            objects_ids = [_country_through(a.token.entity, to_country) for a in objects]
            if not objects_ids and frame.get("head_objects") and clause.adnominal and subjects:
                # 「CCC社が…で操業するダルバンディン銅鉱山」: the project a relative clause describes is its object
                objects_ids = [a.token.entity for a in clause.arguments
                               if a.role == "Head" and in_family(a.token.cls, frame["object_classes"])]
            if frame.get("not_home_objects"):  # 「…技術者を日本に受け入れ」: where they are trained, not whose people
                objects_ids = [o for o in objects_ids if not home(o)]
            if frame.get("not_home_subjects"):  # 「日本は…を輸入」: the document's own side supplies nothing
                subjects = [e for e in subjects if not home(e)]
            if not objects_ids and frame.get("partner_roles"):
                # 「JOGMECは、同国国営石油会社プルタミナとの間で、…の共同調査を実施」: in the partner's country
                partners = [a.token.country or registered_country(a.token.entity) for a in clause.arguments
                            if a.role in frame["partner_roles"]]
                objects_ids = [c for c in partners if c and c not in frame.get("not_partner_countries", [])]
            if not objects_ids and frame.get("co_subject_countries"):
                # 「JOGMECとSNGは、…共同調査を実施する予定です」: the own side works in the country of the foreign body
                # it acts with, and so does that body
                foreign = [a.token.country or registered_country(a.token.entity) for a in clause.arguments
                           if a.role in frame["subject_roles"] and not home(a.token.entity)]
                objects_ids = [c for c in foreign if c and c not in frame.get("not_partner_countries", [])]
            # 「…JBREを通じて、TRC社に出資」: through a vehicle, the subjects invest in it and it in the object
            vehicles = [] if not frame.get("vehicle_roles") else [
                e for c in (clause, clause.told_by) if c is not None
                for e in _in_roles(c, frame["vehicle_roles"], frame["subject_classes"]) if e not in objects_ids]
            for vehicle in dict.fromkeys(vehicles):
                found.extend(Assertion(s, frame["predicate"], vehicle) for s in dict.fromkeys(subjects) if s != vehicle)
                found.extend(Assertion(vehicle, frame["predicate"], o) for o in dict.fromkeys(objects_ids) if o != vehicle)
            found.extend(Assertion(s, frame["predicate"], o) for s in dict.fromkeys(subjects)
                         for o in dict.fromkeys(objects_ids) if s != o)
    return found


def _only_planned(text: str, clause, frame: dict) -> bool:
    """Whether a clause is told as a plan or aim: planned, bounded by a date (「2030年までに」) or describing a
    plan word (「…を生産する計画」, 「…する見通し」)."""
    return (clause.planned or any(w in text[clause.begin:clause.start] for w in frame.get("plan_bounds", ()))
            or text.startswith(tuple(frame.get("plan_words", ())), clause.end))


def _country_through(place: str, wholes: dict[str, str]) -> str:
    """The country a place lies in through the places it is part of (「同国北東部のアファール州ダナキル地域」: the
    district in the province, the province in the country); the place itself where none is known."""
    seen = {place}
    while place in wholes and wholes[place] not in seen:
        place = wholes[place]
        seen.add(place)
    return place


def _described(view: SentenceView, clause, window: int, stops: str) -> str:
    """The words right after a relative clause, up to one of ``stops``: the noun it describes (「…共同調査」)."""
    return re.split(f"[{re.escape(stops)}]", view.text[clause.end:clause.end + window], maxsplit=1)[0]


def _each_pair(sides: list[str], predicate: str, home: Callable[[str], bool]) -> list[Assertion]:
    """Each pair of ``sides`` related by ``predicate``, the document's own side first, else in the order named."""
    ordered = sorted(sides, key=lambda e: (not home(e), sides.index(e)))
    return [Assertion(first, predicate, second) for i, first in enumerate(ordered) for second in ordered[i + 1:]]


def _joint_work(view: SentenceView, clauses: list, home: Callable[[str], bool]) -> list[Assertion]:
    """「JOGMECとGSSが同国東部で進めている銅の共同調査」: who a relative clause says carries out the joint work it
    describes cooperate (``clause_relations.joint_work``), the document's own side first."""
    spec = rules()["clause_relations"].get("joint_work")
    found = []
    for clause in clauses if spec else ():
        head = _described(view, clause, spec["head_window"], "、。")
        if not clause.adnominal or clause.negated or not any(word in head for word in spec["head_words"]):
            continue
        sides = list(dict.fromkeys(
            a.token.entity for a in clause.arguments if not a.modifier and not a.token.anaphor
            and (a.role == "Agent" or a.case in spec["partner_cases"]) and in_family(a.token.cls, spec["classes"])))
        if not 2 <= len(sides) <= spec["max_sides"]:
            continue
        found += _each_pair(sides, "cooperatesWith", home)
    return found


def _concluded(view: SentenceView, clauses: list) -> list[Assertion]:
    """「A社、B社及びC社の3社が、D社との間でそれぞれ締結した長期引取契約に基づき」: the parties of an agreement a
    relative clause says they concluded relate by what it is (``clause_relations.concluded``)."""
    spec = rules()["clause_relations"].get("concluded")
    found = []
    for clause in clauses if spec else ():
        if not clause.adnominal or clause.negated or not _stem(clause.lemma).endswith(tuple(spec["stems"])):
            continue
        agents = [a.token.entity for a in clause.arguments
                  if a.role in spec["agent_roles"] and in_family(a.token.cls, spec["classes"])]
        partners = [a.token.entity for a in clause.arguments if a.role in spec["partner_roles"]
                    and a.case in spec["partner_cases"] and not a.modifier and in_family(a.token.cls, spec["classes"])]
        head = _described(view, clause, spec["head_window"], "、。にをはがで")
        predicate = _agreement_relation(head) if agents and partners else ""
        found += [Assertion(a, predicate, p) for a in dict.fromkeys(agents) for p in dict.fromkeys(partners)
                  if predicate and a != p]
    return found


def _agreement_relation(text: str, agreement_cls: str = "") -> str | None:
    """The relation an agreement makes between its parties, by its class or by a word of ``text``
    (覚書 → cooperatesWith, 契約 → hasContractWith, 貸付契約 → finances: the lender, the own side named first,
    finances the borrower); "" when neither tells; None for a guarantee or insurance agreement (told by
    its own rule)."""
    spec = rules()["agreement_parties"]
    lender = next((p for word, p in spec.get("lender_words", {}).items() if word in text), "")
    if lender:
        return lender  # 「JBICは、A社との間で、…貸付契約を締結」: the lender (the own side, named first) finances A社
    if any(word in text for word in spec["not_with_words"]):
        return None
    by_class = next((p for cls, p in spec["by_class"].items() if agreement_cls and in_family(agreement_cls, [cls])), "")
    return by_class or next((p for word, p in spec["by_word"].items() if word in text), "")


def _paired(clauses: list, home: Callable[[str], bool]) -> list[Assertion]:
    """Two parties a clause names together (``pair_frames``) relate to each other."""
    found = []
    for frame in rules()["clause_relations"]["pair_frames"]:
        for clause in clauses:
            stem = _stem(clause.lemma)
            if clause.negated or not any(word in stem for word in frame["stems"]):
                continue
            cases = frame["cases"] + frame["cases_across"]
            parties = [a for a in clause.arguments if a.role in frame["roles"] and a.case in cases
                       and (frame.get("modifiers") or not a.modifier) and in_family(a.token.cls, frame["classes"])]
            # 「JOGMECは、A及びBとの間で…を締結」: each is JOGMEC's party, not the other's
            acting = [a for a in clause.arguments if a.role == "Agent" and not a.modifier and not a.token.anaphor
                      and in_family(a.token.cls, frame["classes"])]
            sides = list(dict.fromkeys(a.token.entity for a in parties))
            if (len(sides) == 1 and len(acting) == 1 and acting[0].token.entity != sides[0]
                    and any(word in stem for word in frame.get("with_agent", ()))
                    and any(a.case in frame["cases_across"] for a in parties)):
                sides = [acting[0].token.entity, sides[0]]  # 「Xは、Yとの間で…対話を開催」: X and Y hold it together
                acting = []
            if len(sides) != 2 or acting:
                continue
            across = any(a.case in frame["cases_across"] for a in parties)
            if across and home(sides[0]) == home(sides[1]):
                continue
            agreements = [a.token for a in clause.arguments if in_family(a.token.cls, ["AgreementLike"])]
            predicate = _agreement_relation("".join(t.surface for t in agreements),
                                            agreements[0].cls if agreements else "")
            if predicate is None:
                continue
            predicate = predicate or "cooperatesWith"
            first, second = sorted(sides, key=lambda e: (not home(e), sides.index(e)))
            found.append(Assertion(first, predicate, second))
    return found


def _joint(clauses: list, home: Callable[[str], bool]) -> list[Assertion]:
    """「JOGMECはマラウイ地質調査局と共同で、…を行います」: who acts cooperates with whom it acts jointly with
    (``joint_frames``), the document's own side first."""
    frame = rules()["clause_relations"]["joint_frames"]
    found = []
    for clause in clauses:
        if clause.negated:
            continue
        agents = [a.token.entity for a in clause.arguments if a.role == "Agent" and not a.modifier
                  and in_family(a.token.cls, frame["classes"])]
        partners = [a.token.entity for a in clause.arguments if a.case in frame["cases"]
                    and in_family(a.token.cls, frame["classes"])]
        for agent in dict.fromkeys(agents):
            for partner in dict.fromkeys(partners):
                if agent != partner:
                    first, second = sorted((agent, partner), key=lambda e: not home(e))
                    found.append(Assertion(first, "cooperatesWith", second))
    return found


def _joint_subjects(view: SentenceView, clauses: list, home: Callable[[str], bool]) -> list[Assertion]:
    """「経済産業省とADNOCは、…を拡大することで合意しました」, 「AとBは、…を共同で支援しています」: two bodies or
    countries listed together as who acts in a clause of agreeing or of joint work (``subject_pair_frames``)
    relate to each other, the document's own side first."""
    frame = rules()["clause_relations"].get("subject_pair_frames")
    found = []
    for clause in clauses if frame else []:
        stem = _stem(clause.lemma)
        told = view.text[clause.begin:clause.end]
        if clause.negated or clause.adnominal or not (stem.endswith(tuple(frame["stems"])) or stem.startswith(tuple(frame["stem_prefixes"]))
                                  or any(word in told for word in frame["joint_words"])):
            continue
        agents = [a.token for a in clause.arguments if a.role == "Agent" and not a.modifier and not a.implicit
                  and not a.token.anaphor and in_family(a.token.cls, frame["classes"])]
        sides = list(dict.fromkeys(t.entity for t in agents))
        if not 2 <= len(sides) <= frame.get("max_sides", 2) or len({t.group for t in agents}) != 1 or agents[0].group < 0:
            continue
        found += _each_pair(sides, frame["predicate"], home)  # 「日本、中国及び韓国の3か国は、…を確認」: each pair
    return found


def _diversification(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    """Where the document's own country seeks new sources (``diversification``): the countries or regions
    named as new suppliers (「モザンビークやコロンビアなどの新たな供給国における…」, 「欧州における新たな供給源の
    確保」); and the country of a release's own deal where the release says the deal diversifies supply
    (「本件は、調達先の多角化に資するものです」: the first foreign country it named)."""
    spec = rules().get("diversification")
    if not spec or not ctx.voice or not any(w in view.text for w in spec["words"]):
        return []
    targets = [g for g in view.groups() if all(in_family(t.cls, spec["target_classes"]) and t.entity != ctx.voice for t in g)]
    found = [Assertion(ctx.voice, spec["predicate"], t.entity) for g in targets
             if view.text.startswith(tuple(spec["target_links"]), end_of(view.text, g[-1])) or _sought(view, g, spec)
             for t in g]
    if not found and ctx.lead_foreign and re.search(spec["own_deal_regex"], view.text):
        found.append(Assertion(ctx.voice, spec["predicate"], ctx.lead_foreign))
    role = re.search(spec.get("role_regex", "(?!)"), view.text)
    if not found and role is not None:
        # 「ボリビアは調達先の多角化の観点から重要」, 「同国を中東以外の重要な供給源として位置付け」: the country the
        # sentence says is important so, as its topic or object
        named = [t for t in view.tokens if t.end <= role.start() and t.particle in spec["role_particles"]
                 and in_family(t.cls, spec["target_classes"]) and t.entity != ctx.voice]
        # 「カザフスタンやウズベキスタン等の中央アジア諸国を新たな供給源と位置付け」: the region and the countries
        # given as its examples
        examples = [t for g in view.groups() for t in g if named and view.text[end_of(view.text, g[-1]):named[-1].start] == "の"
                    and all(in_family(u.cls, spec["target_classes"]) and u.entity != ctx.voice for u in g)]
        found.extend(Assertion(ctx.voice, spec["predicate"], t.entity) for t in examples + named[-1:])
    return found


def _sought(view: SentenceView, group: list[Token], spec: dict) -> bool:
    """Whether procurement from a group diversifies supply (「ガーナからの調達は、…多角化にもつながる」: 'source_regex'),
    or the group is named right after the aim (「多角化に向けてマダガスカルとの協力」: 'lead_regex', 'lead_followers')."""
    end = end_of(view.text, group[-1])
    if spec.get("source_regex") and re.match(spec["source_regex"], view.text[end:]):
        return True
    return bool(spec.get("lead_regex") and re.search(spec["lead_regex"], view.text[:group[0].start])
                and view.text.startswith(tuple(spec.get("lead_followers", ())), end))


def _pair(view: SentenceView, before: int) -> list[Token]:
    """The last pair anaphor before ``before`` marked as who acts (両大臣は, 双方は): two mentions on one span; not
    one marked as where something happens ('pair_not_particles': 「両国では、…閣僚等と会談を行いました」)."""
    spans: dict[tuple[int, int], list[Token]] = {}
    particles = set(rules()["subject_particles"]) - set(rules().get("pair_not_particles", ()))
    for t in view.tokens:
        if t.anaphor and t.end <= before and t.particle in particles:
            spans.setdefault((t.start, t.end), []).append(t)
    pairs = [ts for _, ts in sorted(spans.items()) if len(ts) == 2]
    return pairs[-1] if pairs else []


def _between(group: list[Token], predicate: str, voice: str, as_country: bool) -> list[Assertion]:
    """「両大臣は…協力することで一致」: the two (the countries of two ministers) relate to each other,
    the document's own side first, else the one named first (a release names its own side first)."""
    sides = [t.country if as_country and t.cls == "Person" else t.entity for t in reversed(group)]
    sides = sorted(dict.fromkeys(s for s in sides if s), key=lambda s: s != voice)
    return [Assertion(sides[0], predicate, sides[1])] if len(sides) == 2 else []


def find_relations(view: SentenceView, ctx: DiscourseContext, clauses: list | None = None) -> list[Assertion]:
    """Every relation the sentence states between two entities."""
    found: list[Assertion] = []
    # 「キプロス南方沖の排他的経済水域」: a name the registry gives another country's place (Japan's EEZ) is not this one
    parts = [a for a in parts_of(view) if not (a.object.startswith("country-") and ctx.country_of(a.subject) not in ("", a.object))]
    framed = _framed(view, clauses or [], parts, ctx.country_of, ctx.home, ctx.places) + _paired(clauses or [], ctx.home)
    for part in (a for a in parts if a.predicate == "partOf"):  # ボニー島 in リバーズ州, in Nigeria: in Nigeria
        country = part.object if part.object.startswith("country-") else ctx.places.get(part.object, "")
        if country:
            ctx.places[part.subject] = country
    # where a clause frame reads a predicate, its reading stands for the surface rules' of that predicate
    read = {a.predicate for a in framed}
    for rule in rules()["relations"]:
        if rule["predicate"] not in read:
            found.extend(_apply(rule, view, ctx, clauses or []))
    found.extend(framed)
    found.extend(subsidiaries(view))
    found.extend(_concluded(view, clauses or []))
    found.extend(_joint_work(view, clauses or [], ctx.home))
    found.extend(_joint(clauses or [], ctx.home))  # beside the surface rules: it reads the case, not the predicate
    found.extend(_joint_subjects(view, clauses or [], ctx.home))
    found.extend(_diversification(view, ctx))
    found.extend(_chokepoints(view, ctx))
    found.extend(parts)
    found.extend(_capitals(view, ctx))
    found.extend(_offtakes(view, ctx))
    found.extend(_ranked_suppliers(view, ctx))
    found.extend(_based_on(view))
    found.extend(_stakes(view))
    found.extend(_company_shares(view))
    found.extend(_operators(view, ctx.project))
    ctx.project = _project_told_of(view, ctx.project)
    return _insured_projects(view, ctx, found)


def _project_told_of(view: SentenceView, before: str) -> str:
    """The project a sentence tells of, for the sentences after it: its topic (「本プロジェクトは、…ガス田から…」),
    else the last one it names, else the one told of before."""
    projects = [t for t in view.tokens if in_family(t.cls, rules()["operators"]["project_classes"])]
    topic = [t for t in projects if t.particle in rules()["operators"].get("told_of_particles", ())]
    return (topic or projects[-1:])[0].entity if projects else before


def _insured_projects(view: SentenceView, ctx: DiscourseContext, found: list[Assertion]) -> list[Assertion]:
    """「民間金融機関の融資部分には、NEXIが海外事業資金貸付保険を付保します」, 「NEXIは、…がX社に対して行う融資について、
    保険の引受を決定」: the insurer covers a lender's part of the financing of the project the sentence names (else
    the one the document named last), not the borrower or the bank ('insured_projects')."""
    spec = rules().get("insured_projects")
    words = next((r["triggers"] for r in rules()["relations"] if spec and r["predicate"] == spec["predicate"]), [])
    trigger = next((s for s, _ in _occurrences(view.text, words)), None)
    if trigger is None or not any(w in view.text[:trigger] for w in spec["financing_words"]):
        return found
    insurers = [t for t in view.tokens if t.end <= trigger and in_family(t.cls, spec["insurer_classes"])
                and _marked(view.text, t, spec["insurer_particles"])]
    if not insurers and ctx.issuer is not None and in_family(ctx.issuer.cls, spec["insurer_classes"]):
        insurers = [ctx.issuer]  # the release's issuer, who acts where the sentence names no one
    projects = [t.entity for t in view.tokens if in_family(t.cls, spec["project_classes"])][:1] or \
        ([ctx.project] if ctx.project else [])
    if not insurers or not projects:
        return found
    insurer = insurers[-1].entity
    kept = [a for a in found if not (a.predicate == spec["predicate"] and a.subject == insurer)]
    return kept + [Assertion(insurer, spec["predicate"], projects[0])]


def agreement_parties(view: SentenceView, events: list, home: Callable[[str], bool]) -> list[Assertion]:
    """「JOGMECは、ADNOCとの間で、…共同調査に関する覚書を締結」: the bodies that sign a memorandum or an
    agreement with each other cooperate; those that sign a contract hold it with each other. The
    document's own side (``home``) is the subject, else the party named first."""
    spec = rules()["agreement_parties"]
    order = {t.entity: i for i, t in reversed(list(enumerate(view.tokens)))}
    classes = {t.entity: t.cls for t in view.tokens}
    found = []
    for event in events:
        if event.type not in spec["types"] or any(p.implicit for p in event.participants):
            continue  # 「ADB及びERIAと…覚書に署名」: each signed with the side left unsaid, not with each other
        role = spec.get("party_roles", {}).get(event.type, "Signatory")
        parties = sorted({p.entity for p in event.participants if p.role == role and not p.implicit
                          and p.entity in order and in_family(classes[p.entity], spec["party_classes"])},
                         key=lambda e: (not home(e), order[e]))
        about = next((classes[a] for a in event.about if a in classes), "")
        predicate = _agreement_relation(view.text, about)
        if len(parties) < 2 or not predicate:
            continue
        found += [Assertion(parties[0], predicate, other) for other in parties[1:]]
    return found


def agreement_topics(view: SentenceView, events: list, home: Callable[[str], bool],
                     country_of: Callable[[str], str], label_of: Callable[[str], str] = lambda e: "") -> list[Assertion]:
    """「JOGMECは、ADNOCとの間で、アブダビ沖合の鉱区における共同調査に関する覚書を締結」: an agreement
    about a survey (or training…) signed by the document's own side with a foreign party relates the own
    side to the foreign party's country as the topic's frame says (surveysIn)."""
    spec = rules().get("agreement_topics")
    if not spec:
        return []
    names = {t.entity: t.surface for t in view.tokens}
    classes = {t.entity: t.cls for t in view.tokens}
    found = []
    roles = rules()["agreement_parties"].get("party_roles", {"Signing": "Signatory"})
    for event in events:
        if event.type not in roles:
            continue  # a signing, or the revision of an agreement by its parties
        # the agreement's own name where the sentence calls it otherwise (本覚書, a name given earlier); with no
        # agreement named, the words of a contract the sentence signs (「…における新たな共同探鉱契約を締結」)
        topic = "".join(names.get(a, "") or label_of(a) for a in event.about) or "".join(
            m.group(0) for m in re.finditer(spec.get("unnamed_agreement_regex", "(?!)"), view.text))
        predicate = next((p for p, stems in spec["predicates"].items() if any(w in topic for w in stems)), "")
        if not predicate:
            continue
        signers = [p.entity for p in event.participants if p.role == roles[event.type] and not p.implicit]
        own = [e for e in signers if home(e) and in_family(classes.get(e, ""), spec["subject_classes"])]
        # where the sentence names the country the work is in (「タンザニア連合共和国マサシ地域における…契約」), that
        # country, not the partner's own (a Canadian company exploring in Tanzania)
        wholes = {a.subject: a.object for a in parts_of(view) if a.object.startswith("country-")}
        located = sorted({t.entity for t in view.tokens if t.cls == "Country" and t.particle in spec["place_particles"]
                          and not home(t.entity)}
                         | {wholes.get(t.entity) or country_of(t.entity) for t in view.tokens if t.cls == "Place"
                            and t.particle in spec["place_particles"]} - {""})
        abroad = located or sorted(c for c in {country_of(e) for e in signers if not home(e)} - {""} if not home(c))
        found += [Assertion(o, predicate, c) for o in own for c in abroad]
    return found


def meeting_parties(events: list, voice: str, country_of: Callable[[str], str] = lambda e: "",
                    text: str = "") -> list[Assertion]:
    """「第1回日・クウェート・エネルギー政策対話が開催され」: the two countries of a bilateral dialogue or
    ministerial meeting (its participants, the parties its name gives, the countries of the ministers who
    meet, where the sentence tells what they agreed: 「X大臣は、カザフスタン共和国のY大臣と会談し、…協力する
    ことで一致」) cooperate, the document's own side the subject."""
    spec = rules().get("meeting_parties")
    if not spec or not voice:
        return []
    agreed = any(word in text for word in spec.get("people_agreement_words", []))
    found = []
    for event in events:
        if event.type not in spec["types"]:
            continue
        countries = {p.entity if p.entity.startswith(spec["country_prefix"]) else (country_of(p.entity) if agreed else "")
                     for p in event.participants if not p.implicit and p.role in spec["roles"]} - {""}
        if len(countries) == 2 and voice in countries:
            found += [Assertion(voice, spec["predicate"], other) for other in sorted(countries - {voice})]
    return found


def venues(view: SentenceView, events: list, told: list, voice: str, country_of: Callable[[str], str],
           section_country: str = "") -> list[Assertion]:
    """「13日、A副大臣は、コペンハーゲンにおいて、デンマークのB大臣と会談」 on a trip to Denmark: a place the
    registry does not know where an event is held, on a day of a visit the document tells, lies in the visited
    country the event's foreign side is of; where it names no foreign side of a known country, in the one the
    headings it stands under name, else in the only country visited that day."""
    spec = rules().get("venues")
    if not spec or not voice:
        return []
    places = {t.entity for t in view.tokens if in_family(t.cls, spec["place_classes"]) and t.entity.startswith("candidate-")}
    found = []
    for event in events:
        # (a White Paper dates a visit and its talks by the month: 「2025年7月には、A大臣が豪州を訪問し、キャンベラにおいて…」)
        if event.type not in spec["event_types"] or not places & set(event.location) or len(event.start) not in (7, 10):
            continue
        visited = {p.entity for e in [*told, *events] if e.type in spec["visit_types"]
                   and len(e.start) == len(event.start) and e.start <= event.start <= (e.end or e.start)
                   for p in e.participants if p.role in spec["host_roles"] and p.entity.startswith("country-")} - {voice}
        sides = {p.entity if p.entity.startswith("country-") else country_of(p.entity)
                 for p in event.participants if not p.implicit} - {voice, ""}
        country = next(iter(sides)) if len(sides) == 1 else (
            "" if sides else section_country or (next(iter(visited)) if len(visited) == 1 else ""))
        if country in visited:
            found += [Assertion(place, spec["predicate"], country) for place in event.location if place in places]
    return found


def co_organisers(view: SentenceView, events: list, home: Callable[[str], bool]) -> list[Assertion]:
    """「在ボツワナ日本国大使館とボツワナ投資貿易センターが共催した「…フォーラム」」: two bodies or countries (not
    people) that organise one event together cooperate, the document's own side first."""
    spec = rules().get("co_organisers")
    if not spec:
        return []
    classes = {t.entity: t.cls for t in view.tokens}
    found = []
    for event in events:
        bodies = [p.entity for p in event.participants if not p.implicit and p.role in spec["roles"]
                  and p.entity in classes and in_family(classes[p.entity], spec["party_classes"])]
        if len(bodies) == 2:
            found += _each_pair(bodies, spec["predicate"], home)
    return found


def co_lenders(view: SentenceView, last_borrower: str = "", last_lender: str = "") -> list[Assertion]:
    """「WLR社に対する融資は、JBIC、EFA並びに…銀行の民間金融機関3行による協調融資で」: each body named between
    the borrower's loan and the co-financing lends to the borrower; 「本融資は、A及びBとの協調融資により実施」: the
    loan told before ('loan_anaphors'), to ``last_borrower``; and A and B, the loan's partners ('partner_cases'),
    each cooperate with whose loan it is (``last_lender``; 「SMBCの融資は、…との協調融資」: SMBC)."""
    spec = rules().get("co_lenders")
    marker = min((i for i in (view.text.find(m) for m in spec["markers"]) if i >= 0), default=-1) if spec else -1
    if marker < 0:
        return []
    named = next((t for t in view.tokens if t.end <= marker
                  and view.text.startswith(tuple(spec["borrower_phrases"]), end_of(view.text, t))), None)
    anaphor = min(((i, len(w)) for w in spec.get("loan_anaphors", []) for i in [view.text.find(w, 0, marker)] if i >= 0),
                  default=None)
    # 「三井住友銀行の融資は、JBICとの協調融資によるもの」: a lender's loan told before, named by its lender
    lender_loan = next((t for t in view.tokens if t.end <= marker and in_family(t.cls, spec["lender_classes"])
                        and view.text.startswith(tuple(spec.get("lender_loans", ())), end_of(view.text, t))), None)
    if anaphor is None and lender_loan is not None:
        anaphor = (lender_loan.start, end_of(view.text, lender_loan) - lender_loan.start)
    if named is not None:
        borrower, after = named.entity, named.end
    elif anaphor is not None and last_borrower:
        borrower, after = last_borrower, sum(anaphor)
    else:
        return []
    lenders = list(dict.fromkeys(t.entity for t in view.tokens if after < t.start and t.end <= marker
                                 and in_family(t.cls, spec["lender_classes"]) and t.entity != borrower))
    found = [Assertion(lender, spec["predicate"], borrower) for lender in lenders]
    whose = lender_loan.entity if lender_loan is not None else last_lender if named is None else ""
    if whose and view.text[:marker].endswith(tuple(spec.get("partner_cases", ()))):
        found += [Assertion(lender, spec["partner_predicate"], whose) for lender in lenders if lender != whose]
    return found


def _projects(view: SentenceView, spec: dict) -> list[Token]:
    return [t for t in view.tokens if in_family(t.cls, spec["project_classes"])]


def _owned_companies(view: SentenceView, spec: dict) -> list[Token]:
    """「DAC社の出資後の持分比率は、OHCが51%、…」, 「SPL社は、…事業会社で、出資比率はA社が50%、…」: with no
    project named, the company whose ownership the sentence breaks down (named before its stake word, or the
    sentence's topic where one of the stake words stands alone, or where the breakdown describes it:
    「ENT社は、Aが51%、Bが30%…を出資する事業会社です」)."""
    owned = spec.get("owned_companies")
    if not owned:
        return []
    regex = _owned_regex(owned["before_stake"])
    named = [t for t in view.tokens if in_family(t.cls, owned["classes"]) and regex.match(view.text, t.end)]
    if named:
        return named[:1]
    # 「本プロジェクトの事業会社であるLLC社には、KEH社が50%、…を出資しており」: the company the shares go to
    taker = next((t for t in view.tokens if t.particle in owned.get("recipient_particles", ())
                  and in_family(t.cls, owned["classes"])), None)
    if taker is not None and owned.get("invested_regex") and _owned_regex(owned["invested_regex"]).search(view.text):
        return [taker]
    topic = next((t for t in view.tokens if t.particle in owned["topic_particles"]), None)
    alone = any(w in view.text for w in owned["breakdown_words"]) or bool(
        owned.get("described_by") and _owned_regex(owned["described_by"]).search(view.text))
    return [topic] if alone and topic is not None and in_family(topic.cls, owned["classes"]) else []


@lru_cache(maxsize=4)
def _owned_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _stakes(view: SentenceView) -> list[Assertion]:
    """「本プロジェクトには、A社が55%、B社が25%、C政府が20%を出資」: each holder named right before
    its share invests in the project the sentence is about."""
    spec = rules()["stakes"]
    owned = _owned_companies(view, spec)
    # a company named right before its ownership breakdown is what the shares are of, before any project
    projects = (owned if owned and owned[0].particle != "は" else []) or _projects(view, spec) or owned
    if not projects or not any(w in view.text for w in spec["triggers"]):
        return []
    found = []
    stake_words = tuple(spec.get("stake_words", []))
    for q in view.quantities:
        if q.unit != "%":
            continue
        holders = view.groups_right_before(q.span[0], spec["holder_particles"], spec["holder_classes"])
        before = view.text[:q.span[0]].rstrip("のは約")
        word = next((w for w in stake_words if before.endswith(w)), "")
        if word and before[:-len(word)].rstrip("の").endswith(tuple(spec.get("not_project_before", []))):
            continue  # 「あさひ金属が同社株式の49%を」: a share of a company, not of the project
        if not holders and word:
            bracket = view.text.rfind("(", 0, q.span[0])
            named = [t for t in view.tokens if bracket > 0 and t.end == bracket and in_family(t.cls, spec["holder_classes"])
                     and ")" not in view.text[bracket:q.span[0]]]
            # 「シエラ・ガス社（権益60%）」: the name before the bracket; 「JML社は本プロジェクトの権益15%を保有」: who holds;
            # 「ADNOCがA社に対して…油田の権益10%を付与」: who is granted it
            granted = [t for t in view.tokens if t.end <= q.span[0] and t.particle in spec.get("recipient_particles", [])
                       and in_family(t.cls, spec["holder_classes"])] \
                if view.text.startswith(tuple(spec.get("grant_words", [])), q.span[1]) else []
            agent = named[-1] if named else (granted[-1] if granted else sentence_agent(view, q.span[0], spec["holder_classes"]))
            holders = [[agent]] if agent is not None else []
        for group in holders[-1:]:
            project = next((p for p in projects if all(p.entity != t.entity for t in group)), None)
            found += [Assertion(t.entity, spec["predicate"], project.entity) for t in group if project is not None]
    return found


def _company_shares(view: SentenceView) -> list[Assertion]:
    """「白鳳商事は…MPL社の株式の25%を取得しており、残りの75%はBM社が保有しています」: who takes or holds
    a share of a company's stock (``stakes.company_shares``) invests in that company: the sentence's subject
    for the share its clause tells, the holder named after 「残りの」 for the rest."""
    spec = rules()["stakes"].get("company_shares")
    if not spec:
        return []
    classes = rules()["stakes"]["holder_classes"]
    regex = _owned_regex(spec["share_regex"])
    owned = next((t for t in view.tokens if in_family(t.cls, spec["company_classes"]) and regex.match(view.text, t.end)), None)
    subject = sentence_agent(view, owned.start, classes) if owned is not None else None
    if owned is None or (subject is not None and subject.entity == owned.entity):
        return []  # 「A社は同社の株式の…」 read as A's own stock: the anaphor is taken wrongly, nothing is told
    found = []
    for q in view.quantities:
        if q.unit != "%" or q.span[0] < owned.end:
            continue
        if view.text[:q.span[0]].endswith(tuple(spec["remainder_words"])):
            end = min((i for i in (view.text.find(w, q.span[1]) for w in spec["holding_words"]) if i > 0), default=-1)
            holders = [t for t in view.tokens if q.span[1] <= t.start and t.end <= end and t.particle == "が"
                       and in_family(t.cls, classes)][-1:]
        else:  # 「北辰鉱業とあけぼの商事は、同社の株式をそれぞれ30%及び10%取得し」: each of the subject's list
            holders = [t for t in view.tokens if subject is not None and (t is subject or (
                t.group == subject.group >= 0 and t.particle == subject.particle))]
        found += [Assertion(t.entity, rules()["stakes"]["predicate"], owned.entity) for t in holders
                  if t.entity != owned.entity]
    return found


def _operators(view: SentenceView, last_project: str = "") -> list[Assertion]:
    """「CSE社がオペレーターを務めます」, 「本プロジェクトのオペレーターであるV社」: who operates the project;
    「(本プロジェクトの)オペレーターは引き続きX社が務めます」, 「オペレーターを務めるAP社」: the one the sentence names,
    else the last one the document named (``last_project``)."""
    spec = rules()["operators"]
    projects = _projects(view, spec)
    found = []
    for word in spec["words"]:
        for m in re.finditer(re.escape(word), view.text):
            before = [t for t in view.tokens if t.end <= m.start()
                      and view.text[end_of(view.text, t):m.start()] in spec["operator_particles"]]
            of = [t for t in view.tokens if view.text[end_of(view.text, t):m.start()] == "の" and t in projects]
            after = [t for t in view.tokens if any(view.text.startswith(link, m.end()) and t.start == m.end() + len(link)
                                                    for link in spec["apposition_links"] + spec.get("acting_links", []))]
            told = re.match(spec.get("operator_after_regex", "(?!)"), view.text[m.end():])
            bearer = next((t for t in view.tokens if told and t.start >= m.end() + told.end()
                           and in_family(t.cls, spec["operator_classes"]) and t.particle == "が"
                           and view.text.startswith(tuple(spec["duty_verbs"]), end_of(view.text, t) + 1)), None)
            project = of[-1].entity if of else (projects[0].entity if projects else last_project)
            if of and after:  # 「PのオペレーターであるX」
                found.append(Assertion(after[0].entity, spec["predicate"], of[-1].entity))
            elif after and project and view.text.startswith(tuple(spec.get("acting_links", ())), m.end()) \
                    and in_family(after[0].cls, spec["operator_classes"]):  # 「オペレーターを務めるAP社」
                found.append(Assertion(after[0].entity, spec["predicate"], project))
            elif bearer is not None and project and bearer.entity != project:  # 「オペレーターはX社が務めます」
                found.append(Assertion(bearer.entity, spec["predicate"], project))
            elif before and projects and in_family(before[-1].cls, spec["operator_classes"]):
                project = next((p for p in projects if p.entity != before[-1].entity), None)
                if project is not None:
                    found.append(Assertion(before[-1].entity, spec["predicate"], project.entity))
    # 「本鉱山の操業は、引き続きBM社が担います」: who bears the project's operation operates it
    for m in re.finditer(spec["duty_regex"], view.text) if spec.get("duty_regex") else ():
        of = [t.entity for t in projects if end_of(view.text, t) == m.start()]
        if not of and last_project and view.text.endswith(tuple(spec.get("duty_generic_heads", ())), 0, m.start()):
            of = [last_project]  # 「鉱山の操業はCSR社が担います」: the mine of the project the document tells of
        who = [t for t in view.tokens if t.start >= m.end() and t.particle == "が"
               and view.text.startswith(tuple(spec["duty_verbs"]), end_of(view.text, t) + 1)]
        if of and who and in_family(who[0].cls, spec["operator_classes"]) and who[0].entity != of[-1]:
            found.append(Assertion(who[0].entity, spec["predicate"], of[-1]))
    return found


def _chokepoints(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    """「チョークポイントであるホルムズ海峡」: a chokepoint for the importing country; 「ホルムズ海峡を経由して輸送」: one
    the document's own country's supply passes (or avoids)."""
    spec = rules()["chokepoint"]
    found = []
    for start, end in _occurrences(view.text, spec["markers"]):
        places = [t for t in view.tokens if end <= t.start <= end + 2 and in_family(t.cls, spec["place_classes"])]
        importer = sentence_agent(view, start, spec["importer_classes"])
        importer_id = importer.entity if importer is not None else ctx.voice
        found.extend(Assertion(p.entity, spec["predicate"], importer_id) for p in places[:1] if importer_id)
    for group in view.groups() if ctx.voice else ():
        # 「ホルムズ海峡やマラッカ海峡を経由しない」: passed or avoided, a chokepoint of the voice's supply
        after = end_of(view.text, group[-1])
        # 「ホルムズ海峡やマラッカ海峡といったチョークポイントを経由せず」: the class noun that sums the list up
        summed = re.match(spec.get("summing_regex", "(?!)"), view.text[after:])
        after += summed.end() if summed else 0
        if (view.text.startswith(tuple(spec.get("transit_words", ())), after)
                and all(in_family(t.cls, spec["transit_classes"]) for t in group)):
            found.extend(Assertion(t.entity, spec["predicate"], ctx.voice) for t in group)
    return found


def parts_of(view: SentenceView) -> list[Assertion]:
    """「南アフリカ共和国・ケープタウン」: a place written after the country it lies in;
    「産総研地質調査総合センター」: a unit written right after its body."""
    seas = tuple(rules().get("not_part_endings", ()))  # 「同国北部沖合の地中海」: a sea lies off a country, not in it
    names = {t.entity: t.surface for t in view.tokens}
    return [Assertion(part, predicate, whole) for whole, predicate, part in _adjacent(view, rules()["part_of"])
            if not (seas and names.get(part, "").endswith(seas))]


def subsidiaries(view: SentenceView) -> list[Assertion]:
    """「双葉商事株式会社の100%子会社であるFNG社」: the parent invests in the company it wholly owns."""
    return [Assertion(parent, predicate, child) for parent, predicate, child in
            _adjacent(view, rules().get("subsidiaries", []))]


def _adjacent(view: SentenceView, specs: list[dict]) -> list[tuple[str, str, str]]:
    """(first, predicate, second) for each two names a spec's words join, the first of its 'whole_classes', the
    second of its 'part_classes' (and those listed right after the second)."""
    found = []
    # a name may hold another at its start (「アタカマ州における…覚書」): both stand right after the name before
    pairs = [(i, left, right) for i, left in enumerate(view.tokens[:-1])
             for right in view.tokens[i + 1:] if right.start == view.tokens[i + 1].start]
    for spec in specs:
        if spec.get("part_first"):
            found += _part_glossed(view, pairs, spec)
            continue
        for i, left, right in pairs:
            if (in_family(left.cls, spec["whole_classes"]) and in_family(right.cls, spec["part_classes"])
                    and right.start >= left.end and _joins(spec, view.text[end_of(view.text, left)
                                                                        if spec.get("after_gloss") else left.end:right.start])
                    and left.entity != right.entity
                    and not (spec.get("new_parts_only") and not right.entity.startswith("candidate-"))):
                found += [(left.entity, spec["predicate"], part.entity)
                          for part in [right, *_listed_after(view, i + 1, spec)]]
    return found


def _part_glossed(view: SentenceView, pairs: list[tuple[int, Token, Token]], spec: dict) -> list[tuple[str, str, str]]:
    """「七尾基地（石川県）」, 「…研究所（秋田県小坂町）」: a part glossed in brackets with the whole it lies in, which
    closes the brackets ('part_first': the part is written first, 'closed_by' ends the gloss)."""
    found = []
    for i, left, right in pairs:
        if not (in_family(left.cls, spec["part_classes"]) and in_family(right.cls, spec["whole_classes"])
                and _joins(spec, view.text[left.end:right.start]) and left.entity != right.entity):
            continue
        last = right  # 「（秋田県小坂町）」: the town the gloss names last, in the prefecture before it
        for token in view.tokens[i + 2:]:
            if token.start != last.end or not in_family(token.cls, spec["whole_classes"]):
                break
            last = token
        if view.text.startswith(spec["closed_by"], last.end):
            found.append((last.entity, spec["predicate"], left.entity))
    return found


def _listed_after(view: SentenceView, first: int, spec: dict) -> list[Token]:
    """The names of the part's class listed right after the token at ``first`` (「フフイ州及びサルタ州」)."""
    listed, last = [], view.tokens[first]
    for token in view.tokens[first + 1:]:
        if view.text[last.end:token.start] not in spec.get("coordinated", ()) or not in_family(token.cls, spec["part_classes"]):
            break
        listed.append(last := token)
    return listed


def _offtakes(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    """「生産されるLNGのうち年間約80万トンが日本向けに供給される予定です」, 「生産される…の約3割を東邦メタルが引き取り」:
    a resource told produced and shipped to the document's own country, or taken off by its company, is supplied by
    the country it is produced in: the one foreign country the sentence names (a place's country counts), else the
    country of a project it names, else the foreign country the document named last."""
    spec = rules().get("offtakes")
    shipped = re.search(spec["regex"], view.text) if spec and ctx.voice else None
    if (shipped is None or not re.search(spec["produced"], view.text) or _prospect_after(view.text, shipped.end(), spec)
            or re.search(spec["conditional"], view.text[:shipped.start()])):
        return []
    named = [t for t in view.tokens if in_family(t.cls, spec["object_classes"]) and t.end <= shipped.start()]
    # the resources shipped: the last one named before the shipment, with those listed with it (「ニッケル及びコバルト」)
    resources = list(dict.fromkeys(t.entity for t in named if t.group == named[-1].group))
    foreign = ({t.entity for t in view.tokens if t.cls == "Country"}
               | {ctx.places[t.entity] for t in view.tokens if t.entity in ctx.places}) - {ctx.voice}
    if not resources or len(foreign) > 1:
        return []
    sites = [ctx.places.get(t.entity) or ctx.country_of(t.entity) for t in view.tokens if t.cls == "Project"]
    country = next(iter(foreign), "") or next((c for c in sites if c), "") or ctx.last_foreign()
    return [Assertion(country, spec["predicate"], r) for r in resources] if country and country != ctx.voice else []


def _ranked_suppliers(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    """「カタールは、我が国にとってインドネシア、マレーシア、豪州に次ぐ第4位のLNG供給国です」, 「赤道ギニアは、ナイジェリア、
    アンゴラに次ぐ…第3位の産油国」: the countries a supplier ranks after supply the resource too, and so does the
    country the sentence is about ('ranked_suppliers': the supplier words, some naming their resource)."""
    spec = rules().get("ranked_suppliers")
    found: list[Assertion] = []
    for start, end in _occurrences(view.text, [spec["marker"]]) if spec else ():
        ahead = view.text[end:end + spec["window"]]
        word = next((w for w in sorted(spec["words"], key=len, reverse=True) if w in ahead), None)
        ranked = [g for g in view.groups() if end_of(view.text, g[-1]) == start and all(t.cls == "Country" for t in g)]
        if word is None or not ranked:
            continue
        at = end + ahead.index(word)
        resources = [t.entity for t in view.tokens if t.cls == "Resource" and end <= t.start and t.end <= at
                     and view.text[t.end:at] in ("", "の")] or ([spec["words"][word]] if spec["words"][word] else [])
        subject = sentence_agent(view, start, ["Country"])
        countries = [t.entity for t in ranked[0]] + ([subject.entity] if subject is not None else [])
        found += [Assertion(c, "supplies", r) for c in countries if c != ctx.voice for r in resources]
    return found


def _prospect_after(text: str, position: int, spec: dict) -> bool:
    """Whether a word of prospect (the supply readers' 'prospect_words': の実現, の可能性, に期待…) follows within
    'hoped_within' characters of ``position``: 「日本向けの供給の実現に期待」 tells a supply hoped for."""
    words = load_patterns("measures")["supply"]["prospect_words"]
    ahead = text[position:position + spec["hoped_within"] + max(map(len, words))]
    return any(0 <= ahead.find(w) <= spec["hoped_within"] for w in words)


def _capitals(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    """「首都リロングウェにおいて、…」 with no country written before 首都: the capital of the foreign country the
    sentence names (the only one), else of the one the document named last."""
    spec = rules().get("capitals")
    if not spec:
        return []
    foreign = sorted({t.entity for t in view.tokens if t.cls == "Country" and t.entity != ctx.voice and not t.anaphor})
    country = foreign[0] if len(foreign) == 1 else ("" if foreign else ctx.last_foreign())
    found = []
    for t in view.tokens:
        word = next((w for w in spec["words"] if view.text.endswith(w, 0, t.start)), "")
        start = t.start - len(word)
        if not word or not in_family(t.cls, spec["part_classes"]) or not t.entity.startswith("candidate-"):
            continue
        if any(u.cls == "Country" and u.end in (start, start - 1) for u in view.tokens):
            continue  # 「タンザニアの首都ドドマ」: the country is written (parts_of reads it)
        if country and country != ctx.voice:
            found.append(Assertion(t.entity, spec["predicate"], country))
    return found


def _joins(spec: dict, between: str) -> bool:
    """Whether the text between a whole and its part joins them (「・」, 「南部の」)."""
    return between in spec["between"] or bool(spec.get("between_pattern") and re.match(spec["between_pattern"], between))


def _based_on(view: SentenceView) -> list[Assertion]:
    """「「海洋基本法」に基づく「海洋基本計画」」: the later plan is based on the earlier one."""
    spec = rules()["based_on"]
    found = []
    for start, end in _occurrences(view.text, spec["markers"]):
        before = [t for t in view.tokens if t.end <= start and start - t.end <= spec["window"] and in_family(t.cls, spec["classes"])]
        after = [t for t in view.tokens if end <= t.start <= end + spec["window"] and in_family(t.cls, spec["classes"])]
        if before and after and before[-1].entity != after[0].entity:
            found.append(Assertion(after[0].entity, spec["predicate"], before[-1].entity))
    return found


def find_memberships(view: SentenceView, read_name: Callable[[str], list[Token]],
                     clauses: list | None = None) -> list[Membership]:
    """Members of a partnership: 「A、B、C等が参加する「X」」, 「APEC議長国であるペルー」, 日X in a name."""
    spec = rules()["membership"]
    found: list[Membership] = []
    for start, end in _occurrences(view.text, spec["triggers"]):
        orgs = [t for t in view.tokens if end <= t.start <= end + 3 and in_family(t.cls, spec["organization_classes"])]
        group = _nearest_group(view, start, 0, 20)
        if orgs and group and all(in_family(m.cls, spec["member_classes"]) for m in group):
            found.extend(Membership(m.entity, orgs[0].entity) for m in group)
    for start, end in _occurrences(view.text, spec["chair_markers"]):
        orgs = [t for t in view.tokens if t.end <= start and start - end_of(view.text, t) <= 1
                and in_family(t.cls, spec["organization_classes"])]
        members = [t for t in view.tokens if end <= t.start <= end + 1 and in_family(t.cls, spec["member_classes"])]
        if orgs and members:  # 「OPEC加盟国であるサウジアラビア、アラブ首長国連邦及びクウェート」: the whole list
            listed = [members[0]]  # (not the other side of a pair: 「EUの加盟国であるルーマニアと日本との間で」)
            for t in view.tokens[view.tokens.index(members[0]) + 1:]:
                if view.text[end_of(view.text, listed[-1]):t.start] not in spec.get("list_joiners", ()) \
                        or not in_family(t.cls, spec["member_classes"]):
                    break
                listed.append(t)
            found.extend(Membership(t.entity, orgs[-1].entity) for t in listed)
    for token in view.tokens:
        if in_family(token.cls, spec["name_compound_classes"]):
            found.extend(Membership(inner.entity, token.entity) for inner in read_name(token.surface)
                         if inner.compound and inner.entity != token.entity)
    return found + _listed_members(view, spec) + _joined(view, spec, clauses or [])


def _described_after(view: SentenceView, position: int, spec: dict) -> Token | None:
    """The member a copular 「…であり、」 goes on to describe: the first member named after it, the words between a
    relative clause of its own (「、豊富な鉱物資源を有する」: no comma, no full stop)."""
    for token in view.tokens:
        if token.start < position or not in_family(token.cls, spec["member_classes"]):
            continue
        between = view.text[position:token.start].removeprefix("、")
        if len(between) <= spec["described_within"] and not any(c in between for c in "、。"):
            return token
        return None
    return None


def _listed_members(view: SentenceView, spec: dict) -> list[Membership]:
    """「・GCC加盟国（6か国）：サウジアラビア王国、アラブ首長国連邦、…」: the countries listed after a label that names
    the members of the body opening the line."""
    if not spec.get("member_list_after"):
        return []
    bodies = [t for t in view.tokens if in_family(t.cls, spec["organization_classes"])
              and not view.text[:t.start].strip(" 　・-")]
    label = re.match(spec["member_list_after"], view.text[end_of(view.text, bodies[0]):]) if bodies else None
    if label is None:
        return []
    start = end_of(view.text, bodies[0]) + label.end()
    return [Membership(t.entity, bodies[0].entity) for t in view.tokens if t.start >= start and t.cls == "Country"]


def _joined(view: SentenceView, spec: dict, clauses: list) -> list[Membership]:
    """「日本はMSPに参加している」, 「日本とマレーシアがともに参加するAZEC」, 「MSPファイナンスネットワーク
    へのJBICの参加」, 「日本がMSPの一員として」."""
    found = []
    # 「APECは、…であり、日本、PNG…等の21の国・地域が参加しています」: the body the sentence is about, its topic
    topic = next((t for t in view.tokens if t.particle in spec.get("topic_cases", ())), None)
    for clause in clauses:
        if clause.lemma not in spec["joining_lemmas"] or clause.negated:
            continue
        # 「日本はMSPに参加」; 「日本とマレーシアがともに参加するAZEC」: the body the clause qualifies
        bodies = [a.token for a in clause.arguments if (a.case in ("に", "には") or (clause.adnominal and a.role == "Head"))
                  and in_family(a.token.cls, spec["organization_classes"])]
        bodies = bodies or [t for t in [topic] if t is not None and t.end <= clause.begin
                            and in_family(t.cls, spec["organization_classes"])]
        agents = [a for a in clause.arguments if a.role == "Agent" and in_family(a.token.cls, spec["member_classes"])]
        # 「日本、豪州…等の14エコノミーが参加」: the members named before the count that is the subject
        members = [a.token for a in agents if not a.modifier] or [a.token for a in agents]
        found.extend(Membership(m.entity, b.entity) for b in bodies[:1] for m in members if m.entity != b.entity)
    for body in view.tokens:
        if not in_family(body.cls, spec["organization_classes"]):
            continue
        after = end_of(view.text, body)
        if view.text.startswith("への", after):  # 「YへのXの参加」
            member = next((t for t in view.tokens if t.start == after + 2), None)
            if member is not None and in_family(member.cls, spec["member_classes"]) and any(
                    view.text.startswith(n, end_of(view.text, member)) for n in spec["joining_nouns"]):
                found.append(Membership(member.entity, body.entity))
        marker = next((w for w in spec["one_of"] if view.text.startswith(w, after)), "")
        if marker:  # 「XがYの一員として」
            subjects = [t for t in view.tokens if t.end <= body.start and t.particle in ("が", "は")
                        and in_family(t.cls, spec["member_classes"])
                        and not (t.group == body.group >= 0)]
            described = _described_after(view, after + len(marker), spec) if marker.endswith("であり") else None
            # 「アルジェリアは、OPEC及びGECFの加盟国です」: each body of the list the marker closes
            listed = [t for t in view.tokens if t is body or (t.group == body.group >= 0 and t.end <= body.start
                                                              and in_family(t.cls, spec["organization_classes"]))]
            if subjects:  # 「両国がともに…の参加国」: each of the subject's list
                found.extend(Membership(t.entity, b.entity) for b in listed for t in subjects if t.group == subjects[-1].group)
            elif described is not None:  # 「Yの加盟国であり、豊富な鉱物資源を有するX」: X, described
                found.append(Membership(described.entity, body.entity))
    return found
