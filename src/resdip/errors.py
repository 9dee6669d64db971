"""One exception hierarchy for the whole project.

Every error a user can cause carries a one-line message and a distinct exit
status (documented in docs/validation.md). The CLI prints ``resdip: <message>`` on
stderr and exits with ``exit_code``; it never shows a traceback for these.
"""

from __future__ import annotations


class ResdipError(Exception):
    """Base class: a problem the user can fix, reported in one line."""

    exit_code = 1


class UsageError(ResdipError):
    """Bad command line (unknown option, bad value)."""

    exit_code = 2


class QuerySyntaxError(UsageError):
    """A SPARQL query that does not parse (message carries line and column; so do ``line``
    and ``column`` when the parser told them)."""

    exit_code = 2

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class InputFileError(ResdipError):
    """A source file is missing, unreadable, or a directory."""

    exit_code = 3


class InputEncodingError(ResdipError):
    """A source file is empty, binary, or not in a supported text encoding."""

    exit_code = 4


class InputFormatError(ResdipError):
    """A PDF or HTML source that cannot be parsed (truncated, malformed)."""

    exit_code = 12


class InputEncryptedError(InputFormatError):
    """A PDF source that needs a password."""

    exit_code = 13


class InputNoTextError(InputFormatError):
    """A PDF with no text layer (a scan), or a web page with no main text."""

    exit_code = 14


class FetchError(ResdipError):
    """A URL could not be fetched: unreachable, an HTTP error, or disallowed by robots.txt."""

    exit_code = 15


class DataFileError(ResdipError):
    """A project data file (registry, patterns, ontology, shapes, metadata) is malformed."""

    exit_code = 5


class ValidationError(ResdipError):
    """The built graph does not conform to the SHACL shapes."""

    exit_code = 6


class OutputError(ResdipError):
    """An output folder or file cannot be written."""

    exit_code = 7


class EndpointError(ResdipError):
    """A SPARQL server could not be started or reached."""

    exit_code = 8


class EntityLookupError(ResdipError):
    """An entity name is unknown or ambiguous."""

    exit_code = 9


class AuthenticationError(EndpointError):
    """A store refused the credentials given (or asked for some and none were given)."""

    exit_code = 10


class GraphRefusedError(EndpointError):
    """A store refused to take a graph (its content, its size, the right to write it)."""

    exit_code = 11
