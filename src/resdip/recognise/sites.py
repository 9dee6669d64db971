"""Places named after a name already read: a city, a base or a belt, and an embassy.

「クウェート市」 is a city named after its country, 「喜入基地」, 「沖縄石油基地」 and 「カラジャス鉱山地帯」
are sites named after their place, 「在ナミビア日本国大使館」 is Japan's embassy in a country and
「駐日モロッコ王国大使館」 that country's embassy in Japan, and
「パプアニューギニア独立国湾岸州」 names a province (湾岸州) right after its country, and 「東カザフスタン州」 one
named after it; 「ガーナ共和国（アクラ）」 names a city in brackets after its country.
The words are data (``site_suffixes``: the classes of the name before them and what the whole is;
``embassy`` in ``patterns/recognise.json``); the name read first is swallowed by the whole.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Mention, is_kanji, is_katakana


def find_sites(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any]
               ) -> tuple[list[Mention], set[int]]:
    out: list[Mention] = []
    swallowed: set[int] = set()
    rules, places_re = _compiled(pat)
    embassies = _embassies(pat)
    for m in sorted(mentions, key=lambda x: x.start):
        if id(m) in swallowed:
            continue
        whole = None
        for rule in rules:
            if m.cls not in rule["after"]:
                continue
            suffix = next((s for s in rule["suffixes"] if text.startswith(s, m.end)), "")
            end = m.end + len(suffix)
            if suffix and not (end < len(text) and _name_char(text[end])):
                whole = (m.start, end, rule["class"], rule.get("may_contain", []))
                break
        if whole is None and m.cls == "Country":
            whole = _embassy(text, m, embassies)
        places = pat.get("country_places")
        if whole is None and places and m.cls in places["after"]:
            whole = _named_after_country(text, m, taken, places)
        if whole is None and m.cls == "Region":
            whole = _part_of_region(text, m, taken, pat.get("region_compass_prefixes", []))
        if whole is None and places and m.cls in places["after"]:
            _place_after_country(text, m.end, taken, places_re, out, tuple(places.get("followers", ())))
            _place_in_brackets(text, m.end, taken, places, out)
            continue
        if whole is None:
            continue
        start, end, cls, may_contain = whole
        inner = [x for x in mentions if start <= x.start and x.end <= end and x is not m]
        if any(x.cls not in may_contain for x in inner) or any(
                taken[i] for i in range(start, end) if not any(x.start <= i < x.end for x in [m, *inner])):
            continue
        surface = text[start:end]
        out.append(Mention(start, end, surface, None, cls, surface, "pattern"))
        swallowed |= {id(m), *(id(x) for x in inner)}
        taken[start:end] = [True] * (end - start)
    if pat.get("country_places") and pat.get("same_country"):
        for same in re.finditer(re.escape(pat["same_country"]), text):  # 「同国湾岸州」: the country named before
            if not any(taken[same.start():same.end()]):
                _place_after_country(text, same.end(), taken, places_re, out,
                                     tuple(pat["country_places"].get("followers", ())))
    return out, swallowed


def _place_after_country(text: str, end: int, taken: list[bool], places_re: re.Pattern[str], out: list[Mention],
                         followers: tuple[str, ...] = ()) -> None:
    """「パプアニューギニア独立国湾岸州」, 「同国湾岸州」: a province named right after its country; a kanji word may
    follow it only if it is one of ``followers`` (「豪州北部準州沖の…」: the sea off the province)."""
    found = places_re.match(text, end)
    if found and not any(taken[end:found.end()]) and not (found.end() < len(text) and is_kanji(text[found.end()])
                                                            and not text.startswith(followers, found.end())):
        surface = found.group(0)
        out.append(Mention(end, found.end(), surface, None, "Place", surface, "pattern"))
        taken[end:found.end()] = [True] * (found.end() - end)


def _place_in_brackets(text: str, end: int, taken: list[bool], places: dict[str, Any], out: list[Mention]) -> None:
    """「ガーナ共和国（アクラ）及びナイジェリア連邦共和国（アブジャ）を訪問」: the city a trip goes to, in brackets
    right after its country (``country_places.bracketed``)."""
    found = re.match(places["bracketed"], text[end:]) if places.get("bracketed") else None
    if found is None:
        return
    start, stop = end + found.start(1), end + found.end(1)
    if not any(taken[start:stop]):
        out.append(Mention(start, stop, found.group(1), None, "Place", found.group(1), "pattern"))
        taken[start:stop] = [True] * (stop - start)


def _named_after_country(text: str, m: Mention, taken: list[bool], places: dict[str, Any]
                         ) -> tuple[int, int, str, list[str]] | None:
    """「東カザフスタン州」: a compass word, a country's name and an administrative word name a province."""
    prefix = next((p for p in places.get("compass_prefixes", []) if text.startswith(p, m.start - len(p))), "")
    suffix = next((x for x in places["suffixes"] if text.startswith(x, m.end)), "")
    start, end = m.start - len(prefix), m.end + len(suffix)
    if not prefix or not suffix or any(taken[start:m.start]) or (end < len(text) and is_kanji(text[end])) \
            or (start > 0 and is_kanji(text[start - 1])):
        return None
    return start, end, "Place", ["Country"]


