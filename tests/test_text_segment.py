"""Segmentation rules on small hand-made texts (each mimics a pattern of the source PDF)."""

from __future__ import annotations


import pytest

from resdip.paths import SOURCES_DIR
from resdip.text import load_text, parse_document
from resdip.text.rules import load_rules
from resdip.text.segment import resolve_layout, split_sentences


def pdf(*lines: str) -> str:
    """PDF layout: a hard break and a blank line after every visual line."""
    return "".join(line + "\n\n" for line in lines)


def texts(raw: str, kind: str = "sentence", layout: str = "auto") -> list[str]:
    return [u.text for u in parse_document(raw, layout=layout).units if u.kind == kind]  # type: ignore[arg-type]


def test_sentences_split_at_terminators_but_not_inside_brackets() -> None:
    rules = load_rules()
    text = "彼は「行く。」と言った。（注：重要。）です！本当？はい"
    spans = split_sentences(text, rules)
    assert [text[a:b] for a, b in spans] == ["彼は「行く。」と言った。", "（注：重要。）です！", "本当？", "はい"]


def test_unclosed_bracket_does_not_swallow_the_text() -> None:
    rules = load_rules()
    text = "「" + "あ。" * 400
    assert len(split_sentences(text, rules)) > 100


def test_pdf_lines_join_without_space_and_page_break_space_goes() -> None:
    raw = pdf("資源国に対する日本からの投資促", " 進・事業展開を通じて、関係構築を目", "指します。次の文。")
    assert texts(raw) == ["資源国に対する日本からの投資促進・事業展開を通じて、関係構築を目指します。", "次の文。"]


def test_heading_wrapped_with_single_newlines_ends_at_the_blank_line() -> None:
    raw = "1．\ufffd石油・天然ガスの安定的かつ低廉な確保に向\nけた取組\n\n" + pdf("石油・天然ガスのほぼ全量を海外からの輸入に頼る日本に", "とって重要です。")
    doc = parse_document(raw, layout="pdf")
    (section,) = doc.sections
    assert section.number == "1．" and section.title == "石油・天然ガスの安定的かつ低廉な確保に向けた取組"
    assert texts(raw) == ["石油・天然ガスのほぼ全量を海外からの輸入に頼る日本にとって重要です。"]


def test_a_short_heading_line_before_a_blank_one_ends_the_heading() -> None:
    """「1．石油の供給途絶への備え」 stops well short of the page width: the line after the blank one is body."""
    raw = pdf(
        "資源国との関係強化に向けて、首脳・閣僚レベルでの資源外交",
        "を積極的に展開し、資源の安定供給の確保に努めてきました。",
        "1．\ufffd石油の供給途絶への備え",
        "2021年度の我が国の原油輸入に占める中東地域の割合は約92",
        "%に達し、その多くがホルムズ海峡を通過して運ばれています。",
    )
    doc = parse_document(raw, layout="pdf")
    assert [s.title for s in doc.sections] == ["石油の供給途絶への備え"]
    assert texts(raw, layout="pdf")[-1] == ("2021年度の我が国の原油輸入に占める中東地域の割合は約92%に達し、"
                                            "その多くがホルムズ海峡を通過して運ばれています。")


def test_heading_wrapped_with_blank_lines_runs_to_the_budget_bracket() -> None:
    raw = pdf(
        "本文です。",
        "（7）\ufffd石油・天然ガス等の権益確保に向けた海外の地質構造調",
        "査や情報収集等事業",
        "【2024年度当初：38億円】",
        "事業リスクが高く、日本企業が探鉱に踏み切れていない海",
        "外のフロンティア地域等において調査を行います。",
    )
    doc = parse_document(raw)
    assert [s.title for s in doc.sections] == ["石油・天然ガス等の権益確保に向けた海外の地質構造調査や情報収集等事業"]
    assert texts(raw, "budget") == ["【2024年度当初：38億円】"]
    assert texts(raw)[-1].startswith("事業リスクが高く、日本企業が探鉱に踏み切れていない海外の")


