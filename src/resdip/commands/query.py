"""``resdip query FILE.rq | --sparql TEXT [--format table|csv|json|md] [--graph-dir DIR | --endpoint URL]``.

Without ``--endpoint`` the query runs on ``graph/dataset.trig`` in memory; with it, on any SPARQL 1.1
Protocol endpoint (``POST`` of the query; the answer read as SPARQL JSON/XML/CSV/TSV results, or as
N-Triples/Turtle/RDF-XML for CONSTRUCT and DESCRIBE) and printed in the same formats.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import InputEncodingError, InputFileError, UsageError
from ..rdf.results import FORMATS, render
from ..rdf.store import open_store, run_query
from .protocol import ask, dataset_graph_names
from .remote import Remote, add_credential_arguments, check_endpoint, credentials_from


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE.rq",
                        help="a SPARQL query file (e.g. queries/minister-visits.rq); '-' reads stdin")
    parser.add_argument("--sparql", metavar="TEXT", help="the query text itself, instead of a file")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (terminal, default), csv / json (SPARQL 1.1 results), md (Markdown)")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")
    parser.add_argument("--endpoint", metavar="URL",
                        help="ask this SPARQL 1.1 endpoint instead of the local graph, e.g. http://localhost:8890/sparql")
    parser.add_argument("--dataset-graphs", action="store_true",
                        help="with --endpoint: query only the graphs of the local dataset (sent as default-graph-uri "
                             "and named-graph-uri), not whatever else the store holds")
    add_credential_arguments(parser)


def read_query(args: argparse.Namespace) -> tuple[str, str]:
    """(query text, name used in messages) from FILE, '-' or --sparql."""
    if (args.file is None) == (args.sparql is None):
        raise UsageError("query: give either FILE.rq or --sparql TEXT (one of them)")
    if args.sparql is not None:
        return args.sparql, "--sparql"
    if args.file == "-":
        return sys.stdin.read(), "<stdin>"
    path = Path(args.file)
    if not path.is_file():
        what = "is a directory" if path.is_dir() else "not found"
        raise InputFileError(f"query file {path} {what}")
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except UnicodeDecodeError:
        raise InputEncodingError(f"query file {path} is not UTF-8 text") from None
    except OSError as exc:
        raise InputFileError(f"query file {path}: {exc.strerror}") from None


def run(args: argparse.Namespace) -> int:
    text, source = read_query(args)
    form = run_query(ox.Store(), text, source=source)  # syntax first, before loading the graph
    if args.endpoint:
        endpoint = check_endpoint(args.endpoint, "query")
        graphs = dataset_graph_names(args.graph_dir) if args.dataset_graphs else []
        result = ask(Remote(credentials_from(args, "query")), endpoint, text, form, graphs)
    else:
        if args.dataset_graphs or args.user or args.token_env:
            raise UsageError("query: --dataset-graphs, --user and --token-env go with --endpoint")
        result = run_query(open_store(args.graph_dir), text, source=source)
    sys.stdout.write(render(result, args.format))
    return 0
