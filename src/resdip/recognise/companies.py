"""Companies the registry lacks, named as the genre names them, and the short names given to them.

「北辰マテリアルズ株式会社」, 「株式会社北辰マテリアルズ」, 「アンデス・リチウム社」: a run of name
characters (kanji, katakana, Latin letters, ・) before a company suffix, or after the 株式会社
prefix, is a candidate company. The run may cover a registry resource (リチウム in アンデス・リチウム社),
which the company then swallows; it stops at anything else already named. A bare 社 counts only
after katakana or Latin letters (14社 is a count, 同社 an anaphor). A name may open in hiragana
(株式会社みなと水素エネルギー, 、あさひ金属株式会社). Names in Latin script are matched by
``company_latin`` (PT Sulawesi Nikel Hijau, Andes Copper Ltd.). A project is named by katakana words joined by ・
(バイユー・ベンドLNGプロジェクト) or by its site written before its kind (ペルーLNGプロジェクト:
``project_sites``). The suffixes are data
(``company_suffixes``, ``company_prefixes``, ``company_latin`` in ``patterns/recognise.json``).

「…（以下「北辰マテリアルズ」）」 after a name makes the quoted short name that name for the rest
of the document (:func:`later_names`).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..patterns import load_patterns
from ..text.rules import load_rules
from .model import JAPAN, Definition, DocumentContext, Mention, is_kanji, is_katakana


def _name_char(c: str) -> bool:
    return is_kanji(c) or is_katakana(c) or c.isascii() and c.isalnum() or c in "・&"


def note_nationality(text: str, mentions: list[Mention], pat: dict[str, Any]) -> None:
    """「カナダの鉱山会社アンデアン・カッパー社」, 「カナダの産銅企業であるHudbay社」: a company the registry lacks,
    written after a country and a class noun (``company_nationality``), is of that country."""
    regex = pat.get("company_nationality")
    if not regex:
        return
    countries = [m for m in mentions if m.cls == "Country" and m.entity_id]
    for m in mentions:
        if m.cls != "Company" or m.entity_id or m.attrs.get("jurisdiction"):
            continue
        country = next((c for c in reversed(countries) if c.end < m.start and re.fullmatch(regex, text[c.end:m.start])), None)
        if country is not None:
            m.attrs["jurisdiction"] = country.entity_id


def find_companies(text: str, taken: list[bool], mentions: list[Mention], pat: dict[str, Any]
                   ) -> tuple[list[Mention], set[int]]:
    swallowable = {id(m): m for m in mentions if m.cls in pat["company_may_contain"]}
    out: list[Mention] = []
    swallowed: set[int] = set()

    def free(i: int) -> bool:
        return not taken[i] or any(m.start <= i < m.end for m in swallowable.values())

    table = [(suffix, needs_kana, "Company") for suffix, needs_kana in pat["company_suffixes"]]
    table += [(suffix, True, "Project") for suffix in pat.get("project_suffixes", [])]
    sites = set(pat.get("project_site_words", []))
    table += [(suffix, True, "Project") for suffix in sorted(sites)]
    for suffix, needs_kana, cls in sorted(table, key=lambda s: -len(s[0])):
        if suffix not in text:
            continue
        for m in re.finditer(re.escape(suffix), text):
            start, end = m.start(), m.end()
            if any(taken[start:end]) or any(o.start < end and start < o.end for o in out):
                continue
            if cls == "Company" and text.startswith(tuple(pat.get("company_suffix_not_before", ())), end):
                continue  # 「NM社のラーシュ・ベリ社長」: 社長 is a post, not a company named ラーシュ・ベリ社
            if needs_kana and cls != "Project" and not (start and (is_katakana(text[start - 1]) or text[start - 1].isascii()
                                                                   and text[start - 1].isalpha())):
                continue  # (a project's name need not end in katakana: 「レッドクリーク銅・金鉱山プロジェクト」)
            name_end = start
            if cls == "Project" and suffix in sites:
                # 「サラマッカ沖鉱区」, 「ビオコ北鉱区」: a name, a word of where the block lies, the site word
                modifier = next((w for w in pat.get("project_site_modifiers", ()) if text.endswith(w, 0, start)
                                 and start - len(w) > 0 and is_katakana(text[start - len(w) - 1])
                                 and not any(taken[start - len(w):start])), "")
                name_end = start - len(modifier)
            k = name_end
            while k > 0 and (_name_char(text[k - 1]) or _code_hyphen(text, k - 1)) and free(k - 1):
                k -= 1  # (「SK-417鉱区」: a hyphen inside a Latin code)
            k = _kana_head(text, k, taken)
            while k < start and text[k] == "・":
                k += 1
            # 「リビア沖合の第71鉱区」: a block known by its number is named by it
            number = re.search(r"第\d+$", text[max(0, name_end - 8):name_end]) if cls == "Project" and suffix in sites else None
            numbered = number is not None and not any(taken[name_end - len(number.group(0)):name_end])
            if numbered:
                k = name_end - len(number.group(0))
            if cls == "Company":
                k = _named_after(text, k, start, mentions, swallowable, pat, taken)
            if start - k < pat["company_min_name"]:
                continue
            if cls == "Project":  # 「ブリティッシュコロンビア州レッドクリーク銅・金鉱山プロジェクト」: the site, then the name
                k = _after_site(text, k, start, pat["katakana_place_suffixes"])
            if cls == "Project" and not numbered and not any(is_katakana(c) or c.isascii() and c.isalpha() for c in text[k:start]):
                continue  # 「銅・金鉱山プロジェクト」: no name of its own
            site = next((x for x in mentions if x.end == k and x.cls in pat.get("project_sites", [])), None)
            if cls == "Project" and site is not None and k < start:
                k = site.start  # 「ペルーLNGプロジェクト」: a kind of project where it is, named by its site
                swallowable[id(site)] = site
            elif cls == "Project" and suffix in sites:
                if not numbered and not _own_name(text, k, name_end, end, swallowable):
                    continue  # 「レアアース鉱山」: a kind of mine, not the name of one
            elif cls == "Project" and "・" not in text[k:start] and not _named_with_resource(text, k, start, swallowable, pat):
                continue  # 「LNGプロジェクト」, 「リチウムプロジェクト」: a kind of project, not the name of one
            out.append(_company(text, k, end, swallowable, swallowed, taken, cls))
    for prefix in pat["company_prefixes"]:
        if prefix not in text:
            continue
        for m in re.finditer(re.escape(prefix), text):
            start, k = m.start(), m.end()
            if any(taken[start:k]) or any(o.start <= start < o.end for o in out):
                continue
            if any(o.end == start and o.cls == "Company" for o in mentions):
                continue  # 「国際石油開発帝石株式会社に対して」: the legal form closes a name read already
            while k < len(text) and _is_hiragana(text[k]) and not taken[k]:
                k += 1  # 株式会社みなと水素エネルギー: a name may open in hiragana
            stops = tuple(pat.get("name_run_stops", ()))
            while k < len(text) and _name_char(text[k]) and free(k) and not text.startswith(stops, k):
                k += 1  # (「株式会社みずほ銀行及び株式会社…」: a list goes on after 及び)
            if k - m.end() >= pat["company_min_name"]:
                out.append(_company(text, start, k, swallowable, swallowed, taken))
    for kind in pat.get("company_kind_nouns", []):
        # 「ロシアの国営石油会社ロスネフチ」: a katakana name right after the kind of company it is
        if kind not in text:
            continue
        for m in re.finditer(re.escape(kind), text):
            start = k = m.end()
            while k < len(text) and (is_katakana(text[k]) or text[k] == "・") and not taken[k]:
                k += 1
            while k > start and text[k - 1] == "・":
                k -= 1
            if k - start < pat["company_min_name"] or any(o.start < k and start < o.end for o in out) \
                    or (k < len(text) and (is_katakana(text[k]) or is_kanji(text[k]) or text[k] in "社")):
                continue  # a longer name goes on (…社, a kanji word): the suffix rules read it
            out.append(_company(text, start, k, swallowable, swallowed, taken))
    for regex in pat.get("company_latin", []):
        for m in re.finditer(regex, text):
            start, end = m.start(), m.end()
            # 「Red Sea Green Hydrogen Company S.A.E.」: a Latin name read inside (Red Sea) is part of the company's
            inside = {id(o): o for o in mentions if start <= o.start and o.end <= end and o.surface.isascii()}
            covered = [False] * (end - start)
            for o in inside.values():
                covered[o.start - start:o.end - start] = [True] * (o.end - o.start)
            if any(taken[k] and not covered[k - start] for k in range(start, end)) \
                    or any(o.start < end and start < o.end for o in out):
                continue
            swallowable.update(inside)
            out.append(_company(text, start, end, swallowable, swallowed, taken))  # PT Sulawesi Nikel Hijau
    return out, swallowed


def _code_hyphen(text: str, i: int) -> bool:
    """A hyphen between Latin letters or digits (SK-417, B-12): part of a name's code."""
    return (text[i] in "-‐" and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalnum()
            and text[i + 1].isascii() and text[i + 1].isalnum())


