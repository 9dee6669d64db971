"""Facts: what the extractor finds and the emitter writes.

A fact is a small frozen record naming entities by their local ids
(``country-cl``, ``candidate-person-…``). Its ``key()`` identifies it across
sentences and documents, so the same fact told twice becomes one node with
two pieces of evidence. Evidence points at a sentence unit of a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
import hashlib

from ..registry import norm_key
from ..vocab import RDFACT


@dataclass(frozen=True, order=True)
class Evidence:
    """The sentence a fact was read from: document id and the unit's raw span."""

    doc_id: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True, order=True)
class Participant:
    """An entity in a role; ``implicit`` when the text leaves it unsaid (an elided subject)."""

    entity: str
    role: str
    implicit: bool = False


@dataclass(frozen=True)
class Event:
    type: str
    start: str = ""
    end: str = ""
    fiscal: bool = False
    participants: tuple[Participant, ...] = ()
    location: tuple[str, ...] = ()
    name: str = ""
    series: str = ""
    about: tuple[str, ...] = ()
    at_event: str = ""
    date_source: str = ""  # how the date was obtained ("" = stated in the sentence); see DATE_SOURCES
    time_qualifier: str = ""  # how the date bounds the fact: By, Until, Since, AsOf ("" = at that time)

    kind = "event"

    def key(self) -> tuple:
        return (self.type, self.start, self.end, self.fiscal, tuple(sorted(self.participants)),
                tuple(sorted(self.location)), self.name, tuple(sorted(self.about)))


@dataclass(frozen=True)
class PostHolding:
    person: str
    post: str
    date: str = ""

    kind = "post_holding"

    def key(self) -> tuple:
        return (self.person, self.post, self.date)


@dataclass(frozen=True)
class Membership:
    member: str
    organization: str

    kind = "membership"

    def key(self) -> tuple:
        return (self.member, self.organization)


@dataclass(frozen=True)
class BudgetLine:
    measure: str
    fiscal_year: str
    budget_kind: str
    value: Decimal
    portion_of: bool = False
    qualifier: str = ""

    kind = "budget"

    def key(self) -> tuple:
        return (self.measure, self.fiscal_year, self.budget_kind, str(self.value), self.portion_of)


@dataclass(frozen=True)
class Observation:
    indicator: str
    value: Decimal
    unit: str
    start: str = ""
    end: str = ""
    fiscal: bool = False
    approximation: str = ""
    quantity_label: str = ""
    area: str = ""  # the country whose figure it is (「日本の石油・天然ガスの自主開発比率」)

    kind = "observation"

    def key(self) -> tuple:
        return (self.indicator, self.quantity_label, str(self.value), self.unit, self.start, self.end, self.fiscal,
                self.area)


@dataclass(frozen=True)
class Target:
    indicator: str
    value: Decimal
    unit: str
    target_year: str
    comparator: str = "EqualTo"
    set_by: str = ""

    kind = "target"

    def key(self) -> tuple:
        return (self.indicator, str(self.value), self.unit, self.target_year, self.comparator)


@dataclass(frozen=True)
class SupplyShare:
    resource: str
    suppliers: tuple[str, ...]
    value: Decimal
    approximation: str = ""
    importer: str = ""  # whose imports, where the text names it (日本の…輸入量, 我が国の…)

    kind = "supply_share"

    def key(self) -> tuple:
        key = (self.resource, tuple(sorted(self.suppliers)), str(self.value), self.approximation)
        return key + (self.importer,) if self.importer else key


@dataclass(frozen=True)
class Assertion:
    subject: str
    predicate: str
    object: str

    kind = "assertion"

    def key(self) -> tuple:
        return (self.subject, self.predicate, self.object)


@dataclass(frozen=True)
class Action:
    """A predicate the frames do not type, with the entities it governs in case roles.

    ``lemma`` is the predicate's dictionary form (確認する, 意見交換を行う); each participant's
    role is the case role its particle marks (Agent, Theme, Partner, Goal, Setting, Topic,
    Basis…). Kept apart from typed facts (class rd:Action, not rd:Event).
    """

    lemma: str
    participants: tuple[Participant, ...]
    start: str = ""
    end: str = ""
    fiscal: bool = False
    negated: bool = False
    at_event: str = ""
    date_source: str = ""
    time_qualifier: str = ""
    cases: tuple[tuple[str, str], ...] = ()  # (entity, case phrase as written)
    planned: bool = False  # told as a plan or aim, not as done

    kind = "action"

    def key(self) -> tuple:
        return (self.lemma, tuple(sorted(self.participants)), self.start, self.end, self.fiscal, self.negated,
                self.planned)


