"""``resdip publish --endpoint URL [--user NAME --password-env VAR | --token-env VAR] [--graph IRI]
[--only-changed] [--direct] [--graph-dir DIR]``: load the dataset into a SPARQL store.

Uses the SPARQL 1.1 Graph Store HTTP Protocol: each named graph of ``graph/dataset.trig`` is sent
with ``PUT {URL}?graph={graph IRI}`` as N-Triples, replacing what the store had in that graph
(default-graph triples, if the file has any, go to ``{URL}?default``). The VoID description's graph
(``…/graph/void``) goes last, so a store holds the description of a publication only once every
graph of it is in.

Some stores (Virtuoso) replace a graph in a PUT by deleting it and then loading the body, and keep
what they loaded when the body fails half-way. So, unless ``--direct``, every graph is first sent
to a staging graph (``urn:resdip:staging:{graph IRI}``); only when the store has taken all of them
are the real graphs replaced, and the staging graphs are deleted either way. A graph the store
refuses therefore leaves every graph of the store as it was.

``--only-changed`` reads the VoID description the store holds (``GET {URL}?graph=…/graph/void``)
and skips each graph whose checksum there equals its own (see :mod:`resdip.rdf.checksums`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import AuthenticationError, EndpointError, GraphRefusedError, UsageError
from ..rdf.checksums import graph_bodies, stated_checksums
from ..rdf.describe import VOID_GRAPH
from ..rdf.store import dataset_path
from .remote import HTTPFailure, Remote, add_credential_arguments, check_endpoint, credentials_from, shown

STAGING = "urn:resdip:staging:"
NTRIPLES = {"Content-Type": "application/n-triples"}
#: What a GET of a graph may come back as, best first.
RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
PARSERS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
           "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
           "application/rdf+xml": ox.RdfFormat.RDF_XML}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", required=True, metavar="URL",
                        help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store")
    parser.add_argument("--graph", action="append", metavar="IRI",
                        help="send only this named graph (repeat for more; 'default' for the default graph)")
    parser.add_argument("--only-changed", action="store_true",
                        help="skip graphs whose checksum equals the one in the store's VoID description")
    parser.add_argument("--direct", action="store_true",
                        help="PUT each graph straight into place, without staging graphs (for stores whose PUT is atomic)")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")
    add_credential_arguments(parser)


@dataclass
class Outgoing:
    """One graph to send: its IRI (None: the default graph), body, triples and checksum."""

    graph: str | None
    body: bytes
    triples: int
    checksum: str

    @property
    def name(self) -> str:
        return self.graph or "default"


def graph_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?graph=<iri>`` (percent-encoded), or ``endpoint?default``."""
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}graph={urllib.parse.quote(graph, safe='')}"


def outgoing(dataset: Path, only: list[str] | None) -> list[Outgoing]:
    """The graphs to send, the VoID description last; UsageError for a --graph the dataset lacks."""
    bodies = graph_bodies(dataset)
    names = sorted((n for n in bodies if n != str(VOID_GRAPH)), key=lambda n: (n is not None, n or ""))
    if str(VOID_GRAPH) in bodies:
        names.append(str(VOID_GRAPH))
    if only:
        known = {n or "default" for n in names}
        missing = [g for g in only if g not in known]
        if missing:
            raise UsageError(f"publish: --graph {missing[0]} is not a graph of the dataset "
                             f"(it has {len(known)}: {', '.join(sorted(known))})")
        names = [n for n in names if (n or "default") in only]
    return [Outgoing(n, bodies[n], bodies[n].count(b"\n"), hashlib.sha256(bodies[n]).hexdigest()) for n in names]


def remote_checksums(remote: Remote, endpoint: str) -> tuple[dict[str, str], ox.Store | None]:
    """The checksums stated in the store's copy of the VoID description, and that copy (None if absent)."""
    response = remote.request("GET", graph_url(endpoint, str(VOID_GRAPH)), headers={"Accept": RDF_ACCEPT}, ok=(404,))
    if response.status == 404 or not response.body.strip():
        return {}, None
    media = response.content_type.split(";")[0].strip().lower()
    fmt = PARSERS.get(media)
    if fmt is None:
        raise EndpointError(f"GET {shown(graph_url(endpoint, str(VOID_GRAPH)))}: the store answered {media or 'no media type'}, "
                            "not N-Triples, Turtle or RDF/XML")
    description = ox.Store()
    try:
        description.load(response.body, format=fmt, to_graph=ox.NamedNode(str(VOID_GRAPH)))
    except SyntaxError as exc:
        raise EndpointError(f"the store's copy of {VOID_GRAPH} does not parse: {' '.join(str(exc).split())}") from None
    return stated_checksums(description), description


