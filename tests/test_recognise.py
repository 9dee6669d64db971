"""The recogniser on sentences of the source document and on sentences written for the test."""

from __future__ import annotations

import re
import unicodedata

import pytest

from resdip import paths
from resdip.recognise import DocumentContext, recognise
from resdip.registry import load_registry

SOURCE = paths.SOURCES_DIR / "energy-white-paper-2025-part2-ch1.txt"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def sentences_of_source() -> list[str]:
    """The source's sentences, made here without the text model: PDF lines joined, NFKC, cut at 。."""
    raw = SOURCE.read_text(encoding="utf-8")
    joined = re.sub(r"\n+ ?", "", raw).replace("\ufffd", "")
    text = unicodedata.normalize("NFKC", joined)
    return [s + "。" for s in text.split("。") if s.strip()]


@pytest.fixture(scope="module")
def document(registry):
    ctx = DocumentContext()
    return [(s, recognise(s, registry, ctx)) for s in sentences_of_source()]


def ids(mentions) -> list[str]:
    return [m.entity_id for m in mentions if m.entity_id]


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


# (a phrase of the source, the registry ids its sentence must yield)
SOURCE_ENTITIES = [
    ("エネルギー・金属鉱物資源機構(JOGMEC)が、水素等", ["org-jogmec", "resource-hydrogen", "resource-geothermal"]),
    ("「第7次エネルギー基本計画」を踏まえ、資源外交", ["plan-7th-strategic-energy-plan", "resource-methane-hydrate",
                                             "resource-seafloor-hydrothermal-deposits", "resource-lng"]),
    ("チョークポイントであるホルムズ海峡", ["region-middle-east", "resource-crude-oil", "place-hormuz"]),
    ("「包括的資源外交」を展開", ["policy-comprehensive-resource-diplomacy"]),
    ("武藤経済産業大臣がサウジアラビア王国", ["person-muto-yoji", "post-meti-minister", "country-sa", "country-ae"]),
    ("(AETI)に基づき", ["region-southeast-asia", "partnership-aeti"]),
    ("閣僚会合」において、アジア開発銀行", ["event-series-azec-ministerial", "org-adb", "org-eria"]),
    ("中国やインド、東南アジア諸国", ["country-cn", "country-in", "region-southeast-asia"]),
    ("豪州とインドネシアからの輸入", ["country-au", "country-id"]),
    ("「GXを見据えた資源外交の指針」では", ["policy-gx-resource-diplomacy-guidelines", "country-za", "country-co"]),
    ("「日豪経済閣僚対話」において日豪両国", ["event-series-japan-australia-economic-dialogue", "country-jp", "country-au"]),
    ("ベトナムやインドネシアでは", ["country-vn", "country-id"]),
    ("一般炭の自主開発比率は近年", ["indicator-self-development-ratio-thermal-coal"]),
    ("複数年ターム契約の比率", ["org-anre", "indicator-self-development-ratio", "indicator-multi-year-term-contract-ratio"]),
    ("銅、リチウム、コバルト、ニッケル、レアアース", ["resource-neodymium", "resource-copper", "resource-lithium",
                                       "resource-cobalt", "resource-nickel", "resource-rare-earths"]),
    ("「重要鉱物に係る安定供給確保を図るための取組方針」を公表", ["policy-critical-minerals-supply"]),
    ("日本、米国、カナダ、豪州、EU等の15の有志国・地域", ["country-jp", "country-us", "country-ca", "country-au", "org-eu",
                                            "partnership-msp"]),
    ("議長国であるペルー", ["org-apec", "country-pe", "event-series-apec-mining-dialogue"]),
    ("南アフリカ共和国・ケープタウン", ["country-za", "place-cape-town", "event-series-mining-indaba",
                              "person-koga-yuichiro", "post-meti-vice-minister", "region-africa"]),
    ("齋藤経済産業大臣がチリを訪問", ["person-saito-ken", "post-meti-minister", "country-cl", "person-williams-aurora",
                             "post-cl-minister-mining"]),
    ("豪州のキング資源大臣", ["person-muto-yoji", "post-meti-minister", "country-au", "person-king-madeleine",
                        "post-au-minister-resources", "resource-critical-minerals"]),
    ("日仏両政府が連携", ["country-jp", "country-fr", "project-heavy-rare-earths", "org-meti"]),
    ("石油・天然ガスの自主開発比率を2030年", ["indicator-self-development-ratio-oil-gas"]),
    ("ベースメタルの自給率を2030年", ["indicator-self-development-ratio-coal", "indicator-base-metal-self-sufficiency"]),
    ("北カスピ海石油プロジェクトや", ["project-north-caspian-oil", "project-abu-dhabi-oil", "project-mozambique-lng",
                             "project-australia-lng"]),
    ("国際協力銀行(JBIC)", ["org-jbic"]),
    ("日本貿易保険(NEXI)", ["org-nexi"]),
    ("アゼルバイジャン等における", ["country-az"]),
    ("サウジアラビアやUAE等との間で", ["country-sa", "country-ae"]),
    ("水素やアンモニア、バイオ燃料", ["country-au", "resource-hydrogen", "resource-ammonia", "resource-biofuels"]),
    ("国際バルク戦略港湾政策", ["org-mlit", "policy-bulk-strategic-ports"]),
    ("「海洋基本法(平成19年法律第33号)」", ["law-basic-act-ocean-policy", "plan-basic-plan-ocean-policy",
                                  "plan-marine-energy-mineral-development"]),
    ("三次元物理探査船「資源」", ["vessel-shigen"]),
    ("三次元物理探査船「たんさ」を導入", ["org-jogmec", "vessel-tansa"]),
    ("「第4期海洋基本計画」及び", ["plan-4th-basic-plan-ocean-policy", "plan-7th-strategic-energy-plan"]),
    ("同時に産出するヨウ素", ["resource-water-soluble-natural-gas", "resource-iodine"]),
    ("米国・アラスカ州における長期", ["resource-sand-layer-methane-hydrate", "country-us", "place-alaska"]),
    ("三重県志摩半島沖", ["place-shima-offshore"]),
    ("沖縄海域において", ["resource-seafloor-hydrothermal-deposits", "place-okinawa-waters"]),
    ("南鳥島沖公海域", ["resource-cobalt-rich-crusts", "org-isa", "place-minamitorishima-offshore"]),
    ("プログラム(SIP)第3期", ["resource-rare-earth-mud", "project-sip", "project-sip3-ocean-security"]),
    ("ハワイ沖の探査鉱区", ["resource-manganese-nodules", "org-isa", "place-hawaii-offshore"]),
    ("海洋資源調査船「白嶺(はくれい)」", ["vessel-hakurei", "resource-marine-mineral-resources"]),
    ("日ASEAN資源循環パートナーシップ(ARCPEC)", ["partnership-arcpec"]),
    ("「日ASEAN環境気候変動閣僚級対話」", ["event-series-asean-japan-environment-climate", "partnership-arcpec"]),
    ("「日ASEAN経済大臣会合」", ["event-series-asean-japan-economic-ministers", "partnership-ajcei", "country-my",
                          "org-asean"]),
    ("成長志向型の資源自律経済戦略", ["policy-growth-oriented-resource-autonomous-economy"]),
    ("「サーキュラーパートナーズ」(CPs)", ["org-moe", "partnership-cps", "partnership-j4ce"]),
    ("資源の有効な利用に関する法律を改正", ["org-diet", "law-resource-effective-utilisation"]),
]


