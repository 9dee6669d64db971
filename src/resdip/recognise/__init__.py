"""Stage 2, recognise: a sentence in, the entity mentions it names out.

Recognise entity mentions in one sentence (its NFKC text).

``recognise(text, registry, context)`` runs, in order (each claims characters the later ones
may not take):

1. the registry gazetteer (longest match over labels and aliases; :mod:`.gazetteer`), then the
   abbreviations the document defined so far (``context``);
2. one-character country abbreviations in 日X compounds and lists (:mod:`.compounds`), then
   bodies named after their country (カザフスタン共和国産業建設省; :mod:`.bodies`), then companies
   the registry lacks (北辰マテリアルズ株式会社; :mod:`.companies`);
3. people with posts, and unknown posts (:mod:`.people`);
4. unknown 「…」-quoted names and 名称（略称） definitions (:mod:`.names`), meetings named after
   their body (MSP閣僚会合; :mod:`.meetings`), agreements described by their topic
   (「…に関する協力覚書」; :mod:`.agreements`) and 以下「X」 short names (:mod:`.companies`);
5. Sudachi proper nouns (人名 / 地名 / 組織) nothing else claimed (:mod:`.sudachi`).

Patterns come from ``patterns/recognise.json``. The matcher is built once per registry.
"""

from __future__ import annotations

import re

from typing import Any

from ..patterns import load_patterns
from ..registry import Registry
from .bodies import find_bodies
from .agreements import find_agreements
from .companies import find_companies, later_names, note_nationality
from .compounds import find_compounds
from .meetings import find_meetings
from .gazetteer import Hit, Trie, build_trie, scan_mentions
from .model import Definition, DocumentContext, Mention, is_kanji, is_katakana, nfkc
from .names import definitions, quoted_names, suffix_classifier
from .people import PeopleIndex, find_people, gloss_posts, joint_posts, spaced_names
from .sites import find_sites
from .sudachi import katakana_places, proper_nouns, tokenize

__all__ = ["Definition", "DocumentContext", "Mention", "Recogniser", "recognise"]