def _named_after(text: str, k: int, end: int, mentions: list[Mention], swallowable: dict[int, Mention],
                 pat: dict[str, Any], taken: list[bool]) -> int:
    """Where a company's name starts: after a class noun written before it (「発電会社スタンウェル社」), or
    at a country's name that opens it (「オマーン・ハイドロジェン社」, 「ブルネイLNG社」)."""
    run = text[k:end]
    noun = max((run.find(w) + len(w) for w in pat.get("company_class_nouns", []) if w in run[:-1]
                and run.find(w) + len(w) < len(run) and is_katakana(run[run.find(w) + len(w)])), default=0)
    if noun:
        return k + noun
    joiners = pat.get("company_country_joiners", "")
    joined = k > 0 and text[k - 1] in joiners  # (the run's own opening 「・」 was left out)
    country = next((m for m in mentions if m.cls == "Country" and m.end == (k - 1 if joined else k)), None)
    if country is not None and k < end and (joined or text[k].isascii() and text[k].isalpha()):
        swallowable[id(country)] = country
        return country.start
    inner = next((m for m in mentions if m.cls == "Country" and m.entity_id != JAPAN and k > 0
                  and (m.end == k or (m.end == k - 1 and text[k - 1] == "・"))), None)
    latin = (lambda c: c.isascii() and c.isalpha())
    script = next((f for f in (is_kanji, latin) if inner is not None and inner.start > 0 and f(text[inner.start - 1])), None)
    if inner is not None and script is not None and not taken[inner.start - 1]:
        # 「白樺ザンビア・リソーシズ株式会社」, 「JMブルガリア銅資源株式会社」: a name of its own in kanji or Latin
        # letters, then a country's name, inside the name
        j = inner.start
        while j > 0 and script(text[j - 1]) and not taken[j - 1]:
            j -= 1
        swallowable[id(inner)] = inner
        return j
    # 「日豪レアアース株式会社」, 「日本アークティックLNG株式会社」: a Japanese company named after Japan or a
    # pair of countries (日豪) written with no break before it
    if country is not None and text.startswith(tuple(pat.get("company_named_after_japan_suffixes", [])), end) and (
            country.source == "compound" or country.entity_id == JAPAN):
        first = country
        while first.source == "compound":
            before = next((m for m in mentions if m.cls == "Country" and m.source == "compound" and m.end == first.start), None)
            if before is None:
                break
            first = before
        for m in mentions:
            if m.cls == "Country" and first.start <= m.start and m.end <= k:
                swallowable[id(m)] = m
        return first.start
    return k


