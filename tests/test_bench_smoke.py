"""Smoke tests for the benchmarks (bench/run.py --quick) and the parallel reading they measure.

Timings are never asserted: only that the scripts still run and report every section,
and that reading documents in several processes gives what reading them in one does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from resdip.build import BuildReport, read_documents, select_sources
from resdip.registry import load_registry
from resdip.synthetic import SOURCE_CHARS, write_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_synthetic_corpus_is_seeded_and_sized(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 0.3, seed=7, chars_per_doc=2_000)
    second = write_corpus(tmp_path / "b", 0.3, seed=7, chars_per_doc=2_000)
    other = write_corpus(tmp_path / "c", 0.3, seed=8, chars_per_doc=2_000)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert texts == [p.read_text(encoding="utf-8") for p in second]
    assert texts != [p.read_text(encoding="utf-8") for p in other]
    assert len(first) == round(0.3 * SOURCE_CHARS / 2_000)
    assert (tmp_path / "a" / "sources.json").is_file()
    source = (ROOT / "sources" / "energy-white-paper-2025-part2-ch1.txt").read_text(encoding="utf-8")
    sentences = {s for s in source.replace("\n", "").split("。") if len(s) > 20}
    assert not any(s in "".join(texts) for s in sentences), "a sentence of the source was copied"


def test_parallel_reading_matches_one_process(tmp_path: Path) -> None:
    files = write_corpus(tmp_path, 0.4, seed=3, chars_per_doc=2_000)
    sources = select_sources([str(f) for f in files])
    registry = load_registry()
    outputs = []
    for jobs in (1, 2):
        report = BuildReport()
        records, facts = read_documents(sources, registry, report, lambda message: None, jobs)
        outputs.append(([r.doc_id for r in records], repr([(r.mentions, r.units, r.sections, r.entities) for r in records]),
                        {k: sorted(map(repr, v.facts)) for k, v in facts.items()},
                        (report.documents, report.sentences, report.facts, report.warnings)))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == [s.id for s in sources]  # merged in source order
    assert outputs[0][3][2] > 0  # the corpus yields facts


def test_bench_run_quick(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
                            capture_output=True, text=True, timeout=900, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Build of the source document", "## Scale", "## Queries",
                    "## The network page", "## Extraction throughput"):
        assert heading in text
    assert "| pyoxigraph |" in text and "| rdflib |" in text
