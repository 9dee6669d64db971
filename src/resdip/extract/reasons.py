"""Why a sentence yields no fact: the reason ``resdip build --explain`` gives.

A sentence gives no fact when none of its predicates ties two of the entities it
names. The reason says which of the clause reader's findings stood in the way, in
the order a reader would check them: the names that stand for no entity of their
own (日本企業, LNG市場), no predicate at all (a heading, a list), predicates too
general to relate (ある, なる, a copula), entities in different clauses, or a list
of resources with no party.
"""

from __future__ import annotations

from .clauses import Clause, is_relating, standing
from .view import SentenceView


def why_unread(view: SentenceView, clauses: list[Clause]) -> str:
    """One line: why no rule read a fact from the sentence."""
    named = list(dict.fromkeys(t.entity for t in standing(view)))
    if len(named) < 2:
        others = sorted({t.surface for t in view.tokens if t.entity not in named})
        also = f" ({'、'.join(others)} name a class or a part of a name, not the entity)" if others else ""
        return f"names {len(named)} entit{'y' if len(named) == 1 else 'ies'} as such{also}"
    if not clauses:
        return "no predicate: a heading, a title or a list"
    governing = [c for c in clauses if len(set(c.entities())) >= 2]
    if not governing:
        return "no predicate governs two of its entities (" + ", ".join(
            f"{c.lemma}: {'、'.join(c.entities()) or '-'}" for c in clauses) + ")"
    general = [c.lemma for c in governing if not is_relating(c)]
    if len(general) == len(governing):
        return f"its predicates relate nothing by themselves ({'、'.join(dict.fromkeys(general))})"
    return "its entities share one role with no party among them (" + "、".join(
        dict.fromkeys(c.lemma for c in governing if is_relating(c))) + ")"
