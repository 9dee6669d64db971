"""Long documents read in parts (resdip.pipeline.parts): cuts, offsets, and the graph they make."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SMALL_TEXT, write_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from resdip.pipeline import parts
from resdip.pipeline.build import BuildReport, select_sources, spool_dataset
from resdip.registry import load_registry

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def test_a_short_text_is_one_part() -> None:
    text = "あ。\n" * 1000
    assert parts.part_bounds(text) == [(0, len(text))]


def test_cuts_follow_a_sentence_end_and_a_line_break() -> None:
    text = ("第1節 見出し\n" + "経済産業省は豪州と協力している。\n" * 20_000)
    bounds = parts.part_bounds(text, 5_000)
    assert len(bounds) > 1 and bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end), (start, _) in zip(bounds, bounds[1:]):
        assert end == start and text[end - 2:end] == "。\n"
    assert all(end - start <= 5_000 for start, end in bounds)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="あ。\n.x", min_size=0, max_size=3_000), st.integers(min_value=10, max_value=400))
def test_parts_cover_any_text_exactly_once(text: str, size: int) -> None:
    bounds = parts.part_bounds(text * 40, size)
    whole = text * 40
    assert "".join(whole[s:e] for s, e in bounds) == whole
    assert all(0 < e - s <= size for s, e in bounds) or len(bounds) == 1


def _doc_graph(doc: Path, work: Path) -> tuple[bytes, BuildReport, list[str]]:
    report, said = BuildReport(), []
    work.mkdir()
    graphs = spool_dataset(select_sources([str(doc)]), load_registry(), report, work, True, said.append, 2)
    (run,) = [run for run in graphs if "/graph/doc/" in run.graph]
    return run.path.read_bytes(), report, said


def test_a_document_read_in_parts_gives_the_graph_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SMALL_TEXT is a sentence a line, with no headings: cutting it at line breaks loses no context."""
    doc = write_doc(tmp_path, "repeated", SMALL_TEXT * 60)
    whole, whole_report, _ = _doc_graph(doc, tmp_path / "whole")
    monkeypatch.setattr(parts, "WHOLE_CHARS", 1_000)
    monkeypatch.setattr(parts, "PART_CHARS", 1_000)
    import resdip.pipeline.build as build

    monkeypatch.setattr(build, "WHOLE_CHARS", 1_000)
    monkeypatch.setattr(build, "PART_CHARS", 1_000)
    cut, cut_report, said = _doc_graph(doc, tmp_path / "parts")
    assert any(line.startswith("repeated.txt: 8 parts of up to 1,000 characters") for line in said), said
    assert "read repeated.txt (part 8/8)" in said
    assert cut == whole
    assert (cut_report.facts, cut_report.sentences, cut_report.entities) == \
        (whole_report.facts, whole_report.sentences, whole_report.entities)
    # every sentence's offsets are the whole file's: its anchor is the file's text between them
    raw = doc.read_text(encoding="utf-8")
    triples = list(ox.parse(cut, format=ox.RdfFormat.N_TRIPLES))
    spans: dict[str, dict[str, str]] = {}
    for t in triples:
        if t.predicate.value in (NIF + "beginIndex", NIF + "endIndex", NIF + "anchorOf"):
            spans.setdefault(t.subject.value, {})[t.predicate.value] = t.object.value
    assert len(spans) > 300
    for node, span in spans.items():
        begin, end = int(span[NIF + "beginIndex"]), int(span[NIF + "endIndex"])
        assert raw[begin:end] == span[NIF + "anchorOf"], node
