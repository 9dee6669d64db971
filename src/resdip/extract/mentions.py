"""From recognised mentions to the extractor's tokens and entities.

The recogniser says what a span names: a registry entry, or a candidate the
registry lacks. This module gives every candidate its stable id and entity
record (label as written, machine-made English label, not reviewed), folds a
person named with a post (武藤経済産業大臣) into one token that carries both,
and marks the parties of a compound (日豪) so that they share a span.
"""

from __future__ import annotations

import unicodedata

from dataclasses import replace

from .facts import EntityRef, candidate_id
from ..recognise import Mention, recogniser_for
from ..recognise.model import is_kanji
from ..recognise.compounds import find_compounds
from ..recognise.gazetteer import scan_mentions
from ..patterns import load_patterns
from ..registry import Registry
from ..english.romanise import romanise
from .view import Token, in_family

#: class families within which a name written another way is still the registry's entity
KINDS = ("Organisation", "Person", "Country", "Place", "EventSeries", "PolicyDocument", "Partnership", "Project", "Resource")


def same_kind(registered: str, written: str) -> bool:
    """Whether a registry class and the class a name was read as are of one kind (two organisations)."""
    return registered == written or any(in_family(registered, [k]) and in_family(written, [k]) for k in KINDS)


#: classes whose unnamed members (「重要鉱物分野における協力覚書」) are told apart by document: two releases
#: may describe two different MoUs in the same words
AGREEMENTS = ("MemorandumOfUnderstanding", "Agreement", "ExplorationContract")

#: the endings of a country's formal name (ナミビア共和国)
FORMAL_ENDINGS = ("共和国", "王国", "連邦", "合衆国", "首長国", "国")

#: classes of bodies a country's name may open (「ラオス人民民主共和国エネルギー鉱山省」)
BODIES = ("GovernmentBody", "PublicAgency", "FinancialInstitution", "InternationalOrganisation", "Company", "Organisation")


