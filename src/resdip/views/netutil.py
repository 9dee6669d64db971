"""networkx helpers that keep results independent of Python's hash seed."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx


def ordered_subgraph(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """A copy of ``graph`` on ``nodes``, nodes sorted, edges in the graph's own order.

    ``graph.subgraph(nodes)`` iterates a *set* of the wanted nodes when that is the smaller
    side, so its node order (and every seeded layout or tie-break that follows it) changes
    with ``PYTHONHASHSEED``. Builds must be byte-identical, so subgraphs are made here.
    """
    wanted = set(nodes)
    sub = graph.__class__()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in sorted(wanted))
    if graph.is_multigraph():
        sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                           if u in wanted and v in wanted)
    else:
        sub.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if u in wanted and v in wanted)
    return sub
