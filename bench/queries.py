"""Every ``queries/*.rq`` on embedded Oxigraph and on rdflib's own engine, same data, same run; prints JSON.

    .venv/bin/python bench/queries.py GRAPH_DIR [--runs 5] [--cap 30]

Oxigraph: ``resdip.store.open_store`` (``dataset.trig`` bulk-loaded, named
graphs kept, their merge in the default graph). rdflib: ``Dataset(default_union=True)``
parsing the same file. Each query's results are read to the end (rows, or
triples of a CONSTRUCT). A run of rdflib longer than ``--cap`` seconds is
stopped (SIGALRM: rdflib's engine is Python, so it stops between bytecodes)
and reported as ``None``; a query over the cap is not run again.
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
QUERIES = ROOT / "queries"


class Cap(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Cap


def time_oxigraph(store, text: str, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = sum(1 for _ in store.query(text))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def time_rdflib(dataset, text: str, runs: int, cap_s: float) -> tuple[float | None, int | None, str]:
    """(median ms or None over the cap, rows, error: rdflib's exception name when it fails)."""
    times, rows = [], None
    for _ in range(runs):
        signal.setitimer(signal.ITIMER_REAL, cap_s)
        start = time.perf_counter()
        try:
            result = dataset.query(text)
            rows = sum(1 for _ in result)
        except Cap:
            return None, None, ""
        except Exception as exc:  # noqa: BLE001 - rdflib's engine failing is a result, reported
            return None, None, f"{type(exc).__name__}: {exc}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - start
        times.append(elapsed * 1000)
        if sum(times) > 2000:
            break  # slow enough that the runs so far tell it: their median
    return statistics.median(times), rows, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="runs per query (rdflib: fewer once its runs pass 2 s)")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds allowed to one rdflib run")
    parser.add_argument("--only", default="", help="comma-separated query names (default: all)")
    args = parser.parse_args(argv)

    import pyoxigraph
    from rdflib import Dataset

    from resdip.store import open_store

    signal.signal(signal.SIGALRM, _alarm)
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
        ox_ms, ox_rows = time_oxigraph(store, text, args.runs)
        rdf_ms, rdf_rows, error = time_rdflib(dataset, text, args.runs, args.cap)
        results.append({"query": name, "oxigraph_ms": ox_ms, "rdflib_ms": rdf_ms,
                        "oxigraph_rows": ox_rows, "rdflib_rows": rdf_rows, "rdflib_error": error})
        print(f"{name}: oxigraph {ox_ms:.1f} ms ({ox_rows} rows), rdflib "
              f"{error or ('> cap' if rdf_ms is None else f'{rdf_ms:.0f} ms')} ({rdf_rows} rows)", file=sys.stderr, flush=True)
    json.dump({"quads": len(store), "load_oxigraph_s": ox_load, "load_rdflib_s": rdf_load,
               "pyoxigraph": pyoxigraph.__version__, "runs": args.runs, "cap_s": args.cap,
               "queries": results}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
