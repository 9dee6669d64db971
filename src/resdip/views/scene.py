"""A picture's drawing placed on its page: positions in data units in, marks in points out.

The page is the picture's size in points (72 to the inch), y pointing down, as in SVG. The plot
area takes the left 80 % (the legend of classes stands to its right), the data fill it with a
margin of 8 % of their span on each side, and the title stands above it: the layout the pictures
had when matplotlib drew them, so they look as they did. What each mark looks like (colours,
widths, sizes) is said here once; :mod:`resdip.views.paint` only turns marks into SVG or PNG.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .glyphs import Font

if TYPE_CHECKING:
    from .pictures import Drawing

POINTS_PER_INCH = 72.0
#: The plot area as fractions of the page: left, bottom (from the foot of the page), width, height.
AREA = (0.01, 0.02, 0.80, 0.92)
MARGIN = 0.08
TITLE_SIZE, TITLE_PAD = 12.0, 6.0
LINK_COLOUR, LINK_WIDTH, LINK_OPACITY = "#9e9e9e", 0.6, 0.7
MARKER_EDGE, MARKER_EDGE_WIDTH = "#444444", 0.5
TEXT_COLOUR = "#000000"
EDGE_TEXT_SIZE, EDGE_TEXT_COLOUR = 5.5, "#555555"
#: The white box behind a link's text: padding (a fraction of the font size, also the corners'
#: radius) and opacity.
BOX_PAD, BOX_OPACITY = 0.15, 0.8
#: The legend, in points: its title's and entries' font sizes, marker diameter, and the spacing
#: of matplotlib's defaults (border pad 0.4, label spacing 0.5, handle length 2.0, handle-text pad
#: 0.8, axes pad 0.5, each times the entries' font size).
LEGEND_TITLE, LEGEND_TEXT, LEGEND_MARKER = "class", 8.0, 7.0
LEGEND_TITLE_SIZE = 9.0
#: Marker colours by class (from matplotlib's "tab20" and "tab20b" palettes).
CLASS_COLOURS = {
    "Country": "#1f77b4", "Region": "#aec7e8", "Place": "#9edae5", "Chokepoint": "#17becf",
    "Person": "#d62728", "Post": "#ff9896",
    "GovernmentBody": "#2ca02c", "PublicAgency": "#98df8a", "FinancialInstitution": "#bcbd22",
    "InternationalOrganisation": "#8c564b", "Company": "#c49c94", "Partnership": "#ff7f0e",
    "EventSeries": "#ffbb78", "Plan": "#9467bd", "Policy": "#c5b0d5", "Law": "#7b4173",
    "Agreement": "#e377c2", "MemorandumOfUnderstanding": "#f7b6d2", "ExplorationContract": "#ce6dbd",
    "Measure": "#7f7f7f", "Project": "#637939", "Vessel": "#8c6d31", "Indicator": "#c7c7c7",
    "Resource": "#e7ba52",
}
OTHER_COLOUR = "#bdbdbd"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Disc:
    """A marker: a filled circle with a dark edge."""

    x: float
    y: float
    radius: float
    colour: str


@dataclass(frozen=True)
class Text:
    """One line of text starting at ``x`` on the baseline ``y``, ``width`` points long."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    width: float


@dataclass(frozen=True)
class Box:
    """A rounded white box (behind a link's text)."""

    x: float
    y: float
    width: float
    height: float
    radius: float


@dataclass(frozen=True)
class Scene:
    """Everything a picture shows, in drawing order within each kind: links under markers,
    markers under boxes and texts (each box just before its text)."""

    width: float  # points
    height: float
    lines: tuple[Line, ...]
    discs: tuple[Disc, ...]
    texts: tuple[Text | Box, ...]


def _limits(values: list[float]) -> tuple[float, float]:
    if not values:
        return (-1.0, 1.0)
    low, high = min(values), max(values)
    if high - low <= 1e-12 * max(1.0, abs(low), abs(high)):
        return (low - 1.0, high + 1.0)
    span = high - low
    return (low - MARGIN * span, high + MARGIN * span)


