"""A VoID + DCAT description of the dataset (stored as ``graph/void.ttl`` and the graph ``…/graph/void``).

Everything in it is counted from the dataset or taken from the source metadata; nothing comes
from the clock, so two builds of the same inputs describe themselves identically. Counts cover
every graph except the description's own graph (``…/graph/void``); the dataset-level counts are
over the merge of the graphs (a triple held by two graphs counts once), the subsets' over each
named graph.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, VOID, XSD

from .checksums import SPDX as SPDX_NS, checksum_node, checksum_of_lines
from .store import PREFIXES
from ..vocab import GRAPH

DATASET = URIRef("https://w3id.org/resdip/dataset")
VOID_GRAPH = URIRef(f"{GRAPH}void")
URI_SPACE = "https://w3id.org/resdip/"
TITLE_JA = "資源外交ナレッジグラフ（resdip）"
TITLE_EN = "resdip: a knowledge graph of Japan's resource diplomacy"
DESCRIPTION_EN = (
    "Which ministers and agencies engaged which countries and institutions, when, through which "
    "agreements and partnerships, for which resources, with what money and towards which targets, "
    "extracted from Japan's Energy White Paper; every fact cites the sentence and character span it "
    "came from."
)
DESCRIPTION_JA = (
    "エネルギー白書から、資源外交に関わる大臣・機関と相手国・国際機関、協定・パートナーシップ、"
    "資源、予算、目標を抽出した知識グラフ。すべての事実が根拠の文と文字位置を示す。"
)
KEYWORDS = ("resource diplomacy", "資源外交", "critical minerals", "LNG", "JOGMEC", "knowledge graph")
DISTRIBUTIONS = (
    ("trig", "dataset.trig", "application/trig"),
    ("turtle", "union.ttl", "text/turtle"),
    ("jsonld", "dataset.jsonld", "application/ld+json"),
    ("void", "void.ttl", "text/turtle"),
)
IANA = "https://www.iana.org/assignments/media-types/"
SPDX = Namespace(SPDX_NS)
DCAT_VERSION = URIRef(f"{DCAT}version")  # DCAT 3; rdflib's DCAT namespace predates it

Triple = tuple[Any, Any, Any]


@dataclass
class Counts:
    """What VoID counts over a set of triples (each triple once)."""

    triples: int = 0
    entities: int = 0
    subjects: int = 0
    objects: int = 0
    properties: Counter = field(default_factory=Counter)  # property IRI → triples
    classes: Counter = field(default_factory=Counter)  # class IRI → instances


def describe(dataset: Dataset, documents: Iterable[Mapping[str, Any] | Any], version: str, *,
             endpoint: str | None = None, base_url: str | None = None) -> Graph:
    """VoID + DCAT for ``dataset`` built from ``documents`` (sources.json entries or objects alike).

    ``endpoint`` adds ``void:sparqlEndpoint`` (only when the data is really served there);
    ``base_url`` (the folder the graph files are published under) adds download URLs.
    """
    from .spool import graph_lines, merge_lines, split_line

    lines = {name: graph_lines(triples) for name, triples in _triples_by_graph(dataset).items()}
    counter = LineCounter()
    for line in merge_lines(lines.values()):
        counter.add(*split_line(line))
    sizes = {str(name): len(graph) for name, graph in lines.items() if name is not None}
    sums = {str(name): checksum_of_lines(graph) for name, graph in lines.items() if name is not None}
    return describe_counts(counter.result(), sizes, documents, version, endpoint=endpoint, base_url=base_url,
                           checksums=sums)


def describe_counts(union: Counts, graph_sizes: Mapping[str, int], documents: Iterable[Mapping[str, Any] | Any],
                    version: str, *, endpoint: str | None = None, base_url: str | None = None,
                    checksums: Mapping[str, str] | None = None) -> Graph:
    """VoID + DCAT from counts already made: over the merge of the graphs, and triples per named graph
    (with its checksum, when ``checksums`` gives it: see :mod:`resdip.rdf.checksums`)."""
    out = Graph()
    for prefix in ("void", "dcat", "dcterms", "prov", "foaf", "rd", "rdd", "rdg", "xsd"):
        out.bind(prefix, PREFIXES[prefix])
    out.bind("spdx", SPDX_NS)
    _about(out, list(documents), version, endpoint)
    _counts(out, DATASET, union)
    for name in sorted(graph_sizes):
        node = URIRef(name)
        out.add((DATASET, VOID.subset, node))
        out.add((node, RDF.type, VOID.Dataset))
        out.add((node, VOID.triples, _int(graph_sizes[name])))
        if checksums and name in checksums:
            _checksum(out, node, checksums[name])
    _distributions(out, base_url)
    return out


def _triples_by_graph(dataset: Dataset) -> dict[URIRef | None, set[Triple]]:
    """The triples of each graph but the description's own (None: the default graph)."""
    per_graph: dict[URIRef | None, set[Triple]] = defaultdict(set)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        if name == VOID_GRAPH:
            continue
        key = name if isinstance(name, URIRef) and not str(name).startswith("urn:x-rdflib:") else None
        per_graph[key].add((s, p, o))
    return per_graph


