"""The networkx projection of the dataset (docs/MODEL.md, "The networkx projection").

``project(dataset)`` turns the RDF dataset into a ``networkx.MultiDiGraph`` whose nodes are the
entities (``rdi:`` IRIs) and whose edges are the shortcut relations between entities and the
links an event makes between its participants. Fact nodes (events, memberships, budget lines,
observations…) are not nodes: they are named by each edge's ``fact`` attribute.
``quotes(dataset)`` gives, for each entity, the sentences that mention it or that state a fact
about it (the first ``QUOTE_LIMIT`` in document order, and how many there are).

The dataset is anything :func:`index` reads: the path of an N-Quads (``.nq``) or TriG file
(read as a stream, keeping only what is needed: :mod:`resdip.views.quadindex`), a ``pyoxigraph.Store``,
a list of pyoxigraph Quads or an rdflib ``Dataset``; every function reads the union of the
named graphs. A caller that needs several of them passes ``index(dataset)`` instead, so the
dataset is read once.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import networkx as nx
import pyoxigraph as ox

from ..rdf import oxquads
from ..errors import DataFileError, InputFileError
from .gcpause import without_gc
from .netutil import ordered_subgraph
from .quadindex import (OWL, PROV, RD, RDF, RDFS, RDI, SCHEMA, SKOS, SUBCLASS, TYPE, QuadIndex, Term,
                        file_format, local_name, read_file, read_quads)
from .quoting import QUOTE_LIMIT, Quoter

ORG = "http://www.w3.org/ns/org#"
WIKIDATA = "http://www.wikidata.org/entity/"

DATASET_FILE = "dataset.trig"

# Subclass links the model fixes (MODEL.md), used when the dataset lacks the ontology graph.
_BUILTIN_SUPER = {
    **{name: "Event" for name in (
        "Visit", "Meeting", "Exhibition", "Signing", "AgreementReached", "OpinionExchange",
        "GroundBreaking", "CabinetDecision", "Publication", "Revision", "Certification",
        "Establishment", "Test", "Survey", "Announcement")},
    "MinisterialMeeting": "Meeting", "Dialogue": "Meeting",
    **{name: "Fact" for name in (
        "Event", "PostHolding", "Membership", "BudgetLine", "Observation", "Target", "Assertion")},
    "SupplyShare": "Observation", "Chokepoint": "Place",
    "MemorandumOfUnderstanding": "Agreement", "ExplorationContract": "Agreement",
    **{name: "PolicyDocument" for name in ("Plan", "Policy", "Law", "Agreement")},
}
# Inverse predicates folded into one direction, so a relation told both ways is one edge.
_INVERSES = {ORG + "memberOf": ORG + "hasMember", ORG + "hasPost": ORG + "postIn",
             ORG + "heldBy": ORG + "holds"}
# Predicates between two entities that are not relations of the network; rd:visited is
# derived from rd:Visit events, which make their own edges.
# Where an organisation sits or whose national a person is (schema:location, schema:nationality on
# entities) is reference data, not a tie of diplomacy: as edges it would make every body of a
# country a neighbour of that country and the country a hub of everything.
_NOT_RELATIONS = {TYPE, OWL + "sameAs", OWL + "differentFrom", RDFS + "seeAlso",
                  PROV + "wasDerivedFrom", SKOS + "exactMatch", SKOS + "closeMatch", RD + "visited",
                  SCHEMA + "location", SCHEMA + "nationality"}
# Event roles: actors reach out to counterparts; without counterparts actors link pairwise.
_COUNTERPART_ROLES = {"Host", "Counterpart"}
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

Dataset = Union[QuadIndex, ox.Store, Path, str, Any]


def load_dataset(path: Path | str) -> ox.Store:
    """Read a TriG (or N-Quads) file into an in-memory pyoxigraph store."""
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file (build the graph first: resdip build)")
    store = ox.Store()
    try:
        store.load(path=str(path), format=file_format(path))
    except (SyntaxError, ValueError) as exc:
        raise DataFileError(f"{path}: not valid RDF: {str(exc).splitlines()[0]}") from exc
    return store


def load_projection(graph_dir: Path | str) -> tuple[QuadIndex, nx.MultiDiGraph]:
    """Read ``<graph_dir>/dataset.trig`` and project it (for the commands): the index, which
    every function here accepts, and the network."""
    ix = index(Path(graph_dir) / DATASET_FILE)
    return ix, project(ix)


@without_gc
def index(dataset: Dataset) -> QuadIndex:
    """The dataset read into the index every function here works from (made once, reused).

    ``dataset``: a :class:`~resdip.views.quadindex.QuadIndex` (returned as is); the path of an
    N-Quads (``.nq``) or TriG file, read as a stream; a ``pyoxigraph.Store``; a list of
    pyoxigraph Quads; an rdflib ``Dataset`` or ``Graph``.
    """
    if isinstance(dataset, QuadIndex):
        ix = dataset
    elif isinstance(dataset, (str, Path)):
        ix = read_file(dataset)
    elif isinstance(dataset, ox.Store):
        ix = read_quads(dataset.quads_for_pattern(None, None, None, None))
    elif isinstance(dataset, list):  # pyoxigraph Quads
        ix = read_quads(dataset)
    elif hasattr(dataset, "quads"):  # rdflib Dataset
        ix = read_quads(oxquads.quads(dataset))
    elif hasattr(dataset, "serialize"):  # rdflib Graph
        data = dataset.serialize(format="nt", encoding="utf-8")
        ix = read_quads(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    else:
        raise TypeError(f"not a dataset: {type(dataset).__name__}")
    if not ix.supers:  # the class hierarchy, once
        ix.supers = _superclasses(ix)
    return ix


def _superclasses(ix: QuadIndex) -> dict[str, set[str]]:
    direct: dict[str, set[str]] = defaultdict(set)
    for sub, sup in _BUILTIN_SUPER.items():
        direct[RD + sub].add(RD + sup)
    for s, props in ix.out.items():
        for o in props.get(SUBCLASS, []):
            if isinstance(o, str):
                direct[s].add(o)
    closure: dict[str, set[str]] = {}

    def walk(cls: str, trail: frozenset[str]) -> set[str]:
        if cls in closure:
            return closure[cls]
        found: set[str] = set()
        for sup in direct.get(cls, ()):
            if sup not in trail:
                found |= {sup} | walk(sup, trail | {sup})
        closure[cls] = found
        return found

    for cls in list(direct):
        walk(cls, frozenset({cls}))
    return closure


def _most_specific(ix: QuadIndex, s: str) -> str:
    """Local name of the deepest rd: class of ``s`` (ties broken by name)."""
    own = [t for t in ix.types(s) if t.startswith(RD)]
    if not own:
        return "Entity"
    best = min(own, key=lambda t: (-len(ix.supers.get(t, ())), t))
    return local_name(best)


def _label(ix: QuadIndex, s: str, lang: str) -> str:
    for p in (SKOS + "prefLabel", RDFS + "label"):
        registry = sorted(ix.registry_labels.get((s, p, lang), []))
        if registry:
            return registry[0]
        values = ix.lits(s, p, lang)
        if values:
            return values[0]
    if lang == "en":
        machine = ix.lits(s, RD + "machineLabel", "en")
        if machine:
            return machine[0]
    return ""


def _is_entity(iri: Term) -> bool:
    return isinstance(iri, str) and iri.startswith(RDI)


# --- dates -----------------------------------------------------------------------------

def _period(lexical: str) -> tuple[str, str, int]:
    """(first day, last day, year) of an xsd:date, gYearMonth or gYear lexical value."""
    m = _DATE_RE.match(lexical)
    if not m:
        return "", "", 0
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        iso = f"{year:04d}-{month}-{day}"
        return iso, iso, year
    if month:
        last = calendar.monthrange(year, int(month))[1]
        return f"{year:04d}-{month}-01", f"{year:04d}-{month}-{last:02d}", year
    return f"{year:04d}-01-01", f"{year:04d}-12-31", year


@dataclass(frozen=True)
class When:
    date: str = ""
    year: int = 0
    start: str = ""
    end: str = ""


def _when(ix: QuadIndex, fact: str, depth: int = 0) -> When:
    """When a fact happened: its own dates, else those of the event it happened at."""
    start_lex = (ix.lits(fact, SCHEMA + "startDate") or [""])[0]
    end_lex = (ix.lits(fact, SCHEMA + "endDate") or [""])[0]
    attested = (ix.lits(fact, RD + "attestedOn") or [""])[0]
    fiscal = (ix.lits(fact, RD + "fiscalYear") or ix.lits(fact, RD + "referenceYear") or [""])[0]
    open_ended = ix.is_a(fact, ORG + "Membership") and not attested
    if start_lex:
        start, first_end, year = _period(start_lex)
        end = _period(end_lex)[1] if end_lex else ("" if open_ended else first_end)
        return When(start_lex, year, start, end)
    if attested:
        start, end, year = _period(attested)
        return When(attested, year, start, end)
    if fiscal and _DATE_RE.match(fiscal):
        year = int(fiscal[:4])
        last = (ix.lits(fact, RD + "fiscalYearEnd") or [fiscal])[0]
        last_year = int(last[:4]) if _DATE_RE.match(last) else year
        return When("", year, f"{year:04d}-04-01", f"{last_year + 1:04d}-03-31")
    parents = ix.iris(fact, RD + "atEvent")
    if parents and depth < 5:
        return _when(ix, parents[0], depth + 1)
    return When()


# --- the projection --------------------------------------------------------------------

@dataclass(frozen=True)
class _Edge:
    u: str
    v: str
    kind: str
    fact: str
    label_ja: str
    label_en: str


def _entities(ix: QuadIndex) -> list[str]:
    found = {s for s in ix.out if _is_entity(s) and ix.types(s)}
    return sorted(found)


def _facts(ix: QuadIndex) -> list[str]:
    if "facts" not in ix.cache:
        ix.cache["facts"] = sorted(s for s in ix.out if not _is_entity(s) and ix.is_a(s, RD + "Fact"))
    return ix.cache["facts"]


def _predicate_labels(ix: QuadIndex, pred: str) -> tuple[str, str]:
    kind = local_name(pred)
    en = _label(ix, pred, "en") or re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()
    return _label(ix, pred, "ja"), en


def _shortcut_edges(ix: QuadIndex, nodes: set[str]) -> list[_Edge]:
    """Relations between two entities, each tied to the facts (if any) that state it."""
    by_triple: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s in nodes:
        for p, objects in ix.out[s].items():
            if p in _NOT_RELATIONS:
                continue
            for o in objects:
                if isinstance(o, str) and o in nodes and o != s:
                    if p in _INVERSES:
                        by_triple[(o, _INVERSES[p], s)]
                    else:
                        by_triple[(s, p, o)]
    for fact in _facts(ix):
        triples: list[tuple[str, str, str]] = []
        if ix.is_a(fact, RD + "Assertion") or ix.is_a(fact, RDF + "Statement"):
            for s in ix.iris(fact, RDF + "subject"):
                for p in ix.iris(fact, RDF + "predicate"):
                    for o in ix.iris(fact, RDF + "object"):
                        triples.append((s, p, o))
        if ix.is_a(fact, RD + "PostHolding"):
            triples += [(m, ORG + "holds", post) for m in ix.iris(fact, ORG + "member")
                        for post in ix.iris(fact, RD + "post")]
        elif ix.is_a(fact, ORG + "Membership"):
            triples += [(group, ORG + "hasMember", m) for m in ix.iris(fact, ORG + "member")
                        for group in ix.iris(fact, ORG + "organization")]
        if ix.is_a(fact, RD + "SupplyShare"):
            triples += [(who, RD + "supplies", what) for who in ix.iris(fact, RD + "supplier")
                        for what in ix.iris(fact, RD + "resource")]
        for s, p, o in triples:
            if p in _INVERSES:
                s, p, o = o, _INVERSES[p], s
            if s in nodes and o in nodes and s != o:
                by_triple[(s, p, o)].add(fact)
    edges = []
    for (s, p, o), facts in by_triple.items():
        ja, en = _predicate_labels(ix, p)
        for fact in sorted(facts) or [""]:
            edges.append(_Edge(s, o, local_name(p), fact, ja, en))
    return edges


def _participants(ix: QuadIndex, event: str) -> dict[str, set[str]]:
    """Participant entity -> its roles (local names) in the event."""
    roles: dict[str, set[str]] = defaultdict(set)
    for part in ix.iris(event, RD + "hasParticipation"):
        for who in ix.iris(part, RD + "participant"):
            if _is_entity(who):
                roles[who].update(local_name(r) for r in ix.iris(part, RD + "role"))
    for who in ix.iris(event, RD + "participant"):
        if _is_entity(who):
            roles[who]
    for who, found in roles.items():
        if not found:
            found.add("Participant")
    return roles


def _inherited(ix: QuadIndex, event: str, prop: str) -> list[str]:
    """Objects of ``prop`` on the event, else on the event it happened at."""
    seen: set[str] = set()
    while event and event not in seen:
        seen.add(event)
        found = [o for o in ix.iris(event, prop) if _is_entity(o)]
        if found:
            return found
        event = (ix.iris(event, RD + "atEvent") or [""])[0]
    return []


def _event_edges(ix: QuadIndex, nodes: set[str]) -> list[_Edge]:
    edges: list[_Edge] = []
    for event in _facts(ix):
        if not ix.is_a(event, RD + "Event"):
            continue
        kind = _most_specific(ix, event)
        cls = RD + kind
        ja = _label(ix, event, "ja") or (ix.lits(event, SCHEMA + "name", "ja") or [_label(ix, cls, "ja")])[0]
        en = _label(ix, event, "en") or (ix.lits(event, SCHEMA + "name", "en") or [_label(ix, cls, "en") or kind])[0]
        roles = {who: r for who, r in _participants(ix, event).items() if who in nodes}
        counterparts = sorted(w for w, r in roles.items() if r & _COUNTERPART_ROLES)
        actors = sorted(w for w in roles if w not in counterparts)
        pairs: list[tuple[str, str]] = [(a, c) for a in actors for c in counterparts]
        if not counterparts:
            pairs += [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
        targets = (_inherited(ix, event, SCHEMA + "location") + _inherited(ix, event, RD + "inSeries")
                   + [o for o in ix.iris(event, RD + "about") if _is_entity(o)])
        pairs += [(who, t) for who in sorted(roles) for t in targets if t in nodes]
        for u, v in pairs:
            if u != v:
                edges.append(_Edge(u, v, kind, event, ja, en))
    return edges


def _facts_about(ix: QuadIndex) -> dict[str, set[str]]:
    """Entity -> the facts that name it (directly or through a participation)."""
    if "about" in ix.cache:
        return ix.cache["about"]
    about: dict[str, set[str]] = defaultdict(set)
    for fact in _facts(ix):
        linked = [o for p, objs in ix.out[fact].items() if p != TYPE for o in objs]
        for part in ix.iris(fact, RD + "hasParticipation"):
            linked += ix.iris(part, RD + "participant")
        for o in linked:
            if _is_entity(o):
                about[o].add(fact)  # type: ignore[index]
    ix.cache["about"] = about
    return about


def _node_attrs(ix: QuadIndex, node: str, years: set[int], mentions: int) -> dict[str, Any]:
    wikidata = [o[len(WIKIDATA):] for o in ix.iris(node, OWL + "sameAs") if o.startswith(WIKIDATA)]
    label_en = _label(ix, node, "en")
    return {
        "iri": node,
        "cls": _most_specific(ix, node),
        "label_ja": _label(ix, node, "ja"),
        "label_en": label_en,
        "label_en_machine": bool(label_en) and label_en in ix.lits(node, RD + "machineLabel", "en"),
        "reviewed": any(v in ("true", "1") for v in ix.lits(node, RD + "reviewed")),
        "wikidata": wikidata[0] if wikidata else "",
        "iso": (ix.lits(node, RD + "isoCode") or [""])[0],
        "years": ",".join(str(y) for y in sorted(y for y in years if y)),
        "mentions": mentions,
    }


@without_gc
def project(dataset: Dataset) -> nx.MultiDiGraph:
    """The entity network of the dataset, per docs/MODEL.md (deterministic order)."""
    ix = index(dataset)
    entities = _entities(ix)
    nodes = set(entities)
    edges = sorted(set(_shortcut_edges(ix, nodes) + _event_edges(ix, nodes)),
                   key=lambda e: (e.u, e.v, e.kind, e.fact))
    about = _facts_about(ix)
    when_cache: dict[str, When] = {}

    def when(fact: str) -> When:
        if fact not in when_cache:
            when_cache[fact] = _when(ix, fact) if fact else When()
        return when_cache[fact]

    graph = nx.MultiDiGraph()
    for node in entities:
        years = {when(f).year for f in about.get(node, ())}
        graph.add_node(local_name(node), **_node_attrs(ix, node, years, ix.mention_count.get(node, 0)))
    for e in edges:
        w = when(e.fact)
        fact_id = local_name(e.fact) if e.fact else ""
        graph.add_edge(
            local_name(e.u), local_name(e.v), key=f"{e.kind}|{fact_id}" if fact_id else e.kind,
            kind=e.kind, label_ja=e.label_ja, label_en=e.label_en, date=w.date, year=w.year,
            start=w.start, end=w.end, fact=e.fact, provenance=len(ix.derived_from(e.fact)) if e.fact else 0,
        )
    return _documented(graph)


def _documented(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Keep the entities some document speaks of: introduced by a text (candidates, measures),
    mentioned, or tied by a fact read from a text.

    Registry entries no document mentions (most of the world's countries) stay in the RDF
    for reference but would only clutter the network and its measures.
    """
    told = {n for n, attrs in graph.nodes(data=True) if attrs.get("mentions", 0) > 0 or not attrs.get("reviewed")}
    keep = set(told)
    for u, v, attrs in graph.edges(data=True):
        if attrs.get("fact") or (u in told and not graph.nodes[u].get("reviewed")):
            keep.update((u, v))
    return ordered_subgraph(graph, keep)


