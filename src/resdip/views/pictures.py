"""Static pictures of the network: the whole graph and each country's neighbourhood.

What each picture shows is worked out here as plain data (:class:`Drawing`); :mod:`resdip.views.scene`
places it on the page and :mod:`resdip.views.paint` writes it as SVG and PNG. Japanese labels use the
IPAex Gothic font that japanize-matplotlib ships, loaded by path (system fonts are never consulted);
SVG text is drawn as glyph outlines so any viewer shows the glyphs. Output is deterministic: fixed
layout seed, no date or software metadata.

Large networks (``LARGE`` linked entities or more) get a readable, deterministic subset, said in
each picture's title: the network picture shows the ``NETWORK_TOP`` best-linked entities (most
distinct neighbours, ties by id) at their places in the page's layout (:mod:`resdip.views.layout`,
passed in by the build so it is computed once), the ``MAX_LABELS`` best-linked of them labelled,
marker sizes capped; only the ``MAX_COUNTRY_PICTURES`` best-linked countries get a picture. In
any network, a country with more than ``MAX_RING_LABELS`` neighbours is drawn with its
best-linked ``MAX_RING_LABELS`` only, and only their links to it are labelled.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import networkx as nx

from ..cache import Cache
from .analysis import simple_graph
from .glyphs import default_font, font_path
from .paint import png, svg
from .parallel import parallel_map
from .exports import atomic_write, ensure_dir
from .netutil import ordered_subgraph
from .scene import CLASS_COLOURS, OTHER_COLOUR, scene

__all__ = ["CLASS_COLOURS", "Drawing", "LARGE", "country_drawing", "drawings", "font_path", "network_drawing",
           "pictured_countries", "render", "write_pictures"]

SEED = 7
DPI = 100
MAX_LABELS = 60
#: From this many linked entities on, the network picture uses the page's layout and fewer labels.
LARGE = 500
#: Entities drawn in the network picture of a large network: the best-linked.
NETWORK_TOP = 250
#: Countries that get a picture in a large network: the best-linked.
MAX_COUNTRY_PICTURES = 12
#: Neighbours of a country drawn in its picture; the best-linked first.
MAX_RING_LABELS = 40
#: Degree past which markers stop growing in large pictures.
MAX_SIZE_DEGREE = 16
def _label(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return str(data.get("label_ja") or data.get("label_en") or node)


def _colour(graph: nx.MultiDiGraph, node: str) -> str:
    return CLASS_COLOURS.get(str(graph.nodes[node].get("cls", "")), OTHER_COLOUR)


@dataclass(frozen=True)
class Drawing:
    """Everything one picture shows, as plain data (positions, sizes, colours, texts).

    Drawing it (:func:`render`) needs nothing else, so the hash of a drawing (:meth:`key_parts`)
    stands for the picture: a build draws again only the pictures whose drawing changed.
    """

    stem: str  # file name without extension: "network", "country-cl"
    title: str
    size: tuple[float, float]  # inches
    segments: tuple[tuple[tuple[float, float], tuple[float, float]], ...]
    markers: tuple[tuple[float, float, float, str], ...]  # x, y, area, colour
    labels: tuple[tuple[float, float, str, float, float], ...]  # x, y, text, offset (points), font size
    edge_texts: tuple[tuple[float, float, str], ...]
    classes: tuple[str, ...]  # the legend

    def key_parts(self) -> list[Any]:
        return ["picture", DPI, asdict(self)]


def _point(xy: Any) -> tuple[float, float]:
    return (float(xy[0]), float(xy[1]))


def _drawing(stem: str, graph: nx.MultiDiGraph, simple: nx.Graph, pos: dict[str, Any], title: str,
             labelled: set[str], size: tuple[float, float], centre: str = "",
             edge_labels: dict[tuple[str, str], str] | None = None, max_degree: int | None = None) -> Drawing:
    nodes = sorted(simple.nodes)
    degree = dict(simple.degree())
    if max_degree is not None:
        degree = {n: min(d, max_degree) for n, d in degree.items()}
    texts = []
    for (u, v), text in sorted((edge_labels or {}).items()):
        texts.append(((float(pos[u][0]) + float(pos[v][0])) / 2, (float(pos[u][1]) + float(pos[v][1])) / 2, text))
    return Drawing(
        stem=stem, title=title, size=size,
        segments=tuple((_point(pos[u]), _point(pos[v])) for u, v in sorted(simple.edges)),
        markers=tuple((*_point(pos[n]), float(60 + 25 * degree[n] if n != centre else 400), _colour(graph, n))
                      for n in nodes),
        labels=tuple((*_point(pos[n]), _label(graph, n), 13.0 if n == centre else 6.0, 9.0 if n == centre else 6.5)
                     for n in nodes if n in labelled),
        edge_texts=tuple(texts),
        classes=tuple(sorted({str(graph.nodes[n].get("cls", "")) for n in nodes})),
    )


def render(drawing: Drawing) -> dict[str, bytes]:
    """The picture's files: ``{"svg": …, "png": …}``."""
    font = default_font()
    placed = scene(drawing, font)
    return {"svg": svg(placed, font, drawing.title), "png": png(placed, DPI)}


