"""What a build shows while it runs: a progress bar redrawn in place on a terminal (a real
pseudo-terminal here), plain ``resdip: …`` lines when stderr is a pipe or a file."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import termios
import re
import subprocess
from pathlib import Path

from conftest import OTHER_TEXT, ROOT, SMALL_TEXT, build_cmd, cli_env, make_data_root, write_doc


def _docs(tmp_path: Path) -> list[Path]:
    return [write_doc(tmp_path / "docs", "bar-a", SMALL_TEXT), write_doc(tmp_path / "docs", "bar-b", OTHER_TEXT)]


def test_a_terminal_gets_one_line_redrawn_with_documents_stage_and_time(tmp_path: Path) -> None:
    root = make_data_root(tmp_path / "root")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))  # 30 rows, 120 columns
    proc = subprocess.Popen(build_cmd(*_docs(tmp_path), "--out", tmp_path / "graph", "--jobs", "1"), cwd=ROOT,
                            env=cli_env(root), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    shown = b""
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the build closed the terminal's other end
                break
            if not chunk:
                break
            shown += chunk
        assert proc.wait(timeout=300) == 0, shown.decode(errors="replace")
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = shown.decode("utf-8", errors="replace")
    frames = [frame for frame in re.split(r"[\r\n]", text) if frame.strip()]
    bars = [f for f in frames if re.match(r"resdip: \d+/[\d?]+ documents \|.*\| \d\d:\d\d ", f)]
    assert any(re.match(r"resdip: 2/2 documents \|█+\| \d\d:\d\d read bar-b\.txt", f) for f in bars), frames
    assert any(f.startswith("resdip: 1/2 documents") for f in bars)
    assert any("drawing" in f for f in bars)  # the stage goes on showing after the documents
    assert "\r" in text and "resdip: reading bar-a.txt\n" not in text.replace("\r\n", "\n")  # no plain lines
    assert frames[-1].startswith(f"resdip: built {tmp_path / 'graph'} from 2 document(s)")


def test_a_pipe_gets_plain_lines(tmp_path: Path) -> None:
    root = make_data_root(tmp_path / "root")
    done = subprocess.run(build_cmd(*_docs(tmp_path), "--out", tmp_path / "graph", "--jobs", "1", "--no-validate"),
                          cwd=ROOT, env=cli_env(root), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert "\r" not in done.stderr and "resdip: reading bar-a.txt" in lines and "resdip: read bar-b.txt" in lines
    assert all(line.startswith("resdip: ") for line in lines)
