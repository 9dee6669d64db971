"""Date expressions: calendar vs fiscal years, ranges, years from context and from the document."""

import pytest

from resdip.extract.dates import DateContext, find_dates


def starts(text, ctx=None):
    return [(d.start, d.end, d.fiscal) for d in find_dates(text, ctx)]


def test_year_month_from_the_visit_sentence():
    assert starts("2025年1月には、武藤経済産業大臣がサウジアラビア王国") == [("2025-01", "", False)]


def test_fiscal_year_is_kept_apart_from_calendar_year():
    assert starts("2024年度は、引き続き") == [("2024", "", True)]
    assert starts("2022年に発生したロシアによるウクライナ侵略") == [("2022", "", False)]


def test_same_year_resolved_from_the_previous_sentence():
    ctx = DateContext()
    find_dates("また、2025年1月には、武藤経済産業大臣と豪州のキング資源大臣との間で", ctx)
    assert starts("同年3月には、日仏両政府が連携した", ctx) == [("2025-03", "", False)]


def test_same_year_without_context_gives_nothing():
    assert starts("同年3月には") == []


def test_calendar_range_with_and_without_second_year():
    assert starts("長期陸上産出試験を2023年9月から2024年7月まで実施") == [("2023-09", "2024-07", False)]
    assert starts("データ取得を2025年1月から2月まで実施") == [("2025-01", "2025-02", False)]


def test_fiscal_ranges():
    assert starts("2019年度から2023年度までの累計探査実績") == [("2019", "2023", True)]
    assert starts("2024年度からの3年間で100億円の支援") == [("2024", "2026", True)]


def test_month_and_day_without_year_read_against_the_document_date():
    ctx = DateContext(document_date="2024-10-30")
    assert starts("10月28日(土曜日)に会談した", ctx) == [("2024-10-28", "", False)]
    # A December event told in a January release belongs to the year before.
    ctx = DateContext(document_date="2025-01-10")
    assert starts("12月20日に署名した", ctx) == [("2024-12-20", "", False)]


def test_japanese_era_years():
    assert starts("海洋基本法(平成19年法律第33号)") == []  # a law number, not a date
    assert starts("平成19年4月に") == [("2007-04", "", False)]
    assert starts("令和元年に") == [("2019", "", False)]


def test_full_date_and_invalid_month():
    assert starts("適用期限が2026年3月31日まで延長") == [("2026-03-31", "", False)]
    assert starts("2025年13月") == []


def test_month_day_range_of_a_press_release():
    ctx = DateContext(document_date="2024-10-30")
    assert starts("10月27日(日曜日)から10月29日(火曜日)までタンザニア連合共和国を訪問", ctx) == [
        ("2024-10-27", "2024-10-29", False)]
    assert starts("10月27日から29日まで", DateContext(document_date="2024-10-30")) == [
        ("2024-10-27", "2024-10-29", False)]


def test_same_day_is_the_last_date_read():
    ctx = DateContext(document_date="2024-10-30")
    find_dates("10月28日(月曜日)、武藤大臣は", ctx)
    assert starts("同日、武藤大臣は", ctx) == [("2024-10-28", "", False)]
    assert starts("同日、") == []


def test_next_day_and_the_day_before_are_read_from_the_last_date():
    ctx = DateContext(document_date="2025-02-20")
    find_dates("2月18日(火曜日)、古賀副大臣は", ctx)
    assert starts("翌19日(水曜日)には、フォーラムが開かれ", ctx) == [("2025-02-19", "", False)]
    assert starts("翌日、", ctx) == [("2025-02-20", "", False)]
    assert starts("その前日に", ctx) == [("2025-02-19", "", False)]
    assert starts("翌19日") == []  # no date read before: nothing to count from


def test_a_day_of_the_next_month_when_the_day_is_earlier():
    ctx = DateContext(document_date="2025-04-02")
    find_dates("3月30日、", ctx)
    assert starts("翌1日には", ctx) == [("2025-04-01", "", False)]
    assert starts("同月5日", DateContext(last_date="2024-11-15")) == [("2024-11-05", "", False)]


def test_dates_a_release_gives_against_its_own_date():
    release = lambda: DateContext(document_date="2018-11-20")  # noqa: E731
    assert starts("本年10月、両者は合意しました", release()) == [("2018-10", "", False)]
    assert starts("本日、東京において契約を締結しました", release()) == [("2018-11-20", "", False)]
    assert starts("15日、JBICは貸付契約に調印しました", release()) == [("2018-11-15", "", False)]
    assert starts("本年度も研修を実施します", DateContext(document_date="2025-02-14")) == [("2024", "", True)]