def _component_layout(simple: nx.Graph) -> dict[str, Any]:
    """Seeded force layout of one component, centred on 0 with radius about 1: Fruchterman-
    Reingold, or ForceAtlas2 from 500 nodes on (there networkx's Fruchterman-Reingold needs
    scipy, which the project does not depend on)."""
    if len(simple) == 1:
        return {next(iter(simple)): (0.0, 0.0)}
    if len(simple) < 500:
        pos = nx.spring_layout(simple, seed=SEED, k=3.0 / len(simple) ** 0.5, iterations=200)
    else:
        pos = nx.forceatlas2_layout(simple, seed=SEED, max_iter=100)
    return nx.rescale_layout_dict(pos, scale=1.0)


def layout(simple: nx.Graph) -> dict[str, Any]:
    """Components laid out one by one (area by size) and packed in rows, biggest first."""
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    if not components:
        return {}
    radius = [max(len(c), 2) ** 0.5 for c in components]
    limit = 2.6 * radius[0]
    pos: dict[str, Any] = {}
    x = y = row = 0.0
    for comp, r in zip(components, radius):
        size = 2 * r * 1.15
        if x > 0 and x + size > limit:
            x, y, row = 0.0, y - row, 0.0
        cx, cy = x + size / 2, y - size / 2
        for node, (px, py) in _component_layout(ordered_subgraph(simple, comp)).items():
            pos[node] = (cx + r * px, cy + r * py)
        x, row = x + size, max(row, size)
    return pos


def _page_positions(linked: nx.Graph, positions: Mapping[str, tuple[float, float]] | None) -> dict[str, Any]:
    """The page's layout (screen coordinates, y down) turned y up, as the other layouts are."""
    if positions is None:
        from .layout import layout as page_layout

        positions = page_layout(linked)
    return {n: (float(positions[n][0]), -float(positions[n][1])) for n in linked}


def _best_linked(simple: nx.Graph, nodes: Any, count: int) -> list[str]:
    """The ``count`` nodes with the most neighbours (ties by id)."""
    return sorted(nodes, key=lambda n: (-simple.degree(n), n))[:count]


def network_drawing(graph: nx.MultiDiGraph, simple: nx.Graph | None = None,
                    positions: Mapping[str, tuple[float, float]] | None = None) -> Drawing:
    """The whole network (isolated entities left out), coloured by class.

    ``positions``: the page's layout of ``graph`` (:func:`resdip.views.layout.layout`), used for large
    networks (computed here if not given), of which only the ``NETWORK_TOP`` best-linked
    entities are drawn; small ones are drawn whole with their own force layout.
    """
    simple = simple if simple is not None else simple_graph(graph)
    linked = ordered_subgraph(simple, (n for n in simple if simple.degree(n) > 0))
    top = set(_best_linked(linked, linked, MAX_LABELS))
    large = len(linked) >= LARGE
    isolated = len(simple) - len(linked)
    title = f"資源外交ネットワーク / resource-diplomacy network ({len(linked)} entities"
    if large:
        title = (f"資源外交ネットワーク / resource-diplomacy network: the {min(NETWORK_TOP, len(linked))} "
                 f"best-linked of {len(linked)} linked entities (all of them: network.html)")
        linked = ordered_subgraph(linked, _best_linked(linked, linked, NETWORK_TOP))
        pos = _page_positions(linked, positions)
    else:
        pos = layout(linked)
        components = sorted(nx.connected_components(linked), key=len)
        top.update(n for c in components[:-1] for n in c)  # small components have room for labels
        title += f", {isolated} unlinked not drawn)" if isolated else ")"
    return _drawing("network", graph, linked, pos, title, top, (18, 14), max_degree=MAX_SIZE_DEGREE if large else None)


