"""Every ``queries/*.rq`` on embedded Oxigraph and on rdflib's own engine, same data, same run; prints JSON.

    .venv/bin/python bench/queries.py GRAPH_DIR [--runs 5] [--cap 30]

Oxigraph: ``resdip.rdf.store.open_store`` (``dataset.trig`` bulk-loaded, named
graphs kept, their merge in the default graph). rdflib: ``Dataset(default_union=True)``
parsing the same file. Each query's results are read to the end (rows, or
triples of a CONSTRUCT), up to ``--runs`` times (fewer once the runs add up
to 2 s). Each engine's runs of a query happen in a forked child that is killed
after ``--cap`` seconds; the time is then reported as ``None`` (over the cap).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import select
import signal
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
QUERIES = ROOT / "queries"


def in_child(work: Callable[[], dict[str, Any]], cap_s: float) -> dict[str, Any] | None:
    """Run ``work`` in a forked copy of this process (the loaded stores shared copy-on-write);
    None when it has not finished within ``cap_s`` seconds (it is then killed). Neither engine
    can be interrupted from Python in the middle of a query (Oxigraph evaluates in Rust), a
    process can."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report, leave without cleaning up the parent's state
        os.close(read_end)
        try:
            payload = work()
        except BaseException as exc:  # noqa: BLE001 - an engine failing is a result, reported
            payload = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        os.write(write_end, json.dumps(payload).encode())
        os._exit(0)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], cap_s)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
        return None
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks))


def timed_runs(run_once: Callable[[], int], runs: int) -> dict[str, Any]:
    """Up to ``runs`` runs, fewer once they add up to 2 s: their median ms and the row count."""
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = run_once()
        times.append((time.perf_counter() - start) * 1000)
        if sum(times) > 2000:
            break
    return {"ms": statistics.median(times), "rows": rows, "runs": len(times)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="runs per query (rdflib: fewer once its runs pass 2 s)")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds allowed to one engine's runs of a query")
    parser.add_argument("--only", default="", help="comma-separated query names (default: all)")
    args = parser.parse_args(argv)

    import pyoxigraph
    from rdflib import Dataset

    from resdip.rdf.store import open_store

    trig = args.graph_dir / "dataset.trig"
    start = time.perf_counter()
    store = open_store(args.graph_dir)
    ox_load = time.perf_counter() - start
    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(trig, format="trig")
    rdf_load = time.perf_counter() - start
    gc.collect()
    names = sorted(p.stem for p in QUERIES.glob("*.rq"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    results = []
    for name in names:
        text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        row: dict[str, Any] = {"query": name}
        for engine, run_once in (("oxigraph", lambda: sum(1 for _ in store.query(text))),
                                 ("rdflib", lambda: sum(1 for _ in dataset.query(text)))):
            got = in_child(lambda: timed_runs(run_once, args.runs), args.cap)
            row[f"{engine}_ms"] = got.get("ms") if got else None
            row[f"{engine}_rows"] = got.get("rows") if got else None
            row[f"{engine}_error"] = got.get("error", "") if got else ""
        results.append(row)
        print(f"{name}: " + ", ".join(
            f"{e} {row[f'{e}_error'] or ('> cap' if row[f'{e}_ms'] is None else f'{row[e + chr(95) + chr(109) + chr(115)]:.1f} ms')}"
            f" ({row[f'{e}_rows']} rows)" for e in ("oxigraph", "rdflib")), file=sys.stderr, flush=True)
    json.dump({"quads": len(store), "load_oxigraph_s": ox_load, "load_rdflib_s": rdf_load,
               "pyoxigraph": pyoxigraph.__version__, "runs": args.runs, "cap_s": args.cap,
               "queries": results}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
