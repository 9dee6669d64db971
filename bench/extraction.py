"""Extraction throughput: characters per second of recognise+extract, in one process; prints JSON.

    .venv/bin/python bench/extraction.py [FILE...] [--runs 3]

Documents are loaded and segmented first (not timed); the registry, the
recogniser and SudachiPy's dictionary are loaded by a warm-up extraction of
the first document (not timed); then ``extract_document`` is timed over all
documents, ``--runs`` times. Characters are those of the decoded source texts.
Default documents: the source (``sources/sources.json``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from resdip.pipeline.build import select_sources
    from resdip.extract.document import DocumentInfo, extract_document
    from resdip.registry import load_registry
    from resdip.text import parse_document, read_text

    registry = load_registry()
    docs = []
    for meta in select_sources(args.files or None):
        text = read_text(meta.file).text
        docs.append((parse_document(text, doc_id=meta.id, layout=meta.layout),
                     DocumentInfo(meta.id, meta.date or meta.issued, meta.voice), len(text)))
    chars = sum(n for _, _, n in docs)
    start = time.perf_counter()
    extract_document(docs[0][0], docs[0][1], registry)  # warm-up: recogniser, Sudachi dictionary
    warm_up = time.perf_counter() - start
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for doc, info, _ in docs:
            extract_document(doc, info, registry)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    json.dump({"documents": len(docs), "chars": chars, "seconds": seconds, "runs": args.runs,
               "warm_up_s": warm_up, "chars_per_s": chars / seconds}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