def unchanged(graph: Outgoing, stated: dict[str, str], description: ox.Store | None) -> bool:
    """True when the store already holds ``graph`` as it is (by the checksum its description states;
    the description itself, by its content)."""
    if graph.graph == str(VOID_GRAPH):
        if description is None:
            return False
        local = ox.Store()
        local.load(graph.body, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(VOID_GRAPH)))
        return set(local) == set(description)
    return graph.graph is not None and stated.get(graph.graph) == graph.checksum


def put(remote: Remote, endpoint: str, graph: str | None, body: bytes, shown_as: str) -> None:
    """PUT one graph; a refusal (other than a wrong endpoint) as GraphRefusedError."""
    try:
        remote.request("PUT", graph_url(endpoint, graph), body, NTRIPLES)
    except HTTPFailure as exc:
        if exc.status in (404, 405):  # no Graph Store endpoint there
            raise
        raise GraphRefusedError(f"the store refused graph {shown_as}: {exc}") from None


def send(remote: Remote, endpoint: str, graphs: list[Outgoing], direct: bool,
         report: Callable[[Outgoing], None]) -> None:
    """Stage every graph (unless ``direct``), then replace the real ones; ``report(graph)`` after each."""
    staged: list[str] = []
    try:
        if not direct:
            for graph in graphs:
                staging = STAGING + graph.name
                staged.append(staging)
                put(remote, endpoint, staging, graph.body, graph.name)
        done = 0
        for graph in graphs:
            try:
                put(remote, endpoint, graph.graph, graph.body, graph.name)
            except EndpointError as exc:
                if not done or isinstance(exc, AuthenticationError):
                    raise
                kind = GraphRefusedError if isinstance(exc, GraphRefusedError) else EndpointError
                raise kind(f"{exc} (after {done} of {len(graphs)} graphs were replaced: publish again)") from None
            done += 1
            report(graph)
    finally:
        for staging in staged:
            try:
                remote.request("DELETE", graph_url(endpoint, staging), ok=(404,))
            except EndpointError:
                pass  # best effort: the error that stopped us is the one to report


def run(args: argparse.Namespace) -> int:
    endpoint = check_endpoint(args.endpoint, "publish")
    credentials = credentials_from(args, "publish")
    graphs = outgoing(dataset_path(args.graph_dir), args.graph)
    remote = Remote(credentials)
    stated: dict[str, str] = {}
    description = None
    if args.only_changed:
        stated, description = remote_checksums(remote, endpoint)
    else:
        # learn before sending any body whether the store asks for credentials and takes those given: a
        # store that answers a large PUT with 401 may close the connection while the body is still going
        # out, which would read as an unreachable store
        remote.request("GET", graph_url(endpoint, str(VOID_GRAPH)), headers={"Accept": RDF_ACCEPT},
                       ok=tuple(range(400, 600)))
    skipped = [g for g in graphs if args.only_changed and unchanged(g, stated, description)]
    to_send = [g for g in graphs if g not in skipped]
    width = max((len(g.name) for g in graphs), default=0)

    def report(graph: Outgoing, verb: str = "sent") -> None:
        print(f"{verb:<9}  {graph.name:<{width}}  {graph.triples:>8} triples", flush=True)

    for graph in skipped:
        report(graph, "unchanged")
    send(remote, endpoint, to_send, args.direct, report)
    how = ""
    if credentials:
        how = f", as {credentials.who} with {remote.scheme_name}" if remote.scheme_name else ", the store asked for no credentials"
    total = sum(g.triples for g in to_send)
    size = sum(len(g.body) for g in to_send)
    print(f"{len(to_send)} graph{'s' if len(to_send) != 1 else ''} sent, {total} triples ({size / 1e6:.1f} MB)"
          f"{f', {len(skipped)} unchanged' if skipped else ''} → {shown(endpoint)}{how}")
    sys.stdout.flush()
    return 0
