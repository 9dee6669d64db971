"""English names composed from known terms by the grammar of Japanese noun phrases.

A name is cut into SudachiPy short units (mode A); runs of units that spell a term of the
lexicon (:mod:`resdip.english.glossary`, the longest first) become that term, bracketed parts are
composed on their own, Latin letters and digits stay as written, and any other unit is
*unknown* and romanised from its reading (Hepburn with macrons: 鉱床 → kōshō; katakana as
loan words). The parts are then put in English order:

- a noun compound keeps its order (資源循環パートナーシップ → resource circulation partnership);
- A<relation>B puts the head first: AのB → B of A, Aに関するB → B on A, AによるB → B by A,
  left to right (AのBのC → C of B of A); a modifier before の stays in front (海外の調査 → overseas survey);
- A及びB, AとB, A・B, AやB → A and B, binding tighter than a relation (A及びBに関するC → C on A and B);
- a compound ending in an action (確保, 強化) makes the rest its object: 権益確保 → securing of interests;
- A等 → A; 5件の計画 → 5 plan; 第2回 → 2nd; a bracketed part at the very end goes to the end of the English.

The result says whether every part was known (a *composed* label) or not (a *machine* label).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .glossary import Lexicon
from .hepburn import hepburn
from ..recognise.sudachi import morphemes
from .romanise import romanise

_OPEN, _CLOSE = "(", ")"
_LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.,\-+&/' ]*$")
_KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")


@dataclass(frozen=True)
class EnglishName:
    """An English name and how it was made: ``curated`` (a person's), ``composed`` (every part
    known) or ``machine`` (some part romanised; ``unknown`` lists those parts)."""

    text: str
    origin: str
    unknown: tuple[str, ...] = ()

    @property
    def composed(self) -> bool:
        return self.origin == "composed"


@dataclass(frozen=True)
class Part:
    kind: str  # term | modifier | relation | coordinator | dropped | literal | unknown | group
    en: str
    ja: str


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _close_of(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] == _OPEN
        depth -= text[i] == _CLOSE
        if depth == 0:
            return i
    return len(text)


def _unknown(surface: str, reading: str) -> str:
    if _KATAKANA.match(surface):
        return romanise(surface)
    word = hepburn(reading)
    return word if word else romanise(surface)


def segment(text: str, lexicon: Lexicon, unknown: list[str]) -> list[Part]:
    """The parts of an NFKC name, left to right (unknown Japanese parts are added to ``unknown``)."""
    units = morphemes(text)
    starts = {m.start: k for k, m in enumerate(units)}
    ends = {m.end for m in units}
    parts: list[Part] = []
    i = 0
    while i < len(text):
        if text[i] == _OPEN:
            close = _close_of(text, i)
            inner = text[i + 1:close]
            parts.append(Part("group", "", inner))
            i = close + 1
            continue
        if text[i] in " \u3000" + _CLOSE:
            i += 1
            continue
        match = ""
        if i in starts:
            for length in range(min(lexicon.longest, len(text) - i), 0, -1):
                key = text[i:i + length]
                if key in lexicon.terms and i + length in ends:
                    match = key
                    break
        if match:
            term = lexicon.terms[match]
            parts.append(Part(term.kind, term.en, match))
            i += len(match)
            continue
        unit = units[starts[i]] if i in starts else None
        end = unit.end if unit is not None else i + 1
        surface = text[i:end]
        ordinal = lexicon.ordinal.match(text[i:])
        if ordinal is None and surface == "第":
            ordinal = _ordinal_at(text, i, lexicon)
        if ordinal is not None:
            parts.append(Part("modifier", _ordinal(int(ordinal.group("n"))), ordinal.group(0)))
            i += len(ordinal.group(0))
            continue
        if _LATIN.match(surface) or not surface.strip():
            if parts and parts[-1].kind == "literal" and text[i - 1:i] not in " ":
                parts[-1] = Part("literal", parts[-1].en + surface, parts[-1].ja + surface)
            else:
                parts.append(Part("literal", surface, surface))
        else:
            unknown.append(surface)
            parts.append(Part("unknown", _unknown(surface, unit.reading if unit else ""), surface))
        i = end
    return parts


def _ordinal_at(text: str, i: int, lexicon: Lexicon) -> re.Match[str] | None:
    m = re.match(r"第[0-9]+回", text[i:])
    return lexicon.ordinal.match(m.group(0)) if m else None


def _is_attribute(run: list[Part]) -> bool:
    """A lone modifier (海外), or a number with its counter (5件), which English puts before its head."""
    content = [p for p in run if p.kind not in ("dropped", "counter")]
    return len(content) == 1 and (content[0].kind == "modifier"
                                  or (content[0].kind == "literal" and content[0].en.isdigit()))


def _split(parts: list[Part], kind: str) -> list[tuple[list[Part], Part | None]]:
    """Runs of parts between parts of ``kind``, each with the separator after it."""
    runs: list[tuple[list[Part], Part | None]] = []
    run: list[Part] = []
    for p in parts:
        if p.kind == kind:
            runs.append((run, p))
            run = []
        else:
            run.append(p)
    runs.append((run, None))
    return [(r, sep) for r, sep in runs if r]


def _join(items: list[str], word: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


class Composer:
    """English names from Japanese ones, with one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def english(self, label_ja: str) -> EnglishName:
        text = unicodedata.normalize("NFKC", label_ja).strip()
        unknown: list[str] = []
        body = self._phrase(segment(text, self.lexicon, unknown), unknown)
        return EnglishName(self._title(body), "machine" if unknown else "composed", tuple(unknown))

    def named_entities(self, label_ja: str) -> list[str]:
        """Registry ids of the terms a name holds, and of a bracketed abbreviation at its end."""
        text = unicodedata.normalize("NFKC", label_ja).strip()
        parts = segment(text, self.lexicon, [])
        ids = [self.lexicon.terms[p.ja].entity for p in parts if p.ja in self.lexicon.terms]
        if parts and parts[-1].kind == "group":
            ids += self.lexicon.names.get(parts[-1].ja.strip(), [])
        return sorted({i for i in ids if i})

    def _phrase(self, parts: list[Part], unknown: list[str]) -> str:
        tail = ""
        if parts and parts[-1].kind == "group" and len(parts) > 1:
            tail = f" ({self._group(parts[-1], unknown)})"
            parts = parts[:-1]
        return self._relations(parts, unknown) + tail

    def _group(self, part: Part, unknown: list[str]) -> str:
        return self._phrase(segment(part.ja, self.lexicon, unknown), unknown)

    def _relations(self, parts: list[Part], unknown: list[str]) -> str:
        """AのBに関するC → C on B of A; a lone modifier or number before の goes before what follows."""
        english, pending, prefix = "", "", ""
        for run, relation in _split(parts, "relation"):
            segment_en = (prefix + " " + self._coordinated(run, unknown)).strip()
            prefix = ""
            if relation is not None and relation.ja == "の" and _is_attribute(run):
                prefix = segment_en
                continue
            english = f"{segment_en} {pending} {english}" if english else segment_en
            pending = relation.en if relation is not None else ""
        return f"{english} {prefix}".strip() if prefix else english

    def _coordinated(self, parts: list[Part], unknown: list[str]) -> str:
        return _join([self._compound(run, unknown) for run, _ in _split(parts, "coordinator")],
                     next((p.en for p in parts if p.kind == "coordinator"), "and"))

    def _compound(self, parts: list[Part], unknown: list[str]) -> str:
        """Words in Japanese order, but a final action takes the rest as its object (securing of interests)."""
        words: list[str] = []
        for p in parts:
            if p.kind == "group":
                words.append(f"({self._group(p, unknown)})")
            elif p.en:
                words.append(p.en)
        content = [p for p in parts if p.en and p.kind != "group"]
        if len(content) > 1 and content[-1].kind == "action" and words[-1] == content[-1].en:
            return f"{words[-1]} of {' '.join(words[:-1])}"
        return " ".join(words)

    def _title(self, text: str) -> str:
        """Title case for words in lower case (small words stay lower case except the first)."""
        out = []
        for k, word in enumerate(text.split()):
            bare = word.lstrip("(")
            if bare.islower() and (k == 0 or bare not in self.lexicon.small_words):
                lead = word[: len(word) - len(bare)]
                word = lead + bare[:1].upper() + bare[1:]
            out.append(word)
        return " ".join(out)
