"""Quantities as the source states them (figures checked against the White Paper text)."""

import unicodedata
from decimal import Decimal

from resdip.extract.quantities import find_quantities


def q(text):
    return [(x.value, x.unit, x.approximation, x.comparator, x.portion_of) for x in find_quantities(unicodedata.normalize("NFKC", text))]


def test_budget_amounts_in_oku_yen():
    assert q("【2024年度当初：1,082億円、2024年度産投：798億円】") == [
        (Decimal(108200000000), "JPY", "", "", False),
        (Decimal(79800000000), "JPY", "", "", False),
    ]


def test_portion_of_a_larger_budget():
    assert q("【2022年度補正：1,250億円の内数】") == [(Decimal(125000000000), "JPY", "", "", True)]


def test_fractional_oku():
    assert q("地質調査事業7.8億円") == [(Decimal(780000000), "JPY", "", "", False)]


def test_shares_in_wari_become_percent_with_their_qualifier():
    assert q("原油の約9割、天然ガスの1割弱を中東地域から輸入") == [
        (Decimal(90), "%", "約", "", False),
        (Decimal(10), "%", "弱", "", False),
    ]


def test_percent_targets_keep_the_comparator():
    assert q("2030年に50%以上、2040年に60%以上に引き上げる") == [
        (Decimal(50), "%", "", "AtLeast", False),
        (Decimal(60), "%", "", "AtLeast", False),
    ]


def test_areas_in_square_kilometres():
    assert q("累計探査実績は20,798㎢であり、2024年度の探査実績は約7,100㎢") == [
        (Decimal(20798), "km2", "", "", False),
        (Decimal(7100), "km2", "約", "", False),
    ]
    assert q("10年間でおおむね5万㎢") == [(Decimal(10), "year", "", "", False),  # the period is a duration
                                        (Decimal(50000), "km2", "おおむね", "", False)]


def test_gas_prices_ratios_and_percentage_points():
    found = find_quantities(unicodedata.normalize("NFKC", "平均輸入価格は百万Btu当たり約16ドルで、米国の約5倍、前年度から3.2ポイント上昇した"))
    assert [(str(q.value), q.unit, q.approximation) for q in found] == [
        ("16", "USD/MMBtu", "約"), ("5", "times", "約"), ("3.2", "point", "")]
    assert [q.unit for q in find_quantities("約50百万米ドル")] == ["USD"]  # a dollar amount stays one


def test_durations_are_quantities_of_their_own_unit():
    found = find_quantities(unicodedata.normalize("NFKC", "2024年度から3年間で約500名を、7月3日から14日までの12日間、約45分間、6か月間"))
    assert [(str(x.value), x.unit, x.approximation) for x in found] == [
        ("3", "year", ""), ("500", "count", "約"), ("12", "day", ""), ("45", "minute", "約"), ("6", "month", "")]
    assert find_quantities("2025年までに年間約2万トン")[0].unit == "t"  # 年間 before a number is "a year", no duration


def test_counts_of_economies_fields_and_points():
    found = find_quantities(unicodedata.normalize("NFKC", "APECメンバー21エコノミー、人材育成の3分野、議論の3点を中心に、2023年3月時点"))
    assert [(str(x.value), x.unit, x.counter) for x in found] == [
        ("21", "count", "エコノミー"), ("3", "count", "分野"), ("3", "count", "点")]


def test_gas_price_per_british_thermal_unit_in_words():
    found = find_quantities(unicodedata.normalize("NFKC", "百万英国熱量単位当たり約16ドル"))
    assert [(str(x.value), x.unit, x.approximation) for x in found] == [("16", "USD/MMBtu", "約")]


def test_floor_areas_years_elapsed_days_worth_and_counts_with_no():
    """Forms of the genre's releases: 「約3万7,000平方メートル」 (two parts), 「14年ぶり」 and 「10年を迎える」
    (years elapsed, never a calendar year), 「60日分」, 「31の省庁・機関」."""
    assert q("面積約3万7,000平方メートルの倉庫") == [(Decimal(37000), "m2", "約", "", False)]
    assert q("売却は14年ぶりで、発効から10年を迎える") == [(Decimal(14), "year", "", "", False),
                                                       (Decimal(10), "year", "", "", False)]
    assert q("2025年を迎え") == []
    assert q("国内消費量の60日分を基準とする") == [(Decimal(60), "day", "", "", False)]
    assert q("両国の31の省庁・機関が参加") == [(Decimal(31), "count", "", "", False)]
    assert q("年間約1万2,000トン") == [(Decimal(12000), "t", "約", "", False)]


def test_areas_lengths_temperatures_and_three_part_volumes_written_out():
    """Units of project and exploration releases written out in katakana, and a volume in 億 and 万."""
    assert q("面積：約1,200平方キロメートル、解析範囲は約3万6,000平方キロメートル") == [
        (Decimal(1200), "km2", "約", "", False), (Decimal(36000), "km2", "約", "", False)]
    assert q("全長約800キロメートルのパイプラインと深度約2,500メートルの井戸") == [
        (Decimal(800), "km", "約", "", False), (Decimal(2500), "m", "約", "", False)]
    assert q("最高約300℃の地熱流体") == [(Decimal(300), "degC", "約", "", False)]
    assert q("原油輸入量は約1億7,300万キロリットル") == [(Decimal(173000000), "kl", "約", "", False)]


def test_banks_counted_fractions_and_durations_after_about():
    """「民間金融機関4行」 counts banks; 「2分の1」 is a share; 「約12日」 and 「約15年」 are durations, while a
    date (12月12日) stays no quantity."""
    assert q("民間金融機関4行との協調融資") == [(Decimal(4), "count", "", "", False)]
    assert q("費用の2分の1を上限に負担し、3分の1を") == [(Decimal(50), "%", "", "", False),
                                                      (Decimal("33.3"), "%", "", "", False)]
    assert q("航海日数は約12日で、保険期間：約15年") == [(Decimal(12), "day", "約", "", False),
                                                   (Decimal(15), "year", "約", "", False)]
    assert q("2024年12月12日に署名し、2025年度から実施") == []


def test_a_number_inside_a_code_or_name_is_no_quantity():
    """「SK-417鉱区」 and 「アークティックLNG2プロジェクト」 name a block and a project; 「計3鉱区」 counts."""
    assert q("SK-417鉱区の権益とアークティックLNG2プロジェクト") == []
    assert q("計3鉱区") == [(Decimal(3), "count", "", "", False)]
