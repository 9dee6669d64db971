"""Stage 1, text: a source file in, a document of sections and sentence units out.

The text model: decode a source file, then turn its raw text into sections and units.

    raw = load_text(path)                       # str; read_text(path) also tells the encoding
    doc = parse_document(raw, doc_id="ewp2025-p2c1", layout="auto")
    for unit in doc.units: unit.kind, unit.text, unit.norm, unit.raw_start, unit.raw_end, unit.section

Offsets are code-point indices into the decoded raw string (BOM removed).
"""

from __future__ import annotations

from .load import LoadedText, load_text, read_text
from .model import Document, Section, Unit
from .normalise import nfkc_text
from .segment import parse_document, resolve_layout

__all__ = [
    "Document",
    "LoadedText",
    "Section",
    "Unit",
    "load_text",
    "nfkc_text",
    "parse_document",
    "read_text",
    "resolve_layout",
]