class MentionResolver:
    """Turns recogniser mentions into tokens; collects the candidate entities it meets."""

    def __init__(self, registry: Registry, entities: dict[str, EntityRef], scope: str = "") -> None:
        self.registry = registry
        self.entities = entities
        self.scope = scope  # the document: an agreement described by its topic is that document's
        # every name of a registry country, longest first, by its first character
        self._countries: dict[str, list[tuple[str, str]]] | None = None

    def entity_of(self, mention: Mention) -> tuple[str, str]:
        """The id and class of what a mention names; a candidate is recorded on first sight."""
        if mention.entity_id:
            entry = self.registry.get(mention.entity_id)
            return mention.entity_id, (entry.cls if entry is not None else mention.cls)
        extra: dict[str, object] = {}
        if mention.attrs.get("jurisdiction"):
            extra["jurisdiction"] = mention.attrs["jurisdiction"]
        if mention.attrs.get("written"):
            extra["altLabel"] = mention.attrs["written"]
        if mention.attrs.get("label_en"):
            extra["label_en"] = mention.attrs["label_en"]  # the document's own English for the person
        key = self.scope if mention.cls in AGREEMENTS else ""
        label = mention.candidate_key or mention.surface
        identity = self._identity(label) if mention.cls in BODIES else ""
        if identity and mention.attrs.get("country_surface") == load_patterns("recognise")["same_country"]:
            label = self._formal(mention.attrs.get("jurisdiction", ""), label)
        return self.candidate(mention.cls, label, extra, key=key, identity=identity), mention.cls

    def _formal(self, country: str, label: str) -> str:
        """「同国石油・ガス省」 named as 「ガボン石油・ガス省」: labelled with the country's formal name (ガボン共和国), as
        the body's own name is written."""
        entry = self.registry.get(country) if country else None
        if entry is None or not label.startswith(entry.label_ja):
            return label
        formal = max((a for a in entry.aliases_ja if a.startswith(entry.label_ja) and a.endswith(FORMAL_ENDINGS)),
                     key=len, default="")
        if not formal or label.startswith(formal):
            return label
        return formal + label[len(entry.label_ja):]

    def _identity(self, label: str) -> str:
        """A body named after its country is known by the country's registry label and its own name, however
        the country is written (「ナミビア共和国鉱山・エネルギー省」, 「同国鉱山・エネルギー省」 → ナミビア鉱山・エネルギー省)."""
        if self._countries is None:
            names = {unicodedata.normalize("NFKC", name): entry.label_ja for entry in self.registry.of_class("Country")
                     for name in (entry.label_ja, *entry.aliases_ja) if name}
            self._countries = {}
            for name, country in sorted(names.items(), key=lambda item: (-len(item[0]), item[0])):
                self._countries.setdefault(name[0], []).append((name, country))
        written = unicodedata.normalize("NFKC", label)
        for name, country in self._countries.get(written[:1], []):  # (only the names the label can open with)
            if written.startswith(name) and len(written) > len(name):
                return country + written[len(name):]
        return ""

    def candidate(self, cls: str, label: str, extra: dict[str, object] | None = None, key: str = "",
                  identity: str = "") -> str:
        """The id of an entity the registry lacks; its record is made on first sight.

        ``key`` tells apart entities that share a label (two MoUs both called 協力覚書); ``identity``, where
        given, is what the id is made from instead of the label (a body known by its country's registry
        label: 「ナミビア共和国鉱山・エネルギー省」 and 「同国鉱山・エネルギー省」 are one).
        """
        twin, related = self.twins(cls, label, extra)
        if twin:
            return twin  # 「JAPAN」, 「高市 早苗」: a name the registry knows, written another way
        if related:  # 「APEC」 read as a meeting: named after the forum the registry knows, and linked to it
            extra = {**(extra or {}), "related": related}
        entity_id = candidate_id(cls, f"{identity or label}|{key}" if key else identity or label)
        if cls == "Person" and entity_id not in self.entities:
            # 「アフマド・ザイヌディン外務大臣」, then 「ザイヌディン大臣」: the family name alone is the person named in full;
            # so is 「アル・ムタワ事務総長」 after 「ナーセル・アル・ムタワ」 (a family name of several parts)
            full = [e for e in self.entities.values() if e.cls == "Person" and not e.reviewed
                    and "・" in e.label_ja and e.label_ja.endswith("・" + label)]
            # 「ムハンマド・ビン・アブドルラフマン・アール・サーニー外務大臣」, then 「ムハンマド外務大臣」: a long name
            # (three parts or more, as Arabic names are written) is called by its first part
            full = full or [e for e in self.entities.values() if e.cls == "Person" and not e.reviewed
                            and e.label_ja.count("・") >= 2 and e.label_ja.split("・", 1)[0] == label]
            # 「河野太郎外務大臣」, then 「河野大臣」: a name in kanji is called by its family name, which opens it
            full = full or [e for e in self.entities.values() if e.cls == "Person" and not e.reviewed
                            and _kanji_name(label) and _kanji_name(e.label_ja)
                            and e.label_ja.replace(" ", "").startswith(label) and len(e.label_ja.replace(" ", "")) > len(label)]
            if len(full) == 1:
                return full[0].id
            # 「ターレブ石油・エネルギー・鉱業大臣との会談」 in a schedule, then 「ムハンマド・ウルド・ターレブ…大臣」: the
            # person named first by the family name alone, now in full (the fuller name becomes the label)
            short = [e for e in self.entities.values() if e.cls == "Person" and not e.reviewed and "・" in label
                     and "・" not in e.label_ja and label.rsplit("・", 1)[1] == e.label_ja]
            if len(short) == 1:
                known = short[0]
                known.extra.setdefault("altLabel", known.label_ja)
                known.label_ja, known.label_en = label, romanise(label)
                return known.id
        if entity_id not in self.entities:
            self.entities[entity_id] = EntityRef(entity_id, cls, label, romanise(label), reviewed=False,
                                                 extra=dict(extra or {}))
        elif identity and label != self.entities[entity_id].label_ja:
            # one body written two ways: its label is the fuller (the country's formal name), the other an alias
            known = self.entities[entity_id]
            full, other = sorted((label, known.label_ja), key=lambda name: (-len(name), name))
            known.label_ja, known.label_en = full, romanise(full)
            known.extra.setdefault("altLabel", other)
        return entity_id

    def twins(self, cls: str, label: str, extra: dict[str, object] | None = None) -> tuple[str, tuple[str, ...]]:
        """Registry entities a name shares a name with, its case, blanks, middle dots and bracketed parts
        aside, or by its closing bracketed abbreviation (「ベトナム国家石油ガスグループ（PVN）」): the one of
        ``cls`` (or of its family) the name is written for ("" when none or several are), and those of
        another kind it is named after."""
        names = [label] + ([str(extra["altLabel"])] if extra and extra.get("altLabel") else [])
        found = {e.id: e for name in names for e in self.registry.twins(name)}
        if cls == "Post" and not (extra or {}).get("jurisdiction"):
            # 「オティエノ鉱業大臣」 where the text leaves the country unsaid: not the registry's Chilean 鉱業大臣
            found = {e_id: e for e_id, e in found.items() if not e.extra.get("jurisdiction")}
        same = [e_id for e_id, e in found.items() if same_kind(e.cls, cls)]
        return (same[0] if len(same) == 1 else "",
                tuple(sorted(e_id for e_id, e in found.items() if not same_kind(e.cls, cls))))

    def tokens(self, text: str, mentions: list[Mention]) -> list[Token]:
        """Tokens for one sentence's mentions, in textual order.

        A person recognised with a post (``parts``) becomes one token spanning
        both, carrying the post; the post's own mention is folded into it.
        """
        folded = {(p.start, p.end) for m in mentions for p in m.parts}
        tokens: list[Token] = []
        for mention in mentions:
            if (mention.start, mention.end) in folded and not mention.parts:
                continue
            entity_id, cls = self.entity_of(mention)
            end, post_id, post_surface, post_in = mention.end, "", "", False
            glossed = bool(mention.attrs.get("glossed"))  # 「（理事長：栗山 隆）」: the post before the name
            also: list[tuple[int, int, str]] = []
            for i, part in enumerate(mention.parts):
                if i:  # 「…副大臣兼内閣府副大臣」: a second post held beside the first
                    also.append((part.start - mention.start, part.end - mention.start, self.entity_of(part)[0]))
                    end = max(end, part.end)
                    continue
                post_id = self.entity_of(part)[0]
                post_surface = "" if glossed else part.surface
                post_in = bool(part.attrs.get("post_in"))
                end = max(end, part.end)
            # a person's post, or a body named after its country (モザンビーク鉱物資源省), names the country
            country = mention.attrs.get("jurisdiction", "") if mention.parts or cls != "Person" else ""
            tokens.append(Token(mention.start, end, entity_id, cls, text[mention.start:end], post=post_id,
                                compound=mention.source == "compound", country=country,
                                post_surface=post_surface, post_in_body=post_in,
                                anaphor=bool(mention.attrs.get("anaphor")), post_glossed=glossed,
                                also_posts=tuple(also)))
        return tokens


