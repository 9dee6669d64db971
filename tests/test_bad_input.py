"""Bad inputs: each case runs the real CLI (``build_graph.py``) as a subprocess.

A failing case must print exactly one line on stderr, ``resdip: <what is wrong>`` (no
traceback; ``--quiet`` keeps the progress lines out), exit with its category's status
(``resdip.errors``; the table in docs/validation.md), and leave the previous outputs
in the output folder byte-identical, with no staging folder behind. The previous outputs are
a copy of one successful build of a tiny document (``conftest.previous_outputs``).

Inputs that should build (Shift_JIS, UTF-16, a text with no entity) are read by one build
(``variants`` in ``conftest.builds``), which must succeed and warn naming the encoding.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, Builds, Previous, build_cmd, cli_env, ctrl_c_works, make_data_root, run_build, write_doc

from resdip import errors

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the permission and FIFO cases assume Linux")

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SETPRIV = shutil.which("setpriv")


def without_dac_override() -> list[str]:
    """A command prefix under which file permissions hold even for root.

    Root reads a ``chmod 000`` file through CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH;
    ``setpriv`` drops both from the bounding set, so the build runs as root without them.
    """
    if not AS_ROOT:
        return []
    if SETPRIV is None:
        pytest.skip("running as root and util-linux setpriv is missing: root ignores file permissions")
    return [SETPRIV, "--bounding-set=-dac_override,-dac_read_search"]


def assert_one_line_failure(result: subprocess.CompletedProcess[str], status: int, *fragments: str) -> str:
    """Exit ``status``, and stderr exactly one ``resdip: …`` line containing every fragment."""
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{result.stderr}"
    line = lines[0]
    assert line.startswith("resdip: "), line
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not in {line!r}"
    assert result.returncode == status, f"exit {result.returncode}, expected {status}: {line}"
    return line


def fail_case(prev: Previous, *args: str | Path, status: int, fragments: tuple[str, ...], **kw) -> str:
    result = run_build(*args, "--out", prev.out, "--quiet", **kw)
    line = assert_one_line_failure(result, status, *fragments)
    prev.assert_intact()
    return line


# ---------------------------------------------------------------------------
# The input file
# ---------------------------------------------------------------------------

def test_missing_file(previous_outputs: Previous, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    fail_case(previous_outputs, missing, status=3, fragments=(str(missing), "no such file"))


def test_directory_given_as_file(previous_outputs: Previous, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    fail_case(previous_outputs, folder, status=3, fragments=(str(folder), "is a directory"))


def test_path_through_a_regular_file(previous_outputs: Previous, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    through = tmp_path / "plain" / "doc.txt"
    fail_case(previous_outputs, through, status=3, fragments=(str(through), "cannot read", "Not a directory"))


def test_unreadable_file(previous_outputs: Previous, tmp_path: Path) -> None:
    doc = write_doc(tmp_path, "locked", "経済産業省は豪州と協力している。\n")
    doc.chmod(0)
    try:
        fail_case(previous_outputs, doc, status=3, fragments=(str(doc), "permission denied"),
                  prefix=without_dac_override())
    finally:
        doc.chmod(0o644)


def test_file_in_a_folder_without_search_permission(previous_outputs: Previous, tmp_path: Path) -> None:
    folder = tmp_path / "closed"
    doc = write_doc(folder, "inside", "経済産業省は豪州と協力している。\n")
    folder.chmod(0o600)  # readable listing, no x: the file inside cannot be reached
    try:
        fail_case(previous_outputs, doc, status=3, fragments=(str(doc), "permission denied"),
                  prefix=without_dac_override())
    finally:
        folder.chmod(0o755)


def test_fifo_is_refused_not_waited_on(previous_outputs: Previous, tmp_path: Path) -> None:
    """Reading a FIFO with no writer blocks forever; the build must refuse it (works as root too)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    fail_case(previous_outputs, fifo, status=3, fragments=(str(fifo), "not a regular file"), timeout=30)


def test_empty_file(previous_outputs: Previous, tmp_path: Path) -> None:
    doc = write_doc(tmp_path, "empty", "")
    fail_case(previous_outputs, doc, status=4, fragments=(str(doc), "is empty"))


