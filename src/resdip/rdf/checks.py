"""The build's SPARQL checks: every ``queries/*-violation.rq`` must return no rows.

Run on the N-Quads file the build has just written, before any output is moved into place; a
check that returns rows stops the build (``ValidationError``, exit status 6) naming the query,
the number of rows and the first of them.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import ValidationError
from .store import add_union_default_graph, run_query


def violation_queries(directory: Path | None = None) -> list[Path]:
    return sorted((directory or paths.QUERIES_DIR).glob("*-violation.rq"))


def failed_checks(nquads: Path, queries: list[Path] | None = None) -> list[tuple[str, int, str]]:
    """(query file, rows, first row as text) for each check that returns rows.

    The checks are asked with Oxigraph's union of the named graphs as their default graph, which
    holds a triple once per graph that states it: a check returns rows exactly when it would over
    the merge (none of them counts or sums), and building the merge took over half the time of the
    checks on a large dataset. When a check does return rows, they are counted again over the
    merge (:func:`resdip.rdf.store.add_union_default_graph`), so the error says what a query of
    the dataset would.
    """
    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    queries = violation_queries() if queries is None else queries
    failing = [query for query in queries if _rows(store, query, union=True)]
    if not failing:
        return []
    add_union_default_graph(store)
    failed = []
    for query in failing:
        rows = _rows(store, query, union=False)
        if rows:
            failed.append((query.name, len(rows), " | ".join(rows[0])))
    return failed


def _rows(store: ox.Store, query: Path, union: bool) -> list[list[str]]:
    result = run_query(store, query.read_text(encoding="utf-8"), source=query.name, graphs_as_default=union)
    return [[("" if s[v] is None else s[v].value) for v in result.variables] for s in result]


def run_checks(nquads: Path) -> None:
    """Raise ValidationError when a violation query returns rows."""
    failed = failed_checks(nquads)
    if failed:
        name, count, first = failed[0]
        more = f" (and {len(failed) - 1} more check(s) failed: {', '.join(f[0] for f in failed[1:])})" if len(failed) > 1 else ""
        raise ValidationError(f"queries/{name} returned {count} row(s), e.g. {first}{more}")
