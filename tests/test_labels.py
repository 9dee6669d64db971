"""The label review loop: ``resdip labels`` lists English labels; ``registry/labels/overrides.csv`` wins."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from resdip import paths
from resdip.cli import main
from resdip.english.labeller import Labeller
from resdip.errors import DataFileError
from resdip.english.overrides import load_overrides
from resdip.registry import load_registry
from resdip.rdf.store import open_store, run_query

REAL = paths.GRAPH_DIR / "dataset.trig"
needs_graph = pytest.mark.skipif(not REAL.is_file(), reason="graph/dataset.trig not built yet")
JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff]"


def test_an_override_wins_over_the_composed_label() -> None:
    ja = "大型船の受入機能の確保・強化"  # 具体的な主要施策 (1) of 第1節 in the source
    labeller = Labeller(load_registry(), {ja: "Port capacity for large vessels"})
    assert labeller.name(ja).origin == "curated"
    assert labeller.name(ja).text == "Port capacity for large vessels"
    assert Labeller(load_registry(), {}).name(ja).origin == "composed"


@pytest.mark.parametrize("text, message", [
    ("ja,en\nA,B\n", ":1: the header must start with label_ja,label_en"),
    ("label_ja,label_en\n協力覚書,\n", ":2: a row needs a label_ja and a label_en"),
    ("label_ja,label_en\n協力覚書,協力の覚書\n", ":2: label_en '協力の覚書' is not English"),
    ("label_ja,label_en\n協力覚書,MoC\n協力覚書,MOC\n", ":3: '協力覚書' is given two English labels"),
])
def test_a_malformed_overrides_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(message)):
        load_overrides(path)


def test_the_listing_reads_back_as_overrides(tmp_path: Path) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text("label_ja,label_en,origin,id\n協力覚書,Memorandum of Cooperation,composed,x\n", encoding="utf-8")
    assert load_overrides(path) == {"協力覚書": "Memorandum of Cooperation"}


@needs_graph
def test_resdip_labels_lists_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "labels.csv"
    assert main(["labels", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    measures = [r for r in rows if r["id"].startswith("measure-")]
    assert len(measures) == 22  # the source's 22 numbered measures
    assert all(r["origin"] in ("composed", "machine") for r in rows)
    assert not any(re.search(JAPANESE, r["label_en"]) for r in rows)


@needs_graph
def test_the_source_graph_has_english_where_it_says_en() -> None:
    store = open_store(paths.GRAPH_DIR)
    found = list(run_query(store, f"""SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s ?p ?l }}
        FILTER (!STRENDS(STR(?g), "/ontology") && LANG(?l) = "en" && REGEX(STR(?l), "{JAPANESE}")) }}"""))
    assert found == []
    composed = list(run_query(store, """PREFIX rd: <https://w3id.org/resdip/ontology#>
        SELECT ?s WHERE { ?s rd:composedLabel ?l FILTER (STRSTARTS(STR(?s), "https://w3id.org/resdip/id/")) }"""))
    assert len(composed) >= 20
    links = {(s["m"].value.rsplit("/", 1)[-1], s["p"].value.rsplit("/", 1)[-1]) for s in run_query(store, """
        PREFIX rd: <https://w3id.org/resdip/ontology#> SELECT ?m ?p WHERE { ?m rd:implements ?p }""")}
    # 4．…日ASEAN資源循環パートナーシップ（ARCPEC）, 日ASEANサーキュラーエコノミーイニシアティブ（AJCEI）,
    # 成長志向型の資源自律経済戦略と戦略を踏まえたアクション: the measures the registry's entities name
    assert {p for _, p in links} == {"partnership-arcpec", "partnership-ajcei",
                                     "policy-growth-oriented-resource-autonomous-economy"}


@pytest.mark.parametrize("name, english", [
    ("フェルナンド・マシャバ", "Ferunando Mashaba"),  # katakana parts, not "X and Y"
    ("川原田智", "Kawaharada Satoshi"),  # family and given name, as written
    ("ヒナーイー", "Hināī"),
])
def test_a_persons_name_is_romanised_part_by_part_not_composed(name, english) -> None:
    label = Labeller(load_registry(), overrides={}).person(name)
    assert (label.text, label.origin) == (english, "machine")
