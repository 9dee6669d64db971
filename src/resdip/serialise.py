"""The dataset's files in ``graph/``: TriG, N-Quads, Turtle union, JSON-LD, VoID.

Oxigraph writes them from the dataset's quads sorted by graph, subject, predicate
and object, with the project's prefixes, so two builds of the same inputs give
byte-identical files.
"""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from . import oxquads
from .outputs import write_text_atomic
from .vocab import GRAPH, bind_prefixes

DATASET_TRIG = "dataset.trig"
DATASET_NQ = "dataset.nq"
UNION_TTL = "union.ttl"
DATASET_JSONLD = "dataset.jsonld"
CONTEXT_JSONLD = "context.jsonld"
VOID_TTL = "void.ttl"
VOID_GRAPH = f"{GRAPH}void"


def prefixes() -> dict[str, str]:
    """The project's prefixes (docs/MODEL.md), sorted."""
    bound = bind_prefixes(Graph(bind_namespaces="none"))
    return {prefix: str(ns) for prefix, ns in sorted(bound.namespaces()) if prefix}


def jsonld_context() -> dict[str, object]:
    """The JSON-LD context: the project's prefixes."""
    return {"@context": prefixes()}


def _triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    """The union of the graphs: each triple once, sorted."""
    unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _text(data: bytes) -> str:
    text = data.decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


_SLOT = "\u0000graphs\u0000"


def _jsonld(quads: list[ox.Quad], context: dict[str, object]) -> str:
    """The JSON-LD document, one named graph at a time (quads sorted by graph).

    The same text as ``json.dumps({"@context": …, "@graph": <Oxigraph's JSON-LD>}, indent=1)``,
    without holding the whole dataset as Python objects: each graph's object is parsed and
    written alone, indented to its place in the document.
    """
    parts = []
    for _, group in groupby(quads, key=lambda q: q.graph_name):
        (graph,) = json.loads(ox.serialize(list(group), format=ox.RdfFormat.JSON_LD))
        text = json.dumps(graph, ensure_ascii=False, indent=1)
        parts.append("\n".join("  " + line for line in text.split("\n")))
    if not parts:
        return json.dumps({"@context": context["@context"], "@graph": []}, ensure_ascii=False, indent=1) + "\n"
    frame = json.dumps({"@context": context["@context"], "@graph": [_SLOT]}, ensure_ascii=False, indent=1)
    slot = "  " + json.dumps(_SLOT, ensure_ascii=False)
    return frame.replace(slot, ",\n".join(parts), 1) + "\n"


def write_dataset_files(dataset: Dataset, out_dir: Path) -> list[ox.Quad]:
    """Write every serialisation of the dataset into ``out_dir``; return its quads, sorted."""
    out_dir = Path(out_dir)
    quads = oxquads.quads(dataset)
    names = prefixes()
    write_text_atomic(out_dir / DATASET_TRIG, _text(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=names)))
    write_text_atomic(out_dir / DATASET_NQ, _text(ox.serialize(quads, format=ox.RdfFormat.N_QUADS)))
    union = _triples(quads)
    write_text_atomic(out_dir / UNION_TTL, _text(ox.serialize(union, format=ox.RdfFormat.TURTLE, prefixes=names)))
    context = jsonld_context()
    write_text_atomic(out_dir / CONTEXT_JSONLD, json.dumps(context, ensure_ascii=False, indent=2) + "\n")
    write_text_atomic(out_dir / DATASET_JSONLD, _jsonld(quads, context))
    void = [ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name.value == VOID_GRAPH]
    write_text_atomic(out_dir / VOID_TTL, _text(ox.serialize(void, format=ox.RdfFormat.TURTLE, prefixes=names)))
    return quads
