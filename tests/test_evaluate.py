"""The gold annotations and the scorer (``resdip.evaluation.evaluate``, ``resdip evaluate``).

Fixtures: ``tests/gold/`` (hand-made gold, see its README), ``tests/docs/`` (invented test documents),
``tests/fixtures/evaluate/`` (a hand-written TriG dataset with known scores, see its README).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from resdip import paths
from resdip.cli import main
from resdip.errors import DataFileError, InputFileError
from resdip.evaluation.evaluate import (
    KINDS,
    LINK_KINDS,
    compare,
    evaluate,
    gold_key,
    join_text,
    load_dataset,
    load_gold,
    source_text_path,
)
from resdip.text.sources import load_sources

TESTS = Path(__file__).parent
GOLD_DIR = TESTS / "gold"
DOCS_DIR = TESTS / "docs"
FIXTURE = TESTS / "fixtures" / "evaluate"
MAIN_GOLD = GOLD_DIR / "ewp2025-p2c1.jsonl"
GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl"))
TEST_DOCS = ["test-wp-style", "test-meti-press", "test-jogmec-mou"]


def joined(doc_id: str) -> str:
    """The brief's own rule, written independently of the module: drop newlines and leading spaces."""
    raw = source_text_path(doc_id).read_text(encoding="utf-8")
    return "".join(re.sub(r"^ +", "", line) for line in raw.split("\n"))


# --- the gold files ---

@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed_and_quotes_its_document(path: Path) -> None:
    text = source_text_path(path.stem).read_text(encoding="utf-8")
    facts = load_gold(path, text)
    assert facts, path
    for fact in facts:
        assert fact.kind in KINDS + LINK_KINDS


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_sentence_occurs_in_the_joined_text(path: Path) -> None:
    text = joined(path.stem)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        d = json.loads(line)
        for quote in [d["sentence"], *d.get("also", [])]:
            assert quote in text, f"{path.name}:{n}: {quote}"
            assert "\ufffd" not in quote and "\n" not in quote


def test_main_gold_size_and_kinds() -> None:
    facts = load_gold(MAIN_GOLD)
    counts = {kind: sum(f.kind == kind for f in facts) for kind in KINDS}
    assert 80 <= len(facts) <= 150
    assert all(counts[kind] > 0 for kind in KINDS), counts
    # the figures the text states, spot-checked by key
    keys = {f.key for f in facts}
    assert ("indicator-self-development-ratio-oil-gas", "37.2", "%", "FY2023") in keys
    assert ("indicator-self-development-ratio-coal", "60", "%", "2040", "EqualTo") in keys
    assert ("第3節 3.", "2022", "SupplementaryBudget", "125000000000", True) in keys
    assert ("resource-coal", ("country-au", "country-id"), "80") in keys


def test_main_gold_entities_are_in_the_registry_or_listed_as_proposals() -> None:
    files = sorted(paths.REGISTRY_DIR.glob("*.csv"))
    if not files:
        pytest.skip("registry/*.csv not written yet")
    registry = set()
    for file in files:
        with file.open(encoding="utf-8", newline="") as handle:
            registry |= {row[0] for row in csv.reader(handle) if row}
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    proposed = set(re.findall(r"`([a-z0-9-]+)`†", readme))
    scored = set()
    for fact in load_gold(MAIN_GOLD):
        d = fact.data
        scored |= {p["entity"] for p in d.get("participants", [])} | set(d.get("suppliers", []))
        scored |= {d[k] for k in ("person", "post", "member", "organization", "subject", "object", "resource",
                                  "indicator") if k in d}
    unknown = sorted(scored - registry - proposed)
    assert not unknown, f"ids neither in registry/ nor marked † in tests/gold/README.md: {unknown}"


def test_test_documents_have_metadata_in_the_sources_json_shape(tmp_path: Path) -> None:
    entries = []
    for doc in TEST_DOCS:
        entry = json.loads((DOCS_DIR / f"{doc}.json").read_text(encoding="utf-8"))
        assert entry["id"] == doc and entry["layout"] == "plain"
        assert (DOCS_DIR / entry["file"]).is_file()
        entries.append(entry)
    listing = tmp_path / "sources.json"
    listing.write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")
    sources = load_sources(listing)  # the checks sources.json entries get
    assert {s.id for s in sources} == set(TEST_DOCS)


# --- the scorer on hand-made inputs ---

