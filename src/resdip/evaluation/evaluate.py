"""Extraction quality: the built dataset scored against a hand-made gold annotation.

A gold file (``tests/gold/{doc-id}.jsonl``, format in ``tests/gold/README.md``) lists the facts one
document states, one JSON object a line. :func:`load_gold` checks each line and that its quoted
``sentence`` occurs in the document text; :func:`read_extracted` reads the facts of the document's
named graph from ``graph/dataset.trig``; both are reduced to the same *key tuples* (:data:`KINDS`),
and :func:`score` counts matches one-to-one (keys are a multiset: two gold facts may share a key).

Keys, by kind: event (type, when, {(entity, role)}); post_holding (person, post, date); membership
(member, organization); budget (measure, fiscal year, kind, yen, portion-of); observation
(indicator, value, unit, when); target (indicator, value, unit, target year, comparator);
supply_share (resource, suppliers, value); relation (subject, predicate, object), for the predicates
of :data:`PREDICATES` only (a relation of another predicate, such as a project's schema:location or
rd:concernsResource read from a fact sheet, has no gold to be scored against). A second, looser
view matches events on (type, when) only.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

import pyoxigraph as ox

from .. import paths
from ..errors import DataFileError, InputFileError
from ..patterns import load_patterns

KINDS = ("event", "post_holding", "membership", "budget", "observation", "target", "supply_share", "relation")
#: gold kinds scored against every fact whatever its class (:mod:`resdip.evaluation.links`)
LINK_KINDS = ("document", "clause", "quantity")
EVENT_TYPES = ("Visit", "MinisterialMeeting", "Dialogue", "Exhibition", "Signing", "AgreementReached",
               "OpinionExchange", "GroundBreaking", "CabinetDecision", "Publication", "Revision",
               "Certification", "Establishment", "Test", "Survey", "Announcement", "Meeting")
ROLES = ("Visitor", "Host", "Signatory", "Chair", "Attendee", "Convenor", "KeynoteSpeaker", "Organiser",
         "Counterpart", "Participant")
BUDGET_KINDS = ("InitialBudget", "SupplementaryBudget", "FiscalInvestmentAndLoan")
COMPARATORS = ("AtLeast", "EqualTo", "AtMost")
PREDICATES = ("investsIn", "surveysIn", "trainsIn", "operates", "finances", "insures", "hasContractWith",
              "diversificationTarget", "restrictsExports", "chokepointFor", "supplies", "cooperatesWith",
              "basedOn", "partOf")
UNITS = {"%": "%", "P1": "%", "km2": "km2", "KMK": "km2", "㎢": "km2", "km²": "km2",
         "count": "count", "C62": "count", "者": "count", "件": "count", "国": "count",
         "t": "t", "TNE": "t", "t/year": "t",  # a target of an amount (年間300万トン導入)
         "day": "day", "DAY": "day", "日": "day",  # a target in days (備蓄日数90日分)
         "kl": "kl", "KL": "kl", "キロリットル": "kl"}  # a stockpile target in kilolitres (5,000万キロリットル)
REQUIRED = {
    "event": ("type", "participants"),
    "post_holding": ("person", "post", "date"),
    "membership": ("member", "organization"),
    "budget": ("measure", "fiscal_year", "budget_kind", "value_jpy", "portion_of"),
    "observation": ("indicator", "value", "unit"),
    "target": ("indicator", "value", "unit", "target_year", "comparator"),
    "supply_share": ("resource", "suppliers", "value"),
    "relation": ("subject", "predicate", "object"),
    "document": (),
    "clause": ("predicate", "arguments"),
    "quantity": ("value", "unit"),
}

RD = "https://w3id.org/resdip/ontology#"
RDI = "https://w3id.org/resdip/id/"
DOC_GRAPH = "https://w3id.org/resdip/graph/doc/"
DATASET_FILE = "dataset.trig"


# --- normalisation shared by both sides ---

def join_text(raw: str) -> str:
    """The text as read: line breaks removed, the leading spaces of (page-break) lines dropped."""
    return "".join(line.lstrip(" \u3000") for line in raw.replace("\r\n", "\n").split("\n"))


def number(value: Any) -> str:
    """A decimal as a canonical string: ``37.2``, ``50``, ``20798`` (no exponent, no trailing zeros)."""
    try:
        d = Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def measure_key(section: str, num: str) -> str:
    """``第1節 (1)`` from a section label and a measure number written any way (（1）, 1．)."""
    num = unicodedata.normalize("NFKC", num).replace("\ufffd", "").strip()
    num = re.sub(r"\s+", "", num)
    sec = re.search(r"第\s*(\d+)\s*節", unicodedata.normalize("NFKC", section or ""))
    return f"第{sec.group(1)}節 {num}" if sec else num


def _when(date: str, fiscal_year: str) -> str:
    return date if date else (f"FY{fiscal_year}" if fiscal_year else "")


# --- the gold side ---

@dataclass(frozen=True)
class GoldFact:
    kind: str
    key: tuple
    line: int
    data: dict = field(compare=False, hash=False)


def gold_key(d: dict) -> tuple:
    """The key tuple of one gold object (see the module docstring)."""
    kind = d["kind"]
    if kind == "event":
        parts = frozenset((p["entity"], p["role"]) for p in d["participants"])
        return (d["type"], _when(d.get("date", ""), d.get("fiscal_year", "")), parts)
    if kind == "post_holding":
        return (d["person"], d["post"], d["date"])
    if kind == "membership":
        return (d["member"], d["organization"])
    if kind == "budget":
        return (d["measure"], str(d["fiscal_year"]), d["budget_kind"], number(d["value_jpy"]), bool(d["portion_of"]))
    if kind == "observation":
        if d.get("period_start_fy"):
            when = f"FY{d['period_start_fy']}/FY{d['period_end_fy']}"
        else:
            when = _when(d.get("date", "")[:4], d.get("fiscal_year", ""))
        return (d["indicator"], number(d["value"]), UNITS[d["unit"]], when)
    if kind == "target":
        return (d["indicator"], number(d["value"]), UNITS[d["unit"]], str(d["target_year"]), d["comparator"])
    if kind == "supply_share":
        return (d["resource"], tuple(sorted(d["suppliers"])), number(d["value"]))
    if kind == "document":
        return (d.get("date", ""), d.get("publisher", ""), d.get("title", ""))
    if kind == "clause":
        return (d["predicate"], frozenset(a.get("entity", "") for a in d["arguments"]))
    if kind == "quantity":
        return (number(d["value"]), str(d["unit"]), d.get("about", ""))
    return symmetric_key(d["subject"], d["predicate"], d["object"])


@lru_cache(maxsize=1)
def symmetric_predicates() -> frozenset[str]:
    """The rd: properties the ontology declares owl:SymmetricProperty (cooperatesWith): a relation
    between A and B is the same fact whichever is written first."""
    rd, owl = "https://w3id.org/resdip/ontology#", "http://www.w3.org/2002/07/owl#"
    store = ox.Store()
    store.bulk_load(path=str(paths.ONTOLOGY), format=ox.RdfFormat.TURTLE)
    kind = ox.NamedNode(owl + "SymmetricProperty")
    return frozenset(q.subject.value[len(rd):] for q in store.quads_for_pattern(None, ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), kind, None) if q.subject.value.startswith(rd))


def symmetric_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """(subject, predicate, object), the two ends in sorted order for a symmetric predicate."""
    if predicate in symmetric_predicates() and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


def _check(d: Any, where: str) -> None:
    if not isinstance(d, dict):
        raise DataFileError(f"{where}: not a JSON object")
    kind = d.get("kind")
    if kind not in KINDS + LINK_KINDS:
        raise DataFileError(f"{where}: 'kind' must be one of {', '.join(KINDS + LINK_KINDS)} (got {kind!r})")
    for name in ("sentence", *REQUIRED[kind]):
        if name not in d:
            raise DataFileError(f"{where}: {kind} without {name!r}")
    if not isinstance(d["sentence"], str) or not d["sentence"]:
        raise DataFileError(f"{where}: 'sentence' must be a non-empty string")
    if kind == "event":
        if d["type"] not in EVENT_TYPES:
            raise DataFileError(f"{where}: unknown event type {d['type']!r}")
        if not d.get("date") and not d.get("fiscal_year"):
            raise DataFileError(f"{where}: event without 'date' or 'fiscal_year'")
        for p in d["participants"]:
            if not isinstance(p, dict) or p.get("role") not in ROLES or not p.get("entity"):
                raise DataFileError(f"{where}: bad participant {p!r} (entity and a role of {', '.join(ROLES)})")
    if kind == "budget" and d["budget_kind"] not in BUDGET_KINDS:
        raise DataFileError(f"{where}: unknown budget_kind {d['budget_kind']!r}")
    if kind == "target" and d["comparator"] not in COMPARATORS:
        raise DataFileError(f"{where}: unknown comparator {d['comparator']!r}")
    if kind == "relation" and d["predicate"] not in PREDICATES:
        raise DataFileError(f"{where}: unknown predicate {d['predicate']!r}")
    if kind in ("observation", "target") and d["unit"] not in UNITS:
        raise DataFileError(f"{where}: unknown unit {d['unit']!r}")
    if kind == "clause" and (not isinstance(d["arguments"], list)
                             or not all(isinstance(a, dict) and a.get("entity") for a in d["arguments"])):
        raise DataFileError(f"{where}: clause 'arguments' must be a list of {{entity, case}} objects")


def load_gold(path: Path, text: str | None = None) -> list[GoldFact]:
    """Read and check a gold file; with ``text`` (the raw document), every quote must occur in it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputFileError(f"gold file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"gold file {path}: cannot read ({exc})") from None
    joined = join_text(text) if text is not None else None
    facts = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{where}: not valid JSON ({exc.msg})") from None
        _check(d, where)
        if joined is not None:
            for quote in [d["sentence"], *d.get("also", [])]:
                if quote not in joined:
                    raise DataFileError(f"{where}: sentence not found in the document text: {quote[:60]}")
        try:
            key = gold_key(d)
        except (ValueError, KeyError, TypeError) as exc:
            raise DataFileError(f"{where}: {exc}") from None
        facts.append(GoldFact(d["kind"], key, n, d))
    return facts


def gold_labels(gold: Iterable[GoldFact]) -> tuple[set[str], dict[str, str]]:
    """Entity names the gold uses (``label:…`` and ids), and quantity phrases → indicator ids."""
    names: set[str] = set()
    quantities: dict[str, str] = {}
    for fact in gold:
        for value in _entities(fact.data):
            names.add(value)
        if fact.kind == "observation" and fact.data.get("quantity_ja"):
            quantities[unicodedata.normalize("NFKC", fact.data["quantity_ja"])] = fact.data["indicator"]
    return names, quantities


def _entities(d: dict) -> list[str]:
    out = [p["entity"] for p in d.get("participants", []) + d.get("arguments", [])]
    out += [d[k] for k in ("person", "post", "member", "organization", "subject", "object", "resource",
                           "indicator", "about", "publisher") if isinstance(d.get(k), str) and d.get(k)]
    return out + list(d.get("suppliers", []))


# --- the extracted side ---

def load_dataset(graph_dir: Path | str = paths.GRAPH_DIR) -> ox.Store:
    path = Path(graph_dir) / DATASET_FILE
    if not path.is_file():
        raise InputFileError(f"{path} not found: run python build_graph.py first")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    except SyntaxError as exc:
        raise DataFileError(f"{path}: {exc}") from None
    return store


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    from ..registry import load_registry

    return tuple(sorted({name for e in load_registry().entities.values() if e.cls == "Country"
                         for name in (e.label_ja, *e.aliases_ja) if name}))


class _Reader:
    """Turns the fact nodes of one document graph into key tuples."""

    def __init__(self, store: ox.Store, doc_id: str, gold: list[GoldFact]):
        self.store = store
        self.graph = ox.NamedNode(DOC_GRAPH + doc_id)
        if self.graph not in set(store.named_graphs()):
            raise InputFileError(f"the dataset has no graph for document {doc_id!r}: build it first")
        self.names, self.quantities = gold_labels(gold)
        # a gold name "label:A|B" accepts an entity labelled A or B (labels NFKC-normalised)
        self._aliases = {unicodedata.normalize("NFKC", alt).strip(): n
                         for n in sorted(self.names, reverse=True) if n.startswith("label:") for alt in n[6:].split("|")}
        # a meeting named with its occurrence (第2回…, …2018) is the series the graph names
        pat = load_patterns("recognise")  # the patterns the recogniser leaves out of a series' name
        occurrence = re.compile(f"^{pat['quoted_name_ordinal']}|{pat['quoted_name_year']}")
        for alt, name in list(self._aliases.items()):
            self._aliases.setdefault(occurrence.sub("", alt), name)
        # a foreign post may be labelled with or without its country (tests/gold/README.md)
        posts = {f.data["post"] for f in gold if f.data.get("post", "").startswith("label:")}
        countries = _country_names()
        for name in sorted(posts):
            for alt in name[6:].split("|"):
                for country in countries:
                    self._aliases.setdefault(unicodedata.normalize("NFKC", country + alt).strip(), name)
        self._hashes = {hashlib.sha1(alt.encode("utf-8")).hexdigest()[:10]: n for alt, n in self._aliases.items()}

    def objects(self, s: ox.NamedNode | ox.BlankNode, p: str) -> list[Any]:
        """Objects of (s, p) in the document graph, else in any graph."""
        pred = ox.NamedNode(p)
        found = [q.object for q in self.store.quads_for_pattern(s, pred, None, self.graph)]
        return found or sorted({q.object for q in self.store.quads_for_pattern(s, pred, None)}, key=str)

    def one(self, s: Any, p: str) -> str:
        values = self.objects(s, p)
        return values[0].value if values else ""

    def subjects(self, cls: str) -> list[Any]:
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        return sorted({q.subject for q in self.store.quads_for_pattern(None, rdf_type, ox.NamedNode(RD + cls),
                                                                       self.graph)}, key=str)

    def types(self, s: Any) -> set[str]:
        return {o.value[len(RD):] for o in self.objects(s, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
                if o.value.startswith(RD)}

    def entity(self, node: Any) -> str:
        """An entity as the gold names it: registry id, or ``label:…`` for a text-only entity."""
        iri = node.value
        local = iri[len(RDI):] if iri.startswith(RDI) else iri
        if local in self.names:
            return local
        match = re.match(r"candidate-[a-z]+-([0-9a-f]{10})$", local)
        if match and match.group(1) in self._hashes:
            return self._hashes[match.group(1)]
        if not (local.startswith("candidate-") or self.one(node, RD + "reviewed") == "false"):
            return local  # a registry entity is named by its id, never by a label it shares
        for p in ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
                  "http://www.w3.org/2004/02/skos/core#altLabel"):
            for label in self.objects(node, p):
                canonical = self._aliases.get(unicodedata.normalize("NFKC", label.value).strip())
                if canonical:
                    return canonical
        return local

    def rd(self, node: Any) -> str:
        return node.value[len(RD):] if node.value.startswith(RD) else node.value

    # one method per kind
    def event(self, s: Any) -> tuple:
        types = [t for t in EVENT_TYPES if t in self.types(s)]
        date = self.one(s, "https://schema.org/startDate")
        fiscal = self.one(s, RD + "fiscalYear")[:4]
        parts = set()
        for p in self.objects(s, RD + "hasParticipation"):
            if self.one(p, RD + "implicit") == "true":
                continue  # supplied for an elided subject: the gold names only what the text names
            who, role = self.objects(p, RD + "participant"), self.objects(p, RD + "role")
            if who and role:
                parts.add((self.entity(who[0]), self.rd(role[0])))
        return (types[0] if types else "Event", _when(date, fiscal), frozenset(parts))

    def post_holding(self, s: Any) -> tuple:
        person, post = self.objects(s, "http://www.w3.org/ns/org#member"), self.objects(s, RD + "post")
        return (self.entity(person[0]) if person else "", self.entity(post[0]) if post else "",
                self.one(s, RD + "attestedOn"))

    def membership(self, s: Any) -> tuple:
        member = self.objects(s, "http://www.w3.org/ns/org#member")
        org = self.objects(s, "http://www.w3.org/ns/org#organization")
        return (self.entity(member[0]) if member else "", self.entity(org[0]) if org else "")

    def budget(self, s: Any) -> tuple:
        measure = self.objects(s, RD + "forMeasure")
        num = self.one(measure[0], RD + "measureNumber") if measure else ""
        sections = self._section_labels(measure[0] if measure else None, s)
        key = measure_key(next((x for x in sections if re.search(r"第\s*\d+\s*節", x)), ""), num)
        return (key, self.one(s, RD + "fiscalYear")[:4], self.rd(self.objects(s, RD + "budgetKind")[0])
                if self.objects(s, RD + "budgetKind") else "", number(self.one(s, "https://schema.org/value") or 0),
                self.one(s, RD + "isPortionOf") == "true")

    def _section_labels(self, measure: Any, fact: Any) -> list[str]:
        """Labels and paths of the sections above a measure (or above the sentences of a fact)."""
        start = self.objects(measure, RD + "inSection") if measure is not None else []
        for sentence in self.objects(fact, "http://www.w3.org/ns/prov#wasDerivedFrom"):
            start += self.objects(sentence, RD + "inSection")
        out, seen, todo = [], set(), list(start)
        while todo:
            node = todo.pop(0)
            if node in seen or not isinstance(node, ox.NamedNode):
                continue
            seen.add(node)
            out += [self.one(node, RD + "sectionPath"), self.one(node, "http://www.w3.org/2000/01/rdf-schema#label")]
            todo += self.objects(node, "http://purl.org/dc/terms/isPartOf")
        return [x for x in out if x]

    def _unit(self, s: Any) -> str:
        text = self.one(s, "https://schema.org/unitText") or self.one(s, "https://schema.org/unitCode")
        return UNITS.get(text, text)

    def observation(self, s: Any) -> tuple:
        indicator = self.objects(s, RD + "indicator")
        what = self.entity(indicator[0]) if indicator else self._quantity(self.one(s, RD + "measuredQuantity"))
        start, end = self.one(s, RD + "periodStart"), self.one(s, RD + "periodEnd")
        fiscal = self.one(s, RD + "fiscalYear")[:4]
        if start and end:
            f = "FY" if fiscal else ""
            when = f"{f}{start[:4]}/{f}{end[:4]}"
        else:
            when = _when(self.one(s, RD + "referenceYear")[:4], fiscal)
        return (what, number(self.one(s, "https://schema.org/value") or 0), self._unit(s), when)

    def _quantity(self, text: str) -> str:
        norm = unicodedata.normalize("NFKC", text)
        for phrase, indicator in sorted(self.quantities.items(), key=lambda kv: -len(kv[0])):
            if norm and (phrase in norm or norm in phrase):
                return indicator
        return "text:" + norm

    def target(self, s: Any) -> tuple:
        indicator = self.objects(s, RD + "indicator")
        comparator = self.objects(s, RD + "comparator")
        what = self.entity(indicator[0]) if indicator else self._quantity(self.one(s, RD + "measuredQuantity"))
        return (what, number(self.one(s, "https://schema.org/value") or 0),
                self._unit(s), self.one(s, RD + "targetYear")[:4], self.rd(comparator[0]) if comparator else "")

    def supply_share(self, s: Any) -> tuple:
        resource = self.objects(s, RD + "resource")
        return (self.entity(resource[0]) if resource else "",
                tuple(sorted(self.entity(o) for o in self.objects(s, RD + "supplier"))),
                number(self.one(s, "https://schema.org/value") or 0))

    def relation(self, s: Any) -> tuple:
        rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        subj, pred, obj = (self.objects(s, rdf + x) for x in ("subject", "predicate", "object"))
        return symmetric_key(self.entity(subj[0]) if subj else "", self.rd(pred[0]) if pred else "",
                             self.entity(obj[0]) if obj else "")


#: the class whose instances are read as each kind (an instance of a later class is not read twice)
_CLASSES = {"event": "Event", "post_holding": "PostHolding", "membership": "Membership", "budget": "BudgetLine",
            "target": "Target", "supply_share": "SupplyShare", "observation": "Observation", "relation": "Assertion"}


def read_extracted(store: ox.Store, doc_id: str, gold: list[GoldFact]) -> dict[str, list[tuple]]:
    """Key tuples of every fact of the document graph, by kind."""
    reader = _Reader(store, doc_id, gold)
    out: dict[str, list[tuple]] = {kind: [] for kind in KINDS}
    for kind, cls in _CLASSES.items():
        for node in reader.subjects(cls):
            types = reader.types(node)
            if kind == "membership" and "PostHolding" in types:
                continue
            if kind == "observation" and types & {"Target", "SupplyShare"}:
                continue
            key = getattr(reader, kind)(node)
            if kind == "relation" and key[1] not in PREDICATES:
                continue  # a predicate the gold scheme has no key for (schema:location of a project)
            out[kind].append(key)
    return out


# --- scoring ---

@dataclass
class Score:
    gold: int
    extracted: int
    matched: int
    missed: list[tuple] = field(default_factory=list)
    spurious: list[tuple] = field(default_factory=list)
    measures: str = "both"  # "recall" (links, quantities) or "precision" (generic actions) only

    @property
    def precision(self) -> float:
        if self.measures == "recall":
            return 1.0
        return self.matched / self.extracted if self.extracted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        if self.measures == "precision":
            return 1.0
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(gold_keys: list[tuple], extracted_keys: list[tuple]) -> Score:
    """One-to-one matching of two multisets of keys."""
    g, e = Counter(gold_keys), Counter(extracted_keys)
    both = g & e
    return Score(sum(g.values()), sum(e.values()), sum(both.values()),
                 sorted((g - both).elements(), key=repr), sorted((e - both).elements(), key=repr))


def score(gold: list[GoldFact], extracted: dict[str, list[tuple]]) -> dict[str, Score]:
    """Scores by kind, ``events (type+date)`` (the loose view) and ``overall`` (micro-averaged, strict)."""
    result: dict[str, Score] = {}
    for kind in KINDS:
        gold_keys = [f.key for f in gold if f.kind == kind]
        if gold_keys or extracted.get(kind):
            result[kind] = compare(gold_keys, extracted.get(kind, []))
    loose = compare([f.key[:2] for f in gold if f.kind == "event"], [k[:2] for k in extracted.get("event", [])])
    total = Score(sum(s.gold for s in result.values()), sum(s.extracted for s in result.values()),
                  sum(s.matched for s in result.values()))
    if loose.gold or loose.extracted:
        result["events (type+date)"] = loose
    result["overall"] = total
    return result


def summed(results: Iterable[dict[str, Score]]) -> dict[str, Score]:
    """Scores of several documents added up kind by kind (micro-averages)."""
    out: dict[str, Score] = {}
    for scores in results:
        for kind, score in scores.items():
            into = out.setdefault(kind, Score(0, 0, 0, measures=score.measures))
            into.gold += score.gold
            into.extracted += score.extracted
            into.matched += score.matched
    return {kind: out[kind] for kind in sorted(out, key=lambda k: (k == "overall", k not in KINDS, k))}


def evaluate(gold_path: Path, graph_dir: Path = paths.GRAPH_DIR, text_path: Path | None = None,
             doc_id: str | None = None, store: ox.Store | None = None) -> dict[str, Score]:
    """Load the gold (checking its quotes against the document) and the dataset, and score."""
    doc_id = doc_id or Path(gold_path).stem
    text_path = text_path or source_text_path(doc_id)
    try:
        text = Path(text_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"document text {text_path}: cannot read ({exc})") from None
    gold = load_gold(gold_path, text)
    store = store if store is not None else load_dataset(graph_dir)
    doc_id = resolve_doc_id(store, doc_id)
    scores = score(gold, read_extracted(store, doc_id, gold))
    scores.update(score_genre(_Reader(store, doc_id, gold), gold))
    return scores


def resolve_doc_id(store: ox.Store, doc_id: str) -> str:
    """The document id as built: ``{doc-id}``, or ``{doc-id}-{sha256[:8]}`` for a file given with
    no metadata (its gold file is named after the file's stem)."""
    graphs = sorted(g.value[len(DOC_GRAPH):] for g in store.named_graphs() if g.value.startswith(DOC_GRAPH))
    if doc_id in graphs:
        return doc_id
    stamped = [g for g in graphs if re.fullmatch(re.escape(doc_id) + r"-[0-9a-f]{8}", g)]
    return stamped[0] if len(stamped) == 1 else doc_id


def score_genre(reader: _Reader, gold: list[GoldFact]) -> dict[str, Score]:
    """The header, links between entities, quantities and generic actions (:mod:`.evaluate_links`)."""
    from . import links

    facts = links.read_facts(reader)
    by_kind = {kind: [f.data for f in gold if f.kind == kind] for kind in LINK_KINDS}
    out: dict[str, Score] = {}
    tallies = [("document", links.score_document(reader, by_kind["document"]) if by_kind["document"] else None),
               ("links", links.score_links(facts, by_kind["clause"]) if by_kind["clause"] else None),
               ("quantities", links.score_quantities(facts, by_kind["quantity"], about=False)
                if by_kind["quantity"] else None),
               ("quantities+about", links.score_quantities(facts, by_kind["quantity"], about=True)
                if by_kind["quantity"] else None)]
    for name, tally in tallies:
        if tally is not None:
            out[name] = Score(tally.gold, 0, tally.found, missed=[(m,) for m in tally.missed], measures="recall")
    checked, right, wrong = links.score_actions(facts, by_kind["clause"])
    if checked and by_kind["clause"]:
        out["actions (participants)"] = Score(0, checked, right, spurious=[(w,) for w in wrong], measures="precision")
    return out


def source_text_path(doc_id: str) -> Path:
    """The text of a document: ``sources/sources.json`` first, then ``tests/docs/{doc-id}.json``."""
    try:
        entries = json.loads(paths.SOURCES_METADATA.read_text(encoding="utf-8")).get("documents", [])
    except (OSError, ValueError):
        entries = []
    for entry in entries:
        if isinstance(entry, dict) and entry.get("id") == doc_id:
            return paths.SOURCES_DIR / entry["file"]
    meta = paths.ROOT / "tests" / "docs" / f"{doc_id}.json"
    if meta.is_file():
        return meta.parent / json.loads(meta.read_text(encoding="utf-8"))["file"]
    bare = paths.ROOT / "tests" / "docs" / f"{doc_id}.txt"
    if bare.is_file():
        return bare
    raise InputFileError(f"no source text known for document {doc_id!r}: give --source FILE")


# --- rendering ---

def to_markdown(scores: dict[str, Score], title: str = "") -> str:
    rows = [f"### {title}\n" if title else "",
            "| kind | gold | extracted | matched | precision | recall | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, s in scores.items():
        name = f"**{kind}**" if kind == "overall" else kind
        if s.measures == "recall":
            rows.append(f"| {name} | {s.gold} | – | {s.matched} | – | {s.recall:.3f} | – |")
        elif s.measures == "precision":
            rows.append(f"| {name} | – | {s.extracted} | {s.matched} | {s.precision:.3f} | – | – |")
        else:
            rows.append(f"| {name} | {s.gold} | {s.extracted} | {s.matched} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    return "\n".join(r for r in rows if r) + "\n"


def errors_markdown(scores: dict[str, Score]) -> str:
    """Missed (in the gold, not extracted) and spurious (extracted, not in the gold) keys."""
    out = []
    for kind, s in scores.items():
        if kind == "overall":
            continue
        for label, keys in (("missed", s.missed), ("spurious", s.spurious)):
            out += [f"- {kind} {label}: {_show(k)}" for k in keys]
    return "\n".join(out) + ("\n" if out else "")


def _show(key: tuple) -> str:
    parts = ["{" + ", ".join(f"{a}/{b}" for a, b in sorted(k)) + "}" if isinstance(k, frozenset) else str(k)
             for k in key]
    return "(" + ", ".join(parts) + ")"


def to_json(scores: dict[str, Score]) -> dict[str, Any]:
    return {kind: {"gold": s.gold, "extracted": s.extracted, "matched": s.matched,
                   "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                   "missed": [_show(k) for k in s.missed], "spurious": [_show(k) for k in s.spurious]}
            for kind, s in scores.items()}
