"""``resdip path A B [--max N] [--no-quotes] [--graph-dir DIR]``: shortest chains of facts."""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path
from typing import Any

import networkx as nx

from .. import paths
from ..views.analysis import simple_graph
from ..errors import UsageError
from ..views.lookup import Lookup, describe, quote_line, sorted_quotes
from ..views.projection import fact_quotes, labels, load_projection

SEARCH_LIMIT = 1000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="A", help="entity id, or Japanese/English label or alias")
    parser.add_argument("target", metavar="B", help="entity id, or Japanese/English label or alias")
    parser.add_argument("--max", type=int, default=5, metavar="N", help="print at most N chains (default 5)")
    parser.add_argument("--no-quotes", action="store_true", help="leave out the source sentences")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")


def shortest_chains(graph: nx.MultiDiGraph, a: str, b: str, limit: int) -> tuple[list[list[str]], int]:
    """Up to ``limit`` shortest chains (sorted) on the undirected view, and how many were found."""
    simple = simple_graph(graph)
    try:
        found = sorted(itertools.islice(nx.all_shortest_paths(simple, a, b), SEARCH_LIMIT))
    except nx.NetworkXNoPath:
        return [], 0
    return found[:limit], len(found)


def hop_edges(graph: nx.MultiDiGraph, a: str, b: str) -> list[tuple[str, dict[str, Any]]]:
    """Every edge between a and b as (arrow seen from a, data), sorted by date then kind."""
    found = [(arrow, data) for u, v, arrow in ((a, b, "→"), (b, a, "←"))
             for data in (graph.get_edge_data(u, v) or {}).values()]
    return sorted(found, key=lambda e: (e[1].get("date", ""), e[1].get("kind", ""), e[1].get("fact", ""), e[0]))


def edge_line(arrow: str, data: dict[str, Any]) -> str:
    """``→ Visit 2024-06 訪問（…） <fact IRI>``; registry relations say so instead of a fact."""
    parts = [arrow, str(data.get("kind", ""))]
    if data.get("date"):
        parts.append(str(data["date"]))
    if data.get("label_ja") and data.get("fact"):
        parts.append(str(data["label_ja"]))
    parts.append(f"<{data['fact']}>" if data.get("fact") else "(registry)")
    return " ".join(parts)


def run(args: argparse.Namespace) -> int:
    if args.max < 1:
        raise UsageError(f"path: --max must be 1 or more, not {args.max}")
    store, graph = load_projection(args.graph_dir)
    lookup = Lookup(graph, labels(store))
    a, b = lookup.find(args.source), lookup.find(args.target)
    chains, total = shortest_chains(graph, a, b, args.max)
    if not chains:
        print(f"no chain between {describe(graph, a)} and {describe(graph, b)}")
        return 1
    quotes = {} if args.no_quotes else fact_quotes(store)
    steps = len(chains[0]) - 1
    more = f"{SEARCH_LIMIT}+" if total >= SEARCH_LIMIT else str(total)
    print(f"{describe(graph, a)} → {describe(graph, b)}: {more} shortest chain{'s' if total != 1 else ''} "
          f"of {steps} step{'s' if steps != 1 else ''}" + (f", showing {len(chains)}" if total > len(chains) else ""))
    for number, chain in enumerate(chains, 1):
        print(f"\nchain {number}")
        for here, there in zip(chain, chain[1:]):
            print(f"  {describe(graph, here)} [{graph.nodes[here].get('cls', '')}]")
            edges = hop_edges(graph, here, there)
            for arrow, data in edges:
                print(f"    {edge_line(arrow, data)}")
            for quote in sorted_quotes(quotes, (data.get("fact", "") for _, data in edges)):
                print(f"        {quote_line(quote)}")
        print(f"  {describe(graph, chain[-1])} [{graph.nodes[chain[-1]].get('cls', '')}]")
    return 0