@dataclass(frozen=True)
class StatedQuantity:
    """A number the text gives with its unit, attached to what it measures and the entity it is about.

    ``measured`` is the phrase naming what is counted or measured (国・地域, 会員, 出資額);
    ``about`` the entities of the clause that holds the number; ``comparator`` AtLeast/AtMost/
    MoreThan/LessThan; ``approximation`` 約, 程度…; the time is the clause's date and qualifier.
    """

    value: Decimal
    unit: str
    measured: str = ""
    about: tuple[str, ...] = ()
    comparator: str = ""
    approximation: str = ""
    total: str = ""  # 計, 累計, 年間: the number is a total, or per year
    start: str = ""
    end: str = ""
    fiscal: bool = False
    time_qualifier: str = ""
    date_source: str = ""
    predicate: str = ""  # lemma of the clause that holds the number
    surface: str = ""  # the number as written

    kind = "quantity"

    def key(self) -> tuple:
        return (str(self.value), self.unit, self.measured, tuple(sorted(self.about)), self.comparator,
                self.start, self.end, self.fiscal, self.surface)


Fact = Event | PostHolding | Membership | BudgetLine | Observation | Target | SupplyShare | Assertion | Action | StatedQuantity


def fact_id(fact: Fact) -> str:
    """A stable local id for a fact: its kind and a hash of its key."""
    digest = hashlib.sha1(repr(fact.key()).encode("utf-8")).hexdigest()[:16]
    return f"{fact.kind.replace('_', '-')}-{digest}"


def fact_ref(fact: Fact) -> str:
    """The IRI a fact is written under, as text (what the extractor cites one fact from another by)."""
    return f"{RDFACT}{fact_id(fact)}"


@dataclass
class EntityRef:
    """An entity as the text names it: a registry id, or a candidate the registry lacks."""

    id: str
    cls: str
    label_ja: str
    label_en: str = ""
    reviewed: bool = True
    extra: dict[str, object] = field(default_factory=dict)


def label_digest(label: str) -> str:
    """Ten hex digits naming a label, the same for every way of writing it (NFKC, blanks)."""
    return hashlib.sha1(norm_key(label).encode("utf-8")).hexdigest()[:10]


def candidate_id(cls: str, label: str) -> str:
    """The id of an entity absent from the registry, from its class and NFKC label."""
    return f"candidate-{cls.lower()}-{label_digest(label)}"


@dataclass
class FactCollection:
    """Facts of a build with their evidence, merged by key."""

    evidence: dict[tuple, set[Evidence]] = field(default_factory=dict)
    facts: dict[tuple, Fact] = field(default_factory=dict)
    told: int = 0  # facts added, counting a fact told again by another sentence

    def add(self, fact: Fact, evidence: Evidence) -> None:
        self.told += 1
        key = (fact.kind, fact.key())
        self.facts.setdefault(key, fact)
        self.evidence.setdefault(key, set()).add(evidence)

    def replace(self, old: Fact, new: Fact, evidence: Evidence) -> None:
        """A later sentence told more of a fact: the fact grows, keeping its earlier evidence."""
        old_key = (old.kind, old.key())
        earlier = self.evidence.pop(old_key, set())
        self.facts.pop(old_key, None)
        for ev in sorted(earlier):
            self.add(new, ev)
        self.add(new, evidence)

    def absorb(self, old: Fact, into: Fact) -> None:
        """``old`` told in brief what ``into`` tells in full: one fact, with the evidence of both."""
        old_key, key = (old.kind, old.key()), (into.kind, into.key())
        self.evidence.setdefault(key, set()).update(self.evidence.pop(old_key, set()))
        self.facts.pop(old_key, None)

    def items(self) -> list[tuple[Fact, list[Evidence]]]:
        """Facts with their evidence, in a deterministic order."""
        return [(self.facts[k], sorted(self.evidence[k])) for k in sorted(self.facts, key=repr)]

    def __len__(self) -> int:
        return len(self.facts)
