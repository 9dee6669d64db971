"""Hubs: the nodes linked to far more entities than the rest.

A node is a hub when the number of distinct entities it is linked to lies above Tukey's
*far-out* fence of that number over all nodes: ``Q3 + 3 × IQR`` (quartiles by linear
interpolation, the IQR taken as at least 1 so a flat distribution does not make every node
above its third quartile a hub). The data decides the threshold; no node id is named.

In this corpus the fence is 9 and the hubs are Japan (37 entities) and JOGMEC (15). The
network page's focus view walks the neighbourhood hop by hop and does not go on through a
hub past the first hop unless the reader asks for it (``&hubs=1``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np

FENCE = 3.0  # Tukey's far-out fence: Q3 + 3 × IQR
RULE = "degree > Q3 + 3 × IQR"


def degrees(graph: nx.Graph) -> dict[str, int]:
    """Node -> how many other nodes it is linked to (either direction, parallel edges once)."""
    linked: dict[str, set[str]] = {str(n): set() for n in graph.nodes}
    for u, v in graph.edges():
        if u != v:
            linked[str(u)].add(str(v))
            linked[str(v)].add(str(u))
    return {n: len(others) for n, others in linked.items()}


def hubs(graph: nx.Graph) -> dict[str, Any]:
    """``{"rule", "threshold", "ids"}``: the fence and the hubs above it, sorted by id."""
    degree = degrees(graph)
    if not degree:
        return {"rule": RULE, "threshold": 0, "ids": []}
    q1, q3 = np.percentile(np.array(sorted(degree.values()), dtype=float), [25, 75])
    threshold = round(float(q3 + FENCE * max(q3 - q1, 1.0)), 2)
    return {"rule": RULE, "threshold": threshold, "ids": sorted(n for n, d in degree.items() if d > threshold)}
