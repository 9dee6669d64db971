"""Long documents are read in parts, so that memory stays bounded whatever a file's size.

A document longer than :data:`WHOLE_CHARS` characters is cut into parts of about
:data:`PART_CHARS`,
each ending at a sentence end followed by a line break (else at a line break, else anywhere),
and each part is segmented and read on its own. What a part yields is then moved to the
document's offsets (:func:`shift_record`, :func:`shift_facts`), so sentence IRIs, spans and
quotes are the same as if the whole file had been read at once.

What does not carry across a cut: the section a part opens in (its first sentences belong to no
section until its first heading), and the reading context (the last agent named, the dates a
sentence inherits). Section numbers of part ``k`` start at ``k × SECTION_STRIDE``.
Documents up to :data:`WHOLE_CHARS` (a White Paper chapter, a press release) are read whole.
"""

from __future__ import annotations

from dataclasses import replace

from ..rdf.emit import DocumentRecord, MentionRecord
from ..extract.facts import Evidence, FactCollection

#: Characters in a part (about 75 KB of Japanese in UTF-8). A dense part (every sentence full of
#: names) makes ~25k triples; its reading process peaks at ~340 MB while it validates them.
PART_CHARS = 25_000
#: Documents up to this many characters are read whole (the source chapter has 15,100).
WHOLE_CHARS = 100_000
#: Section numbers of part k are k * SECTION_STRIDE + 1, + 2, …
SECTION_STRIDE = 1_000_000
_SENTENCE_ENDS = ("。\n", ".\n", "．\n", "」\n", "）\n")


def part_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` of each part of ``text``: one part when it fits, else cuts at sentence ends."""
    size = size or PART_CHARS
    bounds: list[tuple[int, int]] = []
    start, length = 0, len(text)
    if length <= max(size, WHOLE_CHARS):
        return [(0, length)]
    while length - start > size:
        end = _cut(text, start, start + size)
        bounds.append((start, end))
        start = end
    bounds.append((start, length))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """Where the part from ``start`` ends: the last good break in its second half, or ``limit``."""
    floor = start + (limit - start) // 2
    best = max(text.rfind(end, floor, limit) for end in _SENTENCE_ENDS)
    if best >= 0:
        return best + 2
    newline = text.rfind("\n", floor, limit)
    return newline + 1 if newline >= 0 else limit


def _evidence(ev: Evidence, base: int) -> Evidence:
    return Evidence(ev.doc_id, ev.raw_start + base, ev.raw_end + base)


def _section(number: int | None, offset: int) -> int | None:
    return None if number is None else number + offset


def shift_record(record: DocumentRecord, base: int, part: int) -> DocumentRecord:
    """The record of a part moved to the document's character offsets and section numbers."""
    if base == 0 and part == 0:
        return record
    offset = part * SECTION_STRIDE
    sections = [replace(s, number=s.number + offset, parent=_section(s.parent, offset)) for s in record.sections]
    units = [replace(u, raw_start=u.raw_start + base, raw_end=u.raw_end + base, section=_section(u.section, offset))
             for u in record.units]
    mentions = [MentionRecord(m.raw_start + base, m.raw_end + base, m.surface, _evidence(m.unit, base), m.entity)
                for m in record.mentions]
    return replace(record, sections=sections, units=units, mentions=mentions)


def shift_facts(facts: FactCollection, base: int) -> FactCollection:
    """The facts of a part with their evidence moved to the document's character offsets."""
    if base == 0:
        return facts
    shifted = FactCollection()
    shifted.facts = dict(facts.facts)
    shifted.evidence = {key: {_evidence(ev, base) for ev in evidence} for key, evidence in facts.evidence.items()}
    return shifted
