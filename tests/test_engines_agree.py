"""Every ``queries/*.rq`` gives the same answer on three SPARQL engines: the embedded Oxigraph store
(what ``resdip query`` uses), a real Virtuoso 7.2 loaded with ``resdip publish`` through its
authenticated Graph Store endpoint, and rdflib 7's engine.

Answers are compared as multisets of rows after the normalisation :mod:`answers` describes (number
forms, an empty string and no value, the order inside a ``GROUP_CONCAT``). A query whose answer
cannot be the same says why in its header, on a line ``# Virtuoso 7.2: …`` or ``# rdflib 7: …``, and
the test then checks that the difference is still there (so a note that has become untrue fails).

On Virtuoso the query is asked with the dataset's graphs as ``default-graph-uri`` and
``named-graph-uri`` (``resdip query --endpoint URL --dataset-graphs``), so the default graph is their
merge, as in the embedded store, and Virtuoso's own system graphs stay out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from answers import answer, difference, unordered_columns
from conftest import ROOT
from resdip import paths
from resdip.commands.protocol import ask
from resdip.commands.remote import Remote
from resdip.rdf.store import graph_names, open_store, run_query
from test_publish_virtuoso import publish
from virtuoso import Virtuoso

#: rdflib warns about its own Dataset API on every quad (hundreds of thousands of lines otherwise).
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

QUERIES = sorted(paths.QUERIES_DIR.glob("*.rq"))
GRAPH_DIR = ROOT / "graph"


def note(query: Path, engine: str) -> str | None:
    """The reason the query's header gives for a different answer on ``engine``, if any."""
    found = re.search(rf"^# {re.escape(engine)}: (.+)$", query.read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else None


@pytest.fixture(scope="module")
def oxigraph() -> ox.Store:
    return open_store(GRAPH_DIR)


@pytest.fixture(scope="module")
def loaded(virtuoso: Virtuoso) -> Virtuoso:
    done = publish("--endpoint", virtuoso.graph_store, "--graph-dir", GRAPH_DIR)
    assert done.returncode == 0, done.stderr
    return virtuoso


@pytest.fixture(scope="module")
def rdflib_dataset() -> rdflib.Dataset:
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(GRAPH_DIR / "dataset.trig", format="trig")
    return dataset


def local_answer(store: ox.Store, query: Path):
    text = query.read_text(encoding="utf-8")
    return answer(run_query(store, text, source=query.name), unordered_columns(text))


def check(query: Path, engine: str, mine, theirs) -> None:
    reason = note(query, engine)
    if reason is None:
        assert mine == theirs, (f"{query.name} answers differently on {engine}: "
                                + (difference(mine, theirs) if not isinstance(mine, bool) else f"{mine} vs {theirs}"))
    else:
        assert mine != theirs, f"{query.name} now answers the same on {engine}: remove the '# {engine}:' note from its header"


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_virtuoso_answers_as_oxigraph_does(query: Path, loaded: Virtuoso, oxigraph: ox.Store) -> None:
    text = query.read_text(encoding="utf-8")
    graphs = graph_names(open_store(GRAPH_DIR, union=False))
    remote = ask(Remote(None), loaded.sparql, text, run_query(ox.Store(), text), graphs)
    check(query, "Virtuoso 7.2", local_answer(oxigraph, query), answer(remote, unordered_columns(text)))


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_rdflib_answers_as_oxigraph_does(query: Path, rdflib_dataset: rdflib.Dataset, oxigraph: ox.Store) -> None:
    text = query.read_text(encoding="utf-8")
    try:
        result = rdflib_dataset.query(text)
        theirs = rdflib_answer(result, unordered_columns(text))
    except Exception as exc:  # noqa: BLE001 - an engine error is an answer that differs
        theirs = f"{type(exc).__name__}: {exc}"
    check(query, "rdflib 7", local_answer(oxigraph, query), theirs)


def rdflib_answer(result, unordered: set[str]):
    """rdflib's result in Oxigraph's terms, through the SPARQL JSON results / N-Triples it writes."""
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        data = result.graph.serialize(format="nt", encoding="utf-8")
        return answer([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])
    data = result.serialize(format="json")
    return answer(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON), unordered)


def test_the_class_hierarchy_fits_the_queries_paths() -> None:
    """The queries reach superclasses with paths of 1 to 4 ``rdfs:subClassOf`` steps (Virtuoso 7.2
    evaluates ``*`` and ``+`` wrongly inside OPTIONAL and NOT EXISTS): no class may sit deeper."""
    store = open_store(GRAPH_DIR, union=False)
    deepest = store.query("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK { ?a rdfs:subClassOf ?b . ?b rdfs:subClassOf ?c . ?c rdfs:subClassOf ?d .
              ?d rdfs:subClassOf ?e . ?e rdfs:subClassOf ?f . FILTER (?a != ?f) }""")
    assert not bool(deepest), "a class hierarchy deeper than 4 steps: lengthen the queries' subclass paths"
