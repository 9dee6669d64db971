"""rdflib → pyoxigraph: the dataset as Oxigraph quads, in one deterministic order (and terms back).

rdflib stays the API the emitter builds with; Oxigraph serialises (about 50× faster than
rdflib's writers here) and answers queries. Quads come sorted by graph, subject, predicate
and object, so every file written from them is byte-identical from one build to the next.
"""

from __future__ import annotations

from typing import Any, Callable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef


def term(node: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdflib_term(node: Any) -> URIRef | BNode | Literal:
    """An Oxigraph term as rdflib's (the inverse of :func:`term`: a plain string stays plain)."""
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        if node.datatype.value == _XSD_STRING:
            return Literal(node.value)
        return Literal(node.value, datatype=URIRef(node.datatype.value))
    raise TypeError(f"not an RDF term: {node!r}")


def converter() -> Callable[[Any], tuple[str, Any]]:
    """``node -> (N-Triples text, Oxigraph term)``, each distinct node converted and written once
    (predicates, graphs and subjects recur)."""
    seen: dict[Any, tuple[str, Any]] = {}

    def convert(node: Any) -> tuple[str, Any]:
        found = seen.get(node)
        if found is None:
            converted = term(node)
            found = seen[node] = (str(converted), converted)
        return found

    return convert


def triples(graph: Any) -> list[ox.Triple]:
    """The triples of an rdflib graph as Oxigraph triples, unsorted."""
    convert = converter()
    return [ox.Triple(convert(s)[1], convert(p)[1], convert(o)[1]) for s, p, o in graph]


def quads(dataset: Dataset) -> list[ox.Quad]:
    """Every quad of the named graphs, sorted (graph, subject, predicate, object)."""
    convert = converter()
    keyed = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        (gk, gt), (sk, st), (pk, pt), (ok, ot) = convert(getattr(g, "identifier", g)), convert(s), convert(p), convert(o)
        keyed.append(((gk, sk, pk, ok), ox.Quad(st, pt, ot, gt)))
    keyed.sort(key=lambda item: item[0])
    return [quad for _, quad in keyed]
