"""Decoding source files: encodings accepted, and the one-line errors for the rest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resdip.errors import InputEncodingError, InputFileError
from resdip.text import load_text, parse_document, read_text

JAPANESE = "資源外交は、石油・天然ガスの安定供給の確保を目的に展開してきました。\nひらがなとカタカナ、ASCII。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_without_bom(tmp_path: Path) -> None:
    loaded = read_text(write(tmp_path, "a.txt", JAPANESE.encode("utf-8")))
    assert loaded.text == JAPANESE and loaded.encoding == "utf-8" and not loaded.had_bom


def test_utf8_bom_is_removed_so_offsets_start_at_the_text(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + JAPANESE.encode("utf-8"))
    loaded = read_text(path)
    assert loaded.text == JAPANESE and loaded.encoding == "utf-8-sig" and loaded.had_bom
    doc = parse_document(load_text(path), layout="plain")
    assert doc.units[0].raw_start == 0


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    data = JAPANESE.encode("utf-16") if codec == "utf-16" else (
        ("\ufeff" + JAPANESE).encode(codec)
    )
    loaded = read_text(write(tmp_path, "u16.txt", data))
    assert loaded.text == JAPANESE and loaded.encoding == "utf-16"


def test_utf32_with_bom(tmp_path: Path) -> None:
    assert load_text(write(tmp_path, "u32.txt", JAPANESE.encode("utf-32"))) == JAPANESE


@pytest.mark.parametrize("codec", ["shift_jis", "cp932", "euc_jp"])
def test_japanese_legacy_encodings_are_detected(tmp_path: Path, codec: str) -> None:
    loaded = read_text(write(tmp_path, f"{codec}.txt", JAPANESE.encode(codec)))
    assert loaded.text == JAPANESE
    expected = {"shift_jis": "shift_jis", "cp932": "shift_jis", "euc_jp": "euc_jp"}[codec]
    assert loaded.encoding == expected


def test_cp932_only_characters(tmp_path: Path) -> None:
    text = "①髙橋～の資源外交について説明します。\n"  # ① and 髙 are not in Shift_JIS proper
    loaded = read_text(write(tmp_path, "cp932.txt", text.encode("cp932")))
    assert loaded.text == text and loaded.encoding == "cp932"


def test_line_ends_are_kept(tmp_path: Path) -> None:
    assert load_text(write(tmp_path, "crlf.txt", "一行目。\r\n二行目。\r\n".encode())) == "一行目。\r\n二行目。\r\n"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"nothere\.txt: no such file"):
        load_text(tmp_path / "nothere.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="is a directory"):
        load_text(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    with pytest.raises(InputFileError, match="permission denied"):
        load_text(path)


def test_unreadable_is_reported_even_for_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", b"text")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputFileError, match=r"secret\.txt: cannot read \(permission denied\)"):
        load_text(path)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n", "\u3000\n".encode()])
def test_empty_or_whitespace(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputEncodingError, match="empty"):
        load_text(write(tmp_path, "empty.txt", data))


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    with pytest.raises(InputEncodingError, match="binary"):
        load_text(write(tmp_path, "x.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 40 + b"\xff\xfe\xfd" * 10
    with pytest.raises(InputEncodingError, match="binary"):
        load_text(write(tmp_path, "x.bin", data))


def test_other_encoding_is_named(tmp_path: Path) -> None:
    text = "Ceci est un résumé élégant, déjà très français : à bientôt ! " * 3
    with pytest.raises(InputEncodingError, match=r"latin\.txt: not UTF-8 .*Latin-1") as info:
        load_text(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert "\n" not in str(info.value)


def test_errors_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    for path, error in [
        (tmp_path / "gone.txt", InputFileError),
        (write(tmp_path, "empty.txt", b""), InputEncodingError),
    ]:
        with pytest.raises(error) as info:
            load_text(path)
        message = str(info.value)
        assert str(path) in message and "\n" not in message
        assert error.exit_code in (3, 4)
