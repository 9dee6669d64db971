"""One document, or one part of a long one, from its text to a validated run on disk.

This is the work each reading process does (see :mod:`resdip.pipeline.build`): decode, segment, recognise
and extract; emit the document's graph; check it against the shapes (with the registry and the
ontology as context); write it as a sorted run (:mod:`resdip.rdf.spool`). Only counts, the run's
path and what the report shows go back to the build, so the build's memory does not grow with
the corpus.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any
from pathlib import Path

from ..rdf.emit import doc_graph_iri, emit_document_graph
from ..english.labeller import Labeller
from ..extract.document import DocumentInfo, extract_document
from ..extract.facts import fact_id
from ..text.header import complete_meta
from .parts import shift_facts, shift_record
from .records import document_record, entity_labels
from ..registry import Registry
from ..text.sources import SourceMeta
from ..rdf.spool import Run, graph_lines, write_run
from ..text import LoadedText, parse_document
from ..text.formats import read_source
from ..text.pdf import places
from ..text.webpage import elements, quote_context
from ..rdf.validate import GraphValidator, Violation


@dataclass(frozen=True)
class Task:
    """Read characters ``[start, end)`` of a source (the whole text when ``end`` is None)."""

    meta: SourceMeta
    sha256: str
    run_path: Path  # where the run is written
    part: int = 0
    parts: int = 1
    start: int = 0
    end: int | None = None
    layout: str = ""  # the layout found for the whole document ("" = the source's own setting)


@dataclass(frozen=True)
class UnreadSentence:
    """A sentence no rule could read (for ``resdip build --explain``)."""

    raw_start: int
    raw_end: int
    section_path: str
    text: str
    entities: list[str]
    reason: str = ""
    named: int = 0  # entities it names as such (an unread sentence naming two or more is a miss)


@dataclass
class TaskResult:
    doc_id: str
    run: Run
    sentences: int
    facts: set[str]  # fact ids (a fact told in two parts or documents is one node)
    mentions: int
    entities: set[str]
    unread: list[UnreadSentence] = field(default_factory=list)
    naming_two: int = 0  # sentences that name two or more entities as such
    warnings: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    report_text: str = ""
    reused: bool = False  # taken from the cache, not read


def kept_of(result: TaskResult) -> dict[str, Any]:
    """What the build needs of a validated result besides its run, as JSON (for the cache)."""
    kept = asdict(result)
    kept["run"] = {"graph": result.run.graph, "triples": result.run.triples}
    kept["facts"], kept["entities"] = sorted(result.facts), sorted(result.entities)
    del kept["violations"], kept["reused"]
    return kept


def result_from_kept(kept: dict[str, Any], run_path: Path) -> TaskResult:
    """The result :func:`kept_of` kept, its run at ``run_path``."""
    return TaskResult(kept["doc_id"], Run(kept["run"]["graph"], run_path, kept["run"]["triples"]), kept["sentences"],
                      set(kept["facts"]), kept["mentions"], set(kept["entities"]),
                      [UnreadSentence(**u) for u in kept["unread"]], naming_two=kept.get("naming_two", 0),
                      warnings=list(kept["warnings"]), violations=[], report_text=kept["report_text"], reused=True)


@dataclass
class Reader:
    """What a reading process keeps between tasks: the registry, the validator, the last text."""

    registry: Registry
    validator: GraphValidator | None
    _text: LoadedText | None = field(default=None, init=False)
    _labeller: Labeller | None = field(default=None, init=False)

    @property
    def labeller(self) -> Labeller:
        """English labels for what the text introduces (made once per reading process)."""
        if self._labeller is None:
            self._labeller = Labeller(self.registry)
        return self._labeller

    def text(self, path: Path) -> LoadedText:
        """The text of a file, read as what it holds (kept for the next part of the same file)."""
        if self._text is None or self._text.path != path:
            self._text = read_source(path)
        return self._text

    def read(self, task: Task) -> TaskResult:
        loaded = self.text(task.meta.file)
        text, encoding = loaded.text, loaded.encoding
        meta, _ = complete_meta(task.meta, text, self.registry, loaded.page)
        raw = text if task.end is None and task.start == 0 else text[task.start:task.end]
        if task.part == task.parts - 1:
            self._text = None  # the last part: the text is not needed again
        warnings = []
        if task.part == 0:
            if loaded.kind == "text" and encoding not in ("utf-8", "utf-8-sig"):
                warnings.append(f"{meta.file}: decoded from {encoding}")
            if not meta.licence:
                warnings.append(f"{meta.file}: no licence given (add it to sources/sources.json "
                                f"or {meta.file.stem}.json)")
        doc = parse_document(raw, doc_id=meta.id, layout=loaded.layout or task.layout or meta.layout)
        info = DocumentInfo(meta.id, meta.date or meta.issued, meta.voice, meta.publisher)
        extraction = extract_document(doc, info, self.registry)
        unread = [UnreadSentence(u.unit.raw_start + task.start, u.unit.raw_end + task.start,
                                 u.unit.section_path, u.unit.text, u.entities, u.reason, u.named)
                  for u in extraction.unread]
        record = shift_record(document_record(meta, doc, extraction, task.sha256), task.start, task.part)
        if loaded.boxes is not None:
            boxes = loaded.boxes
            for unit in record.units:
                unit.places = places(boxes, unit.raw_start, unit.raw_end)
        if loaded.paths is not None:
            for unit in record.units:
                unit.elements = elements(loaded.paths, unit.raw_start, unit.raw_end)
                unit.quote = quote_context(text, unit.raw_start, unit.raw_end)
                unit.source_url = meta.url
        facts = shift_facts(extraction.facts, task.start)
        graph = emit_document_graph(record, facts, entity_labels(self.registry, [record]), labeller=self.labeller)
        graph_iri = str(doc_graph_iri(meta.id))
        run = write_run(graph_iri, graph_lines(graph), task.run_path)
        # checked after its run is written, so that the check may add the context to the graph itself
        violations, report_text = self.validator.check(graph, consume=True) if self.validator is not None else ([], "")
        return TaskResult(meta.id, run, extraction.sentences, {fact_id(f) for f in facts.facts.values()},
                          len(record.mentions),
                          set(record.entities), unread, extraction.naming_two, warnings, violations, report_text)
