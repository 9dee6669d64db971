"""Smoke test: bench/page_bench.py --quick still runs (timings are printed, never asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "page_bench.py"

pytestmark = pytest.mark.skipif(
    not os.path.exists("/usr/bin/chromium"),
    reason="/usr/bin/chromium is missing: install Debian's chromium (sh tests/install-tools.sh)",
)


def test_page_bench_quick_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "| synthetic 100 | " in result.stdout
    assert "resdip" in result.stdout and "pyvis default" in result.stdout
