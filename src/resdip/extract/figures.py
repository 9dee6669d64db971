"""Indicator figures, targets and supply shares read from one sentence.

「石油・天然ガスの自主開発比率を2030年に50%以上」 is a target;
「2023年度の…自主開発比率は37.2%」 an observation; 「原油の約9割…を中東地域から
輸入」 a supply share. The markers are data (``patterns/measures.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .facts import Assertion, Observation, SupplyShare, Target
from ..patterns import compile_regex, load_patterns
from .dates import DateValue
from .view import SentenceView, Token, end_of, in_family


@lru_cache(maxsize=1)
def spec() -> dict:
    data = dict(load_patterns("measures"))
    data["_label_re"] = compile_regex("patterns/measures.json:quantity_label", data["quantity_label"])
    data["_candidate_re"] = compile_regex("patterns/measures.json:indicator.candidate_name",
                                          data["indicator"]["candidate_name"])
    data["supply"] = dict(data["supply"])
    data["supply"]["_share_of_imports_from"] = compile_regex("patterns/measures.json:supply.share_of_imports_from",
                                                             data["supply"]["share_of_imports_from"])
    for key in ("share_in_imports_before", "share_in_imports_after", "combined_share", "share_of_whole",
                "combined_after_list", "table_caption_regex", "table_row_regex"):
        data["supply"]["_" + key] = compile_regex(f"patterns/measures.json:supply.{key}", data["supply"][key])
    data["volume_target"] = volume = dict(data["volume_target"])
    for key in ("named_before", "named_after", "object_before", "act_after"):
        volume["_" + key] = compile_regex(f"patterns/measures.json:volume_target.{key}", volume[key])
    world = data["supply"].get("world_production")
    if world:
        data["supply"]["world_production"] = world = dict(world)
        for key in ("holding_after_share", "concentrated_after_share"):
            world["_" + key] = compile_regex(f"patterns/measures.json:supply.world_production.{key}", world[key])
    return data


def _indicator_before(view: SentenceView, position: int) -> Token | None:
    found = [t for t in view.tokens if t.end <= position and t.cls == "Indicator"]
    return found[-1] if found else None


def _plan(view: SentenceView) -> str:
    particles = spec()["indicator"]["plan_particles"]
    plans = [t for t in view.tokens if in_family(t.cls, ["PolicyDocument"]) and t.particle in particles]
    return plans[0].entity if plans else ""


def _candidate_indicator(view: SentenceView, date: DateValue, q_start: int,
                         name_indicator: Callable[[str], str]) -> Token | None:
    """An indicator the registry lacks, named between the year and the figure
    (「2023年度の…依存度は約60%」) or right before the year (「…依存度を2030年に50%以下」)."""
    for begin, end in ((date.span[1], q_start), (0, date.span[0])):
        m = spec()["_candidate_re"].search(view.text, begin, end)
        if m:
            name = m.group("name").lstrip("の")
            start = m.end("name") - len(name)
            return Token(start, m.end("name"), name_indicator(name), "Indicator", name)
    return None


def find_indicator_figures(view: SentenceView, last_plan: str = "",
                           name_indicator: Callable[[str], str] | None = None,
                           document_year: str = "") -> list[Observation | Target]:
    """Targets and observed values of indicators (percentages after an indicator's name); an indicator written
    bare means what the genre meant by it in the document's year (``bare_means``)."""
    ind = spec()["indicator"]
    plan = _plan(view) or last_plan
    found: list[Observation | Target] = []
    for q in view.quantities:
        if q.unit != "%":
            continue
        date = view.date_before(q.span[0])
        if date is None:
            continue
        indicator = _indicator_before(view, q.span[0])
        if q.share and (indicator is None or not re.fullmatch(ind["share_after_indicator"], view.text[indicator.end:q.span[0]])):
            continue  # 「…輸入の約4割」: a share of something, unless an indicator's value (「ベースメタル自給率は約4割」)
        if indicator is None and name_indicator is not None:
            indicator = _candidate_indicator(view, date, q.span[0], name_indicator)
        if indicator is None:
            continue
        # 「2030年までに自主開発比率を40%程度に」: the ratio written bare is the one the genre means by it (of oil and gas)
        entity = _bare_meaning(ind.get("bare_means", {}).get(indicator.entity), document_year) or indicator.entity
        between = view.text[date.span[1] : q.span[0]]
        after = view.text[q.span[1] : q.span[1] + 12]
        is_target = any(between.startswith(m) for m in ind["target_after_year"]) and (
            bool(q.comparator) or any(m in after for m in ind["target_markers"]))
        # 「自主開発比率は、2019年度に34.7%となり」: a year after the indicator with a verb of reaching is an observation
        reached = any(view.text.startswith(w, q.span[1]) for w in ind["observed_after"])
        # 「同比率を2030年度までに50%以上に引き上げる」: a fiscal year with a bound (以上) is a target's too; a bare
        # 「2023年度に40%」 is not
        if is_target and (not date.fiscal or bool(q.comparator)) and not reached:
            found.append(Target(entity, q.value, "%", date.start[:4], q.comparator or "EqualTo", plan))
        elif (not is_target or reached) and (date.span[1] <= indicator.start or reached):
            found.append(Observation(entity, q.value, "%", date.start, date.end, date.fiscal, q.approximation,
                                     area=_area_of(view, indicator)))
    return found


def _area_of(view: SentenceView, indicator: Token) -> str:
    """「日本の石油・天然ガスの自主開発比率は」, 「我が国の原油の自主開発比率」: the country named with の at the head of
    the indicator's noun phrase ('area_link') is whose figure it is."""
    link = re.compile(spec()["indicator"]["area_link"])
    return next((t.entity for t in reversed(view.tokens) if t.cls == "Country" and t.end <= indicator.start
                 and link.fullmatch(view.text, t.end, indicator.start)), "")


def find_volume_targets(view: SentenceView, name_indicator: Callable[[str], str] | None,
                        plan_named: str = "") -> list[Target]:
    """「水素等の導入量を2030年に年間300万トン、2040年に年間1,200万トン程度とすることを目指す」: a target of an amount
    for each year, of the indicator the sentence names (水素等の導入量), set by the plan the sentence tells it in (named,
    or the last named where the sentence calls it 同計画), or
    by the country whose aim it tells (「我が国は、…を目指しており」, 'setters'); a project's or a partner's aim is no
    target of the country's policy."""
    spec_ = spec()["volume_target"]
    found: list[Target] = []
    setter = _plan(view) or next((t.entity for t in view.tokens if t.entity in spec_["setters"]
                                  and t.particle in spec_["setter_particles"]), "") or (
        plan_named if any(w in view.text for w in spec_["plan_anaphors"]) else "")  # 「同計画では、…」
    if name_indicator is None or not setter:
        return found
    for q in view.quantities:
        date = view.date_before(q.span[0])
        if q.unit not in spec_["units"] or date is None or not any(m in view.text[q.span[1]:] for m in spec_["markers"]):
            continue
        named = _volume_named(view.text, q.span)
        if named is None:
            continue
        what, act = named
        found.append(Target(name_indicator(f"{what}の{act}量"), q.value, q.unit, date.start[:4],
                            q.comparator or "EqualTo", setter))
    return found


def _volume_named(text: str, span: tuple[int, int]) -> tuple[str, str] | None:
    """What an amount measures, by the sentence's words around it: <X>の<act>量を before it, の<X>の<act> after it,
    or <X>を before it and <act>する after it."""
    spec_ = spec()["volume_target"]
    before = list(spec_["_named_before"].finditer(text, 0, span[0]))
    after = spec_["_named_after"].match(text[span[1]:])
    m = before[-1] if before else after
    if m is None:
        obj, act = spec_["_object_before"].search(text[:span[0]]), spec_["_act_after"].match(text[span[1]:])
        if obj is None or act is None:
            return None
        return obj.group("what"), act.group("act")
    return m.group("what"), m.group("act")


def _bare_meaning(meaning: str | dict | None, year: str) -> str:
    """What an indicator written bare means: always one indicator, or one from a year on (the self-development
    ratio was that of crude oil until the 2010 plan made it that of oil and gas)."""
    if isinstance(meaning, dict):
        return meaning["means"] if not year.isdigit() or int(year) >= meaning["from_year"] else ""
    return meaning or ""


def find_measured_quantities(view: SentenceView) -> list[Observation]:
    """「2024年度の探査実績は約7,100km2」: a named quantity with its period."""
    found = []
    for q in view.quantities:
        if q.unit not in ("km2",):
            continue
        m = spec()["_label_re"].search(view.text[: q.span[0]])
        if not m:
            continue
        date = view.date_before(m.start())
        if date is None:
            continue
        found.append(Observation("", q.value, q.unit, date.start, date.end, date.fiscal, q.approximation,
                                 m.group("label")))
    return found


def _bracketed(view: SentenceView, shares: list, sup: dict) -> dict[int, list[Token]]:
    """「豪州（約21%）、カタール（約18%）」: each share in brackets right after its supplier's name."""
    found = {}
    for q in shares:
        opener = view.text.rfind(sup["bracket_opener"], 0, q.span[0] + 1)
        if opener < 0 or view.text[opener + 1:q.span[0]].strip() not in ("", *load_patterns("quantities")["approximations"]):
            continue
        named = [t for t in view.tokens if t.end == opener and in_family(t.cls, sup["supplying_classes"])
                 and t.entity not in sup["importers"]]
        if named:
            found[id(q)] = named[:1]
    return found


def _breaks_down(view: SentenceView, sup: dict) -> bool:
    """Whether the sentence opens a breakdown of imports by supplier (国別では, 輸入先は: ``breakdown_openers``)."""
    return any(o in view.text for o in sup.get("breakdown_openers", []))


def _gapped(view: SentenceView, group: list[Token], shares: list) -> bool:
    """「約5割を南アフリカ、約3割を豪州、約1割をガボンが占めています」: a supplier written between its share (with を)
    and the next share, the verb and its particle left to the last of the list."""
    end = end_of(view.text, group[-1])
    return (any(q.span[1] < group[0].start and view.text[q.span[1]:group[0].start] == "を" for q in shares)
            and view.text.startswith("、", end) and any(q.span[0] == end + 1 for q in shares))


def find_supply_shares(view: SentenceView, context_resource: str = "") -> list[SupplyShare]:
    """Shares of imports by supplier: 「原油の約9割…を中東地域から輸入」, 「日本が輸入するリチウムの約3割を
    アルゼンチンが供給」, 「輸入先は、豪州（約21%）、…の順」 (the resource named before: ``context_resource``)."""
    sup = spec()["supply"]
    shares = [q for q in view.quantities if q.unit == "%"]
    imported = any(t in view.text for t in sup["triggers"])
    breakdown = _breaks_down(view, sup)
    # 「国別ではサウジアラビア（29.2%）、…の順」: a breakdown opener tells the shares in brackets are of imports too
    bracketed = _bracketed(view, shares, sup) if imported or breakdown else {}
    suppliers = list(bracketed.values())
    if imported:
        # 「上位3か国（チリ、豪州、ペルー）からの輸入」: a list in brackets may stand before its particle
        closer = sup.get("supplier_list_closer", "")
        suppliers += [g for g in view.groups() if (g[-1].particle in sup["supplier_particles"] or closer and any(
                          view.text.startswith(closer + p, end_of(view.text, g[-1])) for p in sup["supplier_particles"]))
                      and all(in_family(t.cls, sup["supplier_classes"]) for t in g)]
    if any(t in view.text for t in sup["supplying_triggers"]) or breakdown:
        suppliers += [g for g in view.groups() if (g[-1].particle in sup["supplying_particles"] or _gapped(view, g, shares))
                      and all(in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"]
                              for t in g)]

    # 「日本の銅精鉱輸入に占めるペルーの割合は約2割」: the supplier whose part of the imports the share is
    in_imports = [g for g in view.groups() if all(in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"]
                                                  for t in g)
                  and sup["_share_in_imports_before"].search(view.text, 0, g[0].start)
                  and sup["_share_in_imports_after"].match(view.text, g[-1].end)]
    suppliers += in_imports
    # 「アゼルバイジャン産原油が…輸入の約2%を占め」: the country a resource is from, the resource the share's subject;
    # its share is the first one after it, and no other share is its
    origin = sup.get("origin_suffix", "")
    from_origin = [[t] for t in view.tokens if origin and view.text.startswith(origin, t.end)
                   and any(w in view.text for w in sup["supplying_triggers"])
                   and in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"]
                   and any(r.start == t.end + len(origin) and r.cls == "Resource"
                           and r.particle in sup["supplying_particles"] for r in view.tokens)]
    suppliers += from_origin
    # its share is the first one after it (「…中東地域の割合は約87%で、サウジアラビア（約40%）…」: not Saudi Arabia's)
    owned = {id(q): g for g in in_imports + from_origin
             for q in [next((q for q in shares if q.span[0] >= g[-1].end), None)] if q is not None}
    if any(t in view.text for t in sup["depending_triggers"]):
        suppliers += [g for g in view.groups() if g[-1].particle in sup["depending_particles"]
                      and all(in_family(t.cls, sup["supplier_classes"]) and t.entity not in sup["importers"]
                              for t in g)]
    if imported or breakdown:
        # 「豪州、カタール及びマレーシアの上位3か国で全体の約6割」: the list the count of suppliers closes
        suppliers += [g for g in view.groups() if sup["_combined_after_list"].match(view.text, end_of(view.text, g[-1]))
                      and all(in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"] for t in g)]
    if not suppliers:
        return []
    suppliers.sort(key=lambda g: g[0].start)
    found = []
    for q, following in zip(shares, shares[1:] + [None]):
        right_before = [g for g in view.groups_right_before(q.span[0], sup["supplying_particles"], sup["supplying_classes"])
                        if any(g[0] is s[0] for s in suppliers)
                        and not any(s.span[1] + 1 == g[0].start and view.text[s.span[1]] == "を" for s in shares)]
        # 「米国からの輸入は約5%、ロシアからの輸入は約8%」: the supplier whose imports the share's subject names
        # 「輸入先別に見ると、サウジアラビアが全体の3割強を占め」: the supplier whose part of the whole the share is
        import_subject = [g for g in suppliers if g[-1].end < q.span[0]
                          and (sup["_share_of_imports_from"].fullmatch(view.text, g[-1].end, q.span[0])
                               or sup["_share_of_whole"].fullmatch(view.text, g[-1].end, q.span[0]))]
        right_before = ([owned[id(q)]] if id(q) in owned else []) or import_subject[-1:] or right_before
        resources = [t.entity for t in view.tokens if t.cls == "Resource" and t.end <= q.span[0]]
        # 「輸入先は、豪州（約21%）…」, 「国別に見ると、サウジアラビアが約38%、…を占め」: the resource the section named last
        # 「カタールとクウェートがそれぞれ1割弱」: each of the list has the share
        each = [g for g in suppliers if view.text[end_of(view.text, g[-1]):q.span[0]].rstrip("、") in
                {p + w for p in sup["supplying_particles"] for w in sup.get("each_words", [])}]
        counted = sup["_combined_share"].search(view.text, 0, q.span[0])
        resources = resources or ([context_resource] if context_resource and (
            id(q) in bracketed or right_before or each or counted) else [])
        if not resources or _of_the_world(view.text, q.span[0], sup):
            continue
        if each:
            found += [SupplyShare(resources[-1], (t.entity,), q.value, q.approximation,
                                  _importer(view, suppliers, q.span[0])) for t in each[-1]]
            continue
        if id(q) in bracketed and id(q) not in owned:
            found.append(SupplyShare(resources[-1], tuple(t.entity for t in bracketed[id(q)]), q.value,
                                     q.approximation, _importer(view, suppliers, q.span[0])))
            continue
        # 「サウジアラビアが約4割、…」: the supplier right before its share; 「約4割を豪州が、約2割を
        # マレーシアが占め」: the one named right after it; else the nearest
        others = [g for g in suppliers if not any(g is o for o in from_origin)]
        after = [g for g in others if q.span[1] <= g[0].start
                 and (following is None or g[-1].end <= following.span[0])]
        if not (right_before or after or others):
            continue  # 「…権益の合計約15%を保有」 after 「アゼルバイジャン産原油が…約2%を占め」: not a share of supply
        group = (right_before or after or [min(others, key=lambda g: abs(g[-1].end - q.span[0]))])[0]
        if counted:  # 「サウジアラビア（約37%）とアラブ首長国連邦（約24%）の2か国で全体の6割」: the last two named
            named = list(dict.fromkeys(t.entity for g in suppliers for t in g if t.end <= counted.start()))
            if len(named) >= int(counted["n"]):
                group = [t for t in view.tokens if t.entity in named[-int(counted["n"]):]]
                group = list({t.entity: t for t in group}.values())
        found.append(SupplyShare(resources[-1], tuple(t.entity for t in group), q.value, q.approximation,
                                 _importer(view, suppliers, q.span[0])))
    return found


def world_producers(view: SentenceView) -> list[Assertion]:
    """「ブラジルが世界のニオブ生産の約9割を担う」, 「世界の鉱山生産の約7割がコンゴ民主共和国に集中」: who holds a
    share of the world's production of a resource supplies it (``world_production``). A share chained after one
    (「…コバルト生産の約7割、白金族金属の生産の約8割を担う」) is of the world too, and of the same producer."""
    sup = spec()["supply"]
    world = sup.get("world_production")
    predicate = sup.get("implies", "")
    if not world or not predicate:
        return []
    found: list[Assertion] = []
    producer: list[Token] = []
    previous = None
    for q in [q for q in view.quantities if q.unit == "%"]:
        chained = previous is not None and view.text.startswith("、", previous.span[1]) and not any(
            w in view.text[previous.span[1]:q.span[0]] for w in sup["world_words"])
        if not (_of_the_world(view.text, q.span[0], sup) or chained):
            previous, producer = None, []
            continue
        begin = previous.span[1] if chained else max(view.text.rfind(w, 0, q.span[0]) for w in sup["world_words"])
        resources = [t for t in view.tokens if t.cls == "Resource" and begin <= t.start and t.end <= q.span[0]] or [
            t for t in view.tokens if t.cls == "Resource" and t.end <= begin][-1:]
        if not chained:
            producer = _world_producer(view, q, begin, world, sup)
        previous = q
        found += [Assertion(p.entity, predicate, r.entity) for p in producer for r in resources]
    return list(dict.fromkeys(found))


def _world_producer(view: SentenceView, q, begin: int, world: dict, sup: dict) -> list[Token]:
    """The producer of a world share: named before 世界 as the subject of a word of holding after the share
    (「Xが世界の…の約7割を担う」), or named after the share where it is concentrated (「…の約7割がXに集中」)."""
    rest = view.text[q.span[1]:].split("。", 1)[0]  # the rest of the sentence after the share
    before = [g for g in view.groups() if g[-1].end <= begin and g[-1].particle in world["producer_particles"]
              and all(in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"] for t in g)]
    holding = world["_holding_after_share"].match(rest)
    if before and holding:
        return before[-1]
    after = [g for g in view.groups() if q.span[1] < g[0].start and all(
        in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"] for t in g)]
    if after and world["_concentrated_after_share"].match(view.text[q.span[1]:after[0][0].start]) and any(
            view.text.startswith(w, end_of(view.text, after[0][-1])) for w in world["concentrated_words"]):
        return after[0]
    return []


def _of_the_world(text: str, position: int, sup: dict) -> bool:
    """「世界の鉱山生産量の約7割」: a share of the world's production, not of anyone's imports."""
    before = text[max(0, position - sup.get("world_window", 15)):position].rsplit("、", 1)[-1]
    return any(word in before for word in sup.get("world_words", []))


def import_table(view: SentenceView) -> tuple[str, str] | None:
    """The resource and the importer of a table of imports by supplier whose caption the line is
    (「【第212-1-1表】我が国の原油輸入先（2005年度）」: crude oil, Japan), else None."""
    sup = spec()["supply"]
    resources = [t.entity for t in view.tokens if t.cls == "Resource"]
    if "。" in view.text or not resources or not sup["_table_caption_regex"].search(view.text):
        return None
    return resources[-1], _importer(view, [], len(view.text))


def table_share(view: SentenceView, table: tuple[str, str]) -> SupplyShare | None:
    """A row of a table of imports (「1　サウジアラビア　30.3%」): the one supplier's share of the caption's
    resource; None for a line that is no row."""
    sup = spec()["supply"]
    names = [t for t in view.tokens if in_family(t.cls, sup["supplying_classes"])]
    shares = [q for q in view.quantities if q.unit == "%"]
    if len(names) != 1 or len(shares) != 1 or not sup["_table_row_regex"].match(view.text):
        return None
    resource, importer = table
    return SupplyShare(resource, (names[0].entity,), shares[0].value, shares[0].approximation, importer)


def foreign_importer(share: SupplyShare) -> bool:
    """Whether a share is of another importer's imports than the graph's (``importers``): India's, Asia's."""
    return bool(share.importer) and share.importer not in spec()["supply"]["importers"]


def _importer(view: SentenceView, suppliers: list[list[Token]], before: int) -> str:
    """The country whose imports a share is of, named before the share and supplying nothing
    (「日本のLNG輸入量の約2割を…」, 「日本は原油の約9割を…から輸入」)."""
    sup = spec()["supply"]
    supplying = {id(t) for g in suppliers for t in g}
    names = [g for g in view.groups() if g[-1].end <= before and g[-1].particle in sup["importer_particles"]
             and len(g) == 1 and id(g[0]) not in supplying and in_family(g[0].cls, sup["importer_classes"])]
    return names[-1][0].entity if names else ""


def imported_from(view: SentenceView, context_resource: str = "", with_shares: bool = False) -> list[Assertion]:
    """「…石炭の大部分を豪州やインドネシア等からの輸入に頼っています」: with no share stated, the
    countries a resource is imported from (Xからの輸入, Xから輸入) still supply it; so do the countries that
    follow the first in a breakdown (「…、A、B、Cがこれに次いでいます」: the resource the section named) or a share
    the sentence tells."""
    sup = spec()["supply"]
    predicate = sup.get("implies", "")
    resources = [t for t in view.tokens if t.cls == "Resource"]
    found = []
    # and those that follow a share the sentence tells (「豪州からの輸入が約4割を占め、マレーシア及びロシアがこれに続いています」)
    if predicate and (resources or context_resource) and (_breaks_down(view, sup) or with_shares):
        resource = resources[-1].entity if resources else context_resource
        for group in view.groups():
            if (re.match(sup["followers_regex"], view.text[end_of(view.text, group[-1]):])
                    and all(in_family(t.cls, sup["supplying_classes"]) and t.entity not in sup["importers"] for t in group)):
                found += [Assertion(t.entity, predicate, resource) for t in group]
    if predicate:  # 「ガイアナ産原油の日本向け供給」: told beside a share too (「…約95%を中東地域に依存…、ガイアナ産原油の…」)
        found += _origins(view, sup, predicate)
    if not predicate or not (resources or context_resource):
        return found
    # beside shares, imports told as done (「…からの輸入も続いており」), not procurement hoped for (「…からの調達は
    # 多角化に資する」)
    words = sup.get("import_words_beside_shares", []) if with_shares else sup["import_words"]
    for group in view.groups():
        if (group[-1].particle in sup["supplier_particles"] and all(in_family(t.cls, sup["supplying_classes"])
                and t.entity not in sup["importers"] for t in group)
                and _supplied_at(view.text, end_of(view.text, group[-1]) + len(group[-1].particle), words, sup)):
            # 「…、カタール及びブルネイからの輸入も続いています」: beside shares too, and where the sentence tells
            # shares but names no resource before the supplier, of the one the section tells of
            before = [t.entity for t in resources if t.end <= group[0].start]
            resource = (before[-1] if before else context_resource if with_shares and context_resource
                        else resources[-1].entity if resources else "")
            found += [Assertion(t.entity, predicate, resource) for t in group if resource]
        elif (resources and not with_shares  # a sentence that tells shares names its suppliers with them
              and group[-1].particle in sup["supplier_particles"] and all(in_family(t.cls, sup["supplying_classes"])
                and t.entity not in sup["importers"] for t in group)):
            # 「カザフスタンからのウラン調達」: the resource between the supplier and the word of importing
            after = end_of(view.text, group[-1]) + len(group[-1].particle)
            named = [t for t in resources if t.start == after and _supplied_at(view.text, t.end, sup["import_words"], sup)]
            found += [Assertion(t.entity, predicate, r.entity) for t in group for r in named]
    return found


def _origins(view: SentenceView, sup: dict, predicate: str) -> list[Assertion]:
    """「同国産ガリウム及びタングステン」, 「米国産のLNG」: what a country produces for others, where a word of supplying
    Japan follows."""
    origin = sup.get("origin_suffix", "")
    found = []
    for token in view.tokens if origin else []:
        if token.cls == "Country" and token.entity not in sup["importers"] and view.text.startswith(origin, token.end):
            start = token.end + len(origin)
            start += view.text.startswith("の", start)
            listed = next((g for g in view.groups() if g[0].start == start and g[0].cls == "Resource"), [])
            if listed and _supplied_at(view.text, end_of(view.text, listed[-1]), sup["origin_supply_words"], sup):
                found += [Assertion(token.entity, predicate, r.entity) for r in listed if r.cls == "Resource"]
    return found


def _supplied_at(text: str, position: int, words: list[str], sup: dict) -> bool:
    """Whether a word of supplying Japan stands at ``position`` (「の対日供給」, 「調達」), told as done, not
    as a prospect (「…調達の実現に向けて」: not yet)."""
    position += text.startswith("の", position)
    word = next((w for w in words if text.startswith(w, position)), None)
    return word is not None and not text.startswith(tuple(sup.get("prospect_words", [])), position + len(word))


def supplies(share: SupplyShare) -> list[Assertion]:
    """What a share of imports says of each supplier: it supplies the resource."""
    predicate = spec()["supply"].get("implies", "")
    return [Assertion(supplier, predicate, share.resource) for supplier in share.suppliers] if predicate else []
