"""One real build (``resdip.pipeline.build.build``) with each pipeline stage timed; prints JSON.

    .venv/bin/python bench/stages.py --out /tmp/g [FILE...] [--jobs N] [--no-views] [--no-validate]

The build is not changed: the stage functions it calls are wrapped (by module
attribute) with a timer before it runs, so the numbers follow the build as it
is. A thread samples the resident memory of this process and its reading processes every
10 ms and keeps the peak seen during each stage. With ``--jobs`` > 1 documents are read
(extracted, emitted, validated) in worker processes, so only the whole reading step
(``read``) is timed, not its parts. ``--no-views`` replaces ``write_views`` (page, exports,
pictures, analysis, ontology page) by nothing, to show what the rest costs.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

#: (stage, module, attribute): the functions build() reaches through module attributes
#: (``Class.method`` for a method). Stages nest: ``read`` holds load+segment … validate when
#: jobs = 1; with jobs > 1 those run in the reading processes, and only ``read`` is timed.
STAGES: list[tuple[str, str, str]] = [
    ("read", "resdip.pipeline.build", "read_tasks"),
    ("load+segment", "resdip.pipeline.ingest", "read_source"),
    ("load+segment", "resdip.pipeline.ingest", "parse_document"),
    ("recognise+extract", "resdip.pipeline.ingest", "extract_document"),
    ("recognise+extract", "resdip.pipeline.ingest", "document_record"),
    ("emit", "resdip.pipeline.ingest", "emit_document_graph"),
    ("emit", "resdip.pipeline.ingest", "graph_lines"),
    ("validate", "resdip.rdf.validate", "GraphValidator.check"),
    ("registry", "resdip.pipeline.build", "registry_graph"),
    ("registry", "resdip.rdf.validate", "GraphValidator.check_context"),
    ("merge+describe", "resdip.pipeline.build", "merge_runs"),
    ("merge+describe", "resdip.pipeline.build", "describe_runs"),
    ("serialise", "resdip.pipeline.build", "write_nquads"),
    ("serialise", "resdip.pipeline.build", "write_graph_files"),
    # With jobs > 1 the views are drawn in a forked process beside write_graph_files: their own
    # stages below are then not seen here (bench/views.py times them), only this wait.
    ("files+views", "resdip.pipeline.build", "run_beside"),
    ("project", "resdip.views.projection", "index"),
    ("project", "resdip.views.projection", "project"),
    ("project", "resdip.views.projection", "quotes"),
    ("project", "resdip.views.projection", "labels"),
    ("page", "resdip.views.layout", "layout"),  # computed once by the build, for the page and the network picture
    ("page", "resdip.views.page", "render_page"),
    ("exports", "resdip.views.exports", "write_exports"),
    ("pictures", "resdip.views.pictures", "write_pictures"),
    ("analysis", "resdip.views.analysis", "write_analysis"),
    ("ontology doc", "resdip.views.ontodoc", "write_ontology_doc"),
]
#: Order of the stages in reports.
ORDER = ["load+segment", "recognise+extract", "emit", "validate", "read", "registry", "merge+describe",
         "serialise", "files+views", "project", "page", "exports", "pictures", "analysis", "ontology doc"]


class StageClock:
    """Seconds and peak resident memory per stage."""

    def __init__(self) -> None:
        import psutil

        self.seconds: dict[str, float] = {}
        self.peak_mb: dict[str, float] = {}
        self._current: list[str] = []
        self._proc = psutil.Process()
        self._stop = threading.Event()
        self.overall_peak_mb = 0.0
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        """Resident bytes of this process and the reading processes it started."""
        import psutil

        total = self._proc.memory_info().rss
        for child in self._proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                continue
        return total

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = self._rss() / 1e6
            self.overall_peak_mb = max(self.overall_peak_mb, rss)
            for stage in list(self._current):
                self.peak_mb[stage] = max(self.peak_mb.get(stage, 0.0), rss)
            time.sleep(0.01)

    def wrap(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(func):
            return self._wrap_generator(stage, func)

        def timed(*args: Any, **kwargs: Any) -> Any:
            self._current.append(stage)
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.seconds[stage] = self.seconds.get(stage, 0.0) + elapsed
                self._current.remove(stage)
                if elapsed > 1.0:  # so a run stopped half-way still tells what it did
                    print(f"stage {stage}: {elapsed:.1f} s, {self.overall_peak_mb:.0f} MB so far",
                          file=sys.stderr, flush=True)
        timed.__wrapped__ = func  # type: ignore[attr-defined]
        return timed

    def _wrap_generator(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """Time a generator while it makes each item (not while its consumer uses it)."""
        wrapped = self.wrap(stage, lambda iterator: next(iterator))

        def timed(*args: Any, **kwargs: Any) -> Any:
            iterator = func(*args, **kwargs)
            while True:
                try:
                    item = wrapped(iterator)
                except StopIteration:
                    return
                yield item
        timed.__wrapped__ = func  # type: ignore[attr-defined]
        return timed

    def __enter__(self) -> StageClock:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def instrument(clock: StageClock) -> None:
    """Wrap every stage function; a renamed one fails here, loudly, rather than timing nothing."""
    for stage, module_name, attr in STAGES:
        owner: Any = importlib.import_module(module_name)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        if owner is None or not hasattr(owner, name):
            raise SystemExit(f"bench/stages.py: {module_name}.{attr} is gone: update STAGES")
        setattr(owner, name, clock.wrap(stage, getattr(owner, name)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-views", action="store_true")
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    import resdip.pipeline.build as build_module

    imported = time.perf_counter() - started
    with StageClock() as clock:
        instrument(clock)
        if args.no_views:
            build_module.write_views = lambda *args, **kwargs: None
        begin = time.perf_counter()
        report = build_module.build(args.files or None, args.out, validate=not args.no_validate, jobs=args.jobs)
        total = time.perf_counter() - begin  # registry loading included
    json.dump({
        "total_s": total,
        "import_s": imported,
        "stages_s": clock.seconds,
        "stage_peak_mb": clock.peak_mb,
        "peak_mb": clock.overall_peak_mb,
        "documents": report.documents,
        "sentences": report.sentences,
        "facts": report.facts,
        "triples": report.triples,
        "entities": report.entities,
    }, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
