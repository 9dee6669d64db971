"""Deterministic node positions for the network page.

The page draws with physics off, so the positions computed here are the
picture. Each connected component is laid out on its own (networkx
``spring_layout`` for small ones, a chunked NumPy Fruchterman-Reingold for
large ones, since networkx needs SciPy above 500 nodes), scaled so every node
gets about the same area, and the components are packed beside the largest
one: the others, largest first, fill columns to its right, the column height
chosen so the whole is about as wide as a screen (``ASPECT``) and fits it at
the largest zoom. Same graph and seed give the same integers on every run.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import networkx as nx
from .netutil import ordered_subgraph
import numpy as np

EDGE_LENGTH = 100.0  # median edge length in pixels after scaling
GAP = 120.0  # pixels between packed components
ASPECT = 2.0  # width / height of the view the packing aims at (a wide screen less the page's bars)
NX_LIMIT = 400  # components up to this size use networkx spring_layout
SPREAD = 2.5  # spring_layout optimal distance, times networkx's default 1/sqrt(n): evens out dense cores
EXACT_LIMIT = 2500  # above this, repulsion comes from grid-cell mass centres
GRID_CELLS = 24  # grid cells per side for the approximated repulsion (24² cells: 3x faster than 40², same spread)

Position = tuple[int, int]


def layout(graph: nx.Graph, seed: int = 42) -> dict[str, Position]:
    """Integer (x, y) per node, independent of node and edge insertion order."""
    simple = _sorted_simple_graph(graph)
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)),
        key=lambda nodes: (-len(nodes), nodes[0]),
    )
    boxes = [_component_layout(ordered_subgraph(simple, nodes), nodes, seed) for nodes in components]
    return _pack(boxes)


def _sorted_simple_graph(graph: nx.Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(str(n) for n in graph.nodes))
    edges = sorted({tuple(sorted((str(u), str(v)))) for u, v in graph.edges() if u != v})
    simple.add_edges_from(edges)
    return simple


def _component_layout(sub: nx.Graph, nodes: list[str], seed: int) -> dict[str, np.ndarray]:
    n = len(nodes)
    if n == 1:
        return {nodes[0]: np.zeros(2)}
    if n == 2:
        return {nodes[0]: np.array([-EDGE_LENGTH / 2, 0.0]), nodes[1]: np.array([EDGE_LENGTH / 2, 0.0])}
    if n <= NX_LIMIT:
        ordered = nx.Graph()
        ordered.add_nodes_from(nodes)
        ordered.add_edges_from(sorted(tuple(sorted(e)) for e in sub.edges()))
        pos = nx.spring_layout(ordered, k=SPREAD / math.sqrt(n), seed=seed, iterations=100, method="force")
        coords = np.array([pos[v] for v in nodes], dtype=float)
    else:
        coords = _fruchterman_reingold(nodes, sub.edges(), seed)
    coords = coords - coords.mean(axis=0)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in sub.edges()], dtype=np.int64)
    lengths = np.sqrt(((coords[pairs[:, 0]] - coords[pairs[:, 1]]) ** 2).sum(axis=1))
    median = float(np.median(lengths)) or 1.0
    coords = _landscape(coords * (EDGE_LENGTH / median))
    return {v: coords[i] for i, v in enumerate(nodes)}


def _landscape(coords: np.ndarray) -> np.ndarray:
    """Rotate so the longest spread is horizontal (screens are wider than tall)."""
    _, vectors = np.linalg.eigh(np.cov(coords.T))
    major = vectors[:, -1]
    if major[0] < 0 or (major[0] == 0 and major[1] < 0):
        major = -major
    rotation = np.array([[major[0], major[1]], [-major[1], major[0]]])
    return coords @ rotation.T


def _fruchterman_reingold(
    nodes: list[str], edges: Iterable[tuple[Hashable, Hashable]], seed: int
) -> np.ndarray:
    """Fruchterman-Reingold in NumPy: exact repulsion up to EXACT_LIMIT nodes, grid-approximated above."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array(sorted(tuple(sorted((index[u], index[v]))) for u, v in edges), dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = math.sqrt(1.0 / n)
    iterations = 50
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    repulsion = _exact_repulsion if n <= EXACT_LIMIT else _grid_repulsion
    for _ in range(iterations):
        disp = repulsion(pos, k * k)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.sqrt((delta**2).sum(axis=1)), 1e-3)
            pull = delta * (dist / k)[:, None]
            np.subtract.at(disp, pairs[:, 0], pull)
            np.add.at(disp, pairs[:, 1], pull)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _exact_repulsion(pos: np.ndarray, k2: float) -> np.ndarray:
    x, y = pos[:, 0], pos[:, 1]
    dx = x[:, None] - x[None, :]
    dy = y[:, None] - y[None, :]
    f = k2 / np.maximum(dx * dx + dy * dy, 1e-6)
    return np.stack([(dx * f).sum(axis=1), (dy * f).sum(axis=1)], axis=1)


