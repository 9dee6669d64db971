"""People with their posts: [country][の・]? [name] [post].

- 武藤経済産業大臣: name 武藤 (a registry family name) + registry post 経済産業大臣;
  the person is the registry person of that family name who held that post.
- 豪州のキング資源大臣, チリ共和国ウィリアムス鉱業大臣, 英国・ベイデノック ビジネス・貿易大臣,
  アブドルアジーズ・エネルギー大臣: a katakana name before the post; the post's jurisdiction is the
  country just before (or in brackets just after: ンドゥマ鉱業大臣（タンザニア）), else the last
  foreign country named. A registry post whose jurisdiction disagrees becomes a candidate post.
- Unknown posts: a run of kanji (and post words such as エネルギー) ending in a post suffix
  (大臣, 副大臣, 長官, 大使…); the name before it comes from the registry's family names or
  Sudachi's 人名 tokens. Unknown people and posts are kept as candidates, never dropped.
"""

from __future__ import annotations

from typing import Any

from ..registry import Entry, Registry
from .model import DocumentContext, Mention, is_kanji, is_katakana, nfkc
from .sudachi import Token

JAPAN = "country-jp"
STRIP_PREFIX = "同各両前元新現当"
NOT_A_POST_AFTER = ("会合", "会議", "級", "対話", "会談", "等会合")


class PeopleIndex:
    """Registry people by each way the text may name them before a post."""

    def __init__(self, registry: Registry) -> None:
        self.by_name: dict[str, list[Entry]] = {}
        for person in registry.of_class("Person"):
            names = set(person.extra.get("family_name_ja", "").split("|"))
            names |= {person.label_ja, *person.aliases_ja}
            for name in names:
                if name:
                    self.by_name.setdefault(nfkc(name), []).append(person)
        self.kanji_names = sorted((n for n in self.by_name if all(is_kanji(c) for c in n)), key=len, reverse=True)


def find_people(text: str, mentions: list[Mention], taken: list[bool], tokens: list[Token],
                registry: Registry, index: PeopleIndex, pat: dict[str, Any],
                context: DocumentContext | None) -> list[Mention]:
    """New mentions (people, unknown posts); registry post mentions are updated in place."""
    posts = [m for m in mentions if m.cls == "Post"]
    posts += _generic_posts(text, taken, tokens, index, pat)
    posts.sort(key=lambda m: m.start)
    countries = sorted((m for m in mentions if m.cls == "Country"), key=lambda m: m.start)
    by_end = {m.end: m for m in countries}
    by_start = {m.start: m for m in countries}
    person_ends = {t.end: t for t in tokens if t.proper and t.pos[2] == "人名"}
    new: list[Mention] = [p for p in posts if p.source == "pattern"]
    known_people = {m.end: m for m in mentions if m.cls == "Person"}
    for post in posts:
        known = known_people.get(post.start) or (
            known_people.get(post.start - 1) if post.start > 0 and text[post.start - 1] in "・ " else None)
        name = None if known else _name_before(text, post.start, taken, index, tokens, person_ends)
        b = name[0] if name else (known.start if known else post.start)
        explicit = _country_before(text, b, by_end) or _country_after(text, post.end, by_start)
        fallback = explicit or _last_foreign(countries, b) or (context.last_foreign_country if context else None)
        katakana_name = bool(name) and any(is_katakana(c) for c in text[name[0]:name[1]])
        held = {p for person in (index.by_name.get(text[name[0]:name[1]], []) if name else [])
                for p in person.refs("posts")}
        _resolve_post(post, registry, explicit, fallback, katakana_name, held)
        if post.source == "pattern" and not name and not known and post.surface not in pat["post_alone_ok"] \
                and post.surface in pat["post_suffixes"]:
            new.remove(post)  # a bare 大臣 with no name: not a post of anyone
            continue
        if known:
            known.parts = (post,)
            known.attrs["post"] = post.entity_id or post.candidate_key or ""
            if "jurisdiction" in post.attrs:
                known.attrs["jurisdiction"] = post.attrs["jurisdiction"]
        elif name:
            person = _person(text, name, post, index, fallback, katakana_name)
            new.append(person)
            for k in range(name[0], name[1]):
                taken[k] = True
        for k in range(post.start, post.end):
            taken[k] = True
    return new


def _generic_posts(text: str, taken: list[bool], tokens: list[Token], index: PeopleIndex,
                   pat: dict[str, Any]) -> list[Mention]:
    suffixes = sorted(pat["post_suffixes"], key=len, reverse=True)
    words = sorted(pat["post_words"], key=len, reverse=True)
    name_ends = {t.end for t in tokens if t.proper and t.pos[2] == "人名"}
    out: list[Mention] = []
    i = 0
    while i < len(text):
        suffix = next((s for s in suffixes if text.startswith(s, i)), None)
        if suffix is None:
            i += 1
            continue
        s, e = i, i + len(suffix)
        i = e
        if any(taken[s:e]) or text.startswith(NOT_A_POST_AFTER, e):
            continue
        k = s
        while k > 0 and not taken[k - 1] and k not in name_ends:
            c = text[k - 1]
            if is_kanji(c):
                k -= 1
                continue
            word = next((w for w in words if text.endswith(w, 0, k)), None)
            if word and not any(taken[k - len(word):k]):
                k -= len(word)
                continue
            if c in "・ " and k - 1 > 0 and next((w for w in words if text.endswith(w, 0, k - 1)), None):
                k -= 1
                continue
            break
        while k < s and text[k] in STRIP_PREFIX:
            k += 1
        for fam in index.kanji_names:  # 古賀国土交通副大臣: a family name starts the run
            if text.startswith(fam, k) and k + len(fam) < s:
                k += len(fam)
                break
        surface = text[k:e]
        out.append(Mention(k, e, surface, None, "Post", surface, "pattern"))
    return out