def test_compare_is_one_to_one_on_multisets() -> None:
    s = compare([("a",), ("a",), ("b",)], [("a",), ("c",)])
    assert (s.gold, s.extracted, s.matched) == (3, 2, 1)
    assert s.precision == 0.5 and s.recall == pytest.approx(1 / 3)
    assert s.missed == [("a",), ("b",)] and s.spurious == [("c",)]
    empty = compare([], [])
    assert empty.precision == 1.0 and empty.recall == 1.0
    nothing = compare([("a",)], [])
    assert nothing.precision == 0.0 and nothing.f1 == 0.0


def test_gold_keys_normalise_numbers_dates_and_participants() -> None:
    event = {"kind": "event", "type": "Revision", "fiscal_year": "2024", "participants": [
        {"entity": "b", "role": "Host"}, {"entity": "a", "role": "Visitor"}]}
    assert gold_key(event) == ("Revision", "FY2024", frozenset({("a", "Visitor"), ("b", "Host")}))
    obs = {"kind": "observation", "indicator": "i", "value": "20,798.0", "unit": "km2",
           "period_start_fy": "2019", "period_end_fy": "2023"}
    assert gold_key(obs) == ("i", "20798", "km2", "FY2019/FY2023")


def fixture_scores() -> dict:
    return evaluate(FIXTURE / "mini-doc.jsonl", text_path=FIXTURE / "mini-doc.txt",
                    store=load_dataset(FIXTURE))


def test_scorer_on_the_hand_made_dataset() -> None:
    scores = fixture_scores()
    overall = scores["overall"]
    assert (overall.gold, overall.extracted, overall.matched) == (7, 8, 6)
    assert overall.precision == pytest.approx(0.75) and overall.recall == pytest.approx(6 / 7)
    assert scores["event"].matched == 2  # a candidate counterpart matched through its label
    assert scores["budget"].matched == 1  # 第1節 found through the sentence's section chain
    assert scores["observation"].matched == 1  # measuredQuantity text matched through quantity_ja
    # a registry post that only shares the label 鉱業大臣 is not the gold's candidate post
    assert scores["post_holding"].spurious == [("label:ロペス", "post-cl-minister-mining", "2025-01")]
    assert scores["relation"].spurious == [("org-jogmec", "investsIn", "country-au")]
    assert "membership" not in scores  # neither side has any


def test_a_gold_sentence_missing_from_the_document_names_the_line(tmp_path: Path) -> None:
    gold = tmp_path / "mini-doc.jsonl"
    lines = (FIXTURE / "mini-doc.jsonl").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("チリを訪問し", "ペルーを訪問し")
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"mini-doc\.jsonl:3: sentence not found"):
        load_gold(gold, (FIXTURE / "mini-doc.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("bad, message", [
    ('{"kind": "rumour", "sentence": "x"}', "'kind' must be one of"),
    ('{"kind": "relation", "subject": "a", "predicate": "likes", "object": "b", "sentence": "x"}', "unknown predicate"),
    ('{"kind": "membership", "member": "a", "sentence": "x"}', "without 'organization'"),
    ('{"kind": "event", "type": "Visit", "participants": [], "sentence": "x"}', "without 'date'"),
    ("not json", "not valid JSON"),
])
def test_malformed_gold_lines_are_data_errors(tmp_path: Path, bad: str, message: str) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(bad + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_gold(gold)


def test_join_text_removes_line_breaks_and_page_break_spaces() -> None:
    assert join_text("地質構造の\n\n 調査を行い\n") == "地質構造の調査を行い"


# --- the command ---

def cli(*extra: str) -> list[str]:
    return ["evaluate", "--gold", str(FIXTURE / "mini-doc.jsonl"), "--graph-dir", str(FIXTURE),
            "--source", str(FIXTURE / "mini-doc.txt"), *extra]


def test_command_prints_a_markdown_table_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(cli("--errors")) == 0
    out = capsys.readouterr().out
    assert "| **overall** | 7 | 8 | 6 | 0.750 | 0.857 | 0.800 |" in out
    assert "| events (type+date) |" in out
    assert "relation spurious: (org-jogmec, investsIn, country-au)" in out


def test_command_json_and_thresholds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(cli("--format", "json")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mini-doc"]["overall"]["precision"] == 0.75
    assert main(cli("--min-precision", "0.7", "--min-recall", "0.85")) == 0
    capsys.readouterr()
    assert main(cli("--min-precision", "0.9")) == 1
    assert "precision 0.750 < 0.9" in capsys.readouterr().err


def test_command_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(tmp_path / "none.jsonl"), "--graph-dir", str(FIXTURE)]) == InputFileError.exit_code
    assert main(cli("--min-recall", "2")) == 2
    assert main(["evaluate", "--gold", str(FIXTURE / "mini-doc.jsonl"), "--graph-dir", str(tmp_path),
                 "--source", str(FIXTURE / "mini-doc.txt")]) == InputFileError.exit_code
    assert "dataset.trig not found" in capsys.readouterr().err