@pytest.mark.parametrize("phrase, expected", SOURCE_ENTITIES, ids=[p for p, _ in SOURCE_ENTITIES])
def test_source_entities_are_found(document, phrase, expected):
    found = [(s, ms) for s, ms in document if nfkc(phrase) in s]
    assert found, f"phrase not in the source: {phrase}"
    sentence, mentions = found[0]
    missing = [e for e in expected if e not in ids(mentions)]
    assert not missing, f"{missing} not found in: {sentence}"


def test_no_false_countries_in_source(document):
    """Every one-character abbreviation found in the document is in a compound or a list."""
    for sentence, mentions in document:
        for m in mentions:
            if m.source == "compound":
                around = sentence[max(0, m.start - 1):m.end + 2]
                assert re.search(r"日[豪仏米]|[、・][加仏独伊米豪]", around) or m.surface == "日", around
            assert m.end <= len(sentence) and sentence[m.start:m.end] == m.surface


def test_mentions_do_not_overlap(document):
    for sentence, mentions in document:
        for a, b in zip(mentions, mentions[1:]):
            assert a.end <= b.start, (sentence, a, b)


def by_surface(mentions):
    return {m.surface: m for m in mentions}


def test_nichi_compound(registry):
    ms = recognise("日豪両国の閣僚は合意した。", registry)
    assert [(m.surface, m.entity_id, m.source) for m in ms] == [
        ("日", "country-jp", "compound"), ("豪", "country-au", "compound")]
    assert ids(recognise("日米豪印の首脳が会談した。", registry)) == ["country-jp", "country-us", "country-au", "country-in"]
    assert ids(recognise("日ASEANの協力", registry)) == ["country-jp", "org-asean"]


def test_abbreviations_only_in_compounds_and_lists(registry):
    s = "米国、日本、欧州委、豪州、加、仏、独、伊が参加した。"
    assert ids(recognise(s, registry)) == ["country-us", "country-jp", "org-european-commission", "country-au",
                                           "country-ca", "country-fr", "country-de", "country-it"]
    assert ids(recognise("米・加・豪の閣僚", registry)) == ["country-us", "country-ca", "country-au"]
    for s in ["伊勢志摩で会合を開いた。", "伊藤忠商事の担当者", "中小企業の支援", "国際情勢の中、日本が", "10月28日米国で",
              "来日中の大臣", "印刷物を配布した", "野菜、米、小麦の価格", "豪雨の被害"]:
        found = [m for m in recognise(s, registry) if m.source == "compound"]
        assert found == [], (s, found)
    assert "country-it" not in ids(recognise("伊勢志摩で会合を開いた。", registry))


@pytest.mark.parametrize("sentence, person, post, person_id, post_id, jurisdiction", [
    ("武藤経済産業大臣が訪問した。", "武藤", "経済産業大臣", "person-muto-yoji", "post-meti-minister", "country-jp"),
    ("古賀経済産業副大臣が出席した。", "古賀", "経済産業副大臣", "person-koga-yuichiro", "post-meti-vice-minister",
     "country-jp"),
    ("豪州のキング資源大臣と意見交換を行った。", "キング", "資源大臣", "person-king-madeleine",
     "post-au-minister-resources", "country-au"),
    ("チリ共和国ウィリアムス鉱業大臣と署名した。", "ウィリアムス", "鉱業大臣", "person-williams-aurora",
     "post-cl-minister-mining", "country-cl"),
    ("アブドルアジーズ・エネルギー大臣と会談した。", "アブドルアジーズ", "エネルギー大臣", "person-abdulaziz-bin-salman",
     "post-sa-minister-energy", "country-sa"),
    ("英国・ベイデノック ビジネス・貿易大臣と会談した。", "ベイデノック", "ビジネス・貿易大臣", "person-badenoch-kemi",
     "post-gb-secretary-business-trade", "country-gb"),
    ("英国・ベイデノック　ビジネス・貿易大臣と会談した。", "ベイデノック", "ビジネス・貿易大臣", "person-badenoch-kemi",
     "post-gb-secretary-business-trade", "country-gb"),
])
def test_person_and_post(registry, sentence, person, post, person_id, post_id, jurisdiction):
    ms = by_surface(recognise(nfkc(sentence), registry))
    assert ms[person].entity_id == person_id and ms[person].cls == "Person"
    assert ms[post].entity_id == post_id and ms[post].cls == "Post"
    assert ms[person].parts == (ms[post],)
    assert ms[post].attrs["jurisdiction"] == jurisdiction


def test_unknown_minister_becomes_candidates(registry):
    s = nfkc("2024年10月28日、ンドゥマ鉱業大臣（タンザニア）と会談し、鉱物資源分野の協力について意見交換した。")
    ms = by_surface(recognise(s, registry))
    person, post = ms["ンドゥマ"], ms["鉱業大臣"]
    assert (person.entity_id, person.cls, person.candidate_key) == (None, "Person", "ンドゥマ")
    assert (post.entity_id, post.cls, post.candidate_key) == (None, "Post", "タンザニア鉱業大臣")
    assert post.attrs["jurisdiction"] == "country-tz"
    assert person.parts == (post,)
    assert ms["タンザニア"].entity_id == "country-tz"


def test_a_foreign_post_holds_an_adjectives_na(registry):
    """「ガーナ共和国のコフィ・メンサー・持続可能な資源開発大臣」: な between kanji is part of the post's name; a
    な that does not join two kanji (「新たな鉱業大臣」) starts none."""
    ms = by_surface(recognise(nfkc("ガーナ共和国のコフィ・メンサー・持続可能な資源開発大臣と会談した。"), registry))
    assert ms["持続可能な資源開発大臣"].cls == "Post" and ms["コフィ・メンサー"].parts == (ms["持続可能な資源開発大臣"],)
    ms = by_surface(recognise(nfkc("ガーナ共和国の新たな鉱業大臣と会談した。"), registry))
    assert "鉱業大臣" in ms and not any("な" in surface for surface in ms)


def test_unknown_japanese_post_holder(registry):
    ms = by_surface(recognise("山田国土交通副大臣が視察した。", registry))
    assert ms["山田"].cls == "Person" and ms["山田"].entity_id is None
    assert ms["国土交通副大臣"].cls == "Post" and ms["国土交通副大臣"].candidate_key == "国土交通副大臣"


def test_known_family_name_with_another_post_is_a_candidate(registry):
    ms = by_surface(recognise("武藤外務大臣が出席した。", registry))
    assert ms["外務大臣"].entity_id == "post-mofa-minister"
    assert ms["武藤"].entity_id is None and ms["武藤"].candidate_key == "武藤"


def test_foreign_post_in_context_of_another_country(registry):
    ctx = DocumentContext()
    recognise("経済産業大臣はペルーを訪問した。", registry, ctx)
    ms = by_surface(recognise("ロペス鉱業大臣と会談した。", registry, ctx))
    assert ms["鉱業大臣"].entity_id is None and ms["鉱業大臣"].candidate_key == "ペルー鉱業大臣"


def test_definitions_carry_over_sentences(registry):
    ctx = DocumentContext()
    first = recognise(nfkc("「日米エネルギー安全保障対話」を開催し、北極海資源協力イニシアティブ（ARCI）を立ち上げた。"),
                      registry, ctx)
    m = by_surface(first)
    assert m["日米エネルギー安全保障対話"].cls == "EventSeries" and m["日米エネルギー安全保障対話"].entity_id is None
    assert m["北極海資源協力イニシアティブ"].cls == "Partnership"
    assert m["ARCI"].candidate_key == "北極海資源協力イニシアティブ"
    later = by_surface(recognise("ARCIの下で調査を進める。", registry, ctx))
    assert later["ARCI"].cls == "Partnership" and later["ARCI"].candidate_key == "北極海資源協力イニシアティブ"
    assert later["ARCI"].source == "definition"


