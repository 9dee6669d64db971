"""Every shell command the README and the ``docs/`` pages show runs, and exits 0.

The commands are the lines of the fenced ``sh``, ``bash`` and ``console`` blocks (in ``console``
blocks, the lines after ``$ ``). One test per block runs its lines in order, each with bash, from
a sandbox that looks like the top of a checkout: a folder of symlinks to the project's files, a
copy of the committed ``graph/`` (so a command that rebuilds or analyses ``graph/`` writes into the
copy), ``.venv`` pointing at the running interpreter's environment, ``RESDIP_ROOT`` set to the
sandbox. Two rewrites keep the real machine out of it: ``/tmp/`` in a command becomes a folder of
the test's own, and the port ``7878`` becomes a free one.

Not run: the README's two install commands (``python3 -m venv .venv && …``): they create a venv and
install the project, which the suite is already running in (CI's ``.ci/run`` runs the second one
itself). A block may carry a mark, an HTML comment on the line before its fence:

- ``<!-- needs: server -->``: the test starts ``resdip serve --writable`` on the sandbox's graph,
  runs the block against it, and stops it (also when the block fails);
- ``<!-- needs: ctrl-c -->``: the command runs until interrupted (``resdip serve``, ``build_graph.py
  --watch``); the test waits for it to say it is ready (a line naming Ctrl-C, on stdout or stderr),
  sends SIGINT as Ctrl-C does, and wants status 0;
- ``<!-- tested by: tests/FILE.py -->``: another test runs this command (checked: that file names
  the command's script and each of its options);
- ``<!-- skip: reason -->``: not run; the reason is printed with the skip.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ctrl_c_works

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: The README's quick start: creates a venv and installs the project (not re-run, see above).
INSTALL = (
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/python build_graph.py",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && sh tests/install-tools.sh "
    "&& .venv/bin/python -m pytest",
)
SHELLS = ("sh", "bash", "console")
PORT = "7878"
COMMAND_TIMEOUT_S = 600
READY_TIMEOUT_S = 180  # a server loads the dataset first; generous for a busy machine
MARK = re.compile(r"^<!--\s*(needs|skip|tested by):\s*(.*?)\s*-->$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    commands: tuple[str, ...]
    mark: tuple[str, str] | None

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(ROOT).as_posix()}:{self.line}"


def shell_blocks(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        fence = re.match(r"^```(\w*)\s*$", lines[i])
        if not fence:
            i += 1
            continue
        start, lang = i, fence.group(1)
        i += 1
        body: list[str] = []
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        i += 1
        if lang not in SHELLS:
            continue
        if lang == "console":
            commands = [line[2:] for line in body if line.startswith("$ ")]
        else:
            commands = [line for line in body if line.strip() and not line.lstrip().startswith("#")]
        before = next((lines[j].strip() for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        found = MARK.match(before)
        mark = (found.group(1), found.group(2)) if found else None
        blocks.append(Block(page, start + 1, tuple(commands), mark))
    return blocks


ALL_BLOCKS = [block for page in PAGES for block in shell_blocks(page)]
RUN_BLOCKS = [block for block in ALL_BLOCKS if block.commands not in ((INSTALL[0],), (INSTALL[1],))]


def test_the_install_commands_are_the_readmes_quick_start() -> None:
    readme = [b.commands for b in ALL_BLOCKS if b.page.name == "README.md"]
    assert (INSTALL[0],) in readme and (INSTALL[1],) in readme
    assert len(ALL_BLOCKS) - len(RUN_BLOCKS) == 2, "the install commands appear only in the README's quick start"


# ---------------------------------------------------------------------------
# The sandbox and the processes
# ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_sandbox(dest: Path) -> Path:
    """The top of a checkout: symlinks to the project's files, a copy of ``graph/``, ``.venv``."""
    dest.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name.startswith(".") or entry.name == "graph":
            continue
        (dest / entry.name).symlink_to(entry)
    shutil.copytree(ROOT / "graph", dest / "graph")
    (dest / ".venv").symlink_to(Path(sys.prefix))
    return dest


