"""The SPARQL 1.1 Protocol from the client's side: a query sent to a store, its answer parsed.

The answer comes back as Oxigraph's own result objects (solutions, a boolean, or triples), so
:func:`resdip.rdf.results.render` prints it exactly as it prints a local answer.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pyoxigraph as ox

from ..errors import EndpointError
from ..rdf.store import QueryResult, graph_names, open_store
from .remote import Remote, shown

#: Media types asked for, best first, by the form of the query.
SOLUTIONS_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
                    "text/csv;q=0.5, text/tab-separated-values;q=0.5")
TRIPLES_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"
RESULT_FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
                  "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
                  "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
                 "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
                 "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/n-quads": ox.RdfFormat.N_QUADS}


def dataset_graph_names(graph_dir: Path) -> list[str]:
    """The named graphs of the local dataset (to restrict a store's answer to them)."""
    return graph_names(open_store(graph_dir, union=False))


def ask(remote: Remote, endpoint: str, text: str, form: QueryResult, graphs: list[str]) -> QueryResult:
    """``text`` answered by ``endpoint``; ``form`` is the same query's (empty) local answer, which tells
    SELECT/ASK from CONSTRUCT/DESCRIBE. ``graphs``: default-graph-uri and named-graph-uri to send."""
    fields = [("query", text)] + [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
    triples = isinstance(form, ox.QueryTriples)
    response = remote.request("POST", endpoint, urllib.parse.urlencode(fields).encode("utf-8"), {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": TRIPLES_ACCEPT if triples else SOLUTIONS_ACCEPT})
    media = response.content_type.split(";")[0].strip().lower()
    table = GRAPH_FORMATS if triples else RESULT_FORMATS
    if media not in table:
        raise EndpointError(f"POST {shown(endpoint)}: the store answered {media or 'no media type'}, "
                            f"not one of {', '.join(sorted(table))}")
    try:
        if triples:
            return [ox.Triple(q.subject, q.predicate, q.object)  # type: ignore[return-value]
                    for q in ox.parse(response.body, format=GRAPH_FORMATS[media])]
        result = ox.parse_query_results(response.body, format=RESULT_FORMATS[media])
    except SyntaxError as exc:
        raise EndpointError(f"POST {shown(endpoint)}: the answer ({media}) does not parse: {' '.join(str(exc).split())[:200]}") from None
    if isinstance(form, ox.QueryBoolean) and isinstance(result, ox.QuerySolutions):
        return as_boolean(result)
    return result


def as_boolean(result: ox.QuerySolutions) -> ox.QueryBoolean:
    """An ASK answered as a one-row table (Virtuoso 7.2: ``__ASK_RETVAL`` = 1 or 0) as the boolean it is."""
    rows = list(result)
    value = rows[0][0] if rows and len(result.variables) == 1 else None
    truth = value is not None and value.value in ("1", "true")
    return ox.parse_query_results(b'{"head": {}, "boolean": %s}' % (b"true" if truth else b"false"),
                                  format=ox.QueryResultsFormat.JSON)
