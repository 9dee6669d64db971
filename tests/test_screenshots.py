"""docs/screenshots.py still makes the pictures docs/page.md and the README show (one of them here)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "docs" / "screenshots.py"

pytestmark = pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="/usr/bin/chromium is missing")


def test_the_screenshot_script_draws_a_view(tmp_path: Path) -> None:
    if not (ROOT / "graph" / "network.html").is_file():
        pytest.skip("graph/network.html not built")
    done = subprocess.run([sys.executable, str(SCRIPT), "--view", "focus", "--lang", "en", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    png = (tmp_path / "focus-en.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1600, 1000)


def test_every_screenshot_the_docs_show_is_one_the_script_makes() -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from screenshots import LANGS, VIEWS
    finally:
        sys.path.remove(str(SCRIPT.parent))
    made = {f"screenshots/{view}-{lang}.png" for view in VIEWS for lang in LANGS}
    shown = set()
    for doc in (ROOT / "docs" / "page.md", ROOT / "README.md"):
        text = doc.read_text(encoding="utf-8")
        shown |= {m for m in made if m in text}
    assert (ROOT / "docs" / "page.md").read_text(encoding="utf-8").count("screenshots/") >= len(VIEWS)
    assert shown and all((ROOT / "docs" / m).is_file() for m in made)
