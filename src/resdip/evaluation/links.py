"""Scores of what a genre-level gold asks beyond typed facts: the header, the links, the numbers.

Three gold kinds (``tests/gold/README.md``) are scored here, each against every fact of the
document graph whatever its class, since a reader asks *whether* the graph ties two entities or
holds a number, not which frame did it:

- ``document``: the date, publisher and title read from the document (dcterms:issued,
  dcterms:publisher, dcterms:title@ja) against the header's.
- ``clause``: every pair of entities a predicate governs. A pair is *linked* when one fact
  derived from that sentence names both (as participant, about, location, member, subject,
  object…). Reported as ``links`` (pairs found / pairs in the gold).
- ``quantity``: a number of the text with its unit. *Found* when a fact derived from that sentence
  carries the value in that unit (``quantities``); *attached* when that fact also names the
  entity the gold says the number is about (``quantities+about``).

And the precision of generic actions (``actions``): each participant of an rd:Action must be an
argument of a gold clause of the same sentence whose predicate is the action's lemma; implicit
participants (carried from the sentence before) count when the gold marks that argument
``elided``.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
RD = "https://w3id.org/resdip/ontology#"
#: properties of a fact node (or of its participations) whose objects are the entities it names
LINKING = ("participant", "about", "indicator", "forMeasure", "resource", "supplier", "importer", "setBy", "post")
LINKING_OTHER = ("https://schema.org/location", "http://www.w3.org/ns/org#member",
                 "http://www.w3.org/ns/org#organization", "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
                 "http://www.w3.org/1999/02/22-rdf-syntax-ns#object", RD + "inSeries")
UNIT_ALIASES = {"P1": "%", "C62": "count", "KMK": "km2", "TNE": "t", "BLL": "bbl", "K6": "kl", "MTQ": "m3", "MTK": "m2", "KWT": "kW",
                "person": "count", "名": "count", "者": "count", "件": "count", "国": "count", "社": "count",
                "t/year": "t", "barrel": "bbl", "barrel/day": "bbl"}  # the graph states amounts, not rates


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass
class FactView:
    """One fact node as the scorer sees it: its class, sentences, entities, value and unit."""

    node: Any
    types: set[str]
    sentences: list[str]
    entities: set[str]
    value: str = ""
    unit: str = ""
    lemma: str = ""
    participants: list[tuple[str, bool]] = field(default_factory=list)  # (entity, implicit)

    def from_sentence(self, quote: str) -> bool:
        q = norm(quote)
        return any(q in s or (len(s) > 8 and s in q) for s in self.sentences)


def read_facts(reader: Any) -> list[FactView]:
    """Every node of the document graph derived from a sentence, with what it names."""
    store, graph = reader.store, reader.graph
    subjects = sorted({q.subject for q in store.quads_for_pattern(None, ox.NamedNode(PROV_DERIVED), None, graph)},
                      key=str)
    out = []
    for s in subjects:
        types = reader.types(s)
        if "Sentence" in types or "Mention" in types:
            continue
        sentences = [norm(reader.one(u, RD + "text")) for u in reader.objects(s, PROV_DERIVED)]
        entities: set[str] = set()
        participants = []
        for p in reader.objects(s, RD + "hasParticipation"):
            who = reader.objects(p, RD + "participant")
            if who:
                name = reader.entity(who[0])
                participants.append((name, reader.one(p, RD + "implicit") == "true"))
        for local in LINKING:
            entities |= {reader.entity(o) for o in reader.objects(s, RD + local) if isinstance(o, ox.NamedNode)}
        for iri in LINKING_OTHER:
            entities |= {reader.entity(o) for o in reader.objects(s, iri) if isinstance(o, ox.NamedNode)}
        for event in reader.objects(s, RD + "atEvent"):  # what happened at a meeting is tied to it
            entities |= {reader.entity(o) for o in reader.objects(event, RD + "inSeries")}
        if "BudgetLine" in types:  # a budget line is about its measure, which gold names by section and number
            entities.add(f"label:{reader.budget(s)[0]}")
        value = reader.one(s, SCHEMA + "value")
        unit = reader.one(s, SCHEMA + "unitText") or reader.one(s, SCHEMA + "unitCode") or (
            "JPY" if "BudgetLine" in types else "")
        out.append(FactView(s, types, sentences, entities, _number(value) if value else "",
                            UNIT_ALIASES.get(unit, unit), reader.one(s, RD + "lemma"), participants))
    return out


def _number(text: str) -> str:
    from .evaluate import number

    try:
        return number(text)
    except ValueError:
        return text


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def score_document(reader: Any, gold: list[dict]) -> Tally:
    doc = _document_node(reader)
    tally = Tally()
    for d in gold:
        for key, got in (("date", reader.one(doc, DCT + "issued")[:10] if doc else ""),
                         ("publisher", reader.entity(reader.objects(doc, DCT + "publisher")[0])
                          if doc and reader.objects(doc, DCT + "publisher") else ""),
                         ("title", _title(reader, doc))):
            if not d.get(key):
                continue
            tally.gold += 1
            if norm(str(d[key])) == norm(got):
                tally.found += 1
            else:
                tally.missed.append(f"{key}: {d[key]} (read: {got or '-'})")
    return tally


def _document_node(reader: Any) -> Any:
    rdf_type = ox.NamedNode(RDF_TYPE)
    found = [q.subject for q in reader.store.quads_for_pattern(None, rdf_type, ox.NamedNode(RD + "SourceDocument"),
                                                               reader.graph)]
    return found[0] if found else None


def _title(reader: Any, doc: Any) -> str:
    if doc is None:
        return ""
    for literal in reader.objects(doc, DCT + "title"):
        if getattr(literal, "language", None) == "ja":
            return literal.value
    return ""


def _arguments(d: dict) -> list[tuple[str, str]]:
    return [(a["entity"], a.get("case", "")) for a in d.get("arguments", []) if a.get("entity")]


def score_links(facts: list[FactView], gold: list[dict]) -> Tally:
    tally = Tally()
    for d in gold:
        entities = sorted({e for e, _ in _arguments(d)})
        here = [f for f in facts if f.from_sentence(d["sentence"])]
        for a, b in combinations(entities, 2):
            tally.gold += 1
            if any({a, b} <= (f.entities | {p for p, _ in f.participants}) for f in here):
                tally.found += 1
            else:
                tally.missed.append(f"{d.get('predicate', '')}: {a} – {b} | {d['sentence'][:40]}")
    return tally


#: gold units of power written as annotated, and their value in the extractor's unit (kW)
SCALED_UNITS = {"GW": ("kW", 1000000), "MW": ("kW", 1000), "ギガワット": ("kW", 1000000), "メガワット": ("kW", 1000)}


def _unit(d: dict) -> str:
    unit = str(d.get("unit", ""))
    unit = SCALED_UNITS.get(unit, (unit, 1))[0]
    return UNIT_ALIASES.get(unit, unit)


def _gold_value(d: dict) -> str:
    """The gold value in the extractor's unit (1.2 GW is 1,200,000 kW)."""
    scale = SCALED_UNITS.get(str(d.get("unit", "")), ("", 1))[1]
    return _number(str(d["value"])) if scale == 1 else _number(str(Decimal(str(d["value"])) * scale))