def test_whitespace_only_file(previous_outputs: Previous, tmp_path: Path) -> None:
    doc = write_doc(tmp_path, "blank", "\n  \u3000\n")
    fail_case(previous_outputs, doc, status=4, fragments=(str(doc), "empty"))


def test_binary_file(previous_outputs: Previous, tmp_path: Path) -> None:
    doc = write_doc(tmp_path, "binary", "")
    doc.write_bytes(bytes(range(256)) * 8 + b"\x89PNG\r\n\x1a\n")
    fail_case(previous_outputs, doc, status=4, fragments=(str(doc), "binary"))


PDFS = ROOT / "tests" / "pdf"  # made by tests/pdf/make_pdfs.py


def test_malformed_pdf(previous_outputs: Previous) -> None:
    doc = PDFS / "malformed.pdf"
    fail_case(previous_outputs, doc, status=12, fragments=(str(doc), "damaged or truncated PDF"))


def test_truncated_pdf(previous_outputs: Previous, tmp_path: Path) -> None:
    """A download cut short: the first third of a good PDF (its cross-reference table lost)."""
    whole = (PDFS / "ewp2025-p2c1.pdf").read_bytes()
    doc = tmp_path / "cut-short.pdf"
    doc.write_bytes(whole[: len(whole) // 3])
    fail_case(previous_outputs, doc, status=12, fragments=(str(doc), "damaged or truncated PDF"))


def test_encrypted_pdf(previous_outputs: Previous) -> None:
    doc = PDFS / "encrypted.pdf"
    fail_case(previous_outputs, doc, status=13, fragments=(str(doc), "encrypted", "password"))


def test_image_only_pdf(previous_outputs: Previous) -> None:
    doc = PDFS / "image-only.pdf"
    fail_case(previous_outputs, doc, status=14, fragments=(str(doc), "no text layer", "OCR"))


def test_web_page_with_no_main_text(previous_outputs: Previous) -> None:
    """Header, navigation and footer, and nothing else (made by tests/html/make_pages.py)."""
    doc = ROOT / "tests" / "html" / "no-main-text.html"
    fail_case(previous_outputs, doc, status=14, fragments=(str(doc), "web page with no main text"))


def test_binary_file_named_pdf_is_still_binary(previous_outputs: Previous, tmp_path: Path) -> None:
    """What a file is comes from its bytes: no ``%PDF-`` header, so not a PDF, whatever its name."""
    doc = tmp_path / "scan.pdf"
    doc.write_bytes(bytes(range(256)) * 8)
    fail_case(previous_outputs, doc, status=4, fragments=(str(doc), "binary"))


def test_utf16_without_bom_is_refused(previous_outputs: Previous, tmp_path: Path) -> None:
    """Without a BOM, UTF-16 is NUL bytes every other byte: refused as binary (4), not misread."""
    doc = write_doc(tmp_path, "utf16le", "経済産業省は豪州と協力している。\n", "utf-16-le")
    fail_case(previous_outputs, doc, status=4, fragments=(str(doc),))


def test_latin1_file_is_refused_with_a_guess(previous_outputs: Previous, tmp_path: Path) -> None:
    doc = write_doc(tmp_path, "latin1", "Le ministère a signé un accord à Genève. Café, crème brûlée.\n", "latin-1")
    fail_case(previous_outputs, doc, status=4, fragments=(str(doc), "not UTF-8"))


# ---------------------------------------------------------------------------
# Inputs that build, with a warning
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def variants(builds: Builds):
    result = builds.get("variants")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize(("doc", "encoding"), [("trust-sjis", "shift_jis"), ("trust-utf16", "utf-16")])
def test_legacy_and_bom_encodings_are_decoded_with_a_warning(variants, doc: str, encoding: str) -> None:
    warning = [line for line in variants.lines if f"{doc}.txt" in line and "warning" in line]
    assert warning == [f"resdip: warning: {variants_path(variants, doc)}: decoded from {encoding}"], variants.stderr
    trig = (variants.out / "dataset.trig").read_text(encoding="utf-8")
    assert f"<https://w3id.org/resdip/graph/doc/{doc}>" in trig
    # the decoded text, not mojibake, is in the graph
    assert "重要鉱物のサプライチェーン強化" in trig


def variants_path(variants, doc: str) -> str:
    match = re.search(rf"warning: (\S*{doc}\.txt):", variants.stderr)
    assert match, variants.stderr
    return match.group(1)


def test_document_with_no_recognisable_entity_builds_with_a_warning(variants) -> None:
    assert f"resdip: warning: {variants_path(variants, 'trust-noentity')}: no recognisable entity found" in variants.lines
    trig = (variants.out / "dataset.trig").read_text(encoding="utf-8")
    assert "<https://w3id.org/resdip/graph/doc/trust-noentity>" in trig


def test_document_without_metadata_builds_and_warns_of_the_missing_licence(tmp_path: Path) -> None:
    doc = tmp_path / "bare.txt"
    doc.write_text("経済産業省は豪州と重要鉱物の協力について意見交換を行った。\n", encoding="utf-8")
    result = run_build(doc, "--out", tmp_path / "graph", "--quiet")
    assert result.returncode == 0, result.stderr
    assert f"resdip: warning: {doc}: no licence given" in result.stderr


def test_successful_build_prints_only_resdip_lines(variants) -> None:
    """No library log lines (pyLODE configures DEBUG logging on import) and no traceback."""
    stray = [line for line in variants.lines if not line.startswith("resdip: ")]
    assert stray == [], stray


# ---------------------------------------------------------------------------
# Project data files (RESDIP_ROOT points at a broken copy)
# ---------------------------------------------------------------------------

@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    return make_data_root(tmp_path / "root")


def test_malformed_registry_row(previous_outputs: Previous, data_root: Path, trust_docs) -> None:
    csv = data_root / "registry" / "countries.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",one too many\n"
    csv.write_text("".join(lines), encoding="utf-8")
    fail_case(previous_outputs, trust_docs["small"], root=data_root, status=5,
              fragments=("registry/countries.csv:3:", "columns"))


def test_registry_row_with_bad_value(previous_outputs: Previous, data_root: Path, trust_docs) -> None:
    csv = data_root / "registry" / "countries.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = re.sub(r",Country,", ",Countree,", lines[1], count=1)
    csv.write_text("".join(lines), encoding="utf-8")
    fail_case(previous_outputs, trust_docs["small"], root=data_root, status=5,
              fragments=("registry/countries.csv:2:", "unknown class 'Countree'"))


@pytest.mark.parametrize("name", ["ontology.ttl", "shapes.ttl"])
def test_malformed_turtle_data_file(previous_outputs: Previous, data_root: Path, trust_docs, name: str) -> None:
    path = data_root / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(40, "this is not turtle @@@ .\n")
    path.write_text("".join(lines), encoding="utf-8")
    fail_case(previous_outputs, trust_docs["small"], root=data_root, status=5,
              fragments=(str(path), "line 41", "Turtle syntax error"))


def test_malformed_sources_json(previous_outputs: Previous, data_root: Path, trust_docs) -> None:
    (data_root / "sources" / "sources.json").write_text('{"documents": [\n  {"id": "x",}\n]}\n', encoding="utf-8")
    fail_case(previous_outputs, trust_docs["small"], root=data_root, status=5,
              fragments=("sources.json", "not valid JSON", "line 2"))


# ---------------------------------------------------------------------------
# Command line and output folder
# ---------------------------------------------------------------------------

def test_unknown_option(previous_outputs: Previous, trust_docs) -> None:
    line = fail_case(previous_outputs, trust_docs["small"], "--colour", status=2,
                     fragments=("unrecognized arguments: --colour",))
    assert not line.startswith("resdip: resdip"), line


def test_option_missing_its_value(previous_outputs: Previous, trust_docs) -> None:
    result = run_build(trust_docs["small"], "--quiet", "--out")
    assert_one_line_failure(result, 2, "--out", "expected one argument")
    previous_outputs.assert_intact()


def test_output_folder_under_a_regular_file(tmp_path: Path, trust_docs) -> None:
    (tmp_path / "plain").write_text("x")
    out = tmp_path / "plain" / "graph"
    result = run_build(trust_docs["small"], "--out", out, "--quiet")
    assert_one_line_failure(result, 7, str(out), "is a file, not a folder")


def test_output_path_is_a_regular_file(tmp_path: Path, trust_docs) -> None:
    out = tmp_path / "graph"
    out.write_text("keep me")
    result = run_build(trust_docs["small"], "--out", out, "--quiet")
    assert_one_line_failure(result, 7, str(out), "not a folder")
    assert out.read_text() == "keep me"


def test_read_only_output_folder(previous_outputs: Previous, trust_docs) -> None:
    prefix = without_dac_override()
    previous_outputs.out.chmod(0o555)
    try:
        fail_case(previous_outputs, trust_docs["small"], status=7, prefix=prefix,
                  fragments=(str(previous_outputs.out), "not writable"))
    finally:
        previous_outputs.out.chmod(0o755)


def test_read_only_parent_fails_before_the_work(previous_outputs: Previous, trust_docs) -> None:
    """The staging folder goes beside the output folder: a read-only parent must fail first, not last."""
    prefix = without_dac_override()
    parent = previous_outputs.out.parent
    parent.chmod(0o555)
    try:
        fail_case(previous_outputs, trust_docs["small"], status=7, prefix=prefix,
                  fragments=(str(previous_outputs.out), "not writable", str(parent)))
        loud = run_build(trust_docs["small"], "--out", previous_outputs.out, prefix=prefix)  # with progress lines
        assert loud.returncode == 7 and "resdip: reading" not in loud.stderr, loud.stderr  # failed before reading
    finally:
        parent.chmod(0o755)


# ---------------------------------------------------------------------------
# Interrupted
# ---------------------------------------------------------------------------

def wait_sigint_taken(pid: int, timeout: float = 60) -> None:
    """Wait until no thread of ``pid`` has SIGINT pending (Linux /proc)."""
    bit = 1 << (signal.SIGINT - 1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = 0
        for status in Path(f"/proc/{pid}/task").glob("*/status"):
            try:
                for line in status.read_text(encoding="ascii").splitlines():
                    if line.startswith(("SigPnd:", "ShdPnd:")):
                        pending |= int(line.split()[1], 16)
            except OSError:
                continue
        if not pending & bit:
            return
        time.sleep(0.02)


def test_interrupt_exits_130_and_keeps_outputs(previous_outputs: Previous, trust_docs, tmp_path: Path) -> None:
    """Ctrl-C while the build is blocked at a known point: reading a registry file that is a FIFO.

    Opening the FIFO's other end succeeds only once the build has opened it, so the signal arrives
    while the build is waiting for that file's bytes, however fast or slow the machine is.
    """
    root = make_data_root(tmp_path / "root")
    fifo = root / "registry" / "zz-interrupt.csv"
    os.mkfifo(fifo)
    proc = subprocess.Popen(build_cmd(trust_docs["other"], "--out", previous_outputs.out), cwd=ROOT,
                            env=cli_env(root), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=ctrl_c_works)
    writer = None
    try:
        deadline = time.monotonic() + 120
        while writer is None:
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until the build opens it
            except OSError:
                assert proc.poll() is None, f"the build ended ({proc.returncode}) before reading the registry"
                assert time.monotonic() < deadline, "the build did not reach the registry within 120 s"
                time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        # Any thread of the build may take the signal; if not the main one, its read of the FIFO goes
        # on waiting. Once a handler has taken it (no SIGINT pending), end the file: the read returns
        # and the main thread raises KeyboardInterrupt before it does anything with the bytes.
        wait_sigint_taken(proc.pid)
        os.close(writer)
        writer = None
        _, rest = proc.communicate(timeout=120)
    finally:
        if writer is not None:
            os.close(writer)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, rest
    assert rest.strip().splitlines()[-1:] == ["resdip: interrupted"], rest
    assert "Traceback" not in rest
    previous_outputs.assert_intact()


# ---------------------------------------------------------------------------
# The codes themselves
# ---------------------------------------------------------------------------

EXPECTED_CODES = {
    "UsageError": 2, "QuerySyntaxError": 2, "InputFileError": 3, "InputEncodingError": 4,
    "DataFileError": 5, "ValidationError": 6, "OutputError": 7, "EndpointError": 8, "EntityLookupError": 9,
    "AuthenticationError": 10, "GraphRefusedError": 11,
    "InputFormatError": 12, "InputEncryptedError": 13, "InputNoTextError": 14, "FetchError": 15,
}


def test_exit_codes_are_distinct_per_category() -> None:
    found = {name: cls.exit_code for name, cls in vars(errors).items()
             if isinstance(cls, type) and issubclass(cls, errors.ResdipError) and cls is not errors.ResdipError}
    assert found == EXPECTED_CODES
    categories = {code: name for name, code in found.items() if name != "QuerySyntaxError"}
    assert len(categories) == len(found) - 1  # one status per category (a query syntax error is usage)


def test_docs_document_every_exit_code() -> None:
    page = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    trust = page.split("## Errors and exit statuses", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\|\s*`?(\d+)`?\s*\|\s*`(\w+)`", trust, re.MULTILINE))
    assert {int(k): v for k, v in rows.items()} == {
        1: "ResdipError", 130: "KeyboardInterrupt",
        **{code: name for name, code in EXPECTED_CODES.items() if name != "QuerySyntaxError"}}



# ---------------------------------------------------------------------------
# A very large input
# ---------------------------------------------------------------------------

def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and its descendants (Linux /proc), in KiB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    todo.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


@pytest.mark.slow
def test_50_mb_text_in_bounded_memory(tmp_path: Path) -> None:
    """A 50 MB text (RESDIP_BIG_MB) builds with progress on stderr and peak RSS under 1 GiB (RESDIP_BIG_RSS_MB).

    The build is watched through /proc and stopped as soon as it passes the memory bound or
    RESDIP_BIG_SECONDS (default 1800), so a failure costs minutes, not hours.
    """
    from conftest import SMALL_TEXT

    size = int(float(os.environ.get("RESDIP_BIG_MB", "50")) * 1_000_000)
    limit_kib = int(float(os.environ.get("RESDIP_BIG_RSS_MB", "1024")) * 1024)
    deadline = time.monotonic() + float(os.environ.get("RESDIP_BIG_SECONDS", "1800"))
    paragraph = SMALL_TEXT.encode("utf-8")
    doc = write_doc(tmp_path, "big", "")
    with doc.open("wb") as handle:
        for _ in range(size // len(paragraph) + 1):
            handle.write(paragraph)
    err_path = tmp_path / "stderr.txt"
    with err_path.open("wb") as err:
        proc = subprocess.Popen(build_cmd(doc, "--out", tmp_path / "graph"), cwd=ROOT, env=cli_env(),
                                stdout=subprocess.DEVNULL, stderr=err)
    peak, why = 0, ""
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kib(proc.pid))
        if peak > limit_kib:
            why = f"peak RSS passed {limit_kib // 1024} MiB"
        elif time.monotonic() > deadline:
            why = "out of time"
        if why:
            proc.kill()
            break
        time.sleep(0.2)
    proc.wait()
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    progress = [line for line in stderr.splitlines() if line.startswith("resdip: ")]
    print(f"{size / 1e6:.0f} MB: exit {proc.returncode}, peak RSS {peak / 1024:.0f} MiB, {why or 'finished'}; "
          f"last progress: {progress[-1:] }")
    assert not why, f"{why} at {progress[-1:]} (peak {peak // 1024} MiB)"
    assert proc.returncode == 0, stderr
    parts = [line for line in progress if re.match(r"resdip: (read|reading) big\.txt \(part \d+/\d+\)$", line)]
    assert len(parts) >= size // 100_000, progress[:5]  # a part of at most 25,000 characters is ~75 KB
    assert progress[-1].startswith("resdip: built "), progress[-3:]
    with (tmp_path / "graph" / "dataset.nq").open(encoding="utf-8") as quads:
        first = quads.readline()
    assert first.startswith("<https://w3id.org/resdip/doc/big#char=0,"), first
