"""Names the registry lacks, found by their shape.

- 「…」-quoted names ending in a meeting / partnership / plan / law… suffix
  (「日米エネルギー安全保障対話」 → a candidate EventSeries), unless a registry name already ends
  the quotation (「第2回アジア・ゼロエミッション共同体（AZEC）閣僚会合」 is a meeting of a known series).
- 名称（略称） definitions (「アジア・ゼロエミッション共同体（AZEC）」, 「国際協力銀行（JBIC）」):
  the abbreviation becomes an alias for the rest of the document through :class:`DocumentContext`.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .model import Definition, DocumentContext, Mention, is_hiragana, is_kanji, is_katakana

_NAME_CHARS = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc・A-Za-z0-9&+\-]")


def suffix_classifier(pat: dict[str, Any]) -> Callable[[str], str | None]:
    """The class a name's ending implies (…パートナーシップ → Partnership), or None."""
    table = sorted(((s, c) for s, c in pat["name_suffixes"]), key=lambda sc: len(sc[0]), reverse=True)
    prefixes = tuple(pat["name_prefixes_company"])

    def classify(name: str) -> str | None:
        if name.startswith(prefixes):
            return "Company"
        for suffix, cls in table:
            if name.endswith(suffix) and len(name) > len(suffix):
                return cls
        return None

    return classify


def quoted_names(text: str, mentions: list[Mention], pat: dict[str, Any],
                 classify: Callable[[str], str | None]) -> tuple[list[Mention], set[int]]:
    """Candidates for unknown quoted names, and ids of mentions they swallow."""
    out: list[Mention] = []
    swallowed: set[int] = set()
    year = re.compile(pat["quoted_name_year"])
    ordinal = re.compile(pat["quoted_name_ordinal"])
    for m in re.finditer(r"「([^「」。]{2,%d})」" % pat["quoted_name_max"], text):
        start, end = m.start(1), m.end(1)
        inside = [x for x in mentions if x.start >= start and x.end <= end]
        if any(x.overlaps(start, end) and not (x.start >= start and x.end <= end) for x in mentions):
            continue
        # 「第3回…会合」, 「…展示会2024」: the mention is the series; the extractor reads the ordinal and the year
        y, o = year.search(text, start, end), ordinal.match(text, start, end)
        core_start = o.end() if o and o.end() < end else start
        core_end = y.start() if y and y.start() > core_start else end
        if core_end - core_start < 2:
            continue
        if any(x.start in (start, core_start) and x.end in (end, core_end) for x in inside):
            continue  # the registry knows the name
        if any(x.end in (end, core_end) and x.entity_id for x in inside):
            continue  # the name's head is a registry entity (an instance of a known series…)
        name = text[core_start:core_end]
        cls = classify(name)
        if cls is None:
            continue
        if cls != "EventSeries":
            core_start, core_end, name = start, end, text[start:end]  # a year belongs to a plan's name
            cls = classify(name) or cls
        out.append(Mention(core_start, core_end, name, None, cls, name, "pattern"))
        swallowed |= {id(x) for x in inside}
    return out, swallowed


def definitions(text: str, mentions: list[Mention], taken: list[bool], pat: dict[str, Any],
                classify: Callable[[str], str | None], context: DocumentContext | None
                ) -> tuple[list[Mention], set[int]]:
    """Mentions made by 名称(略称) definitions, and ids of the mentions they swallow.

    Records each definition in ``context``. A new name may contain known names
    (北極海資源協力イニシアティブ contains 北極): the new name replaces them.
    """
    swallowed: set[int] = set()
    people = [m for m in mentions if m.cls in ("Person", "Post")]
    abbr_re = re.compile(r"\((%s)(?::[^()]*)?\)" % pat["definition_abbreviation"])
    ends = {m.end: m for m in mentions}
    out: list[Mention] = []
    for m in abbr_re.finditer(text):
        abbr = m.group(1)
        if sum(c.isupper() for c in abbr) < pat["definition_min_upper"]:
            continue
        a_start, a_end = m.start(1), m.end(1)
        if taken[m.start()]:
            continue  # the brackets belong to a known name (…共同体(AZEC)閣僚会合)
        head = ends.get(m.start())
        if head is None and m.start() > 0 and text[m.start() - 1] == "」":
            q = text.rfind("「", 0, m.start() - 1)
            head = ends.get(m.start() - 1) if q == -1 else next(
                (x for x in mentions if x.start == q + 1 and x.end == m.start() - 1), None)
        if head is not None and head.start > 0 and _NAME_CHARS.match(text[head.start - 1]) \
                and not taken[head.start - 1]:
            head = None  # 戦略的余剰LNG(SBL): the known name is only the tail of a longer one
        if head is not None:  # a known or already-found name: the abbreviation is its alias
            if head.cls in ("Post", "Person") or (head.entity_id is None and head.candidate_key is None):
                continue
            d = Definition(abbr, head.entity_id, head.cls, head.candidate_key, head.surface)
        else:
            span = _name_before(text, m.start(), taken, people)
            if span is None:
                continue
            for x in mentions:  # a known name straddling the start ends the new one
                if x.start < span[0] < x.end:
                    span = (x.end, span[1])
            if span[1] - span[0] < 2:
                continue
            name = text[span[0]:span[1]]
            known = next((x for x in mentions if x.start == a_start and x.end == a_end and x.entity_id), None)
            if known is not None:
                # 「鉱物安全保障パートナーシップ(MSP)」: the abbreviation is a registry name, so the
                # long name is another way of writing that entity, not a new one.
                out.append(Mention(span[0], span[1], name, known.entity_id, known.cls, None, "definition",
                                   attrs={"defines": abbr}))
                swallowed |= {id(x) for x in mentions if x.start >= span[0] and x.end <= span[1]}
                for k in range(span[0], span[1]):
                    taken[k] = True
                continue
            cls = classify(name)
            if cls is None:
                continue
            d = Definition(abbr, None, cls, name, name)
            out.append(Mention(span[0], span[1], name, None, cls, name, "definition", attrs={"defines": abbr}))
            swallowed |= {id(x) for x in mentions if x.start >= span[0] and x.end <= span[1]}
            for k in range(span[0], span[1]):
                taken[k] = True
        if context is not None:
            context.define(d)
        if not any(taken[a_start:a_end]):
            out.append(Mention(a_start, a_end, abbr, d.entity_id, d.cls, d.candidate_key,
                               "definition", attrs={"defines": abbr}))
            for k in range(a_start, a_end):
                taken[k] = True
    return out, swallowed


def _name_before(text: str, end: int, taken: list[bool], people: list[Mention]) -> tuple[int, int] | None:
    """The run of name characters (kanji, katakana, Latin, ・) ending at ``end``; it may run
    over known names, not over people and posts."""
    k = end
    while k > 0 and _NAME_CHARS.match(text[k - 1]) and not any(p.start < k <= p.end for p in people):
        k -= 1
    while k < end and text[k] in "・-":
        k += 1
    m = re.match(r"第?[0-9]+(?:回|期|次)", text[k:end])  # 第2回… is an instance, not the name
    if m:
        k += m.end()
    if end - k < 2 or not any(is_kanji(c) or is_katakana(c) for c in text[k:end]):
        return None
    if is_hiragana(text[k]):
        return None
    return (k, end)
