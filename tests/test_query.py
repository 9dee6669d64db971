"""``resdip query``: every output format, ASK / CONSTRUCT, and the one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from resdip.cli import main
from resdip.rdf.results import width

FIXTURE = Path(__file__).parent / "fixtures" / "query"
ROOT = Path(__file__).resolve().parents[1]
VISITS = str(ROOT / "queries" / "minister-visits.rq")
COUNTRIES = ("PREFIX rd: <https://w3id.org/resdip/ontology#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "SELECT ?c ?label WHERE { ?c a rd:Country ; rd:isoCode ?iso ; rdfs:label ?label "
             "FILTER (LANG(?label) = 'ja' && ?iso IN ('CL', 'CA')) } ORDER BY ?iso")


def query(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["query", "--graph-dir", str(FIXTURE), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_aligns_wide_characters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, "--sparql", COUNTRIES)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["c", "label"]
    assert "rdi:country-ca" in lines[2] and "カナダ" in lines[2]
    assert "rdi:country-cl" in lines[3] and "チリ" in lines[3]
    assert lines[-1] == "(2 rows)"
    # the label column starts at the same display column on every row
    starts = {width(line[: line.index(label)]) for line, label in ((lines[2], "カナダ"), (lines[3], "チリ"))}
    assert len(starts) == 1
    assert width("カナダ") == 6 and width("ab") == 2


def test_csv_is_sparql_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, "--sparql", COUNTRIES, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [["c", "label"], ["https://w3id.org/resdip/id/country-ca", "カナダ"],
                    ["https://w3id.org/resdip/id/country-cl", "チリ"]]


def test_json_is_sparql_results_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, VISITS, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert "destination_ja" in data["head"]["vars"]
    cells = {(b["visitor_ja"]["value"], b["destination_ja"]["value"], b["date"]["value"])
             for b in data["results"]["bindings"]}
    assert ("武藤容治", "サウジアラビア", "2025-01") in cells
    assert ("齋藤健", "チリ", "2024-06") in cells
    assert data["results"]["bindings"][0]["visitor"]["type"] == "uri"


def test_markdown_escapes_pipes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, "--sparql", 'SELECT ?x ?y WHERE { BIND ("a|b" AS ?x) BIND ("日本" AS ?y) }',
                         "--format", "md")
    assert code == 0
    assert out.splitlines() == ["| x | y |", "|---|---|", "| a\\|b | 日本 |"]


def test_ask_and_construct(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = query(capsys, "--sparql", "PREFIX rd: <https://w3id.org/resdip/ontology#> ASK { ?v a rd:Visit }")
    assert (code, out) == (0, "true\n")
    code, out, _ = query(capsys, "--sparql", "ASK { ?s ?p ?o }", "--format", "json")
    assert json.loads(out) == {"head": {}, "boolean": True}
    code, out, _ = query(capsys, str(ROOT / "queries" / "construct-entity-network.rq"))
    assert code == 0
    assert "@prefix rdi: <https://w3id.org/resdip/id/>" in out
    assert "rdi:partnership-msp" in out and "org:hasMember" in out
    import pyoxigraph as ox
    triples = list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 10


def test_malformed_query_reports_line_and_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text('# 壊れた問い\nSELECT ?s\nWHERE {\n  ?s ?p "日本語 .\n}\n', encoding="utf-8")
    code, out, err = query(capsys, str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert f"{bad}: SPARQL syntax error at line 4, column 15: " in err


def test_end_of_input_position_gets_a_second_opinion(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = query(capsys, "--sparql", "SELECT ?s\nWHERE {\n  ?s ?p ?o ?x .\n}\n")
    assert code == 2
    assert "SPARQL syntax error at line" in err and "near line 3, column 12" in err


def test_undeclared_prefix_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = query(capsys, "--sparql", "SELECT ?c WHERE { ?c a rd:Country }")
    assert code == 2
    assert "line 1, column" in err and "prefix rd: is used but not declared" in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = query(capsys, VISITS, "--format", "xml")
    assert code == 2
    assert err.count("\n") == 1 and "invalid choice: 'xml'" in err


def test_missing_query_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = query(capsys, str(tmp_path / "nope.rq"))
    assert code == 3
    assert err == f"resdip: query file {tmp_path / 'nope.rq'} not found\n"


def test_missing_dataset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["query", "--graph-dir", str(tmp_path), "--sparql", "ASK {}"])
    _, err = capsys.readouterr()
    assert code == 3 and "dataset.trig not found: run python build_graph.py first" in err


def test_file_and_sparql_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = query(capsys, VISITS, "--sparql", "ASK {}")
    assert code == 2 and "either FILE.rq or --sparql" in err


def test_no_traceback_from_the_real_command() -> None:
    done = subprocess.run([sys.executable, "-m", "resdip.cli", "query", "--graph-dir", str(FIXTURE),
                           "--sparql", "SELECT * WHERE { ?s ?p }"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("resdip: --sparql: SPARQL syntax error at line 1, column")


def test_one_fact_told_twice_is_counted_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The default graph is the merge of the named graphs: no duplicate from two documents."""
    code, out, _ = query(capsys, "--format", "csv", "--sparql",
                         "PREFIX rd: <https://w3id.org/resdip/ontology#> "
                         "SELECT (COUNT(*) AS ?n) WHERE { ?v a rd:Visit }")
    assert out.splitlines()[1] == "2"
    code, out, _ = query(capsys, "--format", "csv", "--sparql",
                         "PREFIX rd: <https://w3id.org/resdip/ontology#> "
                         "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?v a rd:Visit } }")
    assert out.splitlines()[1] == "3"
