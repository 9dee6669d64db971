"""Facts of the Energy White Paper 2025 Part 2 Ch. 1 text, checked by hand against the raw file.

The source is ``sources/energy-white-paper-2025-part2-ch1.txt`` (UTF-8, extracted from
the PDF; see /work/shared/sources/README.md for its artefacts).
"""

from __future__ import annotations

import unicodedata

import pytest

from resdip.paths import SOURCES_DIR
from resdip.text import Document, Unit, load_text, parse_document

SOURCE = SOURCES_DIR / "energy-white-paper-2025-part2-ch1.txt"


@pytest.fixture(scope="module")
def raw() -> str:
    return load_text(SOURCE)


@pytest.fixture(scope="module")
def doc(raw: str) -> Document:
    return parse_document(raw, doc_id="ewp2025-p2c1", layout="auto")


def sentence_starting(doc: Document, prefix: str) -> Unit:
    found = [u for u in doc.units if u.kind == "sentence" and u.text.startswith(prefix)]
    assert len(found) == 1, f"{len(found)} sentences start with {prefix!r}"
    return found[0]


def test_layout_is_detected_as_pdf(doc: Document) -> None:
    assert doc.layout == "pdf"
    assert doc.doc_id == "ewp2025-p2c1"


def test_muto_visit_is_one_sentence_whose_raw_span_is_its_text(doc: Document, raw: str) -> None:
    unit = sentence_starting(doc, "2025年1月には、武藤経済産業大臣がサウジアラビア王国")
    assert unit.text == (
        "2025年1月には、武藤経済産業大臣がサウジアラビア王国、アラブ首長国連邦（UAE）を直接訪問し、"
        "当該働きかけを行うとともに、従来のエネルギー分野のみならず、脱炭素・ヘルスケア・宇宙・"
        "ゲーム分野など幅広い分野での協力を加速化することを確認しました。"
    )
    assert raw[unit.raw_start : unit.raw_end].replace("\n", "") == unit.text
    assert unit.anchor == raw[unit.raw_start : unit.raw_end]
    assert unit.section is not None and unit.section.path_label == "第1節 > 1．"


def test_sentence_interrupted_by_the_figure_is_one_unit(doc: Document, raw: str) -> None:
    unit = sentence_starting(doc, "このため、経済産業省では、産官学連携")
    assert unit.text == "このため、経済産業省では、産官学連携、投資支援、制度整備の3本柱でサーキュラーエコノミーへの移行に取り組んでいます。"
    figure = doc.of_kind("figure")[0]
    assert unit.raw_start < figure.raw_start < figure.raw_end < unit.raw_end
    assert raw[unit.raw_end - 4 : unit.raw_end] == "います。"
    assert "資料" not in unit.text and "再生材" not in unit.text


def test_sentence_interrupted_by_a_footnote_is_one_unit(doc: Document, raw: str) -> None:
    unit = sentence_starting(doc, "このような不安を払拭するため")
    assert "安定的なエネルギー供給を確保し、投資環境を更に整備することで合意しました。" in unit.text
    assert "東南アジア諸国連合" not in unit.text
    footnote = next(u for u in doc.units if u.kind == "footnote" and u.number == 1)
    assert unit.raw_start < footnote.raw_start < footnote.raw_end < unit.raw_end


def test_three_footnotes_and_their_terms(doc: Document) -> None:
    footnotes = doc.of_kind("footnote")
    assert [f.number for f in footnotes] == [1, 2, 3]
    assert footnotes[0].text == "ASEAN：東南アジア諸国連合の略。"
    assert footnotes[1].text.startswith("「海洋基本計画」は、2008年3月に第1期を策定")
    assert footnotes[2].text.startswith("「海洋エネルギー・鉱物資源開発計画」は、2009年3月に策定後")


def test_footnote_reference_digits_are_removed_from_running_text(doc: Document, raw: str) -> None:
    assert "東アジア・ASEAN1経済研究セ" in raw
    eria = sentence_starting(doc, "2024年8月には、「第2回アジア・ゼロエミッション共同体")
    assert "東アジア・ASEAN経済研究センター（ERIA）" in eria.text
    plans = sentence_starting(doc, "そのため、「海洋基本法")
    assert "「海洋基本計画」を踏まえて「海洋エネルギー・鉱物資源開発計画」を策定し" in plans.text
    # the digit is gone from the text but the raw span still covers it
    assert raw[plans.raw_start : plans.raw_end].count("計画2」") == 1


def test_one_figure(doc: Document, raw: str) -> None:
    (figure,) = doc.of_kind("figure")
    assert figure.label == "第213-6-1"
    assert figure.title == "再生材利用拡大、環境配慮設計の可視化・価値化等のための制度的枠組み構築"
    assert figure.text.startswith("【第213-6-1】")
    assert raw[figure.raw_start : figure.raw_end].endswith("資料：経済産業省作成")


