"""Stated quantities: every number the text gives with its unit, attached to what it is about.

A count (「15の国・地域が参加」), a share (約4割), an amount of money (2年間で50億円), a
mass or volume becomes a :class:`~resdip.extract.facts.StatedQuantity` unless a typed fact of
the sentence (an observation, target, supply share) already holds it. What it measures
is the noun phrase the number qualifies (「300者を超える会員」 → 会員; 「出資額は約50億円」
→ 出資額), else its counter (国・地域); the entities it is about are the arguments of
the clause that holds it; its time is that clause's date with how it bounds it
(までに By, 以降 Since, 時点/現在 AsOf).
"""

from __future__ import annotations

import re

from .facts import Event, Fact, StatedQuantity
from ..patterns import load_patterns
from ..recognise.sudachi import Token as Morpheme
from ..recognise.sudachi import tokenize
from .clauses import Clause, clause_date
from .dates import DateValue
from .quantities import Quantity
from .view import SentenceView



def _noun(m: Morpheme) -> bool:
    return m.pos[0] in ("名詞", "接尾辞") and m.pos[1] not in ("数詞",)


def measured_phrase(text: str, q: Quantity, morphemes: list[Morpheme]) -> str:
    """The noun phrase the number measures: right after it (…の出資), else right before (出資額は…)."""
    words_of = load_patterns("quantities")
    position = q.span[1]
    for link in words_of["measured_after"]:
        if text.startswith(link, position):
            position += len(link)
            break
    after = [m for m in morphemes if m.start >= position]
    words = []
    for m in after:
        if (words and m.start != words[-1].end) or not _noun(m) or (not words and m.start != position):
            break
        words.append(m)
    if words:
        return text[words[0].start:words[-1].end]
    end = q.span[0]
    for link in words_of["measured_before"]:
        if text.endswith(link, 0, end):
            end -= len(link)
            break
    before = [m for m in morphemes if m.end <= end]
    words = []
    for m in reversed(before):
        if (words and m.end != words[0].start) or not _noun(m) or (not words and m.end != end):
            break
        words.insert(0, m)
    if words and text[words[0].start:words[-1].end] not in words_of["not_measured"]:
        return text[words[0].start:words[-1].end]
    return q.counter


def _held(q: Quantity, typed: list[Fact]) -> bool:
    """Whether a typed fact of the sentence (observation, target, supply share) holds the number."""
    return any(getattr(f, "value", None) == q.value and getattr(f, "unit", "%") == q.unit for f in typed)


def _about(view: SentenceView, q: Quantity, clauses: list[Clause]) -> tuple[str, ...]:
    """The entities of the clause that holds the number: its arguments and the names in its span
    (「JOGMECの出資額は約180億円」: JOGMEC), else the sentence's topics before the number."""
    # the sentence's setting (「本セミナーでは、…約120名が参加」) frames every number in it
    words_of = load_patterns("quantities")
    settings = [t.entity for t in view.tokens if t.end <= q.span[0] and t.particle in words_of["setting_particles"]]
    for clause in clauses:
        if clause.begin <= q.span[0] < clause.end:
            entities = [a.token.entity for a in clause.arguments if not a.implicit]
            entities += [t.entity for t in view.tokens if clause.begin <= t.start and t.end <= clause.end]
            if entities or settings:
                return tuple(sorted(set(entities + settings)))
            break
    before = [t for t in view.tokens if t.end <= q.span[0]]
    topics = [t.entity for t in before if t.particle in words_of["topic_particles"]] or [t.entity for t in before[-2:]]
    # 「本鉱区の権益比率は、A社が60%、B社が40%です」: the shares are of what owns the topic, too
    owners = [t.entity for t in before if re.match(OWNED_TOPIC, view.text[t.end:q.span[0]])]
    return tuple(sorted(set(topics[:3] + owners[:1])))


#: a name's の, a noun and the topic's は, at the start of what follows the name (「本鉱区の権益比率は、」)
OWNED_TOPIC = re.compile(r"^の[^、。はがをにでと]{1,10}は、")


def topic_after(view: SentenceView, topic: str) -> str:
    """The section's topic after a sentence: the last entity of 'topic_classes' it names, else as before."""
    classes = load_patterns("quantities").get("topic_classes", [])
    named = [t.entity for t in view.tokens if t.cls in classes]
    return named[-1] if named else topic


def _with_topic(view: SentenceView, q: Quantity, about: tuple[str, ...], topic: str, voice: str) -> tuple[str, ...]:
    """A number whose clause names nothing but the document's own side (「生産量の3割以上は日本向け」,
    「約60名の参加者に対し、日本の…政策について講演」) is about the project or meeting its sentence
    names before it, else the topic of the section (the project named last)."""
    spec = load_patterns("quantities")
    if not set(about) <= {voice, *load_patterns("anaphora").get("not_antecedents", [])}:
        paid_for = q.unit in (*spec.get("paid_for_units", []), *spec.get("project_units", [])) and not any(
            t.cls in spec.get("topic_classes", []) for t in view.tokens)
        return tuple(sorted({*about, topic})) if paid_for and topic else about
    classes = spec.get("sentence_topic_classes", [])
    here = [t.entity for t in view.tokens if t.end <= q.span[0] and t.cls in classes]
    topic = here[-1] if here else topic
    return tuple(sorted({*about, topic})) if topic else about


def _as_of(view: SentenceView, q: Quantity, document_date: str) -> DateValue | None:
    words = load_patterns("quantities").get("as_of_words", [])
    before = view.text[max(0, q.span[0] - 6):q.span[0]]
    if document_date and any(w in before for w in words):
        return DateValue(document_date, span=(0, 0), source="DocumentDate", qualifier="AsOf")
    return None


def find_stated_quantities(view: SentenceView, clauses: list[Clause], typed: list[Fact],
                           document_date: str = "", topic: str = "", voice: str = "") -> list[StatedQuantity]:
    if not view.quantities:
        return []
    morphemes = tokenize(view.text)
    spec = load_patterns("quantities")
    found = []
    for q in view.quantities:
        if q.portion_of or _held(q, typed):
            continue
        holder = next((c for c in clauses if c.begin <= q.span[0] < c.end), None)
        date = _as_of(view, q, document_date)
        if date is None:
            date = clause_date(view, holder, clauses) if holder is not None else view.date_before(q.span[0])
        about = _with_topic(view, q, _about(view, q, clauses), topic, voice)
        if q.unit in spec.get("event_units", []) or (  # 「約45分間、…会談を行い」: the talks
                q.unit == "count" and q.counter in spec.get("attendance_counters", [])):  # 「…が開催され、約1,000名が参加」
            about = tuple(sorted({*about, *(f.series for f in typed if isinstance(f, Event) and f.series)}))
        found.append(StatedQuantity(
            value=q.value, unit=q.unit, measured=measured_phrase(view.text, q, morphemes),
            about=about, comparator=q.comparator,
            approximation=q.approximation, total=q.total,
            start=date.start if date else "", end=date.end if date else "", fiscal=date.fiscal if date else False,
            time_qualifier=date.qualifier if date else "", date_source=date.source if date else "",
            predicate=holder.lemma if holder is not None else "",
            surface=view.text[q.span[0]:q.span[1]],
        ))
    return found
