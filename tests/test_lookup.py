"""Finding entities by id, label or alias; the ``path`` and ``neighbours`` commands on the fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest

from resdip.cli import main
from resdip.errors import EntityLookupError
from resdip.views.lookup import Lookup, normalise
from resdip.views.projection import labels, load_dataset, project

FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    store = load_dataset(FIXTURE)
    return Lookup(project(store), labels(store))


@pytest.fixture()
def graph_dir(tmp_path: Path) -> Path:
    shutil.copy(FIXTURE, tmp_path / "dataset.trig")
    return tmp_path


@pytest.mark.parametrize(("query", "expected"), [
    ("country-cl", "country-cl"), ("COUNTRY-CL", "country-cl"),
    ("チリ", "country-cl"), ("chile", "country-cl"), ("Chile", "country-cl"),
    ("オーストラリア", "country-au"), ("AU", "country-au"), ("Q408", "country-au"),
    ("MSP", "partnership-msp"), ("ＭＳＰ", "partnership-msp"), ("msp", "partnership-msp"),
    ("齋藤", "person-saito-ken"), ("経済産業省", "org-meti"), ("経済産業大臣", "post-meti-minister"),
    ("鉱物資源安全保障", "partnership-msp"),  # unique prefix
    ("  Minerals   Security ", "partnership-msp"),
])
def test_finds_by_id_label_alias_and_prefix(lookup: Lookup, query: str, expected: str) -> None:
    assert lookup.find(query) == expected


def test_normalise_is_nfkc_and_casefolded() -> None:
    assert normalise("ＪＯＧＭＥＣ") == "jogmec"
    assert normalise(" A  b ") == "a b"


def test_ambiguous_name_lists_the_candidates(lookup: Lookup) -> None:
    with pytest.raises(EntityLookupError) as err:
        lookup.find("経済産業")
    message = str(err.value)
    assert "ambiguous" in message and "\n" not in message
    for node in ("org-meti", "post-meti-minister", "post-meti-vice-minister"):
        assert node in message
    assert err.value.exit_code == 9


def test_unknown_name_says_so(lookup: Lookup) -> None:
    with pytest.raises(EntityLookupError, match="unknown entity 'ノルウェー'"):
        lookup.find("ノルウェー")
    with pytest.raises(EntityLookupError, match="did you mean"):
        lookup.find("産業省")  # a substring, not a prefix: suggested, not taken
    with pytest.raises(EntityLookupError):
        lookup.find("   ")


def test_path_command_prints_the_chain_with_facts_and_quotes(graph_dir: Path, capsys) -> None:
    assert main(["path", "チリ", "経済産業省", "--graph-dir", str(graph_dir)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "チリ (country-cl) → 経済産業省 (org-meti): 1 shortest chain of 3 steps"
    assert "← Signing 2024-06" in out and "signing-1c2d3e4f5a6b7c8d" in out
    assert "→ holds 2024-06" in out and "→ postIn (registry)" in out
    assert "「また、二国間の取組として2024年6月に齋藤経済産業大臣がチリを訪問し" in out
    assert main(["path", "country-cl", "org-meti", "--no-quotes", "--graph-dir", str(graph_dir)]) == 0
    assert "「" not in capsys.readouterr().out


def test_path_without_chain_exits_1(graph_dir: Path, capsys) -> None:
    assert main(["path", "チリ", "自主開発比率", "--graph-dir", str(graph_dir)]) == 1
    assert capsys.readouterr().out.startswith("no chain between チリ (country-cl) and 自主開発比率")


def test_neighbours_command(graph_dir: Path, capsys) -> None:
    assert main(["neighbours", "MSP", "--graph-dir", str(graph_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("鉱物資源安全保障パートナーシップ (partnership-msp) [Partnership]: 5 entities within 1 step")
    for node in ("country-jp", "country-us", "country-ca", "country-au", "org-eu"):
        assert f"({node})" in out
    assert main(["neighbours", "齋藤", "--depth", "2", "--graph-dir", str(graph_dir)]) == 0
    out = capsys.readouterr().out
    assert "depth 2" in out and "via 経済産業大臣 (post-meti-minister): → postIn" in out
    assert main(["neighbours", "チリ", "--depth", "0", "--graph-dir", str(graph_dir)]) == 0
    assert capsys.readouterr().out.strip() == "チリ (country-cl) [Country]: 0 entities within 0 steps"


def test_neighbours_quotes_the_sentences_of_each_tie(graph_dir: Path, capsys) -> None:
    assert main(["neighbours", "チリ", "--graph-dir", str(graph_dir)]) == 0
    assert "「" not in capsys.readouterr().out
    assert main(["neighbours", "チリ", "--quotes", "--graph-dir", str(graph_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    tie = next(i for i, line in enumerate(lines) if line.strip().startswith("← Signing 2024-06"))
    # the Signing's sentence, once under its tie, with the document and offsets it is at
    assert lines[tie + 1].strip().startswith("「また、二国間の取組として2024年6月に齋藤経済産業大臣がチリを訪問し")
    assert "(ewp2025-p2c1 [" in lines[tie + 1]
    assert not lines[tie + 2].strip().startswith("「")


@pytest.mark.parametrize(("argv", "code", "needle"), [
    (["neighbours", "経済産業"], 9, "ambiguous name '経済産業': 3 entities match: 経済産業省 (org-meti)"),
    (["neighbours", "ノルウェー"], 9, "unknown entity 'ノルウェー'"),
    (["path", "チリ", "ノルウェー"], 9, "unknown entity 'ノルウェー'"),
    (["neighbours", "チリ", "--depth", "-1"], 2, "--depth must be 0 or more"),
    (["neighbours", "チリ", "--depth", "two"], 2, "invalid int value"),
    (["path", "チリ", "豪州", "--max", "0"], 2, "--max must be 1 or more"),
])
def test_bad_input_is_one_line_and_nonzero(graph_dir: Path, capsys, argv: list[str], code: int, needle: str) -> None:
    assert main([*argv, "--graph-dir", str(graph_dir)]) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("resdip: ") and needle in captured.err


def test_missing_graph_is_reported(tmp_path: Path, capsys) -> None:
    assert main(["neighbours", "チリ", "--graph-dir", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "dataset.trig" in err


def test_lookup_of_empty_graph() -> None:
    with pytest.raises(EntityLookupError):
        Lookup(nx.MultiDiGraph()).find("チリ")
