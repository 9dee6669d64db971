"""The build: source documents in, ``graph/`` out.

Stages, each a plain function of its own module, composed here in order:
load → normalise and segment → recognise and extract → emit → describe →
validate → project → write (graph files, page, exports, pictures, docs).
Nothing is written until every stage has succeeded; then the outputs move
into place file by file (see :mod:`resdip.outputs`).
"""

from __future__ import annotations

import sys
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


def _quiet(message: str) -> None:
    pass


def select_sources(files: list[str] | None) -> list[SourceMeta]:
    """The sources listed in ``sources/sources.json``, or metadata for the given files."""
    if not files:
        return load_sources()
    return [source_for(f) for f in files]


def read_documents(sources: list[SourceMeta], registry: Registry, report: BuildReport,
                   progress: Progress) -> tuple[list[DocumentRecord], dict[str, FactCollection]]:
    """Load, segment and extract every source document."""
    records: list[DocumentRecord] = []
    facts: dict[str, FactCollection] = {}
    for meta in sources:
        progress(f"reading {meta.file.name}")
        loaded = read_text(meta.file)
        if loaded.encoding not in ("utf-8", "utf-8-sig"):
            report.warnings.append(f"{meta.file}: decoded from {loaded.encoding}")
        doc = parse_document(loaded.text, doc_id=meta.id, layout=meta.layout)
        info = DocumentInfo(meta.id, meta.date or meta.issued, meta.voice)
        extraction: Extraction = extract_document(doc, info, registry)
        records.append(document_record(meta, doc, extraction))
        facts[meta.id] = extraction.facts
        report.documents += 1
        report.sentences += extraction.sentences
        report.facts += len(extraction.facts)
        report.unread.extend((meta.id, u) for u in extraction.unread)
        if not extraction.mentions:
            report.warnings.append(f"{meta.file}: no recognisable entity found")
    return records, facts


def assemble(sources: list[SourceMeta], registry: Registry, report: BuildReport, progress: Progress) -> Dataset:
    """The whole dataset (ontology, registry, documents, description) in memory."""
    from .describe import describe

    records, facts = read_documents(sources, registry, report, progress)
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
          progress: Progress = _quiet) -> BuildReport:
    """Build the graph and everything made from it into ``out_dir``."""
    report = BuildReport()
    check_writable(out_dir)
    sources = select_sources(files)
    registry = load_registry()
    dataset = assemble(sources, registry, report, progress)
    if validate:
        from .validate import validate as run_shacl

        progress("validating against shapes.ttl")
        run_shacl(dataset)
    progress("writing outputs")
    with staged_outputs(out_dir) as stage:
        write_dataset_files(dataset, stage)
        write_views(dataset, stage, progress)
    return report


def write_views(dataset: Dataset, stage: Path, progress: Progress) -> None:
    """The page, exports, pictures, analysis and ontology documentation."""
    from .analysis import write_analysis
    from .exports import write_exports
    from .ontodoc import write_ontology_doc
    from .page import render_page
    from .pictures import write_pictures
    from .projection import project, quotes

    network = project(dataset)
    progress("drawing the network page")
    render_page(network, quotes(dataset), stage / "network.html")
    write_exports(network, stage / "exports")
    progress("drawing pictures")
    write_pictures(network, stage / "pictures")
    write_analysis(network, stage / "analysis")
    write_ontology_doc(paths.ONTOLOGY, stage / "ontology.html")


def stderr_progress(message: str) -> None:
    print(f"resdip: {message}", file=sys.stderr, flush=True)
