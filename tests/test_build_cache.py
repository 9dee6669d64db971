"""The build cache, through the real command: a build that reuses runs and pictures gives the very
bytes a cold build (``--no-cache``) of the same inputs gives.

One cache and one output folder go through the life of a corpus: a cold build, a warm one, one
document changed, one removed, a pattern file changed, a damaged entry, a build interrupted with
Ctrl-C. Each state is compared with a cold build of the same inputs into a folder of its own;
the cold builds run in the background from the start (they wait on nothing).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from conftest import (OTHER_TEXT, SMALL_TEXT, ROOT, build_cmd, cli_env, ctrl_c_works, diff_summary,
                      make_data_root, snapshot, write_doc)

#: SMALL_TEXT with its visit moved to another month and minister: another run, another picture of 豪州.
CHANGED_TEXT = SMALL_TEXT.replace("2024年5月、経済産業大臣は", "2024年9月、外務大臣は")
#: A pattern file edit that changes what the reader makes of SMALL_TEXT (the English of a label).
GLOSSARY_EDIT = ('"サプライチェーン": "supply chain"', '"サプライチェーン": "supply network"')


def _start(files: list[Path], out: Path, *extra: str, root: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(build_cmd(*files, "--out", out, *extra), cwd=ROOT, env=cli_env(root),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str], timeout: float = 300) -> str:
    try:
        _, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    return err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    changed = tmp_path_factory.mktemp("corpus-changed")
    root = make_data_root(tmp_path_factory.mktemp("root"))
    edited = make_data_root(tmp_path_factory.mktemp("root-edited"))
    glossary = edited / "patterns" / "glossary.json"
    text = glossary.read_text(encoding="utf-8")
    assert GLOSSARY_EDIT[0] in text
    glossary.write_text(text.replace(*GLOSSARY_EDIT), encoding="utf-8")
    return {"a": write_doc(folder, "cache-a", SMALL_TEXT), "b": write_doc(folder, "cache-b", OTHER_TEXT),
            "a2": write_doc(changed, "cache-a", CHANGED_TEXT), "root": root, "edited": edited}


@pytest.fixture(scope="module")
def cold(corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """Cold builds (``--no-cache``) of every state the cached folder goes through, by state."""
    base = tmp_path_factory.mktemp("cold")
    states = {"a+b": [corpus["a"], corpus["b"]], "a2+b": [corpus["a2"], corpus["b"]], "b": [corpus["b"]]}
    running = {name: _start(files, base / name / "graph", "--no-cache", "--jobs", "1", root=corpus["root"])
               for name, files in states.items()}
    running["edited"] = _start([corpus["a2"], corpus["b"]], base / "edited" / "graph", "--no-cache", "--jobs", "1",
                               root=corpus["edited"])
    try:
        for proc in running.values():
            _finish(proc)
    finally:
        for proc in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return {name: snapshot(base / name / "graph") for name in running}


def _build(files: list[Path], out: Path, cache: Path, root: Path, *extra: str) -> str:
    return _finish(_start(files, out, "--cache", cache, *extra, root=root))


def _reused(stderr: str) -> int:
    line = [line for line in stderr.splitlines() if line.startswith("resdip: built ")][-1]
    return int(line.split("(")[-1].split(" of the documents")[0]) if "reused from the cache" in line else 0


def _pictures_drawn(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if "pictures" in line and "drawing" in line)


def _views(cache: Path) -> dict[str, int]:
    """The view entries' files, with the time each was last written."""
    return {p.name: p.stat().st_mtime_ns for p in (cache / "views").iterdir()}


def test_a_cached_build_equals_a_cold_one_through_a_corpus_life(corpus: dict[str, Path], cold, tmp_path: Path) -> None:
    out, cache, root = tmp_path / "graph", tmp_path / "cache", corpus["root"]
    a, b, a2 = corpus["a"], corpus["b"], corpus["a2"]

    err = _build([a, b], out, cache, root)  # cold, with the cache filling
    drawn = re.search(r"drawing (\d+) of (\d+) pictures", _pictures_drawn(err))
    assert _reused(err) == 0 and drawn and drawn[1] == drawn[2]
    assert snapshot(out) == cold["a+b"], diff_summary(cold["a+b"], snapshot(out))
    views = _views(cache)

    err = _build([a, b], out, cache, root)  # warm: nothing read, nothing drawn again
    assert _reused(err) == 2 and "drawing 0 of" in _pictures_drawn(err)
    assert "ontology page unchanged" in err and "reading" not in err
    assert snapshot(out) == cold["a+b"], diff_summary(cold["a+b"], snapshot(out))
    assert _views(cache) == views  # not one view file written again

    err = _build([a2, b], out, cache, root)  # one document changed: it alone is read
    assert _reused(err) == 1 and re.search(r"^resdip: read(ing)? cache-a\.txt", err, re.M)
    assert snapshot(out) == cold["a2+b"], diff_summary(cold["a2+b"], snapshot(out))
    drawn = _pictures_drawn(err)
    kept = int(drawn.split("(")[1].split(" unchanged")[0])
    assert kept >= 1 and not drawn.startswith("resdip: drawing 0 ")  # 豪州's picture drawn again, others kept
    assert len(list((cache / "runs").glob("*.nt"))) == 2  # the old run of cache-a went

    err = _build([b], out, cache, root)  # one document removed
    assert _reused(err) == 1
    assert snapshot(out) == cold["b"], diff_summary(cold["b"], snapshot(out))
    assert len(list((cache / "runs").glob("*.nt"))) == 1