def test_heading_with_open_bracket_continues_and_tax_mark_stays_in_title() -> None:
    raw = pdf(
        "本文です。",
        "（6）\ufffd探鉱準備金制度及び新鉱床探鉱費・海",
        "外新鉱床探鉱費の特別控除制度（減耗控除制度、海外減耗",
        "控除制度）【税制】",
        "鉱業を営んでいる者が、一定の鉱物に係る新鉱床探鉱費又",
        "は海外新鉱床探鉱費の支出に備える制度です。",
    )
    (section,) = parse_document(raw).sections
    assert section.title == "探鉱準備金制度及び新鉱床探鉱費・海外新鉱床探鉱費の特別控除制度（減耗控除制度、海外減耗控除制度）【税制】"


def test_closed_heading_is_not_continued_by_a_body_line() -> None:
    raw = pdf(
        "本文です。",
        "（4）\ufffd貿易保険によるリスクテイク（日本貿易保険（NEXI））",
        "海外における重要な鉱物資源又はエネルギー資源の安定供",
        "給に資する案件に関し支援しました。",
    )
    doc = parse_document(raw)
    assert [s.title for s in doc.sections] == ["貿易保険によるリスクテイク（日本貿易保険（NEXI））"]
    assert texts(raw)[-1] == "海外における重要な鉱物資源又はエネルギー資源の安定供給に資する案件に関し支援しました。"


def test_numbered_line_inside_a_running_sentence_is_not_a_heading() -> None:
    raw = pdf("この比率は前年度の", "1．5倍に増えており、今後も増加する見込みで", "す。")
    assert parse_document(raw, layout="pdf").sections == []
    assert texts(raw, layout="pdf") == ["この比率は前年度の1．5倍に増えており、今後も増加する見込みです。"]


def test_section_number_on_its_own_line() -> None:
    raw = "第 1節\n資源供給国との関係強化と上流進出の\n促進\n\n" + pdf("本文の一行目で", "す。")
    doc = parse_document(raw)
    (section,) = doc.sections
    assert (section.number, section.number_norm, section.title) == ("第1節", "第1節", "資源供給国との関係強化と上流進出の促進")
    heading = doc.of_kind("heading")[0]
    assert heading.text == "第 1節 資源供給国との関係強化と上流進出の促進"
    assert heading.text_offsets[4] == raw.index("\n")  # the space stands for the line break


def test_footnote_taken_out_and_reference_digit_removed() -> None:
    raw = pdf(
        "東アジア・ASEAN1経済研究セ",
        "ンターと協力し、安定的なエネル",
        "1 \ufffdASEAN：東南アジア諸国連合の略。",
        "ギー供給を確保しました。",
    )
    doc = parse_document(raw)
    assert texts(raw) == ["東アジア・ASEAN経済研究センターと協力し、安定的なエネルギー供給を確保しました。"]
    (footnote,) = doc.of_kind("footnote")
    assert footnote.number == 1 and footnote.text == "ASEAN：東南アジア諸国連合の略。"


def test_a_footnote_that_opens_with_its_subject_marks_the_subject_in_the_text() -> None:
    """「1 石油公団の業務は、…に承継された。」 explains 石油公団: the 1 right after it in the text is its mark."""
    raw = pdf(
        "同月、石油公団1と同国石油省との間で、",
        "1 \ufffd石油公団の業務は、2004年2月にJOGMECに承継された。",
        "覚書が締結されました。",
    )
    assert texts(raw) == ["同月、石油公団と同国石油省との間で、覚書が締結されました。"]


def test_footnote_before_its_reference_and_quoted_term() -> None:
    raw = pdf(
        "本文です。",
        "2 \ufffd「海洋基本計画」は、2008年3月に第1期を策定しました。",
        "「海洋基本計画2」を踏まえて計画2つを策定しま",
        "した。",
    )
    # footnote 2 is not accepted before footnote 1: numbering must run on
    assert texts(raw, "footnote", layout="pdf") == []
    raw = raw.replace("2 \ufffd", "1 \ufffd").replace("計画2」", "計画1」")
    assert texts(raw, layout="pdf") == ["本文です。", "「海洋基本計画」を踏まえて計画2つを策定しました。"]