def _text(font: Font, text: str, size: float, x: float, y: float, colour: str, align: str) -> Text:
    """``text`` with its middle at ``x``; its foot (``align`` "bottom"), middle ("center") or
    baseline at ``y``."""
    extent = font.extent(text, size)
    if align == "bottom":
        y -= extent.descent
    elif align == "center":
        y += extent.height / 2 - extent.descent
    return Text(x - extent.width / 2, y, text, size, colour, extent.width)


def scene(drawing: "Drawing", font: Font) -> Scene:
    """Where each mark of ``drawing`` goes on its page."""
    width, height = (drawing.size[0] * POINTS_PER_INCH, drawing.size[1] * POINTS_PER_INCH)
    left, top = AREA[0] * width, (1 - AREA[1] - AREA[3]) * height
    area_w, area_h = AREA[2] * width, AREA[3] * height
    x_lo, x_hi = _limits([m[0] for m in drawing.markers])
    y_lo, y_hi = _limits([m[1] for m in drawing.markers])

    def at(x: float, y: float) -> tuple[float, float]:
        return (left + (x - x_lo) / (x_hi - x_lo) * area_w, top + (y_hi - y) / (y_hi - y_lo) * area_h)

    lines = tuple(Line(*at(*a), *at(*b)) for a, b in drawing.segments)
    discs = tuple(Disc(*at(x, y), area ** 0.5 / 2, colour) for x, y, area, colour in drawing.markers)
    texts: list[Text | Box] = [_text(font, drawing.title, TITLE_SIZE, left + area_w / 2, top - TITLE_PAD,
                                     TEXT_COLOUR, "baseline")]
    for x, y, text, offset, size in drawing.labels:
        px, py = at(x, y)
        texts.append(_text(font, text, size, px, py - offset, TEXT_COLOUR, "bottom"))
    for x, y, text in drawing.edge_texts:
        placed = _text(font, text, EDGE_TEXT_SIZE, *at(x, y), EDGE_TEXT_COLOUR, "center")
        extent = font.extent(text, EDGE_TEXT_SIZE)
        pad = BOX_PAD * EDGE_TEXT_SIZE
        texts.append(Box(placed.x - pad, placed.y - extent.ascent - pad, placed.width + 2 * pad,
                         extent.height + 2 * pad, pad))
        texts.append(placed)
    legend_discs, legend_texts = legend(drawing.classes, left + area_w, top, font)
    return Scene(width, height, lines, discs + legend_discs, tuple(texts) + legend_texts)


def legend(classes: tuple[str, ...], x: float, y: float, font: Font) -> tuple[tuple[Disc, ...], tuple[Text, ...]]:
    """The legend of ``classes`` (a coloured disc and the class's name each, under the title
    "class"), its top left corner at (``x``, ``y``) less matplotlib's padding."""
    unit = LEGEND_TEXT
    x0, y0 = x + 0.5 * unit + 0.4 * unit, y + 0.5 * unit + 0.4 * unit
    rows = [(name or "(none)", CLASS_COLOURS.get(name, OTHER_COLOUR)) for name in classes]
    row_height = max([font.extent(text, LEGEND_TEXT).height for text, _ in rows] or [0.0])
    text_x = x0 + 2.0 * unit + 0.8 * unit
    column = max([text_x - x0 + font.extent(text, LEGEND_TEXT).width for text, _ in rows] or [0.0])
    title = font.extent(LEGEND_TITLE, LEGEND_TITLE_SIZE)
    texts = [Text(x0 + (column - title.width) / 2, y0 + title.ascent, LEGEND_TITLE, LEGEND_TITLE_SIZE,
                  TEXT_COLOUR, title.width)]
    discs = []
    row_top = y0 + title.height + 0.5 * unit
    for text, colour in rows:
        extent = font.extent(text, LEGEND_TEXT)
        middle = row_top + row_height / 2
        discs.append(Disc(x0 + unit, middle, LEGEND_MARKER / 2, colour))
        texts.append(Text(text_x, middle + extent.height / 2 - extent.descent, text, LEGEND_TEXT, TEXT_COLOUR,
                          extent.width))
        row_top += row_height + 0.5 * unit
    return tuple(discs), tuple(texts)
