"""People with their posts: [country][の・]? [name] [post].

- 武藤経済産業大臣: name 武藤 (a registry family name) + registry post 経済産業大臣;
  the person is the registry person of that family name who held that post.
- 豪州のキング資源大臣, チリ共和国ウィリアムス鉱業大臣, 英国・ベイデノック ビジネス・貿易大臣,
  アブドルアジーズ・エネルギー大臣: a katakana name before the post; the post's jurisdiction is the
  country just before (or in brackets just after: ンドゥマ鉱業大臣（タンザニア）), else the last
  foreign country named. A registry post whose jurisdiction disagrees becomes a candidate post.
- Unknown posts: a run of kanji (and post words such as エネルギー, kanji joined by ・ as in
  鉱業・重工業大臣, registry resources and regions as in 金属資源開発本部長) ending in a post suffix
  (大臣, 副大臣, 長官, 大使, 本部長, 理事長, CEO…); the name before it comes from the registry's family
  names, Sudachi's 人名 tokens, or a kanji word Sudachi's dictionary knows as a family name (山中).
  Unknown people and posts are kept as candidates, never dropped.
- [organisation]の[name][post] (JOGMECの山中金属資源開発本部長, モンゴル国鉱業・重工業省のドルジスレン
  鉱業・重工業大臣): the post is in that organisation (``attrs["post_in"]``) and takes its country.
- A bare post (大臣, 副大臣) after a registry family name (武藤大臣) is that person's registered post
  (the one the document named him with first, else the only one that ends so); a kanji name never
  takes the last foreign country named as its jurisdiction (except ``kanji_name_countries``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from ..patterns import load_patterns
from ..registry import Entry, Registry
from .model import JAPAN, DocumentContext, Mention, is_kanji, is_katakana, nfkc
from .sudachi import Token

STRIP_PREFIX = "同各両前元新現当"
NOT_A_POST_AFTER = ("会合", "会議", "級", "対話", "会談", "等会合")
ORGANISATIONS = {"GovernmentBody", "PublicAgency", "FinancialInstitution", "InternationalOrganisation", "Company"}


@lru_cache(maxsize=4096)
def _can_be_family_name(word: str) -> bool:
    """Whether Sudachi's dictionary lists the word as a family name (人名, 姓) among its readings."""
    from .sudachi import dictionary

    return any(m.part_of_speech()[2:4] == ("人名", "姓") for m in dictionary().lookup(word))


def _kanji_name(name: str, pat: dict[str, Any]) -> bool:
    """A Japanese name: kanji, where a kana of 'kanji_name_kana' may stand between two kanji (一ノ瀬, 八ヶ代)."""
    infix = pat.get("kanji_name_kana", "")
    return all(is_kanji(c) or (c in infix and 0 < i < len(name) - 1 and is_kanji(name[i - 1]) and is_kanji(name[i + 1]))
               for i, c in enumerate(name))