def _edge_texts(graph: nx.MultiDiGraph, ego: nx.Graph, labelled: set[str]) -> dict[tuple[str, str], str]:
    texts: dict[tuple[str, str], str] = {}
    for u, v in ego.edges:
        if u not in labelled or v not in labelled:
            continue
        found = set()
        for a, b in ((u, v), (v, u)):
            for data in (graph.get_edge_data(a, b) or {}).values():
                found.add(f"{data.get('kind', '')} {data.get('date', '')}".strip())
        texts[tuple(sorted((u, v)))] = " / ".join(sorted(found)[:3]) + (" …" if len(found) > 3 else "")
    return texts


def country_drawing(graph: nx.MultiDiGraph, node: str, simple: nx.Graph | None = None) -> Drawing:
    """One entity and its direct neighbours (the ``MAX_RING_LABELS`` best-linked if it has more),
    edges labelled with kind and date."""
    simple = simple if simple is not None else simple_graph(graph)
    ring = sorted(n for n in simple[node] if n != node)
    title = f"{_label(graph, node)} ({node}): {len(ring)} neighbours"
    crowded = len(ring) > MAX_RING_LABELS
    if crowded:
        ring = sorted(_best_linked(simple, ring, MAX_RING_LABELS))
        title += f", the {MAX_RING_LABELS} best-linked drawn"
    ego = ordered_subgraph(simple, [node, *ring])
    pos = nx.shell_layout(ego, [[node], ring]) if ring else {node: (0.0, 0.0)}
    texts = _edge_texts(graph, ego, set(ego))
    if crowded:  # only the ties to the centre say what they are
        texts = {pair: text for pair, text in texts.items() if node in pair}
    stem = f"country-{str(graph.nodes[node].get('iso') or node).lower()}"
    return _drawing(stem, graph, ego, pos, title, set(ego), (11, 9), centre=node, edge_labels=texts,
                    max_degree=MAX_SIZE_DEGREE if crowded else None)


def pictured_countries(graph: nx.MultiDiGraph, simple: nx.Graph) -> list[str]:
    """Linked countries with an ISO code, sorted by id; in a large network the
    ``MAX_COUNTRY_PICTURES`` best-linked only."""
    countries = sorted(n for n, data in graph.nodes(data=True)
                       if data.get("cls") == "Country" and data.get("iso") and simple.degree(n) > 0)
    if sum(1 for n in simple if simple.degree(n) > 0) >= LARGE:
        countries = sorted(_best_linked(simple, countries, MAX_COUNTRY_PICTURES))
    return countries


def drawings(graph: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]] | None = None) -> list[Drawing]:
    """The network's drawing, then one for each country :func:`pictured_countries` chooses."""
    simple = simple_graph(graph)
    return [network_drawing(graph, simple, positions),
            *(country_drawing(graph, node, simple) for node in pictured_countries(graph, simple))]


def write_pictures(graph: nx.MultiDiGraph, out_dir: Path | str,
                   positions: Mapping[str, tuple[float, float]] | None = None,
                   cache: Cache | None = None, jobs: int = 1,
                   progress: Callable[[str], None] = lambda message: None) -> list[str]:
    """``network.svg|png`` and ``country-<iso>.svg|png`` for the linked countries with an ISO
    code (:func:`pictured_countries`); returns the cache keys of the pictures.

    ``positions``: the page's layout of ``graph``, if the caller has it (used for large networks).
    ``cache``: pictures whose drawing is there are copied, not drawn; the others are drawn in
    ``jobs`` processes and kept there.
    """
    out = ensure_dir(out_dir)
    cache = cache if cache is not None else Cache(None)
    todo: list[tuple[Drawing, str]] = []
    keys = []
    for drawing in drawings(graph, positions):
        key = cache.key(*drawing.key_parts())
        keys.append(key)
        dest = {fmt: out / f"{drawing.stem}.{fmt}" for fmt in ("svg", "png")}
        if not cache.has("views", key) or cache.get("views", key, dest) is None:
            todo.append((drawing, key))
    kept = len(keys) - len(todo)
    progress(f"drawing {len(todo)} of {len(keys)} pictures" + (f" ({kept} unchanged, from the cache)" if kept else "")
             + (f" in {min(jobs, len(todo))} processes" if min(jobs, len(todo)) > 1 else ""))
    if todo:
        default_font()  # read before the drawing processes fork, so they share it
    for (drawing, key), files in zip(todo, parallel_map(render, [d for d, _ in todo], jobs)):
        for fmt, data in files.items():
            atomic_write(out / f"{drawing.stem}.{fmt}", data)
        cache.put("views", key, files)
    return keys