class LineCounter:
    """Counts over a stream of N-Triples lines sorted by subject, each line once (see resdip.rdf.spool).

    Subjects are counted as they change; distinct objects are kept as 8-byte digests, so memory
    grows by about 70 bytes per distinct object, not by its text.
    """

    _TYPE = f"<{RDF.type}>"

    def __init__(self) -> None:
        self.counts = Counts()
        self._objects: set[bytes] = set()
        self._subject = ""
        self._typed = False

    def add(self, subject: str, predicate: str, obj: str) -> None:
        counts = self.counts
        counts.triples += 1
        if subject != self._subject:
            self._end_subject()
            self._subject = subject
            counts.subjects += 1
        counts.properties[predicate] += 1
        self._objects.add(hashlib.blake2b(obj.encode("utf-8"), digest_size=8).digest())
        if predicate == self._TYPE:
            counts.classes[obj] += 1
            self._typed = True

    def _end_subject(self) -> None:
        if self._typed and self._subject.startswith("<"):
            self.counts.entities += 1
        self._typed = False

    def result(self) -> Counts:
        """The counts, with IRIs unbracketed."""
        self._end_subject()
        self._subject = ""
        counts = self.counts
        return Counts(counts.triples, counts.entities, counts.subjects, len(self._objects),
                      Counter({p[1:-1]: n for p, n in counts.properties.items()}),
                      Counter({c[1:-1]: n for c, n in counts.classes.items() if c.startswith("<")}))


