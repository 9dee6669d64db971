"""Loading extraction pattern files (``patterns/*.json``).

Patterns are data: each file is a JSON object; this module only reads and
caches them, and reports a malformed file as a one-line DataFileError.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import paths
from .errors import DataFileError


@lru_cache(maxsize=None)
def load_patterns(name: str, directory: Path | None = None) -> dict[str, Any]:
    """Return the parsed ``patterns/<name>.json``."""
    path = (directory or paths.PATTERNS_DIR) / f"{name}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read pattern file ({exc.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}:{exc.lineno}:{exc.colno}: malformed JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a JSON object at the top level")
    return data


def compile_regex(path_hint: str, pattern: str) -> re.Pattern[str]:
    """Compile one regex from a pattern file, naming the file when it is invalid."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"{path_hint}: invalid regex {pattern!r} ({exc})") from None
