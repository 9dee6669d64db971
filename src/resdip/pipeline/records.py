"""From the text model and an extraction to what the emitter writes."""

from __future__ import annotations

import hashlib

from ..rdf.emit import DocumentRecord, MentionRecord, SectionRecord, UnitRecord
from ..extract.document import Extraction
from ..extract.facts import Evidence
from ..registry import Registry
from ..text.sources import SourceMeta
from ..text import Document


def file_sha256(path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def document_record(meta: SourceMeta, doc: Document, extraction: Extraction, sha256: str = "") -> DocumentRecord:
    """Sections, units, mentions and text-introduced entities of one document.

    ``sha256``: the source file's digest (computed from the file when not given).
    """
    sections = [
        SectionRecord(
            number=s.id,
            label=(f"{s.number}{s.title}" if s.number and s.title else s.label),
            number_text=s.number_norm,
            path_label=s.path_label_norm,
            parent=s.parent.id if s.parent is not None else None,
        )
        for s in doc.sections
    ]
    units = [
        UnitRecord(u.raw_start, u.raw_end, u.anchor, u.text, u.kind, u.section.id if u.section else None)
        for u in doc.units
    ]
    mentions = []
    for unit, start, end, entity in extraction.mentions:
        raw_start, raw_end = unit.raw_span(start, end)
        mentions.append(MentionRecord(raw_start, raw_end, doc.raw[raw_start:raw_end],
                                      Evidence(doc.doc_id, unit.raw_start, unit.raw_end), entity))
    meta_dict = {
        "title_ja": meta.title_ja,
        "title_en": meta.title_en,
        "publisher": meta.publisher,
        "issued": meta.issued,
        "url": meta.url,
        "licence": meta.licence,
        "attribution": meta.attribution,
        "file_name": meta.file.name,
        "sha256": sha256 or file_sha256(meta.file),
    }
    return DocumentRecord(doc.doc_id, meta_dict, sections, units, _dedupe(mentions), dict(sorted(extraction.entities.items())))


def _dedupe(mentions: list[MentionRecord]) -> list[MentionRecord]:
    seen: dict[tuple[int, int, str], MentionRecord] = {}
    for m in mentions:
        seen.setdefault((m.raw_start, m.raw_end, m.entity), m)
    return [seen[k] for k in sorted(seen)]


def entity_labels(registry: Registry, records: list[DocumentRecord]) -> dict[str, str]:
    """Japanese labels by entity id, for the human-readable labels of fact nodes."""
    labels = {entry.id: entry.label_ja for entry in registry.entities.values()}
    for record in records:
        for entity in record.entities.values():
            labels.setdefault(entity.id, entity.label_ja)
    return labels
