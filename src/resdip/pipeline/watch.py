"""``resdip build --watch``: build, then build again whenever an input changes, until Ctrl-C.

The inputs are the source texts (with their ``.json`` metadata, or ``sources/sources.json``), the
pattern and registry files, ``ontology.ttl`` and ``shapes.ttl``. Their folders are watched with
watchfiles (inotify on Linux); changes are gathered until the files have been quiet for a moment
(``QUIET_MS``), so an editor's save or a ``git checkout`` gives one build, and a change saved
during a build gives one more build after it. With the cache (the default) a build reads only
the documents that changed, or all of them when a pattern or registry file did.

Each build runs in a forked process, so pattern and registry files are read afresh (this process
keeps nothing of them), and an error in one build (a malformed pattern file half-way through an
edit) is printed and the watch goes on. After each build it prints what changed in the graph:
facts added and removed, document by document.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import ResdipError

#: Milliseconds without a new change before a build starts (and at most, changes are grouped for).
QUIET_MS = 300
GROUP_MS = 2_000
#: How often the watcher wakes when nothing changes (to notice Ctrl-C at once).
TICK_MS = 400
#: Fact ids shown per document and direction; the rest are counted.
SHOWN = 4

Build = Callable[[], Any]  # returns the build's report


def inputs(files: list[str]) -> tuple[list[Path], Callable[[Path], bool]]:
    """The folders to watch and whether a changed path is an input of the build."""
    if files:
        texts = {Path(f).resolve() for f in files}
        wanted = texts | {t.with_suffix(".json") for t in texts}
        folders = {t.parent for t in texts}
    else:
        wanted = {paths.SOURCES_METADATA.resolve()}
        folders = {paths.SOURCES_DIR.resolve()}
        try:
            from ..text.sources import load_sources

            wanted |= {meta.file for meta in load_sources()}
            folders |= {meta.file.parent for meta in load_sources()}
        except ResdipError:
            pass  # a broken sources.json: watched all the same, the build says what is wrong
    data = [Path(paths.PATTERNS_DIR).resolve(), Path(paths.REGISTRY_DIR).resolve()]
    singles = {Path(paths.ONTOLOGY).resolve(), Path(paths.SHAPES).resolve()}
    wanted |= singles
    folders |= {p.parent for p in singles}
    for root in data:
        folders |= {root, *(p for p in root.rglob("*") if p.is_dir())}

    def relevant(path: Path) -> bool:
        path = path.resolve()
        if path.name.startswith(".") or path.name.endswith("~"):
            return False  # editors' temporary files
        return path in wanted or any(path.is_relative_to(root) for root in data)

    return sorted(f for f in folders if f.is_dir()), relevant


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(paths.ROOT).resolve()))
    except ValueError:
        return str(path)


def fact_changes(before: dict[str, set[str]] | None, after: dict[str, set[str]]) -> list[str]:
    """Lines saying, per document (by file), which facts a build added and removed."""
    if before is None:
        return []
    lines = []
    for doc in sorted(set(before) | set(after)):
        old, new = before.get(doc), after.get(doc)
        name = _shown(Path(doc))
        if old is None:
            lines.append(f"{name}: new document, {len(new or ())} facts")
            continue
        if new is None:
            lines.append(f"{name}: no longer built, {len(old)} facts gone")
            continue
        added, removed = sorted(new - old), sorted(old - new)
        if added or removed:
            lines.append(f"{name}: {_few(added)} added, {_few(removed)} removed")
    return lines or ["no fact added or removed"]


def _few(facts: list[str]) -> str:
    if not facts:
        return "0 facts"
    shown = ", ".join(facts[:SHOWN]) + (f", … {len(facts) - SHOWN} more" if len(facts) > SHOWN else "")
    return f"{len(facts)} fact{'s' if len(facts) != 1 else ''} ({shown})"


def _in_child(build: Build, send: Any) -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        report = build()
        outcome: object = ("built", {doc: sorted(facts) for doc, facts in report.facts_by_document.items()},
                           report.triples)
    except ResdipError as exc:
        outcome = ("error", str(exc))
    except KeyboardInterrupt:
        outcome = ("interrupted",)
    try:
        send.send(outcome)
    finally:
        send.close()
        sys.stderr.flush()
        os._exit(0)


def build_apart(build: Build) -> tuple[Any, ...]:
    """Run ``build()`` in a forked process; its outcome: ("built", facts by document, triples),
    ("error", message) or ("interrupted",). Ctrl-C here interrupts the build there, and waits for it."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_in_child, args=(build, send))
    process.start()
    send.close()
    try:
        try:
            return receive.recv()
        except EOFError:
            return ("error", f"the build process ended without finishing (exit status {process.exitcode})")
    except KeyboardInterrupt:
        if process.is_alive():
            os.kill(process.pid, signal.SIGINT)
        process.join()
        raise
    finally:
        process.join()


def watch(files: list[str], build: Build, say: Callable[[str], None]) -> int:
    """Build, then build again on each change of an input, printing what changed; 0 on Ctrl-C."""
    from watchfiles import DefaultFilter, watch as watch_changes

    folders, relevant = inputs(files)
    default = DefaultFilter()
    facts: dict[str, set[str]] | None = None
    triples = 0

    def once() -> None:
        nonlocal facts, triples
        outcome = build_apart(build)
        if outcome[0] == "error":
            say(f"build failed: {outcome[1]} (still watching)")
        elif outcome[0] == "built":
            now = {doc: set(ids) for doc, ids in outcome[1].items()}
            for line in fact_changes(facts, now):
                say(line)
            if facts is not None and outcome[2] != triples:
                say(f"{outcome[2]:,} triples ({outcome[2] - triples:+,})")
            facts, triples = now, outcome[2]

    try:
        once()
        ready = False
        for changes in watch_changes(*folders, watch_filter=lambda change, path: default(change, path)
                                     and relevant(Path(path)), debounce=GROUP_MS, step=QUIET_MS,
                                     rust_timeout=TICK_MS, yield_on_timeout=True, recursive=False):
            if not changes:
                if not ready:  # the first tick: the watcher is in place
                    say(f"watching {len(folders)} folder{'s' if len(folders) != 1 else ''} for changes "
                        "to the sources, patterns, registry, ontology and shapes (Ctrl-C to stop)")
                    ready = True
                continue
            say("changed: " + ", ".join(sorted({_shown(Path(path)) for _, path in changes})))
            once()
            say("watching again")
    except KeyboardInterrupt:
        say("stopped watching")
    return 0
