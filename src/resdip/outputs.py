"""Writing the build's outputs atomically.

A build writes everything into a staging folder beside the output folder;
only when every file is written does it move them into place, each with an
atomic ``os.replace``. A build that fails before that leaves the previous
outputs as they were; a move that fails half-way puts the previous files back.
A staging folder is named after its build's process id, and the next build
removes it once that process has ended (never a running build's folder).
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
    """Fail early, before any work, when the output folder cannot be written.

    Both the folder and its parent must be writable: the staging folder is made
    beside ``out_dir``, so a read-only parent would otherwise fail only at the end.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output path {out_dir} exists and is not a folder")
    probe_dir = out_dir.parent
    while not probe_dir.exists() and probe_dir != probe_dir.parent:
        probe_dir = probe_dir.parent
    if not probe_dir.is_dir():
        raise OutputError(f"output folder {out_dir} cannot be made: {probe_dir} is a file, not a folder")
    for folder in (out_dir, probe_dir) if out_dir.exists() else (probe_dir,):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"output folder {out_dir} is not writable ({folder} is read-only)")


@contextmanager
def staged_outputs(out_dir: Path, owned: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield a staging folder; on success, move its files into ``out_dir``.

    Files are replaced one by one with ``os.replace`` (atomic per file). Files in
    ``out_dir`` that the build did not produce are left alone, except inside the
    subfolders named in ``owned`` (pictures/…): those hold only what this build made,
    so a country that dropped out of the network loses its stale picture.
    """
    out_dir = Path(out_dir)
    check_writable(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for stale in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
            if not _alive(stale.name.rsplit(".staging-", 1)[1].split("-", 1)[0]):
                shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-{os.getpid()}-", dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(f"cannot write {out_dir}: {exc.strerror}") from None
    try:
        yield staging
        produced = {p.relative_to(staging) for p in staging.rglob("*") if p.is_file()}
        _move_into_place(staging, out_dir)
        _remove_unproduced(out_dir, owned, produced)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def work_folder(out_dir: Path) -> Iterator[Path]:
    """A scratch folder beside ``out_dir`` for the build's intermediate files, removed afterwards.

    Named like a staging folder, so one left by a killed build goes at the next build.
    """
    out_dir = Path(out_dir)
    check_writable(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-{os.getpid()}-work-", dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(f"cannot write beside {out_dir}: {exc.strerror}") from None
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove_unproduced(out_dir: Path, owned: tuple[str, ...], produced: set[Path]) -> None:
    for folder in owned:
        for path in sorted((out_dir / folder).rglob("*")) if (out_dir / folder).is_dir() else []:
            if path.is_file() and path.relative_to(out_dir) not in produced:
                try:
                    path.unlink()
                except OSError as exc:
                    raise OutputError(f"cannot remove the stale output {path}: {exc.strerror}") from None


def _alive(pid: str) -> bool:
    """Whether the build that made a staging folder (its pid in the name) still runs."""
    if not pid.isdigit():
        return False  # an old-style name without a pid: stale
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _move_into_place(staging: Path, out_dir: Path) -> None:
    """Move every staged file into ``out_dir``; on an error, put the previous files back.

    Before replacing anything, each destination that would be replaced is hard-linked
    (or copied) into ``staging/.previous``; if a later move fails, the files already
    moved are restored from there and new ones removed, so a failed build leaves
    ``out_dir`` as it was.
    """
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    backup = staging / ".previous"
    done: list[tuple[Path, Path | None]] = []  # (destination, its backup or None if new)
    made: list[Path] = []
    try:
        for src in files:
            rel = src.relative_to(staging)
            dest = out_dir / rel
            if dest.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(dest))
            for parent in reversed(dest.relative_to(out_dir).parents[:-1]):
                if not (out_dir / parent).is_dir():
                    (out_dir / parent).mkdir()
                    made.append(out_dir / parent)
            saved: Path | None = None
            if dest.exists():
                saved = backup / rel
                saved.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(dest, saved)
                except OSError:
                    shutil.copy2(dest, saved)
            os.replace(src, dest)
            done.append((dest, saved))
    except OSError as exc:
        _restore(done, made)
        where = exc.filename or out_dir
        raise OutputError(f"cannot write {where}: {exc.strerror}; previous outputs kept") from None


def _restore(done: list[tuple[Path, Path | None]], made: list[Path]) -> None:
    for dest, saved in reversed(done):
        try:
            if saved is None:
                dest.unlink()
            else:
                os.replace(saved, dest)
        except OSError:
            pass
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            pass
