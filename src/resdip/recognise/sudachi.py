"""SudachiPy (mode C) tokens of one sentence, and proper nouns the registry lacks.

The tokenizer is created once per process. SudachiPy rejects inputs over 49,149 bytes,
so callers pass one sentence; a longer text is cut at 。 (or hard at 12,000 characters).
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .model import Mention, is_katakana

MAX_CHARS = 12_000  # 12,000 chars x 4 bytes < 49,149 bytes


class Token(NamedTuple):
    """One morpheme. (A named tuple, not a frozen dataclass: a sentence makes dozens, and a named tuple is
    made about three times as fast.)"""

    start: int
    end: int
    surface: str
    pos: tuple[str, ...]
    lemma: str = ""  # the dictionary form (会談し → する; 行い → 行う)
    proper: bool = False  # a proper noun (固有名詞)
    unknown: bool = False  # not in the dictionary (a foreign name Sudachi has never seen: ケストレル)


@lru_cache(maxsize=1)
def dictionary() -> Any:
    """The SudachiPy dictionary (core), loaded once; also used for ``lookup`` of single words."""
    from sudachipy import Dictionary

    return Dictionary(dict="core")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from sudachipy import SplitMode

    return dictionary().tokenizer(mode=SplitMode.C)


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= MAX_CHARS:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + MAX_CHARS)
        cut = text.rfind("。", start, end)
        if end < len(text) and cut > start:
            end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


_POS: dict[int, tuple[str, ...]] = {}  # part-of-speech tuples by id (asking Sudachi each time is slow)


@lru_cache(maxsize=8)
def _tokenize(text: str) -> tuple[Token, ...]:
    tok = _tokenizer()
    out: list[Token] = []
    for offset, chunk in _chunks(text):
        for m in tok.tokenize(chunk):
            pos_id = m.part_of_speech_id()
            pos = _POS.get(pos_id)
            if pos is None:
                pos = _POS[pos_id] = tuple(m.part_of_speech())
            out.append(Token(offset + m.begin(), offset + m.end(), m.surface(), pos, m.dictionary_form(),
                             len(pos) > 2 and pos[1] == "固有名詞", m.is_oov()))
    return tuple(out)


def tokenize(text: str) -> list[Token]:
    """Sudachi's morphemes of one sentence (the recogniser and the clause reader share one run)."""
    return list(_tokenize(text))


def proper_nouns(text: str, tokens: list[Token], taken: list[bool], pat: dict[str, Any],
                 classify) -> list[Mention]:
    """Candidates for Sudachi's 人名 / 地名 / 組織 tokens that no other rule claimed."""
    conf = pat["sudachi"]
    ignore = set(conf["ignore"])
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if not t.proper or t.pos[2] not in (conf["person"], conf["place"], conf["organisation"]):
            i += 1
            continue
        start, end, kind = t.start, t.end, t.pos[2]
        j = i + 1
        if kind == conf["person"]:  # 姓 + 名, also written with a space between (「理事長：宮坂 圭介」)
            while j < len(tokens):
                if (j + 1 < len(tokens) and tokens[j].surface == " " and tokens[j - 1].pos[3] == conf["surname"]
                        and tokens[j + 1].proper and tokens[j + 1].pos[3] == conf["given_name"]):
                    j += 1  # the space between family and given name
                elif not (tokens[j].proper and tokens[j].pos[2] == kind and tokens[j].start == end):
                    break
                end = tokens[j].end
                j += 1
        i = j
        base_end = end
        feature = False
        if kind == conf["place"]:  # ルアンナムター県: the administrative word is part of the name
            suffix = next((x for x in conf.get("place_suffixes", []) if text.startswith(x, end)), "")
            if not suffix and not text.endswith(tuple(conf.get("place_suffixes", [])), start, end):
                # タイランド湾: a feature named after a country is a place; サラワク州沖合 is off a province
                # that has its name already (the province, not a feature of its own)
                suffix = next((x for x in conf.get("feature_suffixes", []) if text.startswith(x, end)), "")
                feature = bool(suffix)
            if suffix and not any(taken[end:end + len(suffix)]):
                end += len(suffix)
                while i < len(tokens) and tokens[i].start < end:
                    i += 1
        surface = text[start:end]
        if surface in ignore or text[start:base_end] in ignore or len(surface) < conf["min_length"] or any(taken[start:end]):
            # (「同国南方沖の…」: a compass word the dictionary knows as a place, with 沖, is no place either)
            continue
        if end < len(text) and is_katakana(text[end - 1]) and (
                is_katakana(text[end]) or text[end] == "・" and end + 1 < len(text) and is_katakana(text[end + 1])):
            continue  # part of a longer katakana word or name (バイユー・ベンドLNGプロジェクト)
        if start > 0 and is_katakana(text[start]) and is_katakana(text[start - 1]):
            continue  # the tail of a longer katakana name (ペトロベトナム)
        if kind == conf["person"]:
            # 「…副大臣は、アスンシオンにおいて」: a name the dictionary knows as a given name, where something is held
            # or someone goes, is a place
            cls = "Place" if text.startswith(tuple(conf.get("place_not_person_before", ())), end) else "Person"
        elif kind == conf["place"]:
            # 「ミッドランズ州」: a name the dictionary knows as a country's, with an administrative word after it, is a
            # province of its own
            cls = "Country" if t.pos[3] == conf["country_subtype"] and not feature and end == t.end else "Place"
        else:
            cls = classify(surface) or conf["organisation_default_class"]
        # 「茨城県高萩市」: one token of the dictionary, a prefecture and a town in it, read as two places; not an
        # address after its label (「本社：東京都港区」), which stays one
        cut = (re.match(conf["prefecture_and_town"], surface) if cls == "Place" and conf.get("prefecture_and_town")
               and not text.endswith(tuple(conf.get("address_labels", ())), 0, start) else None)
        for a, b in ((start, start + cut.end()), (start + cut.end(), end)) if cut else ((start, end),):
            out.append(Mention(a, b, text[a:b], None, cls, text[a:b], "sudachi"))
        for k in range(start, end):
            taken[k] = True
    return out