def test_definition_of_a_known_name_is_an_alias(registry):
    ctx = DocumentContext()
    recognise(nfkc("エネルギー・金属鉱物資源機構（ＪＯＧ）が出資した。"), registry, ctx)
    assert ctx.definitions["JOG"].entity_id == "org-jogmec"
    assert ids(recognise("JOGが支援する。", registry, ctx)) == ["org-jogmec"]


def test_quoted_instance_of_known_series_is_not_a_candidate(registry):
    ms = recognise(nfkc("「第2回アジア・ゼロエミッション共同体（AZEC）閣僚会合」において署名した。"), registry)
    assert ids(ms) == ["event-series-azec-ministerial"]
    assert all(m.entity_id for m in ms)


def test_sudachi_proper_nouns_become_candidates(registry):
    ms = by_surface(recognise("経済産業省はカザフスタンのアスタナで、田中氏と協議した。", registry))
    assert ms["カザフスタン"].entity_id == "country-kz"
    assert ms["アスタナ"].cls == "Place" and ms["アスタナ"].source == "sudachi"
    assert ms["田中"].cls == "Person" and ms["田中"].entity_id is None


def test_context_remembers_last_country(registry):
    ctx = DocumentContext()
    recognise("豪州と日本は合意した。", registry, ctx)
    assert ctx.last_country == "country-jp" and ctx.last_foreign_country == "country-au"


def test_long_text_is_cut_for_sudachi(registry):
    text = "豪州の資源開発は重要である。" * 4000  # > 49,149 bytes in one call
    ms = recognise(text, registry)
    assert len([m for m in ms if m.entity_id == "country-au"]) == 4000


@pytest.mark.parametrize("text, name", [
    ("東京において、第3回日・モザンビーク・エネルギー・鉱物資源政策対話が開催されました。", "日・モザンビーク・エネルギー・鉱物資源政策対話"),
    ("第2回日豪エネルギー・資源対話が開催された。", "日豪エネルギー・資源対話"),
    ("日米エネルギー安全保障対話を開催した。", "日米エネルギー安全保障対話"),
    # Japan meets a region's countries together: the region is the second party of the compound
    ("第2回日・中央アジア・エネルギー閣僚会合が開催されました。", "日・中央アジア・エネルギー閣僚会合"),
    ("第3回日・中南米エネルギー対話が開催されました。", "日・中南米エネルギー対話"),
])
def test_a_bilateral_meeting_named_without_quotes_is_one_mention(registry, text, name):
    meetings = [m for m in recognise(nfkc(text), registry) if m.cls == "EventSeries"]
    assert [m.surface for m in meetings] == [name]


def test_bilateral_compound_alone_is_no_meeting(registry):
    assert not [m for m in recognise(nfkc("日豪の協力を進める。"), registry) if m.cls == "EventSeries"]


def test_mofa_order_of_names_bodies_and_posts(registry):
    text = nfkc("川原田智外務省経済局長とフェルナンド・マシャバ・モザンビーク共和国鉱物資源エネルギー省副大臣が共同議長を務めた。")
    people = {m.surface: m for m in recognise(text, registry) if m.cls == "Person"}
    assert set(people) == {"川原田智", "フェルナンド・マシャバ"}
    machava = people["フェルナンド・マシャバ"]
    assert machava.attrs["jurisdiction"] == "country-mz"
    assert machava.parts and machava.parts[0].attrs["post_in"].endswith("モザンビーク共和国鉱物資源エネルギー省")
    assert people["川原田智"].parts[0].attrs["post_in"] == "org-mofa"


@pytest.mark.parametrize("text, place", [
    ("JOGMEC、カナダ・ブリティッシュコロンビア州で共同探鉱契約を締結", "ブリティッシュコロンビア州"),
    ("同州中部のケストレル地域における共同探鉱プロジェクト", "ケストレル地域"),
    ("ペルー南部のアレキパ州", "アレキパ州"),
])
def test_a_katakana_name_before_an_administrative_word_is_a_place(registry, text, place):
    places = [m.surface for m in recognise(nfkc(text), registry) if m.cls == "Place"]
    assert places == [place]


def test_common_katakana_words_and_directions_are_no_places(registry):
    text = nfkc("海外のフロンティア地域等や、チリ北部、モデル地区において")
    assert [m.surface for m in recognise(text, registry) if m.cls == "Place"] == []


def test_names_written_with_their_parts_spaced_or_joined_by_small_words(registry):
    """「理事長：宮坂 圭介」 is one person; 「Terras Raras do Cerrado S.A.」 one company; a particle after a
    closing bracket does not open a company's name (「JOGMEC（…）と東邦通商株式会社」)."""
    ms = by_surface(recognise("JOGMEC（本部：東京都港区、理事長：宮坂 圭介）と東邦通商株式会社は、"
                              "ブラジル法人Terras Raras do Cerrado S.A.に出資した。", registry))
    assert ms["宮坂 圭介"].cls == "Person"
    assert ms["東邦通商株式会社"].cls == "Company"
    assert ms["Terras Raras do Cerrado S.A."].cls == "Company"
    assert "と東邦通商株式会社" not in ms and "Cerrado S.A." not in ms


def test_a_south_asian_private_limited_company_is_one_name(registry):
    """「Indus Minerals (Private) Limited」: the bracketed (Private) is part of the legal form, so the particle after
    the name is read (「…との間で」)."""
    ms = by_surface(recognise("JBICは、パキスタン法人Indus Minerals (Private) Limitedとの間で貸付契約に調印した。", registry))
    assert ms["Indus Minerals (Private) Limited"].cls == "Company"


def test_fertiliser_minerals_and_more_rare_metals_are_resources_but_not_inside_other_words(registry):
    """リン鉱石, カリ (塩化カリウム), タンタル, プラセオジム are resources the genre trades; カリブ and
    カリフォルニア are not potash."""
    ms = by_surface(recognise("我が国はリン鉱石及びカリ（塩化カリウム）の全量を輸入に依存し、タンタルとプラセオジムも"
                              "輸入している。カリブ共同体やカリフォルニア州とも協力する。", registry))
    assert {ms[w].entity_id for w in ("リン鉱石", "カリ", "塩化カリウム", "タンタル", "プラセオジム")} == {
        "resource-phosphate-rock", "resource-potash", "resource-tantalum", "resource-praseodymium"}, ms
    assert not any(m.entity_id == "resource-potash" and m.surface not in ("カリ", "塩化カリウム") for m in ms.values())


def test_a_commissioner_is_a_post_but_a_committee_is_not(registry):
    """「欧州委員会のアンナ・ベルク委員」: a member of the Commission holds a post, named in full; 「運営委員会」 is a body's
    committee, no post."""
    ms = by_surface(recognise("欧州委員会のアンナ・ベルク委員と運営委員会の議長が出席した。", registry))
    assert ms["アンナ・ベルク"].cls == "Person" and ms["アンナ・ベルク"].parts[0].surface == "委員"
    assert not [m for m in ms.values() if m.cls == "Post" and m.start > ms["アンナ・ベルク"].end + 3]


