"""The clause reader: each predicate of a sentence with the entities its case phrases govern.

Sentences here are written for the tests (invented situations naming registry entities).
"""

from __future__ import annotations

import unicodedata

import pytest

from resdip.extract.clauses import read_clauses
from resdip.extract.mentions import MentionResolver
from resdip.extract.quantities import find_quantities
from resdip.extract.view import build_view
from resdip.recognise import DocumentContext, recognise
from resdip.registry import load_registry


@pytest.fixture(scope="module")
def read():
    registry = load_registry()

    def clauses(sentence: str):
        text = unicodedata.normalize("NFKC", sentence)
        resolver = MentionResolver(registry, {})
        tokens = resolver.tokens(text, recognise(text, registry, DocumentContext()))
        return read_clauses(build_view(text, tokens, [], find_quantities(text)))

    return clauses


def args(clause) -> set[tuple[str, str, str]]:
    return {(a.token.entity, a.case, a.role) for a in clause.arguments}


def test_chained_clauses_share_the_topic(read) -> None:
    first, second = read("武藤経済産業大臣は、チリを訪問し、JOGMECと協力覚書に署名しました。")
    assert (first.lemma, second.lemma) == ("訪問する", "署名する")
    assert args(first) == {("person-muto-yoji", "は", "Agent"), ("country-cl", "を", "Theme")}
    assert ("person-muto-yoji", "は", "Agent") in args(second)
    assert ("org-jogmec", "と", "Partner") in args(second)
    assert second.arguments[0].shared and not first.arguments[0].shared


def test_compound_case_phrases(read) -> None:
    (clause,) = read("JOGMECは、ペルーとの間で、銅の探査に関する協力覚書に基づき、調査を実施しました。")
    roles = {(entity, role) for entity, _, role in args(clause)}
    assert ("org-jogmec", "Agent") in roles and ("country-pe", "Partner") in roles
    assert clause.lemma == "調査を実施する"  # a light verb takes its meaning from the verbal noun


def test_adnominal_clause_keeps_its_own_arguments_and_the_topic_goes_on(read) -> None:
    held, main, speech = read("10月2日、武藤経済産業大臣は、ペルーで開催された「アンデス鉱業会議2024」に出席し、講演を行いました。")
    assert held.adnominal and held.passive and held.lemma == "開催する"
    assert {(e, r) for e, _, r in args(held)} == {("country-pe", "Setting"), (held.arguments[-1].token.entity, "Theme")}
    assert ("person-muto-yoji", "Agent") in {(e, r) for e, _, r in args(main)}  # は scopes over the main clause
    assert "country-pe" not in main.entities()
    assert speech.agent() is not None and speech.agent().token.entity == "person-muto-yoji"


def test_passive_subject_is_the_theme(read) -> None:
    (clause, *_) = read("協力覚書がJOGMECとチリの間で締結されました。")
    assert clause.passive


def test_embedded_clause_keeps_its_own_arguments(read) -> None:
    embedded, main = read("日本は、豪州とリチウムの協力を強化していくことを確認しました。")
    assert embedded.adnominal and embedded.lemma == "強化する"
    assert {"country-au", "resource-lithium"} <= set(embedded.entities())
    assert "country-jp" not in embedded.entities()  # the topic is the main clause's
    assert set(main.entities()) == {"country-jp"}  # the content is the embedded clause's, not the main one's


def test_names_before_an_adnominal_clauses_own_subject_belong_to_the_main_clause(read) -> None:
    embedded, main = read("JOGMECを通じて、豪州企業が行うリチウムの探鉱に対し、チリが出資しました。")
    assert embedded.adnominal and "org-jogmec" not in embedded.entities()
    assert "org-jogmec" in main.entities()


def test_the_speaker_marked_kara_is_the_main_clauses(read) -> None:
    embedded, main = read("武藤経済産業大臣から、チリが銅を日本に供給していることを紹介しました。")
    assert "person-muto-yoji" not in embedded.entities()
    assert main.agent() is not None and main.agent().token.entity == "person-muto-yoji"


def test_a_clause_with_its_own_subject_shares_none(read) -> None:
    speech, attend = read("JOGMECは、チリについて講演を行い、企業等から約50名が参加しました。")
    assert speech.agent().token.entity == "org-jogmec"
    assert attend.has_subject and attend.agent() is None


def test_glosses_nationalities_and_compounds_are_no_arguments(read) -> None:
    (clause,) = read("JOGMECは、日本企業（本社：東京都）を通じて、LNGプロジェクトに出資しました。")
    assert clause.entities() == ["org-jogmec"]


