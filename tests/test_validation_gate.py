"""The build's SHACL gate, through the real CLI.

``tests/test_shapes.py`` covers ``resdip.rdf.validate`` on hand-made broken datasets; here a whole
build meets shapes that demand what the graph lacks (a data root, ``RESDIP_ROOT``, whose
``shapes.ttl`` also requires a capital for every country): the build stops with status 6 and a
message naming the shape's message, while with ``--no-validate`` the same build runs to its end.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Finished, LateFailure, Previous, make_data_root, run_build


def test_the_real_shapes_accept_a_small_build(baseline: Finished) -> None:
    assert "resdip: validating the registry against shapes.ttl" in baseline.lines
    assert baseline.lines[-1].startswith(f"resdip: built {baseline.out}")


def test_a_graph_the_shapes_reject_stops_the_build(previous_outputs: Previous, demanding_root: Path,
                                                    trust_docs: dict[str, Path]) -> None:
    result = run_build(trust_docs["small"], "--out", previous_outputs.out, "--quiet", root=demanding_root)
    assert result.returncode == 6, result.stderr
    assert "Traceback" not in result.stderr
    first, *rest = result.stderr.splitlines()
    assert first.startswith("resdip: ") and " SHACL violations of shapes.ttl, e.g. rdi:country-" in first, first
    assert "rd:trustTestCapital — trust test: a country has a capital" in first
    # the message spells out the first few violations, one indented line each, and no more than that
    assert 1 <= len(rest) <= 6 and all(line.startswith("  ") for line in rest), result.stderr
    previous_outputs.assert_intact()


def test_no_validate_skips_shacl(late_move_failure: LateFailure) -> None:
    """With --no-validate, a build against the demanding shapes runs to its last stage.

    (That build is made to fail when it moves its outputs into place, status 7, so that one
    full build also serves tests/test_build_atomic.py; with SHACL it would stop with 6.)
    """
    result = late_move_failure.result
    assert result.returncode == 7, result.stderr
    assert not any("validating" in line or "SHACL" in line for line in result.stderr.splitlines()), result.stderr
    assert re.search(r"^resdip: drawing \d+ of \d+ pictures", result.stderr, re.M), result.stderr  # the last stage


def test_no_validate_does_not_read_shapes(previous_outputs: Previous, demanding_root: Path, tmp_path: Path,
                                          trust_docs: dict[str, Path]) -> None:
    """With --no-validate a broken shapes.ttl is not an error; without it, status 5 before any work."""
    root = make_data_root(tmp_path / "root")
    (root / "shapes.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nthis is not turtle\n")
    result = run_build(trust_docs["small"], "--out", previous_outputs.out, "--quiet", root=root)
    assert result.returncode == 5, result.stderr
    assert result.stderr.count("\n") == 1 and "shapes.ttl: line 2" in result.stderr
    previous_outputs.assert_intact()


SENTENCE_SHAPE = """
<https://w3id.org/resdip/shapes#TrustTestSentenceShape>
    a <http://www.w3.org/ns/shacl#NodeShape> ;
    <http://www.w3.org/ns/shacl#targetClass> <https://w3id.org/resdip/ontology#Sentence> ;
    <http://www.w3.org/ns/shacl#property> [
        <http://www.w3.org/ns/shacl#path> <https://w3id.org/resdip/ontology#trustTestReviewer> ;
        <http://www.w3.org/ns/shacl#minCount> 1 ;
        <http://www.w3.org/ns/shacl#message> "trust test: a sentence has a reviewer" ;
    ] .
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_the_shapes_reject_stops_the_build(previous_outputs: Previous, tmp_path: Path, jobs: str,
                                                      trust_docs: dict[str, Path]) -> None:
    """Documents are validated by the processes that read them: their violations still stop the build.

    SMALL_TEXT has three sentences (one a line), OTHER_TEXT one: four sentences lack the property.
    """
    root = make_data_root(tmp_path / "root")
    with (root / "shapes.ttl").open("a", encoding="utf-8") as handle:
        handle.write(SENTENCE_SHAPE)
    result = run_build(trust_docs["small"], trust_docs["other"], "--out", previous_outputs.out, "--quiet",
                       "--jobs", jobs, root=root)
    assert result.returncode == 6, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("resdip: 4 SHACL violations of shapes.ttl, e.g. rdd:trust-other#char=0,"), first
    for line in result.stderr.splitlines()[1:5]:
        assert "#char=" in line and "rd:trustTestReviewer — trust test: a sentence has a reviewer" in line, line
    previous_outputs.assert_intact()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_lone_document_the_shapes_reject_stops_the_build_and_is_not_kept(previous_outputs: Previous, tmp_path: Path,
                                                                          jobs: str, trust_docs: dict[str, Path]) -> None:
    """One document to read and two cores: it is read in a process and validated in the build's
    own, beside the views; its violations stop the build all the same, and its run is not cached."""
    root = make_data_root(tmp_path / "root")
    with (root / "shapes.ttl").open("a", encoding="utf-8") as handle:
        handle.write(SENTENCE_SHAPE)
    cache = tmp_path / "cache"
    result = run_build(trust_docs["other"], "--out", previous_outputs.out, "--jobs", jobs, "--cache", cache,
                       root=root)
    assert result.returncode == 6, result.stderr
    lines = result.stderr.splitlines()
    first = next(line for line in lines if "SHACL" in line)
    assert first.startswith("resdip: 1 SHACL violation of shapes.ttl, e.g. rdd:trust-other#char=0,"), first
    if jobs == "2":
        assert "resdip: validating trust-other" in lines
    kept = [path.read_text(encoding="utf-8") for path in (cache / "runs").glob("*.json")]
    assert kept and not [text for text in kept if '"doc_id": "trust-other"' in text]  # the registry's is kept
    previous_outputs.assert_intact()
