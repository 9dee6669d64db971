"""The curated registry: it loads, it is consistent, and malformed rows name their file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resdip import paths
from resdip.errors import DataFileError
from resdip.registry import ENTITY_CLASSES, load_registry

HEADER = "id,class,label_ja,label_en,aliases_ja,aliases_en,iso,wikidata\n"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_loads_every_kind(registry):
    classes = {e.cls for e in registry.entities.values()}
    assert {"Country", "Region", "Place", "Chokepoint", "GovernmentBody", "PublicAgency", "FinancialInstitution",
            "InternationalOrganisation", "Company", "Partnership", "Person", "Post", "Plan", "Policy", "Law",
            "Resource", "Indicator", "Vessel", "Project", "EventSeries"} <= classes
    assert classes <= ENTITY_CLASSES
    assert list(registry.entities) == sorted(registry.entities)


def test_reference_data_is_broad(registry):
    countries = registry.of_class("Country")
    assert len(countries) >= 80
    g20 = "AR AU BR CA CN DE FR GB ID IN IT JP KR MX RU SA TR US ZA".split()
    asean = "BN KH ID LA MY MM PH SG TH VN".split()
    isos = {c.iso for c in countries}
    assert set(g20) <= isos and set(asean) <= isos
    assert registry.get("country-jp").wikidata == "Q17"
    assert registry.get("country-cl").wikidata == "Q298"
    assert all(len(c.iso) == 2 for c in countries)


def test_lookups(registry):
    assert [e.id for e in registry.by_alias("オーストラリア")] == ["country-au"]
    assert [e.id for e in registry.by_alias("サウジアラビア王国")] == ["country-sa"]
    assert [e.id for e in registry.by_alias("UAE")] == ["country-ae"]
    assert [e.id for e in registry.by_alias("南ア")] == ["country-za"]
    assert [e.id for e in registry.by_alias("JOGMEC")] == ["org-jogmec"]
    assert [e.id for e in registry.by_alias("MSP")] == ["partnership-msp"]
    assert [e.id for e in registry.by_alias("アジア・ゼロエミッション共同体（AZEC）閣僚会合")] == \
        ["event-series-azec-ministerial"]  # compared after NFKC
    assert [e.id for e in registry.by_abbr("豪")] == ["country-au"]
    assert registry.by_alias("豪") == []  # abbreviations are not names
    assert registry.by_abbr("尼") == []  # ambiguous: left out
    assert registry.get("post-meti-minister").extra["post_in"] == "org-meti"
    assert registry.get("person-muto-yoji").refs("posts") == ("post-meti-minister",)
    assert registry.get("resource-heavy-rare-earths").refs("broader") == ("resource-rare-earths",)
    assert registry.get("place-hormuz").cls == "Chokepoint"


def _tmp_registry(tmp_path: Path, name: str, body: str, header: str = HEADER) -> Path:
    d = tmp_path / "registry"
    d.mkdir()
    (d / name).write_text(header + body, encoding="utf-8")
    return d


@pytest.mark.parametrize("body, line, words", [
    ("country-xx,Country,X国,X,,,XX,Q1,extra\n", 2, "columns"),
    ("country-xx,Country,X国,X,,,xx,\n", 2, "ISO"),
    ("country-xx,Country,X国,X,,,XX,Q0x\n", 2, "Wikidata"),
    ("org-x,Ministry,X省,X,,,,\n", 2, "unknown class"),
    ("org-x,GovernmentBody,X省,X,,,,\norg-x,GovernmentBody,Y省,Y,,,,\n", 3, "duplicate id"),
    ("org-x,GovernmentBody,X省,X,XX,,,\norg-y,GovernmentBody,Y省,Y,XX,,,\n", 3, "already a name"),
    ("Org X,GovernmentBody,X省,X,,,,\n", 2, "bad id"),
    ("org-x,GovernmentBody,,X,,,,\n", 2, "label_ja"),
])
def test_malformed_rows_name_file_and_line(tmp_path, body, line, words):
    d = _tmp_registry(tmp_path, "bad.csv", body)
    with pytest.raises(DataFileError) as err:
        load_registry(d)
    assert f"bad.csv:{line}" in str(err.value)
    assert words.lower() in str(err.value).lower()


def test_unknown_reference_is_an_error(tmp_path):
    d = _tmp_registry(tmp_path, "posts.csv", "post-x,Post,X大臣,X,,,,,org-nowhere\n",
                      header=HEADER.rstrip("\n") + ",post_in\n")
    with pytest.raises(DataFileError, match=r"posts\.csv:2: post_in names unknown id 'org-nowhere'"):
        load_registry(d)


def test_shared_names_must_be_marked(tmp_path):
    header = HEADER.rstrip("\n") + ",shared\n"
    ok = "post-a,Post,鉱業大臣,A,,,,,yes\npost-b,Post,鉱業大臣,B,,,,,yes\n"
    d = _tmp_registry(tmp_path, "posts.csv", ok, header=header)
    assert len(load_registry(d).by_alias("鉱業大臣")) == 2


def test_missing_header_column_and_empty_folder(tmp_path):
    d = _tmp_registry(tmp_path, "x.csv", "", header="id,class,label_ja\n")
    with pytest.raises(DataFileError, match=r"x\.csv:1: header lacks"):
        load_registry(d)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataFileError, match="no registry files"):
        load_registry(empty)


def test_real_registry_copy_with_one_broken_line(tmp_path):
    d = tmp_path / "registry"
    shutil.copytree(paths.REGISTRY_DIR, d)
    lines = (d / "countries.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("country-au,"))
    lines[at] = lines[at].replace(",AU,", ",AUS,")
    (d / "countries.csv").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"countries\.csv:{at + 1}: bad ISO"):
        load_registry(d)
