"""``resdip fetch URL... --out DIR``: save web pages and PDFs, with their fetch records, as sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import FetchError, UsageError
from ..outputs import check_writable
from ..text.fetch import fetch_all


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="+", metavar="URL", help="pages or PDFs to fetch, one request at a time")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to save them in")
    parser.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                        help="wait between two requests to one host (default 1; robots.txt's Crawl-delay if longer)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per request (default 30)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")


def run(args: argparse.Namespace) -> int:
    if args.delay < 0 or args.timeout <= 0:
        raise UsageError("fetch: --delay must be 0 or more and --timeout more than 0")
    check_writable(args.out)
    report = (lambda message: None) if args.quiet else (lambda message: print(f"resdip: {message}", file=sys.stderr))
    fetched, errors = fetch_all(list(args.urls), args.out, delay=args.delay, timeout=args.timeout, report=report)
    for line in errors[:-1]:
        print(f"resdip: {line}", file=sys.stderr)
    if errors:
        raise FetchError(errors[-1] + (f" ({len(fetched)} of {len(args.urls)} fetched)" if len(errors) > 1 or fetched else ""))
    return 0
