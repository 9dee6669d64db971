"""A document given with no metadata file: its date, title and issuing body read from its own header."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdip.text.header import Header, complete_meta, dateline, opens_contact_block, read_header
from resdip.registry import load_registry
from resdip.text.sources import SourceMeta


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("line, iso", [
    ("2024年6月14日", "2024-06-14"),
    ("２０２４年６月１４日（金）", "2024-06-14"),
    ("令和6年6月14日", "2024-06-14"),
    ("平成27年12月9日", "2015-12-09"),
    ("令和元年5月7日", "2019-05-07"),
    ("2024.11.15", "2024-11-15"),
    ("2024/11/5", "2024-11-05"),
    ("2021-08-18 15:30:00", "2021-08-18"),
    ("2010 年7 月30 日", "2010-07-30"),
    ("配信日時: 2027-08-24 15:00:00", "2027-08-24"),  # as a press-release mirror labels it
    ("発表日：2025年3月10日", "2025-03-10"),
])
def test_dateline_forms(line: str, iso: str) -> None:
    import unicodedata
    assert dateline(unicodedata.normalize("NFKC", line)) == iso


@pytest.mark.parametrize("line", ["【2024年5月21日更新】", "2024年6月14日、大臣は訪問しました。", "2024年13月1日", "第2024号"])
def test_not_a_dateline(line: str) -> None:
    assert dateline(line) == ""


def test_release_header_gives_date_publisher_and_title(registry) -> None:
    text = "2025年1月20日\n経済産業省\n\n架空大臣がある国を訪問しました\n\n本文です。\n"
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2025-01-20", "org-meti", "架空大臣がある国を訪問しました")


def test_agency_named_with_its_abbreviation_and_a_label_line(registry) -> None:
    text = "報道発表\n令和6年3月5日\n独立行政法人エネルギー・金属鉱物資源機構（JOGMEC）\nJOGMEC、ある省と覚書を締結\n"
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2024-03-05", "org-jogmec", "JOGMEC、ある省と覚書を締結")


def test_publisher_from_the_closing_contact_block(registry) -> None:
    text = "2024年2月1日\n\nある会合が開催されました\n\n本文です。\n\n担当\n資源エネルギー庁 資源・燃料部 鉱物資源課\n"
    header = read_header(text, registry)
    assert header.publisher == "org-anre"
    assert header.title == "ある会合が開催されました"


def test_a_release_dated_only_at_its_end_by_its_ministrys_agency(registry) -> None:
    """METI's page shape 本件の概要 → body → （担当） → 公表日: the date is the 公表日 at the end, and the
    contact office, 資源エネルギー庁 (part of 経済産業省), answers for a release the ministry issued."""
    body = "".join(f"第{i}段落の本文です。\n" for i in range(1, 10))
    text = ("架空副大臣がある国を訪問しました\n\n本件の概要\n" + body + "\n（担当）\n"
            "資源エネルギー庁 資源・燃料部 鉱物資源課長 架空\n担当者：甲、乙\n\n公表日\n令和7年8月25日（月）\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2025-08-25", "org-meti", "架空副大臣がある国を訪問しました")
    assert read_header(text.replace("公表日\n", "備考\n"), registry).date == ""
    bracketed = text.replace("（担当）", "（本発表資料のお問合せ先）")
    assert read_header(bracketed, registry).publisher == "org-meti"
    assert opens_contact_block("（担当）") and opens_contact_block("（本発表資料のお問合せ先）")
    assert not opens_contact_block("（会合の詳細は、別添の資料の問い合わせ先）")


def test_metadata_wins_and_the_header_only_fills_what_it_leaves_out(registry, tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    text = "2025年1月20日\n外務省\n\n外相会談の結果\n"
    path.write_text(text, encoding="utf-8")
    bare = SourceMeta.for_file(path)
    filled, _ = complete_meta(bare, text, registry)
    assert (filled.date, filled.issued, filled.publisher, filled.title_ja) == (
        "2025-01-20", "2025-01-20", "org-mofa", "外相会談の結果")
    given = SourceMeta(**{**bare.__dict__, "date": "2024-12-31", "issued": "2024-12-31", "publisher": "org-meti",
                          "title_ja": "与えた題", "title_en": "Given title"})
    kept, _ = complete_meta(given, text, registry)
    assert (kept.date, kept.publisher, kept.title_ja) == ("2024-12-31", "org-meti", "与えた題")


def test_a_ministrys_release_speaks_for_its_government(registry, tmp_path: Path) -> None:
    """What a release leaves unsaid (who cooperates, who signs) its publisher's country does."""
    path = tmp_path / "release.txt"
    text = "2025年1月20日\n外務省\n\n外相会談の結果\n"
    path.write_text(text, encoding="utf-8")
    filled, _ = complete_meta(SourceMeta.for_file(path), text, registry)
    assert filled.voice == "country-jp"
    given = SourceMeta(**{**SourceMeta.for_file(path).__dict__, "voice": "org-meti"})
    assert complete_meta(given, text, registry)[0].voice == "org-meti"
    foreign = "2025年1月20日\nアジア開発銀行\n\nある融資の承認\n"
    assert complete_meta(SourceMeta.for_file(path), foreign, registry)[0].voice == ""  # no country of its own


