"""The built dataset as an in-memory Oxigraph store, and SPARQL helpers.

``open_store`` bulk-loads ``graph/dataset.trig`` with its named graphs kept,
and fills the default graph with their merge (the union as a *set* of
triples), so a query sees every named graph as its default graph and
``GRAPH ?g`` still works. Oxigraph's own ``use_default_graph_as_union``
returns a triple once per graph that holds it (a fact told by two documents
would be counted twice), which is why the merge is materialised instead.
``run_query`` turns parser errors into :class:`~resdip.errors.QuerySyntaxError`
with a line and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Union

import pyoxigraph as ox

from .. import paths
from ..errors import DataFileError, InputFileError, QuerySyntaxError

DATASET_FILE = "dataset.trig"

QueryResult = Union[ox.QuerySolutions, ox.QueryBoolean, ox.QueryTriples]

#: Prefixes of docs/MODEL.md, used to shorten IRIs in tables and in Turtle output.
PREFIXES: dict[str, str] = {
    "rd": "https://w3id.org/resdip/ontology#",
    "rdi": "https://w3id.org/resdip/id/",
    "rdd": "https://w3id.org/resdip/doc/",
    "rdfact": "https://w3id.org/resdip/fact/",
    "rdg": "https://w3id.org/resdip/graph/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
}

_POSITION = re.compile(r"^error at (\d+):(\d+): ?(.*)$", re.DOTALL)


def dataset_path(graph_dir: Path | str = paths.GRAPH_DIR) -> Path:
    """``graph_dir/dataset.trig``, or InputFileError if it is not there."""
    path = Path(graph_dir) / DATASET_FILE
    if not path.is_file():
        shown = "graph/dataset.trig" if Path(graph_dir) == paths.GRAPH_DIR else str(path)
        raise InputFileError(f"{shown} not found: run python build_graph.py first")
    return path


def open_store(graph_dir: Path | str = paths.GRAPH_DIR, *, union: bool = True) -> ox.Store:
    """An in-memory store holding ``graph_dir/dataset.trig``, named graphs kept.

    With ``union`` (the default) the default graph also holds the merge of all
    named graphs; without it the store holds exactly the file's quads.
    """
    path = dataset_path(graph_dir)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    except SyntaxError as exc:
        raise DataFileError(f"{path}: {exc}") from None
    if union:
        add_union_default_graph(store)
    return store


def add_union_default_graph(store: ox.Store) -> None:
    """Copy every named graph's triples into the default graph (a set: no duplicates)."""
    default = ox.DefaultGraph()
    merged = [ox.Quad(q.subject, q.predicate, q.object, default)
              for q in store.quads_for_pattern(None, None, None) if q.graph_name != default]
    store.extend(merged)


def union_triples(store: ox.Store) -> list[ox.Triple]:
    """The merge of all graphs of the store, each triple once."""
    seen = {ox.Triple(q.subject, q.predicate, q.object) for q in store}
    return sorted(seen, key=str)


def run_query(store: ox.Store, text: str, *, source: str = "query", graphs_as_default: bool = False) -> QueryResult:
    """Evaluate ``text`` (default graph: see :func:`open_store`, or with ``graphs_as_default``
    Oxigraph's union of the named graphs, a triple once per graph); syntax errors carry line and column."""
    try:
        return store.query(text, use_default_graph_as_union=graphs_as_default)
    except SyntaxError as exc:
        match = _POSITION.match(str(exc).strip())
        line, column = (int(match.group(1)), int(match.group(2))) if match else (None, None)
        raise QuerySyntaxError(syntax_message(str(exc), text, source), line, column) from None


def syntax_message(message: str, text: str, source: str = "query") -> str:
    """Oxigraph's ``error at L:C: …`` as ``SOURCE: line L, column C: …`` (one line)."""
    match = _POSITION.match(message.strip())
    hint = _undeclared_prefix_hint(text)
    if match:
        line, column, detail = match.groups()
        if _at_end(text, int(line), int(column)):
            hint = _near(text) + hint
        return f"{source}: SPARQL syntax error at line {line}, column {column}: {_one_line(detail)}{hint}"
    return f"{source}: SPARQL syntax error: {_one_line(message)}{hint}"


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip(", ") + "…"


def _at_end(text: str, line: int, column: int) -> bool:
    """True when Oxigraph's position is the end of the text (it often reports that)."""
    rest = "\n".join(text.split("\n")[line - 1:])[max(column - 1, 0):]
    return not rest.strip()


def _near(text: str) -> str:
    """Where rdflib's parser first fails, as a second opinion (only used on the error path)."""
    try:
        from rdflib.plugins.sparql.parser import parseQuery

        parseQuery(text)
    except Exception as exc:  # noqa: BLE001 - any parser failure is only a hint
        line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
        if line and column:
            return f" (the text first goes wrong near line {line}, column {column})"
    return ""


def _undeclared_prefix_hint(text: str) -> str:
    """A hint naming a known prefix that the query uses without declaring it."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w.-]*):", text, re.IGNORECASE)}
    body = re.sub(r'<[^>\s]*>|"[^"\n]*"|#[^\n]*', " ", text)
    for name in PREFIXES:
        if name not in declared and re.search(rf"(?<![\w?$:/-]){re.escape(name)}:", body):
            return f" (prefix {name}: is used but not declared: add PREFIX {name}: <{PREFIXES[name]}>)"
    return ""


def graph_names(store: ox.Store) -> list[str]:
    """IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def count_triples(store: ox.Store, graph: str | None = None) -> int:
    """Triples in one named graph (or in the default graph when ``graph`` is None)."""
    name: ox.NamedNode | ox.DefaultGraph = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    return sum(1 for _ in store.quads_for_pattern(None, None, None, name))