def _named_with_resource(text: str, start: int, end: int, swallowable: dict[int, Mention], pat: dict[str, Any]) -> bool:
    """「LNGカナダプロジェクト」, 「ゴーゴンLNGプロジェクト」: a run with no ・ names a project where it holds a resource
    and a katakana or Latin name beside it (not only a modifier: 「グリーン水素プロジェクト」 is a kind)."""
    inside = [m for m in swallowable.values() if start <= m.start and m.end <= end and m.cls == "Resource"]
    rest = "".join(c for i, c in enumerate(text[start:end], start) if not any(m.start <= i < m.end for m in inside))
    return bool(inside) and any(is_katakana(c) or c.isascii() and c.isalpha() for c in rest) \
        and rest not in pat.get("katakana_modifiers", [])


def _own_name(text: str, start: int, end: int, after: int, swallowable: dict[int, Mention]) -> bool:
    """Whether the run ``text[start:end]`` before a mine or field word (ending at ``after``) names a mine:
    it holds katakana or Latin letters outside the resources it swallows (「イタペバ・レアアース鉱山」 and
    「カセロネス銅鉱山」 do, 「レアアース鉱山」 does not), ends in such a name or a resource (not in a
    describing kanji word: 「イオン吸着型鉱床」; a dot before the word is no part of the name: 「バロッサ・ガス田」),
    and the word ends there (not 「鉱山大臣」, 「鉱山・エネルギー大臣」)."""
    while end > start and text[end - 1] == "・":
        end -= 1  # 「バロッサ・ガス田」: the name joined to the field word by a dot
    inside = [m for m in swallowable.values() if start <= m.start and m.end <= end]

    def latin_or_kana(c: str) -> bool:
        return is_katakana(c) and c != "・" or c.isascii() and c.isalpha()

    if after < len(text) and (is_kanji(text[after]) or is_katakana(text[after]) or text[after] == "・"):
        return False
    if not (latin_or_kana(text[end - 1]) or text[end - 1].isascii() and text[end - 1].isdigit()
            or any(m.end == end for m in inside)):  # (a code may end in digits: SK-417鉱区)
        return False
    return any(latin_or_kana(text[i]) and not any(m.start <= i < m.end for m in inside) for i in range(start, end))