def test_a_post_that_opens_with_a_katakana_word_of_its_field_is_one_post(registry):
    """「カルメン・ロブレド エコロジー移行大臣」: エコロジー is part of the post (Spain's ecological transition),
    not a person's name."""
    ms = by_surface(recognise("スペイン王国のカルメン・ロブレド エコロジー移行大臣と会談した。", registry))
    person = next(m for m in ms.values() if m.cls == "Person")
    assert person.surface.startswith("カルメン・ロブレド") and person.parts[0].surface == "エコロジー移行大臣", ms


def test_a_block_named_with_where_it_lies_is_one_project(registry):
    """「サラマッカ沖鉱区」, 「ビオコ北鉱区」: a katakana name, a word of where the block lies and 鉱区 name a project,
    and so does a number (「第71鉱区」); 「ケニアの北鉱区」 (no name of its own) does not."""
    ms = by_surface(recognise("同国沖合のサラマッカ沖鉱区と赤道ギニア沖合のビオコ北鉱区、リビア沖合の第71鉱区、及びケニアの北鉱区。",
                              registry))
    assert ms["サラマッカ沖鉱区"].cls == "Project" and ms["ビオコ北鉱区"].cls == "Project", ms
    assert ms["第71鉱区"].cls == "Project", ms  # a block known by its number
    assert not any(m.surface.endswith("北鉱区") and m.surface != "ビオコ北鉱区" for m in ms.values()), ms


def test_a_name_written_apart_from_its_post_holds_it(registry):
    """Signers written 「JBICの小野寺 透 常務執行役員」 (a space before the post too) and 「SPL社のダニエル・モラレス
    最高経営責任者」 hold those posts; a contact line's office 「資源・燃料部 鉱物資源課長 石黒」 names no holder."""
    text = nfkc("JBICの小野寺 透 常務執行役員とSPL社のダニエル・モラレス最高経営責任者が署名しました。")
    people = {m.surface: [p.surface for p in m.parts] for m in recognise(text, registry) if m.cls == "Person"}
    assert people == {"小野寺 透": ["常務執行役員"], "ダニエル・モラレス": ["最高経営責任者"]}
    contact = [m for m in recognise(nfkc("資源エネルギー庁 資源・燃料部 鉱物資源課長 石黒"), registry) if m.cls == "Person"]
    assert all(not m.parts for m in contact)


def test_a_family_name_the_dictionary_knows_as_a_place_opens_a_post(registry):
    """「藤巻経済産業副大臣は」 opening a sentence (Sudachi's 藤巻 is a place name) names a person, 藤巻, who holds
    the post; 「鹿児島県知事は」 and 「大阪府知事と」 stay posts of a place."""
    people = {m.surface: [p.entity_id for p in m.parts] for m in recognise(nfkc("藤巻経済産業副大臣は、ブラジル連邦共和国を訪れた。"), registry)
              if m.cls == "Person"}
    assert people == {"藤巻": ["post-meti-vice-minister"]}
    for text in ("鹿児島県知事は、会見した。", "同日、大阪府知事と会談した。"):
        assert not any(m.cls == "Person" for m in recognise(nfkc(text), registry)), text


def test_an_unquoted_project_named_by_katakana_words(registry):
    """「ルイジアナ州のバイユー・ベンドLNGプロジェクト」 names a project (Sudachi's バイユー is no place);
    「LNGプロジェクト」 and 「リチウムプロジェクト」 are kinds of project, not names."""
    ms = by_surface(recognise("日本企業が参画するルイジアナ州のバイユー・ベンドLNGプロジェクトについて承認した。", registry))
    assert ms["バイユー・ベンドLNGプロジェクト"].cls == "Project" and "バイユー" not in ms
    for text in ("日本企業が参画するLNGプロジェクトに出資した。", "サルタ州のリチウムプロジェクトに出資した。"):
        assert not any(m.cls == "Project" for m in recognise(text, registry)), text


def test_a_country_inside_a_longer_katakana_name_is_no_country(registry):
    """「ペトロベトナム」 (a company's short name) holds ベトナム at its end: no country there, and no
    candidate twin of a registered country."""
    text = "株式会社ＡＢＣとベトナム国家エネルギー産業グループ（ペトロベトナム）：CCSの共同スタディに関する覚書"
    found = recognise(nfkc(text), registry)
    assert not any(m.cls == "Country" and m.start >= text.index("ペトロ") for m in found)
    # the state group named after its country is that country's body (the first ベトナム is part of its name)
    body = next(m for m in found if m.surface == "ベトナム国家エネルギー産業グループ")
    assert body.cls == "Company" and body.attrs.get("jurisdiction") == "country-vn"


def test_a_registered_person_written_with_a_space_is_the_registry_person(registry):
    """A signature line 「日本国内閣総理大臣 高市 早苗」 names the registry's 高市早苗, not a new person."""
    people = [(m.surface, m.entity_id) for m in recognise(nfkc("署名者 高市 早苗"), registry) if m.cls == "Person"]
    assert people == [("高市 早苗", "person-takaichi-sanae")]


def test_a_project_named_by_its_site_and_its_kind(registry):
    """「タンザニアLNGプロジェクト」 names a project where it is; 「豪州のLNGプロジェクト」 (with の) a kind."""
    ms = by_surface(recognise("両首脳は、タンザニアLNGプロジェクトの早期実現を確認した。", registry))
    assert ms["タンザニアLNGプロジェクト"].cls == "Project" and "タンザニア" not in ms
    assert not any(m.cls == "Project" for m in recognise("豪州のLNGプロジェクトに出資した。", registry))


@pytest.mark.parametrize("text, name, cls", [
    ("首都オマーン市において", "オマーン市", "Place"),  # a city named after its country
    ("秋田県の男鹿基地を活用した", "男鹿基地", "Place"),  # a base after the place it is in
    ("新潟石油備蓄基地における", "新潟石油備蓄基地", "Place"),  # the resource word is part of the name
    ("在チリ日本国大使館の主催により", "在チリ日本国大使館", "GovernmentBody"),
    ("同国南東部のマニカ州において", "マニカ州", "Place"),  # 州 after any katakana run
])
def test_sites_named_after_a_name_read_first(registry, text, name, cls):
    ms = by_surface(recognise(nfkc(text), registry))
    assert name in ms and ms[name].cls == cls, ms


def test_no_site_where_the_word_is_not_right_after_the_name(registry):
    for text in ("米国基地", "日本の石油基地", "日本市場"):
        assert not any(m.cls == "Place" for m in recognise(text, registry)), text


@pytest.mark.parametrize("text, name", [
    # 「同国における」 is a determiner's phrase: the name starts after it, and runs over への
    ("JBICとチリ財務省との間で、同国における港湾整備への金融協力に関する覚書の署名が行われた。",
     "港湾整備への金融協力に関する覚書"),
    # a kana ending inside a kanji noun (引取り) does not break the name; 合意書 is an agreement word
    ("A社とB社との間の、水素の引取りに関する基本合意書", "水素の引取りに関する基本合意書"),
])
def test_agreements_named_by_a_longer_phrase(registry, text, name):
    ms = by_surface(recognise(nfkc(text), registry))
    assert name in ms and ms[name].cls in ("Agreement", "MemorandumOfUnderstanding"), ms


def test_a_bare_agreement_word_names_no_agreement(registry):
    for text in ("本覚書に基づき協力する。", "同国との協力覚書", "鉱物覚書を結ぶ"):
        assert not any(m.cls in ("Agreement", "MemorandumOfUnderstanding") for m in recognise(text, registry)), text


