"""Fact sheets: the labelled lines of a release's summary block.

A release on an investment, a loan or a contract often ends with a block of
labelled lines (■案件概要, （参考）): 「プロジェクト名：X」, 「オペレーター：A」,
「所在地：B」, 「対象鉱種：銅、モリブデン」, 「契約相手：C」. The name line says what
the block describes; each other line relates what its value names to it (or to
the document's issuing body). Which labels mean what is data:
``patterns/fields.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..patterns import compile_regex, load_patterns
from .facts import Assertion, Membership
from .clauses import glossed_at
from .view import SentenceView, in_family


@lru_cache(maxsize=1)
def spec() -> dict:
    data = dict(load_patterns("fields"))
    data["_separator"] = compile_regex("patterns/fields.json: separator", data["separator"])
    data["_field_by_label"] = {label: field for field in data["fields"] for label in field["labels"]}
    data["_block_head"] = compile_regex("patterns/fields.json: block_head", data["block_head"])
    return data


@dataclass
class FactSheet:
    """What a document's summary block is about: the project its name line named, else the last
    project the document named."""

    subject: str = ""
    last_project: str = ""
    body: str = ""  # the body a reference block describes (「（参考）南部アフリカ開発共同体（SADC）」)

    def note(self, view: SentenceView) -> None:
        for token in view.tokens:
            if in_family(token.cls, spec()["subject_classes"]) and not token.anaphor:
                self.last_project = token.entity


def sheet_line(view: SentenceView, sheet: FactSheet) -> str:
    """The project a labelled line of a summary block describes (「調査期間：2年間」 under 「案件名：X」: X),
    "" when the sentence is no such line or no name line came before it."""
    return sheet.subject if sheet.subject and spec()["_separator"].match(view.text) else ""


def read_field(view: SentenceView, sheet: FactSheet, issuer: str,
               name_project: Callable[[str], str]) -> list[Assertion | Membership] | None:
    """The facts of one labelled line, or None when the sentence is no labelled line of a known label."""
    data = spec()
    match = data["_separator"].match(view.text)
    if match is None:
        return None
    label, value_at = match.group(1).strip(), match.end()
    every = [t for t in view.tokens if t.start >= value_at]
    values = [t for t in every if not glossed_at(view.text, t.start)]
    if label in data["subject_labels"]:
        named = next((t for t in values if in_family(t.cls, data["subject_classes"])), None)
        value = re.split(r"[（(]", view.text[value_at:], maxsplit=1)[0].strip()
        sheet.subject = named.entity if named is not None else (name_project(value) if value else "")
        return []
    # 「出資比率（NKR）：JOGMEC 50%、霧島メタル 50%」: the body in the label's brackets is what the line describes
    bracket = re.match(r"^([^()]+)\(([^()]+)\)$", label)
    described = next((t.entity for t in view.tokens if bracket and t.end <= value_at
                      and view.text[t.start:t.end] == bracket.group(2).strip()), "")
    field = data["_field_by_label"].get(bracket.group(1).strip() if described else label)
    if field is None:
        return None
    subject = sheet.body if field.get("kind") == "membership" else described or sheet.subject or sheet.last_project
    facts: list[Assertion | Membership] = []
    # 「加盟国：16か国（ジンバブエ、南アフリカ、…等）」: the members may be listed in brackets after their count
    named = [t for t in (every if field.get("in_brackets") else values) if in_family(t.cls, field["classes"])]
    # 「ブラジル連邦共和国パラー州」: a name run together with the next is part of its designation
    named = [t for t in named if not any(o.start == t.end for o in named)]
    for entity in dict.fromkeys(t.entity for t in named):
        direction = field["direction"]
        if direction == "issuer_to_value":
            pair = (issuer, entity)
        elif direction == "subject_to_value":
            pair = (subject, entity)
        else:
            pair = (entity, subject)
        if not all(pair) or pair[0] == pair[1]:
            continue
        if field.get("kind") == "membership":
            facts.append(Membership(pair[0], pair[1]))
        else:
            facts.append(Assertion(pair[0], field["predicate"], pair[1]))
    return facts


def block_head(view: SentenceView, sheet: FactSheet) -> None:
    """「（参考）南部アフリカ開発共同体（SADC）」: a reference block headed by a body's name describes that body; its
    lines of members (加盟国：…) are about it. A block headed otherwise describes no body."""
    data = spec()
    head = data["_block_head"].match(view.text)
    if head is None:
        return
    named = next((t for t in view.tokens if t.start >= head.end() and in_family(t.cls, data["block_subject_classes"])), None)
    if not data["_separator"].match(view.text):
        sheet.body = named.entity if named is not None else ""