class Recogniser:
    """Everything built once from a registry and the patterns."""

    def __init__(self, registry: Registry, patterns: dict[str, Any] | None = None) -> None:
        self.registry = registry
        self.pat = patterns if patterns is not None else load_patterns("recognise")
        self.trie = build_trie(registry, self.pat["stop_phrases"])
        self.people = PeopleIndex(registry)
        self.classify = suffix_classifier(self.pat)

    def _context_trie(self, context: DocumentContext) -> Trie | None:
        if not context.definitions:
            return None
        cached = context.matcher
        if cached and cached[0] == context.version:
            return cached[1]
        trie = Trie()
        for abbr, d in sorted(context.definitions.items()):
            trie.add(abbr, Hit((), defined=d))
        context.matcher = (context.version, trie)
        return trie

    def __call__(self, text: str, context: DocumentContext | None = None) -> list[Mention]:
        version = context.version if context is not None else None
        taken = [False] * len(text)
        mentions, blocked = scan_mentions(self.trie, text)
        for s, e in blocked:
            taken[s:e] = [True] * (e - s)
        _claim(taken, mentions)
        if context is not None:
            trie = self._context_trie(context)
            if trie is not None:
                extra, _ = scan_mentions(trie, text)
                extra = [m for m in extra if not any(taken[m.start:m.end])]
                _claim(taken, extra)
                mentions += extra
        compounds = find_compounds(text, taken, mentions, self.registry, self.pat)
        _claim(taken, compounds)
        mentions += compounds
        sites, swallowed = find_sites(text, taken, mentions, self.pat)
        if sites:
            mentions = [m for m in mentions if id(m) not in swallowed] + sites
        foreign = context.last_foreign_country if context is not None else None
        entry = self.registry.get(foreign) if foreign else None
        same = (foreign, entry.label_ja) if entry is not None else None
        bodies, swallowed = find_bodies(text, taken, mentions, self.pat, same)
        if bodies:
            mentions = [m for m in mentions if id(m) not in swallowed] + [self._registered(b) for b in bodies]
            _short_names(context, bodies, self.pat)
        companies, swallowed = find_companies(text, taken, mentions, self.pat)
        if companies:
            mentions = [m for m in mentions if id(m) not in swallowed] + companies
            _bare_company_names(context, companies, self.pat)
        tokens = tokenize(text)
        people, swallowed = find_people(text, mentions, taken, tokens, self.registry, self.people, self.pat, context)
        if swallowed:
            mentions = [m for m in mentions if id(m) not in swallowed]
        mentions += people
        quoted, swallowed = quoted_names(text, mentions, self.pat, self.classify)
        if quoted:
            mentions = [m for m in mentions if id(m) not in swallowed] + quoted
            taken = [False] * len(text)
            for s, e in blocked:
                taken[s:e] = [True] * (e - s)
            _claim(taken, mentions)
        defined, swallowed = definitions(text, mentions, taken, self.pat, self.classify, context)
        if swallowed:
            mentions = [m for m in mentions if id(m) not in swallowed]
        mentions += defined
        agreements, swallowed = find_agreements(text, taken, mentions, self.pat)
        if agreements:
            mentions = [m for m in mentions if id(m) not in swallowed] + agreements
        meetings, swallowed = find_meetings(text, taken, mentions, self.pat)
        if meetings:
            mentions = [m for m in mentions if id(m) not in swallowed] + meetings
        named, swallowed = later_names(text, mentions, taken, self.classify, context)
        if named or swallowed:
            mentions = [m for m in mentions if id(m) not in swallowed] + named
        # a name the registry knows whole is that entity, never a candidate twin of it
        mentions += [self._honorific(text, self._registered(m))
                     for m in proper_nouns(text, tokens, taken, self.pat, self.classify)]
        mentions = spaced_names(text, mentions)  # 「高畑 信吾」: a family name the dictionary reads as a place
        mentions = joint_posts(text, mentions, self.pat["post_suffixes"])  # 「副首相兼石油・ガス大臣」: one post
        gloss_posts(text, mentions, self.registry, self.pat)  # 「JOGMEC（理事長：栗山 隆）」
        mentions = _named_before_a_place_word(text, mentions, taken, self.pat)  # 「ボニー島」: no person
        mentions += katakana_places(text, tokens, taken, self.pat)
        sites, swallowed = find_sites(text, taken, mentions, self.pat)  # 喜入基地: after a place Sudachi knows
        if sites:
            mentions = [m for m in mentions if id(m) not in swallowed] + sites
        mentions += _places_opening_agreements(text, tokens, mentions, self.pat)
        if context is not None and context.version != version:
            mentions = self._defined_later(text, mentions, context)
        note_nationality(text, mentions, self.pat)
        _company_word(text, mentions, self.pat)
        mentions.sort(key=lambda m: (m.start, m.end))
        _english_glosses(text, mentions, self.pat)
        if context is not None:
            _note_countries(context, mentions)
        return mentions


    def _registered(self, body: Mention) -> Mention:
        """A body named after its country whose full name the registry knows (「同国国営石油会社」 read as
        「インドネシア国営石油会社」, an alias of プルタミナ) is that registry entity, not a candidate twin; so is
        a name written with a space inside (「高市 早苗」)."""
        key = re.sub(r"\s", "", body.candidate_key or "")  # 「高市 早苗」 is 高市早苗
        found, _ = scan_mentions(self.trie, key) if key else ([], [])
        whole = next((m for m in found if m.start == 0 and m.end == len(key) and m.entity_id), None)
        if whole is None:
            return body
        return Mention(body.start, body.end, body.surface, whole.entity_id, whole.cls, None, "registry",
                       attrs=dict(body.attrs))

    def _honorific(self, text: str, person: Mention) -> Mention:
        """「武藤氏は」: a family name with the press's honorific (patterns/recognise.json 'honorifics') is the one
        registered person of that family name, where there is exactly one."""
        if person.cls != "Person" or person.entity_id or not text.startswith(tuple(self.pat.get("honorifics", ())), person.end):
            return person
        found = self.people.by_name.get(nfkc(person.surface), [])
        if len(found) != 1:
            return person
        return Mention(person.start, person.end, person.surface, found[0].id, "Person", None, "registry",
                       attrs=dict(person.attrs))

    def _defined_later(self, text: str, mentions: list[Mention], context: DocumentContext) -> list[Mention]:
        """「A社（以下「CSE社」）が55%、…CSE社がオペレーターを務め」: a name defined in a sentence names
        the same entity later in that sentence (not only in the sentences after it)."""
        trie = self._context_trie(context)
        if trie is None:
            return mentions
        after = min((i for i in (text.find(w) for w in self.pat["definition_markers"]) if i >= 0), default=len(text))
        depth, outside = 0, []
        for ch in text:
            depth += ch in "（(「"
            depth -= ch in "）)」"
            outside.append(depth <= 0)
        again = [m for m in scan_mentions(trie, text)[0] if m.start >= after and outside[m.start]
                 and not any(o.start < m.end and m.start < o.end and (o.source == "registry" or o.end - o.start > m.end - m.start)
                             for o in mentions)]  # never cut a longer name (白峰商事株式会社)
        if not again:
            return mentions
        return [m for m in mentions if not any(a.start < m.end and m.start < a.end for a in again)] + again


