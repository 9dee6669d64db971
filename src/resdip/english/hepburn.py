"""Hepburn romanisation with macrons of a katakana reading: コウショウ → kōshō, トウキョウ → tōkyō.

Readings come from SudachiPy (:func:`resdip.recognise.sudachi.morphemes`). Long vowels are written
with a macron (オウ, オオ, ウウ and ー after o or u; ー after a, e, i too), エイ stays ei, ン is n
(n' before a vowel or y), ッ doubles the next consonant (tch before ch). The kana table is the one
:mod:`resdip.english.romanise` uses for loan words.
"""

from __future__ import annotations

from .romanise import _DIGRAPHS, _KANA

_MACRON = {"a": "ā", "i": "ī", "u": "ū", "e": "ē", "o": "ō"}


def _syllables(reading: str) -> list[str]:
    out: list[str] = []
    i, double = 0, False
    while i < len(reading):
        pair = reading[i:i + 2]
        ch = reading[i]
        if pair in _DIGRAPHS:
            syl, i = _DIGRAPHS[pair], i + 2
        elif ch == "ッ":
            double, i = True, i + 1
            continue
        elif ch == "ー":
            out.append("ー")
            i += 1
            continue
        else:
            syl, i = _KANA.get(ch, ""), i + 1
        if double and syl:
            syl = ("t" + syl) if syl.startswith("ch") else syl[0] + syl
            double = False
        if syl:
            out.append(syl)
    return out


def hepburn(reading: str) -> str:
    """Lower-case Hepburn with macrons for a katakana reading; characters that are not kana are dropped."""
    sylls = _syllables(reading)
    out = ""
    for k, syl in enumerate(sylls):
        last = out[-1:] if out else ""
        if syl == "ー":
            if last in _MACRON:
                out = out[:-1] + _MACRON[last]
            continue
        if syl in ("u", "o") and last == "o":
            out = out[:-1] + "ō"
            continue
        if syl == "u" and last == "u":
            out = out[:-1] + "ū"
            continue
        if out.endswith("n") and sylls[k - 1] == "n" and (syl[0] in "aiueo" or syl[0] == "y"):
            out += "'"
        out += syl
    return out
