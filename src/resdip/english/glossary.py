"""The bilingual term list the English composer reads: ``patterns/glossary.json`` and the registry.

A term is Japanese text (NFKC) with its English and its part in a name: a noun (``term``), a
word that precedes its head in English (``modifier``), a verbal noun that takes the words before
it in a compound as its object (``action``: 権益確保 → securing of interests), a particle or phrase that makes what
stands before it modify what follows (``relation``), a coordinator, a word English drops, or a counter after a number (件).
The registry adds every label and Japanese alias of its entries with their English label,
except names matched only in quotes (``match=quoted``: 資源 the vessel is also the word 資源).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import DataFileError
from ..patterns import compile_regex, load_patterns
from ..registry import Registry

KINDS = ("term", "modifier", "action", "relation", "coordinator", "dropped", "counter")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Term:
    """One entry: its English, its kind, and the registry entity it names (if any)."""

    en: str
    kind: str
    entity: str = ""


@dataclass
class Lexicon:
    """Terms by their NFKC Japanese text; the ordinal pattern; words a title keeps in lower case."""

    terms: dict[str, Term]
    ordinal: re.Pattern[str]
    small_words: frozenset[str]
    names: dict[str, list[str]] = field(default_factory=dict)  # every registry name (ASCII too) → ids
    longest: int = field(init=False)

    def __post_init__(self) -> None:
        self.longest = max((len(k) for k in self.terms), default=1)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def load_lexicon(registry: Registry | None = None) -> Lexicon:
    """The glossary's terms, then the registry's names (a registry name wins over a glossary word)."""
    data = load_patterns("glossary")
    where = "patterns/glossary.json"
    terms: dict[str, Term] = {}
    for section, kind in (("terms", "term"), ("modifiers", "modifier"), ("actions", "action"),
                          ("relations", "relation"), ("coordinators", "coordinator")):
        entries = data.get(section, {})
        if not isinstance(entries, dict):
            raise DataFileError(f"{where}: '{section}' must map Japanese to English")
        for ja, en in entries.items():
            if not isinstance(en, str) or not en.strip() or _JAPANESE.search(en):
                raise DataFileError(f"{where}: '{section}' gives {ja!r} no English (got {en!r})")
            terms[_nfkc(ja)] = Term(en.strip(), kind)
    for section, kind in (("dropped", "dropped"), ("counters", "counter")):
        for ja in data.get(section, []):
            terms[_nfkc(ja)] = Term("", kind)
    if registry is not None:
        for entry in sorted(registry.entities.values(), key=lambda e: e.id):
            if not entry.label_en or entry.extra.get("match") == "quoted" or _JAPANESE.search(entry.label_en):
                continue
            for name in (entry.label_ja, *entry.aliases_ja):
                key = _nfkc(name)
                # ASCII names (UAE, LNG) stay as written; a name two entries share names neither
                if _JAPANESE.search(key) and len(registry.by_alias(key)) == 1:
                    terms[key] = Term(entry.label_en, "term", entry.id)
    names = {key: [e.id for e in entries] for key, entries in (registry.aliases() if registry else {}).items()}
    return Lexicon(terms, compile_regex(f"{where}:ordinal", data.get("ordinal", "(?!)")),
                   frozenset(data.get("small_words", [])), names)