def sandbox_env(sandbox: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(RESDIP_ROOT=str(sandbox), MPLBACKEND="Agg", PYTHONHASHSEED="0",
               PATH=f"{Path(sys.prefix) / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    return env


class Output:
    """A process's stdout and stderr, read by a thread, so that waiting for a line can have a deadline."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert process.stdout is not None
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.append(line)

    def wait_for(self, process: subprocess.Popen[str], text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            if process.poll() is not None:
                pytest.fail(f"exited with {process.returncode} before saying {text!r}: {''.join(self.lines)}")
            if time.monotonic() > deadline:
                pytest.fail(f"did not say {text!r} within {timeout:.0f} s: {''.join(self.lines)}")
            time.sleep(0.05)


def interrupt(process: subprocess.Popen[str], timeout: float = 60) -> int:
    """Ctrl-C; SIGKILL if it does not end within ``timeout`` (then the test fails on the status)."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return -9
    return process.returncode


def start_long(command: str, sandbox: Path) -> tuple[subprocess.Popen[str], Output]:
    process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=sandbox, env=sandbox_env(sandbox),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=ctrl_c_works)  # a build says it is watching on stderr
    return process, Output(process)


@pytest.fixture
def running() -> list[subprocess.Popen[str]]:
    """Processes a test starts; each is interrupted (then killed) when the test ends, pass or fail."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        interrupt(process, timeout=30)


def rewrite(command: str, tmp: Path, port: int) -> str:
    return command.replace(" /tmp/", f" {tmp}/").replace(PORT, str(port))


def run_command(command: str, sandbox: Path) -> None:
    done = subprocess.run(["bash", "-c", command], cwd=sandbox, env=sandbox_env(sandbox),
                          capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S)
    assert done.returncode == 0, (f"`{command}` exited {done.returncode}\n"
                                  f"stdout: {done.stdout[-1500:]}\nstderr: {done.stderr[-3000:]}")


# ---------------------------------------------------------------------------
# The commands
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("block", RUN_BLOCKS, ids=[b.id for b in RUN_BLOCKS])
def test_documented_commands_run(block: Block, tmp_path: Path, running: list[subprocess.Popen[str]]) -> None:
    kind, detail = block.mark or ("", "")
    if kind == "skip":
        pytest.skip(f"{block.id}: {detail}")
    if kind == "tested by":
        other = (ROOT / detail).read_text(encoding="utf-8")
        for command in block.commands:
            words = command.split("#", 1)[0].split()
            script = Path(next(w for w in words if w.endswith(".py"))).name
            options = [w for w in words if w.startswith("--")]
            assert script in other and all(o in other for o in options), f"{detail} does not run `{command}`"
        return
    sandbox = make_sandbox(tmp_path / "checkout")
    (tmp_path / "tmp").mkdir()
    port = free_port()
    commands = [rewrite(c, tmp_path / "tmp", port) for c in block.commands]
    if kind == "needs" and detail == "ctrl-c":
        for command in commands:
            process, output = start_long(command, sandbox)
            running.append(process)
            output.wait_for(process, "Ctrl-C", READY_TIMEOUT_S)
            assert interrupt(process) == 0, f"`{command}` did not stop cleanly on Ctrl-C"
        return
    if kind == "needs":
        assert detail == "server", f"{block.id}: unknown mark needs: {detail}"
        server, output = start_long(f"resdip serve --writable --port {port}", sandbox)
        running.append(server)
        output.wait_for(server, "Ctrl-C", READY_TIMEOUT_S)
    elif kind:
        pytest.fail(f"{block.id}: unknown mark {kind}: {detail}")
    for command in commands:
        run_command(command, sandbox)


# ---------------------------------------------------------------------------
# What the pages name exists
# ---------------------------------------------------------------------------

def test_the_pages_name_modules_that_exist() -> None:
    missing = []
    for page in PAGES:
        for name in sorted(set(re.findall(r"`(resdip(?:\.\w+)+)", page.read_text(encoding="utf-8")))):
            parts = name.split(".")
            for cut in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:cut]))
                    break
                except ImportError:
                    continue
            for attr in parts[cut:]:
                obj = getattr(obj, attr, None)
            if obj is None:
                missing.append(f"{page.name}: {name}")
    assert not missing, missing


def test_the_pages_link_to_files_and_sections_that_exist() -> None:
    broken = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"^[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            if not linked.exists():
                broken.append(f"{page.name}: {target}")
            elif anchor and linked.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.MULTILINE)
                slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}
                if anchor not in slugs:
                    broken.append(f"{page.name}: {target}")
    assert not broken, broken
