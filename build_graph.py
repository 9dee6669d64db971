#!/usr/bin/env python3
"""Build the knowledge graph: ``python build_graph.py [FILE...] [--out DIR]``.

A thin entry point for ``resdip build``; see ``resdip build --help``.
"""

import sys

from resdip.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