def test_headline_topic_and_bare_verbal_noun(read) -> None:
    (clause,) = read("JOGMEC、ペルーと銅の共同探査に関する覚書を締結")
    assert clause.lemma == "締結する"
    assert ("org-jogmec", "、", "Agent") in args(clause)


def test_plans_are_told_apart_from_what_was_done(read) -> None:
    assert read("JOGMECは、チリで調査を実施する予定です。")[0].planned
    assert read("JOGMECは、チリで調査を実施します。")[0].planned
    assert not read("JOGMECは、チリで調査を実施しました。")[0].planned
    assert not read("JOGMECは、チリで調査を実施しています。")[0].planned


def test_negation(read) -> None:
    (clause,) = read("日本は、ロシアから石炭を輸入しない。")
    assert clause.negated and clause.lemma == "輸入する"


def test_a_verbal_noun_with_its_agent_in_niyoru_is_a_clause(read) -> None:
    """「ロシアによるウクライナ侵略によって…」: Russia invades Ukraine; neither is the main clause's."""
    clauses = read("特に、2022年に発生したロシアによるウクライナ侵略によって、代替調達先の確保が課題となっています。")
    by_lemma = {c.lemma: args(c) for c in clauses}
    assert by_lemma["侵略する"] == {("country-ru", "による", "Agent"), ("country-ua", "", "Theme")}
    assert by_lemma["なる"] == set()


def test_a_subject_before_a_relative_clause_with_an_unnamed_subject_is_the_main_clauses(read) -> None:
    """「米国政府が、日本企業が参画する「…プロジェクト」からの輸出を承認」: 日本企業 is the relative
    clause's subject (a class noun, no entity), so 米国 approves, it does not take part."""
    clauses = read("2013年2月には、米国政府が、日本企業が参画する「ルイジアナ・ベイLNGプロジェクト」からの輸出を承認しました。")
    by_lemma = {c.lemma: {e for e, _, _ in args(c)} for c in clauses}
    assert "country-us" not in by_lemma["参画する"]
    assert "country-us" in by_lemma["承認する"]


def test_a_clause_quoted_by_to_is_the_content_of_the_verb_after_it(read) -> None:
    """「AはBがCに資すると判断し」: A judges; B and C are the judged clause's, A is not."""
    clauses = {c.lemma: c for c in read("JOGMECは、チリ銅委員会との協力が我が国への銅の安定供給に資すると判断し、研修を実施しました。")}
    assert "org-jogmec" not in clauses["資する"].entities()
    assert "country-jp" in clauses["資する"].entities()
    assert clauses["判断する"].entities()[:1] == ["org-jogmec"]


def test_a_conjunction_the_dictionary_reads_as_a_verb_is_no_predicate(read) -> None:
    """「重要鉱物及び省エネルギー」: 及び joins two nouns; the ministers confirm (not 及ぶ)."""
    clauses = read("両大臣は、LNG、重要鉱物及び省エネルギーの3分野を軸に、協力の進捗を確認しました。")
    assert "及ぶ" not in [c.lemma for c in clauses]


def test_a_resource_after_a_modifier_word_is_read() -> None:
    """「グリーンアンモニア」: a modifier word before a katakana name leaves the name a word of its own."""
    found = {m.entity_id for m in recognise("インド産グリーンアンモニアの輸入に期待を表明した。", load_registry(), DocumentContext())}
    assert "resource-ammonia" in found


def test_a_verbal_noun_that_took_place_is_the_predicate(read) -> None:
    """「Xから…に関する報告がありました」: X reported; 「…する必要がある」 tells a need, no act."""
    clauses = read("会合では、ADBのマリア・サントス副総裁から、中央アジアの投資環境に関する報告がありました。")
    report = next(c for c in clauses if c.lemma.startswith("報告"))
    assert "region-central-asia" in report.entities() and len(report.entities()) >= 2
    assert not any(c.lemma.startswith("必要") for c in read("日本は、チリとの協力を強化する必要があります。"))


def test_a_relative_clause_describes_the_whole_list_after_it(read) -> None:
    """「チリが生産する銅、リチウム及びモリブデン」: all three are the clause's head, not only the first."""
    clause = next(c for c in read("日本は、チリが生産する銅、リチウム及びモリブデンの安定供給を重視しています。") if c.lemma == "生産する")
    assert {"resource-copper", "resource-lithium", "resource-molybdenum"} <= set(clause.entities())


