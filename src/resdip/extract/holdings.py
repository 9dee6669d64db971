"""Post holdings told twice: first with the post written bare, then with its country.

A schedule block or a lead that names two countries (「モーリタニア及びチュニジアを訪問」) leaves the country of a
post written after a name alone unsaid (「ベンサーレム産業・鉱山・エネルギー大臣との会談」); the body then names it
(「チュニジア共和国のファトマ・ベンサーレム産業・鉱山・エネルギー大臣」). Held by the same person on the same day,
the bare post is the fuller one: one holding, citing both sentences.
"""

from __future__ import annotations

from typing import Callable

from .facts import FactCollection, PostHolding


def absorb_bare_posts(facts: FactCollection, label_of: Callable[[str], str]) -> None:
    """Fold each holding of a post the text introduced into the one holding, by the same person on the same day,
    of the one post whose label ends with it and is longer (the post with its country written before it)."""
    holdings = [f for f, _ in facts.items() if isinstance(f, PostHolding)]
    for bare in holdings:
        label = label_of(bare.post)
        if not bare.post.startswith("candidate-") or not label:
            continue
        fuller = [h for h in holdings if h is not bare and h.person == bare.person and h.date == bare.date
                  and len(label_of(h.post)) > len(label) and label_of(h.post).endswith(label)]
        if len(fuller) == 1:
            facts.absorb(bare, fuller[0])