def test_figure_inside_a_sentence() -> None:
    raw = pdf("3本柱で移行に取り組んで") + "【第213-6-1】図の題\n\n図の中身\n• 箇条\n資料：経済産業省作成\n います。\n\n"
    doc = parse_document(raw, layout="pdf")
    (sentence,) = doc.of_kind("sentence")
    (figure,) = doc.of_kind("figure")
    assert sentence.text == "3本柱で移行に取り組んでいます。"
    assert sentence.raw_start < figure.raw_start < figure.raw_end < sentence.raw_end
    assert (figure.label, figure.title) == ("第213-6-1", "図の題")
    assert figure.text == "【第213-6-1】図の題\n図の中身\n• 箇条\n資料：経済産業省作成"


def test_budget_bracket_wrapped_over_lines() -> None:
    raw = pdf("（14）\ufffd鉱物サプライチェーン多角化・安定化事業", "【2024年度補正：政府保証付借入含め1,597億円 ※補正予算", "額 922億円】", "本文。")
    doc = parse_document(raw)
    (budget,) = doc.of_kind("budget")
    assert budget.text == "【2024年度補正：政府保証付借入含め1,597億円 ※補正予算額 922億円】"
    assert budget.section is not None and budget.section.number == "（14）"


def test_measures_nesting() -> None:
    raw = pdf(
        "第 2節",
        "＜具体的な主要施策＞",
        "1．\ufffd第一の施策",
        "（1）\ufffd第一の施策の細目",
        "本文。",
        "2．\ufffd第二の施策",
        "第 3節",
        "1．\ufffd小節",
        "＜具体的な主要施策＞",
        "（1）\ufffd施策",
        "2．\ufffd次の小節",
    )
    labels = [(s.path_label, s.kind) for s in parse_document(raw, layout="pdf").sections]
    assert labels == [
        ("第2節", "section"),
        ("第2節 > ＜具体的な主要施策＞", "measures"),
        ("第2節 > ＜具体的な主要施策＞ > 1．", "measure"),
        ("第2節 > ＜具体的な主要施策＞ > 1． > （1）", "subsection"),
        ("第2節 > ＜具体的な主要施策＞ > 2．", "measure"),
        ("第3節", "section"),
        ("第3節 > 1．", "subsection"),
        ("第3節 > 1． > ＜具体的な主要施策＞", "measures"),
        ("第3節 > 1． > ＜具体的な主要施策＞ > （1）", "measure"),
        ("第3節 > 2．", "subsection"),
    ]


PRESS_RELEASE = """経済産業省、チリと協力覚書に署名
2024年6月12日

　齋藤経済産業大臣は、チリを訪問し、ウィリアムス鉱業大臣と協力覚書（MOC）の改訂に署名しました。両国は「重要鉱物」の安定供給に向けて協力します。
1．背景
チリは銅の最大の生産国です。
（1）具体的な取組
JOGMEC1は探査を支援します。
1 JOGMEC：独立行政法人エネルギー・金属鉱物資源機構の略。
"""


def test_plain_layout_press_release() -> None:
    doc = parse_document(PRESS_RELEASE)
    assert doc.layout == "plain"
    assert [(u.kind, u.text) for u in doc.units] == [
        ("sentence", "経済産業省、チリと協力覚書に署名"),
        ("sentence", "2024年6月12日"),
        ("sentence", "齋藤経済産業大臣は、チリを訪問し、ウィリアムス鉱業大臣と協力覚書（MOC）の改訂に署名しました。"),
        ("sentence", "両国は「重要鉱物」の安定供給に向けて協力します。"),
        ("heading", "1．背景"),
        ("sentence", "チリは銅の最大の生産国です。"),
        ("heading", "（1）具体的な取組"),
        ("sentence", "JOGMECは探査を支援します。"),
        ("footnote", "JOGMEC：独立行政法人エネルギー・金属鉱物資源機構の略。"),
    ]
    assert doc.units[-2].section is not None and doc.units[-2].section.path_label == "1． > （1）"


def test_plain_layout_never_joins_lines() -> None:
    raw = "一行目は句点で終わらない\n二行目も終わらない\n"
    assert texts(raw, layout="plain") == ["一行目は句点で終わらない", "二行目も終わらない"]


