"""Budget brackets of numbered measures (each checked against the source's 【…】 lines)."""

import unicodedata
from decimal import Decimal

from resdip.extract.measures import measure_entity, measure_id, read_budget


def lines(bracket):
    return [(b.fiscal_year, b.budget_kind, b.value, b.portion_of, b.qualifier)
            for b in read_budget(unicodedata.normalize("NFKC", bracket), "m")]


def test_initial_and_fiscal_investment_lines():
    assert lines("【2024年度当初：1,082億円、2024年度産投：798億円】") == [
        ("2024", "InitialBudget", Decimal(108200000000), False, ""),
        ("2024", "FiscalInvestmentAndLoan", Decimal(79800000000), False, ""),
    ]


def test_supplementary_line_with_named_programme():
    assert lines("【2024年度当初：263億円、2024年度補正：国内石油天然ガス地質調査事業7.8億円】") == [
        ("2024", "InitialBudget", Decimal(26300000000), False, ""),
        ("2024", "SupplementaryBudget", Decimal(780000000), False, "国内石油天然ガス地質調査事業"),
    ]


def test_portion_of_and_note():
    assert lines("【2022年度補正：1,250億円の内数】") == [("2022", "SupplementaryBudget", Decimal(125000000000), True, "")]
    assert lines("【2024年度補正：政府保証付借入含め1,597億円 ※補正予算額 922億円】") == [
        ("2024", "SupplementaryBudget", Decimal(159700000000), False, "政府保証付借入含め"),
        ("2024", "SupplementaryBudget", Decimal(92200000000), False, "※補正予算額"),
    ]


def test_tax_measure_has_no_budget_and_is_flagged():
    assert lines("【税制】") == []
    entity = measure_entity("(5)", "海外投資等損失準備金制度【税制】")
    assert entity.label_ja == "海外投資等損失準備金制度"
    assert entity.extra["isTaxMeasure"] is True
    assert entity.id == measure_id("海外投資等損失準備金制度")


def test_fiscal_years_of_an_era_and_numbered_supplementary_budgets():
    """Older White Papers write 平成24年度; supplementary budgets are numbered (第3次補正)."""
    assert lines("【平成24年度当初：48.5億円】") == [("2012", "InitialBudget", Decimal("4850000000"), False, "")]
    assert lines("【令和元年度当初：5億円】") == [("2019", "InitialBudget", Decimal("500000000"), False, "")]
    assert lines("【2020年度第3次補正：20億円の内数】") == [
        ("2020", "SupplementaryBudget", Decimal("2000000000"), True, "")]


def test_budget_brackets_written_with_yosangaku_and_the_year_before_in_brackets() -> None:
    import unicodedata
    from resdip.extract.measures import read_budget
    text = unicodedata.normalize("NFKC", "【平成22年度予算額：技術協力等 28.6億円（平成21年度予算額：24.1億円）、平成21年度補正予算額：5.0億円】")
    lines = {(l.fiscal_year, l.budget_kind, int(l.value)) for l in read_budget(text, "第1節 1.")}
    assert lines == {("2010", "InitialBudget", 2860000000), ("2009", "InitialBudget", 2410000000),
                     ("2009", "SupplementaryBudget", 500000000)}, lines


def test_the_year_before_written_with_a_space_after_yosangaku_and_amounts_in_millions() -> None:
    """「（平成17年度予算額 1,980百万円）」: the year before's amount, its colon written as a space."""
    assert lines("【平成18年度予算額：関係強化事業 2,150百万円（平成17年度予算額 1,980百万円）】") == [
        ("2006", "InitialBudget", Decimal(2150000000), False, "関係強化事業"),
        ("2005", "InitialBudget", Decimal(1980000000), False, ""),
    ]


def test_programmes_listed_after_one_line_share_its_year_and_kind_and_a_kind_may_be_glossed() -> None:
    """「2026年度当初：石油備蓄事業 1,180億円、レアメタル備蓄事業 12億円」: two programmes of the initial budget;
    「平成24年度財政投融資（産業投資）：420.0億円」: the kind glossed in brackets before the colon."""
    assert lines("【2026年度当初：石油備蓄事業 1,180億円、レアメタル備蓄事業 12億円】") == [
        ("2026", "InitialBudget", Decimal(118000000000), False, "石油備蓄事業"),
        ("2026", "InitialBudget", Decimal(1200000000), False, "レアメタル備蓄事業"),
    ]
    assert lines("【平成24年度財政投融資（産業投資）：420.0億円】") == [
        ("2012", "FiscalInvestmentAndLoan", Decimal(42000000000), False, "")]