def _short_names(context: DocumentContext | None, bodies: list[Mention], pat: dict[str, Any]) -> None:
    """「ラオス人民民主共和国エネルギー鉱山省」 is 「エネルギー鉱山省」 for the rest of the document."""
    if context is None:
        return
    for body in bodies:
        short = body.surface[len(body.attrs.get("country_surface", "")):]
        if short != body.surface and len(short) >= pat["body_short_name_min"]:
            context.define(Definition(short, None, body.cls, body.candidate_key, body.surface))


def _bare_company_names(context: DocumentContext | None, companies: list[Mention], pat: dict[str, Any]) -> None:
    """「株式会社三井住友銀行」 is 「三井住友銀行」 for the rest of the document: a company's name without its legal form
    ('company_legal_forms'), if that is at least body_short_name_min characters."""
    if context is None:
        return
    forms = tuple(pat.get("company_legal_forms", ()))
    for company in companies:
        if company.entity_id or not forms:
            continue
        bare = company.surface
        for form in forms:
            bare = bare.removeprefix(form).removesuffix(form)
        if bare != company.surface and len(bare) >= pat["body_short_name_min"]:
            # (the full name too, so that written again it is read whole, not as the short name and a bare 株式会社)
            for name in (company.surface, bare):
                context.define(Definition(name, None, company.cls, company.candidate_key, company.surface))


def _english_glosses(text: str, mentions: list[Mention], pat: dict[str, Any]) -> None:
    """「…カスタニェダ・ペルー共和国大統領（H.E. Mr. Luis Alberto Castañeda, President of …）」: the
    document's own English for a person it names (honorifics and the post after the comma left out)."""
    gloss = re.compile(pat["english_gloss"])
    honorifics = re.compile(pat["english_honorifics"])
    for m in mentions:
        if m.cls != "Person":
            continue
        found = gloss.match(text, max([m.end] + [part.end for part in m.parts]))  # after the post named with them
        if found:
            name = honorifics.sub("", found.group("name").split(",")[0]).strip()
            if len(name.split()) >= 2:
                m.attrs["label_en"] = name


def _named_before_a_place_word(text: str, mentions: list[Mention], taken: list[bool], pat: dict[str, Any]) -> list[Mention]:
    """「ボニー島のLNG基地」, 「アルバート湖」: a katakana name read as a person's, with no post, right before a word
    that makes a place of a katakana name ('katakana_place_suffixes': 州, 島, 湖, 地域) is the place's name, and so is
    a country's right before a word that always does ('katakana_place_sure': 「ジョージア州」): the span is freed."""
    out = []
    for m in mentions:
        katakana = all(is_katakana(c) or c == "・" for c in m.surface)
        if katakana and ((m.cls == "Person" and not m.parts and m.entity_id is None
                          and text.startswith(tuple(pat["katakana_place_suffixes"]), m.end))
                         or (m.cls == "Country" and text.startswith(tuple(pat.get("katakana_place_sure", ())), m.end))):
            taken[m.start:m.end] = [False] * (m.end - m.start)
            continue
        out.append(m)
    return out


