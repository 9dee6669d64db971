"""Longest-match lookup of registry names in a sentence, with a character trie.

The trie is built once per registry (every label and alias after NFKC; English names only
when they carry a capital letter, so ``lead`` or ``oil`` in an English phrase are not read as
resources). Scanning walks the trie from each position and keeps the longest name whose edges
are words: a katakana name does not start or end inside a katakana word (インド in
インドネシア, リチウム in リチウムイオン) unless a modifier word (``katakana_modifiers``) stands before it
(アンモニア in グリーンアンモニア), a Latin name not inside a Latin word (EU in EUR).
Stop phrases (東日本大震災) match like names and hide what they contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..patterns import load_patterns
from ..registry import Entry, Registry
from .model import Mention, is_ascii_digit, is_ascii_letter, is_katakana, nfkc

_END = "\0"


@dataclass(frozen=True)
class Hit:
    """What a trie key stands for: entries (none for a stop phrase), and whether it is 「quoted」."""

    entries: tuple[Entry, ...]
    quoted: bool = False
    defined: object = None  # a Definition, for document-defined abbreviations


def _edge_ok(text: str, start: int, end: int) -> bool:
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before:
        if is_katakana(first) and is_katakana(before) and first != "ー" and not text.endswith(_modifiers(), 0, start):
            return False  # (「グリーンアンモニア」: a modifier word before the name leaves it a word of its own)
        if is_ascii_letter(first) and is_ascii_letter(before):
            return False
        if is_ascii_digit(first) and is_ascii_digit(before):
            return False
    if after:
        if is_katakana(last) and is_katakana(after):
            return False
        if is_ascii_letter(last) and is_ascii_letter(after):
            return False
        if is_ascii_digit(last) and is_ascii_digit(after):
            return False
    return True


@lru_cache(maxsize=1)
def _anaphor_prefixes() -> tuple[str, ...]:
    return tuple(load_patterns("anaphora")["prefixes"])


@lru_cache(maxsize=1)
def _modifiers() -> tuple[str, ...]:
    return tuple(load_patterns("recognise").get("katakana_modifiers", []))


class Trie:
    """A character trie from names to :class:`Hit`."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, key: str, hit: Hit) -> None:
        node = self.root
        for ch in key:
            node = node.setdefault(ch, {})
        old = node.get(_END)
        if old is None or old.entries == () and hit.entries:
            node[_END] = hit
        elif hit.entries:
            merged = tuple(dict.fromkeys(old.entries + hit.entries))
            node[_END] = Hit(merged, old.quoted, old.defined)

    def longest(self, text: str, i: int) -> tuple[int, Hit] | None:
        """The longest acceptable key starting at ``i``: (end, hit)."""
        node = self.root
        best: tuple[int, Hit] | None = None
        j = i
        n = len(text)
        while j < n:
            node = node.get(text[j])
            if node is None:
                break
            j += 1
            hit = node.get(_END)
            if hit is not None and _edge_ok(text, i, j):
                best = (j, hit)
        return best

    def scan(self, text: str) -> Iterable[tuple[int, int, Hit]]:
        """Leftmost-longest, non-overlapping matches."""
        root = self.root
        i, n = 0, len(text)
        while i < n:
            if text[i] not in root:
                i += 1
                continue
            found = self.longest(text, i)
            if found is None:
                i += 1
                continue
            end, hit = found
            yield i, end, hit
            i = end


def _wanted(name: str, english: bool) -> bool:
    if not name:
        return False
    if english:
        return any(c.isupper() for c in name)
    return True


def _capitals_too(key: str) -> bool:
    """Whether a Latin name written in mixed case (Pertamina, Japan) is also read in capitals, as Japanese
    releases often write companies and event names (PERTAMINA, APEC JAPAN 2010): four letters at least."""
    letters = [c for c in key if c.isalpha()]
    return (len(letters) >= 4 and all(c.isascii() for c in letters)
            and any(c.islower() for c in letters) and any(c.isupper() for c in letters))


def build_trie(registry: Registry, stop_phrases: Iterable[str]) -> Trie:
    trie = Trie()
    for entry_id in sorted(registry.entities):
        entry = registry.entities[entry_id]
        quoted = entry.extra.get("match", "") == "quoted"
        names = [(n, False) for n in (entry.label_ja, *entry.aliases_ja)]
        names += [(n, True) for n in (entry.label_en, *entry.aliases_en)]
        for name, english in names:
            if not _wanted(name, english):
                continue
            key = nfkc(name).strip()
            if quoted:
                trie.add(f"「{key}」", Hit((entry,), quoted=True))
            else:
                trie.add(key, Hit((entry,)))
                if _capitals_too(key):
                    trie.add(key.upper(), Hit((entry,)))  # PERTAMINA, JAPAN: a Latin name in capitals
    for phrase in stop_phrases:
        trie.add(nfkc(phrase), Hit(()))
    return trie


def choose(entries: tuple[Entry, ...]) -> Entry:
    """One entry for an ambiguous name: the first by id (posts are re-resolved by the post rule)."""
    return entries[0]


def scan_mentions(trie: Trie, text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Registry mentions, and the spans of stop phrases (which nothing else may claim)."""
    mentions: list[Mention] = []
    blocked: list[tuple[int, int]] = []
    for start, end, hit in trie.scan(text):
        if not hit.entries and hit.defined is None:
            blocked.append((start, end))
            continue
        if hit.quoted:
            start, end = start + 1, end - 1
        if hit.defined is not None:
            d = hit.defined
            m = Mention(start, end, text[start:end], d.entity_id, d.cls, d.candidate_key,
                        "definition" if d.entity_id is None else "registry")
            if text.startswith(_anaphor_prefixes(), start):
                m.attrs["anaphor"] = "defined"  # 「本会合」 defined by 以下「本会合」: a word standing for the name
            mentions.append(m)
            continue
        entry = choose(hit.entries)
        m = Mention(start, end, text[start:end], entry.id, entry.cls, None, "registry")
        if len(hit.entries) > 1:
            m.attrs["alternatives"] = "|".join(e.id for e in hit.entries)
        mentions.append(m)
    return mentions, blocked
