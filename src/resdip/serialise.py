"""The dataset's files in ``graph/``: TriG, N-Quads, Turtle union, JSON-LD, VoID.

Every file is written from a graph whose triples were added in a
deterministic order, and the line-based N-Quads file is sorted, so two builds
of the same inputs give byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .outputs import write_text_atomic
from .vocab import GRAPH, bind_prefixes

DATASET_TRIG = "dataset.trig"
DATASET_NQ = "dataset.nq"
UNION_TTL = "union.ttl"
DATASET_JSONLD = "dataset.jsonld"
CONTEXT_JSONLD = "context.jsonld"
VOID_TTL = "void.ttl"


def jsonld_context(graph: Graph) -> dict[str, object]:
    """A JSON-LD context with the dataset's prefixes (sorted, stable)."""
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    return {"@context": dict(sorted(prefixes.items()))}


def union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    bind_prefixes(union)
    for s, p, o, _ in sorted(dataset.quads((None, None, None, None))):
        union.add((s, p, o))
    return union


def _sorted_nquads(dataset: Dataset) -> str:
    text = dataset.serialize(format="nquads")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + "\n"


def trig(dataset: Dataset) -> str:
    """TriG with the named graphs in IRI order (rdflib's own order follows the hash seed)."""
    header: set[str] = set()
    bodies: list[str] = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        one = Dataset()
        bind_prefixes(one)
        named = one.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
        lines = one.serialize(format="trig").splitlines()
        header.update(line for line in lines if line.startswith("@prefix"))
        bodies.append("\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n"))
    return "\n".join(sorted(header)) + "\n\n" + "\n\n".join(bodies) + "\n"


def write_dataset_files(dataset: Dataset, out_dir: Path) -> None:
    """Write every serialisation of the dataset into ``out_dir``."""
    out_dir = Path(out_dir)
    write_text_atomic(out_dir / DATASET_TRIG, trig(dataset))
    write_text_atomic(out_dir / DATASET_NQ, _sorted_nquads(dataset))
    union = union_graph(dataset)
    write_text_atomic(out_dir / UNION_TTL, union.serialize(format="turtle"))
    context = jsonld_context(union)
    write_text_atomic(out_dir / CONTEXT_JSONLD, json.dumps(context, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    jsonld = dataset.serialize(format="json-ld", context=context["@context"], auto_compact=True)
    write_text_atomic(out_dir / DATASET_JSONLD, _stable_json(jsonld))
    void = dataset.graph(URIRef(f"{GRAPH}void"))
    void_out = Graph()
    bind_prefixes(void_out)
    for triple in sorted(void):
        void_out.add(triple)
    write_text_atomic(out_dir / VOID_TTL, void_out.serialize(format="turtle"))


def _stable_json(text: str) -> str:
    """Re-dump JSON-LD with sorted keys and lists (the context stays inline, as in context.jsonld)."""
    data = json.loads(text)
    return json.dumps(_sort_lists(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sort_lists(node: object) -> object:
    if isinstance(node, dict):
        return {k: _sort_lists(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sort_lists(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return node