def _company_word(text: str, mentions: list[Mention], pat: dict[str, Any]) -> None:
    """「コデルコ社との間で」: a registry company written with the word for company after its name
    ('registry_company_word') names it with that word, so the particle after it is read."""
    word = pat["registry_company_word"]
    starts = {m.start for m in mentions}
    for m in mentions:
        end = m.end + len(word)
        if (m.source == "registry" and m.cls in pat["registry_company_classes"] and text.startswith(word, m.end)
                and not text.startswith(tuple(pat["company_suffix_not_before"]), end) and end not in starts
                and not any(o is not m and o.start < end and m.end < o.end for o in mentions)):
            m.end, m.surface = end, text[m.start:end]


def _places_opening_agreements(text: str, tokens: list, mentions: list[Mention], pat: dict[str, Any]) -> list[Mention]:
    """「アタカマ州におけるリチウム資源の共同探査に関する覚書」: an agreement named by what it is about may open with
    the place it concerns, followed by a connector ('agreement_place_connectors'); that place is named too, as a
    mention inside the agreement's (the agreement keeps its whole name)."""
    kinds = {cls for _, cls in pat["agreement_classes"]}
    out: list[Mention] = []
    for agreement in (m for m in mentions if m.cls in kinds and m.source == "pattern"):
        taken = [True] * len(text)
        taken[agreement.start:agreement.end] = [False] * (agreement.end - agreement.start)
        out += [p for p in katakana_places(text, tokens, taken, pat)
                if p.start == agreement.start and text.startswith(tuple(pat["agreement_place_connectors"]), p.end)]
    return out


def _claim(taken: list[bool], mentions: list[Mention]) -> None:
    for m in mentions:
        taken[m.start:m.end] = [True] * (m.end - m.start)


def _note_countries(context: DocumentContext, mentions: list[Mention]) -> None:
    """The last countries named (a body named after its country names it too), and the registry
    people named with their posts."""
    foreign: set[str] = set()
    for m in mentions:
        country = m.entity_id if m.cls == "Country" else (
            m.attrs.get("jurisdiction") if m.source == "pattern" and m.cls not in ("Person", "Post") else None)
        if country:
            context.last_country = country
            if country != "country-jp":
                context.last_foreign_country = country
                foreign.add(country)
        if m.cls == "Person" and m.entity_id and m.parts and m.parts[0].entity_id:
            context.people.setdefault(m.surface, (m.entity_id, m.parts[0].entity_id))
        written = m.surface[:m.parts[0].start - m.start] if m.cls == "Person" and m.parts else ""
        if not m.entity_id and 2 <= len(written) <= 3 and all(is_kanji(c) for c in written):
            # 「葉山経済産業副大臣」: 葉山 is a name in this document, of the country of that post (a registry person
            # named so is known by the registry's names already)
            context.family_names.setdefault(written, m.attrs.get("jurisdiction", ""))
        post_country = m.attrs.get("jurisdiction") if m.cls == "Person" and m.parts else None
        if post_country and post_country != "country-jp":  # 「エルナン・ロハス鉱業・冶金大臣」: ロハス is that country's
            name = m.surface[:m.parts[0].start - m.start] if m.parts[0].start > m.start else ""
            for written in {name, name.rsplit("・", 1)[-1]} - {""}:
                context.post_countries.setdefault(written, post_country)
    if foreign:  # 「A国及びB国を訪問」: several named together
        context.last_foreign_several = len(foreign) > 1


_CACHE: dict[int, tuple[Registry, Recogniser]] = {}


def recogniser_for(registry: Registry) -> Recogniser:
    """The recogniser of a registry, built on first use."""
    cached = _CACHE.get(id(registry))
    if cached is None or cached[0] is not registry:
        cached = (registry, Recogniser(registry))
        _CACHE[id(registry)] = cached
    return cached[1]


def recognise(unit_norm_text: str, registry: Registry, context: DocumentContext | None = None) -> list[Mention]:
    """Entity mentions in one sentence's NFKC text, sorted by offset; updates ``context``."""
    return recogniser_for(registry)(unit_norm_text, context)
