"""The dataset read, in one pass, into what the projection needs (:mod:`resdip.views.projection`).

Quads are read subject by subject: the N-Quads file the build writes is sorted (graph, subject,
predicate, object), so every subject's quads of one graph come together. Of each subject
only what the network, its quotes and its names use is kept:

- mentions (``itsrdf:taIdentRef``, ``nif:sentence``) become counts and sentence ids per entity;
- sentences (``nif:beginIndex`` and ``nif:endIndex``) become one row of a sentence table
  (document, offsets, text, section; a PDF's page, a web page's URL), with their texts shared when they repeat;
- ``prov:wasDerivedFrom`` becomes sentence ids per fact;
- of everything else, literals of the predicates in ``LITERALS`` and links to entities or
  through the predicates in ``LINKS`` (types, subclasses, participations, roles…);
- the dataset description (``…/graph/void``) is skipped.

So memory grows with the entities and facts, not with the text. A mention's or a sentence's
quads are read together, so each must be told in one graph (the build writes them in their
document's graph). The reader checks the order as it goes; a file whose subjects are not grouped
(a hand-written TriG, say) is read again, whole and sorted.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Union

import pyoxigraph as ox

from ..errors import DataFileError, InputFileError

RD = "https://w3id.org/resdip/ontology#"
RDI = "https://w3id.org/resdip/id/"
RDD = "https://w3id.org/resdip/doc/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
OA = "http://www.w3.org/ns/oa#"
REGISTRY_GRAPH = "https://w3id.org/resdip/graph/registry"
VOID_GRAPH = "https://w3id.org/resdip/graph/void"
TYPE = RDF + "type"
SUBCLASS = RDFS + "subClassOf"
DERIVED = PROV + "wasDerivedFrom"

#: Literal-valued predicates the projection reads (names, dates, codes, review state).
LITERALS = frozenset({
    RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", RD + "machineLabel", RD + "sectionPath",
    SCHEMA + "startDate", SCHEMA + "endDate", SCHEMA + "name", RD + "attestedOn", RD + "fiscalYear",
    RD + "fiscalYearEnd", RD + "referenceYear", RD + "isoCode", RD + "reviewed", RD + "attribution",
    RD + "fileName"})
#: Predicates whose non-entity objects the projection reads (links to entities are always kept).
LINKS = frozenset({TYPE, SUBCLASS, RD + "atEvent", RD + "hasParticipation", RD + "role",
                   RDF + "predicate", OWL + "sameAs"})
# What a quad is to the reader: a mention's parts, a sentence's parts, or anything else.
_ENTITY_REF, _SENTENCE_REF, _BEGIN, _END, _TEXT, _ANCHOR, _DOC, _SECTION, _DERIVED, _PAGE, _SOURCE = range(11)
_SPECIAL = {ITSRDF + "taIdentRef": _ENTITY_REF, NIF + "sentence": _SENTENCE_REF,
            NIF + "beginIndex": _BEGIN, NIF + "endIndex": _END, RD + "text": _TEXT,
            NIF + "anchorOf": _ANCHOR, NIF + "referenceContext": _DOC, RD + "inSection": _SECTION,
            DERIVED: _DERIVED, SCHEMA + "pageStart": _PAGE, OA + "hasSource": _SOURCE}
_LITERAL_PARTS = frozenset({_BEGIN, _END, _TEXT, _ANCHOR, _PAGE})
_SPECIAL_KINDS = {predicate: (code, code in _LITERAL_PARTS) for predicate, code in _SPECIAL.items()}

#: A literal: (lexical value, language tag or "", datatype IRI). A plain tuple of strings, which
#: Python's garbage collector stops tracking, so a large index costs collections nothing.
Lit = tuple
Term = Union[str, "tuple[str, str, str]"]


def local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``."""
    return re.split(r"[#/]", iri)[-1]


def _object_key(term: Term) -> tuple[bool, str, str, str]:
    if isinstance(term, tuple):
        return (True, *term)
    return (False, term, "", "")