def score_quantities(facts: list[FactView], gold: list[dict], about: bool) -> Tally:
    tally = Tally()
    for d in gold:
        tally.gold += 1
        value, unit = _gold_value(d), _unit(d)
        here = [f for f in facts if f.value == value and f.from_sentence(d["sentence"])
                and (not unit or not f.unit or f.unit == unit)]
        if about and d.get("about"):
            here = [f for f in here if d["about"] in f.entities | {p for p, _ in f.participants}]
        if here:
            tally.found += 1
        else:
            tally.missed.append(f"{d.get('value')} {d.get('unit', '')} {d.get('about', '') if about else ''}"
                                f" | {d['sentence'][:40]}")
    return tally


def same_predicate(gold: str, lemma: str) -> bool:
    """A gold predicate and an extracted lemma name one predicate (意見交換する ~ 意見交換を行う,
    開かれる ~ 開く: passive forms are compared by their dictionary form)."""
    g, e = norm(gold), norm(lemma)
    if not g or not e:
        return False
    stem = lambda x: x.removesuffix("する").removesuffix("だ").split("を")[0]  # noqa: E731
    return g == e or stem(g) == stem(e) or stem(g) in e or stem(e) in g or _head(g) == _head(e)


def _head(predicate: str) -> str:
    """The dictionary form of a predicate's first content word (開かれる → 開く, 開催される → 開催)."""
    from ..recognise.sudachi import tokenize

    for m in tokenize(predicate):
        if m.pos[0] in ("動詞", "名詞", "形状詞"):
            return m.lemma
    return predicate


def score_actions(facts: list[FactView], gold: list[dict]) -> tuple[int, int, list[str]]:
    """(participants checked, participants that are arguments of that predicate, wrong ones)."""
    checked = right = 0
    wrong = []
    for f in facts:
        if "Action" not in f.types:
            continue
        clauses = [d for d in gold if f.from_sentence(d["sentence"]) or any(norm(d["sentence"]) in s for s in f.sentences)]
        clauses = [d for d in clauses if same_predicate(d.get("predicate", ""), f.lemma)]
        for entity, implicit in f.participants:
            checked += 1
            if any(entity == e for d in clauses for e, _ in _arguments(d)):
                right += 1
            else:
                wrong.append(f"{f.lemma}: {entity}{' (implicit)' if implicit else ''} | {(f.sentences or [''])[0][:40]}")
    return checked, right, wrong
