"""Who trains whose people: 「…を通じ、…ペルー人技術者を日本に受け入れます」, 「ザンビア地質調査所の技術者に対する研修」.

The genre names the trainees, not the country they come from, as the place of the training: the country is
the nationality before 人 (モンゴル人技術者), or the country or the body named with の before the trainees
(ブルネイのエネルギー分野の行政官, GDCの技術者), or the countries they were received from (「…の3か国から計24名」). The trainer is the body through which it is done (JICAを通じ),
else the sentence's agent, else one carried from the sentences before, else the document's own country. The
words are data (``patterns/relations.json``: ``trainees``).
"""

from __future__ import annotations

import re

from .facts import Assertion
from .relations import DiscourseContext, rules, sentence_agent
from .view import SentenceView, Token, end_of, in_family


def trained_countries(view: SentenceView, ctx: DiscourseContext) -> list[Assertion]:
    spec = rules().get("trainees")
    if not spec or not any(word in view.text for word in spec["training_words"]):
        return []
    found: list[Assertion] = []
    for noun in spec["trainee_nouns"]:
        start = view.text.find(noun)
        while start >= 0:
            country = _trainees_country(view, start, spec, ctx)
            trainer = _trainer(view, start, spec, ctx) if country else None
            # a body of the trainees' own country (a partner carried from the sentence before) trains no one there
            if trainer is not None and trainer.entity != country and (trainer.country or ctx.country_of(trainer.entity)) != country:
                found.append(Assertion(trainer.entity, spec["predicate"], country))
            start = view.text.find(noun, start + len(noun))
    # 「2007年度には、リビア、カザフスタン及びイラクの3か国から計24名を受け入れました」: the countries people came from
    for group in view.groups():
        last = group[-1]
        sent = re.match(spec["senders_regex"], view.text[end_of(view.text, last):]) if spec.get("senders_regex") else None
        if sent is None or not all(t.cls == "Country" for t in group):
            continue
        trainer = _trainer(view, last.start, spec, ctx)
        found.extend(Assertion(trainer.entity, spec["predicate"], t.entity) for t in group
                     if trainer is not None and t.entity not in (trainer.entity, ctx.voice)
                     and (trainer.country or ctx.country_of(trainer.entity)) != t.entity)
    return list(dict.fromkeys(found))


def _trainees_country(view: SentenceView, start: int, spec: dict, ctx: DiscourseContext) -> str:
    """The country the trainees written at ``start`` come from, "" when the text does not say."""
    before = [t for t in view.tokens if t.end <= start and start - t.end <= spec["window"]]
    if not before:
        return ""
    last = before[-1]
    between = view.text[last.end:start]
    if last.cls == "Country" and between.startswith(spec["nationality_suffix"]) and len(between) <= len(
            spec["nationality_suffix"]) + spec["modifier_window"]:
        return last.entity  # 「モンゴル人技術者」, 「ペルー人の技術者」
    if not between.startswith("の") or "、" in between or len(between) > 1 + spec["modifier_window"]:
        return ""
    if last.cls == "Country":
        return last.entity  # 「ブルネイのエネルギー分野の行政官」
    if in_family(last.cls, spec["body_classes"]):
        return last.country or ctx.country_of(last.entity)  # 「ザンビア地質調査所の技術者」, 「GDCの技術者」
    return ""


def _trainer(view: SentenceView, start: int, spec: dict, ctx: DiscourseContext) -> Token | None:
    via = [t for t in view.tokens if t.particle in spec["via_particles"] and in_family(t.cls, spec["trainer_classes"])]
    if via:
        return via[0]
    agent: Token | None = sentence_agent(view, len(view.text), spec["trainer_classes"])
    # 「共同声明には、…研修することが盛り込まれて」: what a document provides for, done by no one carried
    document_topic = re.match(spec["document_topic_regex"], view.text) is not None
    if agent is None and not document_topic and sentence_agent(view, len(view.text), ["Person", "Country"]) is None:
        agent = ctx.carried_agent(spec["trainer_classes"])
    return agent if agent is not None else (Token(0, 0, ctx.voice, "Country") if ctx.voice else None)
