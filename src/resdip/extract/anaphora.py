"""Anaphors: 本覚書, 同省, 本プロジェクト, 本セミナー, 両大臣 — what the text has just named.

A release names an agreement, a project or a meeting once and then calls it
「本覚書」 or 「本プロジェクト」. Each such word (prefix and noun are data:
``patterns/anaphora.json``) becomes a mention of the last entity of the noun's
classes named before it in the document, so the sentences that follow are
read as talking about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..patterns import compile_regex, load_patterns
from .view import Token, in_family, particle_at


@lru_cache(maxsize=1)
def spec() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    data = load_patterns("anaphora")
    nouns = sorted(data["nouns"], key=len, reverse=True)
    regex = compile_regex("patterns/anaphora.json", "(?<!%s)(?:%s)(?P<noun>%s)" % (
        data["not_after"], "|".join(map(re.escape, data["prefixes"])), "|".join(map(re.escape, nouns))))
    return regex, data["nouns"]


@dataclass
class Antecedents:
    """The entities named so far in the document, the latest last."""

    named: list[tuple[str, str]] = field(default_factory=list)  # (entity id, class)
    countries: dict[str, str] = field(default_factory=dict)  # a person's country, from the post named with them
    names: dict[str, str] = field(default_factory=dict)  # an entity's name as last written
    parties: list[tuple[str, str]] = field(default_factory=list)  # those who took part in the last event told
    leading: list[tuple[str, str]] = field(default_factory=list)  # the two people who led the last event two led

    def note(self, entity: str, cls: str, country: str = "", name: str = "") -> None:
        if entity and cls:
            self.named.append((entity, cls))
            del self.named[:-200]
            if country:  # the first post a person is named with tells their country (「カザフスタン共和国のX大臣」);
                # a bare title later (「X大臣」) takes its country from whatever foreign country was named last
                self.countries.setdefault(entity, country)
            if name:
                self.names[entity] = name

    def named_with(self, classes: list[str], noun: str) -> list[tuple[str, str]]:
        """The last entity of ``classes`` whose name ends in ``noun`` ([] with no noun)."""
        if not noun:
            return []
        named = [(e, c) for e, c in self.named if self.names.get(e, "").endswith(noun)]
        return Antecedents(named, self.countries, self.names).last(classes, 1, last_resort=False)

    def last(self, classes: list[str], count: int = 1, last_resort: bool = True, noun: str = "") -> list[tuple[str, str]]:
        """The last ``count`` different entities of ``classes`` named, the latest first; the
        'not_antecedents' only when nothing else was named (never, with ``last_resort`` false). One whose
        name ends in the anaphor's noun comes first (本協定 is the last 「…協定」, not a later 「…覚書」)."""
        if noun and count == 1:
            named = [(e, c) for e, c in self.named if self.names.get(e, "").endswith(noun)]
            found = Antecedents(named, self.countries, self.names).last(classes, 1, last_resort)
            if found:
                return found
        found: list[tuple[str, str]] = []
        resort = set(load_patterns("anaphora").get("not_antecedents", []))
        for pass_ in ((0, 1) if last_resort else (0,)):
            for entity, cls in reversed(self.named):
                if (pass_ == 0 and entity in resort) or not in_family(cls, classes):
                    continue
                if all(entity != e for e, _ in found):
                    found.append((entity, cls))
                    if len(found) == count:
                        return found
        return found


@lru_cache(maxsize=1)
def spec_nouns_by_name() -> frozenset[str]:
    """Anaphor nouns that also end the names of what they stand for (協定, 覚書, プロジェクト)."""
    return frozenset(load_patterns("anaphora").get("nouns_ending_names", []))


@lru_cache(maxsize=1)
def pair_spec() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    data = load_patterns("anaphora")["pairs"]
    nouns = sorted(data["nouns"], key=len, reverse=True)
    words = sorted(data.get("words", {}), key=len, reverse=True)
    pattern = "%s(?P<noun>%s)" % (re.escape(data["prefix"]), "|".join(map(re.escape, nouns)))
    if words:  # 双方: a pair named by one word of its own
        pattern = "(?:%s|(?P<word>%s))" % (pattern, "|".join(map(re.escape, words)))
    return compile_regex("patterns/anaphora.json:pairs", pattern), {**data["nouns"], **data.get("words", {})}


@lru_cache(maxsize=1)
def counted_spec() -> tuple[re.Pattern[str], dict[str, list]]:
    data = load_patterns("anaphora").get("counted", {"regex": "(?!)", "nouns": {}})
    return compile_regex("patterns/anaphora.json:counted", data["regex"]), data["nouns"]