@pytest.mark.parametrize("text, name, cls", [
    ("ブラジル側からカルロス・メンデス石油・天然ガス大臣も出席した。", "カルロス・メンデス", "Person"),  # a post naming resources
    ("ブラジル側からカルロス・メンデス石油・天然ガス大臣も出席した。", "石油・天然ガス大臣", "Post"),
    ("チリ鉱業省傘下の国営企業であるアンデス・ミネラ社と", "チリ鉱業省", "GovernmentBody"),  # 傘下 follows the body
    ("モンゴル開発銀行との間で覚書に署名した。", "モンゴル開発銀行", "FinancialInstitution"),
    ("JOGMECの大森 健一理事が署名した。", "大森 健一", "Person"),  # family and given name apart, then a post
])
def test_names_read_with_what_follows_them(registry, text, name, cls):
    ms = by_surface(recognise(nfkc(text), registry))
    assert name in ms and ms[name].cls == cls, ms


def test_a_mine_named_before_its_short_name_and_as_a_project(registry):
    """「…ルビーヒル銅・金鉱山（以下「本鉱山」）」 names a project over the resource in its name; the headline's
    「ケベック州ルビーヒル銅・金鉱山プロジェクト」 is the same mine, after the place it lies in."""
    ms = by_surface(recognise(nfkc("同社は、カナダ東部に位置するルビーヒル銅・金鉱山（以下「本鉱山」）を操業する。"), registry))
    assert ms["ルビーヒル銅・金鉱山"].cls == "Project"
    ms = by_surface(recognise(nfkc("カナダ／ケベック州ルビーヒル銅・金鉱山プロジェクトに対する保険の引受"), registry))
    project = ms["ルビーヒル銅・金鉱山プロジェクト"]
    assert project.cls == "Project" and project.candidate_key == "ルビーヒル銅・金鉱山"
    assert ms["ケベック州"].cls == "Place"


def test_a_meeting_named_after_a_framework_in_brackets(registry):
    """「「中央アジア＋日本」エネルギー・鉱物資源大臣会合」 is one meeting series; 「「X共同声明」を採択」 is not."""
    ms = by_surface(recognise(nfkc("第1回「中央アジア＋日本」エネルギー・鉱物資源大臣会合の共同議長を務めた。"), registry))
    assert ms[nfkc("「中央アジア＋日本」エネルギー・鉱物資源大臣会合")].cls == "EventSeries"
    assert not any(m.cls == "EventSeries" for m in recognise(nfkc("「タシケント共同声明」を採択した。"), registry))


def test_meetings_of_a_body_with_its_partners_or_of_a_summits_ministers(registry):
    """「第24回ASEAN+3エネルギー大臣会合及び第21回東アジアサミット（EAS）エネルギー大臣会合」 name two meetings."""
    text = nfkc("第24回ASEAN+3エネルギー大臣会合及び第21回東アジアサミット（EAS）エネルギー大臣会合が開催され、")
    meetings = [m.surface for m in recognise(text, registry) if m.cls == "EventSeries"]
    assert meetings == ["ASEAN+3エネルギー大臣会合", nfkc("東アジアサミット（EAS）エネルギー大臣会合")]


@pytest.mark.parametrize("text, name, cls", [
    ("北部の発電会社スタンウェル社及び中部水素開発株式会社が", "スタンウェル社", "Company"),  # the class noun apart
    ("同国のブルネイLNG社と日本の電力会社3社", "ブルネイLNG社", "Company"),  # a country's name opening it
    ("JBICは、ペルー共和国法人アンデス・カッパー社との間で貸付契約を締結", "アンデス・カッパー社", "Company"),  # 法人 apart
    ("JOGMEC及び双日株式会社が出資する日豪レアアース株式会社が", "日豪レアアース株式会社", "Company"),  # 日豪 opens it
    ("JOGMECと三井物産が出資する日本アークティックLNG株式会社を通じて", "日本アークティックLNG株式会社", "Company"),
    ("オマーン国中部のドゥクム経済特区において", "ドゥクム経済特区", "Place"),
    ("G7各国とIEAが共催した「重要鉱物投資ラウンドテーブル」が開かれ", "重要鉱物投資ラウンドテーブル", "EventSeries"),
    ("経済産業省と同国商工省が第2回日越エネルギー政策対話を開き", "日越エネルギー政策対話", "EventSeries"),
    ("在ナミビア日本国大使館とナミビア投資貿易センターが共催した", "ナミビア投資貿易センター", "PublicAgency"),
    ("日本貿易振興機構と駐日チュニジア共和国大使館の共催により", "駐日チュニジア共和国大使館", "GovernmentBody"),  # its embassy in Japan
    ("在日フィンランド大使館が主催した", "在日フィンランド大使館", "GovernmentBody"),
    ("同国北部の北カザフスタン州において", "北カザフスタン州", "Place"),  # named after its country, not the country
    ("同国東部のマルク州沖合で日本企業が参画する", "マルク州", "Place"),  # off a province: not a feature of its own
    ("経済産業省とガーナ共和国持続可能な資源開発省が", "ガーナ共和国持続可能な資源開発省", "GovernmentBody"),  # an adjective's な
    ("「ガレオタ・ノースLNG事業」を運営するX社", "ガレオタ・ノースLNG事業", "Project"),  # a project quoted by its name
    ("大隈副大臣は、アスンシオンにおいて、X大臣と会談しました。", "アスンシオン", "Place"),  # a given name too, but held there
    ("ガーナ共和国（アクラ）及びナイジェリア連邦共和国（アブジャ）を訪問", "アクラ", "Place"),  # the city, in brackets
])
def test_names_of_companies_places_and_meetings_in_releases(registry, text, name, cls):
    ms = by_surface(recognise(nfkc(text), registry))
    assert name in ms and ms[name].cls == cls, ms


def test_a_country_written_apart_from_a_company_stays_a_country(registry):
    ms = by_surface(recognise(nfkc("豪州・ウッドサイド社と米国エクソンモービル社"), registry))
    assert ms["豪州"].cls == "Country" and ms["米国"].cls == "Country"


def test_a_body_named_after_its_country_that_the_registry_knows_is_the_registry_entity(registry):
    """「同国国営石油会社プルタミナ」 after インドネシア: 同国国営石油会社 is インドネシア国営石油会社, an alias of
    プルタミナ in the registry, not a candidate twin of it."""
    ctx = DocumentContext()
    recognise("インドネシアでは、", registry, ctx)
    ms = by_surface(recognise(nfkc("JOGMECは、同国国営石油会社プルタミナとの間で覚書を締結した。"), registry, ctx))
    assert ms["同国国営石油会社"].entity_id == "org-pertamina"


@pytest.mark.parametrize("text, name", [
    ("副大臣は、日本企業が権益の3割を保有するモンテ・アスール・ニッケル鉱山を視察した。", "モンテ・アスール・ニッケル鉱山"),
    ("同社はチリ北部のカンデラリア銅鉱山の権益を取得した。", "カンデラリア銅鉱山"),
    ("JOGMECはケニアのスワラ・ナロク鉱区で探査を行う。", "スワラ・ナロク鉱区"),
])
def test_an_unquoted_mine_or_block_named_by_katakana_words(registry, text, name):
    """A mine, block or field word after a katakana name (with or without the resource it mines) names a
    project, quoted or not."""
    ms = by_surface(recognise(nfkc(text), registry))
    assert name in ms and ms[name].cls == "Project", sorted(ms)


