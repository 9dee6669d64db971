"""A sentence as the extraction rules see it.

The recogniser finds entity mentions; this module reads what the Japanese
grammar says about each one: the particle that follows it (が, を, と,
において…), and which mentions form one list (「米国、カナダ、豪州」).
The grammar (particles, list separators) is data: ``patterns/grammar.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..patterns import compile_regex, load_patterns
from .dates import DateValue
from .quantities import Quantity


@dataclass
class Token:
    """An entity mention in a sentence (offsets into the sentence's NFKC text)."""

    start: int
    end: int
    entity: str
    cls: str
    surface: str = ""
    post: str = ""
    particle: str = ""
    group: int = -1
    compound: bool = False  # one of the parties of a compound such as 日豪, 日ASEAN
    country: str = ""  # the country of a person's post, or of a body named after its country
    post_surface: str = ""  # for a person named with a post: the post as written
    post_in_body: bool = False  # the post is in a body named with it (…省副大臣, JOGMECの…本部長)
    implicit: bool = False  # not in the sentence: a subject carried from the sentence it continues
    anaphor: bool = False  # 本会合, 同省: a word standing for what the text named before
    post_glossed: bool = False  # the post is told in the gloss of its body (「（理事長：栗山 隆）」), as of the document's date
    also_posts: tuple[tuple[int, int, str], ...] = ()  # (start, end, id) of posts held besides ``post`` (…副大臣兼内閣府副大臣)


@dataclass
class SentenceView:
    """One sentence: NFKC text, entity tokens, dates and quantities, in textual order."""

    text: str
    tokens: list[Token]
    dates: list[DateValue] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def groups(self) -> list[list[Token]]:
        """Tokens joined into lists; each list shares the particle of its last member."""
        out: dict[int, list[Token]] = {}
        for token in self.tokens:
            out.setdefault(token.group, []).append(token)
        return [out[k] for k in sorted(out)]

    def groups_right_before(self, position: int, particles: list[str], classes: list[str]) -> list[list[Token]]:
        """The lists of ``classes`` whose name ends right before ``position``, marked by one of
        ``particles`` (and a comma): 「サウジアラビアが約4割」, 「A社が55%、B社が25%を出資」."""
        return [g for g in self.groups() if 0 <= position - end_of(self.text, g[-1]) <= 3
                and self.text[end_of(self.text, g[-1]):position].rstrip("、") in particles
                and all(in_family(t.cls, classes) for t in g)]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if start <= t.start and t.end <= end]

    def date_before(self, position: int) -> DateValue | None:
        """The last date stated before ``position`` (the date of what follows it)."""
        before = [d for d in self.dates if d.span[1] <= position]
        return before[-1] if before else None


@lru_cache(maxsize=1)
def grammar() -> dict:
    data = load_patterns("grammar")
    data = dict(data)
    data["_particles"] = sorted(data["particles"], key=len, reverse=True)
    data["_separators"] = sorted(data["list_separators"], key=len, reverse=True)
    data["_skippable"] = sorted(data["skippable_after_name"], key=len, reverse=True)
    data["_legal_forms"] = sorted(data["legal_forms"], key=len, reverse=True)
    data["_paren"] = compile_regex("patterns/grammar.json:parenthetical", data["parenthetical"])
    data["_name_suffix"] = compile_regex("patterns/grammar.json:name_suffix", data["name_suffix"])
    data["_members"] = compile_regex("patterns/grammar.json:members_after_name", data["members_after_name"])
    data["_appositive"] = compile_regex("patterns/grammar.json:appositive", data["appositive"])
    data["_exemplified"] = compile_regex("patterns/grammar.json:exemplified_by", data["exemplified_by"])
    member_of: dict[str, set[str]] = {}
    for family, classes in data["families"].items():
        for cls in classes:
            member_of.setdefault(cls, set()).add(family)
    data["_member_of"] = member_of
    return data


