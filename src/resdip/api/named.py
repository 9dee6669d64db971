"""A query given by its text, by its name in ``queries/`` or by the path of a ``.rq`` file."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from .. import paths
from ..errors import InputEncodingError, InputFileError

#: What a name or a path looks like: one word with no space or brace (every query has one or the other).
_NAME = re.compile(r"[^\s{}]+")


def query_names(folder: Path = paths.QUERIES_DIR) -> list[str]:
    """The names of the queries in ``queries/`` (``minister-visits``…), sorted."""
    return sorted(p.stem for p in folder.glob("*.rq"))


def query_text(query: str | Path, folder: Path = paths.QUERIES_DIR) -> tuple[str, str]:
    """(the query's text, the name its errors give) for a text, a name in ``folder`` or a path."""
    if isinstance(query, Path):
        return _read(query), str(query)
    stripped = query.strip()
    if not (_NAME.fullmatch(stripped) or stripped.endswith(".rq")):
        return query, "query"
    for path in (Path(stripped), folder / stripped, folder / f"{stripped}.rq"):
        if path.is_file():
            return _read(path), path.stem if path.parent == folder else str(path)
    near = difflib.get_close_matches(Path(stripped).stem, query_names(folder), n=3, cutoff=0.5)
    hint = f"; did you mean: {', '.join(near)}" if near else f"; the names are: {', '.join(query_names(folder))}"
    raise InputFileError(f"no query {stripped!r}: not a file, nor the name of one in {folder}{hint}")


def _read(path: Path) -> str:
    if not path.is_file():
        what = "is a directory" if path.is_dir() else "not found"
        raise InputFileError(f"query file {path} {what}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputEncodingError(f"query file {path} is not UTF-8 text") from None
    except OSError as exc:
        raise InputFileError(f"query file {path}: {exc.strerror}") from None