@dataclass(frozen=True)
class Morpheme:
    """A short unit (SudachiPy mode A) with its reading in katakana."""

    start: int
    end: int
    surface: str
    reading: str


@lru_cache(maxsize=1)
def _short_tokenizer() -> Any:
    from sudachipy import SplitMode

    return dictionary().tokenizer(mode=SplitMode.A)


@lru_cache(maxsize=256)
def morphemes(text: str) -> tuple[Morpheme, ...]:
    """The shortest units of a short text (a name), with readings: 新鉱床 → 新 (シン), 鉱床 (コウショウ)."""
    tok = _short_tokenizer()
    return tuple(Morpheme(offset + m.begin(), offset + m.end(), m.surface(), m.reading_form())
                 for offset, chunk in _chunks(text) for m in tok.tokenize(chunk))


@lru_cache(maxsize=4)
def _place_patterns(suffixes: tuple[str, ...], capital_words: tuple[str, ...]
                    ) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The regular expressions of a katakana place before an administrative word, and after a capital word."""
    ends = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    words = "|".join(re.escape(x) for x in capital_words)
    return (re.compile(f"[ァ-ヺー]{{2,}}(?:・[ァ-ヺー]{{2,}})*(?:{ends})"),
            re.compile(f"(?:{words})([ァ-ヺー]{{2,}}(?:・[ァ-ヺー]{{2,}})*)(?![ァ-ヺー])") if words else None)


def katakana_places(text: str, tokens: list[Token], taken: list[bool], pat: dict[str, Any]) -> list[Mention]:
    """Places Sudachi does not know, named in katakana before an administrative word
    (「ブリティッシュコロンビア州」, 「ケストレル地域」): the name holds a word outside the dictionary or a
    proper noun, not only common words (フロンティア地域, モデル地区)."""
    name, capital = _place_patterns(tuple(pat["katakana_place_suffixes"]), tuple(pat.get("capital_words", [])))
    out: list[Mention] = []
    pos = 0
    while (m := name.search(text, pos)) is not None:
        start, end = m.start(), m.end()
        claimed = [k for k in range(start, end) if taken[k]]
        if claimed:  # 「カナダ・ブリティッシュコロンビア州」: the place may start after a name already read
            pos = claimed[-1] + 1
            continue
        pos = end
        before = start - 2 if start > 1 and text[start - 1] == "・" else start - 1
        if before >= 0 and is_katakana(text[before]) and not taken[before]:
            continue  # the tail of a longer katakana name
        sure = m.group(0).endswith(tuple(pat.get("katakana_place_sure", []))) or _after_compass(text, start, pat)
        if not sure and not any(t.unknown or t.proper for t in tokens if start <= t.start and t.end <= end):
            continue  # 「モデル地区」: common words before 地区 name no place; before 州 they do (テテ州)
        out.append(Mention(start, end, m.group(0), None, "Place", m.group(0), "pattern"))
        taken[start:end] = [True] * (end - start)
    for m in capital.finditer(text) if capital is not None else ():
        start, end = m.span(1)  # 「サラワク州の州都クチン」: the katakana name after a capital word is a place
        if not any(taken[start:end]):
            out.append(Mention(start, end, m.group(1), None, "Place", m.group(1), "pattern"))
            taken[start:end] = [True] * (end - start)
    lead = pat.get("compass_place_lead")
    after = pat.get("compass_place_followers", "")
    for m in re.finditer(f"(?:{lead})([ァ-ヺー]{{2,}}(?:・[ァ-ヺー]{{2,}})*)(?:{after})", text) if lead and after else ():
        start, end = m.span(1)  # 「同国西部のロズニツァ近郊」: a name the dictionary does not know, after a compass part
        if not any(taken[start:end]) and any(t.unknown or t.proper for t in tokens if start <= t.start and t.end <= end):
            out.append(Mention(start, end, m.group(1), None, "Place", m.group(1), "pattern"))
            taken[start:end] = [True] * (end - start)
    venue = pat.get("venue_place_regex")
    for m in re.finditer(venue, text) if venue else ():
        start, end = m.span(1)  # 「…副大臣は、ブランタイヤを訪れ」: a name the dictionary does not know, visited
        if not any(taken[start:end]) and any(t.unknown for t in tokens if start <= t.start and t.end <= end):
            out.append(Mention(start, end, m.group(1), None, "Place", m.group(1), "pattern"))
            taken[start:end] = [True] * (end - start)
    return out


def _after_compass(text: str, start: int, pat: dict[str, Any]) -> bool:
    """Whether a name starts right after a compass part of a country (「同国東部のボル地区」)."""
    lead = pat.get("compass_place_lead")
    return bool(lead) and re.search(f"(?:{lead})$", text[:start]) is not None
