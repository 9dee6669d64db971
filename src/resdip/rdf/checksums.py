"""A checksum per named graph, stated in the dataset's VoID description and read back from it.

The checksum of a graph is the SHA-256 of its triples as N-Triples lines (Oxigraph's writer),
sorted by code point, each once, each ending in a newline: the run file the build writes for the
graph (see :mod:`resdip.rdf.spool`), so two builds of the same inputs give the same checksums. The
description states it with the SPDX terms DCAT 3 uses for distributions::

    <…/graph/registry> spdx:checksum <…/dataset#checksum-registry> .
    <…/dataset#checksum-registry> a spdx:Checksum ;
        spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue "9f86…" .

``resdip publish --only-changed`` compares these with the description a store already holds.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataFileError
from .spool import sorted_lines

SPDX = "http://spdx.org/rdf/terms#"
SHA256 = f"{SPDX}checksumAlgorithm_sha256"
DATASET = "https://w3id.org/resdip/dataset"

_READ = f"""
PREFIX spdx: <{SPDX}>
SELECT ?graph ?value WHERE {{
  ?graph spdx:checksum ?checksum .
  ?checksum spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?value .
}}"""


def checksum_of_lines(lines: Iterable[str]) -> str:
    """SHA-256 (hex) of N-Triples lines already sorted and unique, each ending in a newline."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def checksum_of_file(path: Path) -> str:
    """SHA-256 (hex) of a run file (sorted, unique N-Triples lines)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def graph_bodies(dataset: Path) -> dict[str | None, bytes]:
    """Each graph of a TriG file (None: the default graph) as N-Triples in checksum order.

    Read with the parser, not through a store: Oxigraph's store (like Virtuoso) keeps an
    ``xsd:nonNegativeInteger`` as an ``xsd:integer``, and a store is to get the file as it is.
    """
    triples: dict[str | None, list[ox.Triple]] = defaultdict(list)
    try:
        for quad in ox.parse(path=str(dataset), format=ox.RdfFormat.TRIG):
            graph = quad.graph_name
            key = graph.value if isinstance(graph, ox.NamedNode) else None
            triples[key].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    except SyntaxError as exc:
        raise DataFileError(f"{dataset}: {' '.join(str(exc).split())}") from None
    return {name: "".join(sorted_lines(ox.serialize(found, format=ox.RdfFormat.N_TRIPLES))).encode("utf-8")
            for name, found in triples.items()}


def checksum_node(graph: str) -> str:
    """The IRI of the checksum of ``graph``: ``…/dataset#checksum-<last path segment>-<8 hex>``."""
    local = "".join(c if c.isalnum() or c in "-_" else "-" for c in graph.rstrip("/").rsplit("/", 1)[-1])
    return f"{DATASET}#checksum-{local}-{hashlib.sha1(graph.encode('utf-8')).hexdigest()[:8]}"


def stated_checksums(description: ox.Store) -> dict[str, str]:
    """Graph IRI → SHA-256 as a VoID description (any graph of ``description``) states them."""
    found: dict[str, str] = {}
    for solution in description.query(_READ, use_default_graph_as_union=True):
        graph, value = solution["graph"], solution["value"]
        if isinstance(graph, ox.NamedNode) and isinstance(value, ox.Literal):
            found[graph.value] = value.value
    return found
