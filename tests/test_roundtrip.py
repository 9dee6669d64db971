"""Every RDF file is read back by parsers other than the one that wrote it, and they agree.

Oxigraph writes ``dataset.trig``, ``dataset.nq``, ``union.ttl``, ``dataset.jsonld`` and
``void.ttl`` (from quads rdflib built); each is parsed by rdflib (Python), by pyoxigraph and,
for Turtle, TriG and N-Quads, by Debian's ``rapper`` (raptor2, C), and the three readings must be the same
graphs, named graph by named graph (isomorphism: equal sets of triples when there is no blank
node, :func:`rdflib.compare.isomorphic` otherwise). ``ontology.ttl`` and ``shapes.ttl``, written
by hand, get the same treatment. Then the files must agree with each other: TriG, N-Quads and
JSON-LD hold one dataset; ``union.ttl`` is its union; ``void.ttl`` its VoID graph; the ontology
graph is ``ontology.ttl``.

The files in ``graph/`` are read fresh from the working tree (the lead rebuilds them); the same
checks also run on the small build of ``conftest.builds``.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, Finished
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

RAPPER = shutil.which("rapper")
GRAPH_DIR = ROOT / "graph"
DEFAULT = "(default graph)"
GraphsByName = dict[str, Graph]

needs_rapper = pytest.mark.skipif(RAPPER is None, reason="Debian's rapper (raptor2-utils) is not installed; "
                                  "tests/install-tools.sh installs it")

#: file → (rdflib format, pyoxigraph format, rapper syntax or None)
FORMATS = {
    "dataset.trig": ("trig", ox.RdfFormat.TRIG, "trig"),
    "dataset.nq": ("nquads", ox.RdfFormat.N_QUADS, "nquads"),
    "union.ttl": ("turtle", ox.RdfFormat.TURTLE, "turtle"),
    "void.ttl": ("turtle", ox.RdfFormat.TURTLE, "turtle"),
    "dataset.jsonld": ("json-ld", ox.RdfFormat.JSON_LD, None),
}


# ---------------------------------------------------------------------------
# Three readers, one result type: {graph name: rdflib Graph}
# ---------------------------------------------------------------------------

def _term(term):
    """A pyoxigraph term as the rdflib term it denotes (built directly, not by rdflib's parsers)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # RDF 1.1: a simple literal is an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def _graph_name(graph_name) -> str:
    return DEFAULT if isinstance(graph_name, ox.DefaultGraph) else str(graph_name.value)


def from_quads(quads) -> GraphsByName:
    graphs: GraphsByName = {}
    for quad in quads:
        graphs.setdefault(_graph_name(quad.graph_name), Graph()).add(
            (_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    return graphs


def read_oxigraph(path: Path, fmt: ox.RdfFormat) -> GraphsByName:
    return from_quads(ox.parse(path=str(path), format=fmt))


def read_rapper(path: Path, syntax: str) -> GraphsByName:
    """rapper parses the file and writes N-Quads, which pyoxigraph turns into terms (no rdflib parser)."""
    assert RAPPER is not None
    done = subprocess.run([RAPPER, "--quiet", "-i", syntax, "-o", "nquads", f"file://{path}"],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return from_quads(ox.parse(done.stdout, format=ox.RdfFormat.N_QUADS))


def read_rdflib(path: Path, fmt: str) -> GraphsByName:
    if fmt == "turtle":
        return {DEFAULT: Graph().parse(path, format="turtle")}
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    graphs: GraphsByName = {}
    for graph in dataset.graphs():
        if len(graph) == 0:
            continue
        name = DEFAULT if graph.identifier == DATASET_DEFAULT_GRAPH_ID else str(graph.identifier)
        copy = graphs.setdefault(name, Graph())
        for triple in graph:
            copy.add(triple)
    return graphs


def union(graphs: GraphsByName) -> Graph:
    """All triples in one graph. Blank nodes are file-scoped in every format used here."""
    merged = Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def _has_bnode(graph: Graph) -> bool:
    return any(isinstance(term, BNode) for triple in graph for term in triple)


def same_graph(a: Graph, b: Graph) -> bool:
    if len(a) != len(b):
        return False
    if not _has_bnode(a) and not _has_bnode(b):
        return set(a) == set(b)
    return isomorphic(a, b)


def canonical_decimal(term):
    """``"41"^^xsd:decimal`` → ``"41.0"^^xsd:decimal`` (the XSD canonical form; other terms unchanged).

    rdflib's Turtle/TriG writer prints a decimal as ``41.0`` whatever its lexical form, while
    N-Quads and JSON-LD keep the emitter's ``"41"``: the same value, but another RDF term
    (see :func:`test_decimals_are_the_same_terms_in_every_format`).
    """
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        text = format(Decimal(str(term)), "f")
        if "." not in text:
            text += ".0"
        return Literal(text, datatype=XSD.decimal)
    return term


def decimals_canonical(graphs: GraphsByName) -> GraphsByName:
    result: GraphsByName = {}
    for name, graph in graphs.items():
        result[name] = Graph()
        for s, p, o in graph:
            result[name].add((s, p, canonical_decimal(o)))
    return result


def assert_same(a: GraphsByName, b: GraphsByName, what: str, *, strict: bool = False) -> None:
    if not strict:
        a, b = decimals_canonical(a), decimals_canonical(b)
    assert sorted(a) == sorted(b), f"{what}: named graphs differ: {sorted(set(a) ^ set(b))[:5]}"
    for name in sorted(a):
        if not same_graph(a[name], b[name]):
            left, right = to_isomorphic(a[name]), to_isomorphic(b[name])
            only_a = sorted(set(left) - set(right))[:3]
            only_b = sorted(set(right) - set(left))[:3]
            pytest.fail(f"{what}: graph {name} differs ({len(a[name])} vs {len(b[name])} triples); "
                        f"only in the first: {only_a}; only in the second: {only_b}")


# ---------------------------------------------------------------------------
# Where the files are
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["graph", "small-build"])
def folder(request: pytest.FixtureRequest) -> Path:
    if request.param == "graph":
        if not (GRAPH_DIR / "dataset.trig").exists():
            pytest.skip("graph/ has not been built (python build_graph.py)")
        return GRAPH_DIR
    baseline: Finished = request.getfixturevalue("baseline")
    return baseline.out


@pytest.fixture(scope="module")
def readings(folder: Path) -> dict[str, GraphsByName]:
    """Each dataset file as rdflib reads it (shared by the consistency tests)."""
    return {name: read_rdflib(folder / name, fmt) for name, (fmt, _, _) in FORMATS.items()}


# ---------------------------------------------------------------------------
# Each file: another parser reads the same graphs
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FORMATS))
def test_pyoxigraph_reads_every_file(folder: Path, readings: dict[str, GraphsByName], name: str) -> None:
    ours = readings[name]
    theirs = read_oxigraph(folder / name, FORMATS[name][1])
    if FORMATS[name][0] == "turtle":
        theirs = {DEFAULT: union(theirs)}
    assert_same(ours, theirs, f"{folder.name}/{name}: rdflib vs pyoxigraph")


@needs_rapper
@pytest.mark.parametrize("name", sorted(n for n, f in FORMATS.items() if f[2]))
def test_rapper_reads_every_file(folder: Path, readings: dict[str, GraphsByName], name: str) -> None:
    ours = readings[name]
    theirs = read_rapper(folder / name, FORMATS[name][2])
    if FORMATS[name][0] == "turtle":
        theirs = {DEFAULT: union(theirs)}
    assert_same(ours, theirs, f"{folder.name}/{name}: rdflib vs rapper")


@pytest.mark.parametrize("name", ["ontology.ttl", "shapes.ttl"])
def test_hand_written_turtle_reads_the_same_everywhere(name: str) -> None:
    path = ROOT / name
    ours = read_rdflib(path, "turtle")
    assert_same(ours, {DEFAULT: union(read_oxigraph(path, ox.RdfFormat.TURTLE))}, f"{name}: rdflib vs pyoxigraph")
    if RAPPER is not None:
        assert_same(ours, {DEFAULT: union(read_rapper(path, "turtle"))}, f"{name}: rdflib vs rapper")


# ---------------------------------------------------------------------------
# The files agree with each other
# ---------------------------------------------------------------------------

def test_trig_nquads_and_jsonld_hold_one_dataset(folder: Path, readings: dict[str, GraphsByName]) -> None:
    trig = readings["dataset.trig"]
    assert DEFAULT not in trig, "every triple belongs to a named graph"
    assert_same(trig, readings["dataset.nq"], f"{folder.name}: dataset.trig vs dataset.nq")
    assert_same(trig, readings["dataset.jsonld"], f"{folder.name}: dataset.trig vs dataset.jsonld")


def test_decimals_are_the_same_terms_in_every_format(folder: Path, readings: dict[str, GraphsByName]) -> None:
    if not any(isinstance(o, Literal) and o.datatype == XSD.decimal
               for g in readings["dataset.nq"].values() for o in g.objects()):
        pytest.skip("no xsd:decimal in this dataset")
    assert_same(readings["dataset.trig"], readings["dataset.nq"], f"{folder.name}: dataset.trig vs dataset.nq",
                strict=True)


def test_union_is_the_union_of_the_named_graphs(folder: Path, readings: dict[str, GraphsByName]) -> None:
    assert_same({DEFAULT: union(readings["dataset.trig"])}, readings["union.ttl"],
                f"{folder.name}: union of dataset.trig vs union.ttl")


def test_void_file_is_the_void_graph(folder: Path, readings: dict[str, GraphsByName]) -> None:
    void = readings["dataset.trig"]["https://w3id.org/resdip/graph/void"]
    assert_same({DEFAULT: void}, readings["void.ttl"], f"{folder.name}: void graph vs void.ttl")


def test_ontology_graph_is_ontology_ttl(folder: Path, readings: dict[str, GraphsByName]) -> None:
    onto = readings["dataset.trig"]["https://w3id.org/resdip/graph/ontology"]
    assert_same({DEFAULT: onto}, read_rdflib(ROOT / "ontology.ttl", "turtle"),
                f"{folder.name}: ontology graph vs ontology.ttl")
