"""``resdip build --watch`` through the real command: it builds again when a source or a pattern
file changes, says which facts each document gained and lost, survives a broken pattern file,
and ends cleanly on Ctrl-C. The test waits for printed lines, never for a guessed time."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import threading
from pathlib import Path

from conftest import OTHER_TEXT, ROOT, SMALL_TEXT, build_cmd, cli_env, ctrl_c_works, make_data_root, write_doc

CHANGED_TEXT = SMALL_TEXT.replace("2024年5月、経済産業大臣は", "2024年9月、外務大臣は")


class Watched:
    """A running ``--watch`` build whose stderr lines are read as they come."""

    def __init__(self, args: list[str | Path], root: Path) -> None:
        self.proc = subprocess.Popen(build_cmd(*args, "--watch"), cwd=ROOT, env=cli_env(root),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     preexec_fn=ctrl_c_works)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def until(self, pattern: str, timeout: float = 300) -> list[str]:
        """The lines printed up to and including the first that matches ``pattern``."""
        got = []
        while True:
            line = self.lines.get(timeout=timeout)
            if line is None:
                raise AssertionError(f"ended before {pattern!r}:\n" + "\n".join(self.seen[-30:]))
            got.append(line)
            self.seen.append(line)
            if re.search(pattern, line):
                return got

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def test_watch_builds_again_on_each_change_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    root = make_data_root(tmp_path / "root")
    a = write_doc(tmp_path / "docs", "watch-a", SMALL_TEXT)
    b = write_doc(tmp_path / "docs", "watch-b", OTHER_TEXT)
    out = tmp_path / "out" / "graph"
    watched = Watched([a, b, "--out", out], root)
    try:
        first = watched.until(r"^resdip: watching \d+ folders")
        assert any(line.startswith(f"resdip: built {out} from 2 document(s)") for line in first)

        a.write_text(CHANGED_TEXT, encoding="utf-8")  # one document edited
        again = watched.until(r"^resdip: watching again")
        assert f"resdip: changed: {a}" in again
        built = next(line for line in again if line.startswith("resdip: built "))
        assert "(1 of the documents' runs reused from the cache)" in built  # watch-b was not read again
        change = next(line for line in again if line.startswith(f"resdip: {a}: "))
        added, removed = re.fullmatch(rf"resdip: {re.escape(str(a))}: (\d+) facts? .*added, (\d+) facts? .*removed",
                                      change).groups()
        assert int(added) >= 1 and int(removed) >= 1  # the visit of May is gone, the one of September came
        assert not any(line.startswith(f"resdip: {b}:") for line in again)  # nothing changed in watch-b

        glossary = root / "patterns" / "glossary.json"
        text = glossary.read_text(encoding="utf-8")
        glossary.write_text("{ not json", encoding="utf-8")  # an edit saved half-way
        broken = watched.until(r"^resdip: (watching again|build failed)")
        assert broken[-1].startswith("resdip: build failed: ") and broken[-1].endswith("(still watching)")
        assert "glossary.json" in broken[-1]
        watched.until(r"^resdip: watching again")

        glossary.write_text(text.replace('"サプライチェーン": "supply chain"', '"サプライチェーン": "supply network"'),
                            encoding="utf-8")  # mended, with an edit: every document is read again
        mended = watched.until(r"^resdip: watching again")
        assert "resdip: changed: patterns/glossary.json" in mended
        built = next(line for line in mended if line.startswith("resdip: built "))
        assert "reused" not in built

        watched.proc.send_signal(signal.SIGINT)
        rest = watched.until(r"^resdip: stopped watching", timeout=60)
        assert watched.proc.wait(timeout=60) == 0, rest
    finally:
        watched.stop()
    assert not list(out.parent.glob(".graph.staging-*"))

    cold = tmp_path / "cold" / "graph"  # what the watch left equals a cold build of the inputs as they are
    done = subprocess.run(build_cmd(a, b, "--out", cold, "--no-cache"), cwd=ROOT, env=cli_env(root),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (out / "dataset.nq").read_bytes() == (cold / "dataset.nq").read_bytes()
    assert (out / "pictures" / "network.svg").read_bytes() == (cold / "pictures" / "network.svg").read_bytes()