def test_jbic_sentence_is_under_measure_3(doc: Document) -> None:
    unit = sentence_starting(doc, "日本企業が、長期引取契約に基づく資源輸入")
    assert unit.text.endswith("国際協力銀行は、輸入金融や投資金融による支援を行っています。")
    assert unit.section is not None
    assert unit.section.path_label == "第1節 > 4． > ＜具体的な主要施策＞ > （3）"
    assert unit.section.path_label_norm == "第1節 > 4. > <具体的な主要施策> > (3)"
    assert unit.section.kind == "measure" and unit.section.level == 4
    assert unit.section.title == "政府系金融機関による資源金融（国際協力銀行（JBIC））"


MEASURES_OF_SECTION_1 = [
    "石油天然ガス田の探鉱・資産買収等事業に対する出資金",
    "金属鉱物に係る開発出資・債務保証等",
    "政府系金融機関による資源金融（国際協力銀行（JBIC））",
    "貿易保険によるリスクテイク（日本貿易保険（NEXI））",
    "海外投資等損失準備金制度【税制】",
    "探鉱準備金・海外探鉱準備金制度及び新鉱床探鉱費・海外新鉱床探鉱費の特別控除制度（減耗控除制度、海外減耗控除制度）【税制】",
    "石油・天然ガス等の権益確保に向けた海外の地質構造調査や情報収集等事業",
    "資源権益・安定供給の確保に向けた資源国との関係強化支援事業",
    "経済環境変化に応じた重要物資サプライチェーン強靱化支援事業（LNG）",
    "産炭国に対する石炭採掘・保安に関する技術移転等事業",
    "鉱物資源開発推進探査等事業",
    "経済環境変化に応じた重要物資サプライチェーン強靱化支援事業（重要鉱物）",
    "大型船の受入機能の確保・強化",
    "鉱物サプライチェーン多角化・安定化事業",
]


def test_fourteen_measures_of_section_1(doc: Document) -> None:
    measures = [s for s in doc.sections if s.kind == "measure" and s.path[0].number == "第1節"]
    assert [s.title for s in measures] == MEASURES_OF_SECTION_1
    assert [s.number for s in measures] == [f"（{n}）" for n in range(1, 15)]
    assert [s.number_norm for s in measures] == [f"({n})" for n in range(1, 15)]
    assert {s.parent.path_label for s in measures if s.parent} == {"第1節 > 4． > ＜具体的な主要施策＞"}


def test_section_tree(doc: Document) -> None:
    top = [(s.number, s.title) for s in doc.sections if s.level == 1]
    assert top == [
        ("", "はじめに"),
        ("第1節", "資源供給国との関係強化と上流進出の促進"),
        ("第2節", "石油・天然ガス等の国産資源の開発の促進"),
        ("第3節", "鉱物資源の安定供給確保に不可欠なリサイクルの推進及び備蓄体制の強化等"),
    ]
    subsections = [s.title for s in doc.sections if s.kind == "subsection"]
    assert subsections == [
        "石油・天然ガスの安定的かつ低廉な確保に向けた取組",
        "石炭の安定供給確保に向けた取組",
        "レアメタル等の鉱物資源の確保に向けた取組",
        "資源権益獲得に向けたリスクマネー供給",
    ]
    later = [s.path_label for s in doc.sections if s.kind == "measure" and s.path[0].number != "第1節"]
    assert later == [
        "第2節 > ＜具体的な主要施策＞ > 1．",
        "第2節 > ＜具体的な主要施策＞ > 2．",
        *[f"第3節 > ＜具体的な主要施策＞ > {n}．" for n in range(1, 7)],
    ]
    arcpec = next(s for s in doc.sections if s.path_label == "第3節 > ＜具体的な主要施策＞ > 4．")
    assert arcpec.title == "電気・電子機器廃棄物（e-waste）及び重要鉱物に関する日ASEAN資源循環パートナーシップ（ARCPEC）"
    assert [s.id for s in doc.sections] == list(range(1, len(doc.sections) + 1))


def test_headings_are_units_of_their_own_section(doc: Document) -> None:
    headings = doc.of_kind("heading")
    assert len(headings) == len(doc.sections)
    for heading in headings:
        assert heading.section is not None and heading.section.heading is heading
        assert (heading.raw_start, heading.raw_end) == (heading.section.raw_start, heading.section.raw_end)
    first = headings[1]
    assert first.text.startswith("第 1節") and first.text.endswith("上流進出の促進")


