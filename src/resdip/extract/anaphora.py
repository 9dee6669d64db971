"""Anaphors: 本覚書, 同省, 本プロジェクト, 本セミナー — what the text has just named.

A release names an agreement, a project or a meeting once and then calls it
「本覚書」 or 「本プロジェクト」. Each such word (prefix and noun are data:
``patterns/anaphora.json``) becomes a mention of the last entity of the noun's
classes named before it in the document, so the sentences that follow are
read as talking about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..patterns import compile_regex, load_patterns
from .view import Token, in_family


@lru_cache(maxsize=1)
def spec() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    data = load_patterns("anaphora")
    nouns = sorted(data["nouns"], key=len, reverse=True)
    regex = compile_regex("patterns/anaphora.json", "(?<!%s)(?:%s)(?P<noun>%s)" % (
        data["not_after"], "|".join(map(re.escape, data["prefixes"])), "|".join(map(re.escape, nouns))))
    return regex, data["nouns"]


@dataclass
class Antecedents:
    """The entities named so far in the document, the latest last."""

    named: list[tuple[str, str]] = field(default_factory=list)  # (entity id, class)

    def note(self, entity: str, cls: str) -> None:
        if entity and cls:
            self.named.append((entity, cls))
            del self.named[:-200]

    def last_of(self, classes: list[str]) -> tuple[str, str] | None:
        for entity, cls in reversed(self.named):
            if in_family(cls, classes):
                return entity, cls
        return None


def resolve(text: str, tokens: list[Token], antecedents: Antecedents) -> list[Token]:
    """Tokens for the anaphors of a sentence that no mention covers."""
    regex, nouns = spec()
    found = []
    for m in regex.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in tokens):
            continue
        target = antecedents.last_of(nouns[m.group("noun")])
        if target is not None:
            found.append(Token(m.start(), m.end(), target[0], target[1], m.group(0), anaphor=True))
    return found
