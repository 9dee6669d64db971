"""What the recogniser returns (mentions) and what it carries between sentences."""

from __future__ import annotations

import unicodedata
from typing import Any
from dataclasses import dataclass, field

JAPAN = "country-jp"  # the country whose government the documents speak for by default

SOURCES = ("registry", "compound", "sudachi", "definition", "pattern")


@dataclass
class Mention:
    """A span of one sentence's NFKC text that names an entity.

    ``entity_id`` is a registry id, or None for an entity the registry lacks; then
    ``candidate_key`` is its normalised label (the emitter mints the candidate IRI from
    ``cls`` and this key). ``parts`` is set on a person recognised together with a post
    (「武藤経済産業大臣」): the post mention (which is also in the returned list).
    ``attrs`` carries what the recogniser learnt on the way: ``jurisdiction`` (country id)
    of a post, ``post`` (id or candidate key) held by a person, ``defines`` on a
    名称（略称） definition.
    """

    start: int
    end: int
    surface: str
    entity_id: str | None
    cls: str
    candidate_key: str | None = None
    source: str = "registry"
    parts: tuple["Mention", ...] = ()
    attrs: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        """The registry id, or ``candidate:{cls}:{candidate_key}``."""
        return self.entity_id or f"candidate:{self.cls}:{self.candidate_key}"

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Definition:
    """An abbreviation a document defined (「国際協力銀行（JBIC）」)."""

    abbreviation: str
    entity_id: str | None
    cls: str
    candidate_key: str | None
    label: str


@dataclass
class DocumentContext:
    """What one sentence tells the next: abbreviations defined so far, the last countries named,
    and the registry people named with a post (「武藤経済産業大臣」 makes a later 「武藤大臣」 him)."""

    definitions: dict[str, Definition] = field(default_factory=dict)
    last_country: str | None = None
    last_foreign_country: str | None = None
    #: the last sentence that named a foreign country named two or more (「A国及びB国を訪問」): which of them a
    #: post written with no country after it is of, that sentence does not tell
    last_foreign_several: bool = False
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # name as written → (person id, post id)
    #: the country of the post a foreign person was named with, by name and by family name (エルナン・ロハス,
    #: ロハス): 「ロハス鉱業・冶金大臣」 told again later is of that country, not of the last one named since
    post_countries: dict[str, str] = field(default_factory=dict)
    #: kanji family names the document named with a post (葉山 of 「葉山経済産業副大臣」), the dictionary's places too,
    family_names: dict[str, str] = field(default_factory=dict)  # → the jurisdiction of that post ("" if none)
    version: int = 0  # bumped on every new definition (the recogniser caches its matcher by it)
    #: the recogniser's matcher of the definitions, with the version it was made at (kept here, not
    #: in a table keyed by id(): a new context may reuse a dead one's id)
    matcher: tuple[int, Any] | None = field(default=None, compare=False, repr=False)

    def define(self, definition: Definition) -> bool:
        """Record a definition; the first one of an abbreviation wins. True if new."""
        if definition.abbreviation in self.definitions:
            return False
        self.definitions[definition.abbreviation] = definition
        self.version += 1
        return True


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def is_kanji(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c in "々〆ヶ"


def is_katakana(c: str) -> bool:
    """A katakana letter or the long-vowel mark (not the middle dot ・)."""
    return "\u30a1" <= c <= "\u30fa" or c == "ー"


def is_hiragana(c: str) -> bool:
    return "\u3041" <= c <= "\u309f"


def is_ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def is_ascii_digit(c: str) -> bool:
    return c.isascii() and c.isdigit()