def _family_name_token(tok: Token | None, text: str, taken: list[bool] | None = None) -> bool:
    """A word the dictionary knows that may be a family name standing before a post. A word it knows as
    a place name (三宅, 堀江) counts only right after 「<named body>の」 (JOGMECの三宅理事), where a place
    cannot stand: 鹿児島県知事 stays a post of a place; so does one opening a sentence or clause before a post
    (藤巻経済産業副大臣は), but not before an administrative word (県, 州, 市…)."""
    if tok is None or not 1 <= tok.end - tok.start <= 3 or not all(is_kanji(c) for c in tok.surface):
        return False
    if tok.proper and tok.pos[2] == "地名":
        after_body = taken is not None and tok.start >= 2 and text[tok.start - 1] == "の" and taken[tok.start - 2]
        # 「藤巻経済産業副大臣は」: opening the sentence or a clause, before no administrative word
        opening = (tok.start == 0 or text[tok.start - 1] in "、,。「(（ ・") and (
            tok.end < len(text) and text[tok.end] not in load_patterns("recognise")["family_name_not_before"])
        return (after_body or opening) and _can_be_family_name(tok.surface)
    return _can_be_family_name(tok.surface)


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
                context: DocumentContext | None) -> tuple[list[Mention], set[int]]:
    """New mentions (people, unknown posts), and ids of mentions a post swallowed
    (金属資源 in 金属資源開発本部長); registry post mentions are updated in place."""
    swallowed: set[int] = set()
    posts = [m for m in mentions if m.cls == "Post"]
    _extend_registry_posts(text, posts, taken, tokens, mentions, index, pat, swallowed, registry)
    generic = _generic_posts(text, taken, tokens, mentions, index, pat, swallowed,
                             context.family_names if context is not None else ())
    posts += generic
    posts.sort(key=lambda m: m.start)
    countries = sorted((m for m in mentions if m.cls == "Country" and id(m) not in swallowed), key=lambda m: m.start)
    by_end = {m.end: m for m in countries}
    by_start = {m.start: m for m in countries}
    orgs = {m.end: m for m in mentions if m.cls in ORGANISATIONS}
    person_ends = {t.end: t for t in tokens if t.proper and t.pos[2] == "人名"}
    tok_by_end = {t.end: t for t in tokens}
    new: list[Mention] = list(generic)
    known_people = {m.end: m for m in mentions if m.cls == "Person"}
    bare = set(pat["post_suffixes"])
    modifiers = set(pat["post_title_modifiers"])
    for post in posts:
        given = _given_name_in_post(text, post, bare, modifiers) if any(p is post for p in generic) else None
        if given is not None:  # 「久世 真理理事」: a given name written before the post, not part of it
            post.start = given[1]
            post.surface = post.candidate_key = text[post.start:post.end]
            known, name = None, given
        else:
            known = known_people.get(post.start) or (
                known_people.get(post.start - 1) if post.start > 0 and text[post.start - 1] in "・ " else None)
            name = None if known else (_name_before(text, post.start, taken, index, tokens, person_ends, tok_by_end)
                                       or _bare_family_name(text, post, taken, registry, pat)
                                       or _named_before(text, post.start, context))
        inside = None
        if not name and not known and post.start in by_end and by_end[post.start].start > 1 \
                and text[by_end[post.start].start - 1] == "・":  # ソアレス・ブラジル外務大臣
            inside = by_end[post.start]
            known = known_people.get(inside.start - 1)  # a name read already (ライラ・ベンナニ・モロッコ王国…大臣)
            name = None if known else _name_before(text, inside.start, taken, index, tokens, person_ends, tok_by_end)
        if not name and not known and post.start in by_end and by_end[post.start].start in known_people:
            inside = by_end[post.start]  # 高市早苗日本国内閣総理大臣: a person named, then the country of the post
            known = known_people[inside.start]
        ministry = orgs.get(post.start)
        if not name and not known and ministry is not None and ministry.start > 1 \
                and text[ministry.start - 1] == "・":  # マシャバ・モザンビーク共和国鉱物資源エネルギー省副大臣
            name = _name_before(text, ministry.start, taken, index, tokens, person_ends, tok_by_end)
        if not name and not known and ministry is not None:  # 川原田智外務省経済局長: name, body, post
            known = known_people.get(ministry.start)
            if known is None:
                name = _name_before(text, ministry.start, taken, index, tokens, person_ends, tok_by_end)
        if not name and not known and text.startswith(NOT_A_POST_AFTER, post.end):
            if any(p is post for p in generic):
                new.remove(post)
            swallowed.add(id(post))  # 外相会談, 大臣会合: a kind of meeting, not anyone's post
            continue
        b = name[0] if name else (known.start if known else post.start)
        org = _org_before(text, b, orgs) or (ministry if ministry is not None and (name or known) else None)
        explicit = post.attrs.get("envoy_of") or _country_before(text, b, by_end) or _country_after(text, post.end, by_start) \
            or _country_of(org, registry) or (inside.entity_id if inside and (name or known) else None) \
            or (context.family_names.get(text[name[0]:name[1]]) if name and context is not None else None)
        kanji_name = bool(name) and _kanji_name(text[name[0]:name[1]], pat)
        katakana_name = bool(name) and not kanji_name and any(is_katakana(c) for c in text[name[0]:name[1]])
        written = text[name[0]:name[1]] if name else ""
        told = context.post_countries.get(written) if context is not None and katakana_name else None
        fallback = explicit or told or _last_foreign(countries, b) or (
            context.last_foreign_country if context is not None and not context.last_foreign_several else None)
        if kanji_name and not explicit and fallback not in pat["kanji_name_countries"]:
            fallback = None  # 武藤大臣 in a release about Tanzania is not Tanzania's minister
        people = index.by_name.get(written, [])
        held = {p for person in people for p in person.refs("posts")}
        if org is not None:
            post.attrs["post_in"] = org.key
        if post.source == "pattern" and post.surface in bare and name and not explicit:
            _registered_bare_post(post, written, people, registry, pat, context)
        if post.source == "pattern" and post.surface in bare and org is not None:
            _org_bare_post(post, org, registry, explicit, _bracketed_name(text, b, org))
        _resolve_post(post, registry, explicit, fallback, katakana_name, held)
        if post.source == "pattern" and not name and not known and post.surface not in pat["post_alone_ok"] \
                and post.surface in bare:
            if any(p is post for p in generic):
                new.remove(post)  # a bare 大臣 with no name: not a post of anyone
            else:
                swallowed.add(id(post))
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
    return new, swallowed


