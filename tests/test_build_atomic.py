"""A failed build leaves the previous outputs as they were; two builds give the same bytes.

Late failures: SHACL (shapes that demand a capital for every country, via ``RESDIP_ROOT``) and an
output file that cannot be replaced (a folder where ``pictures/network.svg`` goes), both after
the whole build has run. Each must keep every previous file byte-identical and leave no
staging folder. Determinism: the small document built twice, under PYTHONHASHSEED 1 and 2, into
two folders, gives byte-identical files, all of them (graph files, page, exports, pictures,
analysis, ontology page).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import (Builds, Finished, LateFailure, Previous, diff_summary, run_build, snapshot,
                      staging_leftovers)

from resdip.errors import OutputError
from resdip.outputs import staged_outputs


def test_shacl_failure_keeps_previous_outputs(previous_outputs: Previous, demanding_root: Path,
                                              trust_docs: dict[str, Path]) -> None:
    result = run_build(trust_docs["other"], "--out", previous_outputs.out, root=demanding_root)
    assert result.returncode == 6, result.stderr
    # it failed late, after the work: the document was read (here, or in a reading process)
    assert re.search(r"^resdip: read(ing)? trust-other\.txt$", result.stderr, re.M), result.stderr
    previous_outputs.assert_intact()


def test_failed_move_puts_previous_outputs_back(late_move_failure: LateFailure) -> None:
    """The last file cannot be replaced: the files moved before it must be restored."""
    result, lines = late_move_failure.result, late_move_failure.result.stderr.splitlines()
    assert result.returncode == 7, result.stderr
    assert lines[-1].startswith("resdip: cannot write ") and "network.svg" in lines[-1], lines[-1]
    assert "Traceback" not in result.stderr
    before, after = late_move_failure.before, late_move_failure.after
    assert after == before, f"previous outputs changed: {diff_summary(before, after)}"
    assert staging_leftovers(late_move_failure.out) == []


def test_staging_of_a_running_build_is_kept_and_a_dead_ones_removed(tmp_path: Path) -> None:
    out = tmp_path / "graph"
    proc = subprocess.Popen(["true"])  # a process that has ended: its pid names a stale folder
    proc.wait()
    stale = tmp_path / f".graph.staging-{proc.pid}-abc"
    old_style = tmp_path / ".graph.staging-xyz"
    live = tmp_path / f".graph.staging-{os.getpid()}-def"  # this process runs: not stale
    for folder in (stale, old_style, live):
        folder.mkdir()
    with staged_outputs(out) as stage:
        (stage / "a.txt").write_text("new")
        assert stage.parent == tmp_path and stage.name.startswith(f".graph.staging-{os.getpid()}-")
    assert (out / "a.txt").read_text() == "new"
    assert not stale.exists() and not old_style.exists()
    assert live.exists()  # another build, still running, owns it


def test_failure_inside_the_stage_moves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "graph"
    out.mkdir()
    (out / "a.txt").write_text("old")
    with pytest.raises(RuntimeError):
        with staged_outputs(out) as stage:
            (stage / "a.txt").write_text("new")
            raise RuntimeError("a stage failed")
    assert (out / "a.txt").read_text() == "old"
    assert staging_leftovers(out) == []


def test_unwritable_destination_is_an_output_error_and_rolls_back(tmp_path: Path) -> None:
    out = tmp_path / "graph"
    (out / "sub").mkdir(parents=True)
    (out / "a.txt").write_text("old a")
    (out / "z.txt").mkdir()  # a folder where the last file goes
    with pytest.raises(OutputError, match="z.txt"):
        with staged_outputs(out) as stage:
            (stage / "a.txt").write_text("new a")
            (stage / "new" / "b.txt").parent.mkdir()
            (stage / "new" / "b.txt").write_text("new b")
            (stage / "z.txt").write_text("new z")
    assert (out / "a.txt").read_text() == "old a"
    assert not (out / "new").exists()
    assert staging_leftovers(out) == []


# ---------------------------------------------------------------------------
# Determinism
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def twin(builds: Builds) -> Finished:
    result = builds.get("twin")
    assert result.returncode == 0, result.stderr
    return result


def test_two_builds_under_different_hash_seeds_are_byte_identical(baseline: Finished, twin: Finished) -> None:
    first, second = snapshot(baseline.out), snapshot(twin.out)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == [], f"files differ between PYTHONHASHSEED=1 and =2: {differing}"


def test_builds_cover_every_kind_of_output(baseline: Finished) -> None:
    names = set(snapshot(baseline.out))
    for expected in ("dataset.trig", "dataset.nq", "union.ttl", "dataset.jsonld", "context.jsonld", "void.ttl",
                     "network.html", "ontology.html", "exports/network.gexf", "exports/nodes.csv",
                     "pictures/network.svg", "pictures/network.png", "analysis/analysis.md"):
        assert expected in names, sorted(names)
