"""Smoke tests for the benchmarks (bench/run.py --quick) and the parallel reading they measure.

Timings are never asserted: only that the scripts still run and report every section,
and that reading documents in several processes gives what reading them in one does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from resdip.pipeline.build import BuildReport, select_sources, spool_dataset
from resdip.registry import load_registry
from resdip.evaluation.synthetic import SOURCE_CHARS, write_corpus

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
    files = write_corpus(tmp_path / "corpus", 0.4, seed=3, chars_per_doc=2_000)
    sources = select_sources([str(f) for f in files])
    registry = load_registry()
    outputs = []
    for jobs in (1, 2):
        report = BuildReport()
        work = tmp_path / f"work-{jobs}"
        work.mkdir()
        graphs = spool_dataset(sources, registry, report, work, True, lambda message: None, jobs)
        outputs.append(([(run.graph, run.path.read_bytes()) for run in graphs],
                        (report.documents, report.sentences, report.facts, report.entities, report.triples,
                         report.warnings, [(doc, u.raw_start) for doc, u in report.unread])))
    assert outputs[0] == outputs[1]
    graphs = [graph for graph, _ in outputs[0][0]]
    assert graphs == sorted(graphs)  # one run per graph, in graph order
    assert [g.rsplit("/", 1)[1] for g in graphs if "/doc/" in g] == [s.id for s in sources]
    assert outputs[0][1][2] > 0  # the corpus yields facts


def test_bench_run_quick(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
                            capture_output=True, text=True, timeout=900, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Build of the source document", "## Scale", "## Queries",
                    "## The network page", "## Extraction throughput", "## Reading a PDF source"):
        assert heading in text
    assert "| pyoxigraph |" in text and "| rdflib |" in text