def _named_before(text: str, start: int, context: DocumentContext | None) -> tuple[int, int] | None:
    """「…が葉山副大臣と会談」: a family name the document named with a post before, right before this post."""
    for name in sorted(context.family_names if context is not None else (), key=len, reverse=True):
        if text.endswith(name, 0, start) and (start == len(name) or not is_kanji(text[start - len(name) - 1])):
            return start - len(name), start
    return None


def _given_name_in_post(text: str, post: Mention, suffixes: set[str], modifiers: set[str]) -> tuple[int, int] | None:
    """「JOGMECの久世 真理理事」: a family name of one to three kanji, a space, then one to three kanji and a post
    title is a full name and the title; the kanji are a given name the dictionary reads as a word (真理), unless
    they modify the title (常務理事, 上席審議官: ``post_title_modifiers``). The span of the name, or None."""
    title = max((w for w in suffixes if post.surface.endswith(w)), key=len, default="")
    given = post.surface[:len(post.surface) - len(title)]
    family_end = post.start - 1
    if not title or not 1 <= len(given) <= 3 or not all(is_kanji(c) for c in given) \
            or any(given.endswith(m) for m in modifiers) or family_end < 1 or text[family_end] != " ":
        return None
    family_start = family_end
    while family_start > 0 and is_kanji(text[family_start - 1]):
        family_start -= 1
    if not 1 <= family_end - family_start <= 3:
        return None
    return family_start, post.start + len(given)


def _org_before(text: str, b: int, orgs: dict[int, Mention]) -> Mention | None:
    """The organisation named just before a person: 「JOGMECの山中…」, 「スリナム国営石油会社（スタートスオリー）の
    アンドレ・ブラウン総裁」 (its other name in brackets between)."""
    if b > 0 and text[b - 1] == "の" and (b - 1) in orgs:
        return orgs[b - 1]
    if b > 1 and text[b - 1] == "の" and text[b - 2] == ")":
        opener = text.rfind("(", 0, b - 2)
        if opener > 0 and opener in orgs:
            return orgs[opener]
    return None


