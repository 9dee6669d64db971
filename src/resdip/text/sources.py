"""Source document metadata: ``sources/sources.json``, checked on load.

Each entry says where a source text is (``file``, relative to the
``sources/`` folder), what it is (titles, publisher registry id, dates), how
it may be reused (licence, attribution) and how its text is laid out
(``pdf``, ``plain`` or ``auto``; see :func:`resdip.text.parse_document`).
Optional ``voice`` / ``voice_country``: registry ids of whom the document
speaks for, used by the extractor for what the text leaves unsaid.
A file not listed there gets metadata from :meth:`SourceMeta.for_file` (its URL from the record
``resdip fetch`` wrote beside it, if any).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import DataFileError
from .fetch import fetch_record
from .load import read_bytes

LAYOUTS = ("pdf", "plain", "auto")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TEXT_KEYS = ("publisher", "issued", "date", "url", "licence", "licence_name", "attribution")
_OPTIONAL_KEYS = ("voice", "voice_country")


@dataclass(frozen=True)
class SourceMeta:
    id: str  # document id: rdd:{id}, graph/doc/{id}
    file: Path  # absolute path of the source text
    title_ja: str
    title_en: str
    publisher: str  # registry id, e.g. "org-anre" ("" when unknown)
    issued: str  # year or date as written in sources.json ("2025")
    date: str
    url: str
    licence: str  # licence IRI
    licence_name: str
    attribution: str
    layout: str  # "pdf" | "plain" | "auto"
    voice: str = ""  # optional: registry id of whom the document speaks for (e.g. "country-jp")
    voice_country: str = ""  # optional: registry id of that voice's country

    @classmethod
    def for_file(cls, path: str | os.PathLike[str]) -> SourceMeta:
        """Metadata for a file not listed in sources.json.

        The id is the file stem slugified plus the first 8 hex digits of the
        sha256 of the file's bytes, so the same file always gets the same id
        and two different files with one name do not collide.
        """
        file = Path(path).resolve()
        digest = hashlib.sha256(read_bytes(file)).hexdigest()[:8]
        fetched = fetch_record(file)  # saved by ``resdip fetch``: where it came from
        url = fetched.get("final_url") or fetched.get("url") or ""
        return cls(
            id=f"{slugify(file.stem)}-{digest}",
            file=file,
            title_ja=file.name,
            title_en=file.name,
            publisher="",
            issued="",
            date="",
            url=str(url),
            licence="",
            licence_name="",
            attribution="",
            layout="auto",
        )


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens; "doc" when nothing is left."""
    ascii_text = unicodedata.normalize("NFKC", text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:60].rstrip("-") or "doc"


def _entry(raw: Any, index: int, where: Path, sources_dir: Path) -> SourceMeta:
    label = f"{where}: entry {index}"
    if not isinstance(raw, dict):
        raise DataFileError(f"{label}: not an object")
    if isinstance(raw.get("id"), str):
        label = f"{label} ({raw['id']})"
    for key in ("id", "file", "title", *_TEXT_KEYS, "layout"):
        if key not in raw:
            raise DataFileError(f"{label}: missing key {key!r}")
    for key in ("id", "file", *_TEXT_KEYS, "layout", *(k for k in _OPTIONAL_KEYS if k in raw)):
        if not isinstance(raw[key], str):
            raise DataFileError(f"{label}: {key!r} must be a string")
    title = raw["title"]
    if not isinstance(title, dict) or not isinstance(title.get("ja"), str) or not isinstance(title.get("en"), str):
        raise DataFileError(f"{label}: 'title' must be an object with string 'ja' and 'en'")
    if not _ID.match(raw["id"]):
        raise DataFileError(f"{label}: 'id' must be lower-case letters, digits and hyphens")
    if raw["layout"] not in LAYOUTS:
        raise DataFileError(f"{label}: 'layout' must be one of {', '.join(LAYOUTS)}")
    if not raw["file"] or Path(raw["file"]).is_absolute() or ".." in Path(raw["file"]).parts:
        raise DataFileError(f"{label}: 'file' must be a path inside {sources_dir}")
    return SourceMeta(
        id=raw["id"],
        file=(sources_dir / raw["file"]).resolve(),
        title_ja=title["ja"],
        title_en=title["en"],
        **{key: raw[key] for key in _TEXT_KEYS},
        layout=raw["layout"],
        **{key: raw[key] for key in _OPTIONAL_KEYS if key in raw},
    )


def load_sources(path: str | os.PathLike[str] = paths.SOURCES_METADATA) -> list[SourceMeta]:
    """Read and check sources.json; DataFileError names the file and the entry/key at fault."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise DataFileError(f"{path}: expected an object with a 'documents' list")
    sources = [_entry(raw, index, path, path.parent) for index, raw in enumerate(data["documents"], start=1)]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise DataFileError(f"{path}: document id {source.id!r} appears twice")
        seen.add(source.id)
    return sources


def source_for(path: str | os.PathLike[str], sources: list[SourceMeta] | None = None) -> SourceMeta:
    """Metadata for ``path``: its sources.json entry, else a sidecar ``FILE.json`` beside it
    (one entry in the sources.json shape: a press release's own date and publisher), else
    :meth:`SourceMeta.for_file`."""
    file = Path(path).resolve()
    for source in load_sources() if sources is None else sources:
        if source.file == file:
            return source
    sidecar = file.with_suffix(".json")
    if sidecar.is_file() and sidecar != file:
        try:
            raw = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataFileError(f"{sidecar}: cannot read document metadata ({exc})") from None
        if isinstance(raw, dict):
            raw = {**raw, "file": file.name}
        return _entry(raw, 0, sidecar, file.parent)
    return SourceMeta.for_file(file)
