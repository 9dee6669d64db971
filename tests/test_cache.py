"""resdip.cache: entries found only under the key of what made them, checked before use, pruned."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdip import cache as cache_module
from resdip.cache import Cache, default_folder, files_fingerprint


@pytest.fixture
def said() -> list[str]:
    return []


@pytest.fixture
def cache(tmp_path: Path, said: list[str]) -> Cache:
    return Cache(tmp_path / "cache", warn=said.append)


def test_an_entry_comes_back_as_it_was_kept(cache: Cache, tmp_path: Path, said: list[str]) -> None:
    key = cache.key("run", "abc")
    (tmp_path / "x").write_bytes(b"x")
    cache.put("runs", key, {"nt": b"<a> <b> <c> .\n", "extra": tmp_path / "x"}, {"triples": 1})
    dest = {"nt": tmp_path / "out" / "run.nt", "extra": tmp_path / "out" / "x"}
    assert cache.get("runs", key, dest) == {"triples": 1}
    assert dest["nt"].read_bytes() == b"<a> <b> <c> .\n" and dest["extra"].read_bytes() == b"x"
    assert said == [] and cache.hits == 1


def test_keys_differ_with_any_part_and_with_the_code(cache: Cache, tmp_path: Path) -> None:
    assert cache.key("run", 1) == cache.key("run", 1) != cache.key("run", 2)
    other = Cache(tmp_path / "c2")
    other.code = "another version of the code"
    assert other.key("run", 1) != cache.key("run", 1)


def test_a_missing_entry_is_a_quiet_miss(cache: Cache, tmp_path: Path, said: list[str]) -> None:
    assert cache.get("runs", cache.key("nothing"), {"nt": tmp_path / "n.nt"}) is None
    assert said == [] and not (tmp_path / "n.nt").exists()


@pytest.mark.parametrize("damage", ["flip", "cut", "remove", "index"])
def test_a_damaged_entry_is_reported_removed_and_never_used(cache: Cache, tmp_path: Path, said: list[str],
                                                            damage: str) -> None:
    key = cache.key("run", damage)
    cache.put("runs", key, {"nt": b"<a> <b> <c> .\n" * 100})
    data = cache.folder / "runs" / f"{key}.nt"
    if damage == "flip":
        blob = bytearray(data.read_bytes())
        blob[7] ^= 0x20
        data.write_bytes(bytes(blob))
    elif damage == "cut":
        data.write_bytes(data.read_bytes()[:50])
    elif damage == "remove":
        data.unlink()
    else:
        (cache.folder / "runs" / f"{key}.json").write_text("{not json")
    dest = tmp_path / "out.nt"
    assert cache.get("runs", key, {"nt": dest}) is None
    assert not dest.exists()
    assert len(said) == 1 and "is damaged" in said[0] and key[:12] in said[0]
    assert list((cache.folder / "runs").iterdir()) == []  # removed, to be made again


def test_prune_keeps_what_the_build_used_and_leftovers_of_other_entries_go(cache: Cache, tmp_path: Path) -> None:
    keep, drop, other = cache.key("keep"), cache.key("drop"), cache.key("other process")
    for key in (keep, drop, other):
        cache.put("views", key, {"svg": key.encode()})
    leftover = cache.folder / "views" / f".{drop}.svg.tmp123"
    leftover.write_bytes(b"half")
    writing = cache.folder / "views" / f".{keep}.png.tmp456"  # another process is writing it now
    writing.write_bytes(b"half")
    later = Cache(cache.folder)  # the next build
    assert later.get("views", keep, {"svg": tmp_path / "k.svg"}) == {}
    assert later.prune("views", also=[other]) == 1
    assert sorted(p.name for p in (cache.folder / "views").iterdir()) == sorted(
        [f"{keep}.svg", f"{keep}.json", f"{other}.svg", f"{other}.json", writing.name])


def test_no_cache_finds_and_keeps_nothing(tmp_path: Path) -> None:
    none = Cache(None)
    assert not none and not none.has("runs", "k")
    none.put("runs", "k", {"nt": b"x"})
    assert none.get("runs", "k", {"nt": tmp_path / "x"}) is None and list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_is_reported_once_and_the_build_goes_on(tmp_path: Path, said: list[str]) -> None:
    (tmp_path / "cache").write_text("a file where the cache's folder would be")
    cache = Cache(tmp_path / "cache", warn=said.append)
    cache.put("runs", "k1", {"nt": b"x"})
    cache.put("runs", "k2", {"nt": b"x"})
    assert len(said) == 1 and "cannot write the cache" in said[0] and "building without it" in said[0]


def test_entries_written_while_the_inputs_changed_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "patterns"
    data.mkdir()
    (data / "p.json").write_text("{}")
    monkeypatch.setattr(cache_module, "READING_DATA", (data,))
    cache = Cache(tmp_path / "cache")
    cache.put("runs", "k", {"nt": b"x"})
    (data / "p.json").write_text('{"changed": true}')  # saved while the build ran
    cache.settle()
    assert not cache.has("runs", "k")
    steady = Cache(tmp_path / "cache2")
    steady.put("runs", "k", {"nt": b"x"})
    steady.settle()
    assert steady.has("runs", "k") and steady.reading == files_fingerprint(data)


def test_the_default_cache_is_beside_the_output_folder(tmp_path: Path) -> None:
    assert default_folder(tmp_path / "graph") == tmp_path / ".graph.cache"