def _country_of(org: Mention | None, registry: Registry) -> str | None:
    if org is None:
        return None
    if org.entity_id:
        entry = registry.get(org.entity_id)
        return (entry.extra.get("country") or None) if entry is not None else None
    return org.attrs.get("jurisdiction")


def _suffix_of(label: str, suffixes: list[str]) -> str:
    return next((s for s in sorted(suffixes, key=len, reverse=True) if label.endswith(s)), "")


def _registered_bare_post(post: Mention, written: str, people: list[Entry], registry: Registry,
                          pat: dict[str, Any], context: DocumentContext | None) -> None:
    """武藤大臣: the registered post of the person the family name names, if one fits the bare title."""
    fits: dict[str, list[str]] = {}
    for person in people:
        for post_id in person.refs("posts"):
            entry = registry.get(post_id)
            if entry is not None and _suffix_of(nfkc(entry.label_ja), pat["post_suffixes"]) == post.surface:
                fits.setdefault(person.id, []).append(post_id)
    remembered = context.people.get(written) if context is not None else None
    # 「茂木大臣」 after 「茂木敏充外務大臣」: the post the document named that person with, by full name too
    named = {held for person, held in (context.people.values() if context is not None else ())
             if person in fits and held in fits[person]}
    if remembered and remembered[0] in fits and remembered[1] in fits[remembered[0]]:
        chosen = remembered[1]
    elif len(named) == 1:
        chosen = next(iter(named))
    elif len(fits) == 1 and len(next(iter(fits.values()))) == 1:
        chosen = next(iter(fits.values()))[0]
    else:
        return
    post.entity_id, post.candidate_key, post.source = chosen, None, "registry"


def _bracketed_name(text: str, b: int, org: Mention) -> str:
    """「独立行政法人エネルギー・金属鉱物資源機構（JOGMEC）の…」: the body's other name in the brackets between it
    and the person, or ''."""
    if b > 1 and text[b - 2] == ")" and text[org.end] == "(":
        return text[org.end + 1:b - 2]
    return ""


def _org_bare_post(post: Mention, org: Mention, registry: Registry, explicit: str | None, called: str = "") -> None:
    """JOGMECの高原理事長: the organisation's registered post of that title, else a candidate keyed
    by the organisation's name (理事長 of one body is not 理事長 of another). The post is also written with the
    name the text calls the body by (``called``, its other name in brackets: JOGMEC理事)."""
    if org.entity_id:
        found = [e for e in registry.of_class("Post")
                 if e.extra.get("post_in") == org.entity_id and nfkc(e.label_ja).endswith(post.surface)]
        if len(found) == 1:
            post.entity_id, post.candidate_key, post.source = found[0].id, None, "registry"
            return
        label = nfkc(registry.get(org.entity_id).label_ja)
    else:
        label = org.candidate_key or org.surface
    post.attrs["org_label"] = label
    written = nfkc(called or org.surface)
    if written != label:  # JOGMEC理事: the post as the text writes it, beside its full name
        post.attrs["written"] = f"{written}{post.surface}"


