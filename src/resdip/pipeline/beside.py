"""Run one step of the build in a second process while this one goes on with another.

The build's last steps are single-threaded: the dataset files (merging runs, Oxigraph writing
TriG, Turtle, JSON-LD) and the views (network page, exports, pictures, analysis), which read
only ``dataset.nq``. On a machine with two cores or more they run side by side: the views in a
forked process (nothing is pickled but the outcome), the files here. An error in the forked
step is raised here, as the same exception where it can be sent back, else as a ResdipError
carrying its message.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any

from ..errors import ResdipError


class Beside:
    """``call()`` running in a forked process; :meth:`join` waits and re-raises its error."""

    def __init__(self, call: Callable[[], Any]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(call, send), daemon=False)  # it may start processes of its own
        self._process.start()
        send.close()

    def join(self) -> None:
        try:
            outcome = self._receive.recv()
        except EOFError:  # the process died without a word (killed, out of memory)
            outcome = ResdipError(f"a build process ended without finishing (exit status "
                                  f"{self._process.exitcode if self._process.exitcode is not None else 'unknown'})")
        self._process.join()
        if isinstance(outcome, BaseException):
            raise outcome

    def stop(self) -> None:
        """End the process (when this side failed and its work will not be used)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def _run(call: Callable[[], Any], send: Any) -> None:
    try:
        call()
        outcome: object = None
    except BaseException as exc:  # everything goes back to the parent, which decides
        outcome = exc
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:
            lines = traceback.format_exception_only(type(exc), exc)
            outcome = ResdipError(lines[-1].strip())
    try:
        send.send(outcome)
    finally:
        send.close()
        os._exit(0)  # no atexit handlers, no flushing of the parent's inherited buffers


def run_beside(first: Callable[[], Any], second: Callable[[], Any], together: bool) -> None:
    """``first()`` in a forked process and ``second()`` here at the same time (one after the other
    when ``together`` is false); both must succeed."""
    if not together:
        first()
        second()
        return
    other = Beside(first)
    try:
        second()
        other.join()
    except BaseException:  # this side failed, or Ctrl-C while waiting: the other's work is not used
        other.stop()
        raise
