"""Writing the build's outputs atomically.

A build writes everything into a staging folder beside the output folder;
only when every file is written does it move them into place, each with an
atomic ``os.replace``. A build that fails before that leaves the previous
outputs as they were; a stale staging folder is removed on the next build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError


def write_text_atomic(path: Path, text: str) -> None:
    """Write one file atomically (temp file in the same folder, then rename)."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def check_writable(out_dir: Path) -> None:
    """Fail early, before any work, when the output folder cannot be written."""
    out_dir = Path(out_dir)
    probe_dir = out_dir if out_dir.exists() else out_dir.parent
    while not probe_dir.exists():
        probe_dir = probe_dir.parent
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output path {out_dir} exists and is not a folder")
    if not os.access(probe_dir, os.W_OK | os.X_OK):
        raise OutputError(f"output folder {out_dir} is not writable")


@contextmanager
def staged_outputs(out_dir: Path) -> Iterator[Path]:
    """Yield a staging folder; on success, move its files into ``out_dir``.

    Files are replaced one by one with ``os.replace`` (atomic per file); files
    in ``out_dir`` that the build did not produce are left alone.
    """
    out_dir = Path(out_dir)
    check_writable(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for stale in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(f"cannot write {out_dir}: {exc.strerror}") from None
    try:
        yield staging
        _move_into_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staging: Path, out_dir: Path) -> None:
    try:
        for src in sorted(p for p in staging.rglob("*") if p.is_file()):
            dest = out_dir / src.relative_to(staging)
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
    except OSError as exc:
        raise OutputError(f"cannot write {out_dir}: {exc.strerror}") from None
