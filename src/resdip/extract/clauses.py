"""Clauses: each predicate of a sentence with its case-marked arguments.

Japanese marks an argument's role with the particle (or compound case phrase)
that closes its phrase: 「齋藤大臣は」 (agent), 「モンテロ大臣と」 (partner),
「協力覚書に」 (goal), 「本覚書に基づき」 (basis). This module reads, over
SudachiPy's morphemes of the sentence, every predicate (a verb, or a verbal
noun with する: 会談し, 署名しました, 開催された), its voice and polarity, and
the entity mentions whose phrase its clause holds, each with the case phrase
that marks it. Chained clauses (「…と会談し、…に署名しました」) share the
sentence's topic; an adnominal clause (「…で開催された「X」」) also governs the
noun it modifies. What counts as a predicate, a case phrase or a role is data:
``patterns/clauses.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from ..patterns import compile_regex, load_patterns
from ..recognise.sudachi import Token as Morpheme
from ..recognise.sudachi import tokenize
from ..text.rules import load_rules
from .dates import DateValue
from .view import SentenceView, Token, end_of, in_family



@dataclass(frozen=True)
class Argument:
    """An entity governed by a predicate: its case phrase as written and the role it marks.

    ``shared``: the sentence's topic, taken by a later clause of the chain; ``implicit``: a
    subject the sentence leaves unsaid, carried from the sentence it continues.
    """

    token: Token
    case: str
    role: str
    shared: bool = False
    implicit: bool = False
    modifier: bool = False  # named inside the phrase (「MSPの14の国・地域が」): not its head


@dataclass
class Clause:
    """One predicate and what it governs (offsets into the sentence's NFKC text)."""

    lemma: str
    surface: str
    start: int  # the predicate's span
    end: int
    begin: int  # where the clause's arguments begin
    passive: bool = False
    negated: bool = False
    adnominal: bool = False
    arguments: list[Argument] = field(default_factory=list)
    has_subject: bool = False  # a subject of its own stands before the predicate, named or not (約120名が)
    planned: bool = False  # told as a plan or aim (…する予定です, …を目指します, …を実施します)
    told_by: "Clause | None" = None  # the clause this one is the content of (「…を出資することを決定」: 決定)

    def entities(self) -> list[str]:
        return list(dict.fromkeys(a.token.entity for a in self.arguments))

    def agent(self) -> Argument | None:
        """The argument marked as the one who acts, its phrase's head before a modifier."""
        agents = [a for a in self.arguments if a.role == "Agent"]
        heads = [a for a in agents if not a.modifier]
        return (heads or agents or [None])[0]


@lru_cache(maxsize=1)
def spec() -> dict:
    data = dict(load_patterns("clauses"))
    data["_cases"] = sorted(data["cases"], key=lambda c: len(c["phrase"]), reverse=True)
    data["_case_by_phrase"] = {c["phrase"]: c for c in data["_cases"]}
    data["_case_re"] = re.compile("|".join(re.escape(c["phrase"]) for c in data["_cases"]))
    data["_case_verbs"] = {p: set(v) for p, v in data["case_verbs"].items()}
    for key in ("support_lemmas", "passive_lemmas", "negation_lemmas", "auxiliary_lemmas",
                "light_verbs", "no_action_lemmas"):
        data["_" + key] = set(data[key])
    return data


def _outside_brackets(morphemes: list[Morpheme]) -> list[bool]:
    """Whether each morpheme stands outside 「…」 and （…）: words inside name things."""
    depth, out = 0, []
    for m in morphemes:
        if m.surface in load_rules().open_brackets:
            depth += 1
        out.append(depth == 0)
        if m.surface in load_rules().close_brackets and depth:
            depth -= 1
    return out


def _is_verbal_noun(m: Morpheme, pos: dict) -> bool:
    return m.pos[0] == pos["noun"] and len(m.pos) > 2 and m.pos[2] == pos["verbal_noun"]


def _noun_run(morphemes: list[Morpheme], i: int, pos: dict) -> int:
    """The first morpheme of the compound noun ending at ``i`` (地質+調査, 意見+交換)."""
    j = i
    while (j > 0 and j - i < 3 and morphemes[j - 1].end == morphemes[j].start
           and morphemes[j - 1].pos[0] == pos["noun"] and morphemes[j - 1].pos[1] == "普通名詞"
           and morphemes[j - 1].pos[2:3] != (pos["adverbial_noun"],)):  # それぞれ締結: an adverb, not a compound
        j -= 1
    return j


def _light(morphemes: list[Morpheme], i: int, lemma: str) -> tuple[int, str]:
    """A light verb takes its meaning from the verbal noun it governs: 意見交換を行う, 調査を実施する,
    and in the passive 「…の署名が行われました」."""
    pos = spec()["predicate_pos"]
    passive = (i + 1 < len(morphemes) and morphemes[i + 1].lemma in spec()["_passive_lemmas"])
    happened = lemma in spec().get("existence_verbs", ())  # 「…から…の報告がありました」: a report was made
    if i < 2 or not (morphemes[i - 1].surface == "を" or (morphemes[i - 1].surface == "が" and (passive or happened))):
        return i, lemma
    if happened and morphemes[i - 2].surface in spec().get("existence_not_nouns", ()):
        return i, lemma  # 「…する必要がある」: a need, not an act
    noun = i - 2
    if morphemes[noun].surface in spec()["light_verb_fillers"] and noun > 0:
        noun -= 1  # 調査等を行う
    if _is_verbal_noun(morphemes[noun], pos):
        first = _noun_run(morphemes, noun, pos)
        return first, "".join(x.surface for x in morphemes[first:noun + 1]) + ("が" if happened else "を") + lemma
    return i, lemma


@dataclass
class _Head:
    start: int  # index of the first morpheme of the predicate
    stop: int  # index after the predicate's head (before its endings)
    lemma: str


def _heads(morphemes: list[Morpheme], outside: list[bool], quantities: list[tuple[int, int]]) -> list[_Head]:
    data = spec()
    pos = data["predicate_pos"]
    heads: list[_Head] = []
    i = 0
    while i < len(morphemes):
        m = morphemes[i]
        nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if not outside[i]:
            i += 1
            continue
        # 「同年7月に独立した」: a noun that is also an adjective (サ変形状詞可能) is a verbal noun before する
        if ((_is_verbal_noun(m, pos) or m.pos[2:3] == (pos["verbal_adjectival_noun"],))
                and nxt is not None and nxt.pos[0] == pos["verb"]
                and nxt.lemma in data["_support_lemmas"] and nxt.start == m.end):
            first = _noun_run(morphemes, i, pos)
            lemma = "".join(x.surface for x in morphemes[first:i + 1]) + "する"
            if m.surface in data["_light_verbs"] and first == i:
                first, lemma = _light(morphemes, i, lemma)
            heads.append(_Head(first, i + 2, lemma))
            i += 2
            continue
        if _is_verbal_noun(m, pos) and (nxt is None or nxt.pos[1:2] == (pos["period"],)):
            # a headline ends on its verbal noun: 「JOGMEC、…と…覚書を締結」
            first = _noun_run(morphemes, i, pos)
            heads.append(_Head(first, i + 1, "".join(x.surface for x in morphemes[first:i + 1]) + "する"))
            i += 1
            continue
        if (m.pos[0] in data["copula_heads"] and nxt is not None and nxt.pos[0] == pos["auxiliary"]
                and nxt.lemma in data["copula_lemmas"] and nxt.start == m.end and m.pos[1] != "数詞"
                and nxt.surface in data["copula_surfaces"]
                and (nxt.surface != "で" or (i + 2 < len(morphemes) and morphemes[i + 2].lemma == "ある"))
                and m.surface not in data["plan_nouns"] and not any(a <= m.start < b for a, b in quantities)):
            first = _noun_run(morphemes, i, pos)
            heads.append(_Head(first, i + 1, "".join(x.surface for x in morphemes[first:i + 1]) + "だ"))
            i += 1
            continue
        if m.pos[0] == pos["verb"] and m.lemma not in data["_support_lemmas"] and m.lemma not in data["adverbial_verbs"] \
                and m.surface not in data.get("conjunction_surfaces", ()):  # 「重要鉱物及び省エネルギー」: and, not 及ぶ
            prev = morphemes[i - 1] if i else None
            if prev is not None and prev.pos[0] == pos["particle"] and m.lemma in data["_case_verbs"].get(prev.surface, ()):
                i += 1
                continue  # に基づき, について: a case phrase, not a predicate
            if prev is not None and prev.pos[1:2] == (pos["conjunctive"],) and m.lemma in data["_auxiliary_lemmas"]:
                i += 1
                continue  # していく, している: aspect
            if prev is not None and prev.pos[0] == pos["auxiliary"] and prev.surface == "で" and m.lemma == "ある":
                i += 1
                continue  # パートナーである: the copula's own ある
            first, lemma = (_light(morphemes, i, m.lemma) if m.lemma in data["_light_verbs"]
                            or m.lemma in data.get("existence_verbs", ()) else (i, m.lemma))
            heads.append(_Head(first, i + 1, lemma))
        i += 1
    return heads


def planned(morphemes: list[Morpheme], stop: int, after: int, lemma: str) -> bool:
    """A plan or aim: a non-past main predicate (実施します), one before a modal noun (予定, 方針),
    or a verb of aiming (目指す)."""
    data = spec()
    following = morphemes[after].surface if after < len(morphemes) else ""
    if following in data["plan_nouns"] or lemma.rsplit("を", 1)[-1] in data["plan_lemmas"]:
        return True
    endings = [m.lemma for m in morphemes[stop:after]]
    final = following in ("。", "") and "た" not in endings and "ている" not in "".join(m.surface for m in morphemes[stop:after])
    return final and "いる" not in endings


def _ending(morphemes: list[Morpheme], stop: int) -> tuple[int, bool, bool, bool]:
    """After a predicate's head: (index after its endings, passive, negated, adnominal)."""
    data = spec()
    pos = data["predicate_pos"]
    passive = negated = False
    j = stop
    while j < len(morphemes):
        m = morphemes[j]
        if m.lemma in data["_passive_lemmas"]:
            passive = True
        elif m.lemma in data["_negation_lemmas"]:
            negated = True
        elif not (m.pos[0] == pos["auxiliary"] or m.pos[1:2] == (pos["conjunctive"],)
                  or (m.pos[0] == pos["verb"] and (m.lemma in data["_support_lemmas"]
                                                   or m.lemma in data["_auxiliary_lemmas"]))):
            break
        j += 1
    following = morphemes[j] if j < len(morphemes) else None
    last = morphemes[j - 1]
    if following is not None and j + 1 < len(morphemes) and \
            [following.surface, morphemes[j + 1].surface] in data["conjunctive_nouns"]:
        return j, passive, negated, False  # であるものの: concessive, not adnominal
    adnominal = (following is not None and following.pos[1:2] not in ((pos["comma"],), (pos["period"],))
                 and following.surface not in data["modal_nouns"] and following.surface not in data["adverbial_nouns"]
                 and last.pos[1:2] != (pos["conjunctive"],)
                 and (following.pos[0] in data["adnominal_heads"] or following.surface in load_rules().open_brackets))
    return j, passive, negated, adnominal


@dataclass
class _Sentence:
    """What the clause reader looks up again and again in one sentence, computed once."""

    view: SentenceView
    particles: dict[int, Morpheme]
    starts: list[int] = field(default_factory=list)  # particle positions, sorted
    phrase_end: dict[int, int] = field(default_factory=dict)  # id(token) → where its (list's) name ends
    excluded: set[int] = field(default_factory=set)  # id(token) of mentions that are no argument

    def __post_init__(self) -> None:
        self.starts = sorted(self.particles)
        last: dict[int, Token] = {}
        for t in self.view.tokens:
            last[t.group] = t
        glossed = _glosses(self.view.text)
        for t in self.view.tokens:
            member = last[t.group] if t.group >= 0 else t
            self.phrase_end[id(t)] = end_of(self.view.text, member)
            if glossed[t.start] or _not_itself(self.view, t):
                self.excluded.add(id(t))


def _case_after(sentence: _Sentence, token: Token, limit: int) -> tuple[dict | None, bool]:
    """The case phrase that closes the phrase holding ``token`` before ``limit``, and whether the
    token only modifies that phrase's head (a の stands between them)."""
    text = sentence.view.text
    position = sentence.phrase_end[id(token)]
    modifier = False
    cases, regex = spec()["_case_by_phrase"], spec()["_case_re"]
    for start in sentence.starts[bisect_left(sentence.starts, position):bisect_left(sentence.starts, limit)]:
        m = regex.match(text, start, limit)
        if m:
            return cases[m.group(0)], modifier
        modifier = modifier or sentence.particles[start].surface == "の"
    return None, modifier


def read_clauses(view: SentenceView) -> list[Clause]:
    """Every predicate of the sentence, in textual order, with its arguments."""
    data = spec()
    pos = data["predicate_pos"]
    morphemes = tokenize(view.text)
    if not morphemes:
        return []
    outside = _outside_brackets(morphemes)
    particles = {m.start: m for m in morphemes if m.pos[0] == pos["particle"]}
    sentence = _Sentence(view, particles)
    clauses: list[Clause] = []
    begin = 0
    topic: list[Argument] = []  # the sentence's subject, shared by later clauses of the chain
    held: list[Argument] = []  # read before an adnominal clause, belonging to the next main clause
    content: list[Clause] = []  # non-past clauses made content by a nominaliser, until the predicate they serve
    for head in _heads(morphemes, outside, [q.span for q in view.quantities]):
        first, last = morphemes[head.start], morphemes[head.stop - 1]
        after, passive, negated, adnominal = _ending(morphemes, head.stop)
        clause = Clause(head.lemma, view.text[first.start:morphemes[after - 1].end], first.start, last.end, begin,
                        passive, negated, adnominal)
        clause.planned = not adnominal and planned(morphemes, head.stop, after, head.lemma)
        arguments = _arguments(sentence, begin, first.start, passive)
        clause.has_subject = any(begin <= p < first.start and m.surface in data["subject_particles"]
                                 and not view.text.endswith(("で", "に", "と", "から"), 0, p)  # では, には
                                 and not glossed_at(view.text, p) for p, m in particles.items())
        told = adnominal and after < len(morphemes) and morphemes[after].surface in data["nominalisers"]
        # 「本プロジェクトが…に資すると判断し」: a clause quoted by と before a verb is the content of that verb
        quoted = (not adnominal and after + 1 < len(morphemes) and morphemes[after].surface in data["quotatives"]
                  and morphemes[after].pos[0] == pos["particle"]
                  and (morphemes[after + 1].pos[0] == pos["verb"] or _is_verbal_noun(morphemes[after + 1], pos)))
        if (adnominal and told) or quoted:
            # 「Aから、Bでは日本企業がXを進めていることを紹介」: a clause told as content (…こと, …旨) holds
            # what stands in it; only the speaker's or thinker's topic and a scene, each closed by a comma
            # (「同対話において、両者は、…することで一致」), are the main clause's: in 「武藤大臣は、豪州は…
            # パートナーである旨述べました」 豪州 is the content's.
            outer = [a for a in arguments if _closed_by_comma(sentence, a, data["content_outer_cases"])
                     or _closed_by_comma(sentence, a, data["comma_outer_cases"])]
        elif adnominal:
            # A topic (は, も) before an adnominal clause is the main clause's: 「AはBで開催された「C」に出席し」;
            # so are the names before the adnominal clause's own subject (「Aを通じて、Bが行う探鉱に」).
            subject_at = max((p for p, m in particles.items() if begin <= p < first.start
                              and m.surface == "が" and not glossed_at(view.text, p)), default=-1)
            outer = [a for a in arguments if a.case in data["topic_cases"]
                     or (subject_at >= 0 and _case_position(sentence, a) < subject_at)
                     or _closed_by_comma(sentence, a, data["comma_outer_cases"])
                     or _closed_by_comma(sentence, a, data["comma_outer_before_adnominal"])
                     or _closed_by_comma(sentence, a, data["comma_outer_subjects"])]
        if adnominal or quoted:
            held += [replace(a, role="Agent") if a.case in data["topic_cases"] else a for a in outer]
            clause.arguments = [a for a in arguments if a not in outer]
            decided = told and view.text.startswith(tuple(data["decision_endings"]), morphemes[after - 1].end)
            if decided and topic and not clause.has_subject and clause.agent() is None:
                # 「AとBが覚書を締結し、…で共同調査を行うこととしました」: who decides does what is decided
                present = set(clause.entities())
                clause.arguments[:0] = [Argument(a.token, a.case, "Agent", shared=True)
                                        for a in topic if a.token.entity not in present]
            end = morphemes[after - 1].end
            phrase_end = min([p for p in particles if p >= end] + [len(view.text)])
            heads = [t for t in view.tokens if end <= t.start < phrase_end and t.start - end <= data["head_window"]]
            if heads and not quoted:  # 「モンゴルが有する銅、レアアース及び石炭」: the whole list the clause describes
                clause.arguments += [Argument(t, "", "Theme" if passive else "Head") for t in view.tokens
                                     if t.group == heads[0].group and t.group >= 0]
        else:
            if view.text.endswith(tuple(data["content_before_predicate"]), 0, first.start):
                # 「石破総理大臣から、ペルーは…重要な供給国である旨述べ」: what stands after the speaker is
                # what is said, even where the reader found no predicate of its own for it
                outer_cases = data["content_outer_cases"] + data["comma_outer_cases"]
                arguments = [a for a in arguments if _closed_by_comma(sentence, a, outer_cases)]
                held = [a for a in held if _closed_by_comma(sentence, a, outer_cases)]
            present = {a.token.entity for a in arguments}
            clause.arguments = [a for a in held if a.token.entity not in present] + arguments
            reported = not passive and not view.text.endswith(tuple(data["content_before_predicate"]), 0, first.start)
            held = _reported(sentence, clause, begin, first.start) if reported else []
            own = clause.agent()
            if held:
                pass  # the subject here is what the speaker reports, not the sentence's topic
            elif own is not None and in_family(own.token.cls, data["agent_classes"]) and not topic:
                # 「AとBは、…拡大した上で…合意しました」: every member of the subject's list is the topic
                topic = [a for a in clause.arguments if a.role == "Agent" and a.case == own.case
                         and a.token.group == own.token.group and not a.modifier] or [own]
            elif own is None and topic and not clause.has_subject:
                present = set(clause.entities())
                clause.arguments[:0] = [Argument(a.token, a.case, "Agent", shared=True)
                                        for a in topic if a.token.entity not in present]
        if (told or quoted) and "た" not in (m.lemma for m in morphemes[head.stop:after]):
            content.append(clause)  # 「…を開催すること」: planned if what it is the content of agrees
        elif not adnominal:
            for told in content:
                told.planned = clause.lemma in data["plan_content_lemmas"]
                told.told_by = clause
            content = []
        clauses.append(clause)
        begin = morphemes[after - 1].end
    _describe_topic(clauses)
    nominal = _nominal_clauses(sentence, morphemes, clauses)
    held_by_nominal = {id(a.token) for c in nominal for a in c.arguments}
    for clause in clauses:  # 「ロシアによるウクライナ侵略によって…」: the two are the invasion's, not the main clause's
        clause.arguments = [a for a in clause.arguments if id(a.token) not in held_by_nominal]
    return sorted(clauses + nominal, key=lambda c: c.start)


def _nominal_clauses(sentence: _Sentence, morphemes: list[Morpheme], clauses: list[Clause]) -> list[Clause]:
    """A verbal noun with its agent in 「…による」 and its object written right before it (「ロシアによる
    ウクライナ侵略」, 「中国によるレアアースの輸出規制」): a clause of its own, though no する follows."""
    data = spec()
    nominal = data["nominal_predicates"]
    verbal = data["predicate_pos"]["verbal_noun"]
    text = sentence.view.text
    by_start = {m.start: i for i, m in enumerate(morphemes)}
    taken = [(c.start, c.end) for c in clauses]
    found = []
    for agent in sentence.view.tokens:
        if id(agent) in sentence.excluded:
            continue
        after = sentence.phrase_end[id(agent)]
        if not text.startswith(nominal["agent_case"], after):
            continue
        after += len(nominal["agent_case"])
        themes = [t for t in sentence.view.tokens if t.start == after and id(t) not in sentence.excluded]
        if not themes:
            continue
        theme = themes[0]
        head = theme.end + (1 if text.startswith(nominal["theme_link"], theme.end) else 0)
        i = by_start.get(head)
        j = i
        while j is not None and j < len(morphemes) and morphemes[j].pos[2:3] == (verbal,):
            j += 1
        if i is None or j == i or any(a <= morphemes[i].start < b for a, b in taken):
            continue
        if j < len(morphemes) and morphemes[j].lemma in data["_support_lemmas"]:
            continue  # 「…を輸出規制する」 is a predicate the reader has read
        lemma = text[morphemes[i].start:morphemes[j - 1].end] + nominal["lemma_ending"]
        clause = Clause(lemma, text[agent.start:morphemes[j - 1].end], morphemes[i].start, morphemes[j - 1].end,
                        agent.start)
        clause.arguments = [Argument(agent, nominal["agent_case"], "Agent"), Argument(theme, "", "Theme")]
        found.append(clause)
    return found


def _reported(sentence: _Sentence, clause: Clause, begin: int, limit: int) -> list[Argument]:
    """「茂木大臣から、日本は…に依存しており、…旨述べ」: a speaker closed by a comma (Xから、) before a subject of an
    active clause's own reports what that subject does; the speaker is taken out of the clause and held
    for the next main predicate (the one that tells the speaking). In the passive the speaker is the
    agent (「Xから、…謝意が表明されました」)."""
    text = sentence.view.text
    subjects = [p for p, m in sentence.particles.items()
                if begin <= p < limit and m.surface in spec()["subject_particles"]
                and not text.endswith(tuple(spec()["subject_not_after"]), 0, p) and not glossed_at(text, p)]
    speakers = [a for a in clause.arguments if _closed_by_comma(sentence, a, spec()["speaker_cases"]) and not a.shared
                and in_family(a.token.cls, spec()["speaker_classes"])  # 「日本からはX大臣が出席し」: a side, no speaker
                and any(p > _case_position(sentence, a) + len(a.case) - 1 for p in subjects)]
    clause.arguments = [a for a in clause.arguments if a not in speakers]
    return speakers


def _case_position(sentence: _Sentence, argument: Argument) -> int:
    """Where the case particle that closes an argument's phrase stands (「米国政府が」: the が)."""
    end = sentence.phrase_end.get(id(argument.token), argument.token.end)
    regex = spec()["_case_re"]
    return next((p for p in sentence.starts[bisect_left(sentence.starts, end):] if regex.match(sentence.view.text, p)),
                len(sentence.view.text))


def _closed_by_comma(sentence: _Sentence, argument: Argument, cases: list[str]) -> bool:
    """「…計画において、この比率を…引き上げる目標を掲げ」: a case phrase closed by a comma sets the
    scene for the main clause, not for the adnominal clause that follows it."""
    end = sentence.phrase_end.get(id(argument.token), argument.token.end)
    text = sentence.view.text
    return argument.case in cases and (argument.case.endswith("、") or text.startswith(argument.case + "、", end)
                                       or text.startswith((argument.case + "は、", argument.case + "も、"), end))


def _describe_topic(clauses: list[Clause]) -> None:
    """「XはAがBを保有する…事業です」: the adnominal clauses of a copula's predicate describe X."""
    for i, clause in enumerate(clauses):
        topic = clause.agent()
        if clause.adnominal or not clause.lemma.endswith("だ") or topic is None:
            continue
        j = i - 1
        while j >= 0 and clauses[j].adnominal and clauses[j].begin >= topic.token.end:
            if topic.token.entity not in clauses[j].entities():
                clauses[j].arguments.append(Argument(topic.token, topic.case, "Head", shared=True))
            j -= 1


def standing(view: SentenceView) -> list[Token]:
    """The mentions that stand for their entity here: not a gloss, not part of another name, not a
    nationality (日本企業) or a class of things named after a resource (LNG市場)."""
    glossed = _glosses(view.text)
    return [t for t in view.tokens if not glossed[t.start] and not _not_itself(view, t)]


def _not_itself(view: SentenceView, token: Token) -> bool:
    """A mention that does not stand for its entity here: inside another name (「ラオス鉱業投資セミナー」),
    a country run together with a place (米国ニューヨーク), or a nationality (日本企業)."""
    if any(o is not token and o.start <= token.start and token.end <= o.end and (o.end - o.start) > (token.end - token.start)
           for o in view.tokens):
        return True
    if (in_family(token.cls, ["Organisation"]) and not token.anaphor and not token.implicit
            and any(o.start == token.end and in_family(o.cls, ["Organisation"]) for o in view.tokens)):
        return True  # 経済産業省資源エネルギー庁: the ministry names whose agency it is
    if token.cls == "Country" and not token.implicit and any(
            o.cls == "Place" and not o.anaphor and _holds_place(view.text, token.end, o.start) for o in view.tokens):
        return True  # 「ラオス北部のX県」, 「同国沖合のY島」: the country locates the place it names
    if token.cls not in ("Country", "Resource") or token.anaphor or token.implicit:
        return False
    if token.cls == "Country" and any((in_family(o.cls, ["Location", "Person"]) and _designates(view.text, token.end, o.start)
                                       or o.cls == "Project" and view.text[token.end:o.start] == "・")
                                      for o in view.tokens):
        return True  # 米国ニューヨーク, カナダ・ケベック州: the country is part of the designation
    if token.cls == "Country" and any(view.text.startswith(noun, token.end) for noun in spec()["nationality_nouns"]):
        return True
    return token.cls == "Resource" and _compounded(view, token)


def _compounded(view: SentenceView, token: Token) -> bool:
    """A resource written together with a common noun names something else (銅精鉱, LNG調達先,
    リチウム鉱山): a class of things, not the resource as a party of the clause; a field (重要鉱物分野)
    or an origin (シェールガス由来) still names the resource."""
    pos = spec()["predicate_pos"]
    following = next((m for m in tokenize(view.text) if m.start == token.end), None)
    return (following is not None and following.pos[:2] == (pos["noun"], spec()["compound_noun_kind"])
            and following.surface not in spec()["resource_naming_nouns"]
            and not any(o.start == token.end for o in view.tokens))


def _designates(text: str, end: int, start: int) -> bool:
    """Whether a country and the name after it are written as one designation (米国ニューヨーク,
    カナダ・ケベック州). 「ラオス北部のX県」 keeps the country an argument of its own."""
    return start >= end and text[end:start] in spec()["designation_joiners"]


def _holds_place(text: str, end: int, start: int) -> bool:
    """Whether a country and the named place after it are joined by a direction or the sea off it and
    の (ラオス北部のX県, 同国沖合のY島): the country only says where the place lies."""
    return start > end and _place_link().fullmatch(text[end:start]) is not None


@lru_cache(maxsize=1)
def _place_link() -> re.Pattern:
    return re.compile(spec()["designation_place_link"])


def glossed_at(text: str, position: int) -> bool:
    """Whether ``position`` stands inside （…）: a gloss of the name before it."""
    return text.count("(", 0, position) > text.count(")", 0, position)


@lru_cache(maxsize=4)
def _glosses(text: str) -> tuple[bool, ...]:
    return tuple(_in_parentheses(text))


def _in_parentheses(text: str) -> list[bool]:
    """Whether each character stands inside （…）: a gloss of the name before it."""
    depth, out = 0, []
    for c in text:
        if c in "(（":
            depth += 1
        out.append(depth > 0)
        if c in ")）" and depth:
            depth -= 1
    return out + [False]


def _arguments(sentence: _Sentence, begin: int, limit: int, passive: bool) -> list[Argument]:
    """The mentions in ``[begin, limit)`` whose phrase a case phrase closes, with their roles."""
    out = []
    view = sentence.view
    headline = not view.text.rstrip().endswith("。")
    for token in view.tokens:
        if not (begin <= token.start and token.end <= limit) or id(token) in sentence.excluded:
            continue
        if headline and token.start == 0 and view.text.startswith(spec()["headline_topic"], end_of(view.text, token)):
            case, modifier = {"phrase": spec()["headline_topic"], "role": "Agent"}, False  # 「JOGMEC、…を締結」
        else:
            case, modifier = _case_after(sentence, token, limit)
        if case is None:
            # 「銅及びレアアースの共同調査を実施」: a name that qualifies the predicate's own noun
            link = view.text[sentence.phrase_end[id(token)]:limit]
            case = next((c for c in spec()["predicate_noun_links"] if c["phrase"] == link), None)
        if case is None:
            continue
        role = case["role"]
        if passive and role == "Agent" and case["phrase"] in spec()["topic_cases"] + ["が"]:
            role = "Theme"
        out.append(Argument(token, case["phrase"], role, modifier=modifier))
    return out


def object_before(text: str, clause: Clause, lemmas: Iterable[str], pattern: str, source: str) -> bool:
    """Whether a clause's predicate is one of ``lemmas`` with an object ``pattern`` matches written in the clause
    before it and up to it (「…鉱床の探査を開始しました」, or with words between: 「…ボーリング調査を共同で実施する」):
    an object the clause reader does not fold into the lemma. ``source`` names the data file, for its errors."""
    return clause.lemma in lemmas and _object_regex(pattern + "$", source).search(text, clause.begin, clause.start) is not None


@lru_cache(maxsize=None)
def _object_regex(pattern: str, source: str) -> re.Pattern[str]:
    return compile_regex(source, pattern)


def is_relating(clause: Clause) -> bool:
    """Whether the predicate may relate the entities it governs (not ある, なる, 含む…)."""
    base = clause.lemma.rsplit("を", 1)[-1]
    return clause.lemma not in spec()["_no_action_lemmas"] and base not in spec()["_no_action_lemmas"]


def embedded(text: str, date, clauses: list[Clause], position: int = -1) -> bool:
    """Whether a date stands inside an adnominal clause (it dates that clause's predicate only),
    other than the one whose predicate stands at ``position``. A date carried from the sentence
    before (no span), or followed by a topic particle or a comma, dates the sentence."""
    start, end = date.span
    if start == end:
        return False
    follower = next((f for f in spec()["sentence_date_followers"] if text.startswith(f, end)), None)
    # a comma after the date closes a phrase of the sentence's own only where the date opens one
    # (「2024年度、…」, 「また、2025年2月、…」), not after an object (「次回対話を来年、マプトにおいて開催する」)
    if follower is not None and (follower not in spec()["comma_followers"]
                                 or start == 0 or text[start - 1] in spec()["comma_followers"]):
        return False
    return any(c.adnominal and c.begin <= start and end <= c.start and not (c.begin <= position < c.end)
               for c in clauses)


def in_content(text: str, date, clauses: list[Clause]) -> bool:
    """Whether a date stands in a clause made content by a nominaliser (「…を実施することを発表」)."""
    words = spec()["nominalisers"]
    return any(c.adnominal and c.begin <= date.span[0] and date.span[1] <= c.start
               and any(w in text[c.end:c.end + 4] for w in words) for c in clauses)


def clause_date(view: SentenceView, clause: Clause, clauses: list[Clause] | None = None) -> DateValue | None:
    """The clause's own date, else the last date stated before its predicate that no other
    adnominal clause holds (「2021年に締結した覚書に基づき、研修を実施」: 2021 dates the signing only);
    a date carried from the sentence before (no span) dates the whole sentence."""
    inside = [d for d in view.dates if clause.begin <= d.span[0] and d.span[1] <= clause.start]
    if inside:
        return inside[-1]
    before = [d for d in view.dates
              if d.span[1] <= clause.start and not embedded(view.text, d, clauses or [], clause.start)]
    return before[-1] if before else None
