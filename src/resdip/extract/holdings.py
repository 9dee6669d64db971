"""Post holdings told twice: first with the post written bare, then with its country.

A schedule block or a lead that names two countries (「モーリタニア及びチュニジアを訪問」) leaves the country of a
post written after a name alone unsaid (「ベンサーレム産業・鉱山・エネルギー大臣との会談」); the body then names it
(「チュニジア共和国のファトマ・ベンサーレム産業・鉱山・エネルギー大臣」). Held by the same person on the same day,
the bare post is the fuller one: one holding, citing both sentences.
"""

from __future__ import annotations

import os
from typing import Callable

from .facts import EntityRef, FactCollection, PostHolding


def absorb_bare_posts(facts: FactCollection, entity_of: Callable[[str], EntityRef | None]) -> None:
    """Fold each holding of a post the text introduced into the one holding, by the same person on the same day,
    of the one post that is the fuller name of it: its label ends with the bare one (the post with its country
    written before it), or, both of one country, with what follows the country's name in it (「ダンジュマ国務大臣」
    told after 「ナイジェリア連邦共和国のハッサン・ダンジュマ石油資源担当国務大臣」: the same post, told short)."""
    holdings = [f for f, _ in facts.items() if isinstance(f, PostHolding)]
    for bare in holdings:
        short = entity_of(bare.post)
        if not bare.post.startswith("candidate-") or short is None or not short.label_ja:
            continue
        fuller = [h for h in holdings if h is not bare and h.person == bare.person and h.date == bare.date
                  and _told_short(short, entity_of(h.post))]
        if len(fuller) == 1:
            facts.absorb(bare, fuller[0])


def _told_short(short: EntityRef, full: EntityRef | None) -> bool:
    """Whether ``full`` names the post ``short`` names, at more length."""
    if full is None or len(full.label_ja) <= len(short.label_ja):
        return False
    if full.label_ja.endswith(short.label_ja):
        return True
    country = short.extra.get("jurisdiction")
    title = short.label_ja[len(os.path.commonprefix([short.label_ja, full.label_ja])):]
    return bool(country) and country == full.extra.get("jurisdiction") and len(title) >= 2 and full.label_ja.endswith(title)
