"""A foreign body named after its country: [country][…省/庁/局/委員会/公社…].

「カザフスタン共和国産業建設省」, 「モンゴル国鉱業・重工業省」, 「ボツワナ国営鉱物公社」: the run of
kanji, katakana and ・ right after a registry country name (nothing between them) that ends in one
of ``country_body_suffixes`` is a candidate organisation of that country (``attrs["jurisdiction"]``).
The mention covers the country name too (the body's name includes it). The run may go on into a post
(「…省ドルジスレン大臣」); then the body ends at its suffix. Names the registry knows are claimed
earlier by the gazetteer and are never re-read here, except a ministry's name right after a foreign
country (``foreign_body_over``): 「パプアニューギニア財務省」, 「ペルー経済財務省」 are that country's
ministries, not Japan's. A registry place followed by one of ``place_body_suffixes``
(「クイーンズランド州政府」) is that place's government, a body of the place's country. A run ending in
one of ``org_part_suffixes`` right after a registry body (「産総研地質調査総合センター」) is a unit of it; so is a run
ending in one of ``country_body_suffixes`` after a body and one of ``subsidiary_markers`` (「MEMD傘下の地質調査・鉱山局」). A run of
kanji after a registry region ending in one of ``region_body_suffixes`` (「アフリカ輸出入銀行」) is a body of its own.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Mention, is_kanji, is_katakana, nfkc

_BODY_CLASSES = {"GovernmentBody", "PublicAgency", "FinancialInstitution", "InternationalOrganisation", "Company"}


def _run_end(text: str, start: int, taken: list[bool], inside: list[bool], stops: tuple[str, ...] = (),
             joiners: str = "") -> int:
    """Where the run of name characters after a country ends; it may run over a resource's name
    (「オマーン国エネルギー・鉱物資源省」), not over other names, holds an adjective's な between kanji
    (「エネルギー移行・持続可能な開発省」), and ends before a conjunction (「タンザニア地質調査所及び…」)."""
    k = start
    while k < len(text) and (not taken[k] or inside[k]) and (
            is_kanji(text[k]) or is_katakana(text[k]) or (text[k] == "・" and k > start)
            or (text[k] in joiners and k > start and is_kanji(text[k - 1]) and k + 1 < len(text) and is_kanji(text[k + 1]))):
        if k > start and text.startswith(stops, k):
            break
        k += 1
    while k > start and text[k - 1] == "・":
        k -= 1
    return k


def _registered_next(text: str, j: int, k: int, over: dict[int, Mention]) -> Mention | None:
    """The registry name that goes on with the run of a name that starts at ``j`` and has reached ``k``: right at
    its start, after a kanji (「ペルー経済財務省」) or after ・ (「ポーランド共和国気候・環境省」)."""
    at = k + 1 if k > j and text.startswith("・", k) else k
    if at in over and (at == j or is_kanji(text[at - 1]) or text[at - 1] == "・"):
        return over[at]
    return None


def find_bodies(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any],
                same_country: tuple[str, str] | None = None) -> tuple[list[Mention], set[int]]:
    """Candidate bodies named after a country, and the ids of the country mentions they contain.

    ``same_country`` (id, label) is the foreign country the document spoke of last: 「同国投資・発展省」
    is that country's body, named with its label (カザフスタン投資・発展省)."""
    found_here = [m for m in mentions if m.cls == "Country" and m.entity_id and m.entity_id != "country-jp"]
    mentions = list(mentions)
    for m in re.finditer(re.escape(pat["same_country"]), text):
        if any(taken[m.start():m.end()]):
            continue
        before = [c for c in found_here if c.end <= m.start()]  # a country named earlier in the sentence first
        country = (before[-1].entity_id, nfkc(before[-1].surface)) if before else same_country
        if country is not None:
            mentions.append(Mention(m.start(), m.end(), m.group(0), country[0], "Country", None, "registry",
                                    attrs={"label": country[1]}))
    suffixes = sorted(pat["country_body_suffixes"], key=lambda sc: len(sc[0]), reverse=True)
    posts = tuple(pat["post_suffixes"])
    out: list[Mention] = []
    swallowed: set[int] = set()
    starts = {m.start: m for m in mentions if m.source == "definition" and m.entity_id is None}
    inside = [False] * (len(text) + 1)  # names a body's name may hold
    for m in mentions:
        if m.cls in pat["post_may_contain"]:
            inside[m.start:m.end] = [True] * (m.end - m.start)
    for country in mentions:
        if country.cls != "Country" or not country.entity_id or country.source != "registry":
            continue
        if country.start > 0 and text[country.start - 1].isascii() and text[country.start - 1].isalpha():
            continue  # 「JMブルガリア銅資源株式会社」: the country is inside a name that opens before it
        short = starts.get(country.end)
        if short is not None and short.candidate_key and nfkc(short.candidate_key) == text[country.start:short.end]:
            # 「ラオス人民民主共和国エネルギー鉱山省」 again, after its short name was defined: one body
            out.append(Mention(country.start, short.end, text[country.start:short.end], None, short.cls,
                               short.candidate_key, "pattern",
                               attrs={"jurisdiction": country.entity_id, "country_surface": country.surface}))
            swallowed |= {id(country), id(short)}
            for i in range(country.start, short.end):
                taken[i] = True
            continue
        j = country.end
        # 「パプアニューギニア財務省」, 「ペルー経済財務省」: a registry ministry's name ending the run after a
        # foreign country is part of that country's ministry's name
        over = {m.start: m for m in mentions if m.cls in pat.get("foreign_body_over", [])} \
            if country.entity_id != "country-jp" else {}
        stops = tuple(pat.get("name_run_stops", ()))
        joiners = pat.get("name_kana_joiners", "")
        k = _run_end(text, j, taken, inside, stops, joiners)
        while (registered := _registered_next(text, j, k, over)) is not None:
            inside[registered.start:registered.end] = [True] * (registered.end - registered.start)
            k = _run_end(text, j, taken, inside, stops, joiners)
        if k == j:
            continue
        found = None
        for end in range(k, j, -1):
            cls = next((c for s, c in suffixes if text.endswith(s, j, end) and end - j > len(s)), None)
            if cls is not None:
                found = (end, cls)
                break
        if found is None:
            continue
        end, cls = found
        if _bilateral_meeting(text, country, end, mentions, pat):
            continue  # 「日・カタール合同経済委員会」: a meeting of the two countries, not a body of one
        if end < k and not text[end:k].endswith(posts) and text[end:k] not in pat.get("body_followers", []):
            continue  # the run goes on into something that is not a post: not a name we can cut
        surface = text[country.start:end]
        key = country.attrs.get("label", country.surface) + text[country.end:end]  # 同国…省 → the country's name
        out.append(Mention(country.start, end, surface, None, cls, key, "pattern",
                           attrs={"jurisdiction": country.entity_id, "country_surface": country.surface}))
        swallowed.add(id(country))
        swallowed |= {id(m) for m in mentions if country.end <= m.start and m.end <= end}
        for i in range(country.start, end):
            taken[i] = True
    out += _place_bodies(text, taken, mentions, pat, swallowed)
    out += _region_bodies(text, taken, mentions, pat, swallowed)
    out += _units(text, taken, mentions + out, pat)  # a body found here may have a unit under it
    return out, swallowed


