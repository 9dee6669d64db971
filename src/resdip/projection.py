"""The networkx projection of the dataset (docs/MODEL.md, "The networkx projection").

``project(store)`` turns the RDF dataset into a ``networkx.MultiDiGraph`` whose nodes are the
entities (``rdi:`` IRIs) and whose edges are the shortcut relations between entities and the
links an event makes between its participants. Fact nodes (events, memberships, budget lines,
observations…) are not nodes: they are named by each edge's ``fact`` attribute.
``quotes(store)`` gives, for each entity, the sentences that mention it or that state a fact
about it.

The dataset is a ``pyoxigraph.Store`` (an ``rdflib.Dataset`` or a path to a TriG file is
converted); every query reads the union of the named graphs. Each function reads the whole
store into an index first; a caller that needs several of them passes ``index(store)`` instead
of the store, so the index is made once.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Union

import networkx as nx
import pyoxigraph as ox

from .errors import DataFileError, InputFileError
from . import oxquads
from .netutil import ordered_subgraph

RD = "https://w3id.org/resdip/ontology#"
RDI = "https://w3id.org/resdip/id/"
RDD = "https://w3id.org/resdip/doc/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
WIKIDATA = "http://www.wikidata.org/entity/"
REGISTRY_GRAPH = "https://w3id.org/resdip/graph/registry"

DATASET_FILE = "dataset.trig"
TYPE = RDF + "type"
SUBCLASS = RDFS + "subClassOf"

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

Dataset = Union[ox.Store, Path, str, Any]


@dataclass(frozen=True, order=True)
class Lit:
    """A literal: lexical value, language tag ("" if none) and datatype IRI."""

    value: str
    lang: str = ""
    datatype: str = ""


Term = Union[str, Lit]


def local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``."""
    return re.split(r"[#/]", iri)[-1]


def load_dataset(path: Path | str) -> ox.Store:
    """Read a TriG (or N-Quads) file into an in-memory pyoxigraph store."""
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file (build the graph first: resdip build)")
    fmt = ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TRIG
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise DataFileError(f"{path}: not valid RDF: {str(exc).splitlines()[0]}") from exc
    return store


def load_projection(graph_dir: Path | str) -> tuple[ox.Store, nx.MultiDiGraph]:
    """Read ``<graph_dir>/dataset.trig`` and project it (for the commands)."""
    store = load_dataset(Path(graph_dir) / DATASET_FILE)
    return store, project(store)