def _grid_repulsion(pos: np.ndarray, k2: float, cells: int = GRID_CELLS) -> np.ndarray:
    """Repulsion from the mass centres of grid cells (the node itself left out of its own cell)."""
    x, y = pos[:, 0], pos[:, 1]
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    gx = np.minimum(((x - lo[0]) / span[0] * cells).astype(np.int64), cells - 1)
    gy = np.minimum(((y - lo[1]) / span[1] * cells).astype(np.int64), cells - 1)
    cell = gx * cells + gy
    mass = np.bincount(cell, minlength=cells * cells).astype(float)
    sx = np.bincount(cell, weights=x, minlength=cells * cells)
    sy = np.bincount(cell, weights=y, minlength=cells * cells)
    used = np.flatnonzero(mass)
    m, cx, cy = mass[used], sx[used] / mass[used], sy[used] / mass[used]
    out = np.empty_like(pos)
    chunk = max(1, int(4e6 // len(used)))
    for start in range(0, len(x), chunk):
        bx, by = x[start : start + chunk, None], y[start : start + chunk, None]
        dx, dy = bx - cx[None, :], by - cy[None, :]
        f = m[None, :] * k2 / np.maximum(dx * dx + dy * dy, 1e-6)
        out[start : start + chunk, 0] = (dx * f).sum(axis=1)
        out[start : start + chunk, 1] = (dy * f).sum(axis=1)
    # Replace the own-cell term (centre includes the node) by the term for the other nodes in it.
    own_m, own_x, own_y = mass[cell], sx[cell] / mass[cell], sy[cell] / mass[cell]
    for axis, (c, own) in enumerate(((x, own_x), (y, own_y))):
        dxo, dyo = x - own_x, y - own_y
        out[:, axis] -= own_m * k2 * (c - own) / np.maximum(dxo * dxo + dyo * dyo, 1e-6)
    others = np.maximum(own_m - 1, 0)
    safe = np.maximum(others, 1)
    ox, oy = (sx[cell] - x) / safe, (sy[cell] - y) / safe
    dxo, dyo = x - ox, y - oy
    f = others * k2 / np.maximum(dxo * dxo + dyo * dyo, 1e-6)
    out[:, 0] += dxo * f
    out[:, 1] += dyo * f
    return out


def _pack(boxes: list[dict[str, np.ndarray]]) -> dict[str, Position]:
    """The largest component at the left, the others in columns beside it (largest first)."""
    sizes = []
    for box in boxes:
        coords = np.array(list(box.values()))
        lo, hi = coords.min(axis=0), coords.max(axis=0)
        sizes.append((lo, hi - lo))
    if not sizes:
        return {}
    main_w, main_h = sizes[0][1]
    tallest = max((h for _, (_w, h) in sizes[1:]), default=0.0)
    best: tuple[float, list[tuple[float, float]]] | None = None
    for height in sorted({max(main_h, tallest) * f for f in (1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0)}):
        spots, width = _columns([s for _, s in sizes[1:]], main_w + GAP, height)
        fit = max(max(width, main_w) / ASPECT, height, main_h)  # the whole fits a screen at 1 / fit
        if best is None or fit < best[0]:
            best = (fit, spots)
    assert best is not None
    spots = [(0.0, 0.0)] + best[1]
    result: dict[str, Position] = {}
    for box, (lo, _), (x, y) in zip(boxes, sizes, spots):
        offset = np.array([x, y]) - lo
        for v, p in box.items():
            q = p + offset
            result[v] = (int(round(q[0])), int(round(q[1])))
    return _centre(result)


def _columns(sizes: list[np.ndarray], left: float, height: float) -> tuple[list[tuple[float, float]], float]:
    """Top-left corners for boxes stacked in columns of at most ``height``, from x = ``left``."""
    spots = []
    x, y, column = left, 0.0, 0.0
    for w, h in sizes:
        if y > 0 and y + h > height:
            x, y, column = x + column + GAP, 0.0, 0.0
        spots.append((x, y))
        y += h + GAP
        column = max(column, w)
    return spots, x + column


def _centre(pos: dict[str, Position]) -> dict[str, Position]:
    if not pos:
        return pos
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2
    return {v: (p[0] - cx, p[1] - cy) for v, p in sorted(pos.items())}
