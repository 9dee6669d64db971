"""What a build tells while it runs: plain lines, or a progress bar when stderr is a terminal.

A build calls its progress with a message at each stage (``progress("writing dataset.trig")``) and,
as documents are read or taken from the cache, :func:`document_done` with how many of how many.
:class:`Lines` prints each message on a line of its own (``resdip: …``), as logs and pipes want;
:class:`Bar` keeps one line on a terminal, redrawn in place by tqdm: documents done of all, a bar,
the time since the build started, and the current stage.
"""

from __future__ import annotations

import shutil
import sys
from typing import Any, Callable, TextIO

Progress = Callable[[str], None]


def document_done(progress: Progress, done: int, total: int, message: str) -> None:
    """Tell ``progress`` that ``done`` of ``total`` documents (or parts) are read."""
    hook = getattr(progress, "document", None)
    if hook is not None:
        hook(done, total, message)
    else:
        progress(message)


class Lines:
    """``resdip: <message>`` lines on a stream (stderr)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def __call__(self, message: str) -> None:
        print(f"resdip: {message}", file=self.stream or sys.stderr, flush=True)

    def warning(self, message: str) -> None:
        self(f"warning: {message}")

    def close(self) -> None:
        pass


class Bar(Lines):
    """One line redrawn in place: ``resdip: 12/100 documents |████      | 00:41 reading foo.txt``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        from tqdm import tqdm

        super().__init__(stream)
        tqdm.monitor_interval = 0  # no monitor thread (the build forks)
        size = shutil.get_terminal_size()  # a terminal that has no size says 0 (tqdm then hides the bar)
        self._bar: Any = tqdm(total=None, file=stream or sys.stderr, unit="doc", ncols=size.columns or 80,
                              nrows=size.lines or 24, leave=False,
                              bar_format="resdip: {n_fmt}/{total_fmt} documents |{bar:24}| {elapsed} {desc}")

    def __call__(self, message: str) -> None:
        self._bar.set_description_str(message)

    def document(self, done: int, total: int, message: str) -> None:
        if self._bar.total != total:
            self._bar.total = total
        self._bar.n = done
        self._bar.set_description_str(message)  # redraws

    def warning(self, message: str) -> None:
        self._bar.write(f"resdip: warning: {message}", file=self.stream or sys.stderr)

    def close(self) -> None:
        self._bar.close()


def for_stream(stream: TextIO, quiet: bool = False) -> Lines:
    """Nothing when ``quiet``; a bar on a terminal; lines elsewhere."""
    if quiet:
        return Quiet()
    return Bar(stream) if stream.isatty() else Lines(stream)


class Quiet(Lines):
    def __call__(self, message: str) -> None:
        pass

    def warning(self, message: str) -> None:
        print(f"resdip: warning: {message}", file=self.stream or sys.stderr, flush=True)