def _counted(m: re.Match[str], nouns: dict[str, list], tokens: list[Token], antecedents: Antecedents) -> list[Token]:
    """「本協定に基づき、3者は」: a number and a noun of parties stand for the last that many named."""
    if any(t.start < m.end() and m.start() < t.end for t in tokens):
        return []
    count = int(m.group("n"))
    classes = nouns[m.group("noun")]
    listed = _listed_before(m, tokens)
    for kinds in (classes if classes and isinstance(classes[0], list) else [classes]):
        # 「サウジアラビア、UAE、クウェート及びカタールの4か国で」: the list the count sums up
        if len(listed) == count and all(in_family(t.cls, kinds) for t in listed):
            return [Token(m.start(), m.end(), t.entity, t.cls, m.group(0), anaphor=True,
                          country=antecedents.countries.get(t.entity, "")) for t in listed]
        # the parties of the event just told first (「…協定を締結しました。…3者は」), else the last named
        told = [(e, c) for e, c in antecedents.parties if in_family(c, kinds)]
        targets = told if len(told) == count else antecedents.last(kinds, count)
        if len(targets) == count:
            return [Token(m.start(), m.end(), entity, cls, m.group(0), anaphor=True,
                          country=antecedents.countries.get(entity, "")) for entity, cls in targets]
    return []


def _listed_before(m: re.Match[str], tokens: list[Token]) -> list[Token]:
    """The names listed right before a count that sums them up (「A、B、C及びDの4か国」), or none."""
    data = load_patterns("anaphora")["counted"]
    text = m.string
    listed: list[Token] = []
    position = m.start() - len(data.get("list_closer", "の"))
    if not text.startswith(data.get("list_closer", "の"), position):
        return []
    ends = {t.end: t for t in tokens if not t.anaphor}
    while position in ends:
        token = ends[position]
        listed.insert(0, token)
        gap = next((g for g in data.get("list_separators", []) if text.endswith(g, 0, token.start)), None)
        if gap is None:
            break
        position = token.start - len(gap)
    return listed


SPEAKER_PARTICLES = ("から", "からは", "は", "が")  # a person who speaks or acts in the sentence


@lru_cache(maxsize=1)
def definite_spec() -> tuple[re.Pattern[str], dict[str, list[str]], dict[str, str]] | None:
    data = load_patterns("anaphora").get("definite_nouns")
    if not data:
        return None
    words = sorted(data["words"], key=len, reverse=True)
    alone = {w: c for w, c in data.get("stand_alone", {}).items() if not w.startswith("_")}
    return compile_regex("patterns/anaphora.json:definite_nouns", "(?<!%s)(?:%s)" % (
        data["not_after"], "|".join(map(re.escape, words)))), data["words"], alone


def _definite(text: str, tokens: list[Token], antecedents: Antecedents,
              mint: Callable[[str, str], str] | None = None) -> list[Token]:
    """「共同声明に署名し」: a statement the document named before, called by its kind alone. One it never
    named (「会合の成果として、議長総括が発出されました」) is a statement of its own (``stand_alone``), made by
    ``mint(class, label)``."""
    found = definite_spec()
    if found is None:
        return []
    regex, words, alone = found
    out = []
    for m in regex.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in tokens):
            continue
        here = Antecedents()
        for t in sorted((t for t in tokens if t.end <= m.start()), key=lambda t: t.start):
            here.note(t.entity, t.cls, name=t.surface)
        targets = here.named_with(words[m.group(0)], m.group(0)) or antecedents.named_with(words[m.group(0)], m.group(0))
        if targets:
            out += [Token(m.start(), m.end(), entity, cls, m.group(0), anaphor=True) for entity, cls in targets]
        elif mint is not None and m.group(0) in alone:
            cls = alone[m.group(0)]
            out.append(Token(m.start(), m.end(), mint(cls, m.group(0)), cls, m.group(0)))
    return out


@lru_cache(maxsize=None)
def own_side_spec(key: str) -> re.Pattern[str] | None:
    """The words (``voice_nouns``, ``issuer_nouns``) that name the document's own side."""
    data = load_patterns("anaphora").get(key)
    if not data:
        return None
    # 「両国の政府」: a government named by a phrase before it (each a fixed-width look-behind of its own)
    named = "".join("(?<!%s)" % re.escape(w) for w in data.get("not_after_words", []))
    return compile_regex(f"patterns/anaphora.json:{key}", "(?<!%s)%s(?:%s)(?!%s)" % (
        data["not_after"], named, "|".join(map(re.escape, data["words"])), data["not_before"]))