def test_english_pdf_text_gets_spaces_at_line_joins() -> None:
    raw = pdf("The Minister visited Chile and signed a", "memorandum on critical minerals.")
    (unit,) = parse_document(raw, layout="pdf").units
    assert unit.text == "The Minister visited Chile and signed a memorandum on critical minerals."
    assert raw[unit.text_offsets[unit.text.index("a memo") + 1]] == "\n"


def test_crlf_line_ends_give_the_same_units() -> None:
    raw = load_text(SOURCES_DIR / "energy-white-paper-2025-part2-ch1.txt")
    lf = parse_document(raw)
    crlf_raw = raw.replace("\n", "\r\n")
    crlf = parse_document(crlf_raw)
    assert crlf.layout == "pdf"
    assert [(u.kind, u.text) for u in crlf.units] == [(u.kind, u.text) for u in lf.units]
    for unit in crlf.units:
        for offset, char in zip(unit.text_offsets, unit.text):
            assert crlf_raw[offset] == char or (char in " \n" and crlf_raw[offset] == "\n")


def test_bad_layout() -> None:
    with pytest.raises(ValueError, match="layout"):
        parse_document("text", layout="pdfx")  # type: ignore[arg-type]


def test_empty_text_has_no_units() -> None:
    doc = parse_document("")
    assert doc.units == [] and doc.sections == []


def test_forty_copies_read_as_forty_copies() -> None:
    # (how the time grows with the size is measured by bench/run.py's scale section, not timed here)
    raw = load_text(SOURCES_DIR / "energy-white-paper-2025-part2-ch1.txt")
    one = parse_document(raw)
    doc = parse_document((raw + "\n\n") * 40)
    assert len(doc.of_kind("figure")) == 40 * len(one.of_kind("figure"))


def test_press_release_with_blank_lines_is_plain_text() -> None:
    # A release saved from a web page: dateline, body, title and contact lines are short and open,
    # but each paragraph is one long line: not PDF text with hard line breaks.
    raw = ("2024年6月14日\n\n経済産業省\n\n大臣がチリを訪問しました\n\n"
           "大臣は、6月13日、チリを訪問し、鉱業大臣と会談しました。両国は銅の安定供給に向けて協力を強化することを確認しました。\n\n"
           "担当\n\n資源エネルギー庁 資源・燃料部\n")
    assert resolve_layout(raw) == "plain"
    assert "大臣がチリを訪問しました" in texts(raw)


def test_numbered_paragraphs_of_plain_text_are_not_footnotes() -> None:
    raw = "外相会談の結果\n1　3月4日、両外相は会談しました。\n2　両外相は協力で一致しました。\n"
    assert texts(raw, "footnote") == []
    assert [t for t in texts(raw) if t.startswith(("1", "2"))] == ["1　3月4日、両外相は会談しました。", "2　両外相は協力で一致しました。"]


def test_page_number_inside_a_pdf_sentence_is_kept_apart() -> None:
    raw = pdf("両大臣は、LNGプロジ", "137", "ェクトへの投資で一致しました。")
    assert texts(raw, layout="pdf") == ["両大臣は、LNGプロジェクトへの投資で一致しました。"]


def test_pdf_spaces_inside_numbers_go_and_a_budget_line_may_run_on() -> None:
    """A PDF's justified lines put spaces inside numbers (「1 1 7 . 6億円」, 「約8, 300万トン」, a number broken
    over two lines); a budget bracket may follow a sentence on its line. The raw spans still point at the
    text as written; a plain text keeps its spaces."""
    raw = pdf("東日本大震災以降、火力発電の焚き増しにより、我が国のLNG輸入量は約8",
              ", 300万トンとなりました。JOGMECは、計5件、総額約7 ", "2 0億円を供給しました。【令和6年度当初：1 1 7 . 6億円】")
    doc = parse_document(raw, layout="pdf")
    sentences = [u.norm for u in doc.units if u.kind == "sentence"]
    assert sentences == ["東日本大震災以降、火力発電の焚き増しにより、我が国のLNG輸入量は約8,300万トンとなりました。",
                         "JOGMECは、計5件、総額約720億円を供給しました。"]
    budget = [u for u in doc.units if u.kind == "budget"]
    assert [u.norm for u in budget] == ["【令和6年度当初:117.6億円】"]
    assert raw[budget[0].raw_start:budget[0].raw_end] == "【令和6年度当初：1 1 7 . 6億円】"
    assert texts("総額約7 2 0億円を供給しました。\n", layout="plain") == ["総額約7 2 0億円を供給しました。"]


