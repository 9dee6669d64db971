"""``resdip publish --endpoint URL [--graph-dir DIR]``: load the dataset into a SPARQL store.

Uses the SPARQL 1.1 Graph Store HTTP Protocol: for each named graph of ``graph/dataset.trig``,
``PUT {URL}?graph={graph IRI}`` with the graph as N-Triples (replacing what the store had in that
graph); default-graph triples, if the file has any, go to ``{URL}?default``. URL is the store's
Graph Store endpoint, e.g. ``http://localhost:7878/store`` for Oxigraph or
``http://localhost:3030/ds/data`` for Fuseki.
"""

from __future__ import annotations

import argparse
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import EndpointError, UsageError
from ..rdf.store import count_triples, graph_names, open_store

TIMEOUT_S = 120


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", required=True, metavar="URL",
                        help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")


def graph_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?graph=<iri>`` (percent-encoded), or ``endpoint?default``."""
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}graph={urllib.parse.quote(graph, safe='')}"


def put_graph(endpoint: str, graph: str | None, body: bytes) -> int:
    """PUT one graph; the HTTP status, or EndpointError with the status line."""
    url = graph_url(endpoint, graph)
    request = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace")
        detail = " ".join(detail.split())
        raise EndpointError(f"PUT {url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EndpointError(f"cannot reach {endpoint}: {reason}") from None


def publish(store: ox.Store, endpoint: str) -> list[tuple[str, int]]:
    """Send every graph of ``store``; (graph IRI or 'default', triples) for each."""
    sent: list[tuple[str, int]] = []
    targets: list[str | None] = list(graph_names(store))
    if count_triples(store, None):
        targets.insert(0, None)
    for graph in targets:
        source = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=source) or b""
        put_graph(endpoint, graph, body)
        sent.append((graph or "default", count_triples(store, graph)))
    return sent


def run(args: argparse.Namespace) -> int:
    scheme = urllib.parse.urlsplit(args.endpoint).scheme
    if scheme not in ("http", "https"):
        raise UsageError(f"publish: --endpoint must be an http(s) URL, not {args.endpoint!r}")
    store = open_store(args.graph_dir, union=False)
    sent = publish(store, args.endpoint)
    width = max((len(g) for g, _ in sent), default=0)
    for graph, triples in sent:
        print(f"{graph:<{width}}  {triples:>8} triples")
    print(f"{len(sent)} graphs, {sum(n for _, n in sent)} triples → {args.endpoint}")
    return 0
