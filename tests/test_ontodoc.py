"""resdip.views.ontodoc: the pyLODE page of ontology.ttl is deterministic, complete and offline."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from resdip import paths
from resdip.errors import DataFileError
from resdip.views.ontodoc import write_ontology_doc

RD_NS = "https://w3id.org/resdip/ontology#"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_ontology_doc(paths.ONTOLOGY, tmp_path_factory.mktemp("doc") / "ontology.html")


def test_identical_bytes_across_runs(page: Path, tmp_path: Path) -> None:
    again = write_ontology_doc(paths.ONTOLOGY, tmp_path / "again.html")
    assert again.read_bytes() == page.read_bytes()


def test_identical_bytes_under_another_hash_seed(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeded.html"
    code = f"from resdip.views.ontodoc import write_ontology_doc; write_ontology_doc(out_html={str(out)!r})"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    assert out.read_bytes() == page.read_bytes()


def test_every_class_label_appears(page: Path) -> None:
    text = html.unescape(page.read_text(encoding="utf-8"))
    onto = Graph().parse(paths.ONTOLOGY)
    classes = [c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(RD_NS)]
    missing = [str(label) for c in classes for label in onto.objects(c, RDFS.label) if str(label) not in text]
    assert missing == []
    assert "0.1.0" in text


def test_offline(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<script\b[^>]*\bsrc=[\"']?(https?:)?//", text, re.I)
    assert not re.search(r"<link\b[^>]*\bhref=[\"']?(https?:)?//", text, re.I)
    assert "<style>" in text  # CSS inlined


def test_written_atomically(page: Path) -> None:
    assert sorted(p.name for p in page.parent.iterdir()) == [page.name]


def test_malformed_ontology(tmp_path: Path) -> None:
    bad = tmp_path / "ontology.ttl"
    bad.write_text("@prefix rd: <https://w3id.org/resdip/ontology#> .\nrd:A a rd:B ;\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="ontology.ttl"):
        write_ontology_doc(bad, tmp_path / "out.html")
    assert not (tmp_path / "out.html").exists()


def _render_with_pylode_folder(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    """A process writing the page with pyLODE's vocabulary folder (and its pickle cache) at ``folder``."""
    code = (
        "from pathlib import Path\n"
        "from resdip.views.ontodoc import _ontpub, write_ontology_doc\n"
        "_ontpub()\n"
        "import pylode.utils\n"
        f"pylode.utils.RDF_FOLDER = Path({str(folder)!r})\n"
        f"write_ontology_doc(out_html=Path({str(out)!r}))\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _pylode_folder_copy(tmp_path: Path) -> Path:
    import shutil

    from resdip.views.ontodoc import _ontpub

    _ontpub()
    import pylode.utils

    folder = tmp_path / "rdf"
    shutil.copytree(pylode.utils.RDF_FOLDER, folder, ignore=shutil.ignore_patterns("*.pickle"))
    return folder


def test_builds_side_by_side_on_a_fresh_install_share_pylodes_cache(page: Path, tmp_path: Path) -> None:
    """pyLODE pickles its vocabularies into its own folder the first time, in place: builds started
    together on a fresh install used to read each other's half-written file and fail."""
    folder = _pylode_folder_copy(tmp_path)
    outs = [tmp_path / f"page-{n}.html" for n in range(4)]
    processes = [_render_with_pylode_folder(folder, out) for out in outs]
    try:
        results = [process.communicate(timeout=300) for process in processes]
    finally:
        for process in processes:
            process.kill()
            process.wait()
    for process, (_, stderr) in zip(processes, results):
        assert process.returncode == 0, stderr.decode()
    assert all(out.read_bytes() == page.read_bytes() for out in outs)
    assert (folder / "refs.pickle").is_file()


def test_a_damaged_pylode_cache_is_made_again(page: Path, tmp_path: Path) -> None:
    """A build killed while pyLODE wrote its cache leaves a truncated pickle; later builds go on."""
    folder = _pylode_folder_copy(tmp_path)
    (folder / "refs.pickle").write_bytes(b"\x80\x04\x95")  # the first bytes of a pickle, nothing more
    out = tmp_path / "page.html"
    process = _render_with_pylode_folder(folder, out)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode()
    assert out.read_bytes() == page.read_bytes()
    assert "cache is damaged" in stderr.decode()
    assert (folder / "refs.pickle").stat().st_size > 1000