def _extend_registry_posts(text: str, posts: list[Mention], taken: list[bool], tokens: list[Token],
                           mentions: list[Mention], index: PeopleIndex, pat: dict[str, Any],
                           swallowed: set[int], registry: Registry) -> None:
    """フォンテーヌ天然資源大臣: a registry post name (資源大臣) that kanji go on before is the tail of a
    longer post the registry lacks; the mention becomes that post (a candidate)."""
    inner = {m.end: m for m in mentions if m.cls in pat["post_may_contain"]}
    name_ends = {t.end for t in tokens if t.proper and t.pos[2] == "人名"}
    tok_by_start = {t.start: t for t in tokens}
    words = sorted(pat["post_words"], key=len, reverse=True)  # エネルギー・天然資源大臣
    for post in posts:
        before = post.start - 1
        if before >= 1 and text[before] == "・":  # 鉱山・エネルギー大臣: the post goes on over the dot
            before -= 1
        if post.source != "registry" or before < 0 or (taken[before] and before + 1 not in inner) or not (
                is_kanji(text[before]) or any(text.endswith(w, 0, before + 1) for w in words)):
            continue  # (a resource the post may name goes before it: 鉱物資源エネルギー大臣)
        if _bare_family_name(text, post, taken, registry, pat):
            continue  # 「二階経済産業大臣が」: a family name before Japan's post, not a longer post
        for k in range(post.start, post.end):
            taken[k] = False
        start = _post_start(text, post.start, taken, inner, name_ends, tok_by_start, words, index, named_post=True,
                            joiners=pat.get("name_kana_joiners", ""))
        for k in range(post.start, post.end):
            taken[k] = True
        if start is None or start[0] >= post.start:
            continue
        k, runs_over = start
        swallowed |= {id(m) for m in runs_over}
        for i in range(k, post.start):
            taken[i] = True
        post.start, post.surface = k, text[k:post.end]
        post.entity_id, post.candidate_key, post.source = None, post.surface, "pattern"
        post.attrs.pop("alternatives", None)


@lru_cache(maxsize=4)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a set of words; at any position the longest word matches first."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _generic_posts(text: str, taken: list[bool], tokens: list[Token], mentions: list[Mention],
                   index: PeopleIndex, pat: dict[str, Any], swallowed: set[int],
                   named: Iterable[str] = ()) -> list[Mention]:
    suffix_re = _alternation(tuple(pat["post_suffixes"]))
    words = sorted(pat["post_words"], key=len, reverse=True)
    inner = {m.end: m for m in mentions if m.cls in pat["post_may_contain"]}
    name_ends = {t.end for t in tokens if t.proper and t.pos[2] == "人名"}
    tok_by_start = {t.start: t for t in tokens}
    out: list[Mention] = []
    i = 0
    while i < len(text):
        found = suffix_re.search(text, i)
        if found is None:
            break
        suffix = found.group(0)
        s, e = found.start(), found.end()
        i = e
        if any(taken[s:e]) or text.startswith(NOT_A_POST_AFTER, e):
            continue
        if suffix in pat.get("post_word_end_suffixes", ()) and e < len(text) and (is_kanji(text[e]) or is_katakana(text[e])):
            continue  # 相互, 相手: the word goes on
        if suffix.isascii() and ((s > 0 and text[s - 1].isascii() and text[s - 1].isalnum())
                                 or (e < len(text) and text[e].isascii() and text[e].isalnum())):
            continue  # CEO inside a Latin word
        start = _post_start(text, s, taken, inner, name_ends, tok_by_start, words, index, named=named,
                            joiners=pat.get("name_kana_joiners", ""))
        if start is None:
            continue
        k, runs_over = start
        envoy = _envoy(text, k, suffix, mentions, pat.get("envoy"))
        if envoy is not None:
            k, sent_to, jurisdiction = envoy
            runs_over += sent_to
        swallowed |= {id(m) for m in runs_over}
        surface = text[k:e]
        # 「石油大臣兼電力・水大臣」: one post that runs over the one just found
        out = [m for m in out if not (k <= m.start and m.end <= e)]
        out.append(Mention(k, e, surface, None, "Post", surface, "pattern"))
        if envoy is not None:
            out[-1].attrs["envoy_of"] = jurisdiction
    return out


