"""dataset.trig from cached blocks: each graph's block kept under its run's SHA-256 and put together
with Oxigraph's prefixes gives the very bytes Oxigraph writes for the whole dataset at once."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import pyoxigraph as ox

from resdip.cache import Cache
from resdip.rdf import spool
from resdip.rdf.serialise import _oxigraph_text, run_sha256, write_nquads, write_trig
from resdip.rdf.spool import Run

DATASET = Path(__file__).parents[1] / "graph" / "dataset.nq"


def _runs(lines: list[str], folder: Path) -> list[Run]:
    """The N-Quads lines as one sorted run per graph (graphs in order), as the build spools them."""
    folder.mkdir(parents=True, exist_ok=True)
    runs = []
    for number, (graph, quads) in enumerate(groupby(lines, key=lambda line: line.rsplit(" ", 2)[1])):
        triples = sorted({line.rsplit(" ", 2)[0] + " .\n" for line in quads})
        runs.append(spool.write_run(graph[1:-1], triples, folder / f"{number:03d}.nt"))
    return runs


def _whole(runs: list[Run], folder: Path) -> bytes:
    write_nquads(runs, folder / "dataset.nq")
    _oxigraph_text(folder / "dataset.nq", ox.RdfFormat.N_QUADS, folder / "whole.trig", ox.RdfFormat.TRIG)
    return (folder / "whole.trig").read_bytes()


def test_trig_from_cached_blocks_is_the_whole_datasets_trig(tmp_path: Path) -> None:
    lines = DATASET.read_text(encoding="utf-8").splitlines(keepends=True)
    runs = _runs(lines, tmp_path / "runs")
    assert len(runs) >= 4  # the document, the ontology, the registry, the description
    whole = _whole(runs, tmp_path)
    cache = Cache(tmp_path / "cache")
    write_trig(runs, tmp_path / "cold.trig", cache, [run_sha256(run) for run in runs])
    assert (tmp_path / "cold.trig").read_bytes() == whole
    again = Cache(tmp_path / "cache")
    write_trig(runs, tmp_path / "warm.trig", again, [run_sha256(run) for run in runs])
    assert (tmp_path / "warm.trig").read_bytes() == whole and again.hits == len(runs)
    # one graph changes (the document loses a triple): its block is written anew, the others reused
    document = next(i for i, run in enumerate(runs) if "/graph/doc/" in run.graph)
    kept = runs[document].path.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    runs[document] = spool.write_run(runs[document].graph, kept, tmp_path / "changed.nt")
    changed = Cache(tmp_path / "cache")
    write_trig(runs, tmp_path / "changed.trig", changed, [run_sha256(run) for run in runs])
    assert (tmp_path / "changed.trig").read_bytes() == _whole(runs, tmp_path)
    assert changed.hits == len(runs) - 1


def test_trig_of_empty_graphs_is_a_blank_line(tmp_path: Path) -> None:
    empty = spool.write_run("https://w3id.org/resdip/graph/doc/empty", [], tmp_path / "empty.nt")
    write_trig([empty], tmp_path / "empty.trig", Cache(tmp_path / "cache"), [run_sha256(empty)])
    assert (tmp_path / "empty.trig").read_bytes() == _whole([empty], tmp_path) == b"\n"
