"""sources/sources.json: loading, checking, and metadata for unlisted files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from resdip import paths
from resdip.errors import DataFileError, InputFileError
from resdip.text.sources import SourceMeta, load_sources, slugify, source_for

ENTRY: dict[str, Any] = {
    "id": "doc-a",
    "file": "a.txt",
    "title": {"ja": "文書A", "en": "Document A"},
    "publisher": "org-anre",
    "issued": "2025",
    "date": "2025",
    "url": "https://example.org/a",
    "licence": "https://creativecommons.org/licenses/by/4.0/",
    "licence_name": "CC BY 4.0",
    "attribution": "出典：A",
    "layout": "plain",
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "sources.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_project_sources_json() -> None:
    (source,) = load_sources()
    assert source.id == "ewp2025-p2c1"
    assert source.file == (paths.SOURCES_DIR / "energy-white-paper-2025-part2-ch1.txt").resolve()
    assert source.file.is_file()
    assert source.publisher == "org-anre" and source.layout == "pdf"
    assert source.title_ja.startswith("エネルギー白書2025")
    assert source.attribution.startswith("出典：資源エネルギー庁『エネルギー白書2025』")


def test_entry_fields(tmp_path: Path) -> None:
    (source,) = load_sources(write(tmp_path, {"documents": [ENTRY]}))
    assert source == SourceMeta(
        id="doc-a",
        file=(tmp_path / "a.txt").resolve(),
        title_ja="文書A",
        title_en="Document A",
        publisher="org-anre",
        issued="2025",
        date="2025",
        url="https://example.org/a",
        licence="https://creativecommons.org/licenses/by/4.0/",
        licence_name="CC BY 4.0",
        attribution="出典：A",
        layout="plain",
    )


def test_optional_voice(tmp_path: Path) -> None:
    (source,) = load_sources(write(tmp_path, {"documents": [ENTRY | {"voice": "country-jp", "voice_country": "country-jp"}]}))
    assert (source.voice, source.voice_country) == ("country-jp", "country-jp")
    (source,) = load_sources(write(tmp_path, {"documents": [ENTRY]}))
    assert (source.voice, source.voice_country) == ("", "")
    with pytest.raises(DataFileError, match="'voice' must be a string"):
        load_sources(write(tmp_path, {"documents": [ENTRY | {"voice": 1}]}))


def test_malformed_json_names_the_file_and_position(tmp_path: Path) -> None:
    path = write(tmp_path, '{"documents": [')
    with pytest.raises(DataFileError, match=r"sources\.json: not valid JSON \(line 1 column"):
        load_sources(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_sources(tmp_path / "sources.json")


@pytest.mark.parametrize("key", ["id", "file", "title", "publisher", "url", "licence", "attribution", "layout"])
def test_missing_key_names_the_entry_and_the_key(tmp_path: Path, key: str) -> None:
    entry = {k: v for k, v in ENTRY.items() if k != key}
    with pytest.raises(DataFileError, match=rf"sources\.json: entry 2.*missing key '{key}'"):
        load_sources(write(tmp_path, {"documents": [ENTRY | {"id": "doc-b"}, entry]}))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"layout": "scan"}, "'layout' must be one of"),
        ({"title": "A"}, "'title' must be an object"),
        ({"id": "Doc A"}, "'id' must be lower-case"),
        ({"file": "../etc/passwd"}, "'file' must be a path inside"),
        ({"url": 3}, "'url' must be a string"),
    ],
)
def test_bad_values(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_sources(write(tmp_path, {"documents": [ENTRY | change]}))


def test_shape_and_duplicates(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="'documents' list"):
        load_sources(write(tmp_path, [ENTRY]))
    with pytest.raises(DataFileError, match="entry 1: not an object"):
        load_sources(write(tmp_path, {"documents": ["a.txt"]}))
    with pytest.raises(DataFileError, match="'doc-a' appears twice"):
        load_sources(write(tmp_path, {"documents": [ENTRY, ENTRY]}))


def test_for_file_makes_a_stable_id_from_name_and_content(tmp_path: Path) -> None:
    path = tmp_path / "METI Press Release 2025-01.txt"
    path.write_text("経済産業大臣がチリを訪問しました。", encoding="utf-8")
    meta = SourceMeta.for_file(path)
    assert meta.id.startswith("meti-press-release-2025-01-") and len(meta.id.rsplit("-", 1)[1]) == 8
    assert meta == SourceMeta.for_file(path)
    assert meta.file == path.resolve() and meta.title_ja == path.name and meta.layout == "auto"
    other = tmp_path / "sub" / path.name
    other.parent.mkdir()
    other.write_text("別の内容です。", encoding="utf-8")
    assert SourceMeta.for_file(other).id != meta.id


def test_for_file_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        SourceMeta.for_file(tmp_path / "none.txt")


def test_slugify() -> None:
    assert slugify("Energy White Paper ２０２５") == "energy-white-paper-2025"
    assert slugify("エネルギー白書") == "doc"
    assert slugify("--a__b--") == "a-b"


def test_source_for_prefers_the_listed_entry(tmp_path: Path) -> None:
    listed = load_sources()
    assert source_for(listed[0].file, listed).id == "ewp2025-p2c1"
    path = tmp_path / "x.txt"
    path.write_text("テキスト。", encoding="utf-8")
    assert source_for(path, listed).id.startswith("x-")
