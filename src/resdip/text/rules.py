"""The text model's patterns, read once from ``patterns/text.json`` beside this module."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError

RULES_FILE = Path(__file__).with_name("patterns") / "text.json"


@dataclass(frozen=True)
class HeadingForm:
    type: str  # "chapter-section" | "numbered" | "measures" | "parenthesised"
    rank: int
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    headings: tuple[HeadingForm, ...]
    unnumbered_headings: frozenset[str]
    artefacts: str
    footnote: re.Pattern[str]
    footnote_term: tuple[re.Pattern[str], ...]
    figure_start: re.Pattern[str]
    figure_end: re.Pattern[str]
    figure_max_lines: int
    page_number: re.Pattern[str]
    running_header: re.Pattern[str]
    budget_start: re.Pattern[str]
    budget_max_lines: int
    heading_max_lines: int
    heading_fragment_max_chars: int
    sentence_terminators: str
    open_brackets: str
    close_brackets: str
    bracket_max_chars: int
    closers: str
    clause_commas: str
    pdf_number_spaces: re.Pattern[str]


def _compile(path: Path, key: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"{path}: bad regex in {key!r}: {exc}") from None


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> Rules:
    """Read and compile the patterns; raises DataFileError naming the file and key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})") from None
    try:
        headings = tuple(
            HeadingForm(h["type"], int(h["rank"]), _compile(path, "headings", h["regex"])) for h in data["headings"]
        )
        return Rules(
            headings=headings,
            unnumbered_headings=frozenset(data["unnumbered_headings"]),
            artefacts=data["artefacts"],
            footnote=_compile(path, "footnote", data["footnote"]),
            footnote_term=tuple(_compile(path, "footnote_term", p) for p in data["footnote_term"]),
            figure_start=_compile(path, "figure_start", data["figure_start"]),
            figure_end=_compile(path, "figure_end", data["figure_end"]),
            figure_max_lines=int(data["figure_max_lines"]),
            page_number=_compile(path, "page_number", data["page_number"]),
            running_header=_compile(path, "running_header", data.get("running_header", "(?!)")),
            budget_start=_compile(path, "budget_start", data["budget_start"]),
            budget_max_lines=int(data["budget_max_lines"]),
            heading_max_lines=int(data["heading_max_lines"]),
            heading_fragment_max_chars=int(data["heading_fragment_max_chars"]),
            sentence_terminators=data["sentence_terminators"],
            open_brackets=data["open_brackets"],
            close_brackets=data["close_brackets"],
            bracket_max_chars=int(data["bracket_max_chars"]),
            closers=data["closers"],
            clause_commas=data["clause_commas"],
            pdf_number_spaces=_compile(path, "pdf_number_spaces", data.get("pdf_number_spaces", "(?!)")),
        )
    except KeyError as exc:
        raise DataFileError(f"{path}: missing key {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise DataFileError(f"{path}: malformed entry ({exc})") from None
