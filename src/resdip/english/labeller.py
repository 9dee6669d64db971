"""English labels for what the text introduces: a curator's override, else a composed name.

One :class:`Labeller` per reading process: the lexicon (glossary and registry), the composer
and the overrides file are loaded once. ``name`` gives the English label and its origin;
``implemented`` the registry partnerships, policies and projects a measure's title names.
"""

from __future__ import annotations

import re
import unicodedata

from .compose import Composer, EnglishName
from .hepburn import hepburn
from ..recognise.model import is_katakana
from .glossary import load_lexicon
from .overrides import load_overrides
from ..patterns import load_patterns
from ..recognise.sudachi import morphemes
from ..registry import Registry


class Labeller:
    def __init__(self, registry: Registry, overrides: dict[str, str] | None = None) -> None:
        self.registry = registry
        self.composer = Composer(load_lexicon(registry))
        self.overrides = load_overrides() if overrides is None else overrides
        self.link_classes = frozenset(load_patterns("links").get("classes", []))
        self._cache: dict[str, EnglishName] = {}

    def name(self, label_ja: str) -> EnglishName:
        """The English label of a Japanese name: curated if a curator gave one, else composed."""
        key = unicodedata.normalize("NFKC", label_ja).strip()
        if key not in self._cache:
            curated = self.overrides.get(key)
            self._cache[key] = EnglishName(curated, "curated") if curated else self.composer.english(key)
        return self._cache[key]

    def person(self, label_ja: str) -> EnglishName:
        """A person's name is not composed from terms: each part (「フェルナンド・マシャバ」, 「川原田智」)
        is romanised from its reading, in the order written, marked machine-made."""
        key = unicodedata.normalize("NFKC", label_ja).strip()
        curated = self.overrides.get(key)
        if curated:
            return EnglishName(curated, "curated")
        words = []
        for part in filter(None, re.split(r"[・=\s]+", key)):
            units = morphemes(part)
            # a katakana part is one name; kanji names are family and given names (川原田 智)
            pieces = [part] if all(is_katakana(c) for c in part) else [m.surface for m in units]
            readings = {m.surface: m.reading for m in units}
            for piece in pieces:
                romanised = hepburn(readings.get(piece) or piece) or piece
                words.append(romanised[:1].upper() + romanised[1:])
        return EnglishName(" ".join(words), "machine", (key,))

    def implemented(self, label_ja: str) -> list[str]:
        """Registry ids of the partnerships, policies, plans, laws and projects a title names."""
        out = []
        for entity_id in self.composer.named_entities(label_ja):
            entry = self.registry.get(entity_id)
            if entry is not None and entry.cls in self.link_classes:
                out.append(entity_id)
        return out