def test_a_release_schedule_block_opens_no_list_of_measures() -> None:
    """「＜日程＞」 in a release lists the days of a trip: the numbered country sections after it are
    subsections, not measures (a White Paper's 「＜具体的な主要施策＞」 still opens measures)."""
    raw = ("＜日程＞\n10月5日（月曜日）　ルサカ　鉱山大臣との会談\n\n1．ザンビア共和国\n5日、大臣と会談しました。\n\n"
           "＜具体的な主要施策＞\n1．海外探鉱支援事業\n探鉱を支援します。\n")
    kinds = [(s.kind, s.title) for s in parse_document(raw, layout="plain").sections]
    assert ("subsection", "ザンビア共和国") in kinds, kinds
    assert ("measure", "海外探鉱支援事業") in kinds, kinds


def test_a_running_header_after_a_page_number_leaves_the_sentence_it_cut() -> None:
    """「…来日したタジキス / タン共和国のファルホド・サイ / 143 / 第3章　資源確保の取組 / ドフ産業大臣と会談しました。」:
    the page number and the chapter title the next page repeats are page furniture; the name is whole again."""
    raw = pdf("2025年11月には、大臣が、来日したタジキス", "タン共和国のファルホド・サイ", "143",
              "第3章　資源・燃料の安定供給確保に向けた取組", "ドフ産業大臣と会談しました。")
    assert texts(raw, layout="pdf") == ["2025年11月には、大臣が、来日したタジキスタン共和国のファルホド・サイドフ産業大臣と会談しました。"]


def test_a_footnote_of_two_lines_at_a_pages_foot_and_a_parts_header_leave_the_sentence_they_cut() -> None:
    """「また、2004年 / 1 2005年3月末時点で、…保有していた / …完了。 / 98 / 第2部　… / 10月には、…会談しました。」: the
    footnote runs over two lines at the foot of the page, the part's title heads the next; the sentence is whole."""
    raw = ("　また、2004年\n\n1 2005年3月末時点で、旧公団が保有していた\n開発会社の株式のうち12社分の処理が完了。\n\n98\n\n"
           "第2部　エネルギー需給に関して講じた施策の概況\n\n10月には、大臣が来日し、会談しました。\n")
    assert "また、2004年10月には、大臣が来日し、会談しました。" in texts(raw, layout="pdf")


def test_an_indented_line_right_after_a_heading_opens_the_body() -> None:
    """A PDF heading with no blank line after it (「2．LNGの安定調達と供給源の多角化」), then a paragraph whose first
    line is indented with an ideographic space: the heading ends there and the paragraph's sentences are sentences."""
    raw = ("資源国との関係強化を進めてきました。\n2．LNGの安定調達と供給源の多角化\n"
           "　2025年度の日本のLNG輸入は、豪州が約4割を占め、マレ\nーシアがこれに続きました。このうち米国から\nの輸入は増加しました。\n")
    doc = parse_document(raw, layout="pdf")
    assert [s.title for s in doc.sections] == ["LNGの安定調達と供給源の多角化"]
    assert texts(raw, layout="pdf")[-2:] == ["2025年度の日本のLNG輸入は、豪州が約4割を占め、マレーシアがこれに続きました。",
                                            "このうち米国からの輸入は増加しました。"]


def test_the_mark_of_a_footnote_that_spells_out_an_abbreviation_goes() -> None:
    """「…パートナーシップ（MSP）1の一員として」 with the footnote 「1 Minerals Security Partnership。…」 (no Japanese
    term): the mark after the bracketed abbreviation and before the particle is the footnote's, not a number."""
    raw = ("こうした中、日本は、鉱物資源安全保障パートナーシップ（MSP）1の一\n員として、同志国と連携しています。\n"
           "1 Minerals Security Partnership。2022年6月に立ち上げられた枠組み。\n")
    assert texts(raw, layout="pdf")[0] == "こうした中、日本は、鉱物資源安全保障パートナーシップ（MSP）の一員として、同志国と連携しています。"