# --- the real build ---

REAL = paths.GRAPH_DIR / "dataset.trig"


@pytest.mark.skipif(not REAL.is_file(), reason="graph/dataset.trig absent: run python build_graph.py first")
def test_extraction_quality_on_the_real_build() -> None:
    scores = evaluate(MAIN_GOLD)
    overall = scores["overall"]
    report = ", ".join(f"{k} P={s.precision:.2f} R={s.recall:.2f}" for k, s in scores.items())
    assert overall.precision >= 0.95, report
    assert overall.recall >= 0.90, report


def test_gold_label_alternatives_match_a_candidate(tmp_path: Path) -> None:
    gold = tmp_path / "mini-doc.jsonl"
    text = (FIXTURE / "mini-doc.jsonl").read_text(encoding="utf-8")
    gold.write_text(text.replace('"label:ロペス"', '"label:ロペス氏|ロペス"'), encoding="utf-8")
    scores = evaluate(gold, text_path=FIXTURE / "mini-doc.txt", store=load_dataset(FIXTURE))
    assert scores["event"].matched == 2


def test_scores_of_several_documents_add_up() -> None:
    from resdip.evaluation.evaluate import Score, summed

    a = {"event": Score(4, 3, 3), "links": Score(10, 0, 8, measures="recall"), "overall": Score(4, 3, 3)}
    b = {"event": Score(2, 2, 1), "links": Score(6, 0, 6, measures="recall"), "overall": Score(2, 2, 1)}
    total = summed([a, b])
    assert (total["event"].gold, total["event"].extracted, total["event"].matched) == (6, 5, 4)
    assert total["links"].recall == 14 / 16 and total["links"].measures == "recall"
    assert list(total)[-1] == "overall"


def test_a_symmetric_relation_is_the_same_fact_whichever_end_is_written_first() -> None:
    """rd:cooperatesWith is an owl:SymmetricProperty in ontology.ttl: A with B is B with A; a directed
    relation keeps its direction."""
    from resdip.evaluation.evaluate import symmetric_key, symmetric_predicates

    assert "cooperatesWith" in symmetric_predicates() and "investsIn" not in symmetric_predicates()
    assert symmetric_key("org-meti", "cooperatesWith", "country-cl") == symmetric_key("country-cl", "cooperatesWith", "org-meti")
    assert symmetric_key("org-jogmec", "investsIn", "country-au") != symmetric_key("country-au", "investsIn", "org-jogmec")


def test_gold_power_in_gigawatts_or_megawatts_is_compared_in_kilowatts() -> None:
    """The extractor states power in kW (1.2ギガワット → 1,200,000 kW); gold written in GW or MW is the same quantity."""
    from resdip.evaluation.links import _gold_value, _unit

    assert (_gold_value({"value": "1.2", "unit": "GW"}), _unit({"unit": "GW"})) == ("1200000", "kW")
    assert (_gold_value({"value": "950", "unit": "MW"}), _unit({"unit": "MW"})) == ("950000", "kW")
    assert (_gold_value({"value": "15", "unit": "count"}), _unit({"unit": "社"})) == ("15", "count")


def test_gold_barrels_per_day_are_compared_as_barrels() -> None:
    """The graph states an amount in bbl (日量110万バレル → 1,100,000 bbl), as it states 年間…トン in t."""
    from resdip.evaluation.links import _unit

    assert _unit({"unit": "barrel/day"}) == _unit({"unit": "barrel"}) == _unit({"unit": "BLL"}) == "bbl"


def test_a_stockpile_target_in_kilolitres_is_gold_and_an_unknown_unit_is_refused(tmp_path: Path) -> None:
    """「5,000万キロリットルの備蓄を達成」: a target of the genre in kilolitres loads; a unit the evaluator does not know
    is named in a one-line error."""
    sentence = "国家備蓄は、当初の目標であった5,000万キロリットルの備蓄を達成しました"
    line = {"kind": "target", "indicator": "label:石油の国家備蓄量", "value": "50000000", "unit": "kl", "target_year": "",
            "comparator": "EqualTo", "set_by": "", "sentence": sentence}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_gold(gold, sentence + "。\n")
    gold.write_text(json.dumps({**line, "unit": "gallon"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown unit 'gallon'"):
        load_gold(gold, sentence + "。\n")