def test_budget_units(doc: Document) -> None:
    budgets = {u.section.path_label: u.text for u in doc.of_kind("budget") if u.section}
    assert len(doc.of_kind("budget")) == 14  # lines starting 【…年度 in the raw file
    prefix = "第1節 > 4． > ＜具体的な主要施策＞ > "
    assert budgets[prefix + "（1）"] == "【2024年度当初：1,082億円、2024年度産投：798億円】"
    assert budgets[prefix + "（2）"] == "【2024年度産投：50億円】"
    assert budgets[prefix + "（14）"] == "【2024年度補正：政府保証付借入含め1,597億円 ※補正予算額 922億円】"
    assert budgets["第2節 > ＜具体的な主要施策＞ > 1．"] == (
        "【2024年度当初：263億円、2024年度補正：国内石油天然ガス地質調査事業7.8億円】"
    )
    assert budgets["第3節 > ＜具体的な主要施策＞ > 3．"] == "【2022年度補正：1,250億円の内数】"
    assert prefix + "（3）" not in budgets  # JBIC and NEXI have no budget line
    assert prefix + "（5）" not in budgets  # 【税制】 stays in the heading


def test_page_break_space_is_dropped(doc: Document) -> None:
    unit = sentence_starting(doc, "引き続き資源国のニーズに対応する")
    assert "投資促進・事業展開を通じて" in unit.text


def test_no_replacement_character_and_no_line_breaks_in_units(doc: Document) -> None:
    for unit in doc.units:
        assert "\ufffd" not in unit.text and "\ufffd" not in unit.norm
        if unit.kind != "figure":
            assert "\n" not in unit.text


def test_every_text_char_is_its_raw_char(doc: Document, raw: str) -> None:
    for unit in doc.units:
        assert len(unit.text_offsets) == len(unit.text)
        for char, offset in zip(unit.text, unit.text_offsets):
            # a space or newline may stand for a line break ("第 1節" + title on the next line)
            assert raw[offset] == char or (char in " \n" and raw[offset] == "\n")
        assert unit.raw_start == unit.text_offsets[0] and unit.raw_end == unit.text_offsets[-1] + 1


def test_every_norm_char_comes_from_its_raw_char(doc: Document, raw: str) -> None:
    for unit in doc.units:
        assert unit.norm == unicodedata.normalize("NFKC", unit.text)
        assert len(unit.norm_offsets) == len(unit.norm)
        for index, (char, offset) in enumerate(zip(unit.norm, unit.norm_offsets)):
            source = raw[offset]
            assert char in unicodedata.normalize("NFKC", source) or (char == " " and source == "\n"), (unit.index, index)


def test_raw_span_of_a_mention(doc: Document, raw: str) -> None:
    unit = sentence_starting(doc, "「第4期海洋基本計画」及び")
    start = unit.norm.index("5万km2")
    begin, end = unit.raw_span(start, start + len("5万km2"))
    assert raw[begin:end] == "5万㎢"
    begin, end = unit.raw_span(start + 2, start + 4)  # "km" alone still covers the raw ㎢
    assert raw[begin:end] == "㎢"
    text_start = unit.text.index("武") if "武" in unit.text else unit.text.index("三次元")
    begin, end = unit.raw_span(text_start, text_start + 3, norm=False)
    assert raw[begin:end] == unit.text[text_start : text_start + 3]


def test_units_are_in_reading_order(doc: Document) -> None:
    assert [u.index for u in doc.units] == list(range(len(doc.units)))
    starts = [u.raw_start for u in doc.units]
    assert starts == sorted(starts)
    figure = doc.of_kind("figure")[0]
    assert doc.unit_at(figure.raw_start + 5) is figure
    assert doc.unit_at(doc.units[0].raw_start) is doc.units[0]




def test_a_budget_bracket_cut_by_a_page_break_is_one_unit() -> None:
    """「【…出資金」 / a footnote / the page number / the running header / 「394.5億円…】」 (PDF layout): one budget
    line, the footnote a unit of its own, the furniture none."""
    raw = ("第2節　資源外交\n"
           "JOGMECは、2006年度に、計5件の出資を行いました1。\n"
           "  【平成19年度当初予算額：石油天然ガス開発・資源確保出資金\n"
           "1 出資の対象は、我が国企業が参画する探鉱事業です。\n"
           "98\n"
           "第2章　エネルギーの安定供給確保に向けた取組\n"
           "   394.5億円の内数（平成18年度当初予算額：365.0\n"
           "  億円の内数）】\n"
           "また、JOGMECは、債務保証を行いました。\n")
    doc = parse_document(raw, doc_id="t", layout="pdf")
    assert [u.text for u in doc.of_kind("budget")] == [
        "【平成19年度当初予算額：石油天然ガス開発・資源確保出資金394.5億円の内数（平成18年度当初予算額：365.0億円の内数）】"]
    assert [u.text for u in doc.of_kind("footnote")] == ["出資の対象は、我が国企業が参画する探鉱事業です。"]
    assert "また、JOGMECは、債務保証を行いました。" in [u.text for u in doc.of_kind("sentence")]
