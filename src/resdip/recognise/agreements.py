"""Agreements named by what they are about: 「銅及びコバルトの探査・開発に関する協力覚書」.

Releases rarely give an MoU a proper name; they describe it: a run of names joined by the genre's
connectors (の, 及び, ・, に関する, における, に係る…) before an agreement word (協力覚書, 覚書, 協定, MOC…).
That whole phrase names the agreement. A bare agreement word (協力覚書), an anaphor (本覚書) or a
purpose phrase (〜を目的とした協力覚書) names none. The words are data (``agreement_heads``,
``agreement_connectors`` in ``patterns/recognise.json``); the names the phrase holds are swallowed.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Mention, is_kanji, is_katakana


def _name_char(c: str) -> bool:
    return is_kanji(c) or is_katakana(c) or (c.isascii() and c.isalnum()) or c in "・"


def find_agreements(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any]
                    ) -> tuple[list[Mention], set[int]]:
    heads = sorted(pat["agreement_heads"], key=len, reverse=True)
    connectors = sorted(pat["agreement_connectors"], key=len, reverse=True)
    may_hold = set(pat["agreement_may_contain"])
    out: list[Mention] = []
    swallowed: set[int] = set()
    for m in re.finditer("|".join(map(re.escape, heads)), text):
        start, end = m.start(), m.end()
        if any(taken[start:end]) or (end < len(text) and _name_char(text[end]) and text[end] not in "・"):
            continue
        k, joined = start, False
        while k > 0:
            link = next((c for c in connectors if text.endswith(c, 0, k)), None)
            if link is not None and k - len(link) > 0 and _name_char(text[k - len(link) - 1]):
                k -= len(link)
                joined = True
                continue
            if _name_char(text[k - 1]):
                k -= 1
                continue
            break
        while k < start and text[k] == "・":
            k += 1
        name = text[k:end]
        if not joined or name.startswith(tuple(pat["agreement_not_names"])):
            continue
        inner = [x for x in mentions if k <= x.start and x.end <= end]
        if any(x.cls not in may_hold for x in inner) or any(taken[i] for i in range(k, start)
                                                             if not any(x.start <= i < x.end for x in inner)):
            continue
        cls = next(c for h, c in pat["agreement_classes"] if name.endswith(h))
        out.append(Mention(k, end, name, None, cls, name, "pattern"))
        swallowed |= {id(x) for x in inner}
        for i in range(k, end):
            taken[i] = True
    return out, swallowed