class Sentences:
    """Every sentence referred to, by id: its document, offsets, text and section."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.iris: list[str] = []
        self.begin: list[int | None] = []
        self.end: list[int | None] = []
        self.text: list[tuple[bool, str] | None] = []  # (is rd:text rather than nif:anchorOf, text)
        self.doc: list[str] = []
        self.section: list[str] = []
        self.page: dict[int, int] = {}  # a sentence of a PDF: its first page
        self.source: dict[int, str] = {}  # a sentence of a web page: the page's URL (oa:hasSource)
        self._shared: dict[str, str] = {}  # repeated texts, documents and sections stored once

    def id(self, iri: str) -> int:
        found = self.ids.get(iri)
        if found is None:
            found = self.ids[iri] = len(self.iris)
            self.iris.append(iri)
            self.begin.append(None)
            self.end.append(None)
            self.text.append(None)
            self.doc.append("")
            self.section.append("")
        return found

    def share(self, value: str) -> str:
        return self._shared.setdefault(value, value)

    def record(self, iri: str, parts: dict[int, list[str]]) -> None:
        """A sentence's own quads (the smallest value of each, like a sorted lookup would give)."""
        i = self.id(iri)
        for values, column in ((parts.get(_BEGIN), self.begin), (parts.get(_END), self.end)):
            old = column[i]
            if values and (old is None or min(values) < str(old)):
                column[i] = int(min(values))
        texts, anchors = parts.get(_TEXT), parts.get(_ANCHOR)
        text = (True, min(texts)) if texts else (False, min(anchors)) if anchors else None
        old_text = self.text[i]
        if text is not None and (old_text is None or (not text[0], text[1]) < (not old_text[0], old_text[1])):
            self.text[i] = (text[0], self.share(text[1]))
        for values, column in ((parts.get(_DOC), self.doc), (parts.get(_SECTION), self.section)):
            if values and (not column[i] or min(values) < column[i]):
                column[i] = self.share(min(values))
        if parts.get(_PAGE):
            self.page[i] = min(int(v) for v in parts[_PAGE])
        if parts.get(_SOURCE):
            self.source[i] = self.share(min(parts[_SOURCE]))


class QuadIndex:
    """What the projection reads of a dataset (see the module docstring)."""

    def __init__(self) -> None:
        # subject -> predicate -> objects (lists while reading, sorted tuples after)
        self.out: Mapping[str, Mapping[str, Sequence[Term]]] = defaultdict(lambda: defaultdict(list))
        self.registry_labels: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        self.sentences = Sentences()
        self.mention_count: dict[str, int] = defaultdict(int)
        self.mention_sentences: dict[str, array] = defaultdict(lambda: array("i"))
        self.derived: dict[str, array] = defaultdict(lambda: array("i"))
        self.supers: dict[str, set[str]] = {}
        self.cache: dict[str, Any] = {}

    # --- lookups (objects sorted: IRIs first, then literals, by value) ---------------------

    def objs(self, s: str, p: str) -> Sequence[Term]:
        return self.out.get(s, {}).get(p, ())

    def iris(self, s: str, p: str) -> list[str]:
        return [o for o in self.objs(s, p) if isinstance(o, str)]

    def lits(self, s: str, p: str, lang: str | None = None) -> list[str]:
        return sorted(o[0] for o in self.objs(s, p) if isinstance(o, tuple) and (lang is None or o[1] == lang))

    def types(self, s: str) -> list[str]:
        return self.iris(s, TYPE)

    def is_a(self, s: str, cls: str) -> bool:
        return any(t == cls or cls in self.supers.get(t, ()) for t in self.types(s))

    def derived_from(self, s: str) -> list[int]:
        """Ids of the distinct sentences ``s`` was derived from."""
        return sorted(set(self.derived.get(s, ())))