def test_a_pattern_file_changed_reads_every_document_again(corpus: dict[str, Path], cold, tmp_path: Path) -> None:
    out, cache = tmp_path / "graph", tmp_path / "cache"
    files = [corpus["a2"], corpus["b"]]
    root = tmp_path / "root"
    shutil.copytree(corpus["root"], root)
    _build(files, out, cache, root)
    assert snapshot(out) == cold["a2+b"]
    glossary = root / "patterns" / "glossary.json"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(*GLOSSARY_EDIT), encoding="utf-8")
    err = _build(files, out, cache, root)
    assert _reused(err) == 0
    assert cold["edited"] != cold["a2+b"]  # the edit does change the graph
    assert snapshot(out) == cold["edited"], diff_summary(cold["edited"], snapshot(out))


def test_a_damaged_entry_is_reported_and_made_again(corpus: dict[str, Path], cold, tmp_path: Path) -> None:
    out, cache, root = tmp_path / "graph", tmp_path / "cache", corpus["root"]
    files = [corpus["a"], corpus["b"]]
    _build(files, out, cache, root)
    runs = sorted((cache / "runs").glob("*.nt"), key=lambda p: p.stat().st_size)
    damaged = runs[-1]
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit: still N-Triples, but another graph
    damaged.write_bytes(bytes(data))
    picture = next((cache / "views").glob("*.png"))
    picture.write_bytes(picture.read_bytes()[:100])  # cut short
    err = _build(files, out, cache, root)
    warnings = [line for line in err.splitlines() if "is damaged" in line]
    assert len(warnings) == 2 and all(line.startswith("resdip: warning: cache entry ") for line in warnings), err
    assert any("does not match its checksum" in line for line in warnings)
    assert snapshot(out) == cold["a+b"], diff_summary(cold["a+b"], snapshot(out))
    err = _build(files, out, cache, root)  # made again and kept: the next build finds it whole
    assert "is damaged" not in err and _reused(err) == 2


def test_an_interrupted_build_keeps_what_it_finished(corpus: dict[str, Path], cold, tmp_path: Path) -> None:
    out, cache, root = tmp_path / "graph", tmp_path / "cache", corpus["root"]
    files = [corpus["a"], corpus["b"]]
    proc = subprocess.Popen(build_cmd(*files, "--out", out, "--cache", cache, "--jobs", "1"), cwd=ROOT,
                            env=cli_env(root), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=ctrl_c_works)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # the first document is kept before the second is started
            if line.startswith("resdip: reading cache-b.txt"):
                break
        else:
            pytest.fail("the build ended before reading its second document")
        proc.send_signal(signal.SIGINT)
        rest = proc.stderr.read()
        assert proc.wait(timeout=60) == 130, rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "resdip: interrupted" in rest
    assert not out.exists() or not any(out.iterdir())  # nothing half-made in the output folder
    assert not [p.name for p in (cache / "runs").iterdir() if p.name.startswith(".")]  # no half-written entry
    err = _build(files, out, cache, root)
    assert _reused(err) == 1
    assert snapshot(out) == cold["a+b"], diff_summary(cold["a+b"], snapshot(out))


def test_no_cache_leaves_no_cache_folder(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "graph"
    _finish(_start([corpus["b"]], out, "--no-cache", "--no-validate", root=corpus["root"]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph"]


def test_default_cache_is_hidden_beside_the_output_folder(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "graph"
    _finish(_start([corpus["b"]], out, "--no-validate", root=corpus["root"]))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".graph.cache", "graph"]
    index = json.loads(next((tmp_path / ".graph.cache" / "runs").glob("*.json")).read_text(encoding="utf-8"))
    assert index["format"] == 1 and set(index["files"]) <= {"nt", "registry", "ontology", "jsonld", "trig"}


def test_a_cache_path_that_is_a_file_is_a_one_line_error(corpus: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder")
    done = subprocess.run(build_cmd(corpus["b"], "--out", tmp_path / "graph", "--cache", tmp_path / "cache"),
                          cwd=ROOT, env=cli_env(corpus["root"]), capture_output=True, text=True, timeout=120)
    assert done.returncode == 7 and done.stderr.strip().splitlines() == [
        f"resdip: cache {tmp_path / 'cache'} exists and is not a folder"]
    assert os.listdir(tmp_path) == ["cache"]