@pytest.mark.parametrize("text", [
    "同社はチリでリチウム鉱山を開発する。",  # a resource alone: a kind of mine
    "ブラジルのイオン吸着型鉱床からレアアースを得る。",  # a describing word before the mine word
    "齋藤大臣はペルーのメンドーサ鉱山大臣と会談した。",  # a post, not a mine
    "竹下政務官はハイタンボ鉱山・エネルギー大臣と会談した。",
])
def test_a_mine_word_after_no_name_of_its_own_names_no_project(registry, text):
    assert not any(m.cls == "Project" for m in recognise(nfkc(text), registry)), text


@pytest.mark.parametrize("text, name", [
    ("東京で第3回日・オマーン合同経済委員会が開催された。", "日・オマーン合同経済委員会"),
    ("大臣は第7回日ベトナム産業・エネルギー協力委員会を開催した。", "日ベトナム産業・エネルギー協力委員会"),
])
def test_a_joint_committee_of_japan_and_a_country_is_a_meeting_series(registry, text, name):
    """A 日X compound before a committee word (合同委員会, 協力委員会) names the two countries' meeting, not a
    body of the second; the same words after the country alone still name its body."""
    ms = by_surface(recognise(nfkc(text), registry))
    assert name in ms and ms[name].cls == "EventSeries", sorted(ms)
    ms = by_surface(recognise(nfkc("オマーン合同経済委員会が発表した。"), registry))
    assert ms["オマーン合同経済委員会"].cls != "EventSeries"


def test_a_known_person_then_the_country_of_the_post(registry):
    """The MOFA order 「岩屋毅日本国外務大臣」 (a registered name, then the country and the post, no dot) is the
    person holding the post of that country, as 「クリス・ライト米国エネルギー長官」 is."""
    for text, person in (("岩屋毅日本国外務大臣は、会談を行った。", "person-iwaya-takeshi"),
                         ("同日、クリス・ライト米国エネルギー長官と会談した。", "person-wright-chris")):
        people = [m for m in recognise(nfkc(text), registry) if m.cls == "Person"]
        assert [m.entity_id for m in people] == [person], text
        assert people[0].parts and people[0].parts[0].cls == "Post", text


def test_a_latin_name_in_capitals_is_the_registry_entity(registry):
    """Releases write companies and event names in capitals (PERTAMINA, PETRONAS, 「APEC JAPAN 2010」): the
    registry's Pertamina, Petronas and Japan, never a new candidate sharing their name."""
    found = {m.surface: m.entity_id for m in recognise(nfkc("INPEXは、PERTAMINA及びPETRONASと、APEC JAPAN 2010の場で協議した。"), registry)}
    assert (found["PERTAMINA"], found["PETRONAS"], found["JAPAN"]) == ("org-pertamina", "org-petronas", "country-jp")


def test_a_name_written_another_way_is_the_registry_entity_or_linked_to_it(registry):
    """A candidate would share a name with a registry entity (``queries/unlinked-twin-violation.rq`` fails the
    build on it): of the same kind it is that entity; of another kind (a meeting called 「APEC」) it is linked
    to it by skos:related, so the check finds nothing."""
    import pyoxigraph as ox
    from rdflib import Graph

    from resdip.extract.mentions import MentionResolver
    from resdip.rdf.emit import emit_text_entity
    from resdip.rdf.registry_rdf import registry_graph
    from resdip.rdf.store import run_query

    resolver = MentionResolver(registry, {})
    assert resolver.candidate("Country", "ＪＡＰＡＮ") == "country-jp"
    assert resolver.candidate("Company", "インドネシア石油公社（PERTAMINA）") == "org-pertamina"
    meeting = resolver.candidate("EventSeries", "APEC")
    assert meeting.startswith("candidate-eventseries-")
    graph = registry_graph(registry)
    emit_text_entity(graph, resolver.entities[meeting])
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    query = (paths.QUERIES_DIR / "unlinked-twin-violation.rq").read_text(encoding="utf-8")
    assert list(run_query(store, query, source="twin")) == []
    assert ox.Triple(ox.NamedNode(f"https://w3id.org/resdip/id/{meeting}"),
                     ox.NamedNode("http://www.w3.org/2004/02/skos/core#related"),
                     ox.NamedNode("https://w3id.org/resdip/id/org-apec")) in {q.triple for q in store}


def test_a_block_named_by_a_latin_code(registry):
    """「SK-417鉱区」, 「B-12鉱区」: a block named by a code of Latin letters, a hyphen and digits; 「3鉱区」 counts."""
    found = {m.surface: m.cls for m in recognise(nfkc("同社はマレーシア沖のSK-417鉱区とB-12鉱区を含む3鉱区を得た。"), registry)}
    assert found.get("SK-417鉱区") == "Project" and found.get("B-12鉱区") == "Project", found
    assert not any(surface.startswith("3") for surface in found)


def test_a_post_naming_a_resource_before_a_registered_post_name(registry):
    """「エステバン・ムランボ鉱物資源エネルギー大臣」: the registry's エネルギー大臣 (Saudi Arabia's) is the tail of a
    longer post that names a resource; the person holds that post, not the Saudi one."""
    people = [m for m in recognise(nfkc("モザンビーク共和国のエステバン・ムランボ鉱物資源エネルギー大臣と会談した。"), registry)
              if m.cls == "Person"]
    assert [(m.surface, [p.surface for p in m.parts], [p.entity_id for p in m.parts]) for m in people] == [
        ("エステバン・ムランボ", ["鉱物資源エネルギー大臣"], [None])]


def test_a_family_name_with_the_press_honorific_is_the_registered_person(registry):
    """「武藤氏は」: the one registered person of that family name; an unknown family name stays a new person."""
    found = {m.surface: m.entity_id for m in recognise(nfkc("武藤氏は、山田氏とチリを訪問した。"), registry) if m.cls == "Person"}
    assert found == {"武藤": "person-muto-yoji", "山田": None}, found


def test_a_list_announced_by_its_count_names_no_agreement(registry):
    """「以下の2件の協力文書が署名されました」: what is listed after it is named there, not here."""
    assert not any(m.cls in ("Agreement", "MemorandumOfUnderstanding")
                   for m in recognise(nfkc("両首脳の立会いの下、以下の2件の協力文書が署名されました。"), registry))


@pytest.mark.parametrize("text, name, cls", [
    ("JOGMECはベトナム国家石炭鉱物産業グループ（ビナコミン）との間で覚書を締結した。", "ベトナム国家石炭鉱物産業グループ", "Company"),
    ("同社はモンゴル石油機構と会談した。", "モンゴル石油機構", "PublicAgency"),
])
def test_a_state_group_or_agency_named_after_its_country(registry, text, name, cls):
    """「ベトナム国家…グループ」, 「モンゴル…機構」: a body of that country, as …公社 and …省 are."""
    found = {m.surface: m for m in recognise(nfkc(text), registry)}
    assert name in found and found[name].cls == cls, sorted(found)


def test_an_industry_association_and_a_public_private_council(registry):
    """「在ペルー日本国大使館とペルー鉱業石油エネルギー協会（SNMPE）の共催により、第4回日・ペルー鉱業官民協議会が開かれ」:
    the association is a body of Peru, the council a meeting series."""
    found = {m.surface: m for m in recognise(nfkc(
        "在ペルー日本国大使館とペルー鉱業石油エネルギー協会（SNMPE）の共催により、第4回日・ペルー鉱業官民協議会が開かれました。"), registry)}
    assert found["ペルー鉱業石油エネルギー協会"].attrs.get("jurisdiction") == "country-pe"
    assert found["日・ペルー鉱業官民協議会"].cls == "EventSeries"


