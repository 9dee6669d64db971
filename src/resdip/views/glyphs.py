"""The pictures' font: IPAex Gothic, read with fontTools for advances, extents and glyph outlines.

The font file is the one japanize-matplotlib ships (loaded by path: system fonts are never
consulted), so every machine draws the same glyphs. Text is laid out the simple way: each
character's advance, no kerning (the font has no ``kern`` table; matplotlib, which drew the
pictures before, laid them out the same way). A character the font lacks is drawn as its
missing-glyph box.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataFileError


def font_path() -> Path:
    """The IPAex Gothic file inside the japanize-matplotlib package (not imported: it restyles matplotlib)."""
    spec = importlib.util.find_spec("japanize_matplotlib")
    if spec is None or spec.origin is None:
        raise DataFileError("japanize-matplotlib is not installed (it ships the Japanese font)")
    path = Path(spec.origin).parent / "fonts" / "ipaexg.ttf"
    if not path.is_file():
        raise DataFileError(f"{path}: Japanese font missing from japanize-matplotlib")
    return path


@dataclass(frozen=True)
class Extent:
    """A line of text at a font size, in points: its advance, and how far it reaches above and
    below the baseline (at least as far as "lp" does, so that labels of one size line up)."""

    width: float
    ascent: float
    descent: float

    @property
    def height(self) -> float:
        return self.ascent + self.descent


class Font:
    """One TrueType font: glyph names for characters, advances and outlines (in font units)."""

    def __init__(self, path: Path | None = None) -> None:
        from fontTools.ttLib import TTFont

        self.path = Path(path) if path is not None else font_path()
        try:
            self._font = TTFont(str(self.path), lazy=True)
            self._cmap = self._font.getBestCmap()
            self._glyphs = self._font.getGlyphSet()
            self.units = float(self._font["head"].unitsPerEm)
        except Exception as exc:  # fontTools raises assorted errors on a damaged file
            raise DataFileError(f"{self.path}: cannot read the font ({exc})") from exc
        self._bounds: dict[str, tuple[float, float]] = {}

    def glyph(self, char: str) -> str:
        """The glyph name of a character (``.notdef`` when the font lacks it)."""
        return self._cmap.get(ord(char), ".notdef")

    def advance(self, glyph: str) -> float:
        """The glyph's advance width in font units."""
        return float(self._glyphs[glyph].width)

    def _vertical(self, glyph: str) -> tuple[float, float]:
        """(highest, lowest) y of the glyph's outline in font units (0, 0 for a blank), from its
        ``glyf`` header."""
        found = self._bounds.get(glyph)
        if found is None:
            data = self._font["glyf"][glyph]
            found = self._bounds[glyph] = ((float(data.yMax), float(data.yMin)) if data.numberOfContours
                                           else (0.0, 0.0))
        return found

    def extent(self, text: str, size: float) -> Extent:
        """Advance, ascent and descent of ``text`` at ``size`` points."""
        scale = size / self.units
        tops, bottoms = zip(*(self._vertical(self.glyph(c)) for c in text + "lp"))
        return Extent(sum(self.advance(self.glyph(c)) for c in text) * scale, max(tops) * scale,
                      -min(bottoms) * scale)

    @functools.lru_cache(maxsize=None)
    def outline(self, glyph: str) -> str:
        """The glyph's outline as SVG path data in font units (y up); "" for a blank."""
        from fontTools.pens.svgPathPen import SVGPathPen

        pen = SVGPathPen(self._glyphs, ntos=lambda n: f"{n:g}")
        self._glyphs[glyph].draw(pen)
        return pen.getCommands()

    def placed(self, text: str) -> list[tuple[str, float]]:
        """Each character's glyph and its x offset from the start of the text, in font units."""
        x, out = 0.0, []
        for char in text:
            glyph = self.glyph(char)
            out.append((glyph, x))
            x += self.advance(glyph)
        return out


@functools.lru_cache(maxsize=1)
def default_font() -> Font:
    """The pictures' font, read once per process."""
    return Font()


def pil_font(size_px: float) -> Any:
    """The same font for Pillow at ``size_px`` pixels (basic layout: no shaping, no kerning, the
    same advances as :class:`Font`)."""
    return _pil_font(round(size_px * 64) / 64)


@functools.lru_cache(maxsize=None)
def _pil_font(size_px: float) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path()), size_px, layout_engine=ImageFont.Layout.BASIC)
