"""Machine-made English labels for candidates: Hepburn romanisation, words title-cased.

Kanji and hiragana go through pykakasi (long vowels written plainly: 保障 → Hosho).
Katakana (mostly foreign names) goes through a small table that knows the loan-word
spellings (ウィ → wi, ファ → fa, ティ → ti) and a few word-final rules (キング → King,
ベイデノック → Beidenock, ウィリアムス → Wiriamus); Latin letters and digits are kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIGRAPHS = {
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
    "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du", "テュ": "tyu", "デュ": "dyu",
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "シェ": "she", "ジェ": "je", "チェ": "che", "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso",
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "シャ": "sha", "シュ": "shu", "ショ": "sho", "ジャ": "ja", "ジュ": "ju", "ジョ": "jo",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "イェ": "ye", "クァ": "kwa", "グァ": "gwa",
}
_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョ",
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do "
    "ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo".split(),
))
_FINAL = [("nggu", "ng"), ("ngu", "ng"), ("kku", "ck"), ("ggu", "g"), ("ddo", "d"), ("tto", "t"),
          ("ppu", "p"), ("sshu", "sh"), ("su", "s"), ("zu", "z"), ("do", "d"), ("to", "t"), ("ku", "k"),
          ("gu", "g"), ("fu", "f"), ("bu", "b"), ("pu", "p"), ("ru", "r"), ("mu", "m")]
_VOWEL_BEFORE = re.compile(r"[aeiou]")
_RUNS = re.compile(r"[\u30a1-\u30fa\u30fc]+|[A-Za-z0-9]+|[^\u30a1-\u30fa\u30fc\u30fb A-Za-z0-9]+")


def _katakana_word(word: str) -> str:
    out: list[str] = []
    i = 0
    double = False
    while i < len(word):
        pair = word[i:i + 2]
        if pair in _DIGRAPHS:
            syl, i = _DIGRAPHS[pair], i + 2
        elif word[i] == "ッ":
            double, i = True, i + 1
            continue
        elif word[i] == "ー":
            i += 1
            continue
        else:
            syl, i = _KANA.get(word[i], ""), i + 1
        if double and syl:
            syl = ("t" + syl) if syl.startswith("ch") else syl[0] + syl
            double = False
        out.append(syl)
    text = "".join(out)
    for end, repl in _FINAL:  # one word-final rule: ウィリアムス → wiriamus, キング → king
        if text.endswith(end) and len(text) > len(end) + 1 and _VOWEL_BEFORE.search(text[-len(end) - 1]):
            return text[: -len(end)] + repl
        if text.endswith(end) and end in ("ngu", "nggu", "kku", "ggu", "ddo", "tto", "ppu", "sshu"):
            return text[: -len(end)] + repl
    return text


@lru_cache(maxsize=1)
def _kakasi():
    import gc

    import pykakasi

    # Its dictionary (read here) is about a million small objects and no cycles: with the collector
    # paused it takes 0.14 s instead of 0.36 s.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pykakasi.kakasi()
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=4096)
def _plain_hepburn(text: str) -> tuple[str, ...]:
    """The words of a run of kanji and hiragana, through pykakasi (slow: kept by run, as the same runs,
    省, 大臣, 鉱山, recur in many labels)."""
    words = []
    for part in _kakasi().convert(text):
        w = part["hepburn"].replace("ou", "o").replace("uu", "u")
        if w.strip():
            words.append(w.strip())
    return tuple(words)


def romanise(label_ja: str) -> str:
    """A readable Latin-script label for a Japanese name: 南鳥島沖 → "Minami Tori Shima Oki"."""
    text = unicodedata.normalize("NFKC", label_ja)
    words: list[str] = []
    for run in _RUNS.findall(text):
        if "\u30a1" <= run[0] <= "\u30fa" or run[0] == "ー":
            words.append(_katakana_word(run))
        elif run[0].isascii():
            words.append(run)
            continue
        else:
            words.extend(_plain_hepburn(run))
    return " ".join(w if not w.islower() else w[:1].upper() + w[1:] for w in words if w).strip()
