"""Documents read as a whole: what a sentence takes from the one it continues, what 本覚書 stands for,
and the numbers the text gives. The documents here are written for the tests (invented situations
naming registry entities and invented foreign officials)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from resdip.extract.document import DocumentInfo, extract_document
from resdip.extract.facts import (Action, Assertion, Event, Membership, Observation, PostHolding, StatedQuantity, SupplyShare,
                                  Target)
from resdip import paths
from resdip.registry import load_registry
from resdip.text import parse_document


@pytest.fixture(scope="module")
def read():
    registry = load_registry()

    def facts(text: str, date: str = "2025-03-12", issuer: str = "", voice: str = ""):
        doc = parse_document(text, doc_id="t", layout="plain")
        out = extract_document(doc, DocumentInfo("t", date, voice=voice, issuer=issuer), registry)
        return [f for f, _ in out.facts.items()], out

    return facts


def labels_of(out) -> dict[str, str]:
    """The Japanese label of each entity the text introduced (registry ids stay as they are)."""
    return {e.id: e.label_ja for e in out.entities.values()}


def relations_by_label(facts, labels: dict[str, str]) -> set[tuple[str, str, str]]:
    return {(labels.get(f.subject, f.subject), f.predicate, labels.get(f.object, f.object))
            for f in facts if isinstance(f, Assertion)}


RELEASE = (
    "3月11日（火曜日）、武藤経済産業大臣は、ペルー共和国のアルバラド・エネルギー鉱山大臣と会談し、"
    "銅の探鉱に関する協力覚書に署名しました。\n"
    "併せて、経済産業省とペルー共和国エネルギー鉱山省との間で、鉱業分野の協力覚書の改訂に署名しました。\n"
    "会談では、チリとの協力についても意見を交わしました。\n"
    "本覚書に基づき、JOGMECはエネルギー鉱山省と共同で調査を実施します。\n"
)


def test_continuation_takes_the_date_and_marks_it_carried(read) -> None:
    facts, _ = read(RELEASE)
    signings = sorted((f for f in facts if isinstance(f, Event) and f.type == "Signing"), key=lambda f: f.date_source)
    assert [(s.start, s.date_source) for s in signings] == [("2025-03-11", "CarriedFromContext"),
                                                            ("2025-03-11", "YearFromDocument")]
    carried = signings[0]
    assert {p.entity for p in carried.participants} >= {"org-meti"}
    assert not any(p.implicit for p in carried.participants)  # the parties are named: no subject carried in


def test_continuation_names_the_meeting_and_takes_the_subject_as_implicit(read) -> None:
    facts, _ = read(RELEASE)
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    exchanged = [f for f in facts if isinstance(f, Action) and "country-cl" in {p.entity for p in f.participants}]
    assert exchanged, facts
    action = exchanged[0]
    assert action.start == "2025-03-11" and action.date_source == "CarriedFromContext"
    assert any(p.entity == "person-muto-yoji" and p.implicit for p in action.participants)
    from resdip.rdf.emit import fact_iri
    assert action.at_event == str(fact_iri(meeting))


def test_anaphor_stands_for_the_agreement_and_the_short_name_for_the_ministry(read) -> None:
    facts, out = read(RELEASE)
    survey = next(f for f in facts if isinstance(f, Action) and f.lemma == "調査を実施する")
    entities = {p.entity for p in survey.participants}
    mou = [e for e in entities if e.startswith("candidate-memorandumofunderstanding-")]
    assert mou and out.entities[mou[0]].label_ja == "鉱業分野の協力覚書"
    ministry = [e for e in entities if e.startswith("candidate-governmentbody-")]
    assert ministry and out.entities[ministry[0]].label_ja == "ペルー共和国エネルギー鉱山省"
    assert survey.planned  # 実施します: a plan


def test_sentence_without_a_marker_takes_nothing(read) -> None:
    facts, _ = read("2月3日、JOGMECはチリを訪問しました。\nJOGMECはペルーと協力覚書に署名しました。\n")
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert signings == []  # no date of its own, and no continuation: no event is made up


def test_occasion_makes_a_new_event_at_the_last_one(read) -> None:
    text = ("2月3日、JOGMECは、東京において「日ペルー鉱業セミナー」を開催しました。\n"
            "セミナーの機会に、JOGMECは、ペルー共和国エネルギー鉱山省と協力覚書に署名しました。\n")
    facts, _ = read(text)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert signing.start == "2025-02-03" and signing.at_event


@pytest.mark.parametrize("sentence, value, unit, comparator, measured", [
    ("鉱物資源安全保障パートナーシップ（MSP）には、現在15の国・地域が参加しています。", "15", "count", "", "国・地域"),
    ("JOGMECは、300者を超える会員を持つネットワークを運営しています。", "300", "count", "AtLeast", "会員"),
    ("JOGMECの出資額は約180億円です。", "18000000000", "JPY", "", "出資額"),
    ("JOGMECは、チリの鉱山に159億6千万円を出資しました。", "15960000000", "JPY", "", ""),
    ("チリの鉱山は年間約2万トンの銅を生産しています。", "20000", "t", "", ""),
])
def test_numbers_are_kept_with_what_they_measure(read, sentence, value, unit, comparator, measured) -> None:
    facts, _ = read(sentence)
    quantities = [f for f in facts if isinstance(f, StatedQuantity)]
    assert len(quantities) == 1, quantities
    q = quantities[0]
    assert (q.value, q.unit, q.comparator) == (Decimal(value), unit, comparator)
    if measured:
        assert q.measured == measured
    assert q.about, "a number is attached to an entity of its clause"


def test_now_dates_a_number_at_the_document_date(read) -> None:
    facts, _ = read("鉱物資源安全保障パートナーシップ（MSP）には、現在15の国・地域が参加しています。")
    (q,) = [f for f in facts if isinstance(f, StatedQuantity)]
    assert (q.start, q.time_qualifier, q.date_source) == ("2025-03-12", "AsOf", "DocumentDate")
    assert q.about == ("partnership-msp",)


def test_deadline_is_a_time_qualifier(read) -> None:
    facts, _ = read("JOGMECは、2027年までに12件の探鉱案件に出資する計画です。")
    (q,) = [f for f in facts if isinstance(f, StatedQuantity)]
    assert (q.value, q.start, q.time_qualifier) == (Decimal(12), "2027", "By")


def test_ordinals_and_dates_are_not_quantities(read) -> None:
    facts, _ = read("2024年10月、第3回日チリ鉱業対話が開催され、チリは12カ国目の参加国となりました。")
    assert not [f for f in facts if isinstance(f, StatedQuantity)]


def test_generic_action_only_where_the_grammar_ties_the_entities(read) -> None:
    facts, _ = read("2025年1月、JOGMECは、豪州のリチウム鉱山の権益を取得しました。チリとペルーは南米の国です。"
                    "JOGMECは、LNGプロジェクトを通じてカタールに出資しました。")
    actions = [f for f in facts if isinstance(f, Action)]
    assert sorted((a.lemma, sorted(p.entity for p in a.participants)) for a in actions) == [
        ("取得する", sorted(["org-jogmec", "country-au"])),  # リチウム鉱山 is a mine, not lithium
    ]  # 「チリとペルーは南米の国です」: a copula of a generic noun relates nothing
    # the investment is a typed relation (LNGプロジェクト is a project, not LNG), so no generic action repeats it
    assert Assertion("org-jogmec", "investsIn", "country-qa") in facts


def test_a_clause_told_as_content_keeps_its_own_arguments(read) -> None:
    facts, _ = read("これに対し、カブレラ大臣から、カタマルカ州では既に日本企業3社がリチウムの開発を進めていることを紹介しました。")
    actions = {a.lemma: {p.entity for p in a.participants} for a in facts if isinstance(a, Action)}
    assert "紹介する" not in actions  # カタマルカ州 and リチウム are the content's, not the speaker's


def test_a_country_written_with_its_place_is_part_of_the_designation(read) -> None:
    facts, _ = read("JOGMECは、2019年度に、カナダ・ケベック州の「ラック・ブラン・リチウムプロジェクト」に出資しました。")
    actions = [a for a in facts if isinstance(a, Action)]
    assert all("country-ca" not in {p.entity for p in a.participants} for a in actions)


@pytest.mark.parametrize("sentence", [
    "豪州は、日本にとってLNGの最大の供給国です。",
    "署名者は、JOGMECの佐藤理事と、ペルー地質鉱業冶金研究所のガルシア所長です。",
])
def test_a_copula_describes_and_tells_no_action(read, sentence: str) -> None:
    facts, _ = read(sentence)
    assert not [a for a in facts if isinstance(a, Action)]


@pytest.mark.parametrize("sentence, country, stays", [
    ("JOGMECは、ペルー南部のモケグア州において銅の共同調査を実施しました。", "country-pe", False),
    ("JOGMECは、同国北部のエセキボ州で金の探鉱を開始しました。", "country-gy", False),
    ("JOGMECは、ペルー南部において銅の共同調査を実施しました。", "country-pe", True),  # a place with no name
    ("武藤経済産業大臣は、ペルーのガルシア・エネルギー鉱山大臣と会談し、銅の探鉱について意見を交わしました。",
     "country-pe", True),  # a person's country stays
])
def test_a_country_that_locates_a_named_place_is_part_of_its_designation(read, sentence: str, country: str,
                                                                          stays: bool) -> None:
    facts, _ = read("ガイアナは南米の産油国です。\n" + sentence)
    named = {p.entity for a in facts if isinstance(a, Action) for p in a.participants}
    assert (country in named) is stays, named


TALKS = (
    "2月18日（火曜日）、武藤経済産業大臣は、ペルー共和国のアルバラド・エネルギー鉱山大臣と会談しました。\n"
    "会談後、両者は、銅の探鉱に関する協力覚書に署名しました。\n"
    "なお、ペルーは2023年に日本が輸入した銅鉱石の約2割を供給しました。\n"
    "また、両大臣は、リチウムの探鉱で協力していくことで一致しました。\n"
    "翌19日（水曜日）には、経済産業省とペルー共和国エネルギー鉱山省の共催で「日・ペルー鉱業フォーラム」が東京にて開かれ、"
    "両者がそろって出席しました。\n"
)


def test_a_pair_of_ministers_continues_the_meeting_they_held(read) -> None:
    """「会談後、両者は…署名」 and 「また、両大臣は…一致」 tell what the two who met did: the meeting's
    date, not the year of a figure stated between them."""
    facts, _ = read(TALKS, date="2025-02-20")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    agreed = next(f for f in facts if isinstance(f, Event) and f.type == "AgreementReached")
    ministers = {p.entity for p in meeting.participants if not p.implicit}
    assert "person-muto-yoji" in ministers and len(ministers) == 2
    for event in (signing, agreed):
        assert event.start == "2025-02-18" and event.date_source == "CarriedFromContext"
        assert {p.entity for p in event.participants if not p.implicit} == ministers


def test_a_forum_the_next_day_with_its_co_organisers_and_attendees(read) -> None:
    facts, _ = read(TALKS, date="2025-02-20")
    forum = next(f for f in facts if isinstance(f, Event) and f.type == "Meeting")
    assert forum.start == "2025-02-19"
    roles = {(p.entity, p.role) for p in forum.participants}
    assert ("org-meti", "Organiser") in roles
    assert sum(1 for _, role in roles if role == "Organiser") == 2  # and the Peruvian ministry
    assert ("person-muto-yoji", "Attendee") in roles and sum(1 for _, r in roles if r == "Attendee") == 2
    assert "country-pe" not in {p.entity for p in forum.participants}  # named parties: not the name's


def test_an_agreement_concluded_in_an_adnominal_clause_is_a_signing(read) -> None:
    facts, out = read("JOGMECは、2021年11月にチリ銅委員会と締結した探鉱協力に関する覚書に基づき、研修を実施しています。\n")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert signing.start == "2021-11"
    assert "org-jogmec" in {p.entity for p in signing.participants}
    assert [out.entities[e].label_ja for e in signing.about] == ["探鉱協力に関する覚書"]


@pytest.mark.parametrize("sentence, supplier, resource, value", [
    ("日本が輸入するリチウムの約3割をアルゼンチンが供給している。", "country-ar", "resource-lithium", "30"),
    ("なお、オマーン国は、2023年に日本が輸入したLNGの約3%を供給しました。", "country-om", "resource-lng", "3"),
    ("銅については、我が国は鉱石輸入量の約4割をチリから調達しています。", "country-cl", "resource-copper", "40"),
    ("サウジアラビアは、我が国の原油輸入量の約4割を占める最大の供給国です。", "country-sa", "resource-crude-oil", "40"),
    ("我が国は、原油輸入の約9割を中東地域に依存しています。", "region-middle-east", "resource-crude-oil", "90"),
    ("2023年の日本のニッケル鉱石輸入に占めるフィリピンの割合は約6割でした。", "country-ph", "resource-nickel", "60"),
    ("日本のウラン輸入量に占めるカナダ産の割合は約2割にとどまっています。", "country-ca", "resource-uranium", "20"),
])
def test_a_share_of_imports_names_its_supplier_and_what_it_supplies(read, sentence, supplier, resource, value) -> None:
    from resdip.extract.facts import Assertion, SupplyShare

    facts, _ = read(sentence)
    shares = [f for f in facts if isinstance(f, SupplyShare)]
    assert [(s.resource, s.suppliers, str(s.value)) for s in shares] == [(resource, (supplier,), value)]
    assert [s.importer for s in shares] == ["country-jp"]  # 日本が輸入する, 我が国は, 我が国の
    assert Assertion(supplier, "supplies", resource) in facts
    assert not any(isinstance(f, Assertion) and f.subject == "country-jp" and f.predicate == "supplies" for f in facts)


@pytest.mark.parametrize("sentence, member, body", [
    ("両大臣は、MSPファイナンスネットワークへの国際協力銀行（JBIC）の参加を歓迎しました。",
     "org-jbic", "partnership-msp-finance-network"),
    ("日本は、鉱物資源安全保障パートナーシップ（MSP）の一員として、資源国の鉱山開発を支援しています。",
     "country-jp", "partnership-msp"),
    ("インドは、2023年6月にMSPに参加しました。", "country-in", "partnership-msp"),
])
def test_joining_a_partnership_makes_a_member(read, sentence, member, body) -> None:
    from resdip.extract.facts import Membership

    facts, _ = read(sentence)
    assert Membership(member, body) in facts


def test_a_meeting_agreed_to_be_held_is_not_an_event_yet(read) -> None:
    text = ("8月21日、齋藤経済産業大臣は、カナダのラフルール・エネルギー・天然資源大臣と会談しました。\n"
            "両大臣は、日加エネルギー政策対話を本年中に東京で開催することで一致しました。\n")
    facts, out = read(text, date="2024-08-23")
    events = [f for f in facts if isinstance(f, Event)]
    assert sorted(e.type for e in events) == ["AgreementReached", "MinisterialMeeting"]
    talks = next(e for e in events if e.type == "MinisterialMeeting")
    counterpart = next(p.entity for p in talks.participants if p.role == "Counterpart")
    assert out.entities[counterpart].label_ja == "ラフルール"  # not 「ラフルール・エネルギー」


def test_each_share_goes_to_the_supplier_named_after_it(read) -> None:
    from resdip.extract.facts import SupplyShare

    facts, _ = read("2022年度には、我が国のLNG輸入量の約4割を豪州が、約2割をマレーシアが占めました。")
    shares = sorted((s.suppliers, str(s.value)) for s in facts if isinstance(s, SupplyShare))
    assert shares == [(("country-au",), "40"), (("country-my",), "20")]


def test_each_share_of_imports_from_a_supplier_goes_to_that_supplier(read) -> None:
    """「米国からの輸入は約5%、ロシアからの輸入は約8%」: each share to the supplier its subject names (not the
    next one named); 「中東地域からの輸入は全体の約9割」 with no resource takes the one named before."""
    from resdip.extract.facts import SupplyShare

    facts, _ = read("2019年度のLNG輸入量は約7,600万トンで、そのうち米国からの輸入は約5%、ロシアからの輸入は約8%でした。\n")
    shares = sorted((s.resource, s.suppliers, str(s.value)) for s in facts if isinstance(s, SupplyShare))
    assert shares == [("resource-lng", ("country-ru",), "8"), ("resource-lng", ("country-us",), "5")]
    facts, _ = read("■原油\n我が国の原油輸入量は約1億7,300万キロリットルでした。\n中東地域からの輸入は全体の約9割に達しています。\n")
    shares = sorted((s.resource, s.suppliers, str(s.value)) for s in facts if isinstance(s, SupplyShare))
    assert shares == [("resource-crude-oil", ("region-middle-east",), "90")]


def test_a_loan_agreement_with_a_glossed_borrower(read) -> None:
    """The borrower's gloss holds brackets of its own; the lender finances the project it names."""
    from resdip.extract.facts import Assertion

    facts, _ = read("国際協力銀行（JBIC）は、9月10日、インドネシア共和国の国営石油会社プルタミナ"
                    "（PT Pertamina (Persero)、以下「プルタミナ」）との間で、貸付契約を締結しました。\n"
                    "JBICは、「ブキット・ラヤLNGプロジェクト」に対する約600百万米ドルの融資を行います。\n", date="2024-09-12")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert {p.entity for p in signing.participants} == {"org-jbic", "org-pertamina"}
    assert any(isinstance(f, Assertion) and f.subject == "org-jbic" and f.predicate == "finances" for f in facts)


def test_a_foreign_minister_of_two_titles_and_what_happens_during_the_stay(read) -> None:
    text = ("5月6日（火曜日）から5月8日（木曜日）まで、武藤経済産業大臣はブラジル連邦共和国を訪問し、"
            "シルヴェイラ鉱山・エネルギー大臣と会談しました。\n"
            "会談では、両大臣は、ニオブの探鉱で協力していくことで一致しました。\n"
            "滞在中、武藤大臣は、リオデジャネイロにおいて日本企業の関係者と意見交換を行いました。\n")
    facts, out = read(text, date="2025-05-09")
    talks = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    counterpart = next(p.entity for p in talks.participants if p.entity != "person-muto-yoji")
    assert out.entities[counterpart].label_ja == "シルヴェイラ"
    agreed = next(f for f in facts if isinstance(f, Event) and f.type == "AgreementReached")
    assert {p.entity for p in agreed.participants} == {"person-muto-yoji", counterpart}
    exchange = next(f for f in facts if isinstance(f, Event) and f.type == "OpinionExchange")
    assert (exchange.start, exchange.end, exchange.date_source) == ("2025-05-06", "2025-05-08", "CarriedFromContext")


def test_what_was_agreed_at_a_named_summit_is_agreed_by_its_parties(read) -> None:
    facts, _ = read("2016年12月の日露首脳会談において、エネルギー分野での協力を進めることで一致しました。\n")
    summit = next(f for f in facts if isinstance(f, Event) and f.name == "日露首脳会談")
    agreed = next(f for f in facts if isinstance(f, Event) and f.type == "AgreementReached")
    assert summit.type == "MinisterialMeeting" and summit.start == agreed.start == "2016-12"
    assert {p.entity for p in agreed.participants} == {"country-jp", "country-ru"}
    from resdip.rdf.emit import fact_iri
    assert agreed.at_event == str(fact_iri(summit))


def test_a_share_of_another_countrys_imports_is_no_supply_share_of_japan(read) -> None:
    """The graph's supply shares are Japan's (tests/gold/README.md): Australia supplies LNG, but the share is China's."""
    from resdip.extract.facts import SupplyShare

    facts, _ = read("2023年には、中国のLNG輸入量の約3割を豪州が占めました。")
    assert not [s for s in facts if isinstance(s, SupplyShare)]
    assert Assertion("country-au", "supplies", "resource-lng") in facts


def test_the_government_a_document_speaks_for_is_its_own_country() -> None:
    registry = load_registry()
    text = ("政府は、「第6次エネルギー基本計画」において、自主開発比率の目標を掲げています。\n"
            "モザンビーク政府は、JOGMECの調査を歓迎しました。\n")
    doc = parse_document(text, doc_id="t", layout="plain")
    facts = [f for f, _ in extract_document(doc, DocumentInfo("t", "2023-06", "country-jp"), registry).facts.items()]
    actions = {a.lemma: {p.entity for p in a.participants} for a in facts if isinstance(a, Action)}
    assert actions["掲げる"] == {"country-jp", "plan-6th-strategic-energy-plan"}
    assert actions["歓迎する"] == {"country-mz", "org-jogmec"}  # a government named by its country is that country's


def test_both_sides_are_the_two_countries_and_this_country_is_never_japan(read) -> None:
    text = ("1月30日、東京において、第3回日・モザンビーク・エネルギー・鉱物資源政策対話が開催されました。\n"
            "本対話では、川原田局長とマシャバ・モザンビーク共和国鉱物資源エネルギー省副大臣が共同議長を務め、"
            "日本側からは、JOGMECの関係者も出席しました。\n"
            "冒頭、川原田局長から、モザンビーク北部のLNGプロジェクトは重要である旨述べました。\n"
            "双方は、黒鉛及びレアアースの賦存状況について情報を共有しました。\n"
            "マシャバ副大臣から、日本の関係機関の支援に謝意が表明されるとともに、同国のLNGの生産量が拡大する見通しである旨の説明がありました。\n")
    facts, _ = read(text, date="2025-01-31")
    actions = {a.lemma: {p.entity for p in a.participants} for a in facts if isinstance(a, Action)}
    assert {"country-jp", "country-mz"} <= actions["共有する"]
    assert actions["拡大する"] == {"country-mz", "resource-lng"}  # 同国 after 日本の: still Mozambique


def test_a_number_that_names_only_japan_is_about_the_project_just_told(read) -> None:
    text = ("JOGMECは、「ウォラビー・ニッケル・コバルトプロジェクト」に約110億円を出資しました。\n"
            "生産量の半分以上は日本向けに供給される見込みです。\n")
    facts, out = read(text)
    half = next(f for f in facts if isinstance(f, StatedQuantity) and f.surface == "半分以上")
    assert (half.value, half.unit, half.comparator) == (Decimal(50), "%", "AtLeast")
    assert [out.entities[e].label_ja for e in half.about if e != "country-jp"] == ["ウォラビー・ニッケル・コバルトプロジェクト"]


def test_a_heading_tells_no_action(read) -> None:
    facts, _ = read("第1節　資源外交\n1．北米からのLNG調達と価格の低減\n米国ではシェールガスの生産が拡大しています。\n")
    assert not any(isinstance(f, Action) and f.lemma == "低減する" for f in facts)


def test_two_ministers_who_agree_to_cooperate_make_their_countries_cooperate(read) -> None:
    from resdip.extract.facts import Assertion

    text = ("2013年2月には、茂木経済産業大臣がカタール国を訪問し、同国のアル・ハマディ・エネルギー・産業大臣と会談しました。\n"
            "両大臣は、LNGの長期的な安定供給の確保に向けて協力することで一致しました。\n")
    facts, _ = read(text, date="2013-06")
    assert Assertion("country-jp", "cooperatesWith", "country-qa") in facts


def test_this_meeting_and_its_roster_grow_the_meeting_not_the_talks_told_since(read) -> None:
    text = ("齋藤経済産業大臣は、8月21日（水曜日）にペルー共和国のクスコで開催されたAPECエネルギー大臣会合に出席しました。\n"
            "また、会合の機会を捉えて、ペルー共和国、カナダ及びメキシコ合衆国の閣僚と会談を行いました。\n"
            "（1）概要\n"
            "参加国等：APECメンバー21エコノミー、国際エネルギー機関（IEA）、東アジア・ASEAN経済研究センター（ERIA）\n"
            "（2）議論の内容\n"
            "・本会合では、ペルー共和国のメンドーサ・エネルギー鉱山大臣が議長を務めました。\n")
    facts, out = read(text, date="2024-08-23")
    apec = next(f for f in facts if isinstance(f, Event) and f.name == "APECエネルギー大臣会合")
    roles = {(out.entities[p.entity].label_ja if p.entity in out.entities else p.entity, p.role) for p in apec.participants}
    assert roles == {("person-saito-ken", "Participant"), ("メンドーサ", "Chair"), ("org-apec", "Participant"),
                     ("org-iea", "Participant"), ("org-eria", "Participant")}
    talks = next(f for f in facts if isinstance(f, Event) and not f.name)
    assert {p.entity for p in talks.participants} == {"country-pe", "country-ca", "country-mx"}


def test_countries_a_resource_is_imported_from_supply_it_with_no_share_stated(read) -> None:
    from resdip.extract.facts import Assertion

    facts, _ = read("石炭については、日本は、その大部分を豪州やインドネシア等からの輸入に頼っています。")
    assert {f for f in facts if isinstance(f, Assertion)} >= {
        Assertion("country-au", "supplies", "resource-coal"), Assertion("country-id", "supplies", "resource-coal")}


def test_a_scene_closed_by_a_comma_belongs_to_the_main_clause(read) -> None:
    facts, _ = read("経済産業省は、「第5次エネルギー基本計画」において、この比率を2030年に40%以上に引き上げる目標を掲げています。")
    raised = {a.lemma: {p.entity for p in a.participants} for a in facts if isinstance(a, Action)}
    assert "plan-5th-strategic-energy-plan" in raised.get("掲げる", set())


def test_a_headline_names_the_meeting_the_release_tells_and_a_family_name_is_the_person_in_full(read) -> None:
    from resdip.extract.facts import Membership

    text = ("令和7年7月4日\n外務省\n日・マレーシア外相電話会談\n"
            "本4日（金曜日）、岩屋毅外務大臣は、アフマド・ザイヌディン・マレーシア外務大臣と電話会談を行いました。\n"
            "冒頭、岩屋大臣から、マレーシアが本年のASEAN議長国として地域の安定に尽力していることに敬意を表しました。\n"
            "両大臣は、日本とマレーシアがともに参加するアジア・ゼロエミッション共同体（AZEC）の下で、協力を進めていくことで一致しました。\n"
            "これに対し、ザイヌディン大臣から謝意が示されました。\n")
    facts, out = read(text, date="2025-07-04")
    call = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    assert call.name == "日・マレーシア外相電話会談"
    # talks between two people named: theirs, not their countries' (who cooperate, a relation of their own)
    assert "person-iwaya-takeshi" in {p.entity for p in call.participants}
    assert not {"country-jp", "country-my"} & {p.entity for p in call.participants}
    assert Assertion("country-jp", "cooperatesWith", "country-my") in facts
    people = {e.label_ja for e in out.entities.values() if e.cls == "Person" and not e.reviewed}
    assert people == {"アフマド・ザイヌディン"}  # ザイヌディン大臣 is the same person
    assert {Membership("country-my", "org-asean"), Membership("country-jp", "partnership-azec"),
            Membership("country-my", "partnership-azec")} <= set(facts)


def test_a_ministry_named_after_a_foreign_country_is_that_countrys(read) -> None:
    facts, out = read("なお、NEXIは、2023年11月にパプアニューギニア財務省との間で、投資促進に関する協力覚書を締結しています。")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    others = [p.entity for p in signing.participants if p.entity != "org-nexi"]
    assert others != ["org-mof"] and [out.entities[e].label_ja for e in others] == ["パプアニューギニア財務省"]


def test_holders_named_before_their_shares_invest_and_the_operator_operates(read) -> None:
    from resdip.extract.facts import Assertion

    text = ("NEXIは、「ガルフ・ヴィスタLNGプロジェクト」（以下「本プロジェクト」）への融資に保険を付保しました。\n"
            "本プロジェクトには、豪州のコーラル・シー・エナジー社（以下「CSE社」）が55%、パプアニューギニア政府が20%を出資しており、"
            "CSE社がオペレーターを務めます。\n")
    facts, out = read(text)
    relations = {(out.entities[a.subject].label_ja if a.subject in out.entities else a.subject, a.predicate)
                 for a in facts if isinstance(a, Assertion) and a.predicate in ("investsIn", "operates")}
    assert relations == {("コーラル・シー・エナジー社", "investsIn"), ("country-pg", "investsIn"),
                         ("コーラル・シー・エナジー社", "operates")}


def test_the_leads_talks_and_signing_are_the_ones_the_body_dates(read) -> None:
    text = ("竹下経済産業大臣政務官は、8月24日（日曜日）から8月28日（木曜日）にかけて、ナミビア共和国を訪問し、"
            "同国の鉱業担当閣僚と会談を行いました。\n"
            "8月25日（月曜日）、竹下政務官は、ナミビア共和国のトマス・ハイタンボ鉱山・エネルギー大臣と会談しました。\n")
    facts, _ = read(text, date="2025-08-29")
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert [(m.start, m.end) for m in meetings] == [("2025-08-25", "")]
    assert [f.type for f in facts if isinstance(f, Event) and f.end] == ["Visit"]  # the trip stays a visit


def test_an_announced_content_is_no_publication_and_is_dated_by_the_meeting(read) -> None:
    text = ("12月11日（木曜日）、経済産業省は、東京において「第1回日・中央アジア重要鉱物閣僚会合」を開催しました。\n"
            "参加国・機関\n"
            "・また、日本と中央アジア5か国は、「日・中央アジア重要鉱物サプライチェーン・イニシアティブ」（JCAMI）を立ち上げ、"
            "同イニシアティブの下で、JOGMECが2026年度から3年間で研修を実施することを発表しました。\n")
    facts, _ = read(text, date="2025-12-12")
    assert not any(isinstance(f, Event) and f.type == "Publication" for f in facts)
    launch = next(f for f in facts if isinstance(f, Event) and f.type == "Establishment")
    assert launch.start == "2025-12-11" and "region-central-asia" in {p.entity for p in launch.participants}


def test_a_mine_is_a_project_and_numbers_of_a_meeting_are_about_it(read) -> None:
    text = ("翌26日、竹下政務官は、日本企業2社が出資する「ツムガブ・ウラン鉱山」を視察しました。\n"
            "同鉱山は年間約3,000トンのウランを生産しています。\n"
            "同日夕刻には、「日・ナミビア鉱業ビジネス交流会」に出席し、約60名の参加者に対し、日本の鉱業政策について講演しました。\n")
    facts, out = read(text, date="2025-08-29")
    mine = next(e for e in out.entities.values() if e.label_ja == "ツムガブ・ウラン鉱山")
    assert mine.cls == "Project"
    tonnes = next(f for f in facts if isinstance(f, StatedQuantity) and f.unit == "t")
    assert mine.id in tonnes.about
    people = next(f for f in facts if isinstance(f, StatedQuantity) and f.value == Decimal(60))
    assert any(out.entities[e].label_ja == "日・ナミビア鉱業ビジネス交流会" for e in people.about if e in out.entities)


SUMMARY_BLOCK = (
    "JOGMECは、アンデス・コッパー社が操業するチリ共和国の銅鉱山開発事業への出資を決定しました。\n"
    "■案件概要\n"
    "プロジェクト名：サンタ・ロサ銅プロジェクト\n"
    "所在地：チリ共和国アタカマ州\n"
    "オペレーター：アンデス・コッパー社（権益60%）\n"
    "対象鉱種：銅、モリブデン\n"
    "契約相手：アンデス・コッパー社\n"
)


def test_a_summary_block_relates_its_lines_to_the_project_it_names(read) -> None:
    facts, out = read(SUMMARY_BLOCK, issuer="org-jogmec")
    labels = labels_of(out)
    told = relations_by_label(facts, labels)
    project, company = "サンタ・ロサ銅プロジェクト", "アンデス・コッパー社"
    assert {(company, "operates", project), (project, "concernsResource", "resource-copper"),
            (project, "concernsResource", "resource-molybdenum"), (project, "location", "アタカマ州"),
            ("org-jogmec", "hasContractWith", company)} <= told
    assert (project, "location", "country-cl") not in told  # チリ共和国アタカマ州: the country designates the place


SIGNATORIES = (
    "JOGMECは、2月6日、ザンビア地質調査所（以下「GSZ」）及び国立研究開発法人産業技術総合研究所（以下「産総研」）"
    "との間で、共同探査に関する協定を締結しました。"
    "署名式では、JOGMECの北村理事、GSZのムレンガ長官及び産総研地質調査総合センターの長谷部センター長が本協定に署名しました。\n"
)


