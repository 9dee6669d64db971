"""resdip.ontodoc: the pyLODE page of ontology.ttl is deterministic, complete and offline."""

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
from resdip.ontodoc import write_ontology_doc

RD_NS = "https://w3id.org/resdip/ontology#"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_ontology_doc(paths.ONTOLOGY, tmp_path_factory.mktemp("doc") / "ontology.html")


def test_identical_bytes_across_runs(page: Path, tmp_path: Path) -> None:
    again = write_ontology_doc(paths.ONTOLOGY, tmp_path / "again.html")
    assert again.read_bytes() == page.read_bytes()


def test_identical_bytes_under_another_hash_seed(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeded.html"
    code = f"from resdip.ontodoc import write_ontology_doc; write_ontology_doc(out_html={str(out)!r})"
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