def test_a_bare_day_that_continues_a_list_of_days_is_not_a_date_of_its_own():
    ctx = DateContext(document_date="2024-08-23")
    assert starts("8月21日（水曜日）及び22日（木曜日）にクスコで開催された", ctx) == [("2024-08-21", "", False)]
    assert starts("調査は12日間、30日以内に報告します", ctx) == []


def test_same_month_is_the_month_last_named():
    ctx = DateContext()
    find_dates("2022年3月、萩生田経済産業大臣はアラブ首長国連邦を訪問し", ctx)
    assert [(d.start, d.source) for d in find_dates("同月、JOGMECは覚書を締結しました", ctx)] == [("2022-03", "FromEarlierSentence")]
    assert starts("同月") == []


def test_same_year_skips_a_forecast_after_the_documents_own_year():
    """In a 2020 paper, 「2019年6月には…取得しました。同プロジェクトは2023年の生産開始が見込まれています。
    同年9月には…」: 同年 is 2019, the narrative's year; 2023 is a forecast."""
    ctx = DateContext(document_date="2020-06-05")
    find_dates("2019年6月には、JOGMECが権益を取得しました。", ctx)
    find_dates("同プロジェクトは2023年の生産開始が見込まれています。", ctx)
    assert starts("同年9月には、東京で会議が開催され", ctx) == [("2019-09", "", False)]


def test_last_and_next_year_are_read_against_the_document_date():
    """昨年8月 in a release of June 2026 is August 2025; 来年度 is fiscal 2027; 昨年 alone is 2025."""
    ctx = DateContext(document_date="2026-06-25")
    found = find_dates("昨年8月に横浜で開催された会議と来年度の計画、昨年の実績", ctx)
    assert [(d.start, d.fiscal, d.source) for d in found] == [
        ("2025-08", False, "YearFromDocument"), ("2027", True, "YearFromDocument"), ("2025", False, "YearFromDocument")]
    assert find_dates("昨年8月", DateContext()) == []  # no document date: nothing to read it against


def test_a_bare_day_before_a_time_of_day_is_a_day_of_the_release_month():
    """「14日午前、吉井政務官は…」, 「現地時間3日午前（日本時間同日午後）、…」 against a release of the same month."""
    ctx = DateContext(document_date="2026-10-16")
    assert [d.start for d in find_dates("14日午前、吉井政務官は、デュボワ大臣と会談しました。", ctx)] == ["2026-10-14"]
    assert [d.start for d in find_dates("現地時間3日午前（日本時間同日午後）、武藤大臣は", ctx)][:1] == ["2026-10-03"]


@pytest.mark.parametrize("text, document_date, expected", [
    ("2月30日に署名", "2026-03-05", []),  # no such day: no date, and nothing later fails on it
    ("4月31日", "2026-05-05", []),
    ("1月30日から2日までの日程で", "2026-02-05", [("2026-01-30", "2026-02-02")]),  # into the next month
    ("12月30日から1月3日まで", "2026-01-05", [("2025-12-30", "2026-01-03")]),  # into the next year
])
def test_dates_are_days_of_the_calendar_and_ranges_run_forward(text, document_date, expected) -> None:
    assert [(d.start, d.end) for d in find_dates(text, DateContext(document_date=document_date))] == expected


def test_two_days_in_a_row_joined_by_oyobi_are_a_period_two_apart_are_two_dates() -> None:
    """「9月15日（火曜日）及び16日（水曜日）」: a meeting of two days; 「3月3日及び10日」: two days."""
    ctx = DateContext(document_date="2026-09-17")
    pair = find_dates("9月15日(火曜日)及び16日(水曜日)、リスボンで開催された会合に出席しました。", ctx)
    assert [(d.start, d.end) for d in pair] == [("2026-09-15", "2026-09-16")]
    apart = find_dates("3月3日及び10日に会合を開きました。", DateContext(document_date="2026-09-17"))
    assert [(d.start, d.end) for d in apart] == [("2026-03-03", "")]


@pytest.mark.parametrize("text, qualifier", [("2031年度末までに計8件の調査を実施", "By"), ("2032年3月末までに", "By"), ("2032年末以降、生産を拡大", "Since"), ("2031年度に調査を実施", "")])
def test_a_part_of_the_period_between_the_date_and_its_qualifier(text, qualifier):
    """「2031年度末までに」: the end of the year does not hide the bound; the count is by then, not in that year."""
    assert [d.qualifier for d in find_dates(text)][:1] == [qualifier]