def test_signatories_written_with_their_bodies_are_one_list(read) -> None:
    facts, out = read(SIGNATORIES, date="2025-02-07")
    labels = labels_of(out)
    (signing,) = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    signed = {labels.get(p.entity, p.entity) for p in signing.participants if p.role == "Signatory"}
    assert {"org-jogmec", "org-aist", "ザンビア地質調査所"} <= signed  # 「A（…）及び国立研究開発法人B（…）との間で」
    assert {"北村", "ムレンガ", "長谷部"} <= signed  # 「Xの北村理事、GSZのムレンガ長官及び…の長谷部センター長が」
    parts = {(labels.get(f.subject, f.subject), f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "partOf"}
    assert ("地質調査総合センター", "org-aist") in parts


@pytest.mark.parametrize("text", [
    "JOGMECは、4月2日、北辰鉱業株式会社（以下「北辰鉱業」）及び同社の100%子会社であるNorthern Star Exploration Ltd.（以下「NSE社」）"
    "との間で、共同調査実施契約を締結しました。",
    "JOGMECは、4月2日、北辰鉱業株式会社及びカナダの探鉱会社であるNorthern Star Exploration Ltd.との間で、共同調査実施契約を締結しました。",
])
def test_a_body_described_before_its_name_stays_in_the_list_of_parties(read, text) -> None:
    """「A及び同社の100%子会社であるBとの間で」: A and B both sign; 同社 and カナダ only say what B is."""
    facts, out = read(text, date="2025-04-03")
    labels = labels_of(out)
    (signing,) = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    signed = {labels.get(p.entity, p.entity) for p in signing.participants if p.role == "Signatory"}
    assert {"org-jogmec", "北辰鉱業株式会社", "Northern Star Exploration Ltd."} <= signed
    assert "country-ca" not in signed


SUMMIT = (
    "本12日（木曜日）、石破茂内閣総理大臣は、来日中のフアン・ロペス・チリ共和国大統領と首脳会談を行い、"
    "「日・チリ戦略的パートナーシップに関する共同声明」に署名しました。\n"
    "3　両首脳の立会いの下、国際協力銀行（JBIC）とチリ共和国財務省との間で、鉱業分野の金融協力に関する覚書の署名が行われました。\n"
)


def test_a_second_signing_at_the_same_occasion_is_its_own_event_with_witnesses(read) -> None:
    facts, out = read(SUMMIT, date="2025-06-12")
    labels = labels_of(out)
    signings = {frozenset((labels.get(p.entity, p.entity), p.role) for p in f.participants): f.start
                for f in facts if isinstance(f, Event) and f.type == "Signing"}
    assert len(signings) == 2 and set(signings.values()) == {"2025-06-12"}
    (loan_mou,) = [s for s in signings if ("org-jbic", "Signatory") in s]
    assert ("person-ishiba-shigeru", "Attendee") in loan_mou  # 「両首脳の立会いの下」: witnesses, not signatories
    assert ("チリ共和国財務省", "Signatory") in loan_mou  # チリ共和国財務省 is Chile's, not Japan's org-mof


LISTED = (
    "武藤経済産業大臣は、2月13日、東京で開催された「日豪水素官民フォーラム」に出席しました。\n"
    "本フォーラムの機会に、以下の3件の協力文書が署名されました。\n"
    "・経済産業省と豪州産業省との間の「水素サプライチェーンに関する協力覚書」（武藤大臣及びハーパー大臣が署名）\n"
    "・JOGMECとクイーンズランド州政府との間の「重要鉱物の共同調査に関する覚書」\n"
    "・国際協力銀行（JBIC）と西オーストラリア州政府との間の「水素事業への金融協力に関する覚書」\n"
    "同日、武藤大臣はハーパー大臣と会談しました。\n"
)


def test_each_bullet_under_an_announced_list_is_one_signing(read) -> None:
    facts, out = read(LISTED, date="2025-02-14", voice="country-jp")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    signed = sorted(sorted(labels.get(p.entity, p.entity) for p in s.participants) for s in signings)
    assert signed == [["org-jbic", "西オーストラリア州政府"], ["org-jogmec", "クイーンズランド州政府"],
                      ["person-muto-yoji", "ハーパー"]]  # the signers in brackets sign, not their ministries
    assert {s.start for s in signings} == {"2025-02-13"}
    assert all(s.about for s in signings)  # each is about the agreement its bullet names
    assert all(s.date_source == "CarriedFromContext" for s in signings)


def test_a_heading_announces_the_signings_its_bullets_list(read) -> None:
    """「■会合の機会に交わされた協力文書」 over 「・AとB：…に関する覚書」 bullets: each bullet is a signing by
    its two parties of the agreement after the colon, told at the meeting and dated by it (carried): the
    「…閣僚会合」 the heading's 会合 names, not the forum told since."""
    text = ("3月5日、東京で第3回日・チリ鉱業閣僚会合が開催されました。\n"
            "本会合に先立ち、4日には「日・チリ鉱業ビジネスフォーラム」が開かれました。\n"
            "■会合の機会に交わされた協力文書（計2件）\n"
            "・経済産業省とチリ鉱業省：鉱業分野の協力に関する覚書\n"
            "・JOGMECとチリ銅委員会（COCHILCO）：銅資源の共同調査に関する覚書\n")
    facts, out = read(text, date="2025-03-07", voice="country-jp")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    signed = sorted(sorted(labels.get(p.entity, p.entity) for p in s.participants) for s in signings)
    assert signed == [["org-jogmec", "チリ銅委員会"], ["org-meti", "チリ鉱業省"]]
    assert {s.start for s in signings} == {"2025-03-05"}
    assert all(s.about and s.date_source == "CarriedFromContext" for s in signings)
    plain = text.replace("■会合の機会に交わされた協力文書（計2件）", "■会合の概要")
    assert not [f for f in read(plain, date="2025-03-07", voice="country-jp")[0]
                if isinstance(f, Event) and f.type == "Signing"]


def test_the_lender_of_a_loan_agreement_finances_the_borrower(read) -> None:
    """「JBICは、X国法人A社との間で、融資金額…を限度とする貸付契約を締結」: JBIC finances A社 (no contract
    held with it, no cooperation); a memorandum signed the same way is cooperation, not finance."""
    text = ("株式会社国際協力銀行（JBIC）は、5月20日、チリ共和国法人アタカマ・カッパー社との間で、"
            "融資金額300百万米ドル（JBIC分）を限度とするプロジェクトファイナンスの貸付契約を締結しました。\n")
    facts, out = read(text, date="2025-05-21", issuer="org-jbic", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert ("org-jbic", "finances", "アタカマ・カッパー社") in told
    assert not any(p in ("hasContractWith", "cooperatesWith") for _, p, _ in told)
    memo = text.replace("融資金額300百万米ドル（JBIC分）を限度とするプロジェクトファイナンスの貸付契約", "銅資源分野の協力に関する覚書")
    facts, out = read(memo, date="2025-05-21", issuer="org-jbic", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert ("org-jbic", "cooperatesWith", "アタカマ・カッパー社") in told
    assert not any(p == "finances" for _, p, _ in told)


def test_two_bodies_that_organise_an_event_together_cooperate(read) -> None:
    """「AとBの共催により「…フォーラム」が開かれ」: the two organisers cooperate; two people who organise
    together (「X大臣とY大臣の共催により」) are no bodies and relate to no one by it."""
    text = ("7日、日本貿易振興機構（JETRO）とフィリピン貿易産業省投資委員会（BOI）の共催により、"
            "マニラで「日・フィリピン官民投資フォーラム」が開かれました。\n")
    facts, out = read(text, date="2026-10-09", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "cooperatesWith"} in (
        {("org-jetro", "フィリピン貿易産業省投資委員会")}, {("フィリピン貿易産業省投資委員会", "org-jetro")})
    people = text.replace("日本貿易振興機構（JETRO）とフィリピン貿易産業省投資委員会（BOI）", "武藤経済産業大臣とロペス・エネルギー長官")
    facts, out = read(people, date="2026-10-09", voice="country-jp")
    assert not any(p == "cooperatesWith" for _, p, _ in relations_by_label(facts, labels_of(out)))


def test_the_countries_of_two_ministers_who_agree_in_talks_cooperate(read) -> None:
    """「X大臣は、カザフスタン共和国のY大臣と会談し、…を加速することで一致」: Japan and Kazakhstan cooperate;
    talks that tell no agreement (「…と東京で会談しました」) relate the countries by nothing."""
    agreed = ("12月10日、赤澤経済産業大臣は、カザフスタン共和国のサトパエフ産業・建設大臣と会談し、"
              "同国におけるレアメタル案件の形成を加速することで一致しました。\n")
    facts, out = read(agreed, date="2025-12-12", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert ("country-jp", "cooperatesWith", "country-kz") in told
    met = "12月10日、赤澤経済産業大臣は、カザフスタン共和国のサトパエフ産業・建設大臣と東京で会談しました。\n"
    facts, out = read(met, date="2025-12-12", voice="country-jp")
    assert ("country-jp", "cooperatesWith", "country-kz") not in relations_by_label(facts, labels_of(out))


def test_who_invests_in_a_company_named_after_a_relative_clause(read) -> None:
    """「JOGMEC及び双日株式会社が出資する日豪レアアース株式会社（JARE）が、…」: both invest in the company the
    relative clause describes."""
    text = "2011年には、JOGMEC及び双日株式会社が出資する日豪レアアース株式会社（JARE）が、ライナス社に融資しました。\n"
    facts, out = read(text, date="2012-06")
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "investsIn"} == {("org-jogmec", "日豪レアアース株式会社"),
                                                              ("org-sojitz", "日豪レアアース株式会社")}


def test_bodies_that_sign_an_agreement_with_each_other_cooperate(read) -> None:
    facts, out = read(SIGNATORIES, date="2025-02-07", voice="country-jp")
    labels = labels_of(out)
    told = relations_by_label(facts, labels)
    assert ("org-jogmec", "cooperatesWith", "ザンビア地質調査所") in told  # the document's own side first
    assert not any(p == "cooperatesWith" and "北村" in (s, o) for s, p, o in told)  # people sign; bodies cooperate
    loan, _ = read("JBICは、2日、ミナス銅山株式会社との間で貸付契約を締結しました。", date="2025-09-03", voice="country-jp")
    assert not any(isinstance(f, Assertion) and f.predicate in ("cooperatesWith", "hasContractWith") for f in loan)


def test_three_parties_named_by_their_number(read) -> None:
    text = SIGNATORIES + "本協定に基づき、3者は、2025年度から2年間、同国北部において共同探査を実施します。\n"
    facts, out = read(text, date="2025-02-07", voice="country-jp")
    labels = labels_of(out)
    actions = [f for f in facts if isinstance(f, Action) and "実施" in f.lemma]
    assert actions and {"org-jogmec", "org-aist", "ザンビア地質調査所"} <= {
        labels.get(p.entity, p.entity) for p in actions[0].participants}  # 「3者は」: the three who signed


def test_a_foreign_person_takes_the_english_the_document_gives(read) -> None:
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS
    from resdip.rdf.emit import emit_text_entity
    from resdip.vocab import RD

    text = ("本12日、石破茂内閣総理大臣は、訪日中のルイス・アルベルト・カスタニェダ・ペルー共和国大統領"
            "（H.E. Mr. Luis Alberto Castañeda, President of the Republic of Peru）と首脳会談を行いました。\n")
    _, out = read(text, date="2025-06-12")
    (person,) = [e for e in out.entities.values() if e.label_ja == "ルイス・アルベルト・カスタニェダ"]
    g = Graph()
    emit_text_entity(g, person)
    labels = {o for o in g.objects(None, RDFS.label) if getattr(o, "language", "") == "en"}
    assert labels == {Literal("Luis Alberto Castañeda", lang="en")}  # no honorific, no post
    assert not list(g.triples((None, RD.machineLabel, None)))  # the document's own English, not a romanisation


def test_every_member_of_a_listed_subject_takes_part(read) -> None:
    facts, _ = read("2020年12月、日本、米国及び豪州は、「重要鉱物サプライチェーン・イニシアティブ」を立ち上げました。\n")
    (established,) = [f for f in facts if isinstance(f, Event) and f.type == "Establishment"]
    assert {p.entity for p in established.participants} >= {"country-jp", "country-us", "country-au"}


def test_who_surveys_or_trains_where_is_read_from_the_clause(read) -> None:
    """A survey or training clause relates its agents to where it takes place; a province written
    after its country (and a compass part of it) stands for that country; cooperation in a place
    (「…における協力」) names no partner."""
    facts, out = read(
        "JOGMECは、ザンビア地質調査所及び産業技術総合研究所と共同研究協定を締結しました。\n"
        "本協定に基づき、3者は、2025年度から、タンザニア南部のルブマ州において黒鉛の共同地質調査を実施します。\n"
        "また、JOGMECは、ベトナム及びラオスの政府職員約30名を対象とした研修を実施しました。\n"
        "JOGMECは、モンゴルにおける探査協力を進めます。\n"
        "なお、JOGMECは、チリでは探査を実施しません。\n")
    relations = relations_by_label(facts, labels_of(out))
    surveyed = {(s, o) for s, p, o in relations if p == "surveysIn"}
    assert surveyed == {("org-jogmec", "country-tz"), ("org-aist", "country-tz"), ("ザンビア地質調査所", "country-tz")}
    assert {o for s, p, o in relations if p == "trainsIn" and s == "org-jogmec"} == {"country-vn", "country-la"}
    assert ("ルブマ州", "partOf", "country-tz") in relations
    assert not any(o == "country-mn" for _, p, o in relations if p in ("cooperatesWith", "surveysIn"))


def test_a_place_written_after_its_country_with_no_or_in_brackets_lies_in_it(read) -> None:
    """「カナダのブリティッシュコロンビア州」, 「チリ共和国（マガジャネス州）」: the place lies in the country; a
    place the registry knows (an ocean after 「メキシコの」) is not made part of it."""
    facts, out = read("JOGMECは、カナダのブリティッシュコロンビア州でシェールガス開発に参画する企業に債務保証を行いました。\n"
                      "実施国：チリ共和国（マガジャネス州）\n"
                      "同国はメキシコの太平洋岸でLNG輸出事業を計画しています。\n")
    parts = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "partOf"}
    assert ("ブリティッシュコロンビア州", "country-ca") in parts and ("マガジャネス州", "country-cl") in parts
    assert not any(o == "country-mx" for _, o in parts)


def test_a_joint_survey_with_a_foreign_partner_is_in_the_partners_country(read) -> None:
    """「JOGMECは、プルタミナとの間で、油田の共同調査を実施」: the survey is in Indonesia, Pertamina's country
    (the registry's); a survey with a Japanese partner names no country."""
    facts, out = read("JOGMECは、プルタミナとの間で、油田の共同調査を実施しています。\n"
                      "JOGMECは、三井物産との間で、ガス田の共同調査を実施しています。\n")
    surveyed = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "surveysIn"}
    assert surveyed == {("org-jogmec", "country-id")}


def test_the_deal_a_release_calls_this_matter_is_its_issuers(read) -> None:
    """「本件は、…を融資するものです」 in a JBIC release: JBIC finances the project, not the sponsors
    named inside it nor the insurer of the sentence before; 本件 names no one for a generic action."""
    facts, out = read(
        "株式会社国際協力銀行（JBIC）は、3月10日、ペルー共和国のアンデス銅社との間で貸付契約を締結しました。\n"
        "このうち民間金融機関分については、株式会社日本貿易保険（NEXI）が保険を引き受けています。\n"
        "本件は、アンデス銅社とさくら鉱業株式会社が推進する「ミラフローレス銅プロジェクト」の開発資金を融資するものです。\n",
        issuer="org-jbic")
    relations = relations_by_label(facts, labels_of(out))
    financed = {(s, o) for s, p, o in relations if p == "finances"}
    assert ("org-jbic", "ミラフローレス銅プロジェクト") in financed
    assert not any(s in ("org-nexi", "アンデス銅社", "さくら鉱業株式会社") for s, _ in financed)
    actions = [f for f in facts if isinstance(f, Action)]
    assert not any(p.entity == "org-jbic" and p.implicit for a in actions for p in a.participants if a.lemma == "融資する")


def test_two_parties_a_clause_names_together_cooperate(read) -> None:
    """「AとBとの間の「…協力覚書」に署名」 and 「AとBの協力」 relate A and B (the own side first); two
    partners of an unnamed Japan (「サウジアラビアやUAE等との間で」) are not each other's, nor are the
    parties of a body that concludes with both (「JOGMECは、A及びBとの間で…契約を締結」)."""
    facts, out = read(
        "会談後、武藤大臣とモロイ大臣は、ボツワナ共和国鉱物・エネルギー省と経済産業省との間の「鉱物資源分野の協力に関する覚書」に署名しました。\n"
        "両大臣は、JOGMECとアルゼンチン鉱業庁の協力を進めていくことで一致しました。\n"
        "引き続き、サウジアラビアやUAE等との間で、産学の連携強化を行いました。\n"
        "JOGMECは、カナダのノースリッジ社及び白峰商事株式会社との間で共同探鉱契約を締結しました。\n",
        voice="country-jp")
    relations = relations_by_label(facts, labels_of(out))
    assert ("org-meti", "cooperatesWith", "ボツワナ共和国鉱物・エネルギー省") in relations
    assert ("org-jogmec", "cooperatesWith", "アルゼンチン鉱業庁") in relations
    assert not {("country-sa", "cooperatesWith", "country-ae"), ("country-ae", "cooperatesWith", "country-sa")} & relations
    assert not any({s, o} == {"ノースリッジ社", "白峰商事株式会社"} for s, _, o in relations)


def test_shares_in_brackets_after_their_suppliers_and_shares_of_imports(read) -> None:
    """「輸入先は、豪州（約21%）、カタール（約18%）の順」 (the resource named in the sentence before);
    「輸入量に占める割合を見ると、レアアースでは中国が約6割」."""
    facts, _ = read("我が国の2013年度のLNG輸入量は約8,800万トンでした。"
                    "輸入先は、豪州（約21%）、カタール（約18%）、マレーシア（約17%）の順となっています。\n"
                    "2023年の我が国の輸入量に占める割合を見ると、レアアースでは中国が約6割、炭酸リチウムではチリが約5割となっています。\n")
    shares = {(s.resource, s.suppliers, s.value) for s in facts if isinstance(s, SupplyShare)}
    assert shares == {("resource-lng", ("country-au",), Decimal("21")), ("resource-lng", ("country-qa",), Decimal("18")),
                      ("resource-lng", ("country-my",), Decimal("17")),
                      ("resource-rare-earths", ("country-cn",), Decimal("60")),
                      ("resource-lithium", ("country-cl",), Decimal("50"))}


def test_a_second_opening_marker_names_the_event_continued(read) -> None:
    """「また、本対話の終了後、…署名されました」 is dated by the dialogue, not by a plan told in between
    (「次回の本対話を平成27年に東京で開催すること」)."""
    facts, _ = read(
        "平成26年1月8日、クウェート市において、第1回日・クウェート・エネルギー政策対話（以下「本対話」）が開催されました。\n"
        "両大臣は、次回の本対話を平成27年に東京で開催することで合意しました。\n"
        "また、本対話の終了後、KPCとJOGMECとの間で「人材育成分野の協力に関する覚書」が署名されました。\n",
        date="2014-01-10")
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert [s.start for s in signings] == ["2014-01-08"]


def test_the_same_post_names_its_holder_and_after_the_signing_continues_it(read) -> None:
    """「同次官」 is the one named with 次官, not the minister of the same sentence; 「署名後、…会談し」 is
    dated by the signing; タイランド湾 is a place, not a country."""
    facts, out = read(
        "11月17日、経済産業省とタイ王国エネルギー省（プラサート・ウォンサワット次官）との間で、協力覚書に署名しました。\n"
        "同国南部のタイランド湾沖合にはガス田が複数あります。\n"
        "署名後、赤澤大臣は同次官と会談しました。\n", date="2025-11-18")
    labels = labels_of(out)
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert [(m.start, sorted(labels.get(p.entity, p.entity) for p in m.participants)) for m in meetings] == [
        ("2025-11-17", sorted(["person-akazawa-ryosei", "プラサート・ウォンサワット"]))]
    assert not any(e.cls == "Country" and "タイランド" in e.label_ja for e in out.entities.values())


def test_signers_in_brackets_after_their_bodies_sign(read) -> None:
    """「経済産業省（松平経済産業審議官）とタイ王国エネルギー省（プラサート次官）との間で…に署名」: four
    signatories, and the two bodies cooperate (not Japan with its own ministry)."""
    facts, out = read("11月17日、経済産業省（松平経済産業審議官）とタイ王国エネルギー省（プラサート・ウォンサワット次官）との間で、"
                      "バンコクにおいて「CCS分野における協力覚書」に署名しました。\n", date="2025-11-18", voice="country-jp")
    labels = labels_of(out)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    signed = {labels.get(p.entity, p.entity) for p in signing.participants if not p.implicit}
    assert signed == {"org-meti", "タイ王国エネルギー省", "松平", "プラサート・ウォンサワット"}
    relations = relations_by_label(facts, labels)
    assert ("org-meti", "cooperatesWith", "タイ王国エネルギー省") in relations
    assert ("country-jp", "cooperatesWith", "org-meti") not in relations


def test_investors_who_decide_to_invest_through_a_vehicle(read) -> None:
    """「AとBは、CをJを通じて…D社に出資することを決定」: A and B invest (the content's subject is who
    decides), through the vehicle C, which invests in D; a name in the brackets after A does not end
    the list of the subject."""
    facts, out = read(
        "JOGMEC（本部：東京都港区、理事長：宮坂 圭介）と東邦通商株式会社（本社：東京都千代田区）は、"
        "日伯レアアース株式会社を通じて、ブラジル法人Terras Raras do Cerrado S.A.に出資することを決定しました。\n",
        issuer="org-jogmec")
    invested = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "investsIn"}
    assert {("org-jogmec", "日伯レアアース株式会社"), ("東邦通商株式会社", "日伯レアアース株式会社"),
            ("日伯レアアース株式会社", "Terras Raras do Cerrado S.A."),
            ("org-jogmec", "Terras Raras do Cerrado S.A.")} <= invested


def test_an_amount_lent_is_about_the_project_the_release_is_about(read) -> None:
    """A loan amount told before the body names the project (「…プロジェクトに対する融資」 in the
    headline) is about that project too: what the loan pays for."""
    facts, out = read("インドネシア共和国・ブキット・ラヤLNGプロジェクトに対する融資\n"
                      "株式会社国際協力銀行（JBIC）は、9月10日、プルタミナとの間で、融資金額600百万米ドルを限度とする貸付契約を締結しました。\n",
                      date="2024-09-12", issuer="org-jbic")
    labels = labels_of(out)
    amount = next(f for f in facts if isinstance(f, StatedQuantity) and f.unit == "USD")
    assert "ブキット・ラヤLNGプロジェクト" in {labels.get(e, e) for e in amount.about}


VISIT = (
    "2月3日（月曜日）、武藤経済産業大臣は、来日中のナミビア共和国のシパンガ鉱山・エネルギー大臣と会談しました。\n"
    "会談には、昨年同国を訪問した石破内閣総理大臣も同席しました。\n"
    "本会談には、両国の政府関係者約30名が出席しました。\n"
    "会談後、両大臣は、「日・ナミビア鉱物資源協力に関する共同声明」に署名しました。\n"
    "共同声明には、JOGMECによる探査協力が盛り込まれています。\n"
)


def test_a_pair_stands_for_those_who_met_and_the_voice(read) -> None:
    """両大臣 are the two ministers of the talks, not a prime minister named since; 両国 after one foreign
    country is it and the country the document speaks for; 共同声明 alone is the statement named before."""
    facts, out = read(VISIT, date="2025-02-04", voice="country-jp")
    labels = labels_of(out)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    signers = {labels.get(p.entity, p.entity) for p in signing.participants if not p.implicit}
    assert signers == {"person-muto-yoji", "シパンガ"}, signers
    attended = next(f for f in facts if isinstance(f, StatedQuantity) and f.value == Decimal("30"))
    assert {"country-jp", "country-na"} <= set(attended.about) or any(
        isinstance(f, Action) and {"country-jp", "country-na"} <= {p.entity for p in f.participants} for f in facts)
    statement = next(e for e in out.entities.values() if e.label_ja.endswith("共同声明"))
    held = [f for f in facts if isinstance(f, Action) and statement.id in {p.entity for p in f.participants}
            and "org-jogmec" in {p.entity for p in f.participants}]
    assert held, facts


