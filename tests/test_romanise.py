"""Machine-made English labels for candidates."""

from __future__ import annotations

import pytest

from resdip.english.romanise import romanise


@pytest.mark.parametrize("ja, en", [
    ("キング", "King"),
    ("ウィリアムス", "Wiriamus"),
    ("ンドゥマ", "Nduma"),
    ("南鳥島沖", "Minami Tori Shima Oki"),
    ("日米エネルギー安全保障対話", "Nichibei Enerugi Anzen Hosho Taiwa"),
    ("GX推進機構", "GX Suishinkiko"),
    ("マデレン・キング", "Maderen King"),
    ("タンザニア鉱業大臣", "Tanzania Kogyo Daijin"),
])
def test_romanise(ja, en):
    assert romanise(ja) == en


def test_always_ascii_and_deterministic():
    for label in ["アブドルアジーズ・エネルギー大臣", "三重県志摩半島沖", "第２回会合", "ヴェトナム", "ッ"]:
        out = romanise(label)
        assert out.isascii() and out == romanise(label)
