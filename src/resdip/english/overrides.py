"""Curators' English labels (``registry/labels/overrides.csv``), which win over composed ones.

The file has the columns ``resdip labels`` writes (``label_ja,label_en,origin,id``); only
``label_ja`` and ``label_en`` are read, so a curator can copy rows from that listing and correct
``label_en``. A malformed file stops the build with ``DataFileError`` naming the file and line.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

from .. import paths
from ..errors import DataFileError

OVERRIDES = Path("labels") / "overrides.csv"  # under the registry folder
COLUMNS = ("label_ja", "label_en")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def load_overrides(path: Path | None = None) -> dict[str, str]:
    """English labels by NFKC Japanese label; an absent file gives none."""
    path = paths.REGISTRY_DIR / OVERRIDES if path is None else path
    if not path.is_file():
        return {}
    where = _rel(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{where}: cannot read ({exc})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header[:2]) != COLUMNS:
        raise DataFileError(f"{where}:1: the header must start with label_ja,label_en (got {header!r})")
    out: dict[str, str] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise DataFileError(f"{where}:{line}: a row needs a label_ja and a label_en")
        ja = unicodedata.normalize("NFKC", row[0]).strip()
        en = row[1].strip()
        if _JAPANESE.search(en):
            raise DataFileError(f"{where}:{line}: label_en {en!r} is not English (it has Japanese script)")
        if ja in out and out[ja] != en:
            raise DataFileError(f"{where}:{line}: {row[0]!r} is given two English labels")
        out[ja] = en
    return out