def compound_parties(text: str, registry: Registry) -> list[Mention]:
    """The parties a compound inside a name stands for: 「日豪経済閣僚対話」 → Japan, Australia;
    「日ASEAN環境気候変動閣僚級対話」 → Japan, ASEAN."""
    recogniser = recogniser_for(registry)
    head = recogniser.pat["nichi_head"]
    followers: list[Mention] = []
    for i, ch in enumerate(text):
        if ch == head:
            at = i + 2 if text.startswith("・", i + 1) else i + 1  # 日豪, and 日・カザフスタン
            found, _ = scan_mentions(recogniser.trie, text[at:])
            followers += [replace(m, start=m.start + at, end=m.end + at, source="compound")
                          for m in found if m.start == 0]
    parties = find_compounds(text, [False] * len(text), followers, registry, recogniser.pat)
    heads = {m.end + (1 if text.startswith("・", m.end) else 0) for m in parties if m.surface == head}
    unique: dict[str, Mention] = {}
    for m in sorted(parties + [m for m in followers if m.start in heads], key=lambda m: m.start):
        unique.setdefault(m.entity_id or m.surface, m)
    return list(unique.values())


def leading_body(text: str, registry: Registry) -> list[Mention]:
    """The registry body a name opens with (「IEF閣僚会合」 → IEF; 「APECエネルギー大臣会合」 → APEC), if any."""
    found, _ = scan_mentions(recogniser_for(registry).trie, text)
    return [m for m in found if m.start == 0 and m.end < len(text)][:1]


def _kanji_name(name: str) -> bool:
    return bool(name) and all(is_kanji(c) or c == " " for c in name)