@pytest.mark.parametrize("text, name, cls", [
    ("JETROとコロンビア商工会議所の共催により、フォーラムが開かれました。", "コロンビア商工会議所", "Company"),
    ("JETROとケニア製造業者連盟の共催により、セミナーが開かれました。", "ケニア製造業者連盟", "Company"),
    ("JOGMECは、同年度にナミビア地球科学評議会と共同で探鉱を開始しました。", "ナミビア地球科学評議会", "PublicAgency"),
    ("JICAは、ザンビア鉱業大学と連携し、技術者を育成します。", "ザンビア鉱業大学", "PublicAgency"),
])
def test_chambers_federations_councils_and_universities_named_after_their_country(registry, text, name, cls):
    """A chamber of commerce (会議所), a federation (連盟), a council (評議会) or a university (大学) named after its
    country is a body of that country, as its 協会 and its 研究所 are."""
    found = {m.surface: m for m in recognise(nfkc(text), registry)}
    assert name in found and found[name].cls == cls, sorted(found)
    assert found[name].attrs.get("jurisdiction", "").startswith("country-")


@pytest.mark.parametrize("text, person, post", [
    ("JOGMECの三輪 康介理事が署名しました。", "三輪 康介", "理事"),  # a family name the dictionary reads as a place
    ("NM社のラーシュ・ベリ社長が署名しました。", "ラーシュ・ベリ", "社長"),  # 社長 is a post, not a company ベリ社
    ("JOGMECの久世 真理理事が署名しました。", "久世 真理", "理事"),  # a given name the dictionary reads as a word
    ("JOGMECの大河内 常務理事が出席しました。", "大河内", "常務理事"),  # but a word of the title stays in it
])
def test_people_named_before_their_posts_in_releases(registry, text, person, post):
    ms = recognise(nfkc(text), registry)
    assert person in {m.surface for m in ms if m.cls == "Person"}
    assert post in {m.surface for m in ms if m.cls == "Post"}
    assert not [m for m in ms if m.cls == "Company" and m.surface.endswith("ベリ社")]


def test_a_post_of_a_body_is_also_written_with_the_name_in_brackets_after_the_body(registry):
    """「独立行政法人エネルギー・金属鉱物資源機構（JOGMEC）の久世 真理理事」: the post is JOGMEC理事 too, the name the
    release calls the body by."""
    ms = recognise(nfkc("独立行政法人エネルギー・金属鉱物資源機構（JOGMEC）の久世 真理理事が署名しました。"), registry)
    (post,) = [m for m in ms if m.cls == "Post"]
    assert post.surface == "理事" and post.attrs["written"] == "JOGMEC理事"


def test_a_family_name_written_apart_in_a_gloss_is_part_of_the_name(registry):
    """「独立行政法人日本貿易保険（略称：NEXI、理事長：高畑 信吾）」: 高畑 信吾 holds the post, not a place 高畑."""
    ms = recognise(nfkc("独立行政法人日本貿易保険（略称：NEXI、理事長：高畑 信吾）は、決定いたしました。"), registry)
    (person,) = [m for m in ms if m.cls == "Person"]
    assert person.surface == "高畑 信吾" and person.attrs.get("glossed")
    assert not [m for m in ms if m.cls == "Place"]


def test_two_posts_joined_by_ken_are_one_post(registry):
    """「セルジュ・ンデマ副首相兼石油・ガス大臣と会談」: one post, so the person stays the partner marked と."""
    ms = recognise(nfkc("武藤大臣は、ガボン共和国のセルジュ・ンデマ副首相兼石油・ガス大臣と会談しました。"), registry)
    person = next(m for m in ms if m.surface == "セルジュ・ンデマ")
    assert [p.surface for p in person.parts] == ["副首相兼石油・ガス大臣"]
    assert not [m for m in ms if m.cls == "Post" and m.surface.startswith("兼")]


def test_a_katakana_name_after_the_kind_of_company_it_is(registry):
    """「ロシアの国営石油会社ロスネフチとの間で」: ロスネフチ is a company; 「…探鉱会社ノースクリーク・リソーシズ社」 stays whole."""
    ms = recognise(nfkc("JOGMECとロシアの国営石油会社ロスネフチとの間で覚書が締結され、カナダの探鉱会社ノースクリーク・リソーシズ社とも契約した。"),
                   registry)
    companies = {m.surface for m in ms if m.cls == "Company"}
    assert companies == {"ロスネフチ", "ノースクリーク・リソーシズ社"}


@pytest.mark.parametrize("sentence, company", [
    ("JOGMECは、カザフスタン共和国の国営原子力会社カザトムプロムとの間で協定を締結しました。", "カザトムプロム"),
    ("JOGMECは、同国の国営鉱業公社ミネラソルとの間で覚書を締結しました。", "ミネラソル"),
])
def test_more_kinds_of_company_before_a_katakana_name(registry, sentence, company):
    ms = recognise(nfkc(sentence), registry)
    assert company in {m.surface for m in ms if m.cls == "Company"}, [(m.surface, m.cls) for m in ms]


@pytest.mark.parametrize("sentence, person, post, jurisdiction", [
    # Japan's ambassador, with Japan named before the title or left unsaid
    ("署名式には、北条和也駐タンザニア日本国特命全権大使が出席した。", "北条和也", "駐タンザニア日本国特命全権大使", "country-jp"),
    ("署名式には、北条駐ケニア大使が出席した。", "北条", "駐ケニア大使", "country-jp"),
    # 駐日: the named country's ambassador to Japan
    ("署名式には、グレース・ワンジク駐日ケニア共和国大使が出席した。", "グレース・ワンジク", "駐日ケニア共和国大使", "country-ke"),
])
def test_an_ambassadors_post_runs_over_the_country_they_are_sent_to(registry, sentence, person, post, jurisdiction):
    ms = by_surface(recognise(nfkc(sentence), registry))
    assert ms[post].cls == "Post" and ms[person].parts == (ms[post],)
    assert ms[post].attrs["jurisdiction"] == jurisdiction
    assert ms[post].candidate_key == post  # named once, not with its country written before it again
    assert not any(m.cls == "Country" for m in ms.values())  # the countries are part of the post


def test_a_bank_named_after_a_region_is_a_body_of_its_own(registry):
    """「アフリカ輸出入銀行」, 「欧州投資銀行」: not the region アフリカ or 欧州 followed by words; a list's 及び ends the name."""
    ms = by_surface(recognise(nfkc("本融資は、アフリカ輸出入銀行（Afreximbank）、欧州投資銀行及び米州開発銀行との協調融資により実施します。"),
                              registry))
    for name in ("アフリカ輸出入銀行", "欧州投資銀行"):
        assert ms[name].cls == "FinancialInstitution" and ms[name].entity_id is None
    assert not any(m.cls == "Region" for m in ms.values())


@pytest.mark.parametrize("name, country", [("セルビア共和国", "country-rs"), ("北マケドニア", "country-mk"),
                                           ("ブルキナファソ", "country-bf"), ("スリナム共和国", "country-sr")])
def test_every_member_state_is_a_registry_country(registry, name, country):
    """A release may name any country: the registry has every member state of the United Nations."""
    assert country in ids(recognise(nfkc(f"茂木外務大臣は、{name}を訪問した。"), registry))
    assert len(registry.of_class("Country")) >= 195


