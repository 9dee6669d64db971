"""Decoding a source file into text.

:func:`load_text` returns the decoded text; :func:`read_text` returns a
:class:`LoadedText` that also says which encoding was found. Supported:
UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and the Japanese
legacy encodings Shift_JIS / CP932 / EUC-JP (detected). The BOM is removed,
nothing else is changed (line ends stay as they are), so offsets into the
returned string are the offsets the text model uses.

Errors are one line naming the file: a missing, directory or unreadable
path raises :class:`~resdip.errors.InputFileError`; an empty, binary or
undecodable file raises :class:`~resdip.errors.InputEncodingError`.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputEncodingError, InputFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_JAPANESE = ("shift_jis", "cp932", "euc_jp")
_OTHER_GUESSES = (("gbk", "GBK (Chinese)"), ("big5", "Big5 (Chinese)"), ("euc_kr", "EUC-KR (Korean)"))
_CONTROL = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


@dataclass(frozen=True)
class LoadedText:
    """A decoded file: ``text`` (BOM removed) and the ``encoding`` it was in.

    A PDF read by :func:`resdip.text.formats.read_source` has ``kind`` "pdf", no encoding, the
    layout its text is written in, and ``boxes``: the page and box of each character (None for
    a line break or space the reader added); a web page has ``kind`` "html", ``paths`` (the element
    of each character) and ``page`` (its URL, title, date and site).
    """

    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-32", "shift_jis", "cp932", "euc_jp"; "" for a PDF
    path: Path
    kind: str = "text"  # "text" | "pdf" | "html"
    layout: str = ""  # the layout the text is in when the reader knows it ("plain" for a PDF or a page)
    boxes: Any = field(default=None, repr=False)  # resdip.text.pdf.CharBoxes
    pages: int = 0
    #: a web page: the XPath of the element each character is in (None for a line break the reader added)
    paths: list[str | None] | None = field(default=None, repr=False)
    #: a web page: what it says of itself ("url", "title", "date", "site"), "" where it is silent
    page: dict[str, str] = field(default_factory=dict)

    @property
    def had_bom(self) -> bool:
        return self.encoding in ("utf-8-sig", "utf-16", "utf-32")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or InputFileError saying why not."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputFileError(f"{path}: cannot read (permission denied)") from None
    except OSError as exc:
        if path.is_dir():
            raise InputFileError(f"{path}: is a directory, not a file") from None
        raise InputFileError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _japanese_score(text: str) -> float:
    """How much a decoding looks like Japanese text (kana, common kanji, ASCII)."""
    good = 0
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F:
            good += 2 if code <= 0x30FF else 1
        elif 0x20 <= code < 0x7F or char in "\r\n\t" or 0xFF01 <= code <= 0xFF5E:
            good += 1
        elif 0xFF61 <= code <= 0xFF9F or 0xE000 <= code <= 0xF8FF:
            good -= 1  # halfwidth katakana and private use: typical of a wrong guess
    return good / max(1, len(text))


def _decode_japanese(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    sample = data[:1_000_000]
    for encoding in _JAPANESE:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            # a multibyte character cut at the sample's end is not an error
            try:
                text = sample[:-1].decode(encoding) if len(sample) < len(data) else None
            except UnicodeDecodeError:
                text = None
            if text is None:
                continue
        score = _japanese_score(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, encoding, text)
    if best is None or best[0] <= 0.5:
        return None
    encoding = best[1]
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> str:
    for encoding, name in _OTHER_GUESSES:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return f"looks like {name}"
    return "looks like a single-byte encoding such as Latin-1 or Windows-1252"


def decode(data: bytes, name: str = "<bytes>") -> LoadedText:
    """Decode bytes as :func:`read_text` does; ``name`` goes into error messages."""
    path = Path(name)
    text: str | None = None
    encoding = ""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(bom_encoding)
            except UnicodeDecodeError as exc:
                raise InputEncodingError(f"{name}: has a {bom_encoding} BOM but is not valid {bom_encoding} (byte {exc.start})") from None
            encoding = bom_encoding  # the codec drops the BOM
            break
    if text is None:
        if not data.strip():
            raise InputEncodingError(f"{name}: is empty")
        sample = data[:65536]
        if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.05:
            raise InputEncodingError(f"{name}: looks binary (NUL or control bytes), not a text file")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            found = _decode_japanese(data)
            if found is None:
                raise InputEncodingError(
                    f"{name}: not UTF-8 (bad byte at {exc.start}), nor Shift_JIS/CP932/EUC-JP; {_guess(data)}"
                ) from None
            text, encoding = found
    if not text.strip():
        raise InputEncodingError(f"{name}: is empty (only whitespace)")
    if "\x00" in text:
        raise InputEncodingError(f"{name}: contains NUL characters, not a text file")
    return LoadedText(text, encoding, path)


def read_text(path: str | os.PathLike[str]) -> LoadedText:
    """Read and decode a source file; see the module docstring for what is accepted."""
    return decode(read_bytes(path), str(path))


def load_text(path: str | os.PathLike[str]) -> str:
    """The decoded text of a source file (BOM removed). Use :func:`read_text` to learn the encoding."""
    return read_text(path).text