def _part_of_region(text: str, m: Mention, taken: list[bool], prefixes: list[str]
                    ) -> tuple[int, int, str, list[str]] | None:
    """「東アフリカ」, 「西アフリカ」: a compass word right before a region's name names a region of its own (not the
    whole continent), unless a kanji word runs into it."""
    prefix = next((p for p in sorted(prefixes, key=len, reverse=True) if text.startswith(p, m.start - len(p))), "")
    start = m.start - len(prefix)
    if not prefix or any(taken[start:m.start]) or (start > 0 and is_kanji(text[start - 1])):
        return None
    return start, m.end, "Region", ["Region"]


def _embassy(text: str, m: Mention, embassies: list[tuple[re.Pattern[str], re.Pattern[str], dict[str, Any]]]
             ) -> tuple[int, int, str, list[str]] | None:
    """「在ナミビア日本国大使館」 (Japan's embassy there) or 「駐日モロッコ王国大使館」 (that country's in Japan)."""
    for before, after, rule in embassies:
        opening = before.search(text, 0, m.start)
        closing = after.match(text, m.end)
        if opening and closing:
            return opening.start(), closing.end(), rule["class"], rule.get("may_contain", [])
    return None


def _embassies(pat: dict[str, Any]) -> list[tuple[re.Pattern[str], re.Pattern[str], dict[str, Any]]]:
    rules = pat.get("embassy") or []
    key = ("embassy", id(pat))
    cached = _EMBASSIES.get(key)
    if cached is None or cached[0] is not pat:
        compiled = [(re.compile("(?:%s)$" % rule["before"]), re.compile(rule["after"]), rule)
                    for rule in (rules if isinstance(rules, list) else [rules])]
        cached = _EMBASSIES[key] = (pat, compiled)
    return cached[1]


_EMBASSIES: dict[tuple[str, int], tuple[dict[str, Any], list[Any]]] = {}


def _compiled(pat: dict[str, Any]) -> tuple[list[dict[str, Any]], re.Pattern[str]]:
    """The rules with their suffixes longest first, and the country-places pattern (made once per pattern file)."""
    cached = _COMPILED.get(id(pat))
    if cached is None or cached[0] is not pat:
        rules = [{**rule, "suffixes": sorted(rule["suffixes"], key=len, reverse=True)} for rule in pat.get("site_suffixes", [])]
        places = pat.get("country_places") or {"max": 1, "suffixes": []}
        regex = re.compile("[\u4e00-\u9fff]{1,%d}(?:%s)" % (places["max"], "|".join(map(re.escape, places["suffixes"])) or "(?!)"))
        cached = _COMPILED[id(pat)] = (pat, rules, regex)
    return cached[1], cached[2]


_COMPILED: dict[int, tuple[dict[str, Any], list[dict[str, Any]], re.Pattern[str]]] = {}


def _name_char(c: str) -> bool:
    return is_kanji(c) or is_katakana(c) or (c.isascii() and c.isalnum())
