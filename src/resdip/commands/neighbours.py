"""``resdip neighbours NAME [--depth N] [--quotes] [--graph-dir DIR]``: entities around one entity."""

from __future__ import annotations

import argparse
from pathlib import Path

import networkx as nx

from .. import paths
from ..views.analysis import simple_graph
from ..errors import UsageError
from ..views.lookup import Lookup, describe, quote_line, sorted_quotes
from ..views.projection import fact_quotes, labels, load_projection


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="entity id, or Japanese/English label or alias (prefix allowed)")
    parser.add_argument("--depth", type=int, default=1, metavar="N", help="how many steps out (default 1)")
    parser.add_argument("--quotes", action="store_true",
                        help="print the source sentences of each tie (with the PDF page or web page they are on)")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")


def edge_summary(graph: nx.MultiDiGraph, a: str, b: str) -> tuple[list[str], list[str]]:
    """``kind date`` of every edge between a and b, with → or ← seen from a, and the edges' facts."""
    found, facts = [], []
    for u, v, arrow in ((a, b, "→"), (b, a, "←")):
        for data in (graph.get_edge_data(u, v) or {}).values():
            when = f" {data['date']}" if data.get("date") else ""
            found.append(f"{arrow} {data.get('kind', '')}{when}")
            facts.append(data.get("fact", ""))
    return sorted(found), facts


def layers(simple: nx.Graph, start: str, depth: int) -> list[list[str]]:
    """Nodes by distance from start (index = distance), each layer sorted."""
    distances = nx.single_source_shortest_path_length(simple, start, cutoff=depth)
    out: list[list[str]] = [[] for _ in range(max(distances.values()) + 1)]
    for node, d in distances.items():
        out[d].append(node)
    return [sorted(layer) for layer in out]


def run(args: argparse.Namespace) -> int:
    if args.depth < 0:
        raise UsageError(f"neighbours: --depth must be 0 or more, not {args.depth}")
    store, graph = load_projection(args.graph_dir)
    node = Lookup(graph, labels(store)).find(args.name)
    quotes = fact_quotes(store) if args.quotes else {}
    simple = simple_graph(graph)
    found = layers(simple, node, args.depth)
    total = sum(len(layer) for layer in found[1:])
    cls = graph.nodes[node].get("cls", "")
    print(f"{describe(graph, node)} [{cls}]: {total} entities within {args.depth} step{'s' if args.depth != 1 else ''}")
    for distance, layer in enumerate(found[1:], 1):
        print(f"\ndepth {distance} ({len(layer)})")
        previous = set(found[distance - 1])
        for other in layer:
            print(f"  {describe(graph, other)} [{graph.nodes[other].get('cls', '')}]")
            for parent in sorted(p for p in simple[other] if p in previous):
                via = "" if distance == 1 else f"via {describe(graph, parent)}: "
                ties, facts = edge_summary(graph, parent, other)
                print(f"      {via}{'; '.join(ties)}")
                for quote in sorted_quotes(quotes, facts):
                    print(f"          {quote_line(quote)}")
    return 0
