"""Time the views (page, exports, pictures, analysis, ontology page) of one built dataset.

    .venv/bin/python bench/views.py [DATASET.nq] [--out DIR] [--json]

Runs ``resdip.build.write_views`` on an N-Quads file (default ``/tmp/bb/g100/dataset.nq``,
the ×100 synthetic corpus; ``python -m resdip.synthetic DIR --scale 100`` and a build make one)
into a temporary folder (or ``--out``), with each stage function wrapped by the timer of
``bench/stages.py``; a thread samples this process's resident memory every 10 ms. Prints a
table: seconds and peak resident memory per stage, the total and the peak of the whole run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))

import importlib  # noqa: E402

from stages import ORDER, STAGES, StageClock  # noqa: E402

DEFAULT = Path("/tmp/bb/g100/dataset.nq")
VIEW_STAGES = ["project", "page", "exports", "pictures", "analysis", "ontology doc"]


def run(dataset: Path, out: Path) -> dict[str, object]:
    """Write the views of ``dataset`` into ``out``; seconds and peak MB per stage."""
    import resdip.build as build_module

    with StageClock() as clock:
        for stage, module_name, attr in STAGES:  # the view stages only: the build core may change
            if stage in VIEW_STAGES:
                module = importlib.import_module(module_name)
                setattr(module, attr, clock.wrap(stage, getattr(module, attr)))
        begin = time.perf_counter()
        build_module.write_views(dataset, out, lambda message: None)
        total = time.perf_counter() - begin
    return {"dataset": str(dataset), "total_s": total, "stages_s": clock.seconds,
            "stage_peak_mb": clock.peak_mb, "peak_mb": clock.overall_peak_mb}


def table(result: dict[str, object]) -> str:
    seconds: dict[str, float] = result["stages_s"]  # type: ignore[assignment]
    peaks: dict[str, float] = result["stage_peak_mb"]  # type: ignore[assignment]
    lines = [f"views of {result['dataset']}", "", "| stage | seconds | peak MB |", "|---|---:|---:|"]
    for stage in [s for s in ORDER if s in VIEW_STAGES]:
        if stage in seconds:
            lines.append(f"| {stage} | {seconds[stage]:.1f} | {peaks.get(stage, 0.0):.0f} |")
    lines.append(f"| **all views** | **{result['total_s']:.1f}** | **{result['peak_mb']:.0f}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--out", type=Path, help="write the views here (default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if not args.dataset.is_file():
        parser.error(f"{args.dataset}: no such file")
    with tempfile.TemporaryDirectory(prefix="resdip-views-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        result = run(args.dataset, out)
    print(json.dumps(result) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