def test_who_decides_does_what_is_decided(read) -> None:
    """「AとBが覚書を締結し、…で共同調査を行うこととしました」: the two survey; 「…ことで一致」 leaves the
    content's subject unsaid."""
    facts, out = read("2013年10月には、JOGMECとタンザニア鉱業省が地質調査に関する覚書を締結し、"
                      "同国南部のルブマ州において、共同調査を行うこととしました。\n")
    surveys = {(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "surveysIn"}
    assert ("org-jogmec", "country-tz") in surveys, surveys


def test_numbers_of_a_project_and_the_length_of_talks(read) -> None:
    """A volume or share whose sentence names no project is the release's project's; the length of
    talks told with their series (「日・チリ首脳会談」) is about that series too."""
    facts, out = read(
        "JOGMECは、「アタカマ・リチウムプロジェクト」への出資を決定しました。\n"
        "生産される炭酸リチウムの約3割は、日本の電池メーカーが引き取ります。\n"
        "5日午後3時から約40分間、石破内閣総理大臣は、「日・チリ首脳会談」を行いました。\n", date="2025-03-06")
    labels = labels_of(out)
    by_value = {f.value: {labels.get(e, e) for e in f.about} for f in facts if isinstance(f, StatedQuantity)}
    assert "アタカマ・リチウムプロジェクト" in by_value[Decimal("30")], by_value
    assert "日・チリ首脳会談" in by_value[Decimal("40")], by_value


def test_a_pair_before_cooperation_relates_its_two(read) -> None:
    """「両国の…協力の進展を歓迎」: 両国 is one list of two, who cooperate."""
    facts, _ = read("2月3日、武藤経済産業大臣はナミビア共和国を訪問しました。\n"
                    "武藤大臣は、両国の鉱物資源協力の進展を歓迎しました。\n", voice="country-jp")
    assert ("country-jp", "cooperatesWith", "country-na") in {
        (f.subject, f.predicate, f.object) for f in facts if isinstance(f, Assertion)}


def test_who_holds_a_stake_invests_in_the_project(read) -> None:
    """「X社は本プロジェクトの権益20%を保有」 and 「Y社（権益80%）」: both invest in the project; a share of
    a company's stock (「同社株式の49%」) is not one of the project but of that company."""
    facts, out = read("JOGMECは、「ノルテ銅プロジェクト」への出資を決定しました。\n"
                      "北辰マテリアルズ株式会社は本プロジェクトの権益20%を保有しており、オペレーターは"
                      "アンデス・カッパー社（権益80%）が務めています。\n"
                      "南星鉱業株式会社が同社株式の49%を保有しています。\n")
    labels = labels_of(out)
    invests = {(labels.get(f.subject, f.subject), labels.get(f.object, f.object)) for f in facts
               if isinstance(f, Assertion) and f.predicate == "investsIn"}
    assert {("北辰マテリアルズ株式会社", "ノルテ銅プロジェクト"), ("アンデス・カッパー社", "ノルテ銅プロジェクト")} <= invests
    # the share of the company's stock makes its holder invest in that company (同社), not in the project
    assert {o for s, o in invests if s == "南星鉱業株式会社"} == {"アンデス・カッパー社"}, invests


DIALOGUE = (
    "8月5日、武藤経済産業大臣は、チリ共和国のロペス鉱業大臣とともに第3回日チリ鉱業対話を共同議長として開催しました。\n"
    "本対話には、チリ側からガルシア・エネルギー大臣も出席しました。\n"
    "両大臣は、銅の安定供給に向けた協力の進捗を確認しました。\n"
    "なお、チリは2024年に鉱物安全保障パートナーシップ（MSP）に加わっています。\n"
)


def test_co_chairs_are_the_pair_a_later_sentence_names(read) -> None:
    """「Bとともに…を共同議長として開催」: both chair; 両大臣 are the two chairs, not the minister who
    attended; 「MSPに加わっています」 makes a member."""
    facts, out = read(DIALOGUE, date="2025-08-06", voice="country-jp")
    labels = labels_of(out)
    dialogue = next(f for f in facts if isinstance(f, Event) and f.type == "Dialogue")
    chairs = {labels.get(p.entity, p.entity) for p in dialogue.participants if p.role == "Chair"}
    assert chairs == {"person-muto-yoji", "ロペス"}, chairs
    confirmed = [f for f in facts if isinstance(f, Action) and f.lemma == "確認する"]
    people = {labels.get(p.entity, p.entity) for p in confirmed[0].participants if p.entity.startswith(("person", "candidate-person"))}
    assert people == {"person-muto-yoji", "ロペス"}, people
    from resdip.extract.facts import Membership
    assert any(isinstance(f, Membership) and f.member == "country-cl" and f.organization == "partnership-msp" for f in facts)


def test_an_event_block_dates_and_places_the_meeting_and_lists_its_parties(read) -> None:
    """「（1）日時・場所：…」 dates the meeting the release is about to its own day within the visit, and
    「（2）参加国・機関：…」 lists its participants, each line opening with its list number."""
    facts, _ = read(
        "武藤経済産業大臣は、3月4日（火曜日）から6日（木曜日）にかけてペルー共和国を訪問し、"
        "第2回日・ペルー鉱業大臣会合の共同議長を務めました。\n"
        "1．本会合の概要\n"
        "（1）日時・場所：2025年3月5日（水曜日）、リマ\n"
        "（2）参加国・機関：日本、ペルー、チリ及びアジア開発銀行（ADB）\n", date="2025-03-07", voice="country-jp")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    assert (meeting.start, meeting.end) == ("2025-03-05", "")
    assert {"country-cl", "org-adb"} <= {p.entity for p in meeting.participants}
    assert meeting.location


def test_shares_by_country_take_the_resource_named_before(read) -> None:
    """「国別に見ると、サウジアラビアが約38%、UAEが約25%を占め」: shares of the resource the section named."""
    facts, _ = read("我が国は原油輸入の大半を中東地域に依存しています。国別に見ると、サウジアラビアが約38%、"
                    "アラブ首長国連邦（UAE）が約25%を占めています。\n")
    shares = {(f.suppliers, f.value) for f in facts if isinstance(f, SupplyShare) and f.resource == "resource-crude-oil"}
    assert {(("country-sa",), Decimal("38")), (("country-ae",), Decimal("25"))} <= shares, shares


def test_export_controls_restrict_exports(read) -> None:
    facts, _ = read("中国は2023年8月にガリウム及びゲルマニウムの輸出管理を導入しました。\n")
    assert {("country-cn", "resource-gallium"), ("country-cn", "resource-germanium")} <= {
        (f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "restrictsExports"}


def test_a_visitor_described_in_passing_tells_no_visit(read) -> None:
    """「…外務大臣は、公式実務訪問中のX外務大臣と会談」: the counterpart's stay describes them; the
    subject visits nothing."""
    facts, _ = read("6月12日、岩屋外務大臣は、公式実務訪問中のガンゾリグ・モンゴル国外務大臣と外相会談を行いました。\n")
    assert not any(isinstance(f, Event) and f.type == "Visit" for f in facts)
    assert any(isinstance(f, Event) and f.type == "MinisterialMeeting" for f in facts)


def test_a_bilateral_dialogue_makes_its_two_countries_cooperate(read) -> None:
    facts, _ = read("1月8日、ドーハにおいて、第1回日・カタール・エネルギー政策対話が開催されました。\n",
                    date="2025-01-10", voice="country-jp")
    assert ("country-jp", "cooperatesWith", "country-qa") in {
        (f.subject, f.predicate, f.object) for f in facts if isinstance(f, Assertion)}


def test_a_country_supplies_what_is_made_there_and_bought_from_it(read) -> None:
    """「同国産ガリウム及びタングステンの対日供給」 and 「カザフスタンからのウラン調達」: the country supplies
    them; 「北米からのLNG調達の実現に向けて」 is a prospect, not a supply."""
    facts, _ = read("武藤大臣は、カザフスタン共和国の大臣と会談し、同国産ガリウム及びタングステンの対日供給の拡大に向けて"
                    "協力することで一致しました。\nまた、カザフスタンからのウラン調達について議論しました。\n"
                    "日本は、北米からのLNG調達の実現に向けて働きかけを強めています。\n", voice="country-jp")
    supplies = {(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "supplies"}
    assert {("country-kz", "resource-gallium"), ("country-kz", "resource-tungsten"),
            ("country-kz", "resource-uranium")} <= supplies, supplies
    assert ("region-north-america", "resource-lng") not in supplies


def test_a_survey_agreement_of_an_agency_is_a_survey_in_the_partner_country(read) -> None:
    facts, _ = read("2024年5月、JOGMECは、アブダビ国営石油会社（ADNOC）との間で、アブダビ沖合の鉱区における"
                    "共同調査に関する覚書を締結しました。\n", voice="country-jp")
    assert ("org-jogmec", "surveysIn", "country-ae") in {
        (f.subject, f.predicate, f.object) for f in facts if isinstance(f, Assertion)}


def test_a_defined_anaphor_stands_for_its_name_not_the_last_named(read) -> None:
    """「…大臣会合（以下「本会合」）」, then another meeting named: 本会合 is still the first one."""
    _, out = read("3月5日、武藤大臣は、第2回「日・アフリカ」鉱業大臣会合（以下「本会合」）の議長を務めました。\n"
                  "本会合は、2024年に東京で開かれた「日・アフリカ」官民フォーラムでの合意を受けて開かれました。\n"
                  "本会合に先立ち、JOGMECは鉱業セミナーを開催しました。\n", date="2025-03-06")
    mentions = [(out.entities.get(e).label_ja if e in out.entities else e, unit.norm[s:t]) for unit, s, t, e in out.mentions]
    meant = {label for label, surface in mentions if surface == "本会合"}
    assert meant == {"「日・アフリカ」鉱業大臣会合"}, meant


def test_a_visit_to_a_capital_is_hosted_by_its_country(read) -> None:
    """「ウズベキスタン共和国の首都タシケントを訪問」: the country hosts, the city is where."""
    facts, out = read("2月11日、赤澤経済産業大臣は、ウズベキスタン共和国の首都タシケントを訪問しました。\n", date="2026-02-13")
    visit = next(f for f in facts if isinstance(f, Event) and f.type == "Visit")
    assert ("country-uz", "Host") in {(p.entity, p.role) for p in visit.participants}
    assert [out.entities[e].label_ja for e in visit.location] == ["タシケント"]


def test_a_place_visited_with_no_country_said_is_where_not_a_host(read) -> None:
    """「ボケ州のカムサール港を訪れ」 (no country in the sentence): the port is where the visit was; only a country hosts."""
    facts, out = read("4月3日、堤政務官は、ボケ州のカムサール港を訪れ、積出設備を視察しました。\n", date="2027-04-05")
    visit = next(f for f in facts if isinstance(f, Event) and f.type == "Visit")
    assert not [p for p in visit.participants if p.role == "Host"], visit.participants
    assert "カムサール港" in [out.entities[e].label_ja for e in visit.location]


def test_a_produced_resource_shipped_to_japan_is_supplied_by_the_country_it_is_produced_in(read) -> None:
    """「…で生産される銅精鉱のうち約4割は、東邦メタルが…引き取る」, the country named the sentence before: Peru supplies
    copper; the offtaker's Japan does not."""
    facts, _ = read("JOGMECは、ペルー共和国南部のアンタ鉱山に出資しました。\n"
                    "同鉱山で生産される銅精鉱のうち約4割は、東邦メタルが長期契約に基づき引き取る予定です。\n",
                    voice="country-jp")
    supplies = {(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "supplies"}
    assert ("country-pe", "resource-copper") in supplies, supplies
    assert not {s for s, _ in supplies if s == "country-jp"}


def test_a_chokepoint_the_supply_passes_or_avoids_is_one_for_the_voice(read) -> None:
    """「…はホルムズ海峡やマラッカ海峡を経由しないため」: both straits are chokepoints of Japan's supply."""
    facts, _ = read("本プロジェクトからのLNG調達は、ホルムズ海峡やマラッカ海峡を経由しないため、調達先の多角化に資するものです。\n",
                    voice="country-jp")
    found = {(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "chokepointFor"}
    assert found == {("place-hormuz", "country-jp"), ("place-malacca", "country-jp")}, found


def test_a_shipment_only_weighed_is_no_supply(read) -> None:
    """「…で生産されるLNGの日本向け供給の可能性について意見交換」: a supply weighed, not told, relates nothing."""
    facts, _ = read("副大臣は、モザンビークのエネルギー大臣と会談し、同国で生産されるLNGの日本向け供給の可能性について"
                    "意見交換を行いました。\n", voice="country-jp")
    assert not [f for f in facts if isinstance(f, Assertion) and f.predicate == "supplies"]


def test_the_voice_standing_in_for_an_unnamed_actor_cooperates_with_countries_only(read) -> None:
    """「武藤大臣は、…KOMIRとの協力を歓迎」: no unnamed Japan–KOMIR cooperation is made up."""
    facts, _ = read("武藤大臣は、韓国鉱害鉱業公団（KOMIR）との協力の進展を歓迎しました。\n", voice="country-jp")
    assert not any(isinstance(f, Assertion) and f.subject == "country-jp" and f.predicate == "cooperatesWith"
                   and not f.object.startswith("country-") for f in facts)


def test_a_numbered_summary_block_describes_each_named_project(read) -> None:
    """「（1）案件名：X」 then 「実施者：A」, 「実施国：B」, 「想定生産量：年間約20万トン」: A operates X, X is in B,
    and the amount is X's."""
    facts, out = read("■採択案件一覧\n（1）案件名：ノーザン・グリーン水素事業\n　　実施国：カナダ\n"
                      "　　実施者：北辰水素株式会社\n　　想定生産量：年間約20万トン（水素）\n")
    labels = labels_of(out)
    relations = {(labels.get(f.subject, f.subject), f.predicate, labels.get(f.object, f.object))
                 for f in facts if isinstance(f, Assertion)}
    assert ("北辰水素株式会社", "operates", "ノーザン・グリーン水素事業") in relations
    assert ("ノーザン・グリーン水素事業", "location", "country-ca") in relations
    amount = next(f for f in facts if isinstance(f, StatedQuantity) and f.value == Decimal(200000))
    assert "ノーザン・グリーン水素事業" in {labels.get(e, e) for e in amount.about}


def test_a_count_of_who_attends_a_meeting_is_about_that_meeting(read) -> None:
    """「…で第3回日・カタール経済フォーラムが開催され、…約70名が参加」: the count is about the forum (its series),
    as a length of time of talks is about the talks."""
    facts, out = read("2024年9月には、東京で第3回日・カタール経済フォーラムが開催され、カタールから約70名が参加しました。")
    series = {f.series for f in facts if isinstance(f, Event) and f.series}
    (count,) = [f for f in facts if isinstance(f, StatedQuantity) and f.value == Decimal(70)]
    assert series and series <= set(count.about), (series, count.about)


def test_leaders_named_with_their_countries_meet(read) -> None:
    """「高市早苗日本国内閣総理大臣は、…大統領と、2026年5月13日、東京において首脳会談を行った」: talks."""
    facts, _ = read("高市早苗日本国内閣総理大臣は、訪日したロドリゴ・バルデス・チリ共和国大統領と、2026年5月13日、"
                    "東京において首脳会談を行った。", date="2026-05-14")
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert [m.start for m in meetings] == ["2026-05-13"]
    assert "person-takaichi-sanae" in {p.entity for p in meetings[0].participants}


def test_a_pair_of_ministers_goes_back_to_their_talks_past_a_policy_one_of_them_named(read) -> None:
    """「両大臣は」 after a sentence telling a plan one of them drew up (2024年に策定した「国家鉱業戦略」) continues
    the talks the two held, with the talks' date, not the plan's year."""
    facts, _ = read("3月11日（火曜日）、武藤経済産業大臣は、ペルー共和国のアルバラド・エネルギー鉱山大臣と会談しました。\n"
                    "アルバラド大臣は、同国が2024年に策定した「国家鉱業戦略」を紹介しました。\n"
                    "両大臣は、銅の探査で協力することで一致しました。\n")
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [a.start for a in agreed] == ["2025-03-11"], agreed


def test_bodies_that_revise_an_agreement_together_are_its_parties(read) -> None:
    """「経済産業省とカタール国エネルギー省がLNG分野の協力覚書を改訂」: a revision in which both take part
    (Participant: revising or publishing a document organises nothing), and the two cooperate as the
    parties to the memorandum."""
    facts, out = read("2019年11月には、経済産業省とカタール国エネルギー省がLNG分野の協力覚書を改訂しました。", date="2020-06-05")
    (revision,) = [f for f in facts if isinstance(f, Event) and f.type == "Revision"]
    assert {p.role for p in revision.participants} == {"Participant"}
    labels = labels_of(out)
    assert ("org-meti", "cooperatesWith", "カタール国エネルギー省") in relations_by_label(facts, labels) | {
        (labels.get(o, o), p, s) for s, p, o in relations_by_label(facts, labels)}


@pytest.mark.parametrize("sentence", [
    "我が国の原油輸入量は約1億9,000万キロリットルでした。国別ではサウジアラビアが約35%、カタールが約9%となっています。",
    "LNGの輸入先は豪州が約4割と最も大きく、カタールが約1割でこれに続いています。",
    "2029年度の原油輸入に占める中東地域の割合は約9割でした。国別の内訳は、サウジアラビア（41.0%）、カタール（7.5%）の順です。",
])
def test_a_breakdown_of_imports_by_supplier_gives_each_its_share(read, sentence) -> None:
    """「国別では A が約35%、B が約9%」, 「輸入先は A が約4割と最も大きく」: shares by supplier, of the resource
    the sentence (or the one before it) names, each supplier supplying it."""
    facts, _ = read(sentence)
    shares = {(f.suppliers, f.value) for f in facts if isinstance(f, SupplyShare) and f.suppliers[0].startswith("country-")}
    first, second = sorted(shares, key=lambda s: -s[1])  # (the Middle East's share is the region's, not a breakdown)
    assert first[0] in (("country-sa",), ("country-au",)) and second[0] == ("country-qa",), shares
    resource = next(f.resource for f in facts if isinstance(f, SupplyShare))
    assert ("country-qa", "supplies", resource) in {(f.subject, f.predicate, f.object) for f in facts
                                                    if isinstance(f, Assertion)}


def test_the_opening_of_a_meeting_continues_it(read) -> None:
    """「開会に当たり、武藤経済産業大臣が挨拶を行いました」 after the meeting's sentence is told at it, on its date."""
    facts, _ = read("9月16日（火曜日）、東京で第3回日豪資源フォーラムが開催されました。\n"
                    "開会に当たり、武藤経済産業大臣が挨拶を行いました。\n", date="2025-09-17")
    holdings = [(f.person, f.date) for f in facts if type(f).__name__ == "PostHolding"]
    assert ("person-muto-yoji", "2025-09-16") in holdings, holdings


def test_a_post_told_in_the_gloss_of_its_body_is_held_on_the_documents_date(read) -> None:
    """「独立行政法人エネルギー・金属鉱物資源機構（本部：東京都港区、理事長：栗山 隆、以下「JOGMEC」）は、
    1月30日、…」: the release shows who holds the body's post on its own date (not the date of the deal)."""
    facts, out = read("独立行政法人エネルギー・金属鉱物資源機構（本部：東京都港区、理事長：栗山 隆、以下「JOGMEC」）と"
                      "北洋エナジー開発株式会社（本社：東京都千代田区、代表取締役社長：沢渡 健吾）は、1月30日、"
                      "マレーシアの鉱区の権益を取得しました。", date="2026-02-05")
    labels = labels_of(out)
    holdings = {(labels.get(f.person, f.person), labels.get(f.post, f.post), f.date)
                for f in facts if type(f).__name__ == "PostHolding"}
    assert holdings == {("栗山 隆", "post-jogmec-president", "2026-02-05"),
                        ("沢渡 健吾", "代表取締役社長", "2026-02-05")}, holdings


def test_talks_on_the_occasion_of_a_meeting_after_the_subject(read) -> None:
    """「武藤経済産業大臣は、本会議の機会を捉え、…大臣と会談しました」: the occasion may follow the subject and be
    seized (を捉え) rather than used (に): the talks are told at the meeting, on its date."""
    facts, _ = read("9月16日（火曜日）、東京で「第3回日豪資源会議」が開催されました。\n"
                    "武藤経済産業大臣は、本会議の機会を捉え、カナダのジュリアン・トランブレ・エネルギー・天然資源大臣と"
                    "会談しました。\n", date="2025-09-17")
    talks = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert [t.start for t in talks] == ["2025-09-16"] and talks[0].at_event, talks


def test_each_co_lender_finances_the_borrower(read) -> None:
    """「A社に対する融資は、JBIC、B公社並びに株式会社C銀行及び株式会社D銀行の民間金融機関2行による協調融資で」:
    every body named between the borrower's loan and the co-financing lends to the borrower."""
    facts, out = read("ミナミ・リファイニング社に対する融資は、国際協力銀行（JBIC）並びに株式会社あおば銀行及び株式会社みなと銀行の"
                      "民間金融機関2行による協調融資です。")
    labels = labels_of(out)
    lent = {(labels.get(f.subject, f.subject), labels.get(f.object, f.object)) for f in facts
            if isinstance(f, Assertion) and f.predicate == "finances"}
    assert lent == {("org-jbic", "ミナミ・リファイニング社"), ("株式会社あおば銀行", "ミナミ・リファイニング社"),
                    ("株式会社みなと銀行", "ミナミ・リファイニング社")}, lent


def test_supply_from_a_new_country_serves_diversification(read) -> None:
    """「オマーンからの調達は供給源の多角化に資するものです」: the country the speaking government buys from is
    a target of its diversification."""
    facts, _ = read("日本はアンモニアの輸入の大半を2か国に依存しており、オマーンからの調達は供給源の多角化に資するものです。",
                    voice="country-jp")
    assert ("country-jp", "diversificationTarget", "country-om") in {
        (f.subject, f.predicate, f.object) for f in facts if isinstance(f, Assertion)}


def test_a_release_whose_project_diversifies_supply_names_the_projects_country(read) -> None:
    """「本プロジェクトからのLNG調達は、…我が国のLNG調達先の多角化に資するものです」 (a release's own deal told by
    本プロジェクト, not only 本件) and 「ナミビアを新たな調達先として重視」 name targets of diversification."""
    text = ("JBICは、ペルー共和国法人X社との間で、同国のLNGプロジェクトを対象とする貸付契約を締結しました。\n"
            "本プロジェクトからのLNG調達は、ホルムズ海峡を経由しないため、我が国のLNG調達先の多角化に資するものです。\n"
            "X大臣は、我が国のウラン輸入の約4割をカナダが占める状況を説明し、ナミビアを新たな調達先として重視している旨を述べました。\n")
    facts, _ = read(text, voice="country-jp")
    told = {(f.subject, f.predicate, f.object) for f in facts if isinstance(f, Assertion)}
    assert {("country-jp", "diversificationTarget", "country-pe"), ("country-jp", "diversificationTarget", "country-na")} <= told
    assert ("country-jp", "diversificationTarget", "country-ca") not in told


def test_shares_of_what_owns_the_topic_are_about_it(read) -> None:
    """「本鉱区の権益比率は、A社が60%、B社が40%です」: the shares are of the block, not only of their holders."""
    facts, out = read("2026年1月、みなと石油株式会社はマレーシアのSK-417鉱区の権益を取得しました。\n"
                      "本鉱区の権益比率は、アンダマン・ペトロリアム社が60%、みなと石油株式会社が40%です。\n")
    block = next(e.id for e in out.entities.values() if e.label_ja == "SK-417鉱区")
    shares = {f.value: f.about for f in facts if isinstance(f, StatedQuantity) and f.unit == "%"}
    assert block in shares[Decimal(60)] and block in shares[Decimal(40)], shares


def test_signings_listed_as_numbered_items_under_an_announcement_with_witnesses(read) -> None:
    """「両首脳の立会いの下、以下の2件の協力文書が署名されました。（1）AとBとの間の、…覚書（2）…」: a signing per
    item, on the talks' date, its parties the item's (a country written before a body with の signs nothing),
    the two leaders witnessing each."""
    facts, out = read("3月13日、岸田総理大臣は、来日したバイデン・米国大統領と首脳会談を行いました。\n"
                      "両首脳の立会いの下、以下の2件の協力文書が署名されました。\n"
                      "（1）独立行政法人エネルギー・金属鉱物資源機構（JOGMEC）と米国の国営企業であるノース・ミネラルズ社との間の、"
                      "重要鉱物の共同探査に関する覚書\n"
                      "（2）株式会社日本貿易保険（NEXI）と米国輸出入銀行との間の、資源案件の保険引受に関する協力覚書\n")
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert len(signings) == 2 and {s.start for s in signings} == {"2025-03-13"}, signings
    labels = labels_of(out)
    parties = [{labels.get(p.entity, p.entity) for p in s.participants if p.role == "Signatory"} for s in signings]
    assert {"org-jogmec", "ノース・ミネラルズ社"} in parties, parties
    assert all("country-us" not in p for p in parties)
    assert all("person-kishida-fumio" in {p.entity for p in s.participants if p.role == "Attendee"} for s in signings)


def test_signings_listed_after_a_signing_of_the_same_day_are_their_own_with_the_signers_posts(read) -> None:
    """「会談後、両首脳は「…共同声明」に署名しました。会談後、両首脳の立会いの下、以下の文書の署名・交換が行われました。
    （1）…覚書（栗山隆JOGMEC理事長とヤオ・クアシSODEMI総裁が署名）」: the list is not more of the statement's signing;
    its item is a signing of its own, and the signers hold their posts on its date."""
    facts, out = read("11月17日、高市総理大臣は、来日中のヨボウエ・コートジボワール共和国大統領と首脳会談を行いました。\n"
                      "両首脳は、JOGMECと同国鉱業開発公社（SODEMI）による共同調査を歓迎しました。\n"
                      "会談後、両首脳は「日・コートジボワール共同声明」に署名しました。\n"
                      "会談後、両首脳の立会いの下、以下の文書の署名・交換が行われました。\n"
                      "（1）JOGMECとSODEMIとの間のニッケル資源の共同調査に関する覚書"
                      "（栗山隆JOGMEC理事長とヤオ・クアシSODEMI総裁が署名）\n", date="2027-11-18")
    labels = labels_of(out)
    signers = [{labels.get(p.entity, p.entity) for p in f.participants if p.role == "Signatory"}
               for f in facts if isinstance(f, Event) and f.type == "Signing" and f.start == "2027-11-17"]
    assert {"栗山隆", "ヤオ・クアシ"} in signers, signers
    held = {(labels.get(f.person, f.person), f.date) for f in facts if isinstance(f, PostHolding)}
    assert {("栗山隆", "2027-11-17"), ("ヤオ・クアシ", "2027-11-17")} <= held, held


@pytest.mark.parametrize("sentence, insured", [
    ("株式会社日本貿易保険（NEXI）は、2月25日、株式会社みさき商事がノース・リファイニング社に対して行う出資について"
     "海外投資保険を、それぞれ引き受けました。", "ノース・リファイニング社"),
    ("2016年度には、NEXIがチリ北部の「ロス・アンデス銅プロジェクト」に海外投資保険を付与しました。", "ロス・アンデス銅プロジェクト"),
])
def test_an_insurer_insures_what_its_cover_is_for(read, sentence, insured) -> None:
    """An insurance given (付与) or taken on (保険を、…引き受け) for what a company does toward X insures X."""
    facts, out = read(sentence, issuer="org-nexi")
    labels = labels_of(out)
    assert ("org-nexi", "insures", insured) in {(f.subject, f.predicate, labels.get(f.object, f.object))
                                                for f in facts if isinstance(f, Assertion)}


def test_a_country_that_only_qualifies_a_noun_is_no_party_to_an_agreement(read) -> None:
    """「双日とJOGMECが、豪州のライナス社に対して…融資を行うことで合意しました」: the two agree; Australia only says
    whose company it is."""
    facts, _ = read("2011年3月には、双日株式会社とJOGMECが、豪州のライナス社に対して出資を行うことで合意しました。")
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [sorted(p.entity for p in a.participants) for a in agreed] == [["org-jogmec", "org-sojitz"]], agreed


def test_a_body_that_holds_an_event_with_another_makes_both_its_organisers(read) -> None:
    """「X省は、…Y機関との共催により、…「…会議」を開催」: Y organises it too, and the two cooperate."""
    text = "資源エネルギー庁は、5月20日、国際エネルギー機関（IEA）との共催により、東京で「水素サプライチェーン会議2026」を開催しました。\n"
    facts, out = read(text, date="2026-05-22", voice="country-jp", issuer="org-anre")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "Meeting")
    assert {(p.entity, p.role) for p in meeting.participants} >= {("org-iea", "Organiser")}
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "cooperatesWith"} & {("org-iea", "org-anre"), ("org-anre", "org-iea")}


def test_a_foreign_embassy_in_japan_organises_with_a_japanese_agency(read) -> None:
    """「JETROと駐日X国大使館の共催により「日・X…セミナー」が開かれ、Y大臣が基調講演を行いました」: the embassy
    is a body of its own that cooperates with JETRO; a keynote speaker is no party, so the name's two
    countries take part."""
    text = ("6月3日、日本貿易振興機構（JETRO）と駐日チュニジア共和国大使館の共催により「日・チュニジア鉱業投資セミナー」"
            "が東京で開かれ、チュニジア共和国のサミ・ベンアリ産業・鉱山大臣が基調講演を行いました。\n")
    facts, out = read(text, date="2026-06-05", voice="country-jp")
    labels = labels_of(out)
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "Meeting")
    roles = {(labels.get(p.entity, p.entity), p.role) for p in meeting.participants}
    assert {("駐日チュニジア共和国大使館", "Organiser"), ("org-jetro", "Organiser"), ("country-jp", "Participant"),
            ("country-tn", "Participant"), ("サミ・ベンアリ", "KeynoteSpeaker")} <= roles, roles
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "cooperatesWith"} & {
        ("駐日チュニジア共和国大使館", "org-jetro"), ("org-jetro", "駐日チュニジア共和国大使館")}


def test_a_signing_between_the_own_ministry_and_a_foreign_one_implies_no_more_signatories(read) -> None:
    """「経済産業省とX国Y省との間で「…覚書」が署名されました」: the two ministries sign; the document's country is
    not added as an unsaid third signatory (it is for 「ADB及びERIAと…覚書に署名」, where the subject is unsaid)."""
    text = "4月8日、経済産業省とガーナ共和国持続可能な資源開発省との間で「重要鉱物分野における協力覚書」が署名されました。\n"
    facts, out = read(text, date="2026-04-09", voice="country-jp")
    labels = labels_of(out)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert {labels.get(p.entity, p.entity) for p in signing.participants} == {"org-meti", "ガーナ共和国持続可能な資源開発省"}
    unsaid = "4月8日、ADB及びERIAと重要鉱物分野における協力覚書に署名しました。\n"
    facts, _ = read(unsaid, date="2026-04-09", voice="country-jp")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert "country-jp" in {p.entity for p in signing.participants}


def test_two_ministers_who_agree_after_their_talks_relate_their_countries(read) -> None:
    """「X大臣がA国を訪問し、Y大臣と会談しました。両大臣は、…を後押しすることで一致しました。」: the agreement of the
    two ministers, told in the sentence after their talks, relates their two countries; so does one whose content
    names a country of its own (「両大臣は、日本企業が保有する…鉱区の権益の延長に向けて協力することで一致」)."""
    text = ("2013年5月には、茂木経済産業大臣がオマーン国を訪問し、サーレム・アル・ハルシ石油・ガス大臣と会談しました。"
            "両大臣は、オマーン北部のガス田開発への日本企業の参画を後押しすることで一致しました。\n")
    facts, out = read(text, date="2014-06-01", voice="country-jp")
    assert ("country-jp", "cooperatesWith", "country-om") in relations_by_label(facts, labels_of(out))
    content = text.replace("オマーン北部のガス田開発への日本企業の参画を後押しする", "日本企業が保有する陸上鉱区の権益の延長に向けて協力する")
    facts, out = read(content, date="2014-06-01", voice="country-jp")
    assert ("country-jp", "cooperatesWith", "country-om") in relations_by_label(facts, labels_of(out))
    met = "2013年5月には、茂木経済産業大臣がオマーン国を訪問し、サーレム・アル・ハルシ石油・ガス大臣と会談しました。\n"
    facts, out = read(met, date="2014-06-01", voice="country-jp")
    assert ("country-jp", "cooperatesWith", "country-om") not in relations_by_label(facts, labels_of(out))


def test_a_minister_keeps_the_country_of_the_post_first_named_with_them(read) -> None:
    """「カザフスタン共和国のX産業建設大臣」, then another country, then 「Xと会談…両大臣は…一致」: X is still
    Kazakhstan's minister, not the country named last."""
    text = ("12月11日、赤澤経済産業大臣とカザフスタン共和国のアイダル・ヌルラノフ産業建設大臣が共同議長を務めました。\n"
            "同日、赤澤大臣はキルギス共和国のベクジャン・サディコフ経済大臣と会談しました。\n"
            "12月12日、赤澤大臣は、ヌルラノフ大臣と会談しました。両大臣は、2026年中に第2回会合を開催することで一致しました。\n")
    facts, out = read(text, date="2025-12-13", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert ("country-jp", "cooperatesWith", "country-kz") in told
    assert ("country-jp", "cooperatesWith", "country-kg") not in told


def test_holders_of_a_company_named_before_their_shares_invest_in_it(read) -> None:
    """「X社（以下「X社」）の出資後の持分比率は、A社が51%、B株式会社が34%、JBICが15%です」 and 「Y社は、…事業会社で、
    出資比率はA社が50%、…」: with no project named, each holder invests in the company whose ownership is told."""
    named = "ルブマ・グラファイト社（以下「RG社」）の出資後の持分比率は、東邦通商株式会社が51%、西海鉱業株式会社が34%、JBICが15%です。\n"
    facts, out = read(named, date="2026-03-02", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert {s for s, p, o in told if p == "investsIn" and o == "ルブマ・グラファイト社"} >= {"東邦通商株式会社", "西海鉱業株式会社", "org-jbic"}
    topic = ("リフト・ジオパワー社は、東邦通商株式会社及び西海鉱業株式会社が出資する事業会社で、"
             "出資比率は東邦通商株式会社が60%、西海鉱業株式会社が40%となっています。\n")
    facts, out = read(topic, date="2026-03-02", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert {s for s, p, o in told if p == "investsIn" and o == "リフト・ジオパワー社"} == {"東邦通商株式会社", "西海鉱業株式会社"}
    shares = "あさひ金属株式会社は同社株式の49%を取得しました。\n"  # a share of a company the sentence does not name
    facts, out = read(shares, date="2026-03-02", voice="country-jp")
    assert not any(p == "investsIn" for _, p, _ in relations_by_label(facts, labels_of(out)))


def test_a_passive_signing_between_two_named_bodies_after_talks(read) -> None:
    """「X大臣は、A国のY大臣とも会談し、両大臣の立会いの下、JOGMECとA国のB公社との間で…共同調査の覚書が締結され
    ました」: the two bodies sign, the two ministers (named earlier in the sentence) attend, and the memorandum
    on a joint survey relates JOGMEC to A."""
    text = ("5月12日、武藤経済産業大臣は、タンザニア連合共和国のジョセフ・キムウェリ鉱業大臣とも会談し、両大臣の立会いの下、"
            "JOGMECとタンザニア国営鉱業公社（STAMICO）との間でニッケルの探鉱に関する共同調査の覚書が締結されました。\n")
    facts, out = read(text, date="2025-05-13", voice="country-jp")
    labels = labels_of(out)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    roles = {(labels.get(p.entity, p.entity), p.role) for p in signing.participants}
    assert roles == {("org-jogmec", "Signatory"), ("タンザニア国営鉱業公社", "Signatory"),
                     ("person-muto-yoji", "Attendee"), ("ジョセフ・キムウェリ", "Attendee")}, roles
    assert [labels[e] for e in signing.about] == ["ニッケルの探鉱に関する共同調査の覚書"]
    assert ("org-jogmec", "surveysIn", "country-tz") in relations_by_label(facts, labels)


def test_who_agrees_with_the_subject_after_talks_in_one_sentence(read) -> None:
    """「X大臣は、A国のY大臣と会談し、…ことで一致しました」: the partner of the talks agrees with the subject; a
    sentence with no partner before its agreement (「X大臣は、…ことで一致しました」) tells no agreement of two."""
    text = ("11月4日、赤澤経済産業大臣は、ガーナ共和国のコフィ・メンサー土地・天然資源大臣と会談し、"
            "同国におけるリチウム開発への日本企業の参画を後押しすることで一致しました。\n")
    facts, out = read(text, date="2025-11-05", voice="country-jp")
    labels = labels_of(out)
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [{labels.get(p.entity, p.entity) for p in f.participants} for f in agreed] == [
        {"person-akazawa-ryosei", "コフィ・メンサー"}]
    alone = "11月4日、赤澤経済産業大臣は、リチウム開発への日本企業の参画を後押しすることで一致しました。\n"
    facts, _ = read(alone, date="2025-11-05", voice="country-jp")
    assert not any(isinstance(f, Event) and f.type == "AgreementReached" for f in facts)


@pytest.mark.parametrize("sentence, name", [
    ("2013年2月には、東京において第4回日・オマーン合同経済委員会が開催され、両国の政府関係者約60名が出席しました。\n",
     "日・オマーン合同経済委員会"),
    ("2014年3月には、リヤドにおいて第3回日・サウジアラビア産業協力タスクフォースが開かれ、両国の政府・企業関係者約90名が参加しました。\n",
     "日・サウジアラビア産業協力タスクフォース"),
])
def test_a_joint_committee_or_task_force_held_is_a_meeting_of_the_two_countries_its_name_gives(read, sentence, name) -> None:
    """An unquoted meeting series ending in 委員会 or タスクフォース, held (開催され, 開かれ), is a meeting; 「両国」 in
    its sentence are the two countries its name gives (not the last two named before), and 「両国の政府」 is no
    government of the document's own alone."""
    earlier = "マレーシア及びブルネイとの協力も進めています。\n"
    facts, out = read(earlier + sentence, date="2015-06-01", voice="country-jp")
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "Meeting"]
    assert len(meetings) == 1 and out.entities[meetings[0].series].label_ja == name
    parties = {(p.entity, p.role) for p in meetings[0].participants}
    country = "country-om" if "オマーン" in name else "country-sa"
    assert parties == {("country-jp", "Participant"), (country, "Participant")}, parties


@pytest.mark.parametrize("text", [
    "3月9日、武藤経済産業大臣はアンゴラ共和国のジョアン・マヌエル大統領を表敬し、両国の資源協力について意見を交わしました。\n",
    "3月9日、武藤経済産業大臣は、来日中のジョアン・マヌエル・アンゴラ共和国鉱物資源・石油・ガス大臣による表敬を受け、会談を行いました。\n",
])
def test_a_courtesy_call_is_a_meeting_with_whom_it_is_paid_to_or_by(read, text) -> None:
    """「XはY大統領を表敬し」 (X calls on Y) and 「XはY大臣による表敬を受け」 (Y calls on X): talks of the two."""
    facts, out = read(text, date="2025-03-10", voice="country-jp")
    labels = labels_of(out)
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert [{(labels.get(p.entity, p.entity), p.role) for p in f.participants} for f in meetings] == [
        {("person-muto-yoji", "Participant"), ("ジョアン・マヌエル", "Counterpart")}]


def test_a_name_the_country_and_the_post_after_a_dot(read) -> None:
    """「ジョアン・マヌエル・アンゴラ共和国鉱物資源・石油・ガス大臣」: the person holds that post of Angola."""
    facts, out = read("3月9日、武藤経済産業大臣は、ジョアン・マヌエル・アンゴラ共和国鉱物資源・石油・ガス大臣と会談しました。\n",
                      date="2025-03-10", voice="country-jp")
    labels = labels_of(out)
    held = {(labels.get(f.person), labels.get(f.post)) for f in facts if type(f).__name__ == "PostHolding"}
    assert ("ジョアン・マヌエル", "アンゴラ鉱物資源・石油・ガス大臣") in held, held


def test_a_capital_written_with_no_country_is_part_of_the_foreign_country_told(read) -> None:
    """「首都リロングウェにおいて、X大臣は、マラウイ共和国のY大臣と会談」: the capital lies in the one foreign country
    its sentence names; with none named there, in the one the document named last; a city after 首都 of a
    country written before it is read by the part-of rule already, and Japan is never the capital's country."""
    text = ("1．マラウイ共和国\n首都リロングウェにおいて、赤澤大臣は、マラウイ共和国のグレース・チカウォ鉱業大臣と会談しました。\n"
            "2．ザンビア共和国\n本鉱山は、首都ルサカの北西約300キロメートルに位置します。\n")
    facts, out = read(text, date="2026-01-14", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "partOf"} == {("リロングウェ", "country-mw"), ("ルサカ", "country-zm")}


def test_a_share_granted_is_held_by_whom_it_is_granted_to(read) -> None:
    """「ADNOCが国際石油開発帝石株式会社に対して…油田の権益10%を付与」: the grantee (a registry name written with its
    legal form) holds the share, not the grantor; 「株式会社」 after a registry name closes that name."""
    text = "2018年2月には、アブダビ国営石油会社（ADNOC）が国際石油開発帝石株式会社に対してアブダビ首長国の海上にあるサター油田の権益10%を付与しました。\n"
    facts, out = read(text, date="2018-06-01", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "investsIn"} == {("org-inpex", "サター油田")}
    assert not any(e.cls == "Company" and e.label_ja.startswith("株式会社") for e in out.entities.values())


def test_the_company_named_before_its_shareholders_even_where_a_project_is_named(read) -> None:
    """「取得後のLC社の株主構成は、A社が60%、B社が30%…となり、本プロジェクトのオペレーターは…」: the shares are of
    LC社, not of the project; 「白樺ザンビア・リソーシズ株式会社への出資比率はJOGMECが49%、…」: of the company
    whose name holds a country's."""
    text = ("東邦通商株式会社は、ルアパ・カッパー社（以下「LC社」）が保有するルアパ銅プロジェクト（以下「本プロジェクト」）に参画します。\n"
            "取得後のLC社の株主構成は、ケープ・リバー社が60%、東邦通商株式会社が30%となり、本プロジェクトのオペレーターは引き続きケープ・リバー社が務めます。\n"
            "白樺ザンビア・リソーシズ株式会社への出資比率はJOGMECが49%、東邦通商株式会社が51%です。\n")
    facts, out = read(text, date="2026-06-01", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    invested = {(s, o) for s, p, o in told if p == "investsIn"}
    assert {("ケープ・リバー社", "ルアパ・カッパー社"), ("東邦通商株式会社", "ルアパ・カッパー社"),
            ("org-jogmec", "白樺ザンビア・リソーシズ株式会社"), ("東邦通商株式会社", "白樺ザンビア・リソーシズ株式会社")} <= invested, invested
    assert ("ケープ・リバー社", "ルアパ銅プロジェクト") not in invested


def test_a_company_named_in_latin_letters_then_a_country_is_one_name(read) -> None:
    """「JKボリビア塩湖資源株式会社（以下「JKB社」）」: the Latin letters open the company's name, which holds a
    country's; it is no Bolivian body named 「ボリビア塩湖資源株式会社」."""
    text = ("JOGMECは、東邦通商株式会社と共同で設立したJKボリビア塩湖資源株式会社（以下「JKB社」）を通じて出資します。\n"
            "JKB社への出資比率は、JOGMECが60%、東邦通商株式会社が40%です。\n")
    facts, out = read(text, date="2031-06-01", voice="country-jp")
    invested = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "investsIn"}
    assert {("org-jogmec", "JKボリビア塩湖資源株式会社"), ("東邦通商株式会社", "JKボリビア塩湖資源株式会社")} <= invested, invested


def test_two_agreements_of_one_talk_stay_two_each_about_its_matter(read) -> None:
    """「両大臣は、…ことで一致しました」 twice after one talk: two agreements (what each is about tells them apart),
    both reached at the talks, not the second at the first agreement; a 「…経済閣僚協議」 is a meeting's name."""
    text = ("4月8日（水曜日）、武藤経済産業大臣は、ペルー共和国のアルバラド・エネルギー鉱山大臣と会談しました。\n"
            "両大臣は、銅の安定供給に向けて協力していくことで一致しました。\n"
            "武藤大臣からは、日本企業による探鉱への支援を説明しました。\n"
            "また、両大臣は、本年秋にリマで第3回日・ペルー経済閣僚協議を開催することで一致しました。\n")
    facts, out = read(text, date="2026-04-10", voice="country-jp")
    labels = labels_of(out)
    talks = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    agreements = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert sorted(labels.get(a, a) for f in agreements for a in f.about) == ["resource-copper", "日・ペルー経済閣僚協議"]
    from resdip.rdf.emit import fact_ref
    assert {f.at_event for f in agreements} == {fact_ref(talks)}
    assert all(f.start == "2026-04-08" for f in agreements)


def test_places_written_after_the_country_a_body_or_an_anaphor_names(read) -> None:
    """「同国湾岸州」 (a kanji province right after 同国), 「同国南部のミンダナオ島」 (an island), 「同国南部のゲルミム地方」
    (a region) are parts of the country 同国 stands for; after 「カナダの鉱山会社A社及びエクアドル国営鉱山公社が出資」,
    同国 is the country of the body named last (Ecuador), not Canada."""
    text = ("RNM社は、カナダの鉱山会社アンデアン・カッパー社及びエクアドル国営鉱山公社が出資する事業会社です。\n"
            "本プロジェクトは、同国南東部サモラ・チンチペ州の銅鉱床において、鉱山を建設するものです。\n"
            "5月18日、川名副大臣は、フィリピン共和国の鉱山地球科学局長と会談しました。\n"
            "両者は、同国南部のミンダナオ島で共同調査を実施することで一致しました。\n"
            "20日、川名副大臣は、モロッコ王国のエネルギー移行大臣と会談しました。\n"
            "同大臣からは、同国南部のゲルミム地方で進む水素事業と、同国湾岸州での計画が紹介されました。\n")
    facts, out = read(text, date="2026-05-22", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    parts = {(s, o) for s, p, o in told if p == "partOf"}
    assert {("サモラ・チンチペ州", "country-ec"), ("ミンダナオ島", "country-ph"), ("ゲルミム地方", "country-ma"),
            ("湾岸州", "country-ma")} <= parts, parts
    assert not any(o == "country-ca" for _, o in parts)


def test_a_place_written_after_the_province_it_lies_in(read) -> None:
    """「サラワク州の州都クチン」 (a katakana name the dictionary does not know, after 州都) and 「西オーストラリア州パース」
    are parts of their province; a company of the province (「西オーストラリア州のA社」) is not."""
    text = ("本鉱区は、サラワク州の州都クチンの北西約250キロメートルの沖合に位置します。\n"
            "WLR社は、西オーストラリア州パース南方で精製工場を操業する、西オーストラリア州のミンダルー社の子会社です。\n")
    facts, out = read(text, date="2026-01-30", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    parts = {(s, o) for s, p, o in told if p == "partOf"}
    assert {("クチン", "サラワク州"), ("パース", "place-western-australia")} <= parts, parts
    assert not any(s.endswith("社") for s, _ in parts)


def test_a_mine_or_a_block_written_after_the_province_it_lies_in(read) -> None:
    """「ソロティ県のナマロ銅鉱山」, 「ナイバシャ地域のカペロ鉱区」: a mine or a block the registry does not know, written after
    the province or region it lies in, lies in it; a mine named after a company (「A社のB鉱山」) is not a part of it."""
    text = ("同日、X大臣は、ソロティ県のナマロ銅鉱山の開発と、ナイバシャ地域のカペロ鉱区の探鉱について意見交換を行いました。\n"
            "B社は、同国の鉱山会社カンバ社のロロ鉱山に出資しています。\n")
    facts, out = read(text, date="2031-01-30", voice="country-jp")
    parts = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "partOf"}
    assert {("ナマロ銅鉱山", "ソロティ県"), ("カペロ鉱区", "ナイバシャ地域")} <= parts, parts
    assert not any(o.endswith("社") for _, o in parts), parts


def test_who_holds_a_share_of_the_world_production_supplies_it(read) -> None:
    """「アフリカが世界のコバルト生産の約7割、白金族金属の生産の約8割を担っている」 (two chained shares of one producer),
    「世界の鉱山生産の約7割がコンゴ民主共和国に集中」 (the producer after the share, the resource the topic); a
    share of the world's production is no share of Japan's imports, and 日本 holding a world share of nothing is no supplier."""
    text = ("赤澤大臣は、アフリカが世界のコバルト生産の約7割、白金族金属の生産の約8割を担っていることに触れました。\n"
            "コバルトについては、世界の鉱山生産の約7割がコンゴ民主共和国に集中しています。\n"
            "日本は世界のLNG需要の約2割を占める一方、調達先の多角化を進めています。\n")
    facts, out = read(text, date="2027-02-12", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert {(s, o) for s, p, o in told if p == "supplies"} == {
        ("region-africa", "resource-cobalt"), ("region-africa", "resource-platinum"), ("country-cd", "resource-cobalt")}
    assert not [f for f in facts if isinstance(f, SupplyShare)]


def test_a_share_of_imports_named_before_a_breakdown_and_a_dependence_on_a_region(read) -> None:
    """「原油輸入に占める中東地域の割合は約87%で、サウジアラビア（約40%）…」: 87% is the Middle East's, not the first
    bracketed country's; 「中東地域への依存度は約83%」: a dependence is a share of imports; 「我が国への…安定供給に資する
    …出資」 invests in nothing of Japan."""
    text = ("2017年度の我が国の原油輸入に占める中東地域の割合は約87%で、サウジアラビア（約40%）とクウェート（約8%）が続きます。\n"
            "2013年度の原油輸入量は約2億キロリットルで、中東地域への依存度は約83%に達しました。\n"
            "JOGMECは、本プロジェクトが我が国への重希土類の安定供給に資すると判断し、今回の出資を採択しました。\n")
    facts, out = read(text, date="2018-06-01", voice="country-jp")
    shares = {(f.suppliers, f.value) for f in facts if isinstance(f, SupplyShare)}
    assert {(("region-middle-east",), Decimal("87")), (("country-sa",), Decimal("40")),
            (("region-middle-east",), Decimal("83"))} <= shares, shares
    assert (("country-sa",), Decimal("87")) not in shares
    assert not [f for f in facts if isinstance(f, Assertion) and f.predicate == "investsIn" and f.object == "country-jp"]


def test_who_trains_whose_people(read) -> None:
    """The trainees' country is their nationality (ペルー人技術者) or the country or body named with の before them
    (ブルネイのエネルギー分野の行政官, ザンビア地質調査所の技術者), not Japan where they are received; the trainer is the
    body through which it is done (JICAを通じ), else the subject, else the document's own country; a partner of the
    trainees' own country carried from the sentence before trains no one there."""
    text = ("岩屋大臣から、国際協力機構（JICA）を通じ、令和8年度から3年間でブルネイのエネルギー分野の行政官約60名を日本に招いて研修を行う計画を説明しました。\n"
            "JOGMECは、2025年度からザンビア地質調査所の技術者に対する研修を実施しています。\n"
            "共同声明には、5年間で計約300名のカザフスタン人技術者を日本で研修することが盛り込まれています。\n"
            "翌22日には、国際協力機構とペルー地質鉱業冶金研究所が、鉱山保安分野の研修事業に関する討議議事録に署名しました。"
            "同事業では、3年間で計約45名のペルー人技術者を日本に受け入れます。\n")
    facts, out = read(text, date="2026-03-14", voice="country-jp")
    trains = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "trainsIn"}
    assert {("org-jica", "country-bn"), ("org-jogmec", "country-zm"), ("country-jp", "country-kz")} <= trains, trains
    assert not any(o == "country-jp" for _, o in trains)
    assert not any(o == "country-pe" and s != "org-jica" for s, o in trains)


def test_an_agreement_revised_between_two_parties(read) -> None:
    """「JOGMECがウズベキスタン共和国鉱業・地質省との間で、…共同調査に関する覚書を改定」: both revise it, they cooperate,
    and the survey it is about relates JOGMEC to the partner's country."""
    text = "2月11日、JOGMECがウズベキスタン共和国鉱業・地質省との間で、レアメタルの共同調査に関する覚書を改定しました。\n"
    facts, out = read(text, date="2026-02-13", voice="country-jp")
    labels = labels_of(out)
    revision = next(f for f in facts if isinstance(f, Event) and f.type == "Revision")
    assert {labels.get(p.entity, p.entity) for p in revision.participants} == {"org-jogmec", "ウズベキスタン共和国鉱業・地質省"}
    told = relations_by_label(facts, labels)
    assert {("org-jogmec", "cooperatesWith", "ウズベキスタン共和国鉱業・地質省"), ("org-jogmec", "surveysIn", "country-uz")} <= told, told


def test_who_signed_told_after_the_signing(read) -> None:
    """「署名者はAのX理事とBのY総裁です」, 「契約の署名は、XとYが行い、Zが立ち会いました」 and, in a later section,
    「本覚書は、XとYが署名したもので」 tell who signed the signing already told: one event that grows, with the
    witness an Attendee."""
    first = ("8月18日、JOGMECとブラジル地質調査所（SGB）が「重要鉱物の探査に関する覚書」に署名しました。"
             "署名者はJOGMECの今泉 聡 理事とSGBのイネス・ソアレス総裁です。\n")
    second = ("1月30日、北洋サラワク石油株式会社とペトロナスが生産分与契約を締結しました。"
              "契約の署名は、北洋サラワクの田島 浩二 代表取締役社長とペトロナスのアズミ・ラザク上級副社長が行い、"
              "JOGMECの栗山理事長が立ち会いました。\n")
    third = ("1月19日、経済産業省とモロッコ王国エネルギー移行省との間で「水素に関する協力覚書」（以下「本覚書」）が署名されました。\n"
             "1．会談の概要\n会談では、両国の協力について意見交換を行いました。\n"
             "2．本覚書の概要\n本覚書は、資源エネルギー庁の大野 真一 資源・燃料部長とモロッコ王国エネルギー移行省の"
             "ユセフ・アラウイ事務次官が署名したもので、両省は3分野で協力を進めます。\n")
    for text, date, signers, witnesses in ((first, "2025-08-20", {"今泉聡", "イネス・ソアレス"}, set()),
                                           (second, "2026-02-02", {"田島浩二", "アズミ・ラザク"}, {"栗山"}),
                                           (third, "2026-01-21", {"大野真一", "ユセフ・アラウイ"}, set())):
        facts, out = read(text, date=date, voice="country-jp")
        labels = labels_of(out)
        signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
        assert len(signings) == 1, signings
        people = {labels.get(p.entity, p.entity): p.role for p in signings[0].participants
                  if p.entity.startswith("candidate-person")}
        assert {n for n, r in people.items() if r == "Signatory"} == signers, people
        assert {n for n, r in people.items() if r == "Attendee"} == witnesses, people


def test_an_agreement_is_dated_by_the_talks_not_by_what_was_agreed(read) -> None:
    """「両大臣は、…調査を2026年度中に始めることで合意しました」: the year is when the survey starts, not when the two
    agreed (the talks' day); 「エネルギー分野について、両大臣は、…ことで一致しました」: a topic of what they said may
    stand before the pair, and the agreement is still told at the talks."""
    text = ("13日、赤澤大臣は、ハボロネにおいてケネディ・モトラレ鉱物・エネルギー大臣と会談しました。\n"
            "両大臣は、日本の技術を用いた石炭ガス化の事業化調査を2026年度中に始めることで合意しました。\n"
            "エネルギー分野について、両大臣は、銅の開発における日本企業の関与を拡大していくことで一致しました。\n")
    facts, out = read(text, date="2026-01-16", voice="country-jp")
    agreements = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert sorted((f.start, f.fiscal) for f in agreements) == [("2026-01-13", False), ("2026-01-13", False)], agreements


def test_a_pair_subject_after_a_reported_clause_or_a_scene(read) -> None:
    """「石破総理大臣から、…旨述べ、両首脳は、…ことで一致しました」 and 「議論の結果、両大臣は、…合意しました」 continue the
    talks as 「両首脳は」 opening the sentence does: the agreement is the two's, on the talks' day; 「本覚書は、AとBが
    署名したもので、両省は…」 is no such clause (what follows 「もので、」 does not make the sentence a continuation)."""
    text = ("12日、石破総理大臣は、ペルー共和国のルイス・カスタニェダ大統領と首脳会談を行いました。\n"
            "石破総理大臣から、ペルーは重要な供給国である旨述べ、両首脳は、銅のサプライチェーン強靱化に向けて協力していくことで一致しました。\n"
            "議論の結果、両首脳は、次回の会談を東京で開催することで一致しました。\n")
    facts, out = read(text, date="2025-06-13", voice="country-jp")
    agreements = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [f.start for f in agreements] == ["2025-06-12", "2025-06-12"], agreements
    assert all(len(f.participants) == 2 for f in agreements)


def test_a_body_does_not_cooperate_with_its_own_country(read) -> None:
    """「経済産業省とフィリピン環境天然資源省が…協力覚書を締結」, then 「フィリピンとの協力覚書には西村大臣が署名し」:
    Japan's side cooperates with the Philippine ministry and with the Philippines, never the ministry with its country."""
    text = ("経済産業省とフィリピン環境天然資源省が11月3日に、鉱業分野における協力覚書を締結しました。\n"
            "フィリピンとの協力覚書には西村大臣が署名し、岸田総理の同国訪問に併せて文書交換式が行われました。\n")
    facts, out = read(text, date="2023-11-07", voice="country-jp")
    told = relations_by_label(facts, labels_of(out))
    assert ("org-meti", "cooperatesWith", "フィリピン環境天然資源省") in told, told
    assert not any({s, o} == {"フィリピン環境天然資源省", "country-ph"} for s, p, o in told if p == "cooperatesWith"), told


def test_a_company_written_after_its_country_and_kind_is_of_that_country(read) -> None:
    """「カナダの探鉱会社ゴールド・キャニオン・リソーシズ社」, 「カザフスタン共和国の国営鉱業持株会社であるステップ・ミネラルズ社」:
    a company the registry lacks is of the country written before its kind (its location in the graph)."""
    text = ("JOGMECは、カナダの探鉱会社ゴールド・キャニオン・リソーシズ社と、タンザニア連合共和国における共同探鉱契約を締結しました。\n"
            "4月3日、JOGMECとカザフスタン共和国の国営鉱業持株会社であるステップ・ミネラルズ社との間で、ガリウムの共同探査に関する覚書が署名されました。\n")
    facts, out = read(text, date="2026-04-05", voice="country-jp")
    located = {e.label_ja: e.extra.get("jurisdiction") for e in out.entities.values() if e.cls == "Company"}
    assert located == {"ゴールド・キャニオン・リソーシズ社": "country-ca", "ステップ・ミネラルズ社": "country-kz"}, located


def test_an_agreement_exchanged_is_signed_and_views_exchanged_are_not(read) -> None:
    """「…と「…協力覚書」を交換しました」 is a signing of the two; 「意見を交換しました」 exchanges no agreement."""
    text = ("1月19日、赤澤経済産業大臣は、モロッコ王国のライラ・ベンナニ・エネルギー移行大臣と「水素分野の協力覚書」を交換しました。\n"
            "1月20日、赤澤経済産業大臣は、ペルー共和国のアルバラド・エネルギー鉱山大臣と鉱業政策について意見を交換しました。\n")
    facts, out = read(text, date="2026-01-21", voice="country-jp")
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert [f.start for f in signings] == ["2026-01-19"], signings
    assert "person-akazawa-ryosei" in {p.entity for p in signings[0].participants if p.role == "Signatory"}
    assert len({p.entity for p in signings[0].participants if p.role == "Signatory"}) == 2


def test_a_country_called_a_supplier_supplies(read) -> None:
    """「カタールは日本にとって最も信頼のおけるLNG供給国であり」, 「日本にとって重要なLNG供給国であるインドネシア」,
    「オマーンからのLNGの安定供給は極めて重要」: each supplies LNG; Japan, the importer, supplies nothing."""
    text = ("河野大臣から、カタールは日本にとって最も信頼のおけるLNG供給国であり、両国関係を強化したいと述べました。\n"
            "本件は、日本にとって重要なLNG供給国であるインドネシアとの関係強化に資するものです。\n"
            "林大臣から、オマーンからのLNGの安定供給は極めて重要である旨述べました。\n")
    facts, out = read(text, date="2023-03-03", voice="country-jp")
    supplied = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "supplies"}
    assert supplied == {("country-qa", "resource-lng"), ("country-id", "resource-lng"), ("country-om", "resource-lng")}, supplied


def test_a_long_name_called_later_by_its_first_part(read) -> None:
    """「ムハンマド・ビン・アブドルラフマン・アール・サーニー・カタール国外務大臣」, then 「ムハンマド外務大臣」: one person (a name
    of three parts or more, as Arabic names are written, is called by its first part); 「河野太郎外務大臣」, then 「河野大臣」:
    a name in kanji is called by its family name."""
    text = ("12月15日、河野太郎外務大臣は、ムハンマド・ビン・アブドルラフマン・アール・サーニー・カタール国外務大臣と会談を行いました。\n"
            "冒頭、ムハンマド外務大臣から、河野大臣のカタール訪問に歓迎の意が示されました。\n")
    facts, out = read(text, date="2018-12-15", voice="country-jp")
    people = [e.label_ja for e in out.entities.values() if e.cls == "Person"]
    assert sum(1 for p in people if p.startswith("ムハンマド")) == 1, people
    assert sum(1 for p in people if p.startswith("河野")) == 1, people  # 「河野大臣」: the 河野太郎 named before


def test_projects_named_by_a_resource_and_a_name_beside_it(read) -> None:
    """「LNGカナダプロジェクト」, 「ゴーゴンLNGプロジェクト」 are projects (a resource and a name beside it);
    「LNGプロジェクト」 and 「グリーン水素プロジェクト」 are kinds of project; 「Petroliam Nasional Berhad」 is a company."""
    text = ("JBICは、LNGカナダプロジェクトに対する開発資金を融資しました。\n"
            "三菱商事は、ゴーゴンLNGプロジェクトにPetroliam Nasional Berhadと共同で参画しています。\n"
            "両国は、LNGプロジェクトやグリーン水素プロジェクトの推進で協力します。\n")
    facts, out = read(text, date="2021-10-29", voice="country-jp")
    named = {e.label_ja: e.cls for e in out.entities.values() if e.cls in ("Project", "Company")}
    assert named == {"LNGカナダプロジェクト": "Project", "ゴーゴンLNGプロジェクト": "Project",
                     "Petroliam Nasional Berhad": "Company"}, named


def test_the_lead_signing_of_a_release_with_no_date_is_dated_by_the_release(read) -> None:
    """A release (dateline 2014年11月28日) whose lead reports 「JOGMECは、カナダの探鉱会社A社と、…における新たな共同探鉱
    契約を締結しました」 with no date: the signing is kept, dated by the release and marked as such; a later dateless
    signing sentence or one told as a plan is not dated so."""
    text = ("2014年11月28日\nJOGMEC\n\nタンザニア連合共和国でレアメタルの共同探鉱契約を締結\n\n"
            "JOGMECは、カナダの探鉱会社ゴールド・キャニオン・リソーシズ社と、タンザニア連合共和国マサシ地域における新たな共同探鉱契約を締結しました。\n"
            "JOGMECは、今後、同社と追加の覚書を締結する予定です。\n")
    facts, out = read(text, date="2014-11-28", voice="country-jp", issuer="org-jogmec")
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert [(f.start, f.date_source) for f in signings] == [("2014-11-28", "DocumentDate")], signings
    assert "org-jogmec" in {p.entity for p in signings[0].participants}


def test_a_survey_contract_relates_the_own_side_to_where_the_work_is(read) -> None:
    """「JOGMECは、カナダの探鉱会社A社と、タンザニア連合共和国マサシ地域における新たな共同探鉱契約を締結」: JOGMEC surveys in
    Tanzania (where the contract's work is), not in Canada (the partner's country); the contract is held with A社."""
    text = ("2014年11月28日\nJOGMEC\n\n共同探鉱契約の締結\n\n"
            "11月27日、JOGMECは、カナダの探鉱会社ゴールド・キャニオン・リソーシズ社と、タンザニア連合共和国マサシ地域における新たな共同探鉱契約を締結しました。\n")
    facts, out = read(text, date="2014-11-28", voice="country-jp", issuer="org-jogmec")
    told = relations_by_label(facts, labels_of(out))
    assert ("org-jogmec", "surveysIn", "country-tz") in told, told
    assert ("org-jogmec", "surveysIn", "country-ca") not in told
    assert ("org-jogmec", "hasContractWith", "ゴールド・キャニオン・リソーシズ社") in told


SIGNED_AND_EXCHANGED = (
    "本12日、石破内閣総理大臣は、来日中のアナ・ロペス・チリ共和国大統領と首脳会談を行いました。\n"
    "会談後、両首脳の立会いの下、次の2件の文書の署名・交換が行われました。\n"
    "・経済産業省とチリ共和国鉱業省との間の重要鉱物分野における協力覚書\n"
    "・JOGMECとチリ地質鉱山局との間の銅の共同探査に関する覚書\n"
    "また、両首脳は、地域情勢についても意見交換を行いました。\n"
)


def test_documents_signed_and_exchanged_are_listed_signings(read) -> None:
    """署名・交換 is a signing as 署名 is: the bullets under it are signings witnessed by the two leaders."""
    facts, out = read(SIGNED_AND_EXCHANGED, date="2025-03-12")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert len(signings) == 2
    signatories = {frozenset(labels.get(p.entity, p.entity) for p in s.participants if p.role == "Signatory")
                   for s in signings}
    assert signatories == {frozenset({"org-meti", "チリ共和国鉱業省"}), frozenset({"org-jogmec", "チリ地質鉱山局"})}
    assert all(s.start == "2025-03-12" for s in signings)


def test_opinions_the_pair_exchanged_after_their_meeting_are_its_content(read) -> None:
    """「また、両首脳は、…についても意見交換を行いました」 tells more of the summit, not another event."""
    facts, _ = read(SIGNED_AND_EXCHANGED, date="2025-03-12")
    assert not [f for f in facts if isinstance(f, Event) and f.type == "OpinionExchange"]
    assert [f.type for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"] == ["MinisterialMeeting"]
    # told on its own, with its own date and counterpart, an exchange of views stays an event
    alone, _ = read("本12日、武藤経済産業大臣は、アナ・ロペス・チリ共和国鉱業大臣と意見交換を行いました。\n")
    assert [f.type for f in alone if isinstance(f, Event)] == ["OpinionExchange"]


def test_bodies_joined_before_a_noun_of_cooperation_cooperate(read) -> None:
    """「JOGMECと同国鉱山・エネルギー省との協力を深める」: the two bodies cooperate, whoever agrees on it."""
    facts, out = read("本12日、石破内閣総理大臣は、アナ・ロペス・チリ共和国大統領と首脳会談を行いました。\n"
                      "両首脳は、JOGMECと同国鉱業省との協力を一層深めていくことで一致しました。\n")
    labels = labels_of(out)
    assert ("org-jogmec", "cooperatesWith", "チリ共和国鉱業省") in relations_by_label(facts, labels)
    # two people joined before the noun are no bodies: their cooperation is their countries'
    people, _ = read("武藤経済産業大臣とアナ・ロペス・チリ共和国鉱業大臣との協力を確認しました。\n")
    assert not [f for f in people if isinstance(f, Assertion) and f.subject.startswith("person-")]


def test_a_body_written_with_its_country_formal_or_as_same_country_is_one(read) -> None:
    """「ナミビア共和国鉱山・エネルギー省」 and 「同国鉱山・エネルギー省」 name one ministry, labelled by the fuller name."""
    facts, out = read("本12日、武藤経済産業大臣は、ナミビア共和国を訪問しました。\n"
                      "JOGMECは、同国鉱山・エネルギー省と共同調査を行うことで一致しました。\n"
                      "経済産業省とナミビア共和国鉱山・エネルギー省との間で協力覚書に署名しました。\n")
    bodies = [e for e in out.entities.values() if e.cls == "GovernmentBody" and not e.reviewed]
    assert [b.label_ja for b in bodies] == ["ナミビア共和国鉱山・エネルギー省"]  # 同国…省 too is labelled so


RECALLED = (
    "本25日、高市早苗内閣総理大臣は、ヨハネス・シヤンバ・ナミビア共和国大統領と首脳会談を行いました。\n"
    "両首脳は、昨年8月に横浜で開催された第9回アフリカ開発会議（TICAD9）の成果の着実な実施に向けて"
    "緊密に連携していくことを確認しました。\n"
    "高市総理大臣から、昨年8月に横浜で開かれた同会議の成果を具体化したい旨述べました。\n"
)


def test_an_event_recalled_in_passing_is_dated_by_its_own_clause(read) -> None:
    """A meeting recalled inside an adnominal clause (昨年8月に…開催された「…」の成果) was held in August 2025 (昨年
    against the release's date), not at the summit, and dates neither the leaders' posts nor what follows."""
    facts, _ = read(RECALLED, date="2026-06-25", voice="country-jp")
    summit = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    (ticad,) = [f for f in facts if isinstance(f, Event) and f.type == "Meeting"]
    assert (ticad.start, ticad.date_source, ticad.at_event) == ("2025-08", "YearFromDocument", "")
    assert summit.start == "2026-06-25"
    posts = {(f.person, f.date) for f in facts if type(f).__name__ == "PostHolding"}
    assert posts and all(date == "2026-06-25" for _, date in posts)

def test_a_topic_before_a_clause_with_a_subject_of_its_own_is_not_its_subject(read) -> None:
    """「同大臣はまた、昨年8月に安倍総理大臣が同国を訪問した際に…」: Abe visited, the minister did not; and
    「両大臣は」 after it are the two who held the dialogue, not the one who visited."""
    facts, out = read(
        "1月8日、第1回日・クウェート・エネルギー政策対話が開催され、茂木経済産業大臣とアリー・サーレハ・アル・オマル・"
        "クウェート国石油大臣が共同議長を務めました。\n"
        "同大臣はまた、昨年8月に安倍総理大臣が同国を訪問した際に確認された両国間のパートナーシップの具体化に向けて、"
        "本対話を定例化したい旨述べました。\n"
        "議論の結果、両大臣は、以下の3点について合意しました。\n", date="2014-01-10")
    labels = labels_of(out)
    (visit,) = [f for f in facts if isinstance(f, Event) and f.type == "Visit"]
    assert visit.start == "2013-08"
    assert {labels.get(p.entity, p.entity) for p in visit.participants if p.role == "Visitor"} == {"安倍"}
    (agreed,) = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert agreed.start == "2014-01-08"
    assert "person-motegi-toshimitsu" in {p.entity for p in agreed.participants}


def test_a_year_inside_what_was_agreed_does_not_date_the_agreement(read) -> None:
    """「次回対話を来年、マプトにおいて開催することで一致」: the comma closes no phrase of the sentence."""
    facts, _ = read("1月30日、東京において第3回日・モザンビーク・エネルギー政策対話が開催され、武藤経済産業大臣と"
                    "フェルナンド・マシャバ・モザンビーク共和国鉱物資源エネルギー大臣が共同議長を務めました。\n"
                    "両大臣は、次回対話を来年、マプトにおいて開催することで一致しました。\n", date="2025-01-31")
    (agreed,) = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert agreed.start == "2025-01-30"


def test_who_acts_jointly_with_a_partner_cooperates_with_it(read) -> None:
    """「JOGMECはマラウイ地質調査局と共同で、…地質解析を行います」: JOGMEC cooperates with the survey and
    surveys in Malawi, the partner's country; a body defined short and named in full again is one body."""
    facts, out = read("本覚書に基づき、JOGMECはマラウイ地質調査局と共同で、今後3年間にわたり衛星画像を用いた地質解析を行います。\n")
    labels = labels_of(out)
    assert {("org-jogmec", "cooperatesWith", "マラウイ地質調査局"), ("org-jogmec", "surveysIn", "country-mw")} \
        <= relations_by_label(facts, labels)
    facts, out = read("JOGMECは、ラオス人民民主共和国エネルギー鉱山省（以下「エネルギー鉱山省」）との間で覚書を締結しました。\n"
                      "本覚書に基づき、JOGMECは、エネルギー鉱山省と共同で、ラオス北部において共同調査を実施します。\n")
    bodies = {e.id for e in out.entities.values() if e.cls == "GovernmentBody"}
    assert len(bodies) == 1


def test_a_suppliers_share_of_imports_is_no_observation_of_a_new_indicator(read) -> None:
    """「原油輸入に占める中東地域の割合は約92%」 is the Middle East's supply share, not an indicator observed."""
    facts, _ = read("2021年度の我が国の原油輸入に占める中東地域の割合は約92%に達しました。")
    shares = [f for f in facts if isinstance(f, SupplyShare)]
    assert [(s.suppliers, s.value) for s in shares] == [(("region-middle-east",), Decimal("92"))]
    assert not [f for f in facts if isinstance(f, Observation)]


def test_a_measure_named_by_a_resource_is_about_that_resource(read) -> None:
    """A budget bracket that closes 「2．ウラン」 makes the item a measure; its name is the registry's uranium, so
    the measure concerns it (no unlinked twin of a registry entity)."""
    _, out = read("第2節　資源の確保\n"
                  "1．石油・天然ガス\n"
                  "JOGMECは、探鉱への出資を行いました。\n"
                  "【平成25年度当初：27.0億円】\n"
                  "2．ウラン\n"
                  "JOGMECは、カザフスタンにおける探鉱を支援しました。\n"
                  "【平成25年度当初：9.8億円】\n", date="2013-06")
    measures = {e.label_ja: e for e in out.entities.values() if e.cls == "Measure"}
    assert measures["ウラン"].extra.get("concernsResource") == ["resource-uranium"]


def test_shares_of_the_whole_and_of_imports_from_a_bracketed_list(read) -> None:
    """「輸入先別に見ると、サウジアラビアが全体の3割強を占め」 and 「上位3か国（チリ、豪州、ペルー）からの輸入が全体の約7割」."""
    facts, _ = read("2012年度の我が国の原油輸入量は約2億1,100万キロリットルでした。"
                    "輸入先別に見ると、サウジアラビアが全体の3割強を占めて首位となりました。\n"
                    "我が国は銅精鉱のほぼ全量を輸入に頼っており、2018年には、上位3か国（チリ、豪州、ペルー）からの輸入が"
                    "全体の約7割を占めました。\n")
    shares = {(s.resource, frozenset(s.suppliers), s.value) for s in facts if isinstance(s, SupplyShare)}
    assert shares == {("resource-crude-oil", frozenset({"country-sa"}), Decimal("30")),
                      ("resource-copper", frozenset({"country-cl", "country-au", "country-pe"}), Decimal("70"))}


def test_a_trip_talks_with_a_minister_among_others_and_a_signing_ceremony(read) -> None:
    """「…に出張しました」 is a visit of both countries; 「X大臣をはじめ、…と会談」 names X as the counterpart;
    「…との間で「…覚書」の署名式が行われました」 is a signing, its signers told in the next sentence."""
    facts, out = read(
        "古賀経済産業副大臣は、11月9日（日曜日）から13日（木曜日）まで、ジンバブエ共和国及びアンゴラ共和国に出張しました。\n"
        "9日、古賀副大臣は、首都ハラレにおいて、タファズワ・ムネネ鉱山・鉱業開発大臣をはじめ、財務・経済開発大臣と会談しました。\n"
        "会談後、古賀副大臣及びムネネ大臣の臨席のもと、経済産業省とジンバブエ共和国鉱山・鉱業開発省との間で"
        "「重要鉱物分野における協力に関する覚書」の署名式が行われました。\n", date="2025-11-14")
    labels = labels_of(out)
    events = {f.type: f for f in facts if isinstance(f, Event)}
    visit = events["Visit"]
    assert {(p.entity, p.role) for p in visit.participants} >= {("country-zw", "Host"), ("country-ao", "Host"),
                                                                 ("person-koga-yuichiro", "Visitor")}
    talks = events["MinisterialMeeting"]
    assert {(labels.get(p.entity, p.entity), p.role) for p in talks.participants} == {
        ("person-koga-yuichiro", "Participant"), ("タファズワ・ムネネ", "Counterpart")}
    signing = events["Signing"]
    assert {(labels.get(p.entity, p.entity), p.role) for p in signing.participants} >= {
        ("org-meti", "Signatory"), ("ジンバブエ共和国鉱山・鉱業開発省", "Signatory"), ("person-koga-yuichiro", "Attendee")}


def test_an_older_release_with_full_width_commas_is_read_as_a_newer_one(read) -> None:
    """Older MOFA releases write ， for 、 and 「意見の一致をみた」 for 「一致した」: the pair still agrees."""
    facts, _ = read("本22日，岸田文雄外務大臣は，ハーリド・アル・ハッサーニ・イラク共和国外務大臣と外相会談を行った。\n"
                    "双方は，日本企業にとっての投資環境の改善に取り組むことで一致した。\n"
                    "双方は，石油分野の協力を拡大することで意見の一致をみた。\n", date="2017-02-22", voice="country-jp")
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert len(agreed) == 2 and all(f.start == "2017-02-22" for f in agreed)
    from resdip.text.normalise import nfkc_text
    assert nfkc_text("双方は，1，500億円") == "双方は、1,500億円"  # a comma between digits stays a number's


def test_another_importers_share_is_no_supply_share_of_japan(read) -> None:
    """「アジアが石油需要の約7割を中東からの輸入に頼っている」: the Middle East supplies oil, but the share is Asia's."""
    facts, _ = read("今井政務官は、アジアが石油需要の約7割を中東からの輸入に頼っていることを指摘しました。\n"
                    "日本は原油の約9割を中東地域から輸入しています。\n")
    shares = [(s.suppliers, s.value) for s in facts if isinstance(s, SupplyShare)]
    assert shares == [(("region-middle-east",), Decimal("90"))]
    assert Assertion("region-middle-east", "supplies", "resource-oil") in facts


def test_a_share_of_n_countries_together_is_theirs(read) -> None:
    """「サウジアラビア（約40%）とアラブ首長国連邦（約24%）の2か国で全体の6割を超え」: one share of both."""
    facts, _ = read("2017年度の我が国の原油輸入に占める中東地域の割合は約87%で、サウジアラビア（約40%）と"
                    "アラブ首長国連邦（約24%）の2か国で全体の6割を超えています。")
    shares = {(frozenset(s.suppliers), s.value) for s in facts if isinstance(s, SupplyShare)}
    assert (frozenset({"country-sa", "country-ae"}), Decimal("60")) in shares
    assert (frozenset({"country-ae"}), Decimal("60")) not in shares


def test_the_banks_a_relative_clause_of_lending_describes_lend(read) -> None:
    """「MPL社に対して融資を行う株式会社三井住友銀行及び株式会社みずほ銀行の融資分」: the two banks finance MPL;
    the investor named before does not."""
    facts, out = read("NEXIは、白鳳商事株式会社がマラカネ・プラチナム社（以下「MPL社」）に対して行う出資について、"
                      "海外投資保険の引受を決定しました。併せて、MPL社に対して融資を行う株式会社三井住友銀行及び"
                      "株式会社みずほ銀行の融資分についても、海外事業資金貸付保険を引き受けます。\n")
    labels = labels_of(out)
    lenders = {s for s, p, o in relations_by_label(facts, labels) if p == "finances" and o == "マラカネ・プラチナム社"}
    assert lenders == {"株式会社三井住友銀行", "株式会社みずほ銀行"}


def test_cooperation_given_by_one_body_to_another_or_done_jointly(read) -> None:
    """「JOGMECによる同国鉱山・鉱業開発省への技術協力」 and 「JOGMECと同国石油・ガス省による地質データの共同評価」:
    JOGMEC cooperates with each ministry, named with its country's formal name."""
    facts, out = read("古賀副大臣は、ジンバブエ共和国を訪問しました。\n"
                      "両者は、JOGMECによる同国鉱山・鉱業開発省への技術協力を進めていくことで一致しました。\n"
                      "武藤大臣は、ガボン共和国を訪問しました。\n"
                      "両者は、JOGMECと同国石油・ガス省による地質データの共同評価を進めていくことで一致しました。\n")
    labels = labels_of(out)
    assert {("org-jogmec", "cooperatesWith", "ジンバブエ共和国鉱山・鉱業開発省"),
            ("org-jogmec", "cooperatesWith", "ガボン共和国石油・ガス省")} <= relations_by_label(facts, labels)


RESPECTIVELY = (
    "JOGMECは、6月2日、東京において、チリ共和国地質鉱業局（以下「SERNAGEOMIN」）との間で、アタカマ州における銅資源の"
    "共同探査に関する覚書（以下「本覚書」）を、同国の国営銅公社であるコデルコ社との間で、選鉱技術に関する議事録を、"
    "それぞれ締結しました。\n"
    "今回の調印は、チリ共和国のカミラ・ロハス鉱業大臣の来日の機を捉えて行われたものです。\n"
    "本覚書は、JOGMECの田村 浩理事長とSERNAGEOMINのディエゴ・フエンテス局長が署名し、ロハス大臣が立ち会いました。\n"
    "併せて、議事録には、JOGMECの森本 直子理事とコデルコ社のパブロ・ソト副社長が署名しました。\n"
)


def test_a_gapped_coordination_closed_by_sorezore_tells_one_signing_per_partner(read) -> None:
    facts, out = read(RESPECTIVELY, date="2025-07-01")
    labels = {e: label.replace(" ", "") for e, label in labels_of(out).items()}
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    by_partner = {frozenset(labels.get(p.entity, p.entity) for p in s.participants if p.role == "Signatory"): s
                  for s in signings}
    assert set(by_partner) == {
        frozenset({"org-jogmec", "チリ共和国地質鉱業局", "田村浩", "ディエゴ・フエンテス"}),
        frozenset({"org-jogmec", "org-codelco", "森本直子", "パブロ・ソト"})}, by_partner
    assert all(s.start == "2025-06-02" for s in signings)
    # the witness named by 立ち会いました attends the signing of the MoU, and signs nothing
    mou = by_partner[frozenset({"org-jogmec", "チリ共和国地質鉱業局", "田村浩", "ディエゴ・フエンテス"})]
    assert {labels.get(p.entity) for p in mou.participants if p.role == "Attendee"} == {"カミラ・ロハス"}
    # a person named inside 「今回の調印は、…大臣の来日の機を捉えて」 signed nothing, but held the post that day
    held = [f for f in facts if isinstance(f, PostHolding) and labels.get(f.person) == "カミラ・ロハス"]
    assert [h.date for h in held] == ["2025-06-02"], held


def test_a_signing_before_the_talks_between_the_two_governments_is_dated_by_the_talks(read) -> None:
    text = ("5日、茂木外務大臣は、訪日中のアフマド・サイード・クウェート国外務大臣と外相会談を行った。"
            "なお、会談に先立ち、両外相の立会いの下、両国政府間で「北部製油所近代化計画」に係る円借款に関する"
            "交換公文への署名が行われた。\n")
    facts, out = read(text, date="2025-03-12", voice="country-jp")
    labels = labels_of(out)
    (signing,) = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert signing.start == "2025-03-05" and signing.date_source == "CarriedFromContext"
    roles = {(labels.get(p.entity, p.entity), p.role) for p in signing.participants}
    assert roles == {("country-jp", "Signatory"), ("country-kw", "Signatory"),
                     ("person-motegi-toshimitsu", "Attendee"), ("アフマド・サイード", "Attendee")}, roles


def test_an_aside_alone_continues_nothing(read) -> None:
    text = ("5日、茂木外務大臣は、訪日中のアフマド・サイード・クウェート国外務大臣と外相会談を行った。\n"
            "なお、両国政府間で「北部製油所近代化計画」に係る円借款に関する交換公文への署名が行われた。\n")
    facts, _ = read(text, date="2025-03-12", voice="country-jp")
    assert not [f for f in facts if isinstance(f, Event) and f.type == "Signing"]  # no date of its own, none carried


@pytest.mark.parametrize("sentence, pair", [
    ("2月10日、経済産業省とカタールエナジーは、LNGの共同備蓄の規模を拡大することで合意しました。",
     ("org-meti", "org-qatarenergy")),
    ("経済産業省と米国エネルギー省は、アジアにおけるLNG受入基地の整備を共同で支援しています。",
     ("org-meti", "org-us-doe")),
    ("3月4日、国際協力機構（JICA）とボリビア鉱業冶金省が、鉱山保安の研修に関する討議議事録に署名しました。",
     ("org-jica", "ボリビア鉱業冶金省")),
])
def test_two_bodies_that_agree_or_work_jointly_cooperate(read, sentence, pair) -> None:
    facts, out = read(sentence, voice="country-jp")
    found = relations_by_label(facts, labels_of(out))
    assert (pair[0], "cooperatesWith", pair[1]) in found or (pair[1], "cooperatesWith", pair[0]) in found, found


def test_joint_bidders_described_by_a_relative_clause_are_not_read_as_partners(read) -> None:
    facts, out = read("本鉱区は、A石油開発株式会社とB資源株式会社が共同で落札した鉱区です。", voice="country-jp")
    assert not [r for r in relations_by_label(facts, labels_of(out)) if r[1] == "cooperatesWith"]


def test_who_takes_or_holds_a_share_of_a_companys_stock_invests_in_it(read) -> None:
    text = ("KM社は、チリ北部で銅の選鉱場を操業する事業会社です。"
            "あおば商事株式会社と北星金属株式会社は、同社の株式をそれぞれ20%及び15%取得し、"
            "残りの65%はチリの鉱山会社アルティプラノ・ミネラ社が保有します。\n")
    facts, out = read(text, voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "investsIn"}
    assert found == {("あおば商事株式会社", "investsIn", "KM社"), ("北星金属株式会社", "investsIn", "KM社"),
                     ("アルティプラノ・ミネラ社", "investsIn", "KM社")}, found


def test_a_decision_to_invest_is_read_as_the_investment(read) -> None:
    facts, out = read("2024年5月には、日豪レアアース株式会社が、豪州のライナス社への追加出資を決定しました。", voice="country-jp")
    assert ("日豪レアアース株式会社", "investsIn", "org-lynas") in relations_by_label(facts, labels_of(out))


def test_a_registry_post_joined_by_ken_to_another_is_held_beside_it(read) -> None:
    """「真鍋経済産業副大臣兼内閣府副大臣は、…を訪問」: the registry post and the second one are both held, and the
    person still visits (the second post does not stand between the person and は)."""
    facts, out = read("真鍋経済産業副大臣兼内閣府副大臣は、5月17日、ガーナ共和国を訪問しました。\n", date="2026-05-22")
    labels = labels_of(out)
    (visit,) = [f for f in facts if isinstance(f, Event) and f.type == "Visit"]
    assert {(labels.get(p.entity, p.entity), p.role) for p in visit.participants} == {("真鍋", "Visitor"),
                                                                                  ("country-gh", "Host")}
    held = {(labels.get(f.post, f.post), f.date) for f in facts if isinstance(f, PostHolding)}
    assert held == {("post-meti-vice-minister", "2026-05-17"), ("内閣府副大臣", "2026-05-17")}, held


def test_a_katakana_name_before_shima_is_an_island_not_a_person(read) -> None:
    _, out = read("6月2日、武藤大臣はリバーズ州ボニー島のLNG基地を視察しました。\n")
    labels = set(labels_of(out).values())
    assert "ボニー島" in labels and "ボニー" not in labels, labels


def test_a_katakana_name_before_a_lake_or_a_bay_is_a_place_and_a_country_before_shu_is_a_state(read) -> None:
    facts, out = read("同日、X大臣は、同国西部のヴィクトル湖周辺の油田と、米国ジョージア州のナミベ湾を視察しました。\n")
    labels = set(labels_of(out).values())
    assert {"ヴィクトル湖", "ジョージア州", "ナミベ湾"} <= labels and "ヴィクトル" not in labels, labels
    assert "country-ge" not in {m[-1] for m in out.mentions}


def test_shares_each_of_a_list_holds_and_a_list_closed_by_its_count_holds_together(read) -> None:
    facts, _ = read("石炭の輸入先別では、豪州が約6割を占め、ロシアとカナダがそれぞれ1割弱でこれに続いています。\n"
                    "一方、銅鉱石の輸入先は、チリ、ペルー及びインドネシアの上位3か国で全体の約8割を占めています。\n",
                    voice="country-jp")
    shares = {(f.resource, f.suppliers, str(f.value)) for f in facts if isinstance(f, SupplyShare)}
    assert {("resource-coal", ("country-ru",), "10"), ("resource-coal", ("country-ca",), "10")} <= shares, shares
    assert ("resource-coal", ("country-ca", "country-ru"), "10") not in shares
    assert any(r != "resource-coal" and set(s) == {"country-cl", "country-pe", "country-id"} and v == "80"
               for r, s, v in shares), shares


def test_a_company_described_by_its_shareholders_breakdown(read) -> None:
    facts, out = read("KRC社は、チリ銅公社が60%、青葉金属株式会社が40%を出資する合弁会社です。\n", voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "investsIn"}
    assert found == {("org-codelco", "investsIn", "KRC社"), ("青葉金属株式会社", "investsIn", "KRC社")}, found


def test_a_summary_line_of_shares_names_who_invests_and_its_brackets_what_in(read) -> None:
    text = ("JOGMECは、青葉金属株式会社（以下「青葉金属」）と共同で設立したアンデス青葉リソーシズ株式会社（以下「AAR」）を通じて、"
            "「ラ・ピエドラ銅プロジェクト」の権益を取得することを決定しました。\n"
            "■出資対象事業の概要\n案件名：ラ・ピエドラ銅プロジェクト\n権益比率：ミネラ・ソル社 70%、AAR 30%\n"
            "出資比率（AAR）：JOGMEC 50%、青葉金属 50%\n")
    facts, out = read(text, voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "investsIn"}
    assert {("ミネラ・ソル社", "investsIn", "ラ・ピエドラ銅プロジェクト"), ("org-jogmec", "investsIn", "アンデス青葉リソーシズ株式会社"),
            ("青葉金属株式会社", "investsIn", "アンデス青葉リソーシズ株式会社")} <= found, found


def test_co_lenders_of_a_loan_told_before_lend_to_its_borrower(read) -> None:
    text = ("株式会社国際協力銀行（JBIC）は、4月2日、ペルー共和国法人Minera Sol S.A.C.（以下「MSS社」）との間で、"
            "融資金額200百万米ドルを限度とする貸付契約を締結しました。"
            "本融資は、株式会社三井住友銀行及び米国輸出入銀行との協調融資により実施するものです。\n")
    facts, out = read(text, date="2026-04-03", voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "finances"}
    assert {("org-jbic", "finances", "Minera Sol S.A.C."), ("株式会社三井住友銀行", "finances", "Minera Sol S.A.C."),
            ("米国輸出入銀行", "finances", "Minera Sol S.A.C.")} <= found, found


def test_the_partners_of_a_co_financed_loan_cooperate_with_whose_loan_it_is(read) -> None:
    """「本融資は、A及びBとの協調融資」: A and B cooperate with the lender of the loan told before; 「C銀行の融資は、
    JBIC及びDとの協調融資」: with C; lenders all named by による (「…3行による協調融資」) are no partners of one side."""
    text = ("株式会社国際協力銀行（JBIC）は、4月2日、ペルー共和国法人Minera Sol S.A.C.（以下「MSS社」）との間で、"
            "融資金額200百万米ドルを限度とする貸付契約を締結しました。"
            "本融資は、株式会社三井住友銀行及び米州開発銀行（IDB）との協調融資により実施するものです。\n"
            "また、株式会社みずほ銀行の融資は、JBIC及びアジア開発銀行（ADB）との協調融資として実施されます。\n"
            "E社に対する融資は、株式会社三菱UFJ銀行及び株式会社りそな銀行の民間金融機関2行による協調融資です。\n")
    facts, out = read(text, date="2026-04-03", voice="country-jp")
    found = {frozenset((s, o)) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "cooperatesWith"}
    assert {frozenset(("株式会社三井住友銀行", "org-jbic")), frozenset(("米州開発銀行", "org-jbic")),
            frozenset(("株式会社みずほ銀行", "org-jbic")), frozenset(("株式会社みずほ銀行", "org-adb"))} <= found, found
    assert frozenset(("株式会社三菱UFJ銀行", "株式会社りそな銀行")) not in found


@pytest.mark.parametrize("name", ["Çanakkale Maden İşletmeleri A.Ş.", "Red Sea Green Hydrogen Company S.A.E.",
                                  "Mekong Lithium Co., Ltd."])
def test_a_latin_company_name_with_letters_beyond_ascii_and_its_legal_form(read, name) -> None:
    _, out = read(f"JBICは、外国法人{name}との間で契約を締結しました。\n")
    assert name in set(labels_of(out).values())


def test_both_sides_are_the_countries_of_the_two_who_met(read) -> None:
    """「双方は」 after talks in which a third country was named: the two sides of the talks, not the last two
    countries named; a family name with a bare 大臣 is the registry person the document named in full."""
    text = ("9月10日、茂木敏充外務大臣は、訪日中のアリ・カリモフ・ウズベキスタン共和国外務大臣と会談を行いました。\n"
            "茂木大臣から、日本、ウズベキスタン及びカザフスタンの3か国の協力について述べました。\n"
            "双方は、重要鉱物分野で緊密に連携していくことで一致しました。\n")
    facts, out = read(text, date="2026-09-11", voice="country-jp")
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [{p.entity for p in a.participants} for a in agreed] == [{"country-jp", "country-uz"}], agreed
    assert "茂木" not in labels_of(out).values()  # 茂木大臣 is person-motegi-toshimitsu, no candidate twin


def test_a_country_of_origin_before_a_resource_supplies_its_share_of_imports_only(read) -> None:
    facts, _ = read("茂木大臣から、ブルネイ産LNGが2025年に我が国のLNG輸入の約4%を占めることに触れ、"
                    "同国沖合の鉱区で日本企業が権益の約30%を保有する開発事業への協力を求めました。\n", voice="country-jp")
    shares = {(f.resource, f.suppliers, str(f.value)) for f in facts if isinstance(f, SupplyShare)}
    assert shares == {("resource-lng", ("country-bn",), "4")}, shares


def test_organisers_named_with_their_government(read) -> None:
    facts, _ = read("3月16日、リオデジャネイロで「資源国フォーラム2027」がブラジル政府とノルウェー政府の共催により開催されました。\n",
                    date="2027-03-18", voice="country-jp")
    (meeting,) = [f for f in facts if isinstance(f, Event) and f.type in ("Meeting", "MinisterialMeeting")]
    assert {p.entity for p in meeting.participants if p.role == "Organiser"} == {"country-br", "country-no"}, meeting


def test_witnesses_named_before_a_signing_attend_the_one_after_them(read) -> None:
    text = ("18日、武藤大臣は、アクラにおいてガーナ共和国のコフィ・メンサ鉱物大臣と会談しました。"
            "また、両大臣が同日に署名した「鉱業分野における協力覚書」の交換を行うとともに、両大臣立ち会いのもと、"
            "JOGMECとガーナ地質調査局が「重要鉱物共同調査に関する実施合意書」に署名しました。\n")
    facts, out = read(text, date="2025-05-22", voice="country-jp")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    agency = next(s for s in signings if "org-jogmec" in {p.entity for p in s.participants})
    assert {(labels.get(p.entity, p.entity), p.role) for p in agency.participants if p.role == "Attendee"} == {
        ("person-muto-yoji", "Attendee"), ("コフィ・メンサ", "Attendee")}, agency


def test_a_place_whose_country_was_told_before_stands_for_it(read) -> None:
    text = ("本プロジェクトは、フィンランド共和国のラッピ県に位置するニッケル鉱山の開発事業です。\n"
            "JOGMECは、2026年度から同県内で共同の地質調査を実施しています。\n")
    facts, out = read(text, voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "surveysIn"}
    assert found == {("org-jogmec", "surveysIn", "country-fi")}, found


def test_breakdowns_that_name_no_resource_take_the_sections(read) -> None:
    text = ("1．石炭\n我が国は石炭のほぼ全量を輸入しています。\n"
            "輸入先別に見ると、豪州が全体の6割強を占めて首位となり、インドネシア、ロシア、カナダがこれに次いでいます。\n"
            "輸入先は、豪州、インドネシア及びロシアの上位3か国で全体の約9割を占めています。\n")
    facts, out = read(text, voice="country-jp")
    supplies = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "supplies"}
    assert {(c, "supplies", "resource-coal") for c in ("country-id", "country-ru", "country-ca")} <= supplies, supplies
    shares = {(f.resource, frozenset(f.suppliers), str(f.value)) for f in facts if isinstance(f, SupplyShare)}
    assert ("resource-coal", frozenset({"country-au", "country-id", "country-ru"}), "90") in shares, shares


def test_new_sources_and_a_release_own_deal_are_targets_of_diversification(read) -> None:
    facts, out = read("供給源の多角化に向けて、タンザニアやマダガスカルなどの新たな供給国における黒鉛開発を支援しています。\n",
                      voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "diversificationTarget"}
    assert found == {("country-jp", "diversificationTarget", "country-tz"),
                     ("country-jp", "diversificationTarget", "country-mg")}, found
    text = ("JBICは、カナダ法人North Star Graphite Ltd.との間で貸付契約を締結しました。\n"
            "我が国は黒鉛の輸入の約9割を中国に依存しており、本件は調達先の多角化に資するものです。\n")
    facts, out = read(text, voice="country-jp")
    found = {r for r in relations_by_label(facts, labels_of(out)) if r[1] == "diversificationTarget"}
    assert found == {("country-jp", "diversificationTarget", "country-ca")}, found  # not China, the dependence


def test_signers_of_a_named_kind_of_agreement_join_its_signing_not_the_last_one(read) -> None:
    text = ("（1）JBICは、3月4日、チリ共和国法人Minera Andes S.A.（以下「MA社」）との間で、融資金額5億米ドルを限度とする"
            "貸付契約を締結しました。\n"
            "（2）本件は、2025年10月に経済産業省とチリ共和国鉱業省が署名した「銅分野における協力覚書」に基づく案件です。\n"
            "（3）貸付契約の調印式はサンティアゴで行われ、JBICの青木 誠 常務執行役員とMA社のパブロ・ロハス社長が署名しました。\n")
    facts, out = read(text, date="2026-03-05", voice="country-jp")
    labels = labels_of(out)
    signings = {s.start: {labels.get(p.entity, p.entity) for p in s.participants}
                for s in facts if isinstance(s, Event) and s.type == "Signing"}
    assert {"青木誠", "パブロ・ロハス"} <= {x.replace(" ", "") for x in signings["2026-03-04"]}, signings
    assert not {"青木誠", "パブロ・ロハス"} & {x.replace(" ", "") for x in signings.get("2025-10", set())}, signings


def test_a_site_inspection_is_a_visit_of_the_inspector(read) -> None:
    facts, out = read("21日、武藤大臣は、同国北部のリンポポ州において、日本企業が権益を保有する白金鉱山を視察しました。\n",
                      date="2025-05-22", voice="country-jp")
    (visit,) = [f for f in facts if isinstance(f, Event) and f.type == "Visit"]
    assert visit.start == "2025-05-21" and {(p.entity, p.role) for p in visit.participants} == {
        ("person-muto-yoji", "Visitor")}, visit


def test_a_forum_named_by_two_countries_has_them_when_only_its_hosts_are_named(read) -> None:
    facts, _ = read("19日、武藤大臣は、JETROとガーナ鉱物委員会の共催によりアクラで開かれた「日・ガーナ鉱業投資セミナー」に"
                    "出席し、基調講演を行いました。\n", date="2025-05-22", voice="country-jp")
    (seminar,) = [f for f in facts if isinstance(f, Event) and f.type == "Meeting"]
    roles = {(p.entity, p.role) for p in seminar.participants}
    assert {("country-jp", "Participant"), ("country-gh", "Participant"), ("person-muto-yoji", "KeynoteSpeaker")} <= roles, roles


@pytest.mark.parametrize("sentence, indicator, value, when", [
    ("石炭の自主開発比率は、2021年度に約45%となりました。", "indicator-self-development-ratio-coal", "45", "2021"),
    ("2016年度の我が国のベースメタル自給率は約5割となっています。", "indicator-base-metal-self-sufficiency", "50", "2016"),
])
def test_an_indicator_reaching_a_value_is_an_observation(read, sentence, indicator, value, when) -> None:
    facts, _ = read(sentence, voice="country-jp")
    found = [(f.indicator, str(f.value), f.start) for f in facts if type(f).__name__ == "Observation"]
    assert found == [(indicator, value, when)], found
    assert not [f for f in facts if type(f).__name__ == "Target"]


def test_three_countries_that_confirm_together_each_cooperate(read) -> None:
    facts, out = read("また、日本、米国及び豪州の3か国は、2024年5月に東京で重要鉱物政策対話を開催し、供給網の強靱化について"
                      "確認しました。\n", voice="country-jp")
    found = {frozenset((s, o)) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "cooperatesWith"}
    assert {frozenset(("country-jp", "country-us")), frozenset(("country-jp", "country-au")),
            frozenset(("country-us", "country-au"))} <= found, found


def test_a_breakdown_in_brackets_after_a_country_opener_and_its_top_count(read) -> None:
    text = ("2012年度の石炭輸入に占める豪州の割合は約6割に達しました。\n"
            "国別ではインドネシア（19.5%）、ロシア（7.2%）、カナダ（5.8%）の順となっており、上位3か国で全体の3割強を占めています。\n")
    facts, _ = read(text, voice="country-jp")
    shares = {(f.resource, frozenset(f.suppliers), str(f.value)) for f in facts if isinstance(f, SupplyShare)}
    assert {("resource-coal", frozenset({"country-id"}), "19.5"), ("resource-coal", frozenset({"country-ru"}), "7.2"),
            ("resource-coal", frozenset({"country-ca"}), "5.8"),
            ("resource-coal", frozenset({"country-id", "country-ru", "country-ca"}), "30")} <= shares, shares


def test_an_export_quota_cut_restricts_exports(read) -> None:
    facts, out = read("2011年、中国はタングステンの輸出枠を前年比で約2割削減しました。\n", voice="country-jp")
    assert ("country-cn", "restrictsExports", "resource-tungsten") in relations_by_label(facts, labels_of(out))


def test_a_country_made_resource_taken_by_japan_is_supplied_by_it(read) -> None:
    facts, out = read("両大臣は、日本企業による豪州産水素の長期引取りを後押しすることで一致しました。\n", voice="country-jp")
    assert ("country-au", "supplies", "resource-hydrogen") in relations_by_label(facts, labels_of(out))


DATED_HEADINGS = (
    "外務省\n"
    "高瀬外務大臣政務官のエクアドル共和国訪問（結果）\n"
    "令和8年3月12日\n"
    "1　3月8日から10日まで、高瀬外務大臣政務官は、エクアドル共和国を訪問し、キトにおいて、マリオ・ベガ外務次官との間で"
    "第3回日・エクアドル政策協議を行ったほか、ラウラ・トーレス・エネルギー・鉱山大臣及びパブロ・ミランダ生産大臣と"
    "それぞれ会談しました。\n"
    "2　政策協議（9日）\n"
    "（1）双方は、ペルーとの三か国協力を含め、鉱物資源分野の協力を進めることで一致しました。\n"
    "3　ミランダ生産大臣との会談（10日）\n"
    "高瀬政務官から、日本企業の投資環境の改善を期待する旨述べました。\n"
)


def test_a_dated_heading_gives_the_day_of_an_event_the_lead_told_over_the_trip(read) -> None:
    facts, out = read(DATED_HEADINGS, date="2026-03-12")
    labels = labels_of(out)
    events = {(f.type, f.start, f.end, frozenset((labels.get(p.entity, p.entity), p.role) for p in f.participants))
              for f in facts if isinstance(f, Event) and f.type in ("Dialogue", "MinisterialMeeting")}
    # 「…との間で…政策協議を行った」: the subject and the partner hold the named dialogue, on the day its heading gives
    dialogue = next(e for e in events if e[0] == "Dialogue")
    assert dialogue[1:3] == ("2026-03-09", "")
    assert {("高瀬", "Participant"), ("マリオ・ベガ", "Participant")} <= dialogue[3]
    # 「A大臣及びB大臣とそれぞれ会談」: one meeting with each; the one a heading dates is held that day, the
    # other stays over the trip's period
    meetings = {(e[1], e[2], frozenset(name for name, role in e[3] if role == "Counterpart"))
                for e in events if e[0] == "MinisterialMeeting"}
    assert meetings == {("2026-03-08", "2026-03-10", frozenset({"ラウラ・トーレス"})),
                        ("2026-03-10", "", frozenset({"パブロ・ミランダ"}))}, meetings
    # the posts of those the heading dates are held that day; the visitor's from the trip's first day
    holdings = {(labels.get(f.person, f.person), f.date) for f in facts if isinstance(f, PostHolding)}
    assert {("マリオ・ベガ", "2026-03-09"), ("パブロ・ミランダ", "2026-03-10"), ("高瀬", "2026-03-08")} <= holdings
    assert ("パブロ・ミランダ", "2026-03-08") not in holdings
    # 「ミランダ生産大臣」 told again after another country was named is still Ecuador's minister
    posts = {e.label_ja for e in out.entities.values() if e.cls == "Post"}
    assert not any("ペルー" in p and "生産大臣" in p for p in posts), posts


def test_a_signing_held_in_the_presence_of_an_ambassador_has_him_attend(read) -> None:
    """「…大使のご臨席のもと」 is a witness phrase: the ambassador attends the signing told after it."""
    facts, out = read("11月5日、ドドマにおいて、北条和也駐タンザニア日本国特命全権大使のご臨席のもと、JOGMECと"
                      "タンザニア地質調査所が覚書に署名しました。\n", date="2026-11-06")
    labels = labels_of(out)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert {(labels.get(p.entity, p.entity), p.role) for p in signing.participants} >= {
        ("北条和也", "Attendee"), ("org-jogmec", "Signatory")}


def test_the_subject_of_a_purpose_clause_on_the_way_does_not_hide_who_signs(read) -> None:
    """「JBICは、Aとの間で、同社がB社に出資するために必要な資金として、…貸付契約を締結」: 同社 is the subject of
    the purpose clause; the topic JBIC concludes the loan agreement with A."""
    facts, out = read("株式会社国際協力銀行（JBIC）は、10月2日、北海資源株式会社との間で、同社がノルド・ガス社に出資するために"
                      "必要な資金として、融資金額約50百万米ドルを限度とする貸付契約を締結しました。\n", date="2026-10-03")
    labels = labels_of(out)
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert {labels.get(p.entity, p.entity) for p in signing.participants if p.role == "Signatory"} == {
        "org-jbic", "北海資源株式会社"}


def test_a_meeting_to_be_held_in_the_direction_agreed_is_not_held_yet(read) -> None:
    """「…委員会を開催する方向で調整していくことで一致」: 方向 tells a plan, as 予定 does; the agreement is told."""
    facts, _ = read("5月8日、茂木外務大臣は、モンテネグロのミロシュ・ヴコヴィッチ外務大臣と会談しました。\n"
                    "両外相は、来年春に東京で第3回日・モンテネグロ経済合同委員会を開催する方向で調整していくことで"
                    "一致しました。\n", date="2026-05-09")
    types = {f.type for f in facts if isinstance(f, Event)}
    assert "AgreementReached" in types and "Meeting" not in types, types


def test_a_signing_ceremony_told_later_adds_its_signers_and_witnesses(read) -> None:
    """「なお、貸付契約の調印式は…行われ、AとBが署名し、Cが立ち会いました」 (dated, numbered) and 「署名式は、D大臣及び
    E大使のご臨席のもと行われ、…が署名しました」 tell more of the signing told before, not a signing of their own."""
    text = ("1．株式会社国際協力銀行（JBIC）は、4月7日、北海資源株式会社との間で、融資金額約60百万米ドルを限度とする"
            "貸付契約を締結しました。\n"
            "2．なお、貸付契約の調印式は4月7日に東京で行われ、JBICの村岡 誠常務執行役員、北海資源の谷口 亮社長が署名し、"
            "カザフスタン共和国産業建設省のアスカル・ヌルラノフ副大臣が立ち会いました。\n")
    facts, out = read(text, date="2026-04-08")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert len(signings) == 1, signings
    roles = {(labels.get(p.entity, p.entity).replace(" ", ""), p.role) for p in signings[0].participants}
    assert roles >= {("org-jbic", "Signatory"), ("村岡誠", "Signatory"), ("谷口亮", "Signatory"),
                     ("アスカル・ヌルラノフ", "Attendee")}, roles
    text = ("JOGMECは、5月12日、ナイロビにおいて、ケニア共和国鉱業省との間で、覚書を締結しました。\n"
            "署名式は、ケニア共和国のデヴィッド・オティエノ鉱業大臣及び北条和也駐ケニア日本国特命全権大使のご臨席のもと"
            "行われ、JOGMECの森田理事と鉱業省のグレース・ワンジク次官が署名しました。\n")
    facts, out = read(text, date="2026-05-13")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert len(signings) == 1, signings
    roles = {(labels.get(p.entity, p.entity), p.role) for p in signings[0].participants}
    assert {("デヴィッド・オティエノ", "Attendee"), ("北条和也", "Attendee"), ("グレース・ワンジク", "Signatory")} <= roles, roles


def test_signers_told_in_a_later_section_join_the_signing_of_that_agreement(read) -> None:
    """「本覚書は、AのX長官とBのY次官が署名したもので」 in the memorandum's own section joins its signing, even where
    another kind of event about it was told since (「両大臣は、本覚書に基づき…一致しました」)."""
    text = ("武藤経済産業大臣は、6月3日、来日中のオマーン国のサリム・アウフィ・エネルギー・鉱物資源大臣と会談しました。"
            "会談後、両大臣の立会いの下、資源エネルギー庁とオマーン国エネルギー・鉱物資源省（以下「MEM」）との間で"
            "「水素分野における協力覚書」（以下「本覚書」）が署名されました。\n"
            "両大臣は、本覚書に基づき、水素の製造に関する協力を進めることで一致しました。\n"
            "2．本覚書の概要\n"
            "本覚書は、資源エネルギー庁の村瀬長官とMEMのハリド・ラワヒ事務次官が署名したもので、主な内容は以下のとおりです。\n")
    facts, out = read(text, date="2026-06-04")
    labels = labels_of(out)
    signings = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert len(signings) == 1, signings
    signers = {labels.get(p.entity, p.entity) for p in signings[0].participants if p.role == "Signatory"}
    assert {"村瀬", "ハリド・ラワヒ"} <= signers, signers


def test_a_body_under_another_is_part_of_it(read) -> None:
    facts, out = read("JOGMECは、5月8日、タンザニア連合共和国鉱業省傘下の地質調査・鉱山局と覚書を締結しました。\n",
                      date="2026-05-09")
    labels = labels_of(out)
    assert ("地質調査・鉱山局", "partOf", "タンザニア連合共和国鉱業省") in relations_by_label(facts, labels)


def test_a_country_that_produces_or_exports_a_resource_supplies_it(read) -> None:
    facts, out = read("モザンビークは、グラファイト及びチタンを産出しています。\n"
                      "同国は、2030年までに天然ガスを年間約1,500万トン輸出する計画です。\n"
                      "日本は、LNGを輸出していません。\n", date="2026-05-09")
    relations = relations_by_label(facts, labels_of(out))
    assert {("country-mz", "supplies", "resource-graphite"), ("country-mz", "supplies", "resource-natural-gas")} <= relations
    assert not any(s == "country-jp" and p == "supplies" for s, p, _ in relations)


def test_a_country_that_produced_a_resource_supplies_it_one_that_aims_to_does_not_yet(read) -> None:
    """「ナミビアは2030年に約2万トンのウラン精鉱を生産しており」 (the resource in a traded form, 精鉱, names it), but
    「ケニアが2035年までに…グリーン水素を生産する計画」 and 「…を生産する見通し」 tell no supplier yet."""
    facts, out = read("ナミビアは2030年に約2万トンのウラン精鉱を生産しており、その大半が欧州に輸出されています。\n"
                      "ザンビアは、同年に約80万トンの銅を生産しました。\n"
                      "ケニア側は、2035年までに年間約50万トンのグリーン水素を生産する計画を説明しました。\n"
                      "X大臣は、チュニジアが年間約10万トンのアンモニアを生産する見通しであることを歓迎しました。\n",
                      date="2031-05-09")
    relations = relations_by_label(facts, labels_of(out))
    assert {("country-na", "supplies", "resource-uranium"), ("country-zm", "supplies", "resource-copper")} <= relations
    assert not {("country-ke", "supplies", "resource-hydrogen"), ("country-tn", "supplies", "resource-ammonia")} & relations


def test_a_country_called_important_for_diversifying_supply_is_a_target(read) -> None:
    """「…を有するペルーは調達先の多角化の観点から重要」, 「同国を中東以外の重要な供給源として位置付け」: the country the
    sentence calls so (as its topic or object) is a target of the voice's diversification; the current suppliers
    named before it are not."""
    facts, out = read("武藤大臣から、我が国の銅精鉱の輸入の約7割をチリが占める中、豊富な銅資源を有するペルーは調達先の多角化の"
                      "観点から重要である旨述べました。\n"
                      "村瀬長官からは、モザンビークを中東以外の重要な供給源として位置付けている旨を述べました。\n",
                      date="2026-05-09", voice="country-jp")
    targets = {o for s, p, o in relations_by_label(facts, labels_of(out)) if p == "diversificationTarget"}
    assert targets == {"country-pe", "country-mz"}, targets


def test_who_operates_a_mine_by_a_relative_clause_or_by_bearing_its_operation(read) -> None:
    for text in ("JOGMECは、4月2日、ペルー南部でクエバ銅鉱山を操業するアンデス・コッパー社との間で覚書を締結しました。\n",
                 "北陸銅産株式会社は、クエバ銅鉱山の権益20%を取得しました。クエバ銅鉱山の操業は、引き続きアンデス・コッパー社が"
                 "担います。\n"):
        facts, out = read(text, date="2026-04-03")
        relations = relations_by_label(facts, labels_of(out))
        assert ("アンデス・コッパー社", "operates", "クエバ銅鉱山") in relations, relations


def test_a_country_before_hojin_names_where_a_company_is_from(read) -> None:
    """「オランダ法人Noord Metals B.V.との間で…締結」: the country says where the company is registered; it is no party."""
    facts, _ = read("株式会社国際協力銀行（JBIC）は、8月3日、オランダ法人Noord Metals B.V.との間で、融資金額約50百万米ドルを"
                    "限度とする貸付契約を締結しました。\n", date="2026-08-04")
    assert not any(p.entity == "country-nl" for f in facts if isinstance(f, (Action, Event)) for p in f.participants)


def test_a_dated_heading_that_names_the_people_met_tells_the_meeting(read) -> None:
    """A lead that names no one met (「…を訪問し、同国政府要人と会談等を行いました」), then headings 「（1）X大臣表敬（10日）」:
    each is a meeting of the visitor with X that day, the occasion of the lines under it."""
    text = ("1　6月9日から11日まで、高瀬外務大臣政務官は、ケニア共和国を訪問し、同国政府要人と会談等を行いました。\n"
            "2　要人との会談等\n"
            "（1）デヴィッド・オティエノ鉱業大臣表敬（10日）\n"
            "高瀬政務官から、鉱物資源分野の協力を強化したい旨述べました。\n"
            "（2）グレース・ワンジク・エネルギー大臣との会談（11日）\n"
            "双方は、地熱分野の協力を進めることで一致しました。\n")
    facts, out = read(text, date="2026-06-12")
    labels = labels_of(out)
    meetings = {(f.start, frozenset((labels.get(p.entity, p.entity), p.role) for p in f.participants))
                for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"}
    assert meetings == {("2026-06-10", frozenset({("高瀬", "Participant"), ("デヴィッド・オティエノ", "Counterpart")})),
                        ("2026-06-11", frozenset({("高瀬", "Participant"), ("グレース・ワンジク", "Counterpart")}))}, meetings
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [f.start for f in agreed] == ["2026-06-11"], agreed


def test_a_summary_block_written_as_a_table_with_bars(read) -> None:
    """「案件名 | X |」 / 「オペレーター | A社 |」: a row of a table written with bars is a labelled line."""
    facts, out = read("JOGMECは、3月2日、ラップランド銅プロジェクトへの出資を決定しました。\n"
                      "■案件概要\n"
                      "案件名 | ラップランド銅プロジェクト |\n"
                      "オペレーター | ノルド・カッパー社 |\n", date="2026-03-03")
    assert ("ノルド・カッパー社", "operates", "ラップランド銅プロジェクト") in relations_by_label(facts, labels_of(out))


def test_a_dateless_signing_at_the_talks_just_told_takes_their_date(read) -> None:
    """A signing told with no date after talks (「この会談に併せて、AとBとの間で…覚書が署名されました」) is another
    signing at those talks, not more of a signing months before (of a statement named without its own name)."""
    text = ("2009年5月、二階経済産業大臣はニジェール共和国を訪問し、同国の鉱山・エネルギー大臣と共同声明に署名しました。\n"
            "2009年9月には、二階経済産業大臣がペルー共和国を訪問し、同国のエネルギー鉱山大臣と会談しました。"
            "この会談に併せて、JOGMECとペルー地質鉱山冶金研究所との間で、銅資源の共同調査に関する覚書が署名されました。\n")
    facts, out = read(text, date="2010-06-01")
    labels = labels_of(out)
    signings = {f.start: {labels.get(p.entity, p.entity) for p in f.participants}
                for f in facts if isinstance(f, Event) and f.type == "Signing"}
    assert "org-jogmec" in signings.get("2009-09", set()), signings
    assert "org-jogmec" not in signings.get("2009-05", set()), signings


def test_the_self_development_ratio_written_bare_is_that_of_oil_and_gas(read) -> None:
    facts, _ = read("2014年4月に閣議決定されたエネルギー基本計画では、2030年に自主開発比率を40%以上に引き上げることを目指しています。\n"
                    "2013年度の石炭の自主開発比率は58.3%でした。\n", date="2015-06-01")
    indicators = {(type(f).__name__, f.indicator) for f in facts if isinstance(f, (Observation, Target))}
    assert indicators == {("Target", "indicator-self-development-ratio-oil-gas"),
                          ("Observation", "indicator-self-development-ratio-coal")}, indicators


def test_the_self_development_ratio_written_bare_before_2010_is_the_bare_one(read) -> None:
    """A White Paper of 2005 means by the bare ratio that of crude oil (the 2010 plan made it that of oil and gas): the
    observation is of the bare indicator."""
    facts, _ = read("2003年度の我が国の自主開発比率は14%でした。\n", date="2005-06")
    assert {f.indicator for f in facts if isinstance(f, Observation)} == {"indicator-self-development-ratio"}


def test_an_export_quota_or_an_export_tariff_restricts_exports(read) -> None:
    facts, out = read("中国は2009年以降、アンチモンやビスマス等の輸出に課す関税を引き上げています。\n"
                      "ジンバブエ政府は、2023年にリチウム鉱石の輸出割当制度を導入しました。\n", date="2024-06-01")
    relations = relations_by_label(facts, labels_of(out))
    assert {("country-cn", "restrictsExports", "resource-antimony"),
            ("country-zw", "restrictsExports", "resource-lithium")} <= relations, relations


def test_the_countries_trainees_came_from_are_where_the_trainer_trains(read) -> None:
    facts, out = read("JOGMECは、産油国の技術者を対象とした研修を毎年実施しており、2009年度には、オマーン、ナイジェリア及び"
                      "アンゴラの3か国から計18名を受け入れました。\n", date="2010-06-01", voice="country-jp")
    relations = relations_by_label(facts, labels_of(out))
    assert {("org-jogmec", "trainsIn", c) for c in ("country-om", "country-ng", "country-ao")} <= relations, relations


def test_the_government_bodies_of_countries_stand_for_the_countries_and_a_region_signs_nothing(read) -> None:
    facts, out = read("JOGMECは、2026年5月、ザンビア、マラウイ及びモザンビークの政府機関とそれぞれ覚書を締結しました。\n"
                      "JOGMECは、2026年6月、南部アフリカ地域の政府機関等と新たな覚書を締結しました。\n", date="2026-07-01")
    relations = relations_by_label(facts, labels_of(out))
    for country in ("country-zm", "country-mw", "country-mz"):  # cooperatesWith is symmetric: either way round
        assert {("org-jogmec", "cooperatesWith", country), (country, "cooperatesWith", "org-jogmec")} & relations, relations
    signers = {p.entity for f in facts if isinstance(f, Event) and f.type == "Signing" for p in f.participants}
    assert not any(e.startswith("region-") for e in signers), signers


TRIP = ("経済産業省\n\n"
        "佐川経済産業副大臣は、10月5日（月曜日）から9日（金曜日）までの日程で、ザンビア共和国及びマラウイ共和国を訪問しました。\n\n"
        "1．ザンビア共和国（10月6日）\n"
        "（1）鉱山・鉱物開発大臣との会談（6日）\n"
        "6日、佐川副大臣は、ルサカにおいて、ムワンザ鉱山・鉱物開発大臣と会談しました。\n\n"
        "2．マラウイ共和国（10月8日）\n"
        "（1）鉱山の視察\n"
        "8日、佐川副大臣は、ムズズを訪れ、レアアース鉱山を視察しました。\n\n"
        "（参考）\n"
        "11月20日、佐川副大臣は、東京において、来日したバンダ・マラウイ鉱業大臣と会談しました。\n")


def test_a_city_where_an_event_of_a_visit_is_held_lies_in_the_visited_country(read) -> None:
    """「6日、A副大臣は、ルサカにおいて、B大臣と会談しました」 on a trip to Zambia: the city is in Zambia (the
    heading 「1．ザンビア共和国」 names the country of a counterpart written without one); a place visited on a day
    under the heading of another country is in that one; a meeting at home, on no day of the trip, places nothing."""
    facts, out = read(TRIP, date="2026-10-10", voice="country-jp")
    relations = relations_by_label(facts, labels_of(out))
    assert ("ルサカ", "partOf", "country-zm") in relations, relations
    assert ("ムズズ", "partOf", "country-mw") in relations, relations
    assert not any(s == "東京" for s, p, _ in relations if p == "partOf"), relations


def test_a_meeting_told_by_its_heading_and_again_with_its_place_is_one_meeting(read) -> None:
    """「（1）…大臣との会談（6日）」 then 「6日、…ルサカにおいて、…と会談しました」: one meeting, held in Lusaka."""
    facts, out = read(TRIP, date="2026-10-10", voice="country-jp")
    labels = labels_of(out)
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting" and f.start == "2026-10-06"]
    assert len(meetings) == 1, meetings
    assert [labels.get(e, e) for e in meetings[0].location] == ["ルサカ"], meetings


def test_a_measure_titled_by_a_country_is_about_that_country(read) -> None:
    """「＜具体的な主要施策＞ / 1．チュニジア共和国」: the measure shares the registry's name of Tunisia, so it is
    linked to it (the graph's check of unlinked twins would otherwise stop the build)."""
    _, out = read("＜具体的な主要施策＞\n1．チュニジア共和国\n2026年、JOGMECはチュニジアで探鉱を支援しました。\n", date="2026-06-01")
    measures = [e for e in out.entities.values() if e.label_ja == "チュニジア共和国" and e.id.startswith("measure-")]
    assert measures and measures[0].extra.get("related") == ("country-tn",), measures


def test_the_pair_that_agreed_is_no_party_of_a_signing_between_two_bodies_told_after(read) -> None:
    """「両大臣は、…協力することで一致し、AとBとの間で「…覚書」が署名されました」: the memorandum is signed
    between the two bodies; the ministers are the subject of the agreement only."""
    text = ("2024年3月には、武藤経済産業大臣がチリ共和国を訪問し、同国のカミラ・ロハス鉱業大臣と会談しました。"
            "両大臣は、リチウム開発で協力することで一致し、経済産業省とチリ共和国鉱業省との間で"
            "「鉱物資源分野の協力に関する覚書」が署名されました。\n")
    facts, out = read(text, date="2025-06-01")
    labels = labels_of(out)
    signings = [{labels.get(p.entity, p.entity) for p in f.participants}
                for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert signings == [{"org-meti", "チリ共和国鉱業省"}], signings


def test_a_footnote_that_gives_the_day_of_a_signing_dated_by_its_month_tells_that_signing(read) -> None:
    """「…2025年6月に…覚書*1を締結しています。 / *1 2025年6月12日にサンティアゴで署名。」: the signing told by
    its month happened on that day, in that city; no second signing, and the signers named after it sign it."""
    text = ("1. JBICは、3月10日、チリ共和国法人Andes Lithium S.A.との間で貸付契約に調印しました。\n"
            "2. なお、JBICは、2025年6月にチリ共和国鉱業省との間で協力に関する覚書*1を締結しています。\n\n"
            "*1 2025年6月12日にサンティアゴで署名。署名者はJBICの山田 太郎常務執行役員と同省のペドロ・ソト次官。\n")
    facts, out = read(text, date="2026-03-11")
    labels = labels_of(out)
    signings = {f.start: ({labels.get(p.entity, p.entity) for p in f.participants}, [labels.get(e, e) for e in f.location])
                for f in facts if isinstance(f, Event) and f.type == "Signing"}
    assert set(signings) == {"2026-03-10", "2025-06-12"}, signings
    parties, places = signings["2025-06-12"]
    assert {"org-jbic", "山田太郎", "ペドロ・ソト"} <= parties and places == ["サンティアゴ"], signings


SCHEDULE = ("経済産業省\n\n"
            "沢井経済産業大臣政務官は、11月2日から6日までの日程で、ケニア共和国及びタンザニア連合共和国を訪問しました。\n"
            "＜日程＞\n11月3日（火曜日）　ナイロビ　オティエノ鉱業大臣との会談\n11月5日（木曜日）　ドドマ　ムセンガ鉱物大臣との会談\n\n"
            "1．ケニア共和国\n3日、沢井政務官は、ケニア共和国のジョセフ・オティエノ鉱業大臣と会談しました。\n\n"
            "2．タンザニア連合共和国\n5日、沢井政務官は、タンザニア連合共和国のアンナ・ムセンガ鉱物大臣と会談しました。\n")


def test_a_schedule_that_names_people_before_the_body_names_them_in_full(read) -> None:
    """A schedule row 「オティエノ鉱業大臣との会談」 under a lead naming two countries, then 「ケニア共和国のジョセフ・
    オティエノ鉱業大臣」: one person (named in full), one holding of Kenya's post, and the lead's last country
    (Tanzania) does not make the row's minister Tanzanian."""
    facts, out = read(SCHEDULE, date="2026-11-09", voice="country-jp")
    labels = labels_of(out)
    holdings = sorted((labels.get(f.person, f.person), labels.get(f.post, f.post), f.date)
                      for f in facts if isinstance(f, PostHolding) and not f.person.startswith("person-"))
    assert ("ジョセフ・オティエノ", "ケニア鉱業大臣", "2026-11-03") in holdings, holdings
    assert ("アンナ・ムセンガ", "タンザニア鉱物大臣", "2026-11-05") in holdings, holdings
    assert not [h for h in holdings if h[0] in ("オティエノ", "ムセンガ")], holdings
    assert len([h for h in holdings if "オティエノ" in h[0]]) == 1, holdings
    assert not [h for h in holdings if "オティエノ" in h[0] and h[1] != "ケニア鉱業大臣"], holdings  # nor Chile's registry post


def test_a_survey_in_a_district_of_a_province_of_a_country_is_a_survey_in_that_country(read) -> None:
    """「同国南西部のオロミア州グジ地域において…共同調査を実施」: the district lies in the province, the province in
    the country told before: the survey is in that country, not in the province."""
    text = ("JOGMECは、2月3日、エチオピア連邦民主共和国鉱山省との間で覚書を締結しました。"
            "本覚書に基づき、JOGMECは、同国南西部のオロミア州グジ地域において、リチウム鉱床の共同調査を実施しました。\n")
    facts, out = read(text, date="2026-02-10")
    relations = relations_by_label(facts, labels_of(out))
    assert ("org-jogmec", "surveysIn", "country-et") in relations, relations
    assert not [r for r in relations if r[1] == "surveysIn" and r[2] != "country-et"], relations


def test_the_parties_of_a_contract_a_relative_clause_tells_hold_it_and_an_operator_runs_the_mine_it_describes(read) -> None:
    """「本融資は、A社及びB社の2社が、C社との間でそれぞれ締結した銅精鉱の長期引取契約に基づき、C社が同国南部で
    操業するD銅鉱山から…」: each of the two holds the contract with C社; C社 operates the mine."""
    text = ("本融資は、青葉製錬株式会社及び白浜銅業株式会社の2社が、Andes Norte S.A.との間でそれぞれ締結した銅精鉱の"
            "長期引取契約に基づき、Andes Norte S.A.がチリ共和国北部で操業するロス・ピノス銅鉱山から産出される銅精鉱を"
            "日本向けに輸出するために必要な資金を融資するものです。\n")
    facts, out = read(text, date="2026-06-01")
    relations = relations_by_label(facts, labels_of(out))
    assert {("青葉製錬株式会社", "hasContractWith", "Andes Norte S.A."), ("白浜銅業株式会社", "hasContractWith", "Andes Norte S.A."),
            ("Andes Norte S.A.", "operates", "ロス・ピノス銅鉱山")} <= relations, relations


def test_a_ministerial_meeting_named_again_as_the_topic_takes_its_organisers_and_chairs(read) -> None:
    """「…開催された「第3回北海重要鉱物閣僚会合」に出席しました」 then 「本会合は、ノルウェー政府と欧州委員会の共催に
    より開催され、…大臣と…委員が共同議長を務めました」: one meeting, with its organisers, its two chairs, and the
    minister who attended it as a participant (a seminar has attendees; a ministerial meeting, participants)."""
    text = ("武藤経済産業大臣は、5月12日、ノルウェー王国のオスロで開催された「第3回北海重要鉱物閣僚会合」に出席しました。\n"
            "本会合は、ノルウェー政府と欧州委員会の共催により開催され、ノルウェーのエリク・ハウゲ産業大臣と"
            "欧州委員会のアンナ・ベルク委員が共同議長を務めました。\n")
    facts, out = read(text, date="2026-05-14", voice="country-jp")
    labels = labels_of(out)
    meetings = [{(labels.get(p.entity, p.entity), p.role) for p in f.participants}
                for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert len(meetings) == 1, meetings
    assert {("person-muto-yoji", "Participant"), ("country-no", "Organiser"), ("org-european-commission", "Organiser"),
            ("エリク・ハウゲ", "Chair"), ("アンナ・ベルク", "Chair")} <= meetings[0], meetings


def test_who_attended_a_signing_ceremony_and_who_signed_at_it(read) -> None:
    """「署名式には、A大臣及びB大使が臨席し、XのC理事とYのD所長が本覚書に署名しました」: A and B attend, C and D
    sign; 「署名式には、XからC理事長が、YからはD社長が出席し、それぞれ本覚書に署名しました」: C and D attend and sign."""
    text = ("JOGMECは、3月2日、ザンビア地質調査所との間で「地質情報に関する覚書」を締結しました。"
            "署名式には、同国鉱山省のピーター・ムワレ大臣及び山内 修 駐ザンビア日本国特命全権大使が臨席し、"
            "JOGMECの岡田 誠理事とザンビア地質調査所のグレース・バンダ所長が本覚書に署名しました。\n"
            "JOGMECは、4月8日、韓国鉱害鉱業公団との間で「備蓄に関する覚書」を締結しました。"
            "署名式には、JOGMECから宮坂理事長が、同公団からはキム・ソンホ社長が出席し、それぞれ本覚書に署名しました。\n")
    facts, out = read(text, date="2026-04-10")
    labels = labels_of(out)
    roles = {f.start: {(labels.get(p.entity, p.entity), p.role) for p in f.participants}
             for f in facts if isinstance(f, Event) and f.type == "Signing"}
    assert {("ピーター・ムワレ", "Attendee"), ("山内修", "Attendee"), ("岡田誠", "Signatory"),
            ("グレース・バンダ", "Signatory")} <= roles["2026-03-02"], roles
    assert ("キム・ソンホ", "Signatory") in roles["2026-04-08"], roles


def test_who_sits_in_on_a_courtesy_call_named_again_takes_part_in_it(read) -> None:
    """「…大臣の表敬を受けました。本表敬には、X国営石油会社（XPC）のY総裁が同席しました」: Y takes part in the call
    and holds the company's presidency that day (the company's other name in brackets between)."""
    text = ("7月14日、桐山外務大臣政務官は、訪日中のハリー・ウィジョノ・スリナム共和国天然資源大臣の表敬を受けました。"
            "本表敬には、スリナム国営石油会社（スタートスオリー）のアンドレ・ブラウン総裁が同席しました。\n")
    facts, out = read(text, date="2026-07-15", voice="country-jp")
    labels = labels_of(out)
    calls = [{(labels.get(p.entity, p.entity), p.role) for p in f.participants}
             for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert len(calls) == 1 and ("アンドレ・ブラウン", "Participant") in calls[0], calls
    holdings = {(labels.get(f.person), labels.get(f.post), f.date) for f in facts if isinstance(f, PostHolding)}
    assert ("アンドレ・ブラウン", "スリナム国営石油会社総裁", "2026-07-14") in holdings, holdings


def test_a_release_whose_deal_brings_supplies_from_a_new_supplier_names_its_country_a_target(read) -> None:
    """「本件は、新たな供給国からの調達を通じて、日本の銅資源の安定確保に資するものです」 in a release about a loan to
    a Pakistani company: Pakistan is a target of Japan's diversification."""
    text = ("1. JBICは、3月5日、パキスタン・イスラム共和国法人Indus Minerals (Private) Limitedとの間で貸付契約に調印しました。\n"
            "2. 本件は、新たな供給国からの調達を通じて、日本の銅資源の安定確保に資するものです。\n")
    facts, out = read(text, date="2026-03-06", voice="country-jp")
    assert ("country-jp", "diversificationTarget", "country-pk") in relations_by_label(facts, labels_of(out))


def test_a_memorandum_between_two_ministries_signed_after_talks_has_the_signer_and_both_ministries(read) -> None:
    """「A政務官は、B大臣と会談し、経済産業省とX国Y省との間の「…覚書」に署名しました」: A signs, and the two
    ministries are the memorandum's parties; B, met in the talks before, is no signer said."""
    text = "1月31日、堤政務官は、アブバカール・カマラ鉱山・地質大臣と会談し、経済産業省とギニア共和国鉱山・地質省との間の「鉱物資源分野における協力覚書」に署名しました。\n"
    facts, out = read(text, date="2027-02-05", voice="country-jp")
    labels = labels_of(out)
    signings = [{labels.get(p.entity, p.entity) for p in f.participants if p.role == "Signatory"}
                for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert signings and {"堤", "org-meti", "ギニア共和国鉱山・地質省"} <= signings[0] and "アブバカール・カマラ" not in signings[0], signings


def test_who_a_relative_clause_says_carries_out_joint_work_cooperate(read) -> None:
    """「両外相は、JOGMECとモンテネグロ地質調査所が2025年から同国北部で進めている亜鉛の共同調査の進展を歓迎しました」:
    the two bodies cooperate."""
    text = ("3月2日、茂木外務大臣は、モンテネグロのミロ・ヴコヴィッチ外務大臣と会談しました。"
            "両外相は、JOGMECとモンテネグロ地質調査所が2025年から同国北部で進めている亜鉛の共同調査の進展を歓迎しました。\n")
    facts, out = read(text, date="2026-03-03", voice="country-jp")
    relations = relations_by_label(facts, labels_of(out))
    assert ("org-jogmec", "cooperatesWith", "モンテネグロ地質調査所") in relations, relations


def test_a_meeting_told_again_with_a_government_and_a_body_as_co_organisers(read) -> None:
    """「本会合は、コロンビア政府とIEAの共催により開催され」: the meeting told before grows its two organisers, a
    country and a body, and they cooperate (a country co-organises as a body does)."""
    facts, _ = read("3月11日、武藤経済産業大臣は、コロンビアのボゴタで開催された「重要鉱物閣僚会合」に出席しました。\n"
                    "本会合は、コロンビア政府とIEAの共催により開催されました。\n")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    assert {p.entity for p in meeting.participants if p.role == "Organiser"} == {"country-co", "org-iea"}
    assert Assertion("country-co", "cooperatesWith", "org-iea") in facts


def test_co_organisers_cooperate_the_own_side_first(read) -> None:
    """「ナミビア鉱山・エネルギー省と経済産業省の共催により、…フォーラムが開かれ」: the own side is the subject."""
    facts, _ = read("3月11日、ナミビア鉱山・エネルギー省と経済産業省の共催により、ウィントフックで「日・ナミビア鉱業フォーラム」が開かれました。\n",
                    voice="country-jp")
    pairs = [(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "cooperatesWith"]
    assert len(pairs) == 1 and pairs[0][0] == "org-meti"


@pytest.mark.parametrize("text, part, country", [
    ("モンゴル国は石炭の輸出国である。両大臣は、同国南部のタバン・トルゴイ炭田の開発に協力することで一致しました。\n",
     "タバン・トルゴイ炭田", "country-mn"),  # a coal field: a project after a compass part of its country
    ("JOGMECは、赤道ギニア共和国沖合のビオコ北鉱区における探鉱事業に出資しました。\n", "ビオコ北鉱区", "country-gq"),
    ("ナミビアは重要な国である。両首脳は、同国沖合のオレンジ盆地における探鉱について意見交換を行いました。\n",
     "オレンジ盆地", "country-na"),  # a basin named with a common word (オレンジ), offshore
    ("JOGMECは、ブラジル南東部沖合のサントス盆地における探鉱技術に関する協力を進めています。\n", "サントス盆地", "country-br"),
    ("アルジェリアは重要な国である。同国南部のサハラ砂漠における水素製造計画が紹介されました。\n", "サハラ砂漠", "country-dz"),
    ("アルゼンチンは重要な国である。両者は、同国北西部のフフイ州及びサルタ州におけるリチウム開発で一致しました。\n",
     "サルタ州", "country-ar"),  # the second of two places listed after the compass part
])
def test_a_place_or_field_after_its_country_a_compass_part_or_its_offshore(read, text, part, country) -> None:
    """「同国沖合のオレンジ盆地」, 「同国南部のタバン・トルゴイ炭田」, 「…のフフイ州及びサルタ州」: each lies in the country
    (a basin, a desert and a coal field are names of their own, the field a project)."""
    facts, out = read(text)
    assert (part, "partOf", country) in relations_by_label(facts, labels_of(out))


def test_a_bound_in_what_a_continuing_sentence_confirms_does_not_date_it(read) -> None:
    """「会合の最後に、…2030年までに…拡大するため、協力を進めることを確認しました」: agreed at the meeting told before,
    on its day, not in 2030 (the year bounds what is to be done)."""
    facts, _ = read("5月19日、ワルシャワにおいて「日・中東欧エネルギー閣僚会合」が開催されました。\n"
                    "会合の最後に、参加国は「ワルシャワ共同声明」を採択し、LNG受入能力を2030年までに年間約4,000万トンに"
                    "拡大するため、協力を進めることを確認しました。\n", date="2027-05-21")
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert agreed and {e.start for e in agreed} == {"2027-05-19"}


def test_a_post_told_short_after_its_full_name_is_the_same_holding(read) -> None:
    """「ナイジェリア連邦共和国のハッサン・ダンジュマ石油資源担当国務大臣と会談」, then 「ダンジュマ国務大臣から、…」:
    one post held, not a second one called 国務大臣."""
    facts, out = read("20日、真鍋副大臣は、ナイジェリア連邦共和国のハッサン・ダンジュマ石油資源担当国務大臣と会談しました。"
                      "会談では、ダンジュマ国務大臣から、同国の原油生産について説明がありました。\n", date="2026-05-21")
    held = [out.entities[f.post].label_ja for f in facts if isinstance(f, PostHolding) and "ダンジュマ" in out.entities[f.person].label_ja]
    assert len(held) == 1 and held[0].endswith("石油資源担当国務大臣")


def test_an_exchange_of_notes_signed_between_the_two_ministers(read) -> None:
    """「会談に先立ち、両外相の間で、…に関する交換公文の署名が行われました」: the two ministers of the talks sign."""
    facts, _ = read("本12日、茂木敏充外務大臣は、カメルーン共和国のエトゥンディ外務大臣と会談を行いました。"
                    "会談に先立ち、両外相の間で、無償資金協力「地質情報整備計画」に関する交換公文の署名が行われました。\n",
                    date="2026-11-12")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert len({p.entity for p in signing.participants if p.role == "Signatory"}) == 2
    assert "person-motegi-toshimitsu" in {p.entity for p in signing.participants}


def test_rows_of_a_table_of_imports_by_supplier_are_shares_of_its_caption_resource(read) -> None:
    """A White Paper's table turned into lines: the caption names the resource and that the rows are suppliers
    (輸入先), each row a supplier and its share; the source line under it ends the table."""
    facts, _ = read("【第213-2-1表】我が国のLNG輸入先（2010年度）\n順位　国名　シェア\n1　マレーシア　19.5%\n"
                    "2　オーストラリア　18.2%\n（資料）財務省「貿易統計」を基に作成\n3　同国の事業に参画しています。\n")
    shares = {(s.resource, s.suppliers, str(s.value)) for s in facts if isinstance(s, SupplyShare)}
    assert shares == {("resource-lng", ("country-my",), "19.5"), ("resource-lng", ("country-au",), "18.2")}
    assert Assertion("country-my", "supplies", "resource-lng") in facts


@pytest.mark.parametrize("text, part, whole", [
    ("北星非鉄は、アルメニア共和国南部のシュニク地方にあるメグリ銅・モリブデン鉱山の権益を取得しました。\n",
     "メグリ銅・モリブデン鉱山", "シュニク地方"),
    ("RCM社は、ジョージア西部のイメレティ州に位置するザルツィ・マンガン鉱山を操業しています。\n",
     "ザルツィ・マンガン鉱山", "イメレティ州"),
    ("JOGMECは、カナダ中部のサスカチュワン州北部に位置するブラック・スプルース鉱区を対象とする契約を締結しました。\n",
     "ブラック・スプルース鉱区", "サスカチュワン州"),
])
def test_a_mine_or_block_a_relative_clause_places_in_a_province_lies_in_it(read, text, part, whole) -> None:
    """「…地方にある…鉱山」, 「…州に位置する…鉱山」, 「…州北部に位置する…鉱区」: part of that province."""
    facts, out = read(text)
    assert (part, "partOf", whole) in relations_by_label(facts, labels_of(out))


def test_who_invests_or_lends_named_in_the_verbal_nouns_own_phrase(read) -> None:
    """A NEXI release: 「Aによる(X国法人)B社への出資に対し、…保険の引受けを決定」: A invests in B, not the insurer;
    「B社に対する株式会社C銀行の融資について」: C lends to B; 「C銀行の融資は、JBICとの協調融資による」: JBIC lends to B
    too (the lender's loan told again, by the bank's name without its legal form)."""
    facts, out = read("株式会社日本貿易保険（NEXI）は、双葉物産株式会社によるガーナ共和国法人Volta Gold Limited（以下「VGL社」）への"
                      "出資に対し、海外投資保険の引受けを決定しました。また、VGL社に対する株式会社さくら銀行の融資について、"
                      "海外事業資金貸付保険の引受けを併せて決定しました。\n"
                      "なお、さくら銀行の融資は国際協力銀行（JBIC）との協調融資によるものです。\n", issuer="org-nexi")
    relations = relations_by_label(facts, labels_of(out))
    assert ("双葉物産株式会社", "investsIn", "Volta Gold Limited") in relations
    assert ("株式会社さくら銀行", "finances", "Volta Gold Limited") in relations
    assert ("org-jbic", "finances", "Volta Gold Limited") in relations
    assert not {r for r in relations if r[0] == "org-nexi" and r[1] in ("investsIn", "finances")}


@pytest.mark.parametrize("text, kind, date, about", [
    ("2010年6月に改定されたエネルギー基本計画では、自主開発比率を引き上げることを目標としています。\n",
     "Revision", "2010-06", "plan-strategic-energy-plan"),  # a plan a relative clause says was revised
    ("2016年11月、独立行政法人石油天然ガス・金属鉱物資源機構法が改正され、JOGMECの業務が拡大されました。\n",
     "Revision", "2016-11", "law-jogmec-act"),  # the JOGMEC Act under its former name
    ("2006年5月に取りまとめられた「新・国家エネルギー戦略」では、目標を掲げています。\n", "Publication", "2006-05", ""),
])
def test_a_plan_or_law_a_relative_clause_or_a_passive_says_was_revised_or_drawn_up(read, text, kind, date, about) -> None:
    facts, out = read(text, date="2017-06-01")
    events = [f for f in facts if isinstance(f, Event) and f.type == kind and f.start == date]
    assert len(events) == 1 and events[0].about
    assert not about or events[0].about == (about,)


def test_a_statement_issued_on_the_last_day_of_a_meeting_of_two_days(read) -> None:
    """「会合の最後には、両共同議長により「…共同議長声明」が発出されました」 after a meeting held 16–17 March: the
    statement (a quoted name ending in 声明) is published on the 17th."""
    facts, out = read("3月16日から17日にかけて、リオデジャネイロで「第20回IEF閣僚会合」が開催されました。"
                      "会合の最後には、両共同議長により「リオデジャネイロ共同議長声明」が発出されました。\n", date="2027-03-18",
                      voice="country-jp")
    published = [f for f in facts if isinstance(f, Event) and f.type == "Publication"]
    assert [(e.start, [out.entities[a].label_ja for a in e.about]) for e in published] == [
        ("2027-03-17", ["リオデジャネイロ共同議長声明"])]


def test_a_named_meeting_of_two_days_stays_itself_and_its_last_day_dates_what_ends_it(read) -> None:
    """「…大臣は、9月15日（火曜日）及び16日（水曜日）…で開催された「…閣僚会合」に出席」: the meeting runs over both days
    and is not folded into the talks of the 15th; 「会合の最後に、参加国は「…行動計画」を採択しました」 is on the 16th."""
    facts, out = read("武藤経済産業大臣は、9月15日（火曜日）及び16日（水曜日）にリスボンで開催された「第2回大西洋重要鉱物閣僚会合」に"
                      "出席しました。会合の最後に、参加国は「リスボン重要鉱物行動計画」を採択しました。\n"
                      "15日、武藤大臣は、ポルトガルのマトス環境・エネルギー大臣と会談しました。\n", date="2026-09-17",
                      voice="country-jp")
    meetings = sorted((e.start, e.end) for e in facts if isinstance(e, Event) and e.type == "MinisterialMeeting")
    assert ("2026-09-15", "2026-09-16") in meetings and ("2026-09-15", "") in meetings
    adopted = [e for e in facts if isinstance(e, Event) and e.type == "AgreementReached"]
    assert [(e.start, [out.entities[a].label_ja for a in e.about]) for e in adopted] == [
        ("2026-09-16", ["リスボン重要鉱物行動計画"])]


@pytest.mark.parametrize("second", [
    "ロハス大臣からは、同国のリチウム資源量が紹介され、両者は、リチウム開発で協力していくことで一致しました。",
    "ボリビアは世界有数のリチウム資源国であり、両大臣は、リチウム開発で協力していくことで一致しました。",
])
def test_the_pair_after_a_reported_or_copular_clause_agree_at_the_talks_just_told(read, second) -> None:
    """「X大臣からは、…が紹介され、両者は、…一致」, 「Aは…資源国であり、両大臣は、…一致」: the two who met agree, on the
    day of their talks."""
    facts, _ = read("3月2日、武藤経済産業大臣は、ラパスにおいて、ボリビアのロハス鉱業大臣と会談しました。" + second + "\n",
                    date="2026-03-04")
    agreed = [e for e in facts if isinstance(e, Event) and e.type == "AgreementReached"]
    assert [(e.start, len({p.entity for p in e.participants if not p.implicit})) for e in agreed] == [("2026-03-02", 2)]


def test_the_own_side_works_in_the_country_of_the_foreign_body_it_is_subject_with(read) -> None:
    """「JOGMECとペトロナスは、2027年度から…共同調査を実施する予定です」: no place named, JOGMEC surveys in Malaysia."""
    facts, _ = read("JOGMECとペトロナスは、2027年度から2年間、約3,000平方キロメートルの区域を対象に共同調査を実施する予定です。\n",
                    voice="country-jp")
    assert Assertion("org-jogmec", "surveysIn", "country-my") in facts


def test_a_body_named_after_its_country_keeps_the_country_under_its_short_name(read) -> None:
    """「ギニア国立地質調査所（以下「SNG」）」, then 「JOGMECとSNGは、…共同調査を実施」: SNG is Guinea's, so JOGMEC surveys
    in Guinea."""
    facts, _ = read("JOGMECは、ギニア国立地質調査所（以下「SNG」）との間で、覚書を締結しました。"
                    "JOGMECとSNGは、2027年度から2年間、共同調査を実施する予定です。\n", voice="country-jp")
    assert Assertion("org-jogmec", "surveysIn", "country-gn") in facts


def test_a_country_that_supplies_a_resource_to_japan_supplies_it(read) -> None:
    """「…、ガボンが2025年に日本へ約30万トンのマンガンを供給したことに謝意を表し」: Gabon supplies manganese."""
    facts, _ = read("武藤大臣から、ガボンが2025年に日本へ約30万トンのマンガンを供給したことに謝意を表しました。\n",
                    voice="country-jp")
    assert Assertion("country-ga", "supplies", "resource-manganese") in facts
    assert not any(isinstance(f, Assertion) and f.subject == "country-jp" and f.predicate == "supplies" for f in facts)


def test_two_countries_a_trip_visited_named_as_where_talks_were_held_do_not_cooperate(read) -> None:
    """「…A国及びB国を訪問しました。両国では、…閣僚等と会談を行いました」: 両国では is where, not who: no A–B relation."""
    facts, _ = read("高見政務官は、10月4日から9日までの日程で、ガボン共和国及びコートジボワール共和国を訪問しました。"
                    "両国では、鉱物資源分野における協力の具体化に向けて、閣僚等と会談を行いました。\n", voice="country-jp")
    assert Assertion("country-ci", "cooperatesWith", "country-ga") not in facts
    assert Assertion("country-ga", "cooperatesWith", "country-ci") not in facts


def test_a_word_of_surveying_inside_a_bodys_name_is_no_survey(read) -> None:
    """「…首都コロンボにおいて、同国…省傘下の地質調査・鉱山局との間で、…覚書を締結」: 地質調査 is part of the bureau's
    name; JOGMEC does not survey the capital where it signed."""
    facts, out = read("JOGMECは、9月15日、スリランカの首都コロンボにおいて、同国産業省傘下の地質調査・鉱山局との間で、"
                      "黒鉛の共同調査に関する覚書を締結しました。\n", voice="country-jp")
    relations = relations_by_label(facts, labels_of(out))
    assert ("org-jogmec", "surveysIn", "コロンボ") not in relations


def test_a_mine_defined_by_a_site_anaphor_is_a_project_its_operator_operates(read) -> None:
    """「…リンポポ州に位置するマラカネ白金族金属鉱山（以下「本鉱山」）」: a mine (not a company named …金属鉱山);
    「本鉱山の操業は、引き続きBM社が担います」: BM operates it, and it lies in the province."""
    facts, out = read("本プロジェクトは、同国北東部のリンポポ州に位置するマラカネ白金族金属鉱山（以下「本鉱山」）を拡張するものです。"
                      "本鉱山の操業は、引き続きBM社が担います。\n")
    relations = relations_by_label(facts, labels_of(out))
    assert ("BM社", "operates", "マラカネ白金族金属鉱山") in relations
    assert ("マラカネ白金族金属鉱山", "partOf", "リンポポ州") in relations


@pytest.mark.parametrize("text, target", [
    ("桐山政務官から、日本は原油輸入の9割以上を中東地域に依存しており、中南米を含む調達先の多角化が重要である旨述べました。\n",
     "region-latin-america"),
    ("政府は、アフリカを含む供給源の多様化を進めています。\n", "region-africa"),
])
def test_a_region_an_importer_widens_its_sources_to_include_is_a_diversification_target(read, text, target) -> None:
    """「中南米を含む調達先の多角化」, 「…を含む供給源の多様化」: the region named is a target, not the Middle East."""
    facts, _ = read(text, voice="country-jp")
    targets = {f.object for f in facts if isinstance(f, Assertion) and f.predicate == "diversificationTarget"}
    assert targets == {target}


def test_a_release_whose_deal_also_widens_sources_names_the_deals_country(read) -> None:
    """「本件は、チタン鉱石の調達先の多角化にも資するものです」 (…にも資する): the deal's country is a target."""
    facts, _ = read("JBICは、シエラレオネ共和国の鉱山会社に対する融資を決定しました。\n本件は、チタン鉱石の調達先の多角化にも資するものです。\n",
                    voice="country-jp")
    assert Assertion("country-jp", "diversificationTarget", "country-sl") in facts


def test_those_named_before_an_attendance_phrase_attend_the_signing(read) -> None:
    """「署名式は、A大臣及びB大使の出席の下で行われ、JOGMECのC理事とGSMBのD局長が署名しました」: A and B attend."""
    facts, _ = read("JOGMECは、9月15日、スリランカの地質調査・鉱山局（以下「GSMB」）との間で覚書を締結しました。"
                    "署名式は、スリランカの産業大臣及び高島 史郎駐スリランカ日本国特命全権大使の出席の下で行われ、"
                    "JOGMECの伊吹 真澄理事とGSMBのチャミンダ・ペレラ局長が署名しました。\n", voice="country-jp")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    attendees = [p.entity for p in signing.participants if p.role == "Attendee"]
    assert len(attendees) >= 1


def test_talks_a_visiting_foreign_minister_holds_with_one_of_the_own_side_are_the_own_sides(read) -> None:
    """「2004年10月には、キューバ共和国のメンデス基幹産業大臣が来日し、中川経済産業大臣と会談しました」: the own side's
    minister takes part, the Cuban is the counterpart met (as where the own side is the subject)."""
    facts, out = read("2004年10月には、キューバ共和国のラウル・メンデス基幹産業大臣が来日し、中川経済産業大臣と会談しました。\n",
                      date="2005-06-01", voice="country-jp")
    talks = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    roles = {out.entities[p.entity].label_ja: p.role for p in talks.participants if not p.implicit}
    assert roles == {"中川": "Participant", "ラウル・メンデス": "Counterpart"}


def test_a_bare_title_holds_the_post_the_heading_names_the_person_with(read) -> None:
    """「（2）チリ共和国　アナ・ソト 鉱業大臣」 then 「…、ソト大臣と会談しました」: Soto holds the Chilean post on the
    day of the talks, though the sentence gives only the bare title."""
    text = ("武藤経済産業大臣の南米訪問について\n2025年3月12日\n1．会談の概要\n"
            "（1）ペルー共和国　ホルヘ・モンテロ エネルギー鉱山大臣\n"
            "3月11日（火曜日）、武藤経済産業大臣は、モンテロ大臣と会談しました。\n"
            "（2）チリ共和国　アナ・ソト 鉱業大臣\n"
            "3月12日（水曜日）、武藤大臣は、ソト大臣と会談しました。\n")
    facts, out = read(text)
    held = {(out.entities[f.person].label_ja, f.date): f.post for f in facts
            if isinstance(f, PostHolding) and f.person in out.entities}
    assert held[("アナ・ソト", "2025-03-12")] == "post-cl-minister-mining"
    assert out.entities[held[("ホルヘ・モンテロ", "2025-03-11")]].label_ja.endswith("エネルギー鉱山大臣")


def test_a_roster_of_countries_stands_in_for_the_region_the_meetings_name_gives(read) -> None:
    """「第1回日・中央アジア・エネルギー閣僚会合」 has Japan and Central Asia as its parties, until its block lists the
    countries that took part (参加国：…): then they are its participants, and the region is not."""
    head = ("武藤経済産業大臣は、3月4日（水曜日）、アスタナにおいて開催された第1回日・中央アジア・エネルギー閣僚会合に"
            "出席しました。\n")
    facts, _ = read(head)
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    assert {p.entity for p in meeting.participants} >= {"country-jp", "region-central-asia"}
    facts, _ = read(head + "1．会合の概要\n参加国：日本、カザフスタン共和国、ウズベキスタン共和国、キルギス共和国\n")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    parties = {p.entity for p in meeting.participants}
    assert parties >= {"country-jp", "country-kz", "country-uz", "country-kg"}
    assert "region-central-asia" not in parties


def test_a_statement_called_by_its_kind_alone_is_one_of_its_own(read) -> None:
    """「会合の成果として、共同声明が採択され」 with no statement named before: the meeting adopted a statement of
    its own, called 共同声明 (on the meeting's last day: an outcome is adopted as it closes); 「また、議長総括が発出」
    after a meeting of one day publishes the chair's summary, a policy document of its own, that day."""
    text = ("4月9日（木曜日）及び10日（金曜日）、トリノにおいてG7エネルギー大臣会合が開催され、武藤経済産業大臣が出席しました。\n"
            "会合の成果として、共同声明が採択されました。\n")
    facts, out = read(text, date="2026-04-11")
    adopted = next(f for f in facts if isinstance(f, Event) and f.type == "AgreementReached")
    assert adopted.start == "2026-04-10"
    assert [(out.entities[a].label_ja, out.entities[a].cls) for a in adopted.about] == [("共同声明", "Agreement")]
    text = ("4月9日（木曜日）、トリノにおいてG7エネルギー大臣会合が開催され、武藤経済産業大臣が出席しました。\n"
            "会合の成果として、共同声明が採択されました。\n"
            "また、議長総括が発出されました。\n")
    facts, out = read(text, date="2026-04-11")
    published = [f for f in facts if isinstance(f, Event) and f.type == "Publication"]
    assert {f.start for f in published} == {"2026-04-09"}
    assert {(out.entities[a].label_ja, out.entities[a].cls) for f in published for a in f.about} == {
        ("議長総括", "PolicyDocument")}


ROSTER_RELEASE = (
    "2026年9月5日\n経済産業省\n\n武藤経済産業大臣が日ASEANエネルギー大臣特別会合に出席しました\n\n【概要】\n"
    "武藤経済産業大臣は、9月3日（木曜日）、ジャカルタにおいて開催された「日ASEANエネルギー大臣特別会合」に出席しました。\n\n"
    "1．会合の概要\n＜参加国・機関＞\n・ASEAN加盟国：インドネシア共和国、マレーシア、フィリピン共和国、タイ王国\n"
    "・国際機関：東アジア・アセアン経済研究センター（ERIA）（オブザーバー）\n"
    "会合では、武藤大臣から、インドネシア、マレーシア及びフィリピンの3か国で我が国のLNG輸入の約2割を占めている旨を述べました。\n\n"
    "2．個別会談\n■ムハンマド・アル・ラシード・インドネシア共和国エネルギー鉱物資源大臣（4日）\n"
    "武藤大臣は、アル・ラシード大臣と会談しました。\n"
    "アル・ラシード大臣から、同国東部のマルク州におけるLNG事業の進捗について説明がありました。\n")


def test_a_participants_block_lists_who_took_part_and_the_members_of_a_body(read) -> None:
    """「＜参加国・機関＞」 opens a list its bullets go on with: the countries and bodies take part in the meeting
    (an observer attends), and 「・ASEAN加盟国：A、B、C」 makes each a member of ASEAN."""
    facts, _ = read(ROSTER_RELEASE, date="2026-09-05")
    meeting = next(f for f in facts if isinstance(f, Event) and f.start == "2026-09-03")
    roles = {p.entity: p.role for p in meeting.participants}
    assert {roles[c] for c in ("country-id", "country-my", "country-ph")} == {"Participant"}
    assert roles["org-eria"] == "Attendee"
    assert {(f.member, f.organization) for f in facts if isinstance(f, Membership)} >= {
        ("country-id", "org-asean"), ("country-my", "org-asean"), ("country-ph", "org-asean"), ("country-th", "org-asean")}


def test_a_count_after_a_list_sums_the_list_up(read) -> None:
    """「インドネシア、マレーシア及びフィリピンの3か国で…約2割を占め」: the three listed supply the share, not the last
    three countries named before (マレーシア, フィリピン, タイ of the block)."""
    facts, _ = read(ROSTER_RELEASE, date="2026-09-05")
    share = next(f for f in facts if isinstance(f, SupplyShare))
    assert set(share.suppliers) == {"country-id", "country-my", "country-ph"} and share.value == Decimal("20")


def test_a_heading_line_dates_the_talk_below_it_and_names_the_person_met(read) -> None:
    """「■ムハンマド・アル・ラシード・…大臣（4日）」 then 「武藤大臣は、アル・ラシード大臣と会談しました」: the talks are of the 4th
    (the line above dates them), with the person the heading names in full (a family name of two parts); 「アル・ラシード大臣から、
    同国東部の…」: 同国 is the speaker's country."""
    facts, out = read(ROSTER_RELEASE, date="2026-09-05")
    talk = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting" and f.start == "2026-09-04")
    met = next(p.entity for p in talk.participants if p.role == "Counterpart")
    assert out.entities[met].label_ja == "ムハンマド・アル・ラシード"
    place = next(e for e in out.entities.values() if e.label_ja == "マルク州")
    assert any(isinstance(f, Assertion) and (f.subject, f.predicate, f.object) == (place.id, "partOf", "country-id")
               for f in facts)


def test_a_signing_after_the_talks_and_the_bodies_its_signers_sign_for(read) -> None:
    """「会談に続き、…が署名されました」 continues the talks, on their day; 「AのX理事と、BのY所長が…に署名」: each signs
    for the body named before them with の, which is a party of the signing too."""
    text = ("12日（月曜日）、武藤経済産業大臣は、アテネにおいて、ギリシャのニコス・パパドプロス環境・エネルギー大臣と会談しました。\n"
            "会談に続き、資源エネルギー庁とギリシャ環境・エネルギー省との間で「LNG分野における協力覚書」が署名されました。\n"
            "同日、両大臣の立会いの下、JOGMECの新庄 亜希子理事と、ギリシャ地質鉱物調査所のアルタン・ケリメ所長が、"
            "「ニッケル資源の共同調査に関する協定」に署名しました。\n")
    facts, out = read(text, date="2027-07-16")
    signings = sorted((f for f in facts if isinstance(f, Event) and f.type == "Signing"), key=lambda f: len(f.participants))
    assert [s.start for s in signings] == ["2027-07-12", "2027-07-12"]
    assert {p.entity for p in signings[0].participants} >= {"org-anre"}
    signers = {out.entities[p.entity].label_ja if p.entity in out.entities else p.entity: p.role
               for p in signings[1].participants}
    assert signers["org-jogmec"] == signers["ギリシャ地質鉱物調査所"] == signers["新庄亜希子"] == "Signatory"


def test_a_project_run_its_investor_and_the_suppliers_that_follow_a_share(read) -> None:
    """「…鉱区の天然ガスを原料とする「X LNG事業」を運営するY社」: Y operates the project (not the block inside its
    modifier); 「同事業にはZ社が25%を出資」: Z invests in it; 「豪州からの輸入が約4割を占め、マレーシア及びロシアが
    これに続いています」: the two that follow supply LNG too."""
    text = ("JBICは、ガレオタ・ノース鉱区の天然ガスを原料とする「ガレオタ・ノースLNG事業」を運営するカリブ・ガレオタLNG社との間で、"
            "貸付契約を締結しました。同事業には東雲エナジー株式会社が25%を出資しています。\n"
            "LNGについては、豪州からの輸入が全体の約4割を占め、マレーシア及びロシアがこれに続いています。\n")
    facts, out = read(text)
    label = {e.id: e.label_ja for e in out.entities.values()}
    relations = {(label.get(f.subject, f.subject), f.predicate, label.get(f.object, f.object))
                 for f in facts if isinstance(f, Assertion)}
    assert ("カリブ・ガレオタLNG社", "operates", "ガレオタ・ノースLNG事業") in relations
    assert ("カリブ・ガレオタLNG社", "operates", "ガレオタ・ノース鉱区") not in relations
    assert ("東雲エナジー株式会社", "investsIn", "ガレオタ・ノースLNG事業") in relations
    assert {("country-my", "supplies", "resource-lng"), ("country-ru", "supplies", "resource-lng")} <= relations


def test_same_month_goes_back_to_the_narrative_not_to_a_date_recalled_in_passing(read) -> None:
    """「チャドは2003年10月に原油の輸出を開始した新興産油国であり、両者は…一致」 goes on with the talks of 2004年1月; the
    date in its relative clause is recalled in passing, so 「同月、…覚書が締結されました」 is of January 2004."""
    text = ("2004年1月には、武藤経済産業副大臣がチャド共和国を訪問し、首都ンジャメナにおいてマハマト・アブデルケリム石油大臣と"
            "会談しました。\nチャドは2003年10月に原油の輸出を開始した新興産油国であり、両者は、同国南部における我が国企業の"
            "探鉱活動を支援していくことで一致しました。\n同月、JOGMECと同国石油省との間で、石油探鉱に関する技術協力の覚書が"
            "締結されました。\n")
    facts, _ = read(text, date="2004-06")
    signing = next(f for f in facts if isinstance(f, Event) and f.type == "Signing")
    assert signing.start == "2004-01"


@pytest.mark.parametrize("sentence", [
    "資源エネルギー庁は、3月4日、首都ルサカにおいて、ザンビア共和国鉱山・鉱物開発省との間で第1回政策対話を開催しました。",
    "両大臣は、資源エネルギー庁とザンビア共和国鉱山・鉱物開発省との間で協議を開始することで一致しました。",
])
def test_a_dialogue_held_or_consultations_begun_between_two_bodies_make_them_cooperate(read, sentence) -> None:
    """「Xは、Yとの間で…対話を開催」, 「XとYとの間で協議を開始することで一致」: X and Y cooperate, the own side first."""
    facts, out = read(sentence, voice="country-jp")
    labels = labels_of(out)
    assert ("資源エネルギー庁", "cooperatesWith", "ザンビア共和国鉱山・鉱物開発省") in {
        (labels.get(f.subject, "資源エネルギー庁" if f.subject == "org-anre" else f.subject), f.predicate,
         labels.get(f.object, f.object)) for f in facts if isinstance(f, Assertion)}


def test_the_foreign_body_that_surveys_with_the_own_side_surveys_in_its_own_country(read) -> None:
    """「JOGMECとギニア国立地質調査所は、…共同調査を実施する予定です」 with no place named: both survey in Guinea."""
    text = ("JOGMECは、2月1日、ギニア共和国のギニア国立地質調査所（SNG）と共同調査契約を締結しました。\n"
            "JOGMECとSNGは、2027年度から、ボーキサイトの共同調査を実施する予定です。\n")
    facts, out = read(text, voice="country-jp")
    labels = labels_of(out)
    surveys = {(labels.get(f.subject, f.subject), f.object) for f in facts
               if isinstance(f, Assertion) and f.predicate == "surveysIn"}
    assert {("org-jogmec", "country-gn"), ("ギニア国立地質調査所", "country-gn")} <= surveys


def test_a_survey_written_apart_from_its_verb_is_a_survey_where_the_clause_sets_it(read) -> None:
    """「…物理探査及びボーリング調査を共同で実施する予定です」: the survey noun and its light verb stand apart (共同で
    between them); the places listed after the first of a relative clause (「X州に位置するA地域及びB地域において」) lie
    where it does, so the survey is in the country, not in a place left over."""
    text = ("JOGMECは、3月4日、ザンビア共和国地質調査所（GSD）との間で協力覚書に署名しました。\n"
            "同覚書に基づき、両機関は、2032年度から2年間、同国北部のルアプラ州において物理探査及びボーリング調査を共同で実施する予定です。\n"
            "また、JOGMECは、同国東部のムチンガ州に位置するカソマ地域及びチニャマ地域において、地化学調査を2年間行います。\n")
    facts, out = read(text, date="2032-03-05", voice="country-jp")
    labels = labels_of(out)
    surveys = {(labels.get(f.subject, f.subject), labels.get(f.object, f.object)) for f in facts
               if isinstance(f, Assertion) and f.predicate == "surveysIn"}
    assert {("org-jogmec", "country-zm"), ("ザンビア共和国地質調査所", "country-zm")} <= surveys, surveys
    assert all(o == "country-zm" for _, o in surveys), surveys


def test_a_parent_invests_in_the_company_it_wholly_owns(read) -> None:
    """「双葉商事株式会社（以下「双葉商事」）の100%子会社であるFutaba Nickel Guatemala S.A.」: 双葉商事 invests in it; a
    subsidiary not said to be wholly owned (「Xの子会社である」) tells no investment of a known size."""
    facts, out = read("JBICは、双葉商事株式会社（以下「双葉商事」）の100%子会社であるFutaba Nickel Guatemala S.A."
                      "（以下「FNG社」）との間で、貸付契約を締結しました。\n")
    labels = labels_of(out)
    assert ("双葉商事株式会社", "investsIn", "Futaba Nickel Guatemala S.A.") in relations_by_label(facts, labels)
    facts, out = read("JOGMECは、明星メタルズ株式会社の子会社であるメイセイ・コブレ・ブラジル社が参画する事業に出資します。\n")
    assert not [f for f in facts if isinstance(f, Assertion) and f.predicate == "investsIn"
                and out.entities.get(f.subject) is not None and out.entities[f.subject].label_ja == "明星メタルズ株式会社"]


@pytest.mark.parametrize("text", [
    "JOGMECは、「リトルトン・プロジェクト」の権益の51%を取得します。探鉱期間中のオペレーターはシャノン社が務めます。\n",
    "「リトルトン・プロジェクト」の権益比率は、オペレーターを務めるシャノン社が60%、北洋サラワクが40%です。\n",
    "「リトルトン・プロジェクト」のオペレーターは、引き続きカナダの探鉱会社であるシャノン社が務めます。\n",
])
def test_the_operator_told_after_the_word_operates_the_project_told(read, text) -> None:
    """「オペレーターはX社が務めます」, 「オペレーターを務めるX社」: X operates the project the sentence, or else the
    document, named last."""
    facts, out = read(text)
    assert ("シャノン社", "operates", "リトルトン・プロジェクト") in relations_by_label(facts, labels_of(out))


def test_a_sentence_on_the_meeting_told_before_says_who_took_part_in_it(read) -> None:
    """「本会合には、A、B及びCの3か国から閣僚等が出席したほか、Dがオブザーバーとして参加しました」: the countries are
    parties of the meeting told before (so the region its name gives is not), the observer attends; the country of
    a chair (「X国のY大臣を議長として」) and of companies (「日本企業」) is no party of its own."""
    head = "2026年6月3日\n経済産業省\n\n6月2日（火曜日）、リガにおいて、経済産業省の主催により「第1回日・バルト・エネルギー閣僚会合」が開催されました。\n"
    facts, _ = read(head + "本会合には、ラトビア、リトアニア及びエストニアの3か国から閣僚等が出席したほか、"
                    "国際エネルギー機関（IEA）がオブザーバーとして参加しました。\n", date="2026-06-03")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    roles = {(p.entity, p.role) for p in meeting.participants}
    assert roles >= {("country-lv", "Participant"), ("country-lt", "Participant"), ("country-ee", "Participant"),
                     ("org-iea", "Attendee")}
    facts, _ = read(head + "本会合は、ラトビア共和国のヤニス・オゾリンシュ経済大臣を議長として、ドイツ企業12社を含む"
                    "約90名が参加して開催されました。\n", date="2026-06-03")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    assert not {p.entity for p in meeting.participants} & {"country-lv", "country-de"}


def test_an_agreement_signed_in_a_passive_clause_before_names_no_signer_and_dates_nothing_after(read) -> None:
    """「両大臣は、2019年3月に署名された「…」に基づき、…で一致しました」: the two who met did not sign it (the
    passive clause says not who did), so the year it recalls is no event's of theirs, and a later 「同年10月」 goes back
    to the year of the narrative (2025), not to 2019."""
    text = ("2025年7月には、武藤経済産業大臣がチリを訪問し、サンティアゴにおいてアウロラ・ウィリアムズ鉱業大臣と会談しました。"
            "両大臣は、2019年3月に署名された「鉱業分野における協力覚書」に基づき、銅の共同プロジェクトを拡大していくことで"
            "一致しました。\n"
            "同年10月には、武藤経済産業大臣が、来日したペルー共和国のロメロ・エネルギー鉱山大臣と会談しました。\n")
    facts, _ = read(text, date="2026-06")
    events = [f for f in facts if isinstance(f, Event)]
    assert not any(f.type == "Signing" and {p.entity for p in f.participants} & {"person-muto-yoji"} for f in events)
    assert {f.start for f in events if f.type == "MinisterialMeeting"} == {"2025-07", "2025-10"}


def test_a_bounded_value_by_a_fiscal_year_is_a_target_and_a_bare_one_is_not(read) -> None:
    """「同比率を2030年度までに50%以上、2040年度までに60%以上に引き上げることを目標」: targets by fiscal years (the
    bound 以上 says so), of the ratio 同比率 goes back to; 「2023年度に38.2%となり」 is what it was."""
    from resdip.extract.facts import Observation, Target

    facts, _ = read("2023年度の石油・天然ガスの自主開発比率は38.2%となりました。第7次エネルギー基本計画では、同比率を"
                    "2030年度までに50%以上、2040年度までに60%以上に引き上げることを目標としています。", date="2025-06")
    targets = {(f.indicator, str(f.value), f.target_year, f.comparator) for f in facts if isinstance(f, Target)}
    assert targets == {("indicator-self-development-ratio-oil-gas", "50", "2030", "AtLeast"),
                       ("indicator-self-development-ratio-oil-gas", "60", "2040", "AtLeast")}
    assert {str(f.value) for f in facts if isinstance(f, Observation)} == {"38.2"}


def test_an_insurers_release_tells_who_lends_who_holds_shares_and_who_runs_the_mine(read) -> None:
    """An insurer's release: 「A銀行がX社に対して行う融資」 is A's loan to X (「民間金融機関3行がX社に対して行う融資」 names
    no lender, and the insurer lends nothing); 「X社の株式は、Bが60%、Cが40%を保有」 makes B and C invest in X;
    「鉱山の操業はC社が担います」 makes C operate the project the release is about."""
    from resdip.extract.facts import Assertion

    text = ("2027年3月2日\n株式会社日本貿易保険\n\n"
            "株式会社日本貿易保険（NEXI）は、株式会社みずほ銀行（以下「みずほ」）がタンザニア法人キブワ・グラファイト社"
            "（以下「KG社」）に対して行う融資に対する海外事業資金貸付保険の引受を決定しました。\n"
            "本件は、KG社がタンザニア連合共和国で実施する「キブワ黒鉛プロジェクト」に対するものです。\n"
            "KG社の株式は、東邦炭素株式会社が60%、タンザニア政府が40%を保有しており、鉱山の操業は東邦炭素株式会社が担います。\n")
    facts, out = read(text, date="2027-03-02")
    labels = labels_of(out)
    assert relations_by_label(facts, labels) >= {
        ("株式会社みずほ銀行", "finances", "キブワ・グラファイト社"), ("東邦炭素株式会社", "investsIn", "キブワ・グラファイト社"),
        ("country-tz", "investsIn", "キブワ・グラファイト社"), ("東邦炭素株式会社", "operates", "キブワ黒鉛プロジェクト")}, \
        relations_by_label(facts, labels)
    unnamed = text.replace("株式会社みずほ銀行（以下「みずほ」）", "民間金融機関3行")
    facts, out = read(unnamed, date="2027-03-02")
    assert not [f for f in facts if isinstance(f, Assertion) and f.predicate == "finances"]


def test_a_named_summit_held_with_a_counterpart_is_one_meeting_and_who_sits_in_joins_it(read) -> None:
    """「X首相は、…Y大統領と日・Z首脳会談を行いました」: the talks' word is the named meeting's own, so one meeting
    (the counterpart met, not the countries of the name); 「会談には、Z側からA外務大臣が同席しました」: A took part in
    those talks and held the post that day."""
    from resdip.extract.facts import PostHolding

    text = ("令和9年5月10日\n外務省\n\n本10日、高市早苗内閣総理大臣は、訪日中のジョン・マハマ・ガーナ共和国大統領と"
            "日・ガーナ首脳会談を行いました。会談には、ガーナ側からサミュエル・アブラクワ外務大臣が同席しました。\n")
    facts, out = read(text, date="2027-05-10")
    labels = labels_of(out)
    meetings = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert len(meetings) == 1
    roles = {(labels.get(p.entity, p.entity), p.role) for p in meetings[0].participants}
    assert roles == {("person-takaichi-sanae", "Participant"), ("ジョン・マハマ", "Counterpart"),
                     ("サミュエル・アブラクワ", "Participant")}, roles
    assert any(isinstance(f, PostHolding) and labels.get(f.person) == "サミュエル・アブラクワ" and f.date == "2027-05-10"
               for f in facts)


@pytest.mark.parametrize("sentence, resources", [
    ("インドネシアは、2024年1月に、ニッケルやコバルト等の重要鉱物の未加工鉱石について輸出管理を導入しました。",
     {"resource-nickel", "resource-cobalt"}),
    ("中国は国内需要の増大を受けて石炭の輸出を抑制しています。", {"resource-coal"}),
    ("また、中国は、2007年6月からタングステン及びモリブデンの輸出に暫定関税を課しています。",
     {"resource-tungsten", "resource-molybdenum"}),
])
def test_the_ways_a_country_holds_back_exports_of_a_resource(read, sentence, resources) -> None:
    """An export control brought in, exports held back (抑制), a duty put on them: the country restricts exports of
    each resource named, however far its name stands before the words."""
    from resdip.extract.facts import Assertion

    facts, _ = read(sentence, date="2025-06")
    restricted = {f.object for f in facts if isinstance(f, Assertion) and f.predicate == "restrictsExports"}
    assert restricted >= resources


def test_a_country_called_the_largest_supplier_of_resources_supplies_each(read) -> None:
    """「カナダは、我が国にとってウラン及び原料炭の最大の供給国です」: the largest supplier of both supplies each."""
    from resdip.extract.facts import Assertion

    facts, _ = read("カナダは、我が国にとってウラン及び原料炭の最大の供給国です。", date="2025-06")
    assert {(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "supplies"} == {
        ("country-ca", "resource-uranium"), ("country-ca", "resource-coking-coal")}


def test_a_city_where_talks_of_a_visit_dated_by_the_month_were_held_lies_in_the_visited_country(read) -> None:
    """A White Paper dates a visit and the talks on it by the month: 「2025年7月には、A大臣がカナダを訪問し、
    オタワにおいてB大臣と会談しました」 still places Ottawa in Canada."""
    facts, out = read("2025年7月には、武藤経済産業大臣がカナダを訪問し、オタワにおいてジョナサン・ウィルキンソン天然資源大臣"
                      "と会談しました。", date="2026-06", voice="country-jp")
    assert ("オタワ", "partOf", "country-ca") in relations_by_label(facts, labels_of(out))


def test_a_country_acting_as_a_member_of_a_body_is_its_member(read) -> None:
    """「我が国は、国際エネルギー機関（IEA）の加盟国として、…」: the subject is a member of the body."""
    from resdip.extract.facts import Membership

    facts, _ = read("我が国は、国際エネルギー機関（IEA）の加盟国として、石油の緊急時対応体制の維持に努めています。",
                    date="2010-06", voice="country-jp")
    assert {(f.member, f.organization) for f in facts if isinstance(f, Membership)} == {("country-jp", "org-iea")}


def test_a_roster_labelled_with_a_note_lists_its_names_on_the_next_line_or_its_own(read) -> None:
    """「＜参加国・地域（日本以外の3か国）＞」 then a plain line 「A、B、C」, and 「＜国際機関＞ D、E」 on one line: all of
    them took part in the meeting the release is about."""
    text = ("2028年5月19日\n資源エネルギー庁\n\n"
            "5月16日（火曜日）、スバにおいて、資源エネルギー庁の主催により「第1回日・太平洋島嶼国エネルギー閣僚会合」が"
            "開催されました。\n"
            "＜参加国・地域（日本以外の3か国）＞\nフィジー共和国、サモア独立国、トンガ王国\n"
            "＜国際機関＞ アジア開発銀行（ADB）、国際エネルギー機関（IEA）\n")
    facts, _ = read(text, date="2028-05-19")
    meeting = next(f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting")
    assert {p.entity for p in meeting.participants} >= {"country-fj", "country-ws", "country-to", "org-adb", "org-iea"}


@pytest.mark.parametrize("text, expected", [
    ("我が国は、2030年に年間300万トン程度の水素等の導入を目指しています。",
     {("水素等の導入量", Decimal(3000000), "2030", "country-jp")}),
    ("政府は、2023年に第7次エネルギー基本計画を閣議決定しました。同計画では、水素等の導入量を2030年に年間300万トン、"
     "2040年に年間1,200万トン程度とすることを目指しています。",
     {("水素等の導入量", Decimal(3000000), "2030", "plan-7th-strategic-energy-plan"),
      ("水素等の導入量", Decimal(12000000), "2040", "plan-7th-strategic-energy-plan")}),
    ("また、我が国は、2030年に燃料アンモニアを年間300万トン導入することを目指しています。",
     {("燃料アンモニアの導入量", Decimal(3000000), "2030", "country-jp")}),
    ("本プロジェクトは、2025年までに年間約2万トンのニッケルの生産を目指しています。", set()),  # a project's aim
])
def test_a_target_of_an_amount_names_what_it_measures_and_who_sets_it(read, text, expected) -> None:
    """An amount a year is aimed at (年間300万トン…を目指す) is a target of <X>の<act>量, set by Japan or by the plan the
    sentence tells it in; one target a year where the sentence gives two."""
    facts, out = read(text)
    labels = labels_of(out)
    found = {(labels.get(f.indicator, f.indicator), f.value, f.target_year, f.set_by) for f in facts
             if isinstance(f, Target) and f.unit == "t"}
    assert found == expected


def test_a_member_described_after_a_copular_clause_of_membership(read) -> None:
    """「…南部アフリカ開発共同体（SADC）の加盟国であり、豊富な鉱物資源を有するジンバブエとの関係を…」: Zimbabwe,
    which the relative clause goes on to describe, is the member."""
    facts, out = read("茂木大臣から、南部アフリカ開発共同体（SADC）の加盟国であり、豊富な鉱物資源を有するジンバブエとの"
                      "関係を一層強化したい旨述べました。")
    labels = labels_of(out)
    members = {(f.member, labels.get(f.organization, f.organization)) for f in facts if isinstance(f, Membership)}
    assert members == {("country-zw", "南部アフリカ開発共同体")}


def test_a_reference_block_headed_by_a_body_lists_its_members(read) -> None:
    """「（参考）南部アフリカ開発共同体（SADC）」 then 「・加盟国：16か国（ジンバブエ、南アフリカ、ボツワナ等）」: each
    country listed is a member of the body the block describes; a block headed otherwise describes no body."""
    facts, out = read("（参考）南部アフリカ開発共同体（SADC）\n・設立：1992年\n・加盟国：16か国（ジンバブエ、南アフリカ、ボツワナ等）\n"
                      "（参考）ジンバブエの概要\n・加盟国：ザンビア\n")
    labels = labels_of(out)
    members = {(f.member, labels.get(f.organization, f.organization)) for f in facts if isinstance(f, Membership)}
    assert members == {(c, "南部アフリカ開発共同体") for c in ("country-zw", "country-za", "country-bw")}


def test_a_country_described_by_a_dated_relative_clause_stays_in_the_list_and_leaves_the_date(read) -> None:
    """「2011年11月には、A副大臣が、スーダン共和国及び同年7月に独立した南スーダン共和国を訪問しました」: both countries
    host the visit, in November; 独立した (a noun that is also an adjective, before する) is a clause of its own, so
    its date is not the visit's."""
    facts, _ = read("2011年11月には、篠宮経済産業副大臣が、スーダン共和国及び同年7月に独立した南スーダン共和国を訪問しました。",
                    date="2012-06")
    (visit,) = [f for f in facts if isinstance(f, Event) and f.type == "Visit"]
    assert visit.start == "2011-11"
    assert {"country-sd", "country-ss"} <= {p.entity for p in visit.participants if p.role == "Host"}


def test_a_family_name_the_document_named_with_a_post_is_a_name_before_a_bare_post_later(read) -> None:
    """「葉山経済産業副大臣がトーゴを訪問」 then 「…鉱山・エネルギー大臣が葉山副大臣と会談」: 葉山 (a place in the
    dictionary) is the vice-minister named before, Japan's side of the talks, not a post 葉山副大臣."""
    facts, out = read("2026年11月には、葉山経済産業副大臣がトーゴを訪問しました。同年11月には、来日したトーゴ共和国の"
                      "コフィ・アグベノン鉱山・エネルギー大臣が葉山副大臣と会談しました。", date="2027-06",
                      voice="country-jp")
    labels = labels_of(out)
    assert not [e for e in out.entities.values() if e.label_ja.endswith("葉山副大臣")]
    talks = [{(labels.get(p.entity, p.entity), p.role) for p in f.participants}
             for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert {("葉山", "Participant"), ("コフィ・アグベノン", "Counterpart")} in talks, talks


def test_a_name_given_as_the_first_of_a_group_takes_the_groups_particle(read) -> None:
    """「JBICは、今後もNEXIをはじめとする関係機関と連携し」: NEXI is a partner (と), named as the first of the group."""
    facts, out = read("JBICは、今後もNEXIをはじめとする関係機関と連携し、資源開発案件を支援していきます。")
    assert ("org-jbic", "cooperatesWith", "org-nexi") in relations_by_label(facts, labels_of(out)) or \
        ("org-nexi", "cooperatesWith", "org-jbic") in relations_by_label(facts, labels_of(out))


@pytest.mark.parametrize("text, supplier, resource", [
    ("副大臣からは、我が国が原油輸入の約95%を中東地域に依存していることに触れつつ、ガイアナ産原油の日本向け供給の拡大に"
     "期待する旨を述べました。", "country-gy", "resource-crude-oil"),  # beside a share the sentence tells
    ("両大臣は、白金族金属の世界有数の生産国であるジンバブエと日本との間で、協力を拡大していくことで一致しました。",
     "country-zw", "resource-platinum"),  # a rank between the resource and 生産国
])
def test_a_country_named_as_the_origin_or_a_producer_of_a_resource_supplies_it(read, text, supplier, resource) -> None:
    facts, out = read(text)
    assert (supplier, "supplies", resource) in relations_by_label(facts, labels_of(out))


def test_talks_of_a_visitor_without_a_date_of_their_own_are_of_the_visit(read) -> None:
    """「2011年11月には、A副大臣がスーダン及び南スーダンを訪問しました。A副大臣は、…ジュバにおいて…と会談し…」, then a
    training of 2012年2月, then 「また、A副大臣は、スーダンの首都ハルツームにおいて…と会談し」: both talks are of the
    November visit, not undated and not of February."""
    facts, out = read("2011年11月には、篠宮経済産業副大臣が、スーダン共和国及び南スーダン共和国を訪問しました。"
                      "篠宮副大臣は、南スーダンの首都ジュバにおいてジョセフ・アクエル石油・鉱業大臣と会談しました。"
                      "JOGMECは、2012年2月に同省の技術者12名を受け入れ、研修を実施しました。"
                      "また、篠宮副大臣は、スーダンの首都ハルツームにおいてアブデルラフマン・オスマン鉱物資源大臣と会談しました。",
                      date="2012-06")
    labels = labels_of(out)
    talks = {(f.start, frozenset(labels.get(p.entity, p.entity) for p in f.participants))
             for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"}
    assert {("2011-11", frozenset({"篠宮", "ジョセフ・アクエル"})),
            ("2011-11", frozenset({"篠宮", "アブデルラフマン・オスマン"}))} <= talks, talks
    held = {(labels.get(f.person, f.person), f.date) for f in facts if isinstance(f, PostHolding)}
    assert ("アブデルラフマン・オスマン", "2011-11") in held and ("アブデルラフマン・オスマン", "2012-02") not in held, held


def test_shares_invested_in_the_company_named_as_their_taker_are_not_of_the_project(read) -> None:
    """「本プロジェクトの事業会社であるLLC社には、KEH社が50%、TPDCが20%…を出資しており、KEH社が本プロジェクトの
    オペレーターを務めます」: the holders invest in the company, not in the project named as what it is for."""
    text = (paths.ROOT / "tests" / "docs" / "ho20-jbic-nexi.txt").read_text(encoding="utf-8").splitlines()
    facts, out = read("\n".join([text[4], text[9]]))
    told = relations_by_label(facts, labels_of(out))
    invested = {(s, o) for s, p, o in told if p == "investsIn"}
    assert ("Kilwa Energy Holdings B.V.", "LLC社") in invested, invested  # the company told by its short name only
    assert not any(o.endswith("プロジェクト") for _, o in invested), invested


def test_both_countries_after_a_pair_of_people_are_theirs(read) -> None:
    """「…副大臣がドイツを訪問し、…大臣と会談しました。両者は、両国がともにMSPの参加国であることを踏まえ…」, after a
    sentence on China: 両国 is Japan and Germany, the countries of the two sides, members of the MSP both."""
    facts, out = read("中国は、2025年に重要鉱物の輸出管理を強化しました。2026年5月には、葉山経済産業副大臣がドイツ連邦共和国を"
                      "訪問し、ベルリンにおいてウルリケ・フォーゲル経済・エネルギー大臣と会談しました。両者は、両国がともに"
                      "鉱物資源安全保障パートナーシップ（MSP）の参加国であることを踏まえ、協力を進めることで一致しました。",
                      date="2027-06", voice="country-jp")
    members = {(f.member, f.organization) for f in facts if isinstance(f, Membership)}
    assert {("country-jp", "partnership-msp"), ("country-de", "partnership-msp")} <= members, members
    assert ("country-cn", "partnership-msp") not in members


@pytest.mark.parametrize("text, body", [
    ("2012年3月には、クウェートで開催された第13回IEF閣僚会合に篠宮経済産業副大臣が出席しました。", "org-ief"),
    ("2007年5月には、APECエネルギー大臣会合がダーウィンで開催されました。", "org-apec"),
])
def test_a_ministerial_meeting_named_after_a_body_has_that_body_as_a_participant(read, text, body) -> None:
    facts, _ = read(text, date="2012-06")
    (meeting,) = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert (body, "Participant") in {(p.entity, p.role) for p in meeting.participants}


def test_a_guest_in_japan_for_an_official_visit_makes_no_visit_of_the_host(read) -> None:
    """「茂木外務大臣は、公式実務訪問のため訪日中のX外務大臣と外相会談を行い」: the guest's visit is why they are in Japan;
    the foreign minister of Japan visits nothing."""
    facts, _ = read("本12日、茂木敏充外務大臣は、公式実務訪問のため訪日中のタファズワ・ムチェチェティ・ジンバブエ共和国外務・"
                    "国際貿易大臣と日・ジンバブエ外相会談を行いました。", date="2028-06-12")
    assert not [f for f in facts if isinstance(f, Event) and f.type == "Visit"]
    assert [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]


def test_a_dateless_signing_witnessed_by_the_two_of_the_talks_is_of_the_talks(read) -> None:
    """「本12日、A外務大臣は…B外務大臣と会談を行いました。ワーキング・ランチに先立ち、両大臣の立会いの下、JOGMECと
    ZMDCとの間で「…覚書」が署名されました。署名者は、JOGMECの布施 和也理事と、ZMDCのルース・シバンダ総裁です。」:
    the signing is of the talks' day, and its signers hold their posts on it."""
    facts, out = read("本12日、茂木敏充外務大臣は、訪日中のタファズワ・ムチェチェティ・ジンバブエ共和国外務大臣と外相会談を"
                      "行いました。ワーキング・ランチに先立ち、両大臣の立会いの下、JOGMECとジンバブエ鉱山開発公社（ZMDC）との"
                      "間で「リチウムの共同探査に関する覚書」が署名されました。署名者は、JOGMECの布施 和也理事と、ZMDCの"
                      "ルース・シバンダ総裁です。", date="2028-06-12")
    labels = labels_of(out)
    (signing,) = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert signing.start == "2028-06-12"
    held = {(labels.get(f.person, f.person), f.date) for f in facts if isinstance(f, PostHolding)}
    assert ("ルース・シバンダ", "2028-06-12") in held, held


def test_a_place_that_opens_an_agreements_name_is_named_too(read) -> None:
    facts, out = read("JOGMECは、ペルー地質鉱業冶金研究所との間で、同国南部のモケグア州における銅の共同探査に関する覚書を"
                      "締結しました。", voice="country-jp")
    labels = labels_of(out)
    assert ("モケグア州", "partOf", "country-pe") in relations_by_label(facts, labels)
    assert "モケグア州における銅の共同探査に関する覚書" in labels.values()  # the agreement keeps its whole name
    # the survey is the agreement's topic: JOGMEC surveys in Peru, not in a place read out of the name
    assert Assertion("org-jogmec", "surveysIn", "country-pe") in facts
    assert not [f for f in facts if isinstance(f, Assertion) and f.predicate == "surveysIn" and f.object != "country-pe"]


def test_named_talks_held_with_an_unnamed_occasion_are_a_meeting(read) -> None:
    """「…との間で、日・エジプト外相会談（約55分間）及びワーキング・ランチ（約70分間）を行った」: the talks the name
    gives, held with an occasion no name stands for, are a meeting of the subject and the partner met."""
    facts, out = read("茂木外務大臣は、3月11日、ファルーク・エジプト外務大臣との間で、日・エジプト外相会談（約55分間）及び"
                      "夕食会（約70分間）を行いました。\n")
    (meeting,) = [f for f in facts if isinstance(f, Event)]
    assert meeting.type == "MinisterialMeeting" and meeting.start == "2025-03-11"
    roles = {(labels_of(out).get(p.entity, p.entity), p.role) for p in meeting.participants}
    assert roles == {("person-motegi-toshimitsu", "Participant"), ("ファルーク", "Counterpart")}, roles


def test_lp_gas_is_lpg(read) -> None:
    facts, _ = read("LPガスについては、輸入の約7割を米国に依存しています。")
    assert ("resource-lpg", ("country-us",)) in {(f.resource, f.suppliers) for f in facts if isinstance(f, SupplyShare)}


def test_an_insurer_of_a_lenders_part_insures_the_project(read) -> None:
    """「民間金融機関の融資部分には、NEXIが…保険を付保します」: NEXI covers the project's financing, not the borrower."""
    facts, out = read("本プロジェクトは、ウォラビー・ニッケル社が豪州で「ウォラビー・ニッケル・コバルトプロジェクト」を開発するものです。\n"
                      "JBICは、同社に対し融資を行います。\n"
                      "なお、民間金融機関の融資部分には、株式会社日本貿易保険（NEXI）が海外事業資金貸付保険を付保します。\n",
                      issuer="org-jbic", voice="country-jp")
    insured = {labels_of(out).get(f.object, f.object) for f in facts
               if isinstance(f, Assertion) and f.subject == "org-nexi" and f.predicate == "insures"}
    assert insured == {"ウォラビー・ニッケル・コバルトプロジェクト"}, insured


def test_each_bank_of_a_list_lends(read) -> None:
    facts, out = read("NEXIは、株式会社三菱UFJ銀行及び株式会社みずほ銀行がウォラビー・ニッケル社に対して行う融資について、"
                      "保険の引受を決定しました。\n", issuer="org-nexi", voice="country-jp")
    labels = labels_of(out)
    lenders = {labels.get(f.subject, f.subject) for f in facts if isinstance(f, Assertion) and f.predicate == "finances"}
    assert lenders == {"株式会社三菱UFJ銀行", "株式会社みずほ銀行"}, lenders


def test_a_roster_under_a_heading_with_a_colon_and_an_observer_line(read) -> None:
    text = ("14日、経済産業省とペルー共和国エネルギー鉱山省の共催により「第1回日・アンデス鉱業閣僚会合」が開催され、"
            "武藤経済産業大臣が議長を務めました。\n"
            "■参加国・機関：\n"
            "・日本\n"
            "・アンデス3か国：ペルー共和国、コロンビア共和国、エクアドル共和国\n"
            "・オブザーバー：チリ共和国、国際エネルギー機関（IEA）\n")
    facts, _ = read(text, date="2029-11-16", voice="country-jp")
    (meeting,) = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    roles = {(p.entity, p.role) for p in meeting.participants}
    assert {("country-pe", "Participant"), ("country-co", "Participant"), ("country-ec", "Participant"),
            ("country-cl", "Attendee"), ("org-iea", "Attendee")} <= roles, roles


def test_chokepoints_summed_up_by_a_class_noun_are_passed(read) -> None:
    facts, _ = read("カナダから我が国へのLNG輸送は、ホルムズ海峡やマラッカ海峡といったチョークポイントを経由しません。",
                    voice="country-jp")
    assert {Assertion("place-hormuz", "chokepointFor", "country-jp"),
            Assertion("place-malacca", "chokepointFor", "country-jp")} <= set(facts)


def test_a_sea_off_a_country_is_no_part_of_it(read) -> None:
    facts, out = read("エジプトは産ガス国です。\nJOGMECは、同国北部沖合の地中海において地質データの共同解析を行う予定です。")
    parts = {labels_of(out).get(f.subject, f.subject) for f in facts if isinstance(f, Assertion) and f.predicate == "partOf"}
    assert not any(p.endswith("海") for p in parts), parts


def test_a_city_whose_name_ends_like_a_sea_lies_in_its_country(read) -> None:
    facts, out = read("2025年10月、中国の上海において、JOGMECはLNGセミナーを開催しました。")
    assert ("上海", "partOf", "country-cn") in relations_by_label(facts, labels_of(out))


def test_a_step_of_a_trip_is_dated_by_the_trip(read) -> None:
    text = ("2026年6月には、武藤経済産業大臣がセネガル共和国及びモーリタニア・イスラム共和国を訪問しました。\n"
            "「GTA・LNGプロジェクト」は2025年に生産を開始しており、第1期の生産能力は年間約230万トンです。\n"
            "続いて、武藤大臣は、ヌアクショットにおいてモーリタニアのベッカール石油・鉱山・エネルギー大臣と会談し、両者は、"
            "経済産業省と同国石油・鉱山・エネルギー省との間の「水素分野における協力覚書」に署名しました。\n")
    facts, _ = read(text, date="2027-06", voice="country-jp")
    (signing,) = [f for f in facts if isinstance(f, Event) and f.type == "Signing"]
    assert signing.start == "2026-06", signing


@pytest.mark.parametrize("sentence, suppliers, resource", [
    ("オマーンは、我が国にとって豪州、マレーシアに次ぐ第3位のLNG供給国です。", {"country-au", "country-my", "country-om"},
     "resource-lng"),
    ("ガボンは、ナイジェリア、アンゴラに次ぐアフリカ有数の産油国です。", {"country-ng", "country-ao", "country-ga"},
     "resource-crude-oil"),
])
def test_the_countries_a_supplier_ranks_after_supply_too(read, sentence: str, suppliers: set, resource: str) -> None:
    facts, _ = read(sentence, voice="country-jp")
    assert {f.subject for f in facts if isinstance(f, Assertion) and f.predicate == "supplies"
            and f.object == resource} == suppliers


def test_an_agreement_after_talks_of_a_visit_takes_the_visits_date(read) -> None:
    """「…を訪問しました。X副大臣は、…と会談し、…ことで一致しました」: the talks and what was agreed at them are
    of the visit told before, in its month, both marked as dated from context."""
    facts, out = read("2031年4月には、青柳経済産業副大臣がガボン共和国を訪問しました。"
                      "青柳副大臣は、首都リーブルビルにおいてマルク・オンド石油・鉱山大臣と会談し、"
                      "マンガン鉱石の日本向け供給の拡大に向けて協力していくことで一致しました。")
    labels = labels_of(out)
    agreed = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert len(agreed) == 1
    assert (agreed[0].start, agreed[0].date_source) == ("2031-04", "CarriedFromContext")
    assert {labels.get(p.entity, p.entity) for p in agreed[0].participants} == {"青柳", "マルク・オンド"}
    talks = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"]
    assert [t.start for t in talks] == ["2031-04"]


def test_a_statement_adopted_after_the_meeting_is_its_outcome_on_its_day(read) -> None:
    """「会合では、…議論が行われました。…参加国により「…宣言」が採択されました」: the adoption, which names no date and
    none of its parties, is the meeting's outcome, on the meeting's day (marked as dated from context)."""
    facts, out = read("2032年5月20日\n経済産業省\n\n"
                      "5月19日、リマにおいて「第2回日・アンデス鉱業閣僚会合」が開催されました。"
                      "会合では、銅及びリチウムの供給網について議論が行われました。"
                      "議論を踏まえ、参加国により「リマ宣言」が採択されました。", date="2032-05-20",
                      voice="country-jp")
    labels = labels_of(out)
    adopted = [f for f in facts if isinstance(f, Event) and f.type == "AgreementReached"]
    assert [(e.start, e.date_source) for e in adopted] == [("2032-05-19", "CarriedFromContext")]
    assert [labels.get(a, a) for a in adopted[0].about] == ["リマ宣言"]


def test_a_survey_done_with_a_partner_is_a_survey_event_and_one_planned_is_none(read) -> None:
    """「JOGMECは、2031年5月から、…州において、同国…省と共同で…の探査を実施しています」: a Survey of the two, where the
    clause sets it, in that month; 「…探査を実施する予定です」 and a count bounded by 「…までに」 are none."""
    facts, out = read("JOGMECは、2031年5月から、ガボン共和国南部のニャンガ州において、同国鉱山省と共同でマンガン鉱床の探査を"
                      "実施しています。本覚書に基づき、JOGMECは、2032年度から同国北部において共同探査を実施する予定です。"
                      "JOGMECは、2033年度末までに計9件の調査を実施しました。")
    labels = labels_of(out)
    surveys = [f for f in facts if isinstance(f, Event) and f.type == "Survey"]
    assert [(e.start, e.fiscal) for e in surveys] == [("2031-05", False)]
    assert {labels.get(p.entity, p.entity) for p in surveys[0].participants} == {"org-jogmec", "ガボン共和国鉱山省"}
    assert [labels.get(p, p) for p in surveys[0].location] == ["ニャンガ州"]


@pytest.mark.parametrize("line, countries", [
    ("・南部アフリカ開発共同体（SADC）加盟3か国：ナミビア、ボツワナ、ザンビア", {"country-na", "country-bw", "country-zm"}),
    ("・GCC加盟国（3か国）：オマーン国、カタール国、クウェート国", {"country-om", "country-qa", "country-kw"}),
    ("・ASEAN構成国：タイ、ベトナム、フィリピン", {"country-th", "country-vn", "country-ph"})])
def test_a_line_labelled_with_a_bodys_members_lists_its_members(read, line, countries) -> None:
    """「・アンデス共同体（CAN）加盟4か国：A、B、…」: the body, its abbreviation and the count before the colon; each
    country listed is a member of the body."""
    facts, out = read(f"＜参加国・機関＞\n{line}\n")
    members = {(f.member, f.organization) for f in facts if isinstance(f, Membership)}
    assert {m for m, _ in members} == countries, members
    assert len({o for _, o in members}) == 1


def test_an_indicator_observed_for_a_country_names_it(read) -> None:
    """「2031年度の我が国の石油・天然ガスの自主開発比率は41.5%となり」: the observation is Japan's (rd:about); one
    written bare names no country."""
    facts, _ = read("2031年度の我が国の石油・天然ガスの自主開発比率は41.5%となりました。"
                    "2032年度の石油・天然ガスの自主開発比率は43.0%となりました。")
    observed = sorted((str(f.value), f.area) for f in facts if isinstance(f, Observation))
    assert observed == [("41.5", "country-jp"), ("43.0", "")]


def test_a_joint_survey_begun_after_a_memorandum_has_the_memorandums_partner(read) -> None:
    """「2031年6月には、JOGMECがX調査所との間で…覚書を締結し、同国北部において共同調査を開始しました」: the joint
    survey is the two parties'."""
    facts, out = read("2031年6月には、JOGMECがナミビア地質調査所との間で銅探査に関する覚書を締結し、同国北部において"
                      "共同調査を開始しました。")
    labels = labels_of(out)
    surveys = [f for f in facts if isinstance(f, Event) and f.type == "Survey"]
    assert [{labels.get(p.entity, p.entity) for p in e.participants} for e in surveys] == [
        {"org-jogmec", "ナミビア地質調査所"}]


def test_no_event_without_a_party_or_what_it_is_about(read) -> None:
    """「東京を訪れたX国のY大臣と…が会談しました」: the visit in the relative, whose visitor the rules do not read, is
    left out rather than told with no party (the graph's shapes refuse such an event); the talks are kept."""
    facts, _ = read("2031年5月には、東京を訪れたイラク共和国のハイダル・アル・ジャナビ石油大臣と御子柴経済産業副大臣が"
                    "会談しました。")
    events = [f for f in facts if isinstance(f, Event)]
    assert all(e.participants or e.about for e in events)
    assert "MinisterialMeeting" in {e.type for e in events}


def test_a_tour_of_two_countries_is_a_visit_to_each_and_dates_the_talks_that_follow(read) -> None:
    """「2031年9月、X副大臣は、…ポルトガル共和国とギリシャ共和国を歴訪しました」: a visit with both hosts, and the talks
    told next are on its date, not on the last date told before it (2031年5月)."""
    text = ("2031年5月には、東京を訪れたイラク共和国のアリ・カリム石油大臣と沼田経済産業副大臣が会談しました。\n"
            "2031年9月、沼田経済産業副大臣は、南欧の国々との資源・エネルギー協力を深めるため、ポルトガル共和国とギリシャ共和国を歴訪しました。\n"
            "その後訪れたアテネでは、沼田副大臣とギリシャのニコス・パパス環境・エネルギー大臣が会談しました。\n")
    facts, out = read(text, voice="country-jp")
    labels = labels_of(out)
    (visit,) = [f for f in facts if isinstance(f, Event) and f.type == "Visit"]
    assert visit.start == "2031-09"
    assert {(labels.get(p.entity, p.entity), p.role) for p in visit.participants} >= {
        ("沼田", "Visitor"), ("country-pt", "Host"), ("country-gr", "Host")}
    talks = [f for f in facts if isinstance(f, Event) and f.type == "MinisterialMeeting"
             and "ニコス・パパス" in {labels.get(p.entity) for p in f.participants}]
    assert [t.start for t in talks] == ["2031-09"], talks


def test_the_sea_off_a_country_by_a_compass_word_lies_with_it_and_is_no_place_itself(read) -> None:
    """「キプロス南方沖の第9鉱区」: the block is Cyprus's, 南方沖 names no place of its own; 「キプロス南方沖の排他的経済
    水域」 is Cyprus's zone, not Japan's (the registry's 排他的経済水域)."""
    text = ("同社は、キプロス南方沖の第9鉱区の権益を取得しました。\n"
            "同国は、キプロス南方沖の排他的経済水域でガス田の開発を進めています。\n")
    facts, out = read(text, voice="country-jp")
    labels = labels_of(out)
    parts = {(s, o) for s, p, o in relations_by_label(facts, labels) if p == "partOf"}
    assert ("第9鉱区", "country-cy") in parts, parts
    assert "南方沖" not in set(labels.values())
    assert ("place-japan-eez", "country-cy") not in parts


def test_a_project_written_after_its_country_with_no_or_a_compass_and_a_quote_lies_there(read) -> None:
    """「ナミビア南部の「オラニエ・ガス田開発プロジェクト」」, 「タンザニアのキブル銅鉱山」: a project written after its
    country with の, or with a compass part and a quote, lies in it; 「…・ガス田」 names a field (the dot is no part of
    its name); a field off a territory written after its country lies off the territory, which is part of the country."""
    text = ("JOGMECは、ナミビア南部の「オラニエ・ガス田開発プロジェクト」に出資し、B社はタンザニアのキブル銅鉱山に出資しています。\n"
            "豪州北部準州沖のサンディ・ガス田では、2031年に生産が始まりました。\n")
    facts, out = read(text, date="2031-01-30", voice="country-jp")
    parts = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "partOf"}
    assert {("オラニエ・ガス田開発プロジェクト", "country-na"), ("キブル銅鉱山", "country-tz"),
            ("サンディ・ガス田", "北部準州"), ("北部準州", "country-au")} <= parts, parts


def test_a_gulf_after_a_country_is_a_place_and_a_town_after_its_prefecture_is_part_of_it(read) -> None:
    """「米国メキシコ湾岸」: the Gulf coast of the United States, not Mexico; 「福井県敦賀市」 (one word of the dictionary)
    is a town in its prefecture, but a head office's address (「本社：大阪府大阪市」) stays one place; a base glossed with
    its prefecture (「苫小牧基地（北海道）」) lies in it."""
    text = ("C社（本社：大阪府大阪市）は、米国メキシコ湾岸から輸入したLPガスを福井県敦賀市の基地に貯蔵しています。\n"
            "2032年には、苫小牧基地（北海道）が完成しました。\n")
    facts, out = read(text, date="2031-01-30", voice="country-jp")
    labels = labels_of(out)
    parts = {(s, o) for s, p, o in relations_by_label(facts, labels) if p == "partOf"}
    assert {("メキシコ湾岸", "country-us"), ("敦賀市", "福井県"), ("苫小牧基地", "北海道")} <= parts, parts
    assert "大阪府大阪市" in labels.values() and "大阪市" not in labels.values(), labels
    assert "country-mx" not in {m[-1] for m in out.mentions}


def test_the_operator_of_the_project_a_sentence_is_about_not_of_its_fields(read) -> None:
    """「本プロジェクトは、…A鉱区から産出される天然ガスを…」 then 「事業の操業はV社が担います」: the operation is of the
    project the sentence before was about (its topic), not of the block it named last."""
    text = ("JBICは、ガルフ・ノースLNGプロジェクト（以下「本プロジェクト」）に対する融資を決定しました。\n"
            "本プロジェクトは、ノルド社が、同国沖合のラワ鉱区から産出される天然ガスを液化するものです。\n"
            "ノルド社にはヴェスタ社が60%を出資しており、事業の操業はヴェスタ社が担います。\n")
    facts, out = read(text, date="2031-01-30", voice="country-jp")
    operates = {(s, o) for s, p, o in relations_by_label(facts, labels_of(out)) if p == "operates"}
    assert ("ヴェスタ社", "ガルフ・ノースLNGプロジェクト") in operates and not any(o == "ラワ鉱区" for _, o in operates), operates


def test_venues_of_a_trip_by_a_body_s_premises_a_nearby_city_and_a_chained_clause(read) -> None:
    """「オスロのノルウェー産業省本部において」 (the city a body's premises are in), 「ベルゲン近郊のアスコイにおいて」 (a city
    the dictionary does not know, near another) and 「スタヴァンゲルにおいて、…懇談会に出席し、…意見交換を行いました」
    (the exchange set where the clause before it is): each venue of the trip lies in the visited country."""
    text = ("3月9日（月曜日）から12日（木曜日）まで、鳴海経済産業副大臣は、ノルウェー王国を訪問しました。\n"
            "10日（火曜日）、鳴海副大臣は、オスロのノルウェー産業省本部において、ヤンセン産業大臣と会談しました。\n"
            "11日（水曜日）、鳴海副大臣は、ベルゲン近郊のアスコイにおいて、水素製造工場を視察しました。\n"
            "12日（木曜日）午前、鳴海副大臣は、スタヴァンゲルにおいて、同国企業の主催による懇談会に出席し、LNG市場の見通しについて"
            "意見交換を行いました。\n")
    facts, out = read(text, date="2031-03-13", voice="country-jp")
    labels = labels_of(out)
    parts = {(s, o) for s, p, o in relations_by_label(facts, labels) if p == "partOf"}
    assert {("オスロ", "country-no"), ("アスコイ", "country-no"), ("スタヴァンゲル", "country-no")} <= parts, parts
    exchange = [f for f in facts if isinstance(f, Event) and f.type == "OpinionExchange"]
    assert exchange and all(labels.get(p) == "スタヴァンゲル" for f in exchange for p in f.location), exchange


def test_shares_told_by_origin_by_a_gapped_list_and_imports_beside_shares(read) -> None:
    """「チリ産が約5割を占め、ペルー産が…」 (the country the goods come from), 「約5割をガボン、約3割を豪州、約1割を
    ブラジルが占めています」 (each supplier between its share and the next, the verb left to the last), and 「…の3か国で
    全体の7割を占める一方、カタール及びオマーンからの輸入も続いており」 (imports told beside shares, of the section's
    resource); procurement hoped for beside a share (「モロッコからの調達は多角化に資する」) supplies nothing yet."""
    text = ("亜鉛精鉱は、2031年に約60万トンを輸入し、このうちボリビア産が約5割を占め、ペルー産が21.4%でした。\n"
            "マンガン鉱石の輸入量約90万トンのうち、約5割をガボン、約3割を豪州、約1割をブラジルが占めています。\n"
            "LNGの輸入量は約6,500万トンでした。\n"
            "輸入先は、豪州、マレーシア及びロシアの3か国で全体の7割を占める一方、カタール及びオマーンからの輸入も続いています。\n"
            "日本はアンモニアの輸入量の約8割をインドネシアとマレーシアに依存しており、モロッコからの調達は多角化に資するものです。\n")
    facts, _ = read(text, date="2032-06-01", voice="country-jp")
    shares = {(f.resource, f.suppliers, str(f.value)) for f in facts if isinstance(f, SupplyShare)}
    assert {("resource-zinc", ("country-bo",), "50"), ("resource-zinc", ("country-pe",), "21.4"),
            ("resource-manganese", ("country-ga",), "50"), ("resource-manganese", ("country-au",), "30"),
            ("resource-manganese", ("country-br",), "10")} <= shares, shares
    supplied = {(f.subject, f.object) for f in facts if isinstance(f, Assertion) and f.predicate == "supplies"}
    assert {("country-qa", "resource-lng"), ("country-om", "resource-lng")} <= supplied, supplied
    assert not any(s == "country-ma" for s, _ in supplied), supplied


def test_targets_of_diversification_named_by_procurement_from_them_or_after_the_aim(read) -> None:
    """「東アフリカからの調達は、…調達先の多角化にもつながる」, 「多角化に向けてマリとの協力を強化」, 「新たな調達先として
    トーゴとの関係」, 「本件は、…多角化に大きく貢献」 (a release's own deal), and a whole list set as new sources
    (「カザフスタンやウズベキスタン等の中央アジア諸国を新たな供給源と位置付け」); 「東アフリカ」 is a region of its own."""
    text = ("JOGMECは、ガボン共和国のマンガン鉱山に出資しました。\n"
            "本件は、南アフリカ及び豪州に集中する調達先の多角化に大きく貢献するものです。\n"
            "東アフリカからの調達は、中東に偏る日本のLNGの調達先の多角化にもつながるものです。\n"
            "A大臣からは、調達先の多角化に向けてマリとの協力を強化したい旨を述べました。\n"
            "政府は、カザフスタンやウズベキスタン等の中央アジア諸国を新たな供給源と位置付けています。\n")
    facts, out = read(text, date="2032-06-01", voice="country-jp")
    labels = labels_of(out)
    targets = {o for s, p, o in relations_by_label(facts, labels) if p == "diversificationTarget"}
    assert {"country-ga", "東アフリカ", "country-ml", "country-kz", "country-uz", "region-central-asia"} <= targets, targets
    assert "region-africa" not in targets, targets


def test_members_of_a_list_of_bodies_of_a_list_after_a_marker_and_of_the_topic_body(read) -> None:
    """「カタールは、…OPEC及びGECFの加盟国です」 (each body of the list), 「OPEC加盟国であるイラク、クウェート及び
    イラン」 (the whole list, not the other side of a pair: 「EUの加盟国であるポルトガルと日本との間で」) and 「APECは、…
    であり、日本、チリ…等の21の国・地域が参加しています」 (the body the sentence is about, the members before the count)."""
    text = ("カタールは、世界有数のLNG輸出国であり、石油輸出国機構（OPEC）及びガス輸出国フォーラム（GECF）の加盟国です。\n"
            "その多くはOPEC加盟国であるイラク、クウェート及びイランからの輸入です。\n"
            "両大臣は、欧州連合（EU）の加盟国であるポルトガルと日本との間で、水素の協力を進めることで一致しました。\n"
            "APECは、1989年に発足した経済協力の枠組みであり、日本、チリ、ペルー等の21の国・地域が参加しています。\n")
    facts, _ = read(text, date="2032-06-01", voice="country-jp")
    members = {(f.member, f.organization) for f in facts if isinstance(f, Membership)}
    assert {("country-qa", "org-opec"), ("country-qa", "org-gecf"), ("country-iq", "org-opec"), ("country-kw", "org-opec"),
            ("country-ir", "org-opec"), ("country-pt", "org-eu"), ("country-jp", "org-apec"), ("country-cl", "org-apec"),
            ("country-pe", "org-apec")} <= members, members
    assert ("country-jp", "org-eu") not in members