class _Reader:
    """Feeds quads, each subject's together, into a :class:`QuadIndex`."""

    def __init__(self, index: QuadIndex) -> None:
        self.ix = index

    def feed(self, quads: Iterable[Any], check_order: bool = False) -> bool:
        """Read ``quads``. With ``check_order``, stop and return False where a subject may be
        met again: subjects must not go back, except where a graph not met before starts."""
        named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
        special, literals, links, registry_labels = _SPECIAL_KINDS, LITERALS, LINKS, self.ix.registry_labels
        graphs: set[str] = set()
        graph = last_key = ""
        subject: str | None = None
        parts: dict[int, list[str]] = {}
        kept: list[tuple[str, Term]] = []
        for quad in quads:
            node = quad.graph_name
            quad_graph = node.value if type(node) is named else ""
            node = quad.subject
            here = node.value if type(node) is named else str(node)
            if here != subject:
                if check_order:
                    key = str(node)
                    if key < last_key and (quad_graph == graph or quad_graph in graphs):
                        return False
                    last_key = key
                if subject is not None:
                    self.flush(subject, parts, kept)
                    parts, kept = {}, []
                subject = here
            if quad_graph != graph:
                graphs.add(graph)
                graph = quad_graph
            predicate = quad.predicate.value
            obj = quad.object
            kind = special.get(predicate)
            if kind is not None:
                code, wants_literal = kind
                if (type(obj) is literal) == wants_literal:
                    parts.setdefault(code, []).append(obj.value if type(obj) is not blank else str(obj))
            elif graph == VOID_GRAPH:
                continue
            elif type(obj) is literal:
                if predicate in literals:
                    value = (obj.value, obj.language or "", obj.datatype.value)
                    kept.append((predicate, value))
                    if graph == REGISTRY_GRAPH:
                        registry_labels[(here, predicate, value[1])].append(value[0])
            else:
                iri = obj.value if type(obj) is named else str(obj)
                if predicate in links or iri.startswith(RDI):
                    kept.append((predicate, iri))
        if subject is not None:
            self.flush(subject, parts, kept)
        return True

    def flush(self, s: str, parts: dict[int, list[str]], kept: list[tuple[str, Term]]) -> None:
        """File one subject's quads: as a mention, a sentence, or kept triples."""
        ix = self.ix
        if parts:
            if _DERIVED in parts:
                ix.derived[s].extend(ix.sentences.id(o) for o in parts[_DERIVED])
            if _ENTITY_REF in parts or _SENTENCE_REF in parts:
                sentences = [ix.sentences.id(o) for o in parts.get(_SENTENCE_REF, ())]
                for entity in sorted(set(parts.get(_ENTITY_REF, ()))):
                    ix.mention_count[entity] += 1
                    ix.mention_sentences[entity].extend(sentences)
                return  # a mention: nothing else of it is read
            if _BEGIN in parts and _END in parts:
                ix.sentences.record(s, parts)
                return
        if kept:
            out = ix.out[s]
            for predicate, obj in kept:
                out[predicate].append(obj)


def _finish(ix: QuadIndex) -> QuadIndex:
    """Objects deduplicated and sorted; plain dicts and tuples from here on (few objects for
    the garbage collector to walk)."""
    ix.out = {s: {p: tuple(sorted(set(objects), key=_object_key)) for p, objects in props.items()}
              for s, props in ix.out.items()}
    ix.registry_labels = dict(ix.registry_labels)
    return ix


def read_quads(quads: Iterable[Any]) -> QuadIndex:
    """An index of ``quads`` (pyoxigraph Quads, any order: they are sorted first, in memory)."""
    ix = QuadIndex()
    _Reader(ix).feed(sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject))))
    return _finish(ix)


def _parse(path: Path, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
    try:
        yield from ox.parse(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise DataFileError(f"{path}: not valid RDF: {str(exc).splitlines()[0]}") from exc


def file_format(path: Path) -> ox.RdfFormat:
    return ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TRIG


def read_file(path: Path | str) -> QuadIndex:
    """An index of an N-Quads (``.nq``) or TriG file, read as a stream.

    The build's files are sorted, so one pass does; a file whose subjects are scattered is
    noticed on the way and read again, whole and sorted.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such file (build the graph first: resdip build)")
    fmt = file_format(path)
    ix = QuadIndex()
    if _Reader(ix).feed(_parse(path, fmt), check_order=True):
        return _finish(ix)
    return read_quads(list(_parse(path, fmt)))