def _envoy(text: str, k: int, suffix: str, mentions: list[Mention], spec: dict | None
           ) -> tuple[int, list[Mention], str] | None:
    """「駐ルワンダ日本国特命全権大使」, 「駐ルワンダ大使」: an ambassador's post names the country they are sent to
    after 駐 (``envoy``: 'prefix'), and may name their own (日本国) before the title; with none, they are the
    document's side's (Japan's). 「駐日ルワンダ大使」 ('home_prefix'): the country's ambassador to Japan. The start
    of the post, the countries it runs over, and the country whose post it is; None if it is not one."""
    if spec is None or suffix not in spec["posts"]:
        return None
    by_end = {m.end: m for m in mentions if m.cls == "Country"}
    names: list[Mention] = []
    at = k
    while at in by_end and len(names) < 2:
        names.insert(0, by_end[at])
        at = by_end[at].start
    for prefix, sent_from in ((spec["home_prefix"], "named"), (spec["prefix"], "own")):
        if names and text.endswith(prefix, 0, at):
            own = names[1].entity_id if len(names) == 2 else spec["home"]
            return at - len(prefix), names, (names[0].entity_id if sent_from == "named" else own) or ""
    return None


def joint_posts(text: str, mentions: list[Mention], suffixes: list[str] = ()) -> list[Mention]:
    """「セルジュ・ンデマ副首相兼石油・ガス大臣」: two posts joined by 兼 are the one post a person holds (the second
    would otherwise stand between the person and the particle that gives the person's role); so is a second post
    written as a body the registry knows and a post word (「真鍋経済産業副大臣兼内閣府副大臣」: ``suffixes``). Where the
    first is a post the registry knows, the person holds both: it, and the second as a post of its own."""
    posts = {m.start: m for m in mentions if m.cls == "Post"}
    bodies = {m.start: m for m in mentions if m.cls != "Post" and m.cls != "Person"}
    words = sorted(suffixes, key=len, reverse=True)
    out = list(mentions)
    for person in mentions:
        if person.cls != "Person" or len(person.parts) != 1:
            continue
        first = person.parts[0]
        second = posts.get(first.end)
        body = bodies.get(first.end + 1) if text.startswith("兼", first.end) else None
        word = next((w for w in words if body is not None and text.startswith(w, body.end)), "")
        if word:  # 兼 + a body's name + a post word
            end, swallowed = body.end + len(word), body
        elif second is not None and second.surface.startswith("兼") and not second.entity_id:
            end, swallowed = second.end, second
        else:
            continue
        if first.entity_id:  # 「経済産業副大臣兼内閣府副大臣」: a post the registry knows stays itself, the other beside it
            name = text[first.end + 1:end]
            other = Mention(first.end + 1, end, name, None, "Post", name, "pattern", attrs=dict(first.attrs))
            person.parts = (first, other)
            out = [m for m in out if m is not swallowed] + [other]
            continue
        key = (first.candidate_key or first.surface) + text[first.end:end]
        joint = Mention(first.start, end, text[first.start:end], None, "Post", key, "pattern",
                        attrs=dict(first.attrs))
        person.parts = (joint,)
        person.attrs["post"] = key
        out = [m for m in out if m is not swallowed and m is not first] + ([joint] if first in out else [])
    return sorted(out, key=lambda m: (m.start, m.end))


def spaced_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """「理事長：高畑 信吾」: a given name the dictionary knows (a person's mention) written apart after a short run of
    kanji is that person's full name, whatever else the dictionary reads the run as (a place: 高畑, 三輪)."""
    by_end = {m.end: m for m in mentions}
    out = list(mentions)
    for person in mentions:
        if person.cls != "Person" or person.parts or person.start < 2 or text[person.start - 1] != " " \
                or not all(is_kanji(c) for c in person.surface) or " " in person.surface:
            continue
        family = by_end.get(person.start - 1)
        if family is None or family.entity_id or family.cls not in ("Place", "Person") \
                or not 1 <= len(family.surface) <= 3 or not all(is_kanji(c) for c in family.surface) \
                or (family.start > 0 and is_kanji(text[family.start - 1])):
            continue
        surface = text[family.start:person.end]
        out = [m for m in out if m is not family and m is not person]
        out.append(Mention(family.start, person.end, surface, None, "Person", surface, "pattern", attrs=dict(person.attrs)))
    return sorted(out, key=lambda m: (m.start, m.end))


