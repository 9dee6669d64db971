"""Generic actions: what a predicate the frames do not type says about the entities it governs.

A clause whose predicate relates two or more entities (its arguments, read by
:mod:`.clauses`) and whose entities no typed fact of the sentence already holds
becomes an :class:`~resdip.extract.facts.Action` carrying the predicate's lemma and each
entity's case role. It is made only where the grammar ties the entities to the
predicate, never from mere co-occurrence in a sentence.
"""

from __future__ import annotations

from .facts import Action, Assertion, Event, Participant
from .clauses import Argument, Clause, clause_date, is_relating, spec
from .view import SentenceView, Token


def _covered(entities: set[str], typed: list) -> bool:
    """Whether one typed fact of the sentence (an event, or a relation between two) already holds every entity."""
    for fact in typed:
        if isinstance(fact, Event):
            held = {p.entity for p in fact.participants} | set(fact.about) | set(fact.location)
            if fact.series:
                held.add(fact.series)
        elif isinstance(fact, Assertion):
            held = {fact.subject, fact.object}
        else:
            continue
        if entities <= held:
            return True
    return False


def find_actions(view: SentenceView, clauses: list[Clause], typed: list,
                 carried_agent: Token | None = None, at_event: str = "") -> list[Action]:
    actions = []
    for index, clause in enumerate(clauses):
        if not is_relating(clause) or clause.lemma.endswith("だ"):
            continue  # 「Xは…の供給国であり」, 「カナダの探鉱会社であるX社」: a copula describes, it tells no action
        # a word that stands in for an actor the text does not name (本件: the issuer) acts in typed facts only
        arguments = [a for a in clause.arguments
                     if a.token.cls not in spec()["action_classes_excluded"] and not a.token.implicit]
        if (carried_agent is not None and clause.agent() is None and not clause.adnominal and not clause.passive
                and not clause.has_subject):
            arguments.insert(0, Argument(carried_agent, "", "Agent", implicit=True))
        roles: dict[str, tuple[str, str, bool]] = {}
        for argument in arguments:
            roles.setdefault(argument.token.entity, (argument.role, argument.case, argument.implicit))
        if len(roles) < 2:
            continue
        explicit = {e for e, (_, _, implicit) in roles.items() if not implicit}
        if _covered(explicit, typed):
            continue
        date = clause_date(view, clause, clauses)
        actions.append(Action(
            lemma=clause.lemma,
            participants=tuple(sorted(Participant(e, role, implicit) for e, (role, _, implicit) in roles.items())),
            start=date.start if date else "",
            end=date.end if date else "",
            fiscal=date.fiscal if date else False,
            negated=clause.negated,
            at_event=at_event,
            date_source=date.source if date else "",
            time_qualifier=date.qualifier if date else "",
            cases=tuple(sorted((e, case) for e, (_, case, _) in roles.items())),
            planned=clause.planned,
        ))
    return actions