def as_store(dataset: Dataset) -> ox.Store:
    """Accept a pyoxigraph Store, a list of pyoxigraph Quads, an rdflib Dataset/Graph or a path; return a Store."""
    if isinstance(dataset, ox.Store):
        return dataset
    if isinstance(dataset, (str, Path)):
        return load_dataset(dataset)
    if isinstance(dataset, list):  # pyoxigraph Quads
        store = ox.Store()
        store.extend(dataset)
        return store
    if hasattr(dataset, "quads"):  # rdflib Dataset
        return oxquads.store(dataset)
    if hasattr(dataset, "serialize"):  # rdflib Graph
        store = ox.Store()
        store.load(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
        return store
    raise TypeError(f"not a dataset: {type(dataset).__name__}")


def index(dataset: Dataset) -> "_Index":
    """The dataset read into the index every function here works from (made once, reused)."""
    if isinstance(dataset, _Index):
        return dataset
    return _Index(as_store(dataset))


def _term(node: Any) -> Term | None:
    if isinstance(node, ox.NamedNode):
        return node.value
    if isinstance(node, ox.BlankNode):
        return "_:" + node.value
    if isinstance(node, ox.Literal):
        return Lit(node.value, node.language or "", node.datatype.value)
    return None


class _Index:
    """All triples of the union graph, indexed by subject and by object."""

    def __init__(self, store: ox.Store) -> None:
        self.out: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.into: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.registry_labels: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        seen: set[tuple[str, str, Term]] = set()
        for quad in store.quads_for_pattern(None, None, None, None):
            s, p, o = _term(quad.subject), quad.predicate.value, _term(quad.object)
            if not isinstance(s, str) or o is None:
                continue
            graph = quad.graph_name
            if isinstance(o, Lit) and isinstance(graph, ox.NamedNode) and graph.value == REGISTRY_GRAPH:
                self.registry_labels[(s, p, o.lang)].append(o.value)
            if (s, p, o) in seen:
                continue
            seen.add((s, p, o))
            self.out[s][p].append(o)
            if isinstance(o, str):
                self.into[o].append((s, p))
        for values in self.out.values():
            for objects in values.values():
                objects.sort(key=lambda t: (isinstance(t, Lit), t if isinstance(t, str) else t.value))
        self.supers = self._superclasses()
        self._facts: list[str] | None = None

    def objs(self, s: str, p: str) -> list[Term]:
        return self.out.get(s, {}).get(p, [])

    def iris(self, s: str, p: str) -> list[str]:
        return [o for o in self.objs(s, p) if isinstance(o, str)]

    def lits(self, s: str, p: str, lang: str | None = None) -> list[str]:
        return sorted(o.value for o in self.objs(s, p)
                      if isinstance(o, Lit) and (lang is None or o.lang == lang))

    def _superclasses(self) -> dict[str, set[str]]:
        direct: dict[str, set[str]] = defaultdict(set)
        for sub, sup in _BUILTIN_SUPER.items():
            direct[RD + sub].add(RD + sup)
        for s, props in self.out.items():
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

    def types(self, s: str) -> list[str]:
        return self.iris(s, TYPE)

    def is_a(self, s: str, cls: str) -> bool:
        return any(t == cls or cls in self.supers.get(t, ()) for t in self.types(s))

    def most_specific(self, s: str) -> str:
        """Local name of the deepest rd: class of ``s`` (ties broken by name)."""
        own = [t for t in self.types(s) if t.startswith(RD)]
        if not own:
            return "Entity"
        best = min(own, key=lambda t: (-len(self.supers.get(t, ())), t))
        return local_name(best)

    def label(self, s: str, lang: str) -> str:
        for p in (SKOS + "prefLabel", RDFS + "label"):
            registry = sorted(self.registry_labels.get((s, p, lang), []))
            if registry:
                return registry[0]
            values = self.lits(s, p, lang)
            if values:
                return values[0]
        if lang == "en":
            machine = self.lits(s, RD + "machineLabel", "en")
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


def _when(ix: _Index, fact: str, depth: int = 0) -> When:
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


def _entities(ix: _Index) -> list[str]:
    found = {s for s in ix.out if _is_entity(s) and ix.types(s)}
    return sorted(found)


def _facts(ix: _Index) -> list[str]:
    if ix._facts is None:
        ix._facts = sorted(s for s in ix.out if not _is_entity(s) and ix.is_a(s, RD + "Fact"))
    return ix._facts


def _predicate_labels(ix: _Index, pred: str) -> tuple[str, str]:
    kind = local_name(pred)
    en = ix.label(pred, "en") or re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()
    return ix.label(pred, "ja"), en


def _shortcut_edges(ix: _Index, nodes: set[str]) -> list[_Edge]:
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


def _participants(ix: _Index, event: str) -> dict[str, set[str]]:
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


def _inherited(ix: _Index, event: str, prop: str) -> list[str]:
    """Objects of ``prop`` on the event, else on the event it happened at."""
    seen: set[str] = set()
    while event and event not in seen:
        seen.add(event)
        found = [o for o in ix.iris(event, prop) if _is_entity(o)]
        if found:
            return found
        event = (ix.iris(event, RD + "atEvent") or [""])[0]
    return []


def _event_edges(ix: _Index, nodes: set[str]) -> list[_Edge]:
    edges: list[_Edge] = []
    for event in _facts(ix):
        if not ix.is_a(event, RD + "Event"):
            continue
        kind = ix.most_specific(event)
        cls = RD + kind
        ja = ix.label(event, "ja") or (ix.lits(event, SCHEMA + "name", "ja") or [ix.label(cls, "ja")])[0]
        en = ix.label(event, "en") or (ix.lits(event, SCHEMA + "name", "en") or [ix.label(cls, "en") or kind])[0]
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


def _sentences(ix: _Index, fact: str) -> list[str]:
    return ix.iris(fact, PROV + "wasDerivedFrom")


def _facts_about(ix: _Index) -> dict[str, set[str]]:
    """Entity -> the facts that name it (directly or through a participation)."""
    about: dict[str, set[str]] = defaultdict(set)
    for fact in _facts(ix):
        linked = [o for p, objs in ix.out[fact].items() if p != TYPE for o in objs]
        for part in ix.iris(fact, RD + "hasParticipation"):
            linked += ix.iris(part, RD + "participant")
        for o in linked:
            if _is_entity(o):
                about[o].add(fact)  # type: ignore[index]
    return about


def _mentions(ix: _Index) -> dict[str, list[str]]:
    """Entity -> its mention nodes."""
    found: dict[str, list[str]] = {}
    for entity, incoming in ix.into.items():
        if _is_entity(entity):
            found[entity] = sorted(s for s, p in incoming if p == ITSRDF + "taIdentRef")
    return found


def _node_attrs(ix: _Index, node: str, years: set[int], mentions: int) -> dict[str, Any]:
    wikidata = [o[len(WIKIDATA):] for o in ix.iris(node, OWL + "sameAs") if o.startswith(WIKIDATA)]
    label_en = ix.label(node, "en")
    return {
        "iri": node,
        "cls": ix.most_specific(node),
        "label_ja": ix.label(node, "ja"),
        "label_en": label_en,
        "label_en_machine": bool(label_en) and label_en in ix.lits(node, RD + "machineLabel", "en"),
        "reviewed": any(v.value == "true" or v.value == "1" for v in ix.objs(node, RD + "reviewed")
                        if isinstance(v, Lit)),
        "wikidata": wikidata[0] if wikidata else "",
        "iso": (ix.lits(node, RD + "isoCode") or [""])[0],
        "years": ",".join(str(y) for y in sorted(y for y in years if y)),
        "mentions": mentions,
    }


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

    mentions = _mentions(ix)
    graph = nx.MultiDiGraph()
    for node in entities:
        years = {when(f).year for f in about.get(node, ())}
        graph.add_node(local_name(node), **_node_attrs(ix, node, years, len(mentions.get(node, []))))
    for e in edges:
        w = when(e.fact)
        fact_id = local_name(e.fact) if e.fact else ""
        graph.add_edge(
            local_name(e.u), local_name(e.v), key=f"{e.kind}|{fact_id}" if fact_id else e.kind,
            kind=e.kind, label_ja=e.label_ja, label_en=e.label_en, date=w.date, year=w.year,
            start=w.start, end=w.end, fact=e.fact, provenance=len(_sentences(ix, e.fact)) if e.fact else 0,
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

def _quote(ix: _Index, sentence: str) -> dict[str, Any] | None:
    begin = ix.lits(sentence, NIF + "beginIndex")
    end = ix.lits(sentence, NIF + "endIndex")
    if not begin or not end:
        return None
    text = (ix.lits(sentence, RD + "text") or ix.lits(sentence, NIF + "anchorOf") or [""])[0]
    doc = (ix.iris(sentence, NIF + "referenceContext") or [""])[0]
    section = (ix.iris(sentence, RD + "inSection") or [""])[0]
    section_label = ""
    if section:
        section_label = (ix.lits(section, RDFS + "label", "ja") or ix.lits(section, RDFS + "label")
                         or ix.lits(section, RD + "sectionPath") or [""])[0]
    return {"doc": doc[len(RDD):] if doc.startswith(RDD) else local_name(doc),
            "section": section_label, "text": text, "begin": int(begin[0]), "end": int(end[0]),
            "iri": sentence}


def _sorted_quotes(ix: _Index, sentences: Iterable[str]) -> list[dict[str, Any]]:
    found = [q for q in (_quote(ix, s) for s in set(sentences)) if q is not None]
    return sorted(found, key=lambda q: (q["doc"], q["begin"], q["end"], q["iri"]))


def quotes(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Entity local id -> the sentences mentioning it or stating a fact about it.

    Each quote is ``{"doc", "section", "text", "begin", "end", "iri"}``; sorted by document
    and offset.
    """
    ix = index(dataset)
    about = _facts_about(ix)
    mentions = _mentions(ix)
    result: dict[str, list[dict[str, Any]]] = {}
    for entity in _entities(ix):
        sentences = [s for m in mentions.get(entity, []) for s in ix.iris(m, NIF + "sentence")]
        sentences += [s for f in about.get(entity, ()) for s in _sentences(ix, f)]
        result[local_name(entity)] = _sorted_quotes(ix, sentences)
    return result


def fact_quotes(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Fact IRI -> the sentences it was derived from (same quote shape as ``quotes``)."""
    ix = index(dataset)
    return {fact: _sorted_quotes(ix, _sentences(ix, fact)) for fact in _facts(ix)}


def labels(dataset: Dataset) -> dict[str, list[str]]:
    """Entity local id -> every name it goes by (labels, preferred and alternative labels)."""
    ix = index(dataset)
    props = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", RD + "machineLabel")
    return {local_name(e): sorted({v for p in props for v in ix.lits(e, p)}) for e in _entities(ix)}
