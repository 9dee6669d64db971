"""The build: source documents in, ``graph/`` out.

Stages, each a plain function of its own module, composed here in order:
load → normalise and segment → recognise and extract → emit → describe →
validate → project → write (graph files, page, exports, pictures, docs).
Nothing is written until every stage has succeeded; then the outputs move
into place file by file (see :mod:`resdip.outputs`).
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import Dataset

from . import __version__, paths
from .emit import DocumentRecord, emit_dataset
from .extract.document import DocumentInfo, Extraction, Unread, extract_document
from .facts import FactCollection
from .outputs import check_writable, staged_outputs
from .records import document_record, entity_labels
from .registry import Registry, load_registry
from .registry_rdf import registry_graph
from .serialise import write_dataset_files
from .sources import SourceMeta, load_sources, source_for
from .text import parse_document, read_text


@dataclass
class BuildReport:
    """What a build did: counts for the summary line, sentences left unread."""

    documents: int = 0
    sentences: int = 0
    facts: int = 0
    triples: int = 0
    entities: int = 0
    unread: list[tuple[str, Unread]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


Progress = Callable[[str], None]
#: Subfolders of the output folder that hold only what the build makes (stale files there go).
VIEW_FOLDERS = ("analysis", "exports", "pictures")


def _quiet(message: str) -> None:
    pass


def select_sources(files: list[str] | None) -> list[SourceMeta]:
    """The sources listed in ``sources/sources.json``, or metadata for the given files."""
    if not files:
        return load_sources()
    return [source_for(f) for f in files]


@dataclass
class DocumentResult:
    """One document read: what the emitter needs and what the build report counts."""

    record: DocumentRecord
    facts: FactCollection
    sentences: int
    unread: list[Unread]
    warnings: list[str]


def read_document(meta: SourceMeta, registry: Registry) -> DocumentResult:
    """Load, segment and extract one source document."""
    warnings: list[str] = []
    loaded = read_text(meta.file)
    if loaded.encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"{meta.file}: decoded from {loaded.encoding}")
    doc = parse_document(loaded.text, doc_id=meta.id, layout=meta.layout)
    info = DocumentInfo(meta.id, meta.date or meta.issued, meta.voice)
    extraction: Extraction = extract_document(doc, info, registry)
    if not extraction.mentions:
        warnings.append(f"{meta.file}: no recognisable entity found")
    if not meta.licence:
        warnings.append(f"{meta.file}: no licence given (add it to sources/sources.json or {meta.file.stem}.json)")
    return DocumentResult(document_record(meta, doc, extraction), extraction.facts, extraction.sentences,
                          extraction.unread, warnings)


def default_jobs() -> int:
    """Processes for reading documents: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_worker_registry: Registry | None = None


def _start_worker(registry: Registry) -> None:
    global _worker_registry
    _worker_registry = registry


def _read_in_worker(meta: SourceMeta) -> DocumentResult:
    if _worker_registry is None:
        raise RuntimeError("worker process started without a registry")
    return read_document(meta, _worker_registry)


def _read_here(sources: list[SourceMeta], registry: Registry, progress: Progress):
    for meta in sources:
        progress(f"reading {meta.file.name}")
        yield read_document(meta, registry)


def read_documents(sources: list[SourceMeta], registry: Registry, report: BuildReport,
                   progress: Progress, jobs: int | None = None) -> tuple[list[DocumentRecord], dict[str, FactCollection]]:
    """Load, segment and extract every source document.

    With ``jobs`` > 1 (default: one per core) the documents are read by that many
    processes, one task per document; results are merged in source order, so
    the outputs do not depend on ``jobs``. ``jobs=1`` reads in this process.
    """
    records: list[DocumentRecord] = []
    facts: dict[str, FactCollection] = {}
    workers = min(default_jobs() if jobs is None else max(1, jobs), len(sources))
    pool = None
    if workers > 1:
        progress(f"reading {len(sources)} documents in {workers} processes")
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(registry,))
        results = pool.map(_read_in_worker, sources)
    else:
        results = _read_here(sources, registry, progress)
    try:
        for meta, result in zip(sources, results):
            if pool is not None:
                progress(f"read {meta.file.name}")
            records.append(result.record)
            facts[meta.id] = result.facts
            report.documents += 1
            report.sentences += result.sentences
            report.facts += len(result.facts)
            report.unread.extend((meta.id, u) for u in result.unread)
            report.warnings.extend(result.warnings)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return records, facts


def assemble(sources: list[SourceMeta], registry: Registry, report: BuildReport, progress: Progress,
             jobs: int | None = None) -> Dataset:
    """The whole dataset (ontology, registry, documents, description) in memory."""
    from .describe import describe

    records, facts = read_documents(sources, registry, report, progress, jobs)
    progress("emitting RDF")
    labels = entity_labels(registry, records)
    dataset = emit_dataset(records, facts, registry_graph(registry), paths.ONTOLOGY, labels)
    description = describe(dataset, sources, __version__)
    void = dataset.graph(_void_graph())
    for triple in description:
        void.add(triple)
    report.triples = len(dataset)
    report.entities = len({e for r in records for e in r.entities}) + len(registry.entities)
    return dataset


def _void_graph():
    from rdflib import URIRef

    from .vocab import GRAPH

    return URIRef(f"{GRAPH}void")


def build(files: list[str] | None = None, out_dir: Path = paths.GRAPH_DIR, *, validate: bool = True,
          progress: Progress = _quiet, jobs: int | None = None) -> BuildReport:
    """Build the graph and everything made from it into ``out_dir``.

    ``jobs``: processes reading the documents (default: one per core; 1 = this process).
    """
    report = BuildReport()
    check_writable(out_dir)
    sources = select_sources(files)
    registry = load_registry()
    dataset = assemble(sources, registry, report, progress, jobs)
    if validate:
        from .validate import validate as run_shacl

        progress("validating against shapes.ttl")
        run_shacl(dataset)
    progress("writing outputs")
    with staged_outputs(out_dir, owned=VIEW_FOLDERS) as stage:
        quads = write_dataset_files(dataset, stage)
        del dataset  # the views read the quads: the rdflib dataset (gigabytes at scale) can go
        write_views(quads, stage, progress)
    return report


def write_views(dataset: Dataset | list, stage: Path, progress: Progress) -> None:
    """The page, exports, pictures, analysis and ontology documentation.

    ``dataset``: anything :func:`resdip.projection.index` reads (the build passes the sorted
    Oxigraph quads that ``write_dataset_files`` returns).
    """
    from .analysis import write_analysis
    from .exports import write_exports
    from .ontodoc import write_ontology_doc
    from .layout import layout
    from .page import render_page
    from .pictures import write_pictures
    from .projection import index, labels, project, quotes

    store = index(dataset)  # the dataset read once for the projection, quotes and labels
    network = project(store)
    positions = layout(network)  # one layout for the page and the network picture
    progress("drawing the network page")
    render_page(network, quotes(store), stage / "network.html", aliases=labels(store), positions=positions)
    write_exports(network, stage / "exports")
    progress("drawing pictures")
    write_pictures(network, stage / "pictures", positions)
    write_analysis(network, stage / "analysis")
    write_ontology_doc(paths.ONTOLOGY, stage / "ontology.html")


def stderr_progress(message: str) -> None:
    print(f"resdip: {message}", file=sys.stderr, flush=True)
