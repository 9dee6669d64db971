"""Staged outputs: files move into place only when the build succeeded; owned folders hold only
what the last build made."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdip.outputs import staged_outputs


def test_owned_folders_lose_files_the_build_no_longer_makes(tmp_path: Path) -> None:
    out = tmp_path / "graph"
    (out / "pictures").mkdir(parents=True)
    (out / "pictures" / "country-ve.svg").write_text("stale")
    (out / "notes.txt").write_text("a reader's own file")
    with staged_outputs(out, owned=("pictures",)) as stage:
        (stage / "pictures").mkdir()
        (stage / "pictures" / "country-cl.svg").write_text("new")
        (stage / "dataset.trig").write_text("data")
    assert sorted(p.name for p in (out / "pictures").iterdir()) == ["country-cl.svg"]
    assert (out / "notes.txt").read_text() == "a reader's own file"
    assert (out / "dataset.trig").read_text() == "data"


def test_a_failed_build_moves_nothing_and_removes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "graph"
    (out / "pictures").mkdir(parents=True)
    (out / "pictures" / "country-ve.svg").write_text("previous")
    with pytest.raises(RuntimeError):
        with staged_outputs(out, owned=("pictures",)) as stage:
            (stage / "pictures").mkdir()
            (stage / "pictures" / "country-cl.svg").write_text("new")
            raise RuntimeError("validation failed")
    assert sorted(p.name for p in (out / "pictures").iterdir()) == ["country-ve.svg"]
    assert not list(tmp_path.glob(".graph.staging-*"))
