"""Text-to-text normalisation that keeps the offset map.

:func:`nfkc` applies Unicode NFKC one *cluster* at a time: a base character
with the characters that may combine with it (combining marks, halfwidth
voiced sound marks, Hangul vowel/final jamo, the few starters that compose
with a preceding letter). Each output character maps to the raw span of the
cluster it came from, so ``㎢`` → ``km2`` gives three characters that all
point at the one raw ``㎢``, and ``か`` + U+3099 gives one ``が`` covering both.
Applying :func:`nfkc` to its own output changes nothing. The one departure from NFKC: a full-width comma
(，) between words is the Japanese comma 、 that older releases write so, not an ASCII comma.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .mapped import Builder, MappedText

# Characters known to be NFKC-stable starters that never combine with a
# neighbour: most of a Japanese text. Everything else takes the slow path.
_SAFE = (
    "\t\n\r\u0020-\u007e"  # ASCII (printable, tab, newlines)
    "\u3001-\u3003\u3005-\u3007\u3008-\u3011\u3014-\u301b"  # CJK punctuation and brackets
    "\u3041-\u3096\u309d\u309e"  # hiragana (not the combining / spacing voiced marks)
    "\u30a1-\u30fa\u30fc-\u30fe"  # katakana and prolonged sound mark
    "\u30fb"  # katakana middle dot
    "\u4e00-\u9fff"  # CJK unified ideographs
)
_UNSAFE_RUN = re.compile(f"[^{_SAFE}]+")


@lru_cache(maxsize=1)
def _composing_starters() -> frozenset[str]:
    """Starters (combining class 0) that compose with a preceding character."""
    found: set[str] = set()
    for code in range(0x00C0, 0x30000):
        decomposition = unicodedata.decomposition(chr(code))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = decomposition.split()
        if len(parts) == 2:
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                found.add(second)
    found.update(chr(c) for c in range(0x1160, 0x1200))  # Hangul medial vowels and finals
    found.update(chr(c) for c in range(0xD7B0, 0xD800))
    return frozenset(found)


def is_extender(char: str) -> bool:
    """True when ``char`` belongs to the cluster of the character before it."""
    if unicodedata.combining(char):
        return True
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed and unicodedata.combining(decomposed[0]):
        return True
    return char in _composing_starters()


#: the full-width comma some releases write for 、 (「岸田大臣は，…と会談し，」): read as the Japanese comma,
#: not NFKC's ASCII one, except between digits (1，500)
FULLWIDTH_COMMA = "\uff0c"


def _add_cluster(builder: Builder, source: MappedText, start: int, end: int) -> None:
    cluster = source.text[start:end]
    normal = unicodedata.normalize("NFKC", cluster)
    if cluster == FULLWIDTH_COMMA and not (0 < start and end < len(source.text) and source.text[start - 1].isdigit()
                                           and source.text[end].isdigit()):
        normal = "\u3001"
    if normal == cluster:
        builder.add_mapped(source, start, end)
        return
    raw_start = source.map.start(start)
    raw_end = max(source.map.end(i) for i in range(start, end))
    builder.add_char(normal, raw_start, raw_end)


def _add_unsafe(builder: Builder, source: MappedText, start: int, end: int) -> None:
    text = source.text
    cluster_start = start
    for index in range(start + 1, end):
        if not is_extender(text[index]):
            _add_cluster(builder, source, cluster_start, index)
            cluster_start = index
    _add_cluster(builder, source, cluster_start, end)


def nfkc(source: MappedText) -> MappedText:
    """NFKC per cluster, keeping each output character's raw span."""
    text = source.text
    if unicodedata.is_normalized("NFKC", text):
        return source
    builder = Builder()
    pos = 0
    for match in _UNSAFE_RUN.finditer(text):
        start, end = match.span()
        # A run that opens with an extender belongs to the safe char before it.
        if start > pos and is_extender(text[start]):
            start -= 1
        builder.add_mapped(source, pos, start)
        _add_unsafe(builder, source, start, end)
        pos = end
    builder.add_mapped(source, pos, len(text))
    return builder.build()


def nfkc_text(text: str) -> str:
    """NFKC per cluster of a plain string (the same result as :func:`nfkc`)."""
    return nfkc(MappedText.from_raw(text, 0, len(text))).text if text else text