def in_family(cls: str, wanted: list[str] | tuple[str, ...]) -> bool:
    """Whether a class is one of ``wanted`` (class names or family names)."""
    if cls in wanted:
        return True
    return not grammar()["_member_of"].get(cls, frozenset()).isdisjoint(wanted)  # (no set made of ``wanted``)


@lru_cache(maxsize=1024)
def _skip_after(text: str, pos: int) -> int:
    """Skip a parenthetical, a year closing a quoted name, the group a name is the first of (をはじめとする関係機関),
    and filler words (等, 両政府…) after a name. (Kept by sentence and position: the rules ask where the same
    mentions end again and again.)"""
    g = grammar()
    moved = True
    while moved:
        moved = False
        m = (g["_paren"].match(text[pos:]) or g["_name_suffix"].match(text[pos:]) or g["_members"].match(text[pos:])
             or g["_exemplified"].match(text[pos:]))
        if m:
            pos += m.end()
            moved = True
        for word in g["_skippable"]:
            if text.startswith(word, pos):
                pos += len(word)
                moved = True
                break
    return pos


def end_of(text: str, token: Token) -> int:
    """Where a mention's name really ends: after its gloss 「(ADB)」 and fillers 「等」."""
    return _skip_after(text, token.end)


def particle_at(text: str, pos: int) -> str:
    pos = _skip_after(text, pos)
    for particle in grammar()["_particles"]:
        if text.startswith(particle, pos):
            return particle
    return ""


def _list_kind(cls: str) -> str:
    """Mentions join one list only with mentions of the same kind (people with people…)."""
    for kind in grammar()["list_kinds"]:
        if in_family(cls, grammar()["list_kinds"][kind]):
            return kind
    return "other"


