"""Binary relations and memberships read from one sentence.

Rules are data (``patterns/relations.json``): a trigger word, the classes and
particles of its object, and where its subject may come from (the sentence's
agent, the agent carried over in the section, or the document's voice).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..facts import Assertion, Membership
from ..patterns import load_patterns
from .view import SentenceView, Token, in_family

DEFAULT_WINDOW = 15


@dataclass
class DiscourseContext:
    """What carries across sentences: the document's voice and the section's last agent."""

    voice: str = ""
    voice_country: str = ""
    section_agent: Token | None = None


@lru_cache(maxsize=1)
def rules() -> dict:
    return load_patterns("relations")


def _occurrences(text: str, words: list[str]) -> list[tuple[int, int]]:
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            found.append((start, start + len(word)))
            start = text.find(word, start + 1)
    found.sort()
    kept: list[tuple[int, int]] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def sentence_agent(view: SentenceView, before: int, classes: list[str]) -> Token | None:
    """The last mention before ``before`` marked as the one who acts (が, は, を通じて…)."""
    particles = rules()["subject_particles"]
    agents = [t for t in view.tokens if t.end <= before and t.particle in particles and in_family(t.cls, classes)]
    return agents[-1] if agents else None


def _object_group(view: SentenceView, start: int, boundary: int, classes: list[str], particles: list[str],
                  window: int) -> list[Token]:
    """The nearest list of mentions before ``start`` whose particle and class match."""
    for members in reversed(view.groups()):
        last = members[-1]
        if last.end > start or last.start < boundary:
            continue
        if start - last.end > window:
            return []
        if last.particle in particles and all(in_family(m.cls, classes) for m in members):
            return members
    return []


def _subject(rule: dict, view: SentenceView, position: int, ctx: DiscourseContext) -> str:
    classes = rule.get("subject_classes", [])
    if classes:
        agent = sentence_agent(view, position, classes)
        if agent is not None:
            return agent.entity
        if ctx.section_agent is not None and in_family(ctx.section_agent.cls, classes):
            return ctx.section_agent.entity
    if rule.get("subject_required"):
        return ""
    if rule.get("voice_country"):
        return ctx.voice_country
    if rule.get("voice"):
        return ctx.voice
    return ""


def find_relations(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    """Every relation the sentence states between two entities."""
    found: list[Assertion] = []
    for rule in rules()["relations"]:
        boundary = 0
        for start, end in _occurrences(view.text, rule["triggers"]):
            window = rule.get("window", DEFAULT_WINDOW)
            objects = _object_group(view, start, boundary, rule["object_classes"], rule["object_particles"], window)
            boundary = end
            if not objects:
                continue
            if rule.get("swap"):
                things = [t for t in view.tokens if objects[-1].end <= t.start and t.end <= end
                          and in_family(t.cls, rule["swap_object_classes"])]
                for subject in objects:
                    for thing in things:
                        found.append(Assertion(subject.entity, rule["predicate"], thing.entity))
                continue
            subject = _subject(rule, view, objects[0].start, ctx)
            for obj in objects:
                if subject and subject != obj.entity:
                    found.append(Assertion(subject, rule["predicate"], obj.entity))
    found.extend(_chokepoints(view))
    return found


def _chokepoints(view: SentenceView) -> list[Assertion]:
    spec = rules()["chokepoint"]
    found = []
    for start, end in _occurrences(view.text, spec["markers"]):
        places = [t for t in view.tokens if end <= t.start <= end + 2 and in_family(t.cls, spec["place_classes"])]
        things = [t for t in view.tokens if in_family(t.cls, spec["object_classes"])]
        for place in places[:1]:
            for thing in things[:1]:
                found.append(Assertion(place.entity, spec["predicate"], thing.entity))
    return found


def find_memberships(view: SentenceView, read_name) -> list[Membership]:
    """Members of a partnership: 「A、B、C等が参加する「X」」, and 日X in a partnership's name."""
    spec = rules()["membership"]
    found: list[Membership] = []
    for start, end in _occurrences(view.text, spec["triggers"]):
        orgs = [t for t in view.tokens if end <= t.start <= end + 3 and in_family(t.cls, spec["organization_classes"])]
        if not orgs:
            continue
        for members in reversed(view.groups()):
            if members[-1].end > start or start - members[-1].end > 20:
                continue
            if all(in_family(m.cls, spec["member_classes"]) for m in members):
                found.extend(Membership(m.entity, orgs[0].entity) for m in members)
            break
    for token in view.tokens:
        if in_family(token.cls, spec["name_compound_classes"]):
            for inner in read_name(token.surface):
                if inner.entity != token.entity and inner.cls in ("Country", "InternationalOrganisation", "Region"):
                    found.append(Membership(inner.entity, token.entity))
    return found
