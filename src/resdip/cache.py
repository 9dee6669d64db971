"""The build cache: what a build made once, kept under the hash of everything it was made from.

A cache is a folder (by default ``.{out}.cache`` beside the output folder: ``.graph.cache`` for
``graph/``) of *entries*, each in a kind's subfolder (``runs/`` for documents' validated runs,
``views/`` for finished pictures and the ontology page). An entry is one or more data files,
``{key}.{name}``, and ``{key}.json``, written last, which names them with their SHA-256 and holds
what the build needs besides (counts, warnings). A key is a SHA-256 of the inputs and of
:func:`fingerprint`, so an entry is found again only when nothing it was made from has changed.

Every data file is checked against its SHA-256 when it is used: an entry that fails (a file
changed, cut short or missing) is reported as a warning, removed and made again, never used.
Entries are written atomically as the build goes, so an interrupted build keeps what it had
finished; a build that completes removes the entries of a kind it did not use (see
:meth:`Cache.prune`), so a cache holds what the last build needed. Deleting a cache is always safe.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from . import __version__, paths

#: Bump when the layout of entries changes: older entries then simply miss.
FORMAT = 1
#: Libraries whose versions change what a build makes (parsing, tokenising, checking, drawing).
LIBRARIES = ("rdflib", "pyoxigraph", "pyshacl", "sudachipy", "sudachidict-core", "pykakasi", "networkx",
             "japanize-matplotlib", "fonttools", "pillow", "pylode", "pyvis")
PACKAGE = Path(__file__).resolve().parent


def default_folder(out_dir: Path) -> Path:
    """The cache of an output folder: ``.{name}.cache`` beside it (so never inside what a build owns)."""
    out_dir = Path(out_dir).absolute()
    return out_dir.parent / f".{out_dir.name}.cache"


def _files(root: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and (suffixes is None or p.suffix in suffixes))


def code_fingerprint() -> str:
    """SHA-256 of the code: every file of the ``resdip`` package and the versions of the libraries in
    ``LIBRARIES`` (a new release of the tokeniser or the SHACL engine may change what a build makes)."""
    digest = hashlib.sha256(f"resdip {__version__} cache {FORMAT} python {sys.version_info[:2]}\n".encode())
    for library in LIBRARIES:
        try:
            version = importlib.metadata.version(library)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library} {version}\n".encode())
    _add_files(digest, PACKAGE, _files(PACKAGE, (".py", ".json", ".js", ".css", ".html", ".txt")))
    return digest.hexdigest()


def files_fingerprint(*places: Path) -> str:
    """SHA-256 of data files and folders (``patterns/``, ``ontology.ttl``…): names and contents."""
    digest = hashlib.sha256()
    for place in places:
        place = Path(place)
        digest.update(f"{place.name}\n".encode())
        _add_files(digest, place if place.is_dir() else place.parent, _files(place) if place.exists() else [])
    return digest.hexdigest()


def _add_files(digest: Any, base: Path, files: list[Path]) -> None:
    for path in files:
        digest.update(f"{path.relative_to(base).as_posix()}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())


#: What a document's run is made from besides its own text and metadata.
READING_DATA = (paths.PATTERNS_DIR, paths.REGISTRY_DIR, paths.ONTOLOGY, paths.SHAPES)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stderr_warning(message: str) -> None:
    print(f"resdip: warning: {message}", file=sys.stderr, flush=True)


class Cache:
    """Entries of one cache folder; ``folder=None`` is no cache (nothing found, nothing kept)."""

    def __init__(self, folder: Path | None, warn: Callable[[str], None] = stderr_warning) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.warn = warn
        #: taken once, when the build starts (see :meth:`settle`)
        self.code = code_fingerprint() if folder is not None else ""
        self.reading = files_fingerprint(*READING_DATA) if folder is not None else ""
        self._written: list[tuple[str, str]] = []
        #: entries this build found or kept (:meth:`prune` keeps these)
        self.used: set[tuple[str, str]] = set()
        self.hits = 0
        self.misses = 0
        self._broken = False  # set once writing failed: warned once, then no more writes

    def __bool__(self) -> bool:
        return self.folder is not None

    def key(self, *parts: Any) -> str:
        """A key: the SHA-256 of the code's fingerprint and ``parts`` (anything JSON can write; give
        the fingerprint of the data files the entry is made from, :attr:`reading` or another)."""
        text = json.dumps([self.code, *parts], ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _path(self, kind: str, key: str, name: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / f"{key}.{name}"

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry is there (not yet checked: :meth:`get` checks it)."""
        return self.folder is not None and self._path(kind, key, "json").is_file()

    def get(self, kind: str, key: str, dest: Mapping[str, Path]) -> dict[str, Any] | None:
        """Copy the entry's data files to ``dest`` (name → path), each checked against its SHA-256,
        and return what was kept with them; None (and nothing written) when there is no entry.
        A damaged entry is reported, removed and treated as missing."""
        loaded = self.load(kind, key, set(dest))
        if loaded is None:
            return None
        files, kept = loaded
        for name, path in dest.items():
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_bytes(files[name])
        return kept

    def load(self, kind: str, key: str, names: set[str]) -> tuple[dict[str, bytes], dict[str, Any]] | None:
        """The entry's data files (name → bytes, each checked against its SHA-256) and what was kept
        with them; None when there is no entry or it is damaged (reported, removed)."""
        if self.folder is None:
            return None
        index = self._path(kind, key, "json")
        try:
            entry = json.loads(index.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError) as exc:
            return self._damaged(kind, key, f"unreadable index ({exc.__class__.__name__})")
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or not isinstance(entry.get("files"), dict) \
                or set(entry["files"]) != names:
            return self._damaged(kind, key, "index not in the expected form")
        files = {}
        for name in sorted(names):
            try:
                data = self._path(kind, key, name).read_bytes()
            except OSError:
                return self._damaged(kind, key, f"{name} missing")
            if _sha256(data) != entry["files"][name]:
                return self._damaged(kind, key, f"{name} does not match its checksum")
            files[name] = data
        self.hits += 1
        self.used.add((kind, key))
        return files, entry.get("kept", {})

    def _damaged(self, kind: str, key: str, why: str) -> None:
        self.warn(f"cache entry {self.folder}/{kind}/{key[:12]}… is damaged ({why}): made again, not used")
        self.remove(kind, key)
        self.misses += 1
        return None

    def put(self, kind: str, key: str, files: Mapping[str, bytes | Path], kept: Mapping[str, Any] | None = None) -> None:
        """Keep data files (bytes, or a file to copy) and ``kept`` under ``key``. A cache that cannot
        be written is reported once; the build goes on without it."""
        if self.folder is None or self._broken:
            return
        try:
            sums = {}
            for name, data in sorted(files.items()):
                blob = data if isinstance(data, bytes) else Path(data).read_bytes()
                sums[name] = _sha256(blob)
                _write_atomic(self._path(kind, key, name), blob)
            index = {"format": FORMAT, "files": sums, "kept": dict(kept or {})}
            _write_atomic(self._path(kind, key, "json"), json.dumps(index, ensure_ascii=False, sort_keys=True).encode())
            self._written.append((kind, key))
            self.used.add((kind, key))
        except OSError as exc:
            self._broken = True
            self.warn(f"cannot write the cache {self.folder} ({exc.strerror or exc}): building without it")

    def settle(self) -> None:
        """At the end of a build: if the code or the data files changed while it ran (an edit saved
        mid-build), the entries it wrote may hold a mix, under keys of the old content: remove them."""
        if self.folder is None or not self._written:
            return
        if code_fingerprint() != self.code or files_fingerprint(*READING_DATA) != self.reading:
            for kind, key in self._written:
                self.remove(kind, key)
        self._written.clear()

    def remove(self, kind: str, key: str) -> None:
        if self.folder is None:
            return
        for path in (self.folder / kind).glob(f"{key}.*"):
            try:
                path.unlink()
            except OSError:
                pass

    def prune(self, kind: str, also: Iterable[str] = ()) -> int:
        """Remove the entries of ``kind`` this build neither found nor kept, unless their keys are in
        ``also`` (used by another process of the build), with any temporary file an interrupted write
        left; return how many entries went."""
        if self.folder is None or not (self.folder / kind).is_dir():
            return 0
        keep = {key for k, key in self.used if k == kind} | set(also)
        gone: set[str] = set()
        for path in (self.folder / kind).iterdir():
            key = path.name.lstrip(".").split(".", 1)[0]  # a temporary file: .{key}.{name}.XXXXXX
            if key not in keep:
                try:
                    path.unlink()
                except OSError:
                    continue
                if not path.name.startswith("."):
                    gone.add(key)
        return len(gone)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
