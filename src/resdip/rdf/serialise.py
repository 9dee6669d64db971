"""The dataset's files in ``graph/``: N-Quads, TriG, Turtle union, JSON-LD, VoID.

They are written from the build's runs (:mod:`resdip.rdf.spool`): one sorted file of N-Triples
lines per named graph. Graphs come in the order of their IRIs, triples sorted by subject,
predicate and object, so two builds of the same inputs give byte-identical files. Every file
is written as a stream (Oxigraph parses and writes, Python merges lines), so memory does not
grow with the dataset.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..cache import Cache
from . import spool
from .spool import Run
from ..vocab import GRAPH, bind_prefixes

DATASET_TRIG = "dataset.trig"
DATASET_NQ = "dataset.nq"
UNION_TTL = "union.ttl"
DATASET_JSONLD = "dataset.jsonld"
CONTEXT_JSONLD = "context.jsonld"
VOID_TTL = "void.ttl"
VOID_GRAPH = f"{GRAPH}void"
#: Lines of N-Triples given to Oxigraph's JSON-LD writer at a time (cut between subjects).
JSONLD_BATCH = 20_000


def prefixes() -> dict[str, str]:
    """The project's prefixes (docs/MODEL.md), sorted."""
    bound = bind_prefixes(Graph(bind_namespaces="none"))
    return {prefix: str(ns) for prefix, ns in sorted(bound.namespaces()) if prefix}


def jsonld_context() -> dict[str, object]:
    """The JSON-LD context: the project's prefixes."""
    return {"@context": prefixes()}


def write_nquads(graphs: list[Run], path: Path, append: bool = False) -> None:
    """N-Quads: each graph's lines in turn (``graphs``: one run per graph, in graph order), at the
    end of the file with ``append``."""
    with open(path, "a" if append else "w", encoding="utf-8", newline="\n", buffering=spool.BUFFER) as out:
        for run in graphs:
            name = f"<{run.graph}>"
            out.writelines(spool.quad_line(line, name) for line in spool.read_run(run.path))


def _oxigraph_text(source: Path, fmt: ox.RdfFormat, target: Path, out_format: ox.RdfFormat) -> None:
    """Re-write an N-Triples/N-Quads file in another syntax, streaming, ending with a newline."""
    with open(target, "wb") as out:
        ox.serialize(ox.parse(path=str(source), format=fmt), out, format=out_format, prefixes=prefixes())
    _end_with_newline(target)


def _end_with_newline(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            handle.write(b"\n")
            return
        handle.seek(-1, 2)
        if handle.read(1) != b"\n":
            handle.write(b"\n")


def _subject_batches(lines: Iterable[str], size: int = JSONLD_BATCH) -> Iterator[list[str]]:
    """Lists of lines of about ``size``, never cutting a subject's lines apart."""
    batch: list[str] = []
    subject = ""
    for line in lines:
        head = line[: line.index(" ")]
        if len(batch) >= size and head != subject:
            yield batch
            batch = []
        batch.append(line)
        subject = head
    if batch:
        yield batch


_SLOT = "\u0000graphs\u0000"


def write_jsonld(graphs: list[Run], path: Path, context: dict[str, object], cache: Cache | None = None,
                 sums: list[str] | None = None) -> None:
    """JSON-LD: ``{"@context": …, "@graph": [{"@id": <graph>, "@graph": [nodes…]}, …]}``.

    One node object (a subject with all its properties) per line, so a diff shows which nodes
    changed. Oxigraph writes the node objects a few thousand triples at a time. A graph's node
    objects depend on its triples alone: with a ``cache``, those of a graph whose run is unchanged
    (the same SHA-256; ``sums``: the runs', if known) are taken from it.
    """
    frame = json.dumps({"@context": context["@context"], "@graph": [_SLOT] if graphs else []},
                       ensure_ascii=False, indent=1)
    head, _, tail = frame.partition("  " + json.dumps(_SLOT))
    with open(path, "w", encoding="utf-8", newline="\n", buffering=spool.BUFFER) as out:
        out.write(head)
        for g, run in enumerate(graphs):
            out.write(("" if g == 0 else ",\n") + f'  {{\n   "@id": {json.dumps(run.graph, ensure_ascii=False)},\n   "@graph": [\n')
            out.write(_jsonld_nodes(run, cache, sums[g] if sums else None) if cache else "".join(_node_lines(run)))
            out.write("\n   ]\n  }")
        out.write(tail + "\n")


def _node_lines(run: Run) -> Iterator[str]:
    first = True
    for batch in _subject_batches(spool.read_run(run.path)):
        data = "".join(batch).encode("utf-8")
        nodes = json.loads(ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.JSON_LD))
        for node in nodes:
            yield ("    " if first else ",\n    ") + json.dumps(node, ensure_ascii=False)
            first = False