def test_breadcrumbs_and_update_stamps_are_not_the_title(registry) -> None:
    text = ("ホーム > ニュースリリース > 2024年度 >\n【2024年5月21日更新】\n2024年5月20日\n"
            "独立行政法人エネルギー・金属鉱物資源機構\nJOGMEC、ある国の省と覚書を締結\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2024-05-20", "org-jogmec", "JOGMEC、ある国の省と覚書を締結")


def test_a_banks_release_with_a_numbered_label(registry) -> None:
    text = "2024年9月12日\n株式会社国際協力銀行\n報道発表/2024-41\n\nある事業に対する融資\n"
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2024-09-12", "org-jbic", "ある事業に対する融資")


def test_a_bank_release_names_itself_in_its_lead(registry) -> None:
    # JBIC's layout: headline, tag lines, the release's number, the date; the body names the issuer
    text = ("ブラジル連邦共和国における銅鉱山開発事業に対する融資\n\n地域: 中南米\n資源\n報道発表/2025-31\n2025年9月3日\n\n"
            "1．株式会社国際協力銀行（JBIC）は、2日、ミナス銅山株式会社との間で貸付契約を締結しました。\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher) == ("2025-09-03", "org-jbic")
    assert header.title == "ブラジル連邦共和国における銅鉱山開発事業に対する融資"


def test_a_release_naming_no_body_is_issued_by_the_body_of_the_post_of_its_lead_topic(registry) -> None:
    # a ministry's page with a label, a headline naming no post, a dateline and a caption; the lead opens with the
    # day and the time, then the minister as its topic: the minister's ministry issued it
    text = ("報道発表\n日・ガボン外相会談\n令和8年5月11日\n会談の様子\n\n"
            "本11日、午後3時から約30分間、茂木敏充外務大臣は、訪日中のガボン共和国外務大臣と会談を行いました。\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2026-05-11", "org-mofa", "日・ガボン外相会談")


def test_a_headline_that_says_renewed_is_still_the_title_but_an_update_stamp_is_not(registry) -> None:
    text = "【2024年6月20日更新】資料を追加しました\n平成30年11月20日\n経済産業省\n\nアブダビ国営石油会社との原油共同備蓄事業に係る契約を更新しました\n\n本文です。\n"
    header = read_header(text, registry)
    assert header.title == "アブダビ国営石油会社との原油共同備蓄事業に係る契約を更新しました"
    assert (header.date, header.publisher) == ("2018-11-20", "org-meti")


def test_a_joint_release_names_its_second_issuer_on_a_line_of_its_own(registry) -> None:
    """A release issued by JOGMEC and a company the registry does not know: the company's line is an
    issuer's, not the headline."""
    text = ("2026.02.05\n独立行政法人エネルギー・金属鉱物資源機構\n東邦石油開発株式会社\n\n"
            "ブラジル沖合鉱区の権益取得及びJOGMECによる出資について\n\n本文です。\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == (
        "2026-02-05", "org-jogmec", "ブラジル沖合鉱区の権益取得及びJOGMECによる出資について")


def test_a_page_copied_with_its_site_chrome_and_numbered_navigation(registry) -> None:
    text = ("経済産業省\n文字サイズ変更\nアクセシビリティ閲覧支援ツール\n\n1. ホーム\n2. ニュースリリース\n"
            "3. ニュースリリースアーカイブ\n4. 2025年度10月一覧\n5. 赤澤経済産業大臣がチリに出張しました\n\n"
            "赤澤経済産業大臣がチリに出張しました\n\n2025年10月3日\n\n赤澤経済産業大臣は、…を訪問しました。\n")
    assert read_header(text, registry) == Header("2025-10-03", "赤澤経済産業大臣がチリに出張しました", "org-meti")


def test_a_mirrored_release_and_a_sign_off(registry) -> None:
    mirrored = ("[25/11/04]\n提供元:PRTIMES\n\n銅鉱山プロジェクトへの出資について\n\n2025年11月3日\n"
                "独立行政法人エネルギー・金属鉱物資源機構\n\nJOGMECは、…出資しました。\n")
    assert read_header(mirrored, registry).title == "銅鉱山プロジェクトへの出資について"
    signed = "報道発表\n\n日・チリ外相会談\n\n令和7年4月2日\n\n本日、…会談を行いました。\n\n外務省\n"
    assert read_header(signed, registry).publisher == "org-mofa"


def test_a_release_that_names_its_issuer_only_through_its_headline_post(registry) -> None:
    text = ("外務副大臣・外務大臣政務官\n\n生駒外務副大臣のペルー共和国訪問（結果）\n\n令和8年7月16日\n\n"
            "7月13日から15日まで、生駒外務副大臣は、ペルー共和国を訪問しました。\n")
    header = read_header(text, registry)
    assert header.title.startswith("生駒外務副大臣のペルー共和国訪問") and header.publisher == "org-mofa", header


def test_a_joint_release_label_and_a_mirrors_section_are_no_title(registry) -> None:
    text = ("共同プレスリリース\n\n2026年5月11日\n株式会社国際協力銀行\n株式会社日本貿易保険\n\n"
            "ペルーにおける銅鉱山拡張事業に対する融資及び保険の引受\n\n本文です。\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == (
        "2026-05-11", "org-jbic", "ペルーにおける銅鉱山拡張事業に対する融資及び保険の引受")
    mirrored = "経産省・新着情報\n\n東副大臣がチリ共和国を訪問しました\n\n2026年5月11日\n\n資源エネルギー庁\n\n本文です。\n"
    assert read_header(mirrored, registry).title == "東副大臣がチリ共和国を訪問しました"


def test_a_country_pages_section_is_no_title_and_a_photo_credit_names_the_publisher(registry) -> None:
    """A MOFA page of the country section: the country named again under the breadcrumb is the section; the page
    names its issuing body only in a photo credit."""
    text = ("トップページ ＞ 国・地域 ＞ 中南米 ＞ ウルグアイ東方共和国\n\nウルグアイ東方共和国\n\n日・ウルグアイ外相会談\n\n"
            "令和8年4月3日\n\n（写真）会談の様子（写真提供：外務省）\n\n本3日、外相会談を行いました。\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2026-04-03", "org-mofa", "日・ウルグアイ外相会談")
    # a page whose only line beside the breadcrumb is its section keeps it as its title
    assert read_header("トップページ ＞ 国・地域 ＞ ウルグアイ東方共和国\n\nウルグアイ東方共和国\n\n本文です。\n",
                       registry).title == "ウルグアイ東方共和国"


def test_an_archives_year_and_a_pages_tag_lines_are_the_sites_not_the_release(registry) -> None:
    """A bank's page: the breadcrumb one step a line (ホーム / プレスリリース / 2026年度), the label, the headline, a
    subtitle and bullet tag lines before the date: the archive's year is no title, and the tags do not push the date
    out of the header."""
    text = ("ホーム\nプレスリリース\n2026年度\nプレスリリース\nチリ共和国法人に対するリチウム鉱山開発資金の融資\n"
            "電池材料の安定確保に貢献\n  • 地域: 中南米\n  • 資源\n  • プロジェクトファイナンス\n2027年1月20日\n"
            "1. 株式会社国際協力銀行（JBIC）は、19日、貸付契約に調印しました。\n")
    header = read_header(text, registry)
    assert (header.date, header.title, header.publisher) == (
        "2027-01-20", "チリ共和国法人に対するリチウム鉱山開発資金の融資", "org-jbic"), header


def test_an_officers_section_line_above_the_headline_is_no_title(registry) -> None:
    """MOFA's talks pages stand under the section of the officer (「石破総理大臣」) above the headline: the headline
    is the title; a headline that speaks of the officer (「岩屋外務大臣の…訪問」) still is one."""
    text = "石破総理大臣\n日・ガーナ首脳会談\n令和7年8月21日\n\n本21日、…会談を行いました。\n"
    assert read_header(text, registry).title == "日・ガーナ首脳会談"
    text = "岩屋外務大臣のガーナ訪問\n令和7年8月21日\n\n本21日、…訪問しました。\n"
    assert read_header(text, registry).title == "岩屋外務大臣のガーナ訪問"


def test_a_readout_of_summit_talks_that_names_no_issuer_is_the_foreign_ministrys(registry) -> None:
    """「日・ガーナ首脳会談」 under the prime minister's section, with the Cabinet's photo credit and no issuer named:
    the foreign ministry writes the readouts of the prime minister's talks."""
    text = ("石破総理大臣\n日・ガーナ首脳会談\n令和7年8月21日\n\n（写真提供：内閣広報室）\n\n"
            "本21日、石破茂内閣総理大臣は、ガーナ共和国大統領と首脳会談を行いました。\n")
    assert read_header(text, registry).publisher == "org-mofa"


def test_contact_lines_in_the_header_are_no_headline(registry) -> None:
    """「問合せ先：…」 and 「広報担当：…」 right under the issuing body are whom to ask, not the release's headline."""
    text = ("2032年4月22日\nNEWS RELEASE\n独立行政法人エネルギー・金属鉱物資源機構\n問合せ先：金属資源開発本部 探査部 架空課 山田\n"
            "広報担当：総務部 広報課 川口\n\nある国の銅共同探鉱に参画\n\n本文です。\n")
    header = read_header(text, registry)
    assert (header.date, header.publisher, header.title) == ("2032-04-22", "org-jogmec", "ある国の銅共同探鉱に参画")


def test_a_breadcrumb_of_bulleted_items_is_the_sites_not_the_headline(registry) -> None:
    """「- ホーム」, 「- ニュースリリース」…: a bulleted navigation list that opens with the home page is the site's."""
    text = ("- ホーム\n- ニュースリリース\n- ニュースリリースアーカイブ\n- 2031年度5月一覧\n- 架空副大臣がある国を訪問しました\n\n"
            "架空副大臣がある国を訪問しました\n2031年5月14日\n経済産業省\n\n本文です。\n")
    header = read_header(text, registry)
    assert (header.date, header.title) == ("2031-05-14", "架空副大臣がある国を訪問しました")
