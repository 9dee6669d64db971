"""The registry as RDF: the reference-data graph (``…/graph/registry``).

Everything here comes from the curated registry files, not from a document:
types, labels in ja and en, aliases, ISO codes, Wikidata links, the posts'
organisations and jurisdictions, the resource concept scheme.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from ..registry import Registry
from ..vocab import ORG, RD, RDI, SCHEMA, bind_prefixes

WIKIDATA = "http://www.wikidata.org/entity/"
#: Registry columns that name another registry entity, and the property they become
#: (a class-specific property first, then the general one).
LINKS = {
    "post_in": {"": ORG.postIn},
    "jurisdiction": {"": RD.jurisdiction},
    "nationality": {"": SCHEMA.nationality},
    "broader": {"": SKOS.broader},
    "part_of": {"": RD.partOf},
    "series_of": {"": RD.partOf},
    "country": {"Place": RD.partOf, "Chokepoint": RD.partOf, "Project": SCHEMA.location, "": SCHEMA.location},
    "resource": {"": RD.concernsResource},
    "posts": {"": ORG.holds},
    "issued_by": {"": DCTERMS.publisher},
}
#: Columns whose entity is the subject: ``vessel-tansa operator org-jogmec`` → ``org-jogmec rd:operates vessel-tansa``.
INVERSE_LINKS = {"operator": RD.operates}


def _split(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v)]
    return [v for v in str(value or "").split("|") if v]


def registry_graph(registry: Registry) -> Graph:
    """Every registry entry as triples, in id order."""
    g = Graph()
    bind_prefixes(g)
    for entry_id in sorted(registry.entities):
        entry = registry.entities[entry_id]
        e = URIRef(f"{RDI}{entry.id}")
        g.add((e, RDF.type, RD[entry.cls]))
        g.add((e, RDFS.label, Literal(entry.label_ja, lang="ja")))
        g.add((e, SKOS.prefLabel, Literal(entry.label_ja, lang="ja")))
        if entry.label_en:
            g.add((e, RDFS.label, Literal(entry.label_en, lang="en")))
            g.add((e, SKOS.prefLabel, Literal(entry.label_en, lang="en")))
        for alias in sorted(set(entry.aliases_ja)):
            g.add((e, SKOS.altLabel, Literal(alias, lang="ja")))
        for alias in sorted(set(entry.aliases_en)):
            g.add((e, SKOS.altLabel, Literal(alias, lang="en")))
        if entry.iso:
            g.add((e, RD.isoCode, Literal(entry.iso)))
        if entry.wikidata:
            g.add((e, OWL.sameAs, URIRef(f"{WIKIDATA}{entry.wikidata}")))
        if entry.cls == "Resource":
            g.add((e, SKOS.inScheme, RD.ResourceScheme))
        g.add((e, RD.reviewed, Literal(True)))
        for column, by_class in LINKS.items():
            predicate = by_class.get(entry.cls, by_class[""])
            for target in _split(entry.extra.get(column, "")):
                g.add((e, predicate, URIRef(f"{RDI}{target}")))
        for column, predicate in INVERSE_LINKS.items():
            for target in _split(entry.extra.get(column, "")):
                g.add((URIRef(f"{RDI}{target}"), predicate, e))
        source = entry.extra.get("_file")
        if source:
            g.add((e, DCTERMS.source, Literal(str(source))))
    return g