def gloss_posts(text: str, mentions: list[Mention], registry: Registry, pat: dict[str, Any]) -> None:
    """「独立行政法人エネルギー・金属鉱物資源機構（本部：東京都港区、理事長：栗山 隆、以下「JOGMEC」）」,
    「株式会社日本貿易保険（NEXI、代表取締役社長：大河内 洋一）」: a post and a colon before a person's name
    in the brackets right after an organisation's name say that the person holds that post of it. The
    person is given the post (``parts``), marked ``glossed``: the release shows who holds it on its date."""
    posts = tuple(pat["post_suffixes"])
    orgs = {m.end: m for m in mentions if m.cls in ORGANISATIONS}
    for person in mentions:
        if person.cls != "Person" or person.parts:
            continue
        opener = max(text.rfind(b, 0, person.start) for b in ("（", "("))
        if opener < 0 or max(text.rfind(b, opener, person.start) for b in ("）", ")")) >= 0:
            continue  # not inside brackets
        field = re.match(GLOSS_FIELD, text[max(text.rfind("、", opener, person.start), opener) + 1:person.start])
        org = orgs.get(opener)
        if field is None or org is None or not field.group("post").endswith(posts):
            continue
        start = person.start - len(field.group(0)) + field.start("post")
        post = Mention(start, start + len(field.group("post")), field.group("post"), None, "Post",
                       field.group("post"), "pattern")
        _org_bare_post(post, org, registry, None)
        post.attrs["post_in"] = org.key
        person.parts = (post,)
        person.attrs["post"] = post.entity_id or post.candidate_key or ""
        person.attrs["glossed"] = True


#: 「理事長：」 before a name in an organisation's gloss (spaces allowed around the colon)
GLOSS_FIELD = re.compile(r"^\s*(?P<post>[^\s：:、，,（）()]{2,16})\s*[：:]\s*$")


def _post_start(text: str, s: int, taken: list[bool], inner: dict[int, Mention], name_ends: set[int],
                tok_by_start: dict[int, Token], words: list[str], index: PeopleIndex, named_post: bool = False,
                joiners: str = "", named: Iterable[str] = ()) -> tuple[int, list[Mention]] | None:
    """Where the post ending in the suffix at ``s`` starts (kanji, post words, ・, resources and regions
    back from it; a family name, a prefix such as 同 left out), and the mentions it runs over. A family name is a
    registry person's, or one the document named with a post before (``named``: 「葉山経済産業副大臣」 makes the
    later 「葉山副大臣」 a name and a post, though the dictionary reads 葉山 as a place)."""
    k = s
    runs_over: list[Mention] = []
    while k > 0 and k not in name_ends:
        if taken[k - 1]:
            m = inner.get(k)
            if m is None:
                break
            runs_over.append(m)
            k = m.start
            continue
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
        if c in joiners and k < s and k - 1 > 0 and is_kanji(text[k - 2]) and is_kanji(text[k]) and not taken[k - 2]:
            k -= 1  # 持続可能な開発大臣: an adjective's な inside the post's name
            continue
        if c == "・" and k - 1 > 0 and (k < s or named_post) and is_kanji(text[k - 2]) \
                and (not taken[k - 2] or k - 1 in inner):
            k -= 1  # 鉱業・重工業大臣; 鉱山・エネルギー大臣 (a registry post's name after the dot); 石油・天然ガス大臣
            continue
        break
    while k < s and text[k] in STRIP_PREFIX:
        k += 1
    for fam in (*sorted(named, key=len, reverse=True), *index.kanji_names):  # 古賀国土交通副大臣: a family name starts the run
        if text.startswith(fam, k) and k + len(fam) <= s:
            k += len(fam)
            break
    else:
        tok = tok_by_start.get(k)  # 山中金属資源開発本部長: a word the dictionary knows as a family name
        if k < s and tok is not None and tok.end <= s and _family_name_token(tok, text, taken) \
                and not any(m.start < tok.end for m in runs_over):
            k = tok.end
    while k < s and text[k] == "・":
        k += 1
    runs_over = [m for m in runs_over if m.start >= k]
    if any(m.start < k < m.end for m in inner.values()):
        return None
    return k, runs_over