def run_sha256(run: Run) -> str:
    digest = hashlib.sha256()
    with open(run.path, "rb") as handle:
        for block in iter(lambda: handle.read(spool.BUFFER), b""):
            digest.update(block)
    return digest.hexdigest()


def _jsonld_nodes(run: Run, cache: Cache, sha256: str | None = None) -> str:
    """The node objects of one graph, from the cache when its run is unchanged."""
    key = cache.key("json-ld nodes", run.graph, sha256 or run_sha256(run))
    loaded = cache.load("runs", key, {"jsonld"}) if cache.has("runs", key) else None
    if loaded is not None:
        return loaded[0]["jsonld"].decode("utf-8")
    text = "".join(_node_lines(run))
    cache.put("runs", key, {"jsonld": text.encode("utf-8")})
    return text


def _trig_head() -> bytes:
    """What Oxigraph's TriG writer puts before the first graph: the prefixes."""
    quad = ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o"), ox.NamedNode("urn:g"))
    text = ox.serialize([quad], format=ox.RdfFormat.TRIG, prefixes=prefixes())
    return text[: text.index(b"<urn:g>")]


def write_trig(graphs: list[Run], path: Path, cache: Cache, sums: list[str]) -> None:
    """TriG from the runs, each graph's block (all Oxigraph writes for the graph after the prefixes)
    taken from ``cache`` when the graph's run is unchanged (``sums``: the runs' SHA-256), else
    written by Oxigraph and kept: the same bytes as Oxigraph writing the dataset at once."""
    head = _trig_head()
    with open(path, "wb") as out:
        for run, sha256 in zip(graphs, sums):  # one block in memory at a time
            block = _trig_block(run, cache, sha256, head)
            if block and out.tell() == 0:
                out.write(head)
            out.write(block)
    _end_with_newline(path)


def _trig_block(run: Run, cache: Cache, sha256: str, head: bytes) -> bytes:
    key = cache.key("trig block", run.graph, sha256)
    loaded = cache.load("runs", key, {"trig"}) if cache.has("runs", key) else None
    if loaded is not None:
        return loaded[0]["trig"]
    name = f"<{run.graph}>"
    quads = "".join(spool.quad_line(line, name) for line in spool.read_run(run.path)).encode("utf-8")
    text = ox.serialize(ox.parse(quads, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG, prefixes=prefixes())
    if text and not text.startswith(head):
        raise RuntimeError(f"Oxigraph's TriG for {run.graph} does not open with the prefixes")
    block = text[len(head):] if text else b""
    cache.put("runs", key, {"trig": block})
    return block


def write_graph_files(graphs: list[Run], void: Run, out_dir: Path, work_dir: Path,
                      progress: Callable[[str], None] = lambda message: None, cache: Cache | None = None,
                      union: Path | None = None) -> None:
    """Every serialisation of the dataset but ``dataset.nq`` (:func:`write_nquads`) into ``out_dir``.

    ``graphs``: one run per named graph (the description ``void`` among them), in graph order;
    ``work_dir``: where the union of the graphs is spooled while it is written; ``union``: the
    union of every graph but the description, if the caller has it already (sorted N-Triples, each
    triple once; removed when used).
    """
    out_dir = Path(out_dir)
    progress(f"writing {DATASET_TRIG}")
    sums = [run_sha256(run) for run in graphs] if cache else None
    if cache and sums is not None:
        write_trig(graphs, out_dir / DATASET_TRIG, cache, sums)
    else:  # from dataset.nq, which it needs
        _oxigraph_text(out_dir / DATASET_NQ, ox.RdfFormat.N_QUADS, out_dir / DATASET_TRIG, ox.RdfFormat.TRIG)
    progress(f"writing {UNION_TTL}")
    merged = Path(work_dir) / "union-all.nt"
    parts = [union, void.path] if union is not None else [run.path for run in graphs]
    spool.write_lines(spool.merged(parts), merged)
    _oxigraph_text(merged, ox.RdfFormat.N_TRIPLES, out_dir / UNION_TTL, ox.RdfFormat.TURTLE)
    merged.unlink()
    if union is not None:
        union.unlink()
    _oxigraph_text(void.path, ox.RdfFormat.N_TRIPLES, out_dir / VOID_TTL, ox.RdfFormat.TURTLE)
    context = jsonld_context()
    (out_dir / CONTEXT_JSONLD).write_text(json.dumps(context, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    progress(f"writing {DATASET_JSONLD}")
    write_jsonld(graphs, out_dir / DATASET_JSONLD, context, cache, sums)
