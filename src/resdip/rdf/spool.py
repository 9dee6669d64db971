"""Graphs on disk while a build runs: sorted N-Triples runs, merged as streams.

Each document (or part of a long document) is emitted, validated and written by the process
that read it as one *run*: a file of N-Triples lines sorted by code point, each line once. The
build never holds the dataset in memory; the graph files are written by merging runs
(:func:`merged`), which keeps one line per run in memory.

Sorting whole lines orders triples by subject, predicate and object as the terms' N-Triples
forms compare: a term never contains a space, except inside a literal, and a literal is always
the last term of its line, so the first term that differs decides (a term that is a prefix of
another is followed by a space, which sorts before every character that can extend a term).
"""

from __future__ import annotations

import heapq
import os
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph

from . import oxquads

#: Runs are read and written in blocks of this many bytes.
BUFFER = 1 << 20


@dataclass(frozen=True)
class Run:
    """One sorted N-Triples file of a named graph; ``triples``: its line count."""

    graph: str  # the graph's IRI
    path: Path
    triples: int


def graph_lines(graph: Graph | Iterable[tuple[Any, Any, Any]]) -> list[str]:
    """The triples of an rdflib graph (or any rdflib triples) as sorted, unique N-Triples lines
    (Oxigraph's writer)."""
    return sorted_lines(ox.serialize(oxquads.triples(graph), format=ox.RdfFormat.N_TRIPLES))


def sorted_lines(ntriples: bytes) -> list[str]:
    """N-Triples text as its lines (each ending in a newline), sorted, each once."""
    # Split on "\n" only: a literal may hold U+2028 or U+0085, which str.splitlines would cut at.
    text = ntriples.decode("utf-8")
    return sorted({line + "\n" for line in text.split("\n") if line})


def write_lines(lines: Iterable[str], path: Path) -> int:
    """Write lines (each ending in a newline) to a file; return how many."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n", buffering=BUFFER) as handle:
        for line in lines:
            handle.write(line)
            count += 1
    return count


def spooled(lines: Iterable[str], path: Path) -> Iterator[str]:
    """``lines``, each also written to the file ``path`` as it goes by."""
    with open(path, "w", encoding="utf-8", newline="\n", buffering=BUFFER) as handle:
        for line in lines:
            handle.write(line)
            yield line


def write_run(graph_iri: str, lines: list[str], path: Path) -> Run:
    """Write sorted lines as a run file."""
    return Run(graph_iri, Path(path), write_lines(lines, path))


def merge_runs(runs: list[Run], path: Path) -> Run:
    """Runs of one graph (the parts of a long document) merged into one run at ``path``; the
    merged files are removed. A single run is returned as it is."""
    if len(runs) == 1:
        return runs[0]
    merged_run = Run(runs[0].graph, Path(path), write_lines(merged(run.path for run in runs), path))
    remove(runs)
    return merged_run


def run_graph(path: Path) -> Graph:
    """A run read back into an rdflib graph (Oxigraph parses, its terms made rdflib's)."""
    graph = Graph()
    add = graph.add
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES):
        add((oxquads.rdflib_term(triple.subject), oxquads.rdflib_term(triple.predicate),
             oxquads.rdflib_term(triple.object)))
    return graph


def read_run(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", newline="\n", buffering=BUFFER) as handle:
        yield from handle


def merged(paths: Iterable[Path]) -> Iterator[str]:
    """The lines of sorted runs as one sorted stream, each line once."""
    return merge_lines(read_run(p) for p in paths)


def merge_lines(sources: Iterable[Iterable[str]]) -> Iterator[str]:
    """Sorted streams of lines as one sorted stream, each line once."""
    previous = None
    for line in heapq.merge(*sources):
        if line != previous:
            yield line
            previous = line


def by_graph(runs: Iterable[Run]) -> list[tuple[str, list[Run]]]:
    """Runs grouped by graph, graphs in the order their N-Quads lines sort."""
    ordered = sorted(runs, key=lambda run: f"<{run.graph}>")
    return [(graph, list(group)) for graph, group in groupby(ordered, key=lambda run: run.graph)]


def quad_line(triple_line: str, graph_term: str) -> str:
    """An N-Triples line (``s p o .\\n``) as the N-Quads line of the same triple in ``graph_term``."""
    return f"{triple_line[:-3]} {graph_term} .\n"


def split_line(line: str) -> tuple[str, str, str]:
    """Subject, predicate and object of an N-Triples line, as N-Triples terms."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-3]


def remove(runs: Iterable[Run]) -> None:
    for run in runs:
        try:
            os.unlink(run.path)
        except FileNotFoundError:
            pass
