"""``resdip build [FILE...] [--out DIR]``: build the graph, page and exports."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .. import paths
from ..errors import OutputError

if TYPE_CHECKING:
    from ..cache import Cache
    from ..pipeline.build import BuildReport


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="text files to build from (default: every source in sources/sources.json)")
    parser.add_argument("--out", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="output folder (default: graph/)")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    parser.add_argument("--explain", action="store_true",
                        help="list the sentences no extraction rule could read")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors and warnings")
    parser.add_argument("--watch", action="store_true",
                        help="build, then build again whenever a source, pattern, registry, ontology or shapes "
                             "file changes, printing the facts added and removed per document, until Ctrl-C")
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument("--cache", type=Path, default=None, metavar="DIR",
                       help="keep and reuse documents' runs and drawn views here (default: .OUT.cache beside "
                            "the output folder, e.g. .graph.cache)")
    cache.add_argument("--no-cache", action="store_true", help="read every document and draw every view anew")
    parser.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                        help="processes reading the documents (default: one per core; 1 = no extra process)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def preflight(files: list[str], validate: bool) -> None:
    """Checks that fail in a second rather than after the build's work, or instead of hanging.

    A FIFO, device or socket given as FILE would block or never end when read; a malformed
    ontology.ttl is parsed by the emitter without a one-line error (and shapes.ttl only
    after extraction), so both are parsed here first.
    """
    from ..errors import InputFileError
    from ..rdf.validate import load_turtle

    for name in files:
        try:
            mode = Path(name).stat().st_mode
        except PermissionError:  # in a folder we may not enter (sources.source_for would raise it raw)
            raise InputFileError(f"{name}: cannot read (permission denied)") from None
        except OSError:
            continue  # missing, or a path through a file: the reader says which
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputFileError(f"{name}: not a regular file (a FIFO, device or socket)")
    load_turtle(paths.ONTOLOGY)
    if validate:
        load_turtle(paths.SHAPES)


def build_cache(args: argparse.Namespace, warn: Callable[[str], None]) -> Cache:
    """The cache the options ask for: none, the folder given, or ``.OUT.cache`` beside the output."""
    from ..cache import Cache, default_folder

    if args.no_cache:
        return Cache(None)
    folder = args.cache if args.cache is not None else default_folder(args.out)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cache {folder} exists and is not a folder")
    return Cache(folder, warn=warn)


def run(args: argparse.Namespace) -> int:
    from ..pipeline.collector import tune_for_build

    tune_for_build()  # before the build's modules are imported: they make many objects too
    preflight(args.files, validate=not args.no_validate)
    if args.watch:
        from ..pipeline.progress import Lines
        from ..pipeline.watch import watch

        return watch(args.files, lambda: build_once(args), Lines(sys.stderr))
    build_once(args)
    return 0


def build_once(args: argparse.Namespace) -> BuildReport:
    """One build as the options say, its summary and warnings printed."""
    from ..pipeline.build import build
    from ..pipeline.progress import for_stream

    progress = for_stream(sys.stderr, args.quiet)
    try:
        report = build(args.files or None, args.out, validate=not args.no_validate, progress=progress,
                       jobs=args.jobs, explain=args.explain, cache=build_cache(args, progress.warning))
    finally:
        progress.close()
    for warning in report.warnings:
        print(f"resdip: warning: {warning}", file=sys.stderr)
    if not args.quiet:
        read = report.sentences - report.unread_count
        print(
            f"resdip: built {args.out} from {report.documents} document(s): {report.sentences} sentences "
            f"({read} yielded facts, {report.unread_count} unread), {report.facts} facts, "
            f"{report.entities} entities, {report.triples} triples"
            + (f" ({report.reused} of the documents' runs reused from the cache)" if report.reused else ""),
            file=sys.stderr,
        )
    if args.explain:
        for doc_id, unread in report.unread:
            found = ", ".join(unread.entities) if unread.entities else "no entity"
            print(f"{doc_id} [{unread.raw_start}:{unread.raw_end}] {unread.section_path}\n  {unread.text}\n"
                  f"  entities: {found}\n  why: {unread.reason}")
        print(f"resdip: {report.naming_two_unread} of {report.naming_two} sentences that name two or more "
              f"entities yield no fact", file=sys.stderr)
    return report
