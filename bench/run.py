"""All benchmarks in one command; writes docs/BENCHMARKS.md.

    .venv/bin/python bench/run.py                # about 10 minutes on 2 cores
    .venv/bin/python bench/run.py --quick --out /tmp/b.md   # tiny sizes, one run: checks the scripts work

Sections: the machine; the build of the source, stage by stage; scale on a
synthetic corpus (``resdip.evaluation.synthetic``) at ×1, ×10, ×100 the source's size
(whole builds; one process against one per core); every
``queries/*.rq`` on Oxigraph and on rdflib; the network page's time to first
draw against pyvis (``bench/page_bench.py``); extraction throughput; reading a PDF source against
its text (``bench/reading.py``). Each
build or benchmark runs in its own process (``bench/stages.py``,
``bench/queries.py``, ``bench/extraction.py``), measured from outside:
wall time, CPU time of the whole process tree, and peak resident memory of
the tree (sampled every 50 ms). Tables show medians. Every build goes to a
temporary folder; nothing is written into ``graph/``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(BENCH))

from common import PYTHON, ProcessRun, fmt_ms, fmt_s, machine, median, run_measured, table  # noqa: E402

SOURCE_TEXT = ROOT / "sources" / "energy-white-paper-2025-part2-ch1.txt"
STAGE_ORDER = ["load+segment", "recognise+extract", "emit", "validate", "registry", "merge+describe", "serialise",
               "project", "page", "exports", "pictures", "analysis", "ontology doc"]


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def stages_run(files: list[Path], out: Path, *flags: str) -> tuple[ProcessRun, dict[str, Any]]:
    """One instrumented build (bench/stages.py) in its own process."""
    shutil.rmtree(out, ignore_errors=True)
    run = run_measured([PYTHON, str(BENCH / "stages.py"), *map(str, files), "--out", str(out), *flags])
    if run.returncode != 0:
        raise SystemExit(f"bench: build failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return run, json.loads(run.stdout.strip().splitlines()[-1])


def repeat(runs: int, files: list[Path], out: Path, *flags: str) -> dict[str, Any]:
    """Medians over ``runs`` instrumented builds: wall, CPU, tree peak, each stage."""
    rows = [stages_run(files, out, *flags) for _ in range(runs)]
    stages: dict[str, float] = {}
    for name in {k for _, data in rows for k in data["stages_s"]}:
        stages[name] = median([data["stages_s"].get(name, 0.0) for _, data in rows])
    peaks: dict[str, float] = {}
    for name in {k for _, data in rows for k in data["stage_peak_mb"]}:
        peaks[name] = median([data["stage_peak_mb"].get(name, 0.0) for _, data in rows])
    last = rows[-1][1]
    return {
        "runs": runs,
        "wall_s": median([r.wall_s for r, _ in rows]),
        "build_s": median([d["total_s"] for _, d in rows]),
        "cpu_s": median([r.user_s + r.sys_s for r, _ in rows]),
        "cpu_util": median([r.cpu_utilisation for r, _ in rows]),
        "tree_peak_mb": median([r.tree_peak_mb for r, _ in rows]),
        "stages_s": stages,
        "stage_peak_mb": peaks,
        "documents": last["documents"], "sentences": last["sentences"], "facts": last["facts"],
        "triples": last["triples"],
    }


# ---------------------------------------------------------------- sections


def section_source_build(runs: int, tmp: Path) -> tuple[str, dict[str, Any]]:
    log(f"source build, {runs} run(s)")
    result = repeat(runs, [], tmp / "source-graph", "--jobs", "1")
    rows = []
    for name in STAGE_ORDER:
        if name in result["stages_s"]:
            rows.append([name, fmt_s(result["stages_s"][name]), f"{result['stage_peak_mb'].get(name, 0):.0f} MB"])
    named = sum(v for k, v in result["stages_s"].items() if k not in ("read", "files+views"))  # those hold others
    rows.append(["other (registry, description, moving files into place)", fmt_s(result["build_s"] - named), ""])
    rows.append(["**build() total**", f"**{fmt_s(result['build_s'])}**", ""])
    rows.append(["whole process (interpreter, imports, build)", fmt_s(result["wall_s"]),
                 f"{result['tree_peak_mb']:.0f} MB"])
    text = (f"## Build of the source document\n\n`resdip build` of `{SOURCE_TEXT.relative_to(ROOT)}` "
            f"({len(SOURCE_TEXT.read_text(encoding='utf-8')):,} characters; {result['triples']:,} triples, "
            f"{result['facts']} facts), in one process (`--jobs 1`, so reading is timed by its parts). "
            f"Median of {runs} run(s); memory is the process's resident size at its peak during the stage "
            f"(cumulative: it includes what earlier stages still hold). CPU time of the process: "
            f"{fmt_s(result['cpu_s'])}.\n\n"
            + table(["stage", "wall time", "peak memory"], rows))
    return text, result


SCALE_STAGES = ["read", "merge+describe", "serialise", "files+views"]
#: Goals of docs/BENCHMARKS.md's scale section (issue 8): the ×100 build on this 2-core machine.
GOAL_S, GOAL_MB = 120.0, 1500.0


def section_scale(sizes: list[float], runs: int, full_runs: int, tmp: Path,
                  jobs: int) -> tuple[str, dict[Any, dict[str, Any]], Path | None, Path | None]:
    from resdip.evaluation.synthetic import write_corpus

    corpora = {size: write_corpus(tmp / f"corpus-x{size:g}", size, seed=0) for size in sizes}
    core_size = 10 if 10 in sizes else sizes[0]
    core_rows, build_rows, stage_rows = [], [], []
    results: dict[Any, dict[str, Any]] = {}
    largest_graph: Path | None = None
    first_graph: Path | None = None
    base: dict[str, float] = {}
    for size in sizes:
        files = corpora[size]
        chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
        n = full_runs if size >= 100 else runs
        if size == core_size:  # the same build in one process and in one per core: do the cores help?
            for j in sorted({1, jobs}):
                log(f"scale ×{size:g}: build without views, --jobs {j}, 1 run")
                r = repeat(1, files, tmp / "noviews", "--no-views", "--jobs", str(j))
                core_rows.append([f"×{size:g}", f"{len(files)}", f"{chars:,}", str(j), fmt_s(r["wall_s"]),
                                  f"{chars / r['build_s'] / 1000:.0f}k", f"{r['cpu_util']:.2f}",
                                  f"{r['tree_peak_mb']:.0f} MB"])
        log(f"scale ×{size:g}: whole build, --jobs {jobs}, {n} run(s)")
        out = tmp / f"graph-x{size:g}"
        r = repeat(n, files, out, "--jobs", str(jobs))
        results[size] = r
        base.setdefault("s_per_char", r["build_s"] / chars)
        growth = (r["build_s"] / chars) / base["s_per_char"]
        build_rows.append([f"×{size:g}", f"{len(files)}", f"{chars:,}", f"{r['triples']:,}", str(n),
                           fmt_s(r["wall_s"]), fmt_s(r["cpu_s"]), f"{r['cpu_util']:.2f}",
                           f"{r['tree_peak_mb']:.0f} MB", f"{growth:.2f}"])
        stage_rows.append([f"×{size:g}"] + [fmt_s(r["stages_s"].get(s)) for s in SCALE_STAGES])
        largest_graph = out
        if first_graph is None:
            first_graph = out
    text = ("## Scale: a synthetic corpus at ×1, ×10, ×100 the source's size\n\n"
            "`resdip.evaluation.synthetic.write_corpus` writes documents of about 15,100 characters in the White Paper's "
            "genre (visits, signings, meetings, memberships, investments, targets, observations, supply shares, "
            "measures with budgets 【…】), every name, date, figure and the sentence order drawn from the registry "
            "by a seeded RNG (seed 0).\n\n"
            f"### Whole builds (`resdip build --jobs {jobs}`)\n\n"
            "Everything `resdip build` does: read, extract, emit, validate (SHACL), write the dataset files, draw the "
            "page, exports, pictures and analysis. Wall and CPU time of the whole process tree (interpreter start "
            "included), peak resident memory of the tree (the build and its reading processes, sampled every 50 ms); "
            "*CPU util.* = CPU / wall (2.00 = both cores busy throughout); *s per char vs ×1* = seconds per "
            "character relative to ×1 (1.00 = linear). Medians.\n\n"
            + table(["size", "documents", "characters", "triples", "runs", "wall", "CPU", "CPU util.",
                     "peak memory (tree)", "s per char vs ×1"], build_rows))
    if 100 in results:
        r = results[100]
        verdict = []
        for what, value, goal, unit in (("time", r["wall_s"], GOAL_S, "s"), ("peak memory", r["tree_peak_mb"], GOAL_MB, "MB")):
            if value <= goal:
                verdict.append(f"{what} {value:,.0f} {unit} ≤ {goal:,.0f} {unit}: **met**")
            else:
                verdict.append(f"{what} {value:,.0f} {unit} > {goal:,.0f} {unit}: **missed by {value / goal - 1:.0%}**")
        text += "\n\nGoal for ×100 (2 minutes, 1.5 GB on this machine): " + "; ".join(verdict) + "."
    text += ("\n\nStages (seconds in the build's own process): `read` is the reading processes' work as this process "
             "waits for it (load, segment, recognise, extract, emit, validate and spool each document); "
             "`merge+describe` merges the runs and counts the VoID description; `serialise` writes the dataset "
             "files; `files+views` is the wall time of the files and the views (page, exports, pictures, "
             "analysis, ontology page), drawn side by side in two processes (the views alone: "
             "`bench/views.py`, in docs/performance.md).\n\n"
             + table(["size"] + SCALE_STAGES, stage_rows))
    if core_rows:
        text += ("\n\n### One process against one per core\n\n"
                 f"The ×{core_size:g} build without the views (`bench/stages.py --no-views`), `--jobs 1` and "
                 f"`--jobs {jobs}`, one run each.\n\n"
                 + table(["size", "documents", "characters", "jobs", "wall", "chars/s", "CPU util.",
                          "peak memory (tree)"], core_rows))
    return text, results, first_graph, largest_graph


REBUILD_GOAL_S = 3.0  # the source's cold build, whole process (issue 15)
REBUILD_SHARE = 0.25  # one document added to the ×100 corpus, against its cold build


def _build_cmd(files: list[Path], out: Path, *flags: str) -> list[str]:
    return [PYTHON, str(ROOT / "build_graph.py"), *map(str, files), "--out", str(out), "--quiet", *flags]


def _measured_build(files: list[Path], out: Path, *flags: str) -> ProcessRun:
    run = run_measured(_build_cmd(files, out, *flags))
    if run.returncode != 0:
        raise SystemExit(f"bench: build failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return run


def section_rebuild(runs: int, size: float, tmp: Path) -> tuple[str, dict[str, Any]]:
    """Whole-process builds with the cache (``resdip build``, default jobs): the source cold (an empty
    cache) against ``--no-cache``; the ×``size`` corpus cold, warm with no change, and with one
    document added, against a ``--no-cache`` build of the same corpus."""
    from resdip.evaluation.synthetic import write_corpus

    rows, out = [], {}
    cold_runs, plain_runs = [], []
    for i in range(runs):
        log(f"rebuild: the source, cold and --no-cache, run {i + 1} of {runs}")
        shutil.rmtree(tmp / "rebuild-source", ignore_errors=True)
        cold_runs.append(_measured_build([], tmp / "rebuild-source" / "graph"))
        plain_runs.append(_measured_build([], tmp / "rebuild-source-plain" / "graph", "--no-cache"))
        shutil.rmtree(tmp / "rebuild-source-plain", ignore_errors=True)
    log("rebuild: the source, warm")
    warm_source = [_measured_build([], tmp / "rebuild-source" / "graph") for _ in range(runs)]

    def row(label: str, measured: list[ProcessRun], base: float | None = None) -> list[str]:
        wall = median([r.wall_s for r in measured])
        out[label] = {"wall_s": wall, "cpu_s": median([r.user_s + r.sys_s for r in measured]),
                      "peak_mb": median([r.tree_peak_mb for r in measured]), "runs": len(measured)}
        return [label, str(len(measured)), fmt_s(wall), fmt_s(out[label]["cpu_s"]), f"{out[label]['peak_mb']:.0f} MB",
                f"{wall / base:.2f}" if base else "1.00"]

    rows.append(row("the source, `--no-cache` (baseline)", plain_runs))
    base = out["the source, `--no-cache` (baseline)"]["wall_s"]
    rows.append(row("the source, cold (empty cache)", cold_runs, base))
    rows.append(row("the source, warm (no change)", warm_source, base))

    corpus = write_corpus(tmp / f"rebuild-corpus-x{size:g}", size, seed=0)
    extra = write_corpus(tmp / "rebuild-extra", 1, seed=100)
    big = tmp / "rebuild-big" / "graph"
    log(f"rebuild: ×{size:g}, --no-cache")
    plain = _measured_build(corpus, tmp / "rebuild-big-plain" / "graph", "--no-cache")
    shutil.rmtree(tmp / "rebuild-big-plain", ignore_errors=True)
    log(f"rebuild: ×{size:g}, cold")
    cold = _measured_build(corpus, big)
    log(f"rebuild: ×{size:g}, warm")
    warm = _measured_build(corpus, big)
    log(f"rebuild: ×{size:g}, one document added")
    added = _measured_build(corpus + extra, big)
    label = f"×{size:g} ({len(corpus)} documents)"
    rows.append(row(f"{label}, `--no-cache` (baseline)", [plain]))
    big_base = plain.wall_s
    rows.append(row(f"{label}, cold (empty cache)", [cold], big_base))
    rows.append(row(f"{label}, warm (no change)", [warm], big_base))
    rows.append(row(f"{label}, one document added", [added], big_base))
    verdicts = []
    source_cold = out["the source, cold (empty cache)"]["wall_s"]
    verdicts.append(f"the source's cold build {fmt_s(source_cold)} "
                    + (f"≤ {REBUILD_GOAL_S:g} s: **met**" if source_cold <= REBUILD_GOAL_S
                       else f"> {REBUILD_GOAL_S:g} s: **missed** (×{source_cold / REBUILD_GOAL_S:.2f} the goal)"))
    share = added.wall_s / cold.wall_s
    verdicts.append(f"one document added {fmt_s(added.wall_s)} = {share:.0%} of the cold build "
                    + ("≤ 25%: **met**" if share <= REBUILD_SHARE else "> 25%: **missed**"))
    peak = max(cold.tree_peak_mb, warm.tree_peak_mb, added.tree_peak_mb)
    verdicts.append(f"peak memory with the cache {peak:.0f} MB against {plain.tree_peak_mb:.0f} MB without "
                    + ("(unchanged or lower: **met**)" if peak <= plain.tree_peak_mb * 1.02 else "(**higher**)"))
    text = ("## Rebuilds: cold, warm, one document added (the build cache)\n\n"
            "`resdip build --quiet` as a user runs it (default `--jobs`, the cache in `.graph.cache` beside the "
            "output folder), measured from outside as one process tree: wall and CPU time, peak resident memory "
            "(sampled every 50 ms). *cold*: the cache empty (the build fills it); *warm*: the same inputs again; "
            "*one document added*: the corpus and one more synthetic document (seed 100). Each baseline is "
            f"`--no-cache`, measured in the same run; *vs baseline* = wall / the baseline's wall. The source: median "
            f"of {runs} runs each; ×{size:g}: one run each. Load average when the section ended: "
            f"{' '.join(f'{x:.2f}' for x in __import__('os').getloadavg())}.\n\n"
            + table(["build", "runs", "wall", "CPU", "peak memory (tree)", "vs baseline"], rows)
            + "\n\nGoals (issue 15): " + "; ".join(verdicts) + ".")
    return text, out


def section_queries(graphs: list[tuple[str, Path, float]], runs: int) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {}
    for label, graph, cap in graphs:
        log(f"queries on {label}")
        run = run_measured([PYTHON, str(BENCH / "queries.py"), str(graph), "--runs", str(runs), "--cap", str(cap)])
        if run.returncode != 0:
            raise SystemExit(f"bench: queries failed:\n{run.stderr[-3000:]}")
        out[label] = json.loads(run.stdout.strip().splitlines()[-1])
    names = [q["query"] for q in next(iter(out.values()))["queries"]]
    header = ["query"]
    for label in out:
        header += [f"Oxigraph, {label}", f"rdflib, {label}", "ratio"]
    rows = []
    for i, name in enumerate(names):
        row = [f"`{name}`"]
        for label, data in out.items():
            q = data["queries"][i]
            ox, rl = q["oxigraph_ms"], q["rdflib_ms"]
            if q["oxigraph_error"] or ox is None:
                ox_cell = "fails" if q["oxigraph_error"] else f"> {data['cap_s']:g} s"
                rdf_cell = "fails¹" if q["rdflib_error"] else fmt_ms(rl, data["cap_s"])
                row += [ox_cell, rdf_cell, "—"]
                continue
            if q["rdflib_error"]:
                rdf_cell, ratio = "fails¹", "—"
            elif rl is None:
                rdf_cell, ratio = f"> {data['cap_s']:g} s", f"> {data['cap_s'] * 1000 / max(ox, 0.001):,.0f}×"
            else:
                rdf_cell, ratio = fmt_ms(rl), f"{rl / max(ox, 0.001):,.0f}×"
            if q["rdflib_rows"] is not None and q["rdflib_rows"] != q["oxigraph_rows"]:
                rdf_cell += f" ({q['rdflib_rows']} rows vs {q['oxigraph_rows']})"
            row += [fmt_ms(ox), rdf_cell, ratio]
        rows.append(row)
    loads = "; ".join(f"{label} (cap {d['cap_s']:g} s): {d['quads']:,} quads, load {d['load_oxigraph_s']:.1f} s (Oxigraph) vs "
                      f"{d['load_rdflib_s']:.1f} s (rdflib)" for label, d in out.items())
    errors = sorted({q["rdflib_error"].split(":")[0] + ": " + q["rdflib_error"].split(":", 1)[1].strip()
                     for d in out.values() for q in d["queries"] if q["rdflib_error"]})
    text = ("## Queries: embedded Oxigraph against rdflib's engine\n\n"
            "Every `queries/*.rq`, results read to the end. Oxigraph: `resdip.rdf.store.open_store` (the named graphs "
            "and their merge as the default graph); rdflib: `Dataset(default_union=True)` parsing the same "
            f"`dataset.trig`. Median of up to {runs} runs (fewer once they add up to 2 s); each engine's runs "
            "of a query are made in a forked copy of the loaded process, killed at the cap given with the graph "
            f"(shown as > cap). {loads}.\n\n" + table(header, rows))
    if errors:
        text += "\n\n¹ rdflib raises " + "; ".join(f"`{e}`" for e in errors) + " (Oxigraph answers)."
    return text, out


def _first_draws(browser: Any, path: Path, runs: int, cap: float) -> tuple[float | None, int]:
    """Median ms to first draw (None: no draw within the cap, not waited for again), blocked requests."""
    from page_bench import first_draw

    times: list[float] = []
    blocked = 0
    for _ in range(runs):
        ms, blocked = first_draw(browser, path, cap)
        if ms is None:
            return None, blocked
        times.append(ms)
    return median(times), blocked


def section_page(source_graph: Path, sizes: list[int], runs: int, cap: float, tmp: Path) -> str:
    import networkx as nx
    from page_bench import ARGS, CHROMIUM, fmt_size, pyvis_page
    from playwright.sync_api import sync_playwright

    from resdip.views.page import render_page
    from resdip.views.page.sample import synthetic_graph, synthetic_quotes

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pages: list[tuple[str, str, Path, Path, int]] = []
            source = nx.read_graphml(source_graph / "exports" / "network.graphml")
            theirs = tmp / "pyvis-source.html"
            pyvis_page(source, theirs)
            pages.append(("the source's graph", f"{source.number_of_nodes():,} / {source.number_of_edges():,}",
                          source_graph / "network.html", theirs, runs))
            for n in sizes:
                graph = synthetic_graph(n)
                ours, theirs = tmp / f"ours-{n}.html", tmp / f"pyvis-{n}.html"
                render_page(graph, synthetic_quotes(graph), ours)
                pyvis_page(graph, theirs)
                pages.append((f"synthetic {n:,} nodes", f"{graph.number_of_nodes():,} / {graph.number_of_edges():,}",
                              ours, theirs, runs))
            for label, size, ours, theirs, n in pages:
                log(f"page: {label}")
                ms, blocked = _first_draws(browser, ours, n, cap)
                rows.append([label, size, "resdip", fmt_ms(ms, cap), fmt_size(ours), str(blocked)])
                # pyvis's default (physics on) is slow past a few hundred nodes: one run is enough to show it.
                ms, blocked = _first_draws(browser, theirs, n if label == "the source's graph" else 1, cap)
                rows.append([label, size, "pyvis default", fmt_ms(ms, cap), fmt_size(theirs), str(blocked)])
        finally:
            browser.close()
    return ("## The network page: time to first draw\n\n"
            "Headless Chromium (`/usr/bin/chromium` through Playwright), `bench/page_bench.py`'s measure: "
            "milliseconds from navigation to the first `afterDrawing` of the page's `vis.Network`, every "
            f"outside request blocked and counted. Ours: median of {runs} run(s); pyvis's default page "
            f"(`cdn_resources=\"in_line\"`, physics on): one run for the synthetic graphs; waiting at most "
            f"{cap:g} s. The source's pyvis page is made from `exports/network.graphml` of the same build.\n\n"
            + table(["graph", "nodes / edges", "page", "first draw", "file size", "blocked requests"], rows))


def section_extraction(corpus: list[Path], runs: int) -> tuple[str, list[dict[str, Any]]]:
    rows, out = [], []
    for label, files in (("the source", []), (f"synthetic, {len(corpus)} document(s)", corpus)):
        log(f"extraction: {label}")
        run = run_measured([PYTHON, str(BENCH / "extraction.py"), *map(str, files), "--runs", str(runs)])
        if run.returncode != 0:
            raise SystemExit(f"bench: extraction failed:\n{run.stderr[-3000:]}")
        data = json.loads(run.stdout.strip().splitlines()[-1])
        out.append(data)
        rows.append([label, f"{data['chars']:,}", fmt_s(data["seconds"]), f"{data['chars_per_s']:,.0f}",
                     fmt_s(data["warm_up_s"])])
    return ("## Extraction throughput\n\n"
            "`extract_document` (recognise + extract) over already segmented documents in one process, after a "
            "warm-up extraction that loads the recogniser and SudachiPy's dictionary (not counted). Median of "
            f"{runs} run(s).\n\n"
            + table(["documents", "characters", "time", "characters per second", "warm-up (not counted)"], rows)), out


def section_reading(runs: int, copies: int, builds: int) -> str:
    log(f"reading PDF against text, {copies} copies")
    run = run_measured([PYTHON, str(BENCH / "reading.py"), "--runs", str(runs), "--copies", str(copies),
                        "--builds", str(builds)])
    if run.returncode != 0:
        raise SystemExit(f"bench: reading failed:\n{run.stderr[-3000:]}")
    data = json.loads(run.stdout.strip().splitlines()[-1])
    rows = []
    for row in data["rows"]:
        rows.append([f"×{row['copies']}", str(row["pages"]), f"{row['chars']:,}",
                     fmt_s(row["pdf_read_s"]), f"{row['pages'] / row['pdf_read_s']:,.0f}",
                     fmt_s(row["txt_read_s"]), fmt_s(row["pdf_segment_s"]), fmt_s(row["txt_segment_s"]),
                     f"{row['pdf_segment_s'] / row['txt_segment_s']:.1f}×"])
    text = ("## Reading a PDF source against its text\n\n"
            "The chapter printed as a PDF by chromium (`tests/pdf/make_pdfs.py`: A4, running header, page numbers, "
            "footnotes, a figure), once and several times over in one file, read by `resdip.text.formats.read_source` "
            "(PDFium through pypdfium2: characters, boxes, lines, blocks); against the text that PDF gives, saved as a "
            "`.txt` and read the same way. *Read + segment* adds `parse_document` (the text model). Median of "
            f"{runs} run(s), in one process.\n\n"
            + table(["PDF", "pages", "characters", "read PDF", "pages per second", "read text",
                     "PDF read + segment", "text read + segment", "PDF vs text"], rows))
    if data["builds"]:
        pdf, txt = data["builds"]["pdf"], data["builds"]["txt"]
        text += (f"\n\nWhole builds (`build_graph.py FILE --jobs 1`, interpreter start included) of the ×1 PDF: "
                 f"{fmt_s(pdf)}; of its text: {fmt_s(txt)} ({pdf / txt:.2f}×): reading the PDF is a small part "
                 "of a build, whose time goes to extraction, validation and the views.")
    return text


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and one run: a smoke test")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    parser.add_argument("--large-graph", default=None, metavar="[LABEL=]DIR",
                        help="a built graph folder to query as the large graph (default: the largest built here)")
    parser.add_argument("--large-cap", type=float, default=3.0,
                        help="seconds allowed to each engine per query on the large graph (default 3)")
    parser.add_argument("--skip", default="",
                        help="comma-separated sections to leave out: source,rebuild,scale,queries,page,extraction,reading")
    parser.add_argument("--only", default="", help="comma-separated sections to run (the others are left out)")
    parser.add_argument("--update", action="store_true",
                        help="replace only the sections run in the existing --out file, keeping the others")
    args = parser.parse_args(argv)

    from resdip.pipeline.build import default_jobs

    jobs = default_jobs()
    skip = set(filter(None, args.skip.split(",")))
    if args.only:
        skip |= set(SECTIONS) - set(args.only.split(","))
    if args.quick:
        runs, full_runs, sizes, page_sizes, cap, qcap = 1, 1, [0.2], [100], 20.0, 5.0
        qcap_large = qcap
    else:
        runs, full_runs, sizes, page_sizes, cap, qcap = args.runs, 1, [1, 10, 100], [1000, 10000], 30.0, 30.0
        qcap_large = args.large_cap
    started = time.perf_counter()
    info = machine()
    parts = ["# Benchmarks\n\n_Generated by `bench/run.py"
             + (" --quick" if args.quick else "")
             + "`; do not edit by hand. Timings are of one machine at one moment: compare rows, not machines._\n"]
    parts.append("## Machine\n\n" + table(["", ""], [[k, v] for k, v in info.items()]))
    with tempfile.TemporaryDirectory(prefix="resdip-bench-") as tmp_name:
        tmp = Path(tmp_name)
        source_graph = tmp / "source-graph"
        if "source" not in skip:
            text, _ = section_source_build(runs, tmp)
            parts.append(text)
        if "rebuild" not in skip:
            text, _ = section_rebuild(runs if not args.quick else 1, 0.2 if args.quick else 100, tmp)
            parts.append(text)
        large, large_label = None, ""
        if args.large_graph:
            large_label, _, given = args.large_graph.rpartition("=")
            large = Path(given)
        first = None
        if "scale" not in skip:
            text, _, first, largest = section_scale(sizes, runs, full_runs, tmp, jobs)
            parts.append(text)
            large = large or largest
        if "queries" not in skip and source_graph.is_dir():
            graphs = [("source", source_graph, qcap)] + ([(large_label or _label(large), large, qcap_large)] if large else [])
            text, _ = section_queries(graphs, 5 if not args.quick else 1)
            parts.append(text)
        if "page" not in skip and source_graph.is_dir():
            if Path("/usr/bin/chromium").exists():
                parts.append(section_page(source_graph, page_sizes, runs, cap, tmp))
            else:
                parts.append("## The network page: time to first draw\n\nSkipped: /usr/bin/chromium is missing "
                             "(install Debian's chromium: `sh tests/install-tools.sh`).")
        if "extraction" not in skip:
            from resdip.evaluation.synthetic import write_corpus

            corpus = write_corpus(tmp / "extraction-corpus", 0.5 if args.quick else 10, seed=1)
            text, _ = section_extraction(corpus, runs)
            parts.append(text)
        if "reading" not in skip:
            parts.append(section_reading(runs, 2 if args.quick else 10, 0 if args.quick else runs))
    elapsed = time.perf_counter() - started
    parts.append(f"_Whole run: {elapsed / 60:.1f} minutes; load average at the end: "
                 f"{' '.join(f'{x:.2f}' for x in __import__('os').getloadavg())}._\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.update and args.out.is_file():
        parts = updated(args.out.read_text(encoding="utf-8"), parts[2:-1])
    args.out.write_text("\n\n".join(p.rstrip() for p in parts) + "\n", encoding="utf-8")
    log(f"wrote {args.out} in {elapsed / 60:.1f} min")
    return 0


SECTIONS = ("source", "rebuild", "scale", "queries", "page", "extraction")


def updated(old: str, new: list[str]) -> list[str]:
    """The parts of an existing BENCHMARKS.md (split at its ``## `` headings) with the sections in
    ``new`` put in place of those with the same heading, or before the closing line if new."""
    parts = [p for p in ("\n" + old).split("\n## ")]
    parts = [parts[0].strip()] + ["## " + p.strip() for p in parts[1:]]
    closing = parts[-1].rsplit("\n\n_Whole run", 1)
    parts[-1] = closing[0]
    tail = ["_Whole run" + closing[1]] if len(closing) > 1 else []
    for section in new:
        heading = section.split("\n", 1)[0]
        at = next((i for i, p in enumerate(parts) if p.split("\n", 1)[0] == heading), None)
        if at is None:  # a new section: after the source's build
            after = next((i for i, p in enumerate(parts) if p.startswith("## Build of the source")), len(parts) - 1)
            parts.insert(after + 1, section)
        else:
            parts[at] = section
    return parts + tail


def _label(graph: Path) -> str:
    """×10 for graph-x10 (built here); the triple count for a graph given with --large-graph."""
    name = graph.name
    if name.startswith("graph-x"):
        return "×" + name[len("graph-x"):].split("-")[0]
    return f"{name} (given)"


if __name__ == "__main__":
    sys.exit(main())