def _own_side(text: str, tokens: list[Token], key: str, entity: str, cls: str, implicit: bool = False) -> list[Token]:
    """「政府は、…」: a government named by no country is the one the document speaks for;
    「本件は、…」: the deal a release tells is its issuer's."""
    regex = own_side_spec(key)
    if not entity or regex is None:
        return []
    return [Token(m.start(), m.end(), entity, cls, m.group(0), anaphor=True, implicit=implicit)
            for m in regex.finditer(text)
            if not any(t.start < m.end() and m.start() < t.end or t.end == m.start() for t in tokens)]


def _pair_of_parties(antecedents: Antecedents, kinds: list[str]) -> list[tuple[str, str]]:
    """「両大臣」, 「両首脳」: the two of the last event told who are of the pair's kind (the two
    ministers who met, not a prime minister the talks recalled), when it had exactly two; else the two
    who led the last event two people led (the co-chairs of a dialogue, not a minister who attended it)."""
    if not in_family("Person", kinds):
        return []
    told = [(e, c) for e, c in antecedents.parties if in_family(c, kinds)]
    return told if len(told) == 2 else [(e, c) for e, c in antecedents.leading if in_family(c, kinds)]


def _sides_of_talks(antecedents: Antecedents, kinds: list[str]) -> list[tuple[str, str]]:
    """「双方は」 after two ministers' talks: the countries of the two people of the last event told (or of the
    two who led the last event two led), not the last two countries the talks named (カザフスタン in what they
    discussed)."""
    if not in_family("Country", kinds):
        return []
    sides = [(e, c) for e, c in antecedents.parties if c == "Country"]
    if len(sides) == 2 and len(antecedents.parties) == 2:
        return sides  # the two countries of the agreement just told (「双方は、…一致しました」 again)
    for people in (antecedents.parties, antecedents.leading):
        countries = list(dict.fromkeys(antecedents.countries.get(e, "") for e, c in people if c == "Person"))
        if len(countries) == 2 and all(countries) and len([c for e, c in people if c == "Person"]) == 2:
            return [(country, "Country") for country in countries]
    return []


def resolve(text: str, tokens: list[Token], antecedents: Antecedents, voice: str = "",
            issuer: tuple[str, str] = ("", ""), name_parties: Callable[[str], list[Token]] | None = None,
            mint: Callable[[str, str], str] | None = None) -> list[Token]:
    """Tokens for the anaphors of a sentence that no mention covers (two for 両大臣, 両国), for
    the words that name the document's own side (政府) when ``voice`` is a country, and for the
    words that name its issuer (本件), given as (entity, class)."""
    found = _own_side(text, tokens, "voice_nouns", voice, "Country") if voice.startswith("country-") else []
    # 本件 is the deal, not a name of the issuer: it stands for who acts, as a subject left unsaid does
    found += _own_side(text, tokens + found, "issuer_nouns", *issuer, implicit=True)
    found += _definite(text, tokens + found, antecedents, mint)
    for regex, nouns, count in ((*spec(), 1), (*pair_spec(), 2), (*counted_spec(), 0)):
        for m in regex.finditer(text):
            if count == 0:  # 「3者は」, 「3か国は」: the last three parties named
                found += _counted(m, nouns, tokens + found, antecedents)
                continue
            # 「両外相」: a post read inside a pair noun is part of it
            if any(t.start < m.end() and m.start() < t.end and not (count == 2 and t.cls == "Post" and t.start > m.start())
                   for t in tokens + found):
                continue
            if count == 2 and any(t.end == m.start() for t in tokens):
                continue  # 日仏両政府: the pair is named right before
            # names earlier in the same sentence come first (「カザフスタン…で開催され、同国…省が」)
            here = Antecedents()
            before = sorted((t for t in tokens if t.end <= m.start()), key=lambda t: t.start)
            subjects = _own_subjects(text, before, m.group(0)) if count == 1 else set()
            for t in before:
                if id(t) not in subjects:  # 「みさき商事は同社の株式の25%を取得し」: 同社 is another company (自社 its own)
                    here.note(t.entity, t.cls, country=t.country, name=t.surface + t.post_surface)  # 同次官: named with that post
                if t.country and (t.cls != "Person" or particle_at(text, t.end) in SPEAKER_PARTICLES):
                    # 「モザンビーク鉱物資源省が…、同国北西部の」; 「ドウェ外相から、同国北部の…」: the speaker's country
                    here.note(t.country, "Country")
            noun = m.group("noun") or m.group("word")
            classes = nouns[noun]
            choices = classes if classes and isinstance(classes[0], list) else [classes]
            targets = []
            words = noun if noun in spec_nouns_by_name() else ""
            for kinds in choices:  # 両者: two people, else two organisations
                # one named with the noun (同次官: the 次官; 本協定: the 「…協定」) wins over a nearer other one
                targets = ((here.named_with(kinds, words) or antecedents.named_with(kinds, words)) if count == 1 else [])
                targets = targets or ((here.last(kinds, count, last_resort=False) if count == 1 else [])
                                      or (_pair_named_here(here, kinds) if count == 2 else [])
                                      or (_parties_of_meeting_here(tokens, m.start(), kinds, name_parties)
                                          if count == 2 else [])
                                      or (_countries_of_the_pair(antecedents, text[:m.start()], kinds)
                                          if count == 2 else [])
                                      or (_pair_of_parties(antecedents, kinds) if count == 2 else [])
                                      or (_sides_of_talks(antecedents, kinds) if m.groupdict().get("word") else [])
                                      or antecedents.last(kinds, count))
                if count == 2 and len(targets) == 1 and voice and in_family("Country", kinds) \
                        and targets[0][0] != voice:  # 「両国」 after one foreign country: it and the voice
                    targets = [*targets, (voice, "Country")]
                if len(targets) == count:
                    break
            if len(targets) == count:
                found += [Token(m.start(), m.end(), entity, cls, m.group(0), anaphor=True,
                                country=antecedents.countries.get(entity, "") or here.countries.get(entity, ""))
                          for entity, cls in targets]
    return found