# --- quotes ----------------------------------------------------------------------------

class Quotes(dict):
    """Entity local id (or fact IRI) -> its first quotes; ``totals``: how many there are."""

    def __init__(self) -> None:
        super().__init__()
        self.totals: dict[str, int] = {}


def _quoter(ix: QuadIndex) -> Quoter:
    if "quoter" not in ix.cache:
        ix.cache["quoter"] = Quoter(ix)
    return ix.cache["quoter"]


@without_gc
def quotes(dataset: Dataset, limit: int = QUOTE_LIMIT) -> Quotes:
    """Entity local id -> the sentences mentioning it or stating a fact about it.

    Each quote is ``{"doc", "section", "text", "begin", "end", "iri"}``; sorted by document
    and offset; at most ``limit`` per entity, the first in that order (``.totals`` counts them all).
    """
    ix = index(dataset)
    about = _facts_about(ix)
    quoter = _quoter(ix)
    result = Quotes()
    for entity in _entities(ix):
        ids = [ix.mention_sentences.get(entity, ())]
        ids += [ix.derived.get(f, ()) for f in sorted(about.get(entity, ()))]
        key = local_name(entity)
        result[key], result.totals[key] = quoter.first(ids, limit)
    return result


def fact_quotes(dataset: Dataset, limit: int = QUOTE_LIMIT) -> Quotes:
    """Fact IRI -> the sentences it was derived from (same quote shape and limit as ``quotes``)."""
    ix = index(dataset)
    quoter = _quoter(ix)
    result = Quotes()
    for fact in _facts(ix):
        result[fact], result.totals[fact] = quoter.first([ix.derived.get(fact, ())], limit)
    return result


def labels(dataset: Dataset) -> dict[str, list[str]]:
    """Entity local id -> every name it goes by (labels, preferred and alternative labels)."""
    ix = index(dataset)
    props = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", RD + "machineLabel")
    return {local_name(e): sorted({v for p in props for v in ix.lits(e, p)}) for e in _entities(ix)}


def attributions(dataset: Dataset) -> list[str]:
    """The source documents' attributions (``rd:attribution``), each once, sorted."""
    ix = index(dataset)
    return sorted({a for s in ix.out for a in ix.lits(s, RD + "attribution")})
