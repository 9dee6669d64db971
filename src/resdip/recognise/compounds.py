"""One-character country abbreviations, accepted only where Japanese uses them.

- 日X compounds: 日豪, 日米豪印, 日仏両政府, 日ASEAN, 日インドネシア, 日・ブラジル — 日 followed by
  abbreviations or by a country/organisation/region name (a country or region name also after ・). 日 must not end a word (28日, 同日,
  来日): the character before it is not a digit and, if a kanji, one of ``nichi_allowed_before``.
- Lists: an abbreviation standing alone between list separators (「米国、日本、欧州委、豪州、加、
  仏、独、伊」, 「米・加・豪」) whose neighbouring item is a country or another such abbreviation.

Everything else (伊勢, 中小企業, 印刷) is left alone.
"""

from __future__ import annotations

from typing import Any

from ..registry import Registry
from .model import Mention, is_ascii_digit, is_kanji

LIST_CLASSES = {"Country", "Region", "InternationalOrganisation"}
PARTICLES = "のとやはがをにでも"
FOLLOWER_CLASSES = {"Country", "Region", "InternationalOrganisation", "Partnership"}


def _abbr(registry: Registry, ch: str) -> str | None:
    entries = registry.abbreviations().get(ch)
    return entries[0].id if entries else None


def find_compounds(text: str, taken: list[bool], mentions: list[Mention], registry: Registry,
                   pat: dict[str, Any]) -> list[Mention]:
    out: list[Mention] = []
    out += _nichi(text, taken, mentions, registry, pat)
    for m in out:
        for k in range(m.start, m.end):
            taken[k] = True
    out += _lists(text, taken, mentions + out, registry, pat)
    return out


def _blocked_next(pat: dict[str, Any], ch: str, nxt: str) -> bool:
    return bool(nxt) and nxt in pat["abbr_blocked_next"].get(ch, "")


def _nichi(text: str, taken: list[bool], mentions: list[Mention], registry: Registry,
           pat: dict[str, Any]) -> list[Mention]:
    head = pat["nichi_head"]
    japan = _abbr(registry, head)
    if japan is None:
        return []
    starts = {m.start: m for m in mentions if m.cls in FOLLOWER_CLASSES}
    out: list[Mention] = []
    i = text.find(head)
    while i != -1:
        nxt_i = text.find(head, i + 1)
        if taken[i]:
            i = nxt_i
            continue
        before = text[i - 1] if i > 0 else ""
        if before and (is_ascii_digit(before) or (is_kanji(before) and before not in pat["nichi_allowed_before"])):
            i = nxt_i
            continue
        run: list[Mention] = []
        j = i + 1
        while j < len(text) and not taken[j]:
            cid = _abbr(registry, text[j])
            if cid is None or text[j] == head:
                break
            run.append(Mention(j, j + 1, text[j], cid, "Country", None, "compound"))
            j += 1
        follower = starts.get(j)
        if run:
            last = text[run[-1].start]
            after = text[j] if j < len(text) else ""
            if follower is None and _blocked_next(pat, last, after):
                run = []
            elif len(run) == 1 and last in pat["nichi_needs_follower"]:
                rest = text[j:]
                if not any(rest.startswith(w) for w in pat["nichi_needs_follower"][last]) and follower is None:
                    run = []
        if not run and follower is None and j == i + 1 and text.startswith("・", j):
            follower = starts.get(j + 1)  # 日・ブラジル外相会談, 日・中央アジア・エネルギー閣僚会合
            if follower is not None and follower.cls not in ("Country", "Region"):
                follower = None
        if run or (follower is not None and j in (i + 1, i + 2)):
            out.append(Mention(i, i + 1, head, japan, "Country", None, "compound"))
            out += run
        i = nxt_i
    return out


def _lists(text: str, taken: list[bool], mentions: list[Mention], registry: Registry,
           pat: dict[str, Any]) -> list[Mention]:
    seps, openers, closers = pat["list_separators"], pat["list_openers"], pat["list_closers"]
    items: dict[int, Mention] = {}
    for i, ch in enumerate(text):
        if taken[i]:
            continue
        cid = _abbr(registry, ch)
        if cid is None:
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before and before not in seps and before not in openers and not (before in PARTICLES and after == "・"):
            continue
        if after and after not in closers:
            continue
        if before not in seps and after not in seps:
            continue  # an item of a list has a separator on at least one side
        items[i] = Mention(i, i + 1, ch, cid, "Country", None, "compound")
    ends = {m.end: m for m in mentions if m.cls in LIST_CLASSES}
    begins = {m.start: m for m in mentions if m.cls in LIST_CLASSES}
    accepted: dict[int, Mention] = {}
    changed = True
    while changed:
        changed = False
        for i, m in items.items():
            if i in accepted:
                continue
            left = i > 1 and text[i - 1] in seps and (i - 1 in ends or (i - 2 in items))
            right = i + 2 < len(text) + 1 and i + 1 < len(text) and text[i + 1] in seps and (
                i + 2 in begins or i + 2 in items)
            if left or right:
                accepted[i] = m
                changed = True
    return [accepted[i] for i in sorted(accepted)]
