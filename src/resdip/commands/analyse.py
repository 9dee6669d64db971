"""``resdip analyse [--out DIR] [--graph-dir DIR]``: centrality, communities, bridges."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import paths
from ..views.analysis import analyse, write_analysis
from ..views.projection import load_projection


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="where analysis.md and analysis.json go (default: <graph-dir>/analysis/)")


def run(args: argparse.Namespace) -> int:
    out = args.out if args.out is not None else Path(args.graph_dir) / "analysis"
    _, graph = load_projection(args.graph_dir)
    written = write_analysis(graph, out)
    report = analyse(graph)
    summary = report["summary"]
    top = ", ".join(f"{r['label']} ({r['id']})" for r in report["centrality"]["betweenness"][:5])
    print(f"{summary['nodes']} entities, {summary['edges']} edges, {len(report['communities'])} communities")
    print(f"highest betweenness: {top}")
    for path in written:
        print(f"wrote {path}")
    return 0