def _region_bodies(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any],
                   swallowed: set[int]) -> list[Mention]:
    """「アフリカ輸出入銀行」, 「欧州投資銀行」: a run of kanji right after a registry region that ends in one of
    ``region_body_suffixes`` names a body of the region's states (a candidate with no jurisdiction)."""
    out = []
    suffixes = sorted(pat.get("region_body_suffixes", []), key=lambda sc: len(sc[0]), reverse=True)
    stops = tuple(pat.get("name_run_stops", ()))
    for region in mentions:
        if region.cls != "Region" or not region.entity_id or region.source != "registry" or id(region) in swallowed:
            continue
        end = region.end
        while end < len(text) and is_kanji(text[end]) and not taken[end] and not text.startswith(stops, end):
            end += 1
        cls = next((c for suffix, c in suffixes if text.endswith(suffix, region.end, end)
                    and end - region.end > len(suffix)), None)
        if cls is None:
            continue
        surface = text[region.start:end]
        out.append(Mention(region.start, end, surface, None, cls, surface, "pattern"))
        swallowed.add(id(region))
        taken[region.start:end] = [True] * (end - region.start)
    return out


def _bilateral_meeting(text: str, country: Mention, end: int, mentions: list[Mention], pat: dict[str, Any]) -> bool:
    """Whether a name after a country that ends in a meeting word (合同委員会, 協力委員会) follows the 日 of a
    bilateral compound (日・カタール, 日ベトナム): the name of the two countries' meeting series."""
    compound = any(m.source == "compound" and (m.end == country.start or (m.end == country.start - 1
                                                                          and text[m.end] == "・"))
                   for m in mentions)
    meeting_words = tuple(s for s, c in pat["name_suffixes"] if c == "EventSeries")
    return compound and text.endswith(meeting_words, country.end, end)


