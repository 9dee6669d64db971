"""English names composed from known terms (``resdip.english.compose``, ``resdip.english.glossary``, ``resdip.english.hepburn``).

The Japanese names are measure titles and event names of the source
(sources/energy-white-paper-2025-part2-ch1.txt, 具体的な主要施策); the English is what each title
says, part by part, checked by reading the Japanese: it is not copied from the program's output.
"""

from __future__ import annotations

import re

import pytest

from resdip.english.compose import Composer
from resdip.english.glossary import load_lexicon
from resdip.english.hepburn import hepburn
from resdip.registry import load_registry

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_lexicon(load_registry()))


@pytest.mark.parametrize("reading, latin", [
    ("コウショウ", "kōshō"), ("トウキョウ", "tōkyō"), ("オオサカ", "ōsaka"), ("ケイザイ", "keizai"),
    ("ジュウヨウ", "jūyō"), ("シンアン", "shin'an"), ("マッチャ", "matcha"), ("ラーメン", "rāmen"),
])
def test_hepburn_with_macrons(reading: str, latin: str) -> None:
    assert hepburn(reading) == latin


@pytest.mark.parametrize("ja, en", [
    # Aに関するB → B on A; a registry term (ARCPEC) keeps its English name
    ("トランジション・ファイナンスに関する協力覚書", "Memorandum of Cooperation on Transition Finance"),
    ("電気・電子機器廃棄物（e-waste）及び重要鉱物に関する日ASEAN資源循環パートナーシップ（ARCPEC）",
     "ASEAN-Japan Resource Circulation Partnership on E-waste and Critical Minerals (ARCPEC)"),
    # AのB → B of A; A・B → A and B binds tighter than の
    ("大型船の受入機能の確保・強化", "Securing and Strengthening of Large Vessels Receiving Capacity"),
    # AによるB → B by A; a bracketed part at the end stays at the end
    ("貿易保険によるリスクテイク（日本貿易保険（NEXI））",
     "Risk-taking by Trade Insurance (Nippon Export and Investment Insurance (NEXI))"),
    # Aに対するB → B for A; A等 → A
    ("石油天然ガス田の探鉱・資産買収等事業に対する出資金",
     "Equity Investment for Exploration and Asset Acquisition Programme of Oil and Natural Gas Fields"),
    ("産炭国に対する石炭採掘・保安に関する技術移転等事業",
     "Technology Transfer Programme on Coal Mining and Safety for Coal-producing Countries"),
    # a modifier before の stays in front; a compound ending in 確保 takes its object after "of"
    ("石油・天然ガス等の権益確保に向けた海外の地質構造調査や情報収集等事業",
     "Overseas Geological Structure Survey and Information Gathering Programme for Securing of Interests "
     "of Oil and Natural Gas"),
    ("海外投資等損失準備金制度", "Overseas Investment Losses Reserve Scheme"),
    ("第2回アジア・ゼロエミッション共同体(AZEC)閣僚会合", "2nd AZEC Ministerial Meeting"),
])
def test_composed_names(composer: Composer, ja: str, en: str) -> None:
    name = composer.english(ja)
    assert name.origin == "composed", name.unknown
    assert name.text == en


def test_an_unknown_part_alone_is_romanised_from_its_reading(composer: Composer) -> None:
    name = composer.english("鉱床の奇譚")  # 奇譚 is no term of the genre
    assert name.origin == "machine" and name.unknown == ("奇譚",)
    assert name.text == "Kitan of Deposit"
    assert composer.english("新鉱床探鉱費").text == "New Deposit Exploration Expenses"


def test_every_name_is_in_latin_script(composer: Composer) -> None:
    for ja in ["ペルー共和国のモンテロ・エネルギー鉱山大臣", "ラオス人民民主共和国エネルギー鉱山省",
               "三重県志摩半島沖", "日米エネルギー安全保障対話", "5件の供給確保計画", "（）", "第２回会合"]:
        name = composer.english(ja)
        assert name.text and not JAPANESE.search(name.text), (ja, name)