def _countries_of_the_pair(antecedents, before: str, kinds: list[str]) -> list[tuple[str, str]]:
    """「両者は、両国がともに…」: after a pair of people in the sentence (両者, 両大臣: 'people_pairs'), two countries
    are those of the last two people named, when they are of two countries (the two sides of the talks just told)."""
    spec = load_patterns("anaphora")
    if not in_family("Country", kinds) or not any(w in before for w in spec.get("people_pairs", ())):
        return []
    people = antecedents.last(["Person"], 2)
    countries = list(dict.fromkeys(antecedents.countries.get(entity, "") for entity, _ in people))
    return [(c, "Country") for c in countries] if len(people) == 2 and len(countries) == 2 and all(countries) else []


def _own_subjects(text: str, before: list[Token], anaphor: str) -> set[int]:
    """The subject of the anaphor's own sentence, with the list it closes (「A社とB社は、同社の…」), of the
    classes an anaphor of its prefix never stands for (``not_own_subject``)."""
    own = load_patterns("anaphora").get("not_own_subject", {})
    if not anaphor.startswith(tuple(own.get("prefixes", ()))):
        return set()
    found: set[int] = set()
    for t, after in zip(reversed(before), [None] + list(reversed(before))[:-1]):
        if t.cls not in own.get("classes", ()):
            continue
        particle = particle_at(text, t.end)
        if particle in own.get("particles", ()) or (
                after is not None and id(after) in found and particle in own.get("list_joiners", ())):
            found.add(id(t))
    return found


def _parties_of_meeting_here(tokens: list[Token], before: int, kinds: list[str],
                             name_parties: Callable[[str], list[Token]] | None) -> list[tuple[str, str]]:
    """「第3回日・カタール合同経済委員会が開催され、両国の政府関係者約70名が出席」: the two countries the name of
    a meeting told before the pair noun, in its own sentence, gives."""
    if name_parties is None or not in_family("Country", kinds):
        return []
    meetings = [t for t in tokens if t.end <= before and t.cls == "EventSeries"]
    parties = [(t.entity, t.cls) for t in name_parties(meetings[-1].surface)] if meetings else []
    parties = list(dict.fromkeys(p for p in parties if p[0]))
    return parties if len(parties) == 2 and all(in_family(c, kinds) for _, c in parties) else []


def _pair_named_here(here: Antecedents, kinds: list[str]) -> list[tuple[str, str]]:
    """「赤澤大臣は、X国のY大臣と会談し、両大臣の立会いの下、…」: the two people the sentence named before the pair
    noun, when it named exactly two."""
    if not in_family("Person", kinds):
        return []
    named = here.last(["Person"], 3, last_resort=False)
    return named if len(named) == 2 and all(in_family(c, kinds) for _, c in named) else []
