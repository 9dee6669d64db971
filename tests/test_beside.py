"""resdip.pipeline.beside: a build step in a forked process, its errors raised in the build's own."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from resdip.pipeline.beside import run_beside
from resdip.errors import OutputError, ResdipError


def test_both_sides_run(tmp_path: Path) -> None:
    run_beside(lambda: (tmp_path / "first").write_text("1"), lambda: (tmp_path / "second").write_text("2"), True)
    assert (tmp_path / "first").read_text() == "1" and (tmp_path / "second").read_text() == "2"


def test_the_first_runs_in_another_process(tmp_path: Path) -> None:
    run_beside(lambda: (tmp_path / "pid").write_text(str(os.getpid())), lambda: None, True)
    assert int((tmp_path / "pid").read_text()) != os.getpid()
    run_beside(lambda: (tmp_path / "pid").write_text(str(os.getpid())), lambda: None, False)
    assert int((tmp_path / "pid").read_text()) == os.getpid()


def test_an_error_beside_is_raised_here_as_itself() -> None:
    def fail() -> None:
        raise OutputError("cannot write /x: Permission denied")

    with pytest.raises(OutputError, match="cannot write /x"):
        run_beside(fail, lambda: None, True)


def test_an_error_that_cannot_travel_keeps_its_message() -> None:
    class Local(Exception):  # defined in a function: cannot be pickled back
        pass

    def fail() -> None:
        raise Local("the views broke")

    with pytest.raises(ResdipError, match="the views broke"):
        run_beside(fail, lambda: None, True)


def test_a_process_that_dies_is_an_error() -> None:
    with pytest.raises(ResdipError, match="ended without finishing"):
        run_beside(lambda: os.kill(os.getpid(), signal.SIGKILL), lambda: None, True)


def test_an_error_here_stops_the_other_side(tmp_path: Path) -> None:
    def slow() -> None:
        import time

        time.sleep(30)
        (tmp_path / "late").write_text("should not happen")

    def fail() -> None:
        raise OutputError("disk full")

    with pytest.raises(OutputError, match="disk full"):
        run_beside(slow, fail, True)
    assert not (tmp_path / "late").exists()