def _about(out: Graph, documents: list[Any], version: str, endpoint: str | None) -> None:
    out.add((DATASET, RDF.type, VOID.Dataset))
    out.add((DATASET, RDF.type, DCAT.Dataset))
    out.add((DATASET, DCTERMS.title, Literal(TITLE_EN, lang="en")))
    out.add((DATASET, DCTERMS.title, Literal(TITLE_JA, lang="ja")))
    out.add((DATASET, DCTERMS.description, Literal(DESCRIPTION_EN, lang="en")))
    out.add((DATASET, DCTERMS.description, Literal(DESCRIPTION_JA, lang="ja")))
    out.add((DATASET, DCTERMS.hasVersion, Literal(version)))
    out.add((DATASET, DCAT_VERSION, Literal(version)))
    out.add((DATASET, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/ja")))
    out.add((DATASET, VOID.uriSpace, Literal(URI_SPACE)))
    out.add((DATASET, VOID.feature, URIRef("http://www.w3.org/ns/formats/TriG")))
    for keyword in KEYWORDS:
        out.add((DATASET, DCAT.keyword, Literal(keyword)))
    if endpoint:
        out.add((DATASET, VOID.sparqlEndpoint, URIRef(endpoint)))
    attributions: list[str] = []
    for doc in documents:
        _source(out, doc)
        attribution = _get(doc, "attribution")
        if attribution and attribution not in attributions:
            attributions.append(attribution)
    if attributions:
        rights = URIRef(f"{DATASET}#rights")
        out.add((DATASET, DCTERMS.rights, rights))
        out.add((rights, RDF.type, DCTERMS.RightsStatement))
        out.add((rights, RDFS.label, Literal(" / ".join(attributions))))


def _source(out: Graph, doc: Any) -> None:
    doc_id = _get(doc, "id")
    url = _get(doc, "url")
    licence = _get(doc, "licence") or _get(doc, "license")
    if doc_id:
        out.add((DATASET, PROV.wasDerivedFrom, URIRef(f"{PREFIXES['rdd']}{doc_id}")))
    if licence:
        out.add((DATASET, DCTERMS.license, URIRef(licence)))
    if not url:
        return
    source = URIRef(url)
    out.add((DATASET, DCTERMS.source, source))
    out.add((source, RDF.type, FOAF.Document))
    for lang in ("ja", "en"):
        title = _title(doc, lang)
        if title:
            out.add((source, DCTERMS.title, Literal(title, lang=lang)))
    if licence:
        out.add((source, DCTERMS.license, URIRef(licence)))
    issued = _get(doc, "issued")
    if issued and issued.isdigit() and len(issued) == 4:
        out.add((source, DCTERMS.issued, Literal(issued, datatype=XSD.gYear)))


def _counts(out: Graph, node: URIRef, counts: Counts) -> None:
    out.add((node, VOID.triples, _int(counts.triples)))
    out.add((node, VOID.entities, _int(counts.entities)))
    out.add((node, VOID.distinctSubjects, _int(counts.subjects)))
    out.add((node, VOID.distinctObjects, _int(counts.objects)))
    out.add((node, VOID.properties, _int(len(counts.properties))))
    out.add((node, VOID.classes, _int(len(counts.classes))))
    for cls in sorted(counts.classes):
        part = _partition("class", cls)
        out.add((node, VOID.classPartition, part))
        out.add((part, VOID["class"], URIRef(cls)))
        out.add((part, VOID.entities, _int(counts.classes[cls])))
    for prop in sorted(counts.properties):
        part = _partition("property", prop)
        out.add((node, VOID.propertyPartition, part))
        out.add((part, VOID.property, URIRef(prop)))
        out.add((part, VOID.triples, _int(counts.properties[prop])))
    for vocabulary in sorted({_namespace(p) for p in counts.properties}):
        out.add((node, VOID.vocabulary, URIRef(vocabulary)))


def _checksum(out: Graph, graph: URIRef, value: str) -> None:
    node = URIRef(checksum_node(str(graph)))
    out.add((graph, SPDX.checksum, node))
    out.add((node, RDF.type, SPDX.Checksum))
    out.add((node, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    out.add((node, SPDX.checksumValue, Literal(value)))


def _distributions(out: Graph, base_url: str | None) -> None:
    for key, file_name, media_type in DISTRIBUTIONS:
        dist = URIRef(f"{DATASET}#distribution-{key}")
        out.add((DATASET, DCAT.distribution, dist))
        out.add((dist, RDF.type, DCAT.Distribution))
        out.add((dist, DCTERMS.title, Literal(f"graph/{file_name}")))
        out.add((dist, DCAT.mediaType, URIRef(IANA + media_type)))
        if base_url:
            url = URIRef(base_url.rstrip("/") + "/" + file_name)
            out.add((dist, DCAT.downloadURL, url))
            if key == "trig":
                out.add((DATASET, VOID.dataDump, url))


def _partition(kind: str, term: Any) -> URIRef | BNode:
    """A stable IRI for a partition: ``…/dataset#class-rd-Visit`` (hash when no prefix fits)."""
    iri = str(term)
    for prefix, namespace in PREFIXES.items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and all(c.isalnum() or c in "-_" for c in local):
            return URIRef(f"{DATASET}#{kind}-{prefix}-{local}")
    return URIRef(f"{DATASET}#{kind}-{hashlib.sha1(iri.encode('utf-8')).hexdigest()[:12]}")


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _get(doc: Any, key: str) -> str:
    value = doc.get(key) if isinstance(doc, Mapping) else getattr(doc, key, None)
    return "" if value is None else str(value) if not isinstance(value, Mapping) else ""


def _title(doc: Any, lang: str) -> str:
    title = doc.get("title") if isinstance(doc, Mapping) else getattr(doc, "title", None)
    if isinstance(title, Mapping):
        return str(title.get(lang) or "")
    return _get(doc, f"title_{lang}")
