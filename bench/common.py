"""Helpers shared by the benchmarks: the machine, medians, and measuring a process tree."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def machine() -> dict[str, str]:
    """Cores, memory, OS, Python and the versions of the libraries that matter here."""
    from importlib.metadata import PackageNotFoundError, version

    import psutil

    versions = {}
    for name in ("rdflib", "pyoxigraph", "pyshacl", "networkx", "matplotlib", "SudachiPy", "pyvis", "playwright"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    chromium = ""
    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30, check=False).stdout.strip()
    except OSError:
        chromium = "not installed"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        **versions,
        "chromium": chromium,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class ProcessRun:
    """What one process tree used: wall and CPU seconds, peak memory, its output."""

    wall_s: float
    user_s: float
    sys_s: float
    tree_peak_mb: float  # the largest sum of resident memory over the process and its descendants, sampled
    max_rss_mb: float  # the largest single process (getrusage of the waited-for tree)
    returncode: int
    stdout: str
    stderr: str

    @property
    def cpu_utilisation(self) -> float:
        """(user + sys) / wall: 2.0 means two cores busy all the time."""
        return (self.user_s + self.sys_s) / self.wall_s if self.wall_s else 0.0


def run_measured(cmd: list[str], *, cwd: Path = ROOT, sample_s: float = 0.05) -> ProcessRun:
    """Run ``cmd`` to the end, sampling the resident memory of its whole process tree.

    CPU times come from ``wait4``, which counts the descendants the process waited
    for (the build's reading processes), so they are the whole tree's.
    """
    import psutil

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        peak = 0.0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            try:
                root = psutil.Process(proc.pid)
            except psutil.NoSuchProcess:
                return
            while not done.is_set():
                total = 0
                try:
                    for p in [root, *root.children(recursive=True)]:
                        try:
                            total += p.memory_info().rss
                        except psutil.NoSuchProcess:
                            pass
                except psutil.NoSuchProcess:
                    break
                peak = max(peak, total / 1e6)
                time.sleep(sample_s)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcessRun(wall, usage.ru_utime, usage.ru_stime, peak, usage.ru_maxrss / 1024,
                          proc.returncode, out.read(), err.read())


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds:.2f} s" if seconds < 100 else f"{seconds:.0f} s"


def fmt_ms(ms: float | None, cap_s: float | None = None) -> str:
    if ms is None:
        return f"> {cap_s:g} s" if cap_s else "—"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    return f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
