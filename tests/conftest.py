"""Shared fixtures for the tests that run the real command line.

``tests/test_bad_input.py``, ``test_build_atomic.py``, ``test_validation_gate.py`` and
``test_roundtrip.py`` run ``build_graph.py`` as a subprocess on tiny documents written here
(a few invented sentences naming 経済産業省 and 豪州, with a sidecar ``.json`` like the ones in
``tests/docs/``). A full build of such a document still takes 5–15 s (the registry alone draws
about twenty pictures), so the few full builds the tests need are started together, in the
background, the first time one is asked for (:class:`Builds`), and each failing case works on a
copy of the one successful build (:func:`previous_outputs`).

Marker ``slow``: tests that take minutes; skipped unless ``--run-slow`` or ``RESDIP_SLOW=1``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BUILD_GRAPH = ROOT / "build_graph.py"

#: A tiny document: three invented sentences that name registry entities (経済産業省, 豪州, JOGMEC).
SMALL_TEXT = (
    "2024年5月、経済産業大臣は豪州を訪問し、豪州の資源大臣と重要鉱物の協力について意見交換を行った。\n"
    "経済産業省とJOGMECは、豪州におけるリチウムの探鉱を支援している。\n"
    "日豪両政府は、重要鉱物のサプライチェーン強化に関する協力覚書に署名した。\n"
)
#: A second, different tiny document (so that a build of it changes every dataset file).
OTHER_TEXT = (
    "2024年7月、経済産業大臣はチリを訪問し、チリの鉱業大臣と銅の供給について意見交換を行った。\n"
)
#: Text with no entity the registry or the recogniser knows.
NO_ENTITY_TEXT = "今日はよい天気です。\n明日も晴れるでしょう。\n"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run tests marked slow (minutes; e.g. the 50 MB input)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes minutes; skipped unless --run-slow or RESDIP_SLOW=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow") or os.environ.get("RESDIP_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow or RESDIP_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


# ---------------------------------------------------------------------------
# Documents, data roots, running the CLI
# ---------------------------------------------------------------------------

def write_doc(folder: Path, stem: str, text: str, encoding: str = "utf-8", *, layout: str = "plain") -> Path:
    """Write ``folder/stem.txt`` in ``encoding`` and its sidecar ``stem.json`` (the document's metadata).

    A file without metadata gets no licence, which the shapes require (see the report of the
    trust issue), so every test document carries a sidecar like ``tests/docs/*.json``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.txt"
    path.write_bytes(text.encode(encoding))
    meta = {
        "id": stem, "file": path.name, "title": {"ja": f"試験文書 {stem}", "en": f"test document {stem}"},
        "publisher": "", "issued": "2024", "date": "", "url": "",
        "licence": "https://opensource.org/licenses/MIT", "licence_name": "MIT (written for the resdip tests)",
        "attribution": "resdip test document (invented)", "layout": layout,
    }
    (folder / f"{stem}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def make_data_root(dest: Path) -> Path:
    """A copy of the project's data files, for ``RESDIP_ROOT``: break one file in it, not the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("registry", "patterns"):
        shutil.copytree(ROOT / name, dest / name)
    (dest / "sources").mkdir()
    shutil.copy2(ROOT / "sources" / "sources.json", dest / "sources" / "sources.json")
    return dest


def ctrl_c_works() -> None:
    """``preexec_fn`` for a process a test will interrupt: SIGINT does what it does at a terminal.

    A shell starts a background job (``pytest &``, ``nohup``, some CI runners) with SIGINT
    ignored, every child inherits that, and Python then installs no KeyboardInterrupt handler:
    the interrupted build would run to its end and the server would never stop.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cli_env(root: Path | None = None, seed: str = "0") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RESDIP_ROOT"}
    env["PYTHONHASHSEED"] = seed
    env["MPLBACKEND"] = "Agg"
    if root is not None:
        env["RESDIP_ROOT"] = str(root)
    return env


def build_cmd(*args: str | Path) -> list[str]:
    return [PYTHON, str(BUILD_GRAPH), *map(str, args)]


def run_build(*args: str | Path, root: Path | None = None, seed: str = "0", timeout: float = 120,
              prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python build_graph.py ARGS`` from the top of the checkout; stdout and stderr as text."""
    return subprocess.run([*(prefix or []), *build_cmd(*args)], cwd=ROOT, env=cli_env(root, seed),
                          capture_output=True, text=True, timeout=timeout)


def build_documents(files: list[Path], out: Path, timeout: float = 600):
    """Build ``files`` into ``out`` with the real command and open the dataset in Oxigraph."""
    import pyoxigraph as ox

    done = subprocess.run([PYTHON, str(BUILD_GRAPH), *map(str, files), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    store = ox.Store()
    store.bulk_load(path=str(out / "dataset.trig"), format=ox.RdfFormat.TRIG)
    return store


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.staging-*"))


def diff_summary(before: dict[str, bytes], after: dict[str, bytes]) -> str:
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    return f"added {added[:5]}, removed {removed[:5]}, changed {changed[:5]}"


# ---------------------------------------------------------------------------
# Full builds, started together in the background
# ---------------------------------------------------------------------------

@dataclass
class Finished:
    returncode: int
    stderr: str
    out: Path
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


@dataclass
class Builds:
    """Full builds run as background processes; :meth:`get` waits for one."""

    base: Path
    running: dict[str, tuple[subprocess.Popen[bytes], Path, float]] = field(default_factory=dict)
    done: dict[str, Finished] = field(default_factory=dict)

    def start(self, name: str, files: list[Path], *extra: str, root: Path | None = None, seed: str = "0") -> None:
        out = self.base / name / "graph"
        out.parent.mkdir(parents=True, exist_ok=True)
        err = (self.base / f"{name}.stderr").open("wb")
        proc = subprocess.Popen(build_cmd(*files, "--out", out, *extra), cwd=ROOT, env=cli_env(root, seed),
                                stdout=subprocess.DEVNULL, stderr=err)
        err.close()
        self.running[name] = (proc, out, time.monotonic())

    def get(self, name: str, timeout: float = 300) -> Finished:
        if name not in self.done:
            proc, out, started = self.running.pop(name)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            stderr = (self.base / f"{name}.stderr").read_text(encoding="utf-8", errors="replace")
            self.done[name] = Finished(proc.returncode, stderr, out, time.monotonic() - started)
        return self.done[name]

    def stop(self) -> None:
        for proc, _, _ in self.running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()


#: Shapes that demand what no graph has: every country needs a capital.
DEMANDING_SHAPE = """
<https://w3id.org/resdip/shapes#TrustTestCapitalShape>
    a <http://www.w3.org/ns/shacl#NodeShape> ;
    <http://www.w3.org/ns/shacl#targetClass> <https://w3id.org/resdip/ontology#Country> ;
    <http://www.w3.org/ns/shacl#property> [
        <http://www.w3.org/ns/shacl#path> <https://w3id.org/resdip/ontology#trustTestCapital> ;
        <http://www.w3.org/ns/shacl#minCount> 1 ;
        <http://www.w3.org/ns/shacl#message> "trust test: a country has a capital" ;
    ] .
"""


@pytest.fixture(scope="session")
def trust_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test documents: small (UTF-8), other (UTF-8), sjis, utf16 (with BOM), noentity."""
    folder = tmp_path_factory.mktemp("docs")
    return {
        "small": write_doc(folder, "trust-small", SMALL_TEXT),
        "other": write_doc(folder, "trust-other", OTHER_TEXT),
        "sjis": write_doc(folder, "trust-sjis", SMALL_TEXT, "shift_jis"),
        "utf16": write_doc(folder, "trust-utf16", SMALL_TEXT, "utf-16"),  # Python writes a BOM
        "noentity": write_doc(folder, "trust-noentity", NO_ENTITY_TEXT),
    }


@pytest.fixture(scope="session")
def demanding_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data root whose shapes.ttl also demands a capital for every country (valid Turtle)."""
    root = make_data_root(tmp_path_factory.mktemp("demanding-root"))
    with (root / "shapes.ttl").open("a", encoding="utf-8") as handle:
        handle.write(DEMANDING_SHAPE)
    return root


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory, trust_docs: dict[str, Path], demanding_root: Path):
    """Every full build the trust tests need, started at once (they are mostly waiting on each other's CPU).

    - ``baseline``: the small document, PYTHONHASHSEED=1 (the "previous outputs" of the bad-input cases)
    - ``twin``: the same, PYTHONHASHSEED=2, into another folder (determinism)
    - ``variants``: Shift_JIS, UTF-16 and no-entity documents in one build
    """
    pool = Builds(tmp_path_factory.mktemp("builds"))
    pool.start("baseline", [trust_docs["small"]], seed="1")
    pool.start("twin", [trust_docs["small"]], seed="2")
    pool.start("variants", [trust_docs["sjis"], trust_docs["utf16"], trust_docs["noentity"]])
    yield pool
    pool.stop()


@pytest.fixture(scope="session")
def baseline(builds: Builds) -> Finished:
    result = builds.get("baseline")
    assert result.returncode == 0, result.stderr
    return result


@dataclass
class Previous:
    """A copy of the baseline build's output folder and its bytes before the case ran."""

    out: Path
    files: dict[str, bytes]

    def assert_intact(self) -> None:
        after = snapshot(self.out)
        assert after == self.files, f"previous outputs changed: {diff_summary(self.files, after)}"
        assert staging_leftovers(self.out) == [], "a staging folder was left behind"


@pytest.fixture
def previous_outputs(baseline: Finished, tmp_path: Path) -> Previous:
    """The outputs of a successful build, in a folder of this test's own."""
    out = tmp_path / "prev" / "graph"
    shutil.copytree(baseline.out, out)
    return Previous(out, snapshot(out))


@dataclass
class LateFailure:
    result: subprocess.CompletedProcess[str]
    out: Path
    before: dict[str, bytes]
    after: dict[str, bytes]


@pytest.fixture(scope="session")
def late_move_failure(baseline: Finished, tmp_path_factory: pytest.TempPathFactory,
                      trust_docs: dict[str, Path], demanding_root: Path) -> LateFailure:
    """A whole build that fails at its very end, moving outputs into place.

    Previous outputs: the baseline's, with a folder where ``pictures/network.svg`` goes (the
    last file moved). The build reads another document (so every dataset file would change)
    against the demanding shapes with ``--no-validate``: reaching the move at all shows that
    SHACL was skipped (``test_validation_gate``); the move must fail with status 7 and put back
    the files it already moved (``test_build_atomic``). One full build serves both.
    """
    out = tmp_path_factory.mktemp("late") / "graph"
    shutil.copytree(baseline.out, out)
    blocker = out / "pictures" / "network.svg"
    blocker.unlink()
    blocker.mkdir()
    (blocker / "keep.txt").write_text("a folder where a file should go")
    before = snapshot(out)
    result = run_build(trust_docs["other"], "--out", out, "--no-validate", root=demanding_root)
    return LateFailure(result, out, before, snapshot(out))


# ---------------------------------------------------------------------------
# A real Virtuoso (tests/virtuoso.py), one per session, stopped even when a test fails
# ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):
    """A Virtuoso Open Source on a scratch database and free ports, with a user who may write."""
    import virtuoso as vos

    server = vos.start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()