def _name_before(text: str, ps: int, taken: list[bool], index: PeopleIndex, tokens: list[Token],
                 person_ends: dict[int, Token]) -> tuple[int, int] | None:
    j = ps
    if j > 1 and text[j - 1] in "・ " and is_katakana(text[j - 2]) and not taken[j - 2]:
        j -= 1
    k = j
    while k > 0 and not taken[k - 1] and (is_katakana(text[k - 1]) or text[k - 1] in "・="):
        k -= 1
    while k < j and text[k] in "・=":
        k += 1
    if k < j and any(is_katakana(c) for c in text[k:j]):
        return (k, j)
    if ps == 0 or not is_kanji(text[ps - 1]):
        return None
    for fam in index.kanji_names:
        if text.endswith(fam, 0, ps) and not any(taken[ps - len(fam):ps]):
            return (ps - len(fam), ps)
    tok = person_ends.get(ps)
    if tok is None or any(taken[tok.start:ps]):
        return None
    start = tok.start
    while start in person_ends and person_ends[start].start < start and not taken[person_ends[start].start]:
        start = person_ends[start].start
    return (start, ps)


def _country_before(text: str, b: int, by_end: dict[int, Mention]) -> str | None:
    if b in by_end:
        return by_end[b].entity_id
    if b > 0 and text[b - 1] in "の・ " and (b - 1) in by_end:
        return by_end[b - 1].entity_id
    return None


def _country_after(text: str, e: int, by_start: dict[int, Mention]) -> str | None:
    if e < len(text) and text[e] == "(" and (e + 1) in by_start:
        m = by_start[e + 1]
        if m.end < len(text) and text[m.end] == ")":
            return m.entity_id
    return None


def _last_foreign(countries: list[Mention], before: int) -> str | None:
    found = None
    for m in countries:
        if m.end <= before and m.entity_id and m.entity_id != JAPAN:
            found = m.entity_id
    return found


def _resolve_post(post: Mention, registry: Registry, explicit: str | None, fallback: str | None,
                  katakana_name: bool, held: set[str]) -> None:
    """Keep a registry post whose jurisdiction fits; otherwise make the mention a candidate."""
    options = post.attrs.get("alternatives", post.entity_id or "").split("|")
    entries = [registry.get(o) for o in options if o and registry.get(o)]
    for entry in entries:
        jur = entry.extra.get("jurisdiction", "")
        if explicit:
            ok = explicit == jur or (not jur)
        elif entry.id in held:  # アブドルアジーズ・エネルギー大臣: the named person held this post
            ok = True
        elif jur in ("", JAPAN):
            ok = not katakana_name
        else:
            ok = fallback == jur
        if ok:
            post.entity_id, post.candidate_key, post.source = entry.id, None, "registry"
            if jur:
                post.attrs["jurisdiction"] = jur
            post.attrs.pop("alternatives", None)
            return
    country = explicit or (fallback if fallback != JAPAN else None)
    label = ""
    if country and registry.get(country):
        label = registry.get(country).label_ja
        post.attrs["jurisdiction"] = country
    key = post.surface if not label or post.surface.startswith(label) else f"{label}{post.surface}"
    post.entity_id, post.candidate_key, post.source = None, key, "pattern"
    post.attrs.pop("alternatives", None)


def _person(text: str, name: tuple[int, int], post: Mention, index: PeopleIndex, country: str | None,
            katakana_name: bool) -> Mention:
    surface = text[name[0]:name[1]]
    people = index.by_name.get(nfkc(surface).replace(" ", ""), [])
    chosen: Entry | None = None
    if post.entity_id:
        holders = [p for p in people if post.entity_id in p.refs("posts")]
        if len(holders) == 1:
            chosen = holders[0]
    elif katakana_name and country:
        same = [p for p in people if p.extra.get("nationality") == country]
        if len(same) == 1:
            chosen = same[0]
    attrs = {"post": post.entity_id or post.candidate_key or ""}
    if "jurisdiction" in post.attrs:
        attrs["jurisdiction"] = post.attrs["jurisdiction"]
    if chosen is not None:
        return Mention(name[0], name[1], surface, chosen.id, "Person", None, "registry", (post,), attrs)
    return Mention(name[0], name[1], surface, None, "Person", nfkc(surface).replace(" ", ""), "pattern",
                   (post,), attrs)