def _joined(text: str, left: Token, right: Token, skipped: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether two neighbouring mentions are members of one list (or parties of one compound: 日豪).
    What stands between them may end in a legal form (「A及び国立研究開発法人B」); ``skipped`` spans
    (a body qualifying the next member: 「Xの三宅理事、GSTの…長官」) are left out."""
    if (left.compound or right.compound) and left.end == right.start:
        return True
    start = _skip_after(text, left.end)
    between = "".join(text[a:b] for a, b in _gaps(start, right.start, skipped))
    for prefix in grammar()["_legal_forms"]:
        if between.endswith(prefix) and between != prefix:
            between = between[: -len(prefix)]
            break
    separators = grammar()["qualified_list_separators"] if skipped else grammar()["_separators"]
    if between not in separators and in_family(right.cls, ["Organisation", "Country"]):
        separator = next((s for s in grammar()["_separators"] if between.startswith(s)), "")
        if separator and grammar()["_appositive"].match(between[len(separator):]):
            between = separator  # 「A及び鉱山会社であるB」: B described before it is named
    return between in separators and _list_kind(left.cls) == _list_kind(right.cls)


def _gaps(start: int, end: int, skipped: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the skipped spans."""
    out, position = [], start
    for a, b in sorted(skipped):
        if b <= position or a >= end:
            continue
        out.append((position, max(position, a)))
        position = max(position, b)
    out.append((position, end))
    return out


def _qualifiers(text: str, tokens: list[Token]) -> set[int]:
    """Indexes of mentions that only qualify the next one (「JOGMECの三宅理事」: JOGMEC says whose)."""
    out = set()
    qualified = grammar()["qualified_classes"]
    for i, (token, following) in enumerate(zip(tokens, tokens[1:])):
        if (text.startswith("の", token.end) and following.start == token.end + 1
                and in_family(following.cls, qualified) and not in_family(token.cls, qualified)):
            out.add(i)
            j = i  # 「産総研地質調査総合センターの長谷部センター長」: a body and its unit, written together
            while j > 0 and tokens[j - 1].end == tokens[j].start and not in_family(tokens[j - 1].cls, qualified):
                j -= 1
                out.add(j)
    return out


def _appositives(text: str, tokens: list[Token]) -> dict[int, int]:
    """Mentions inside a description of the next body (「…及び同社の100%子会社であるB」: 同社 says what B is):
    index → where the described body starts."""
    out = {}
    for i, (token, following) in enumerate(zip(tokens, tokens[1:])):
        if in_family(following.cls, ["Organisation"]) and following.start > token.end \
                and grammar()["_appositive"].match(text[token.end:following.start]) and text.startswith("の", token.end):
            out[i] = following.start
    return out


def _absorb_glosses(text: str, tokens: list[Token]) -> list[Token]:
    """Drop a name repeated in the parenthesis right after it: 「アジア開発銀行(ADB)」 is one mention."""
    kept: list[Token] = []
    for token in tokens:
        previous = kept[-1] if kept else None
        if previous is not None and token.entity == previous.entity:
            closes_quote = text[previous.end:previous.end + 1] in ("」", "』")
            opening = previous.end + 1 if closes_quote else previous.end
            if text[opening:opening + 1] == "(" and text.find(")", opening) >= token.end:
                continue
        kept.append(token)
    return kept


def _apposed(text: str, host: Token, token: Token) -> bool:
    """Whether ``token`` is a person written in brackets right after a body, as its representative
    (「タイ王国エネルギー省（プラサート・ウォンサワット次官）」), the brackets holding nothing else."""
    return (token.cls == "Person" and in_family(host.cls, ["Organisation"]) and token.start == host.end + 1
            and text[host.end:host.end + 1] == "(" and text[token.end:token.end + 1] == ")")


def build_view(text: str, tokens: list[Token], dates: list[DateValue], quantities: list[Quantity]) -> SentenceView:
    """Attach particles and list groups to the tokens of one sentence."""
    tokens = _absorb_glosses(text, sorted(tokens, key=lambda t: (t.start, -t.end)))
    qualifiers = _qualifiers(text, tokens)
    appositives = _appositives(text, tokens)
    group = -1
    previous: Token | None = None
    skipped: tuple[tuple[int, int], ...] = ()
    hosts: dict[int, Token] = {}
    for i, token in enumerate(tokens):
        token.particle = particle_at(text, token.end)
        if previous is not None and (previous.start, previous.end) == (token.start, token.end):
            token.group = previous.group  # 両国, 両大臣: one word standing for two, one list
            continue
        if previous is not None and _apposed(text, previous, token):
            hosts[id(token)] = previous  # 「経済産業省（松平経済産業審議官）と…」: the body's signer, in its list
            token.group = previous.group
            continue
        if previous is not None and previous.end < token.start < _skip_after(text, previous.end) \
                and text[previous.end:previous.end + 1] == "(":
            group += 1  # 「JOGMEC（本部：東京都港区、理事長：…）と東邦通商…」: a name inside the brackets after
            token.group = group  # a name stands apart; the list goes on from the name before them
            continue
        if i in appositives and previous is not None:
            group += 1
            token.group = group  # 「…及び同社の100%子会社であるB」: 同社 only says what B is
            skipped += ((token.start, appositives[i]),)
            continue
        if i in qualifiers and previous is not None and in_family(previous.cls, grammar()["qualified_classes"]):
            group += 1
            token.group = group  # 「…、GSTのムワキレマ長官」: GST qualifies the next member of the list
            skipped += ((token.start, token.end + (i + 1 not in qualifiers)),)
            continue
        if previous is None or not _joined(text, previous, token, skipped):
            group += 1
            token.group = group
        else:
            token.group = previous.group
        previous = token
        skipped = ()
    for token in tokens:
        if id(token) in hosts:
            token.particle = hosts[id(token)].particle
    # A list's members take the particle of its last member: 「A、B、Cを訪問」.
    view = SentenceView(text, tokens, dates, quantities)
    for members in view.groups():
        last = members[-1].particle
        for member in members[:-1]:
            if member.particle in grammar()["_separators"] or member.particle in ("", "と", "や"):
                member.particle = last
    return view
