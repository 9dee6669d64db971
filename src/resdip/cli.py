"""Command line: ``resdip <command> ...``.

Each command lives in ``resdip.commands.<name>`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``. Commands are imported
only when used, so ``resdip query`` does not pay for the NLP stack.
"""

from __future__ import annotations

import argparse
import importlib
import os
import logging
import sys

from .errors import ResdipError, UsageError

COMMANDS: dict[str, str] = {
    "build": "Build the graph, page and exports from source documents",
    "fetch": "Save web pages and PDFs, with their fetch records, as source documents",
    "query": "Run a SPARQL query against the built graph",
    "serve": "Serve the built graph over the SPARQL 1.1 Protocol",
    "publish": "Load the dataset into a SPARQL store (Graph Store Protocol)",
    "analyse": "Network analysis report (centrality, communities, bridges)",
    "path": "Shortest chains of facts between two entities",
    "neighbours": "Entities around one entity, to a given depth",
    "evaluate": "Precision and recall of extraction against the gold annotation",
    "labels": "List composed and machine-made English labels (CSV) for a curator to correct",
}


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        command = self.prog.removeprefix("resdip").strip()  # main() prints the "resdip: " itself
        raise UsageError(f"{command}: {message}" if command else message)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="resdip", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, help_text in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        sub_parser.set_defaults(_module=name)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A library that calls logging.basicConfig(level=DEBUG) on import (pyLODE does) would
    # otherwise print its own and every other library's debug lines on stderr.
    logging.basicConfig(level=logging.WARNING, format="resdip: %(name)s: %(message)s")
    parser = make_parser()
    try:
        # Two passes: find the command, then let its module add its options.
        name = next((a for a in argv if not a.startswith("-")), None)
        if name in COMMANDS:
            module = importlib.import_module(f"resdip.commands.{name}")
            sub_parser = parser._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]
            module.add_arguments(sub_parser)
        args = parser.parse_args(argv)
        module = importlib.import_module(f"resdip.commands.{args._module}")
        return int(module.run(args) or 0)
    except ResdipError as exc:
        print(f"resdip: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("resdip: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (resdip query … | head): it has what it wanted. Point
        # stdout at /dev/null so the interpreter's final flush does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