@pytest.mark.parametrize("sentence, main_lemma, partner", [
    ("JOGMECは、ペルーとの間で、銅を産出する鉱床の共同調査を実施しました。", "共同調査を実施する", "country-pe"),
    ("経済産業省は、インドネシアと、水素を活用した発電の実証について協議しました。", "協議する", "country-id"),
])
def test_a_partner_closed_by_a_comma_skips_the_adnominal_clause_after_it(read, sentence, main_lemma, partner) -> None:
    """「Aとの間で、Xを…するYを実施」: the comma closes the partner off from the nearer (adnominal)
    predicate; it is the main predicate's partner."""
    adnominal, main = read(sentence)
    assert adnominal.adnominal and main.lemma == main_lemma
    assert (partner, "Partner") in {(e, r) for e, _, r in args(main)}
    assert partner not in adnominal.entities()


def test_a_partner_without_a_comma_stays_in_the_adnominal_clause(read) -> None:
    adnominal, _ = read("JOGMECは、ペルーと共同で開発した技術を紹介しました。")
    assert adnominal.adnominal and "country-pe" in adnominal.entities()


def test_the_press_names_people_with_shi_and_posts_ending_in_sho(read) -> None:
    """News reports write 「世耕氏とシン氏は」 and 「シン石油相」: 氏 closes a name before its particle, so the two
    are one subject; 石油相 is a post (and 相互 is no post)."""
    (clause,) = [c for c in read("世耕氏とシン氏は、共同声明に署名した。") if not c.adnominal]
    assert [r for _, _, r in sorted(args(clause))].count("Agent") == 2
    (clause,) = read("世耕経済産業相とシン石油相は、共同声明に署名した。")
    assert not any(e.startswith("resource-") for e in clause.entities())
    assert len([a for a in clause.arguments if a.role == "Agent"]) == 2
    assert not any(c.arguments and c.arguments[0].token.cls == "Post" for c in read("日豪は相互に協力する。"))


def test_a_subject_closed_by_a_comma_before_a_content_clause_is_the_main_predicates(read) -> None:
    """「双日株式会社とJOGMECが、ライナス社に対して…融資を行うことで合意しました」: who agrees is the subject closed
    by the comma; the content clause keeps what stands inside it."""
    clauses = read("2011年3月には、双日株式会社とJOGMECが、ライナス社に対して融資を行うことで合意しました。")
    content, main = clauses[0], clauses[-1]
    assert main.lemma == "合意する" and {"org-sojitz", "org-jogmec"} <= set(main.entities())
    assert "org-lynas" in content.entities() and "org-lynas" not in main.entities()


def test_a_noun_that_stands_as_an_adverb_is_no_part_of_the_predicate(read) -> None:
    """「…との間で…覚書を、…との間で…議事録を、それぞれ締結しました」: the predicate is 締結する, not それぞれ締結する."""
    (clause,) = [c for c in read("JOGMECは、A社との間で覚書を、B社との間で議事録を、それぞれ締結しました。")
                 if not c.adnominal]
    assert clause.lemma == "締結する"


def test_a_subject_closed_by_a_comma_before_an_adnominal_clause_is_the_main_clauses(read) -> None:
    """「世耕経済産業大臣が、来日したチリ共和国の…鉱業大臣と会談し」: the minister talks; the Chilean came to Japan."""
    clauses = read("2018年11月には、茂木経済産業大臣が、来日したチリ共和国のバルタサル・ペレス鉱業大臣と会談しました。")
    talks = next(c for c in clauses if c.lemma == "会談する")
    assert ("person-motegi-toshimitsu", "Agent") in {(a.token.entity, a.role) for a in talks.arguments}
    came = next(c for c in clauses if c.lemma == "来日する")
    assert "person-motegi-toshimitsu" not in {a.token.entity for a in came.arguments}


def test_a_speaker_reports_what_a_subject_of_its_own_does(read) -> None:
    depend, ask = read("茂木外務大臣から、日本はリチウムの全量を輸入に依存しており、チリとの協力を求めました。")
    assert (depend.lemma, ask.lemma) == ("依存する", "求める")
    assert "person-motegi-toshimitsu" not in depend.entities() and "country-jp" in depend.entities()
    assert ("person-motegi-toshimitsu", "から、", "Agent") in args(ask)  # the speaker asks, not Japan
    assert "country-jp" not in ask.entities()


def test_a_speaker_is_the_agent_of_a_passive_and_a_side_is_no_speaker(read) -> None:
    (thanks,) = read("茂木外務大臣から、ペルーの協力に謝意が表明されました。")
    assert "person-motegi-toshimitsu" in thanks.entities()
    attend, *_ = read("日本からは武藤経済産業大臣が出席し、ペルーと会談しました。")
    assert "country-jp" in attend.entities()
