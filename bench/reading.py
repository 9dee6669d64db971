"""Reading a PDF source against reading the same content as plain text (one process, JSON out).

    .venv/bin/python bench/reading.py --runs 3 --copies 10

Prints the chapter as a PDF with chromium (``tests/pdf/make_pdfs.py``), once and ``--copies`` times
over in one file, and times for each: ``read_source`` of the PDF (PDFium, the reader's layout) and of
the text the PDF gives written as a ``.txt`` (decode); each followed by ``parse_document`` (segment);
and whole builds (``build_graph.py --jobs 1``) of the single-copy PDF and of its text. Medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "pdf"))


def timed(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--builds", type=int, default=1, help="whole builds of each kind (0: none)")
    args = parser.parse_args()

    import make_pdfs
    from resdip.text import parse_document
    from resdip.text.formats import read_source

    rows = []
    with tempfile.TemporaryDirectory(prefix="resdip-reading-") as scratch:
        tmp = Path(scratch)
        body = make_pdfs._source_html()
        for copies in sorted({1, args.copies}):
            pdf = tmp / f"chapter-x{copies}.pdf"
            make_pdfs.print_pdf(make_pdfs.page("\n".join([body] * copies), "bench"), pdf)
            loaded = read_source(pdf)
            txt = tmp / f"chapter-x{copies}.txt"
            txt.write_text(loaded.text, encoding="utf-8")
            pdf_read = timed(args.runs, lambda: read_source(pdf))
            txt_read = timed(args.runs, lambda: read_source(txt))
            pdf_both = timed(args.runs, lambda: parse_document(read_source(pdf).text, doc_id="b", layout="plain"))
            txt_both = timed(args.runs, lambda: parse_document(read_source(txt).text, doc_id="b", layout="plain"))
            rows.append({"copies": copies, "pages": loaded.pages, "chars": len(loaded.text),
                         "pdf_read_s": pdf_read, "txt_read_s": txt_read, "pdf_segment_s": pdf_both,
                         "txt_segment_s": txt_both})
        builds = {}
        if args.builds:
            pdf, txt = tmp / "chapter-x1.pdf", tmp / "chapter-x1.txt"
            for label, path in (("pdf", pdf), ("txt", txt)):
                def build(path: Path = path) -> None:
                    subprocess.run([sys.executable, str(ROOT / "build_graph.py"), str(path), "--out",
                                    str(tmp / f"graph-{path.suffix[1:]}"), "--jobs", "1", "--quiet"],
                                   check=True, capture_output=True)
                builds[label] = timed(args.builds, build)
    print(json.dumps({"rows": rows, "builds": builds}))


if __name__ == "__main__":
    main()
