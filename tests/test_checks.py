"""``resdip.rdf.checks``: the build stops when a ``queries/*-violation.rq`` returns rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdip.rdf.checks import failed_checks, run_checks
from resdip.errors import ValidationError

RD = "https://w3id.org/resdip/ontology#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
G = "<https://w3id.org/resdip/graph/doc/x>"


def test_a_budget_label_that_drops_a_zero_stops_the_build(tmp_path: Path) -> None:
    nq = tmp_path / "dataset.nq"
    line = "<https://w3id.org/resdip/fact/budget-1>"
    nq.write_text(
        f'{line} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RD}BudgetLine> {G} .\n'
        f'{line} <https://schema.org/value> "2000000000.0"^^<http://www.w3.org/2001/XMLSchema#decimal> {G} .\n'
        f'{line} <{LABEL}> "探査事業：2024年度 2億円"@ja {G} .\n'
        f'{line} <{RD}fiscalYear> "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> {G} .\n'
        f'{line} <https://schema.org/currency> "JPY" {G} .\n', encoding="utf-8")
    assert [name for name, _, _ in failed_checks(nq)] == ["budget-label-amount-violation.rq"]
    with pytest.raises(ValidationError, match=r"queries/budget-label-amount-violation.rq returned 1 row"):
        run_checks(nq)
    nq.write_text(nq.read_text(encoding="utf-8").replace("2億円", "20億円"), encoding="utf-8")
    assert failed_checks(nq) == []


def test_a_violation_told_in_two_graphs_is_counted_once_as_over_the_merge(tmp_path: Path) -> None:
    """The checks run over Oxigraph's union of the named graphs (a triple once per graph); the rows
    an error reports are those of the merge, where a triple stated by two documents is one triple."""
    line = "<https://w3id.org/resdip/fact/budget-1>"
    facts = [f"{line} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RD}BudgetLine>",
             f'{line} <https://schema.org/value> "2000000000.0"^^<http://www.w3.org/2001/XMLSchema#decimal>',
             f'{line} <{LABEL}> "探査事業：2024年度 2億円"@ja']
    nq = tmp_path / "dataset.nq"
    nq.write_text("".join(f"{fact} <https://w3id.org/resdip/graph/doc/{doc}> .\n" for doc in ("a", "b") for fact in facts),
                  encoding="utf-8")
    fact = "https://w3id.org/resdip/fact/budget-1"
    assert failed_checks(nq) == [  # over the union as a bag of triples (a triple once per graph) the first gives 8 rows
        ("budget-label-amount-violation.rq", 1, f"{fact} | 探査事業：2024年度 2億円 | 2000000000 | 200000000"),
        ("budget-without-fiscal-year-violation.rq", 1, f"{fact} | no rd:fiscalYear | ")]