def _after_site(text: str, k: int, end: int, suffixes: list[str]) -> int:
    """Where a project's name starts in a run that opens with a katakana place and its administrative
    word (…州, …県): after the place, when a katakana name follows it."""
    best = k
    for suffix in suffixes:
        i = text.find(suffix, k, end)
        while i >= 0:
            after = i + len(suffix)
            if i > k and is_katakana(text[i - 1]) and after < end and is_katakana(text[after]):
                best = max(best, after)
            i = text.find(suffix, after, end)
    return best


def _is_hiragana(c: str) -> bool:
    return "\u3041" <= c <= "\u309f"


def _kana_head(text: str, k: int, taken: list[bool]) -> int:
    """「、あさひ金属鉱山株式会社」: a name may open in hiragana, where the hiragana run itself starts a
    phrase (after punctuation or at the start); after a noun it is a particle (「…とあさひ」)."""
    j = k
    while j > 0 and _is_hiragana(text[j - 1]) and not taken[j - 1]:
        j -= 1
    if j == k or (j > 0 and (_name_char(text[j - 1]) or _is_hiragana(text[j - 1])
                             or text[j - 1] in load_rules().close_brackets)):
        return k  # after a noun or a closing bracket (「JOGMEC（…）と東邦通商株式会社」) it is a particle
    return j


def _company(text: str, start: int, end: int, swallowable: dict[int, Mention], swallowed: set[int],
             taken: list[bool], cls: str = "Company") -> Mention:
    swallowed |= {key for key, m in swallowable.items() if start <= m.start and m.end <= end}
    for i in range(start, end):
        taken[i] = True
    surface = text[start:end]
    return Mention(start, end, surface, None, cls, _project_key(surface) if cls == "Project" else surface, "pattern")


def _project_key(name: str) -> str:
    """「…銅・金鉱山プロジェクト」 and 「…銅・金鉱山」 name one mine: a project's kind word is dropped from
    its key where what is left already ends in a project's own word (鉱山, 油田, ガス田…)."""
    pat = load_patterns("recognise")
    kinds = tuple(pat["project_suffixes"])
    own = tuple(s for s, c in pat["name_suffixes"] if c == "Project" and s not in kinds)
    for kind in kinds:
        if name.endswith(kind) and name[:-len(kind)].endswith(own):
            return name[:-len(kind)]
    return name


LATER = re.compile(r"\([^()]*?以下[、,]?\s*[「『](?P<short>[^」』]{2,30})[」』](?:という。?)?\)")


def later_names(text: str, mentions: list[Mention], taken: list[bool], classify: Callable[[str], str | None],
                context: DocumentContext | None) -> tuple[list[Mention], set[int]]:
    """「X（…、以下「Y」）」 names X, and Y stands for X for the rest of the document.

    X is the mention that ends at the parenthesis, else the run of name characters before it
    when its ending tells its class (…プロジェクト, …株式会社). Y is not a name of its own
    (its quoted mention is dropped); an anaphor Y (本プロジェクト) is left to the anaphora reader.
    """
    out: list[Mention] = []
    swallowed: set[int] = set()
    for m in LATER.finditer(text):
        short = m.group("short")
        swallowed |= {id(x) for x in mentions if m.start() < x.start and x.end < m.end() and x.surface == short}
        head = next((x for x in reversed(mentions + out) if x.end == m.start()), None)
        if head is None:
            # 「レッドクリーク銅・金鉱山（以下「本鉱山」）」: the name may run over a resource's name
            inner = [x for x in mentions if x.cls in load_patterns("recognise")["company_may_contain"]]
            k = m.start()
            while k > 0 and _name_char(text[k - 1]) and (not taken[k - 1]
                                                         or any(x.start <= k - 1 < x.end for x in inner)):
                k -= 1
            while k < m.start() and text[k] == "・":
                k += 1
            name = text[k:m.start()]
            # 「マラカネ白金族金属鉱山（以下「本鉱山」）」: the short name an anaphor of a site tells a site, not a company
            # whose name ends in 鉱山 (住友金属鉱山)
            cls = (load_patterns("recognise").get("short_name_classes", {}).get(short) or classify(name)) \
                if len(name) >= 2 else None
            if cls is None:
                continue
            head = Mention(k, m.start(), name, None, cls, name, "definition", attrs={"defines": short})
            out.append(head)
            swallowed |= {id(x) for x in mentions if k <= x.start and x.end <= m.start()}
            for i in range(k, m.start()):
                taken[i] = True
        if head.cls in ("Person", "Post") or (head.entity_id is None and head.candidate_key is None):
            continue
        if context is not None:  # 「…大臣会合（以下「本会合」）」: 本会合 is that meeting, whatever is named later
            context.define(Definition(short, head.entity_id, head.cls, head.candidate_key, head.surface))
    return out, swallowed