def _units(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any]) -> list[Mention]:
    """「産総研地質調査総合センター」: a run of name characters right after a registry body that ends in
    one of ``org_part_suffixes`` names a unit of that body (a mention of its own, of the body's class)."""
    out = []
    suffixes = tuple(pat.get("org_part_suffixes", ()))
    for body in mentions:
        if body.cls not in _BODY_CLASSES or not body.entity_id or body.source != "registry":
            continue
        end = _run_end(text, body.end, taken, [False] * (len(text) + 1), tuple(pat.get("name_run_stops", ())))
        if end - body.end < 3 or not text.endswith(suffixes, body.end, end):
            continue
        surface = text[body.end:end]
        out.append(Mention(body.end, end, surface, None, body.cls, nfkc(surface), "pattern"))
        for i in range(body.end, end):
            taken[i] = True
    suffixes_by_class = sorted(pat["country_body_suffixes"], key=lambda sc: len(sc[0]), reverse=True)
    for body in mentions:  # 「MEMD傘下の地質調査・鉱山局」: a body under another (``subsidiary_markers``)
        marker = next((m for m in pat.get("subsidiary_markers", ()) if body.cls in _BODY_CLASSES
                       and text.startswith(m, body.end)), "")
        start = body.end + len(marker)
        end = _run_end(text, start, taken, [False] * (len(text) + 1), tuple(pat.get("name_run_stops", ()))) if marker else 0
        cls = next((c for suffix, c in suffixes_by_class if marker and text.endswith(suffix, start, end)
                    and end - start > len(suffix)), None)
        if cls is None:
            continue
        surface = text[start:end]
        out.append(Mention(start, end, surface, None, cls, nfkc(surface), "pattern",
                           attrs={k: v for k, v in body.attrs.items() if k == "jurisdiction"}))
        taken[start:end] = [True] * (end - start)
    return out


def _place_bodies(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any],
                  swallowed: set[int]) -> list[Mention]:
    """「クイーンズランド州政府」, 「西オーストラリア州政府」: a state's or province's government."""
    out = []
    for place in mentions:
        if place.cls != "Place" or not place.entity_id or place.source != "registry":
            continue
        suffix = next((w for w, _ in pat.get("place_body_suffixes", []) if text.startswith(w, place.end)
                       and not any(taken[place.end:place.end + len(w)])), None)
        if suffix is None:
            continue
        cls = dict(pat["place_body_suffixes"])[suffix]
        end = place.end + len(suffix)
        surface = text[place.start:end]
        out.append(Mention(place.start, end, surface, None, cls, nfkc(surface), "pattern",
                           ))
        swallowed.add(id(place))
        for i in range(place.start, end):
            taken[i] = True
    return out
