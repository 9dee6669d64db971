"""Time the views (page, exports, pictures, analysis, ontology page) of one built dataset.

    .venv/bin/python bench/views.py [DATASET.nq] [--out DIR] [--json]

Runs ``resdip.pipeline.build.write_views`` on an N-Quads file (default ``/tmp/bb/g100/dataset.nq``,
the ×100 synthetic corpus: ``python -m resdip.evaluation.synthetic DIR --scale 100``, then a build) into a
temporary folder (or ``--out``). The functions ``write_views`` calls are wrapped (by module
attribute) with a clock, so the build is measured as it is; a thread samples the resident
memory of this process (and any children) every 10 ms. Prints a table: wall and CPU seconds
and peak resident memory per stage, then the whole run. CPU seconds move less than wall
seconds when other work shares the machine; the load average at the start is printed too.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

DEFAULT = Path("/tmp/bb/g100/dataset.nq")
#: (stage, module, function): what ``write_views`` calls, in order.
STAGES: list[tuple[str, str, str]] = [
    ("project", "resdip.views.projection", "index"),
    ("project", "resdip.views.projection", "project"),
    ("project", "resdip.views.projection", "quotes"),
    ("project", "resdip.views.projection", "labels"),
    ("page", "resdip.views.layout", "layout"),  # one layout for the page and the network picture
    ("page", "resdip.views.page", "render_page"),
    ("exports", "resdip.views.exports", "write_exports"),
    ("pictures", "resdip.views.pictures", "write_pictures"),
    ("analysis", "resdip.views.analysis", "write_analysis"),
    ("ontology doc", "resdip.views.ontodoc", "write_ontology_doc"),
]
ORDER = list(dict.fromkeys(stage for stage, *_ in STAGES))


class Clock:
    """Wall seconds, CPU seconds and peak resident MB per stage (children included)."""

    def __init__(self) -> None:
        import psutil

        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.peak_mb: dict[str, float] = {}
        self.overall_peak_mb = 0.0
        self._current: list[str] = []
        self._proc = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss_mb(self) -> float:
        import psutil

        total = self._proc.memory_info().rss
        for child in self._proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total / 1e6

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = self._rss_mb()
            self.overall_peak_mb = max(self.overall_peak_mb, rss)
            for stage in list(self._current):
                self.peak_mb[stage] = max(self.peak_mb.get(stage, 0.0), rss)
            time.sleep(0.01)

    def wrap(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._current.append(stage)
            wall, cpu = time.perf_counter(), _cpu()
            try:
                return func(*args, **kwargs)
            finally:
                self.wall[stage] = self.wall.get(stage, 0.0) + time.perf_counter() - wall
                self.cpu[stage] = self.cpu.get(stage, 0.0) + _cpu() - cpu
                self._current.remove(stage)
        return timed

    def __enter__(self) -> Clock:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run(dataset: Path, out: Path) -> dict[str, Any]:
    """Write the views of ``dataset`` into ``out``; seconds and peak MB per stage."""
    import resdip.pipeline.build as build_module

    load = os.getloadavg()[0]
    with Clock() as clock:
        for stage, module_name, attr in STAGES:
            module = importlib.import_module(module_name)
            setattr(module, attr, clock.wrap(stage, getattr(module, attr)))
        wall, cpu = time.perf_counter(), _cpu()
        build_module.write_views(dataset, out, lambda message: None)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    return {"dataset": str(dataset), "load_average": load, "total_s": wall, "total_cpu_s": cpu,
            "stages_s": clock.wall, "stages_cpu_s": clock.cpu, "stage_peak_mb": clock.peak_mb,
            "peak_mb": clock.overall_peak_mb}


def table(result: dict[str, Any]) -> str:
    lines = [f"views of {result['dataset']} (load average at start {result['load_average']:.2f})", "",
             "| stage | seconds | CPU seconds | peak MB |", "|---|---:|---:|---:|"]
    for stage in ORDER:
        if stage in result["stages_s"]:
            lines.append(f"| {stage} | {result['stages_s'][stage]:.1f} | {result['stages_cpu_s'][stage]:.1f} "
                         f"| {result['stage_peak_mb'].get(stage, 0.0):.0f} |")
    lines.append(f"| **all views** | **{result['total_s']:.1f}** | **{result['total_cpu_s']:.1f}** "
                 f"| **{result['peak_mb']:.0f}** |")
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
