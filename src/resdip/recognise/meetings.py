"""Meetings named after the body or partnership that holds them, when the registry lacks them.

「鉱物資源安全保障パートナーシップ（MSP）閣僚会合」, 「日ASEANエネルギー大臣会合」, 「APEC鉱業担当大臣会合」:
a mention of a partnership, organisation or region (with the parties of a 日X compound before it,
and its abbreviation in brackets after it), followed at once by a run of name characters ending in
a meeting word (``name_suffixes`` of class EventSeries in ``patterns/recognise.json``), names a
meeting series; the mention of the body is swallowed into it. So do the parties of a bilateral
compound (「日・モザンビーク・エネルギー・鉱物資源政策対話」, 「日米エネルギー安全保障対話」): the run after
them may hold middle dots. So does a framework named in brackets right before the meeting's words
(「中央アジア＋日本」エネルギー・鉱物資源大臣会合). A body may be followed by the number of countries it
meets with (ASEAN+3エネルギー大臣会合), and a summit the registry or the text names may hold its ministers'
meeting (東アジアサミット（EAS）エネルギー大臣会合).
"""

from __future__ import annotations

import re
from typing import Any

from .model import Mention, is_kanji, is_katakana

ABBR = re.compile(r"\([A-Za-z0-9&\-]{2,12}\)")
PLUS = re.compile(r"\+\d{1,2}(?!\d)")  # ASEAN+3: the body and the countries it meets with
QUOTED_FRAME = re.compile(r"「[^「」。、]{2,30}」(?=[\u4e00-\u9fff\u30a0-\u30ff])")
HOLDERS = ("Partnership", "InternationalOrganisation", "Organisation", "Region", "GovernmentBody",
           "EventSeries")  # 東アジアサミット（EAS）エネルギー大臣会合: a meeting of a summit's ministers
RUN_OVER = ("Post", "Resource")  # エネルギー大臣会合, 鉱業担当大臣会合: words the meeting's name may hold


def find_meetings(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any]
                  ) -> tuple[list[Mention], set[int]]:
    words = sorted((s for s, c in pat["name_suffixes"] if c == "EventSeries"), key=len, reverse=True)
    out: list[Mention] = []
    swallowed: set[int] = set()
    blocked = [False] * len(text)  # named by a mention the meeting may not run over
    for m in mentions:
        if m.cls not in RUN_OVER:
            blocked[m.start:m.end] = [True] * (m.end - m.start)
    holders = ([(m, m.end, False) for m in mentions if m.cls in HOLDERS] + _compound_parties(text, mentions)
               + _quoted_frames(text, taken))
    for holder, j, dotted in sorted(holders, key=lambda h: h[0].start):
        if id(holder) in swallowed:
            continue
        plus = PLUS.match(text, j)
        if plus:
            j = plus.end()
        abbr = ABBR.match(text, j)
        if abbr:
            j = abbr.end()
        k = j
        while k < len(text) and (is_kanji(text[k]) or is_katakana(text[k]) or (dotted and text[k] == "・")) \
                and not blocked[k]:
            k += 1
        end = next((e for e in range(k, j, -1) if any(text.endswith(w, j, e) for w in words)), None)
        if end is None:
            continue
        start = holder.start
        for other in sorted(mentions, key=lambda m: -m.end):  # 日 of 日ASEAN
            if other.end == start and other.source == "compound":
                start = other.start
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        swallowed |= {id(m) for m in inside}
        surface = text[start:end]
        out.append(Mention(start, end, surface, None, "EventSeries", surface, "pattern"))
        for i in range(start, end):
            taken[i] = True
    return out, swallowed


def _quoted_frames(text: str, taken: list[bool]) -> list[tuple[Mention, int, bool]]:
    """A framework named in brackets before the meeting's own words (「中央アジア＋日本」エネルギー・鉱物資源
    大臣会合, 「中央アジア＋日本」対話・首脳会合): the bracketed name opens the meeting's name."""
    found = []
    for m in QUOTED_FRAME.finditer(text):
        if not any(taken[m.start():m.end()]) or any(taken[m.start() + 1:m.end() - 1]):
            found.append((Mention(m.start(), m.end(), m.group(0), None, "Partnership", m.group(0), "pattern"),
                          m.end(), True))
    return found


def _compound_parties(text: str, mentions: list[Mention]) -> list[tuple[Mention, int, bool]]:
    """The parties of a bilateral compound (日・モザンビーク, 日米, 日・中央アジア, 日・中南米): its first mention,
    where the last party ends, and that the meeting's name may go on over middle dots. A later party may be
    a region (Japan meets a region's countries together)."""
    by_start = {m.start: m for m in mentions if m.cls in ("Country", "Region")}
    found = []
    for first in mentions:
        if first.source != "compound" or first.cls != "Country":
            continue
        end, parties = first.end, 1
        while True:
            at = end + 1 if text.startswith("・", end) else end
            nxt = by_start.get(at)
            if nxt is None or nxt is first:
                break
            end, parties = nxt.end, parties + 1
        if parties > 1 and not any(m.source == "compound" and m.end == first.start for m in mentions):
            found.append((first, end, True))
    return found