def test_a_katakana_name_after_a_compass_part_of_a_country_is_a_place(registry):
    """「同国西部のロズニツァ近郊」, 「同国東部のボル地区」: after 北部の, 南部の…, an unknown katakana name is a place;
    a resource there (「同国南部のリチウム鉱山」) and the name of a field (「…タバン・トルゴイ炭田」) are not."""
    for sentence, place in (("大臣から、同国西部のロズニツァ近郊で計画されている事業の説明がありました。", "ロズニツァ"),
                            ("大臣は、同国東部のボル地区で銅山を操業する会社を訪れました。", "ボル地区")):
        ms = by_surface(recognise(nfkc(sentence), registry))
        assert ms[place].cls == "Place", ms
    ms = by_surface(recognise(nfkc("同社は、同国南部のリチウム鉱山を操業しています。"), registry))
    assert not any(m.cls == "Place" for m in ms.values())
    ms = by_surface(recognise(nfkc("両大臣は、同国南部のタバン・トルゴイ炭田の開発について意見交換しました。"), registry))
    assert "タバン・トルゴイ" not in ms


def test_a_bare_family_name_before_a_post_of_japans_government(registry):
    """「二階経済産業大臣が」: a minister of a cabinet the registry does not hold, named by a family name the dictionary
    reads as a common word; the registry post stays itself, and a prefix (同) is no name."""
    ms = by_surface(recognise(nfkc("2008年11月には、二階経済産業大臣がベネズエラを訪問しました。"), registry))
    assert ms["二階"].cls == "Person" and ms["二階"].parts == (ms["経済産業大臣"],)
    assert ms["経済産業大臣"].entity_id == "post-meti-minister"
    ms = by_surface(recognise(nfkc("同経済産業大臣は、ベネズエラを訪問しました。"), registry))
    assert not any(m.cls == "Person" for m in ms.values())


def test_a_body_under_another_is_a_body_of_its_own(registry):
    """「タンザニア連合共和国鉱業省傘下の地質調査・鉱山局」: a body named after 傘下の, of that body's country."""
    ms = by_surface(recognise(nfkc("JOGMECは、タンザニア連合共和国鉱業省傘下の地質調査・鉱山局と協力します。"), registry))
    unit = ms["地質調査・鉱山局"]
    assert unit.cls == "GovernmentBody" and unit.attrs.get("jurisdiction") == "country-tz"


def test_central_and_eastern_europe_is_no_middle_east(registry):
    """「日・中東欧エネルギー安全保障閣僚会合」: 中東欧 (Central and Eastern Europe) holds 中東 but is not the Middle East."""
    found = recognise(nfkc("中東欧地域の国々とのエネルギー協力を進めます。"), registry)
    assert "region-central-eastern-europe" in {m.entity_id for m in found}
    assert "region-middle-east" not in {m.entity_id for m in found}


def test_a_foreign_ministry_whose_name_ends_in_a_registry_ministrys_after_a_middle_dot(registry):
    """「ポーランド共和国気候・環境省」 is Poland's ministry, not Japan's 環境省 (as 「ペルー経済財務省」 is Peru's)."""
    found = {m.surface: m for m in recognise(nfkc("経済産業省とポーランド共和国気候・環境省の共催により開催されました。"), registry)}
    assert found["ポーランド共和国気候・環境省"].attrs.get("jurisdiction") == "country-pl"
    assert "org-moe" not in {m.entity_id for m in found.values()}


def test_a_place_the_dictionary_knows_runs_over_the_regional_word_after_it(registry):
    """「同国北島のノースランド地方」: the region is named with 地方 (as …州 and …県 are)."""
    found = {m.surface: m for m in recognise(nfkc("ホロウェイ大臣から、同国北島のノースランド地方などで進めている探査について説明がありました。"), registry)}
    assert "ノースランド地方" in found and found["ノースランド地方"].cls == "Place", sorted(found)


def test_a_programme_quoted_by_its_name_is_no_project(registry):
    """「…共同スタディ支援事業」 is a support programme, not a project: its quoted name makes no Project."""
    text = nfkc("JOGMECは「海外水素製造事業に係る共同スタディ支援事業」の採択結果を公表しました。")
    assert not [m for m in recognise(text, registry) if m.cls == "Project" and m.surface.endswith("支援事業")]


@pytest.mark.parametrize("text, place", [
    ("両機関は、同国中部のミッドランズ州において共同探査を実施します。", "ミッドランズ州"),  # the dictionary's country, 州 after it
    ("副大臣は、同国南部のクラレンドン教区において精製所を視察しました。", "クラレンドン教区"),  # the dictionary's given name
])
def test_a_name_with_an_administrative_word_after_it_is_a_place(registry, text, place):
    """A name the dictionary knows as a country's or a person's, with an administrative word after it (州, 教区), is a
    province or parish: a place, not a country (同国 would stand for it) nor a person."""
    ms = recognise(nfkc(text), registry)
    assert [(m.surface, m.cls) for m in ms if m.surface == place] == [(place, "Place")]


@pytest.mark.parametrize("text, place", [
    ("同大臣からは、同国西部のマルサシュロク港を通じた輸出について説明がありました。", "マルサシュロク港"),
    ("両機関は、同国北部のトゥルカナ湖周辺で地熱資源の調査を行います。", "トゥルカナ湖"),
    ("同社は、アトラス山脈の東側で探鉱を進めています。", "アトラス山脈"),
])
def test_a_katakana_name_before_a_port_lake_or_range_is_a_place(registry, text, place):
    """A port, a lake, a river or a mountain range named in katakana (…港, …湖, …山脈) is a place, named with its word."""
    ms = recognise(nfkc(text), registry)
    assert [(m.surface, m.cls) for m in ms if m.surface == place] == [(place, "Place")], [(m.surface, m.cls) for m in ms]


def test_a_council_is_no_post_of_a_member(registry):
    """「IEA閣僚理事会に…が出席」: 理事 inside 理事会 (a council) is no post; 「JOGMECの三輪理事が出席」 still is one."""
    ms = recognise(nfkc("パリで開催されたIEA閣僚理事会に出席しました。JOGMECの三輪理事が出席しました。"), registry)
    assert [m.surface for m in ms if m.cls == "Post"] == ["理事"]


@pytest.mark.parametrize("name", ["日・ASEANエネルギー安全保障行動計画（2032-2034）", "鉱物資源開発行動計画（2031年度）",
                                  "重要鉱物協力ロードマップ2033"])
def test_a_quoted_plan_name_closed_by_its_period_is_one_plan(registry, name):
    """「…行動計画（2032-2034）」: the period in brackets (or the year) closes the name; the plan keeps it, and the
    parties named inside (日, ASEAN) are part of the name, not mentions of their own."""
    found = recognise(nfkc(f"会合では、「{name}」が採択されました。"), registry)
    plans = [m for m in found if m.surface == nfkc(name)]
    assert len(plans) == 1 and plans[0].cls not in ("Country", "InternationalOrganisation"), [(m.surface, m.cls) for m in found]
    assert not [m for m in found if m.entity_id in ("country-jp", "org-asean")]


@pytest.mark.parametrize("name", ["一ノ瀬", "八ヶ代", "三ッ木"])
def test_a_japanese_name_with_a_kana_between_kanji_holds_japans_post(registry, name):
    """「一ノ瀬経済産業大臣」: a kanji name holding ノ, ヶ or ッ is Japanese, not a foreign (katakana) one: the post is
    the registry's Minister of Economy, Trade and Industry, not a foreign candidate post."""
    found = recognise(nfkc(f"{name}経済産業大臣は、ナイロビにおいて会談しました。"), registry)
    person = next(m for m in found if m.cls == "Person")
    assert person.surface == name and [p.entity_id for p in person.parts] == ["post-meti-minister"]
