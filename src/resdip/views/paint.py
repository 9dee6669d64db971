"""A picture's marks written out: a scene in, SVG and PNG bytes out.

SVG: one ``<path>`` per link and marker, text as glyph outlines (each glyph defined once and
placed with ``<use>``), so any viewer shows the Japanese without the font; no metadata, numbers
rounded to 1/100 point: the same scene gives the same bytes. PNG (Pillow): links and markers
drawn at twice the size and scaled down (smooth edges), then the boxes and texts in the final
size with the same font, then a 256-colour palette; no metadata.
"""

from __future__ import annotations

import io
from typing import Any, Iterator

from .glyphs import Font, pil_font
from .scene import (BOX_OPACITY, LINK_COLOUR, LINK_OPACITY, LINK_WIDTH, MARKER_EDGE, MARKER_EDGE_WIDTH,
                    POINTS_PER_INCH, Box, Scene, Text)

#: Links and markers are drawn this many times larger, then scaled down.
OVERSAMPLE = 2
#: Colours in a PNG's palette: the pictures hold a few dozen colours and their blends at the
#: edges, which 256 render with no visible change (at most 31 of 255 off in one channel at an
#: edge, 0.05 on average; the white page, the texts and most markers exact, see :func:`_palette`).
#: A palette PNG is a third of the
#: pixels' bytes: written in two thirds of the time of an RGB one, at a quarter of its size (the
#: source's pictures: 0.25 MB against 0.86 MB).
PNG_COLOURS = 256
#: A palette colour this close (in each channel) to a colour the scene paints is made that colour.
SNAP = 8


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _glyph_id(glyph: str) -> str:
    return "g-" + "".join(c if c.isalnum() else f"_{ord(c):x}" for c in glyph)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def svg(scene: Scene, font: Font, title: str = "") -> bytes:
    """The scene as an SVG document (``title`` as its ``<title>``, for screen readers)."""
    texts = [t for t in scene.texts if isinstance(t, Text)]
    glyphs = sorted({g for t in texts for g, _ in font.placed(t.text) if font.outline(g)})
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
           f'width="{_n(scene.width)}pt" height="{_n(scene.height)}pt" '
           f'viewBox="0 0 {_n(scene.width)} {_n(scene.height)}">']
    if title:
        out.append(f"<title>{_escape(title)}</title>")
    out.append("<defs>")
    out += [f'<path id="{_glyph_id(g)}" d="{font.outline(g)}"/>' for g in glyphs]
    out.append("</defs>")
    out.append(f'<rect width="{_n(scene.width)}" height="{_n(scene.height)}" fill="#ffffff"/>')
    out.append(f'<g fill="none" stroke="{LINK_COLOUR}" stroke-opacity="{LINK_OPACITY}" '
               f'stroke-width="{LINK_WIDTH}" stroke-linecap="butt">')
    out += [f'<path d="M{_n(l.x1)} {_n(l.y1)}L{_n(l.x2)} {_n(l.y2)}"/>' for l in scene.lines]
    out.append("</g>")
    out.append(f'<g stroke="{MARKER_EDGE}" stroke-width="{MARKER_EDGE_WIDTH}">')
    out += [f'<circle cx="{_n(d.x)}" cy="{_n(d.y)}" r="{_n(d.radius)}" fill="{d.colour}"/>' for d in scene.discs]
    out.append("</g>")
    for mark in scene.texts:
        out.extend(_svg_text(mark, font) if isinstance(mark, Text) else _svg_box(mark))
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _svg_box(box: Box) -> Iterator[str]:
    yield (f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
           f'rx="{_n(box.radius)}" fill="#ffffff" fill-opacity="{BOX_OPACITY}"/>')


def _svg_text(text: Text, font: Font) -> Iterator[str]:
    scale = text.size / font.units
    yield (f'<g aria-label="{_escape(text.text)}" fill="{text.colour}" '
           f'transform="translate({_n(text.x)} {_n(text.y)}) scale({scale:.6g} -{scale:.6g})">')
    for glyph, x in font.placed(text.text):
        if font.outline(glyph):
            yield f'<use xlink:href="#{_glyph_id(glyph)}" x="{x:g}"/>'
    yield "</g>"


def _rgb(colour: str, opacity: float = 1.0) -> tuple[int, int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), round(255 * opacity))


def _palette(image: Any, scene: Scene) -> Any:
    """The image with a palette of ``PNG_COLOURS`` (Pillow's fast octree, no dithering), each
    palette colour near one the scene paints (white, the texts', the markers', a link on white) set
    to it exactly: the octree gives each colour the mean of the pixels it stands for, so a white
    page would come out 254, 254, 254."""
    from PIL import Image

    quantized = image.quantize(PNG_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    link = _rgb(LINK_COLOUR)
    painted = {(255, 255, 255), _rgb(MARKER_EDGE)[:3],
               tuple(round(255 + (c - 255) * LINK_OPACITY) for c in link[:3])}
    painted |= {_rgb(d.colour)[:3] for d in scene.discs}
    painted |= {_rgb(t.colour)[:3] for t in scene.texts if isinstance(t, Text)}
    palette = quantized.getpalette() or []
    for at in range(0, len(palette) - 2, 3):
        entry = palette[at:at + 3]
        near = [c for c in painted if max(abs(a - b) for a, b in zip(entry, c)) <= SNAP]
        if near:
            palette[at:at + 3] = min(near, key=lambda c: (sum(abs(a - b) for a, b in zip(entry, c)), c))
    quantized.putpalette(palette)
    return quantized


def png(scene: Scene, dpi: int) -> bytes:
    """The scene as a PNG of ``dpi`` pixels to the inch."""
    from PIL import Image, ImageDraw

    px = dpi / POINTS_PER_INCH
    size = (round(scene.width * px), round(scene.height * px))
    big = px * OVERSAMPLE
    image = Image.new("RGB", (size[0] * OVERSAMPLE, size[1] * OVERSAMPLE), "#ffffff")
    draw = ImageDraw.Draw(image, "RGBA")
    link = _rgb(LINK_COLOUR, LINK_OPACITY)
    link_width = max(1, round(LINK_WIDTH * big))
    for l in scene.lines:
        draw.line((l.x1 * big, l.y1 * big, l.x2 * big, l.y2 * big), fill=link, width=link_width)
    edge, edge_width = _rgb(MARKER_EDGE), max(1, round(MARKER_EDGE_WIDTH * big))
    for d in scene.discs:
        r = d.radius * big
        draw.ellipse((d.x * big - r, d.y * big - r, d.x * big + r, d.y * big + r), fill=_rgb(d.colour),
                     outline=edge, width=edge_width)
    image = image.reduce(OVERSAMPLE)
    draw = ImageDraw.Draw(image, "RGBA")
    for mark in scene.texts:
        if isinstance(mark, Box):
            draw.rounded_rectangle((mark.x * px, mark.y * px, (mark.x + mark.width) * px,
                                    (mark.y + mark.height) * px), radius=mark.radius * px,
                                   fill=_rgb("#ffffff", BOX_OPACITY))
        else:
            draw.text((mark.x * px, mark.y * px), mark.text, fill=_rgb(mark.colour), font=pil_font(mark.size * px),
                      anchor="ls")
    out = io.BytesIO()
    _palette(image, scene).save(out, format="png", dpi=(dpi, dpi))
    return out.getvalue()