def _bare_family_name(text: str, post: Mention, taken: list[bool], registry: Registry,
                      pat: dict[str, Any]) -> tuple[int, int] | None:
    """「二階経済産業大臣が」, 「、沖田経済産業副大臣は」: two or three kanji the dictionary does not read as a name,
    right before a post of Japan's government the registry knows and after the start of a clause, are a family
    name (a minister of another cabinet than the registry's). Not a prefix (同, 前, 元: ``STRIP_PREFIX``); what may
    stand before the name: ``bare_name_openers``."""
    entry = registry.get(post.entity_id) if post.entity_id else None
    if entry is None or entry.extra.get("jurisdiction") != JAPAN or not entry.extra.get("post_in"):
        return None
    for size in (3, 2):
        k = post.start - size
        if k < 0 or any(taken[k:post.start]) or not all(is_kanji(c) for c in text[k:post.start]):
            continue
        if text[k] in STRIP_PREFIX or (k > 0 and (is_kanji(text[k - 1]) or text[k - 1] not in pat["bare_name_openers"])):
            continue
        return (k, post.start)
    return None


def _name_before(text: str, ps: int, taken: list[bool], index: PeopleIndex, tokens: list[Token],
                 person_ends: dict[int, Token], tok_by_end: dict[int, Token]) -> tuple[int, int] | None:
    j = ps
    if j > 1 and text[j - 1] in "・ " and is_katakana(text[j - 2]) and not taken[j - 2]:
        j -= 1
    elif ps > 2 and text[ps - 1] == " " and is_kanji(text[ps - 2]) and not taken[ps - 2]:
        # 「小野寺 透 常務執行役員」: a name written apart from its post (the post starts after the space)
        found = _name_before(text, ps - 1, taken, index, tokens, person_ends, tok_by_end)
        if found is not None:
            return found
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
    if tok is None:
        word = tok_by_end.get(ps)
        if word is not None and not any(taken[word.start:ps]) and _family_name_token(word, text, taken) \
                and (word.start == 0 or not is_kanji(text[word.start - 1])):
            return (word.start, ps)  # 山中 / 高原: a family name in the dictionary, standing alone
        return None
    if any(taken[tok.start:ps]):
        return None
    start = tok.start
    while start in person_ends and person_ends[start].start < start and not taken[person_ends[start].start]:
        start = person_ends[start].start
    family = person_ends.get(start - 1)
    if start > 1 and text[start - 1] == " " and family is not None and family.pos[3] == load_patterns("recognise")["sudachi"]["surname"] \
            and not taken[family.start]:
        start = family.start  # 「片桐 修一理事」: family and given name written apart
    elif start > 1 and text[start - 1] == " ":
        # 「JOGMECの三輪 康介理事」: a short run of kanji written apart before a given name is the family name,
        # whatever else the dictionary knows it as (a place: 三輪, 高畑)
        k = start - 1
        while k > 0 and is_kanji(text[k - 1]) and not taken[k - 1] and start - 1 - k < 3:
            k -= 1
        if 1 <= start - 1 - k <= 3 and (k == 0 or not is_kanji(text[k - 1])):
            start = k
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
        post.attrs["jurisdiction"] = country
        if country != JAPAN:
            label = nfkc(registry.get(country).label_ja)
    label = post.attrs.pop("org_label", "") or label
    # 「駐日ケニア大使」 names its country already
    key = post.surface if not label or post.surface.startswith(label) or "envoy_of" in post.attrs \
        else f"{label}{post.surface}"
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
