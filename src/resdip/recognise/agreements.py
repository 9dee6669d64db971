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


def _unkana(text: str, i: int, okurigana: str) -> str:
    """The character at ``i``, with a kana ending inside a kanji noun (引取り) read as part of it."""
    c = text[i]
    if c in okurigana and i > 0 and is_kanji(text[i - 1]):
        return text[i - 1]
    return c


def find_agreements(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any]
                    ) -> tuple[list[Mention], set[int]]:
    heads = sorted(pat["agreement_heads"], key=len, reverse=True)
    connectors = sorted(pat["agreement_connectors"], key=len, reverse=True)
    may_hold = set(pat["agreement_may_contain"])
    not_names = tuple(pat["agreement_not_names"])
    okurigana = pat.get("agreement_okurigana", "")
    out: list[Mention] = []
    swallowed: set[int] = set()
    for m in re.finditer("|".join(map(re.escape, heads)), text):
        start, end = m.start(), m.end()
        if any(taken[start:end]) or (end < len(text) and _name_char(text[end]) and text[end] not in "・"):
            continue
        k, cuts = start, []
        while k > 0:
            link = next((c for c in connectors if text.endswith(c, 0, k)), None)
            if link is not None and k - len(link) > 0 and _name_char(_unkana(text, k - len(link) - 1, okurigana)):
                k -= len(link)
                cuts.append(k)  # where a connector begins
                continue
            if _name_char(_unkana(text, k - 1, okurigana)):
                k -= 1
                continue
            break
        while k < start and text[k] == "・":
            k += 1
        # 「同国における…への金融協力に関する覚書」: the name begins after the determiner's phrase
        starts = [k, *(c + len(next(x for x in connectors if text.startswith(x, c))) for c in reversed(cuts))]
        # (a count opens no name either: 「以下の2件の協力文書」)
        k = next((b for b in starts if not text.startswith(not_names, b) and not text[b].isdigit()
                  and any(c > b for c in cuts)), start)
        name = text[k:end]
        if k == start:  # a bare agreement word, or no phrase joined by a connector
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
