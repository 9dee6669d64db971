"""``resdip evaluate [--gold FILE|DIR] [--graph-dir DIR] [--format md|json] [--errors]``.

Scores the built dataset against gold annotations (``tests/gold/*.jsonl``): precision, recall and
F1 by fact kind and overall. Scores are information: the exit status is 0 unless
``--min-precision`` / ``--min-recall`` are given and the overall score falls below them (then 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import paths
from ..errors import InputFileError, UsageError
from ..evaluation.evaluate import errors_markdown, evaluate, load_dataset, summed, to_json, to_markdown

DEFAULT_GOLD = paths.ROOT / "tests" / "gold" / "ewp2025-p2c1.jsonl"


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, metavar="FILE",
                        help="gold file {doc-id}.jsonl, or a folder of them (default: tests/gold/ewp2025-p2c1.jsonl)")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")
    parser.add_argument("--source", type=Path, metavar="FILE",
                        help="the document text the gold quotes (default: found from the document id)")
    parser.add_argument("--doc-id", metavar="ID", help="document id (default: the gold file's name)")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json")
    parser.add_argument("--errors", action="store_true", help="also list missed and spurious facts")
    parser.add_argument("--min-precision", type=_fraction, metavar="P", help="exit 1 if overall precision < P")
    parser.add_argument("--min-recall", type=_fraction, metavar="R", help="exit 1 if overall recall < R")


def run(args: argparse.Namespace) -> int:
    gold: Path = args.gold
    if gold.is_dir():
        files = sorted(gold.glob("*.jsonl"))
        if not files:
            raise InputFileError(f"no *.jsonl gold files in {gold}")
        if args.source or args.doc_id:
            raise UsageError("evaluate: --source and --doc-id need a single --gold FILE")
    elif gold.is_file():
        files = [gold]
    else:
        raise InputFileError(f"gold file {gold} not found")
    store = load_dataset(args.graph_dir)
    results = {f.stem if not args.doc_id else args.doc_id:
               evaluate(f, args.graph_dir, args.source, args.doc_id, store=store) for f in files}
    combined = {"all documents": summed(results.values())} if len(results) > 1 else {}
    if args.format == "json":
        json.dump({doc: to_json(scores) for doc, scores in {**results, **combined}.items()}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for doc, scores in results.items():
            sys.stdout.write(to_markdown(scores, title=doc) + "\n")
            if args.errors:
                sys.stdout.write(errors_markdown(scores) + "\n")
        for doc, scores in combined.items():
            sys.stdout.write(to_markdown(scores, title=doc) + "\n")
    status = 0
    for doc, scores in results.items():
        overall = scores["overall"]
        if args.min_precision is not None and overall.precision < args.min_precision:
            print(f"resdip: {doc}: precision {overall.precision:.3f} < {args.min_precision}", file=sys.stderr)
            status = 1
        if args.min_recall is not None and overall.recall < args.min_recall:
            print(f"resdip: {doc}: recall {overall.recall:.3f} < {args.min_recall}", file=sys.stderr)
            status = 1
    return status
