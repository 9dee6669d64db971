"""Strings that remember where each character came from in the raw file.

A :class:`MappedText` is a derived string (lines joined, artefacts removed,
NFKC applied) together with an :class:`OffsetMap` that gives, for every
character, the ``[start, end)`` span of the raw characters it was made from.

The map is stored as segments, not one integer per character: an *identity
run* maps consecutive characters to consecutive raw characters (``raw
start + k``, one raw character each); a *constant* segment maps every
character in it to the same raw span (an NFKC expansion such as ``㎢`` →
``km2``, a composed cluster such as ``か + ゙`` → ``が``, or a space inserted
for a line break). Lookups are a binary search, so memory stays small and
nothing is quadratic even for a 50 MB file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

_IDENTITY = -1


class OffsetMap:
    """Character index in a derived string → ``[start, end)`` in the raw string."""

    __slots__ = ("_outs", "_starts", "_ends", "length")

    def __init__(self, outs: list[int], starts: list[int], ends: list[int], length: int) -> None:
        self._outs = outs  # index in the derived string where each segment begins
        self._starts = starts  # raw start of the segment (of its first char for identity runs)
        self._ends = ends  # raw end for constant segments, _IDENTITY for identity runs
        self.length = length

    def _segment(self, index: int) -> int:
        if not 0 <= index < self.length:
            raise IndexError(f"offset {index} outside 0..{self.length - 1}")
        return bisect_right(self._outs, index) - 1

    def start(self, index: int) -> int:
        """Raw offset of the first raw character behind character ``index``."""
        k = self._segment(index)
        if self._ends[k] == _IDENTITY:
            return self._starts[k] + index - self._outs[k]
        return self._starts[k]

    def end(self, index: int) -> int:
        """Raw offset just after the last raw character behind character ``index``."""
        k = self._segment(index)
        if self._ends[k] == _IDENTITY:
            return self._starts[k] + index - self._outs[k] + 1
        return self._ends[k]

    def segments(self) -> Iterator[tuple[int, int, int, int]]:
        """Yield ``(out_start, out_end, raw_start, raw_end_or_-1)`` for each segment."""
        count = len(self._outs)
        for k in range(count):
            out_end = self._outs[k + 1] if k + 1 < count else self.length
            yield self._outs[k], out_end, self._starts[k], self._ends[k]

    def starts(self) -> tuple[int, ...]:
        """The raw start offset of every character, as one tuple."""
        result: list[int] = []
        for out_start, out_end, raw_start, raw_end in self.segments():
            if raw_end == _IDENTITY:
                result.extend(range(raw_start, raw_start + out_end - out_start))
            else:
                result.extend([raw_start] * (out_end - out_start))
        return tuple(result)


class MappedText:
    """An immutable string plus the raw span of each of its characters."""

    __slots__ = ("text", "map")

    def __init__(self, text: str, offset_map: OffsetMap) -> None:
        if len(text) != offset_map.length:
            raise ValueError("text and offset map differ in length")
        self.text = text
        self.map = offset_map

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"MappedText({self.text!r})"

    @classmethod
    def from_raw(cls, raw: str, start: int, end: int) -> MappedText:
        builder = Builder()
        builder.add_raw(raw, start, end)
        return builder.build()

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` covering characters ``start..end-1``."""
        if start == end:
            if start < len(self.text):
                at = self.map.start(start)
            elif self.text:
                at = self.map.end(len(self.text) - 1)
            else:
                raise ValueError("empty text has no raw span")
            return at, at
        if not 0 <= start < end <= len(self.text):
            raise IndexError(f"span {start}..{end} outside 0..{len(self.text)}")
        return self.map.start(start), self.map.end(end - 1)

    def slice(self, start: int, end: int) -> MappedText:
        builder = Builder()
        builder.add_mapped(self, start, end)
        return builder.build()

    def strip(self) -> MappedText:
        """Remove leading and trailing whitespace."""
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if left == 0 and right == len(text):
            return self
        return self.slice(left, max(left, right))

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """A copy without the characters in the given (sorted, disjoint) spans."""
        builder = Builder()
        pos = 0
        for start, end in spans:
            builder.add_mapped(self, pos, start)
            pos = end
        builder.add_mapped(self, pos, len(self.text))
        return builder.build()

    @staticmethod
    def concat(parts: Iterable[MappedText]) -> MappedText:
        builder = Builder()
        for part in parts:
            builder.add_mapped(part, 0, len(part))
        return builder.build()


class Builder:
    """Accumulates pieces of a MappedText; adjacent identity runs are merged."""

    __slots__ = ("_pieces", "_outs", "_starts", "_ends", "_length")

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._outs: list[int] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def _add_identity(self, raw_start: int, count: int) -> None:
        if count <= 0:
            return
        if self._ends and self._ends[-1] == _IDENTITY:
            expected = self._starts[-1] + self._length - self._outs[-1]
            if expected == raw_start:
                self._length += count
                return
        self._outs.append(self._length)
        self._starts.append(raw_start)
        self._ends.append(_IDENTITY)
        self._length += count

    def add_raw(self, raw: str, start: int, end: int) -> None:
        """Add ``raw[start:end]`` as it is."""
        if end > start:
            self._pieces.append(raw[start:end])
            self._add_identity(start, end - start)

    def add_char(self, text: str, raw_start: int, raw_end: int) -> None:
        """Add ``text`` (one or more chars), every char standing for ``raw[raw_start:raw_end]``."""
        if not text:
            return
        if raw_end == raw_start + 1 and len(text) == 1:
            self._pieces.append(text)
            self._add_identity(raw_start, 1)
            return
        if raw_end <= raw_start:
            raise ValueError("a character must stand for at least one raw character")
        self._pieces.append(text)
        self._outs.append(self._length)
        self._starts.append(raw_start)
        self._ends.append(raw_end)
        self._length += len(text)

    def add_mapped(self, source: MappedText, start: int, end: int) -> None:
        """Add characters ``start..end-1`` of another mapped text, keeping their map."""
        if end <= start:
            return
        self._pieces.append(source.text[start:end])
        offset_map = source.map
        k = offset_map._segment(start)
        outs, starts, ends = offset_map._outs, offset_map._starts, offset_map._ends
        count = len(outs)
        pos = start
        while pos < end:
            seg_end = outs[k + 1] if k + 1 < count else offset_map.length
            stop = min(seg_end, end)
            if ends[k] == _IDENTITY:
                self._add_identity(starts[k] + pos - outs[k], stop - pos)
            else:
                self._outs.append(self._length)
                self._starts.append(starts[k])
                self._ends.append(ends[k])
                self._length += stop - pos
            pos = stop
            k += 1

    def build(self) -> MappedText:
        text = "".join(self._pieces)
        return MappedText(text, OffsetMap(self._outs, self._starts, self._ends, self._length))
