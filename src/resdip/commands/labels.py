"""``resdip labels [--out FILE] [--graph-dir DIR] [--all]``: English labels for a curator to review.

Writes a CSV (``label_ja,label_en,origin,id``) of the composed and machine-made English labels
of the built graph (``rd:composedLabel``, ``rd:machineLabel``), machine-made first. Correct
``label_en`` in the rows you want to change and add them to ``registry/labels/overrides.csv``
(same columns; only ``label_ja`` and ``label_en`` are read): the next build uses them.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from .. import paths
from ..rdf.store import open_store, run_query

QUERY = """
PREFIX rd: <https://w3id.org/resdip/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?origin ?en ?ja WHERE {
  { ?node rd:machineLabel ?en BIND("machine" AS ?origin) }
  UNION { ?node rd:composedLabel ?en BIND("composed" AS ?origin) }
  OPTIONAL { ?node rdfs:label ?ja FILTER (LANG(?ja) = "ja") }
}
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the CSV here (default: standard output)")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")
    parser.add_argument("--all", action="store_true",
                        help="also list facts (events and observations named in Japanese), not only entities")


def label_rows(graph_dir: Path, facts: bool = False) -> list[list[str]]:
    """``[label_ja, label_en, origin, id]`` rows, machine-made first, then by Japanese label."""
    store = open_store(graph_dir)
    rows = []
    for s in run_query(store, QUERY, source="labels"):
        iri = s["node"].value
        is_entity = "/id/" in iri
        if not is_entity and not facts:
            continue
        ja = s["ja"].value if s["ja"] is not None else ""
        rows.append([ja, s["en"].value, s["origin"].value, iri.rsplit("/", 1)[-1]])
    return sorted(rows, key=lambda r: (r[2] != "machine", r[0], r[3]))


def run(args: argparse.Namespace) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["label_ja", "label_en", "origin", "id"])
    writer.writerows(label_rows(args.graph_dir, args.all))
    if args.out:
        args.out.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        sys.stdout.write(buffer.getvalue())
    return 0
