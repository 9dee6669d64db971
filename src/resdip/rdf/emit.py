"""Emission: documents, registry entries, entities and facts as RDF.

One named graph per source document (what the text says, with provenance),
one for the registry (reference data), one for the ontology. IRIs come from
stable keys only, and no blank nodes are made, so serialisations are
deterministic. The graph model is documented in ``docs/MODEL.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from .amounts import yen_text
from ..english.compose import EnglishName
from ..english.labeller import Labeller
from ..extract.facts import (
    Action,
    Assertion,
    BudgetLine,
    EntityRef,
    Event,
    Evidence,
    Fact,
    FactCollection,
    Membership,
    Observation,
    PostHolding,
    StatedQuantity,
    SupplyShare,
    Target,
    fact_ref,
)
from ..vocab import GRAPH, ITSRDF, NIF, OA, ORG, RD, RDD, RDI, RFC8118, SCHEMA

REGISTRY_GRAPH = URIRef(f"{GRAPH}registry")
ONTOLOGY_GRAPH = URIRef(f"{GRAPH}ontology")
UNIT_CODES = {"%": "P1", "km2": "KMK", "JPY": "JPY", "USD": "USD", "EUR": "EUR", "AUD": "AUD", "CAD": "CAD", "count": "C62", "t": "TNE", "bbl": "BLL", "kl": "K6",
              "m3": "MTQ", "m2": "MTK", "kW": "KWT", "times": "C62", "year": "ANN", "month": "MON", "week": "WEE", "day": "DAY",
              "hour": "HUR", "minute": "MIN", "km": "KMT", "m": "MTR", "degC": "CEL"}  # UN/CEFACT common codes (ISO 4217 for currencies)
# units with no UN/CEFACT code (percentage points, USD per million Btu) are named by schema:unitText only


def doc_graph_iri(doc_id: str) -> URIRef:
    return URIRef(f"{GRAPH}doc/{doc_id}")


def doc_iri(doc_id: str) -> URIRef:
    return URIRef(f"{RDD}{doc_id}")


def sentence_iri(ev: Evidence) -> URIRef:
    return URIRef(f"{RDD}{ev.doc_id}#char={ev.raw_start},{ev.raw_end}")


def entity_iri(entity_id: str) -> URIRef:
    return URIRef(f"{RDI}{entity_id}")


def fact_iri(fact: Fact) -> URIRef:
    return URIRef(fact_ref(fact))


def date_literal(iso: str) -> Literal:
    """A date at the precision the text gave: xsd:gYear, xsd:gYearMonth or xsd:date."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(iso)]
    return Literal(iso, datatype=datatype)


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal in its canonical form, which always has a decimal point (780000000.0)."""
    text = format(value, "f")
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


@dataclass
class SectionRecord:
    """A section heading of a document, as the emitter needs it."""

    number: int
    label: str
    number_text: str
    path_label: str
    parent: int | None


@dataclass
class UnitRecord:
    """One sentence-like unit: its raw span, raw text, display text, kind and section."""

    raw_start: int
    raw_end: int
    raw_text: str
    text: str
    kind: str
    section: int | None
    #: where the unit is on the pages of a PDF: (page, left, top, right, bottom) per page, in points
    places: tuple[tuple[int, float, float, float, float], ...] = ()
    #: where the unit is in a web page: the XPaths of its elements, the text around it, the page's URL
    elements: tuple[str, ...] = ()
    quote: tuple[str, str] = ("", "")
    source_url: str = ""


@dataclass
class MentionRecord:
    """An entity named in a unit: raw span, surface as in the raw file, entity id."""

    raw_start: int
    raw_end: int
    surface: str
    unit: Evidence
    entity: str


@dataclass
class DocumentRecord:
    """What the emitter writes about one source document."""

    doc_id: str
    meta: dict[str, object]
    sections: list[SectionRecord]
    units: list[UnitRecord]
    mentions: list[MentionRecord]
    entities: dict[str, EntityRef]


def _section_iri(doc_id: str, number: int) -> URIRef:
    return URIRef(f"{RDD}{doc_id}/section/{number}")


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def emit_places(g: Graph, unit: URIRef, document: URIRef, span: tuple[int, int],
                places: tuple[tuple[int, float, float, float, float], ...]) -> None:
    """Where a unit is in a PDF: the unit is also an ``oa:SpecificResource`` of the document, with one
    ``oa:FragmentSelector`` per page, valued ``page=N&viewrect=left,top,width,height`` (RFC 8118,
    points from the page's top-left corner), and ``schema:pageStart`` / ``schema:pageEnd``."""
    g.add((unit, RDF.type, OA.SpecificResource))
    g.add((unit, OA.hasSource, document))
    g.add((unit, SCHEMA.pageStart, Literal(places[0][0], datatype=XSD.positiveInteger)))
    g.add((unit, SCHEMA.pageEnd, Literal(places[-1][0], datatype=XSD.positiveInteger)))
    for page, left, top, right, bottom in places:
        selector = URIRef(f"{document}/selector/{span[0]}-{span[1]}/page-{page}")
        g.add((unit, OA.hasSelector, selector))
        g.add((selector, RDF.type, OA.FragmentSelector))
        g.add((selector, DCTERMS.conformsTo, RFC8118))
        value = f"page={page}&viewrect={_number(left)},{_number(top)},{_number(right - left)},{_number(bottom - top)}"
        g.add((selector, RDF.value, Literal(value)))


def emit_page_selectors(g: Graph, unit_iri: URIRef, document: URIRef, unit: UnitRecord) -> None:
    """Where a unit is in a web page: the unit is an ``oa:SpecificResource`` of the page (its URL, else
    the document), with an ``oa:TextQuoteSelector`` (the quote, with the text just before and after it)
    and an ``oa:XPathSelector`` per element it is in."""
    base = f"{document}/selector/{unit.raw_start}-{unit.raw_end}"
    g.add((unit_iri, RDF.type, OA.SpecificResource))
    g.add((unit_iri, OA.hasSource, URIRef(unit.source_url) if unit.source_url else document))
    quote = URIRef(f"{base}/quote")
    g.add((unit_iri, OA.hasSelector, quote))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(unit.raw_text)))
    g.add((quote, OA.prefix, Literal(unit.quote[0])))
    g.add((quote, OA.suffix, Literal(unit.quote[1])))
    for number, path in enumerate(unit.elements, start=1):
        selector = URIRef(f"{base}/element-{number}")
        g.add((unit_iri, OA.hasSelector, selector))
        g.add((selector, RDF.type, OA.XPathSelector))
        g.add((selector, RDF.value, Literal(path)))


def emit_document(g: Graph, record: DocumentRecord) -> None:
    """The document node, its sections, units and mentions."""
    d = doc_iri(record.doc_id)
    meta = record.meta
    for cls in (RD.SourceDocument, PROV.Entity, FOAF.Document, NIF.Context):
        g.add((d, RDF.type, cls))
    g.add((d, DCTERMS.title, Literal(str(meta["title_ja"]), lang="ja")))
    if meta.get("title_en"):
        g.add((d, DCTERMS.title, Literal(str(meta["title_en"]), lang="en")))
        g.add((d, RDFS.label, Literal(str(meta["title_en"]), lang="en")))
    g.add((d, RDFS.label, Literal(str(meta["title_ja"]), lang="ja")))
    if meta.get("publisher"):
        g.add((d, DCTERMS.publisher, entity_iri(str(meta["publisher"]))))
    if meta.get("issued"):
        g.add((d, DCTERMS.issued, date_literal(str(meta["issued"]))))
    if meta.get("url"):
        g.add((d, DCTERMS.source, URIRef(str(meta["url"]))))
    if meta.get("licence"):
        g.add((d, DCTERMS.license, URIRef(str(meta["licence"]))))
    if meta.get("attribution"):
        g.add((d, RD.attribution, Literal(str(meta["attribution"]))))
    g.add((d, RD.fileName, Literal(str(meta["file_name"]))))
    g.add((d, RD.sha256, Literal(str(meta["sha256"]))))
    for section in record.sections:
        s = _section_iri(record.doc_id, section.number)
        g.add((s, RDF.type, RD.Section))
        g.add((s, RDFS.label, Literal(section.label, lang="ja")))
        g.add((s, RD.sectionNumber, Literal(section.number_text)))
        g.add((s, RD.sectionPath, Literal(section.path_label)))
        parent = d if section.parent is None else _section_iri(record.doc_id, section.parent)
        g.add((s, DCTERMS.isPartOf, parent))
    for unit in record.units:
        u = sentence_iri(Evidence(record.doc_id, unit.raw_start, unit.raw_end))
        g.add((u, RDF.type, RD.Sentence))
        g.add((u, RDF.type, NIF.String))
        g.add((u, RD.unitKind, Literal(unit.kind)))
        g.add((u, NIF.beginIndex, Literal(unit.raw_start, datatype=XSD.nonNegativeInteger)))
        g.add((u, NIF.endIndex, Literal(unit.raw_end, datatype=XSD.nonNegativeInteger)))
        g.add((u, NIF.anchorOf, Literal(unit.raw_text)))
        g.add((u, RD.text, Literal(unit.text, lang="ja")))
        g.add((u, NIF.referenceContext, d))
        if unit.section is not None:
            g.add((u, RD.inSection, _section_iri(record.doc_id, unit.section)))
        if unit.places:
            emit_places(g, u, d, (unit.raw_start, unit.raw_end), unit.places)
        if unit.elements:
            emit_page_selectors(g, u, d, unit)
    for mention in record.mentions:
        m = URIRef(f"{RDD}{record.doc_id}/mention/{mention.raw_start}-{mention.raw_end}")
        g.add((m, RDF.type, RD.Mention))
        g.add((m, RDF.type, NIF.Phrase))
        g.add((m, NIF.beginIndex, Literal(mention.raw_start, datatype=XSD.nonNegativeInteger)))
        g.add((m, NIF.endIndex, Literal(mention.raw_end, datatype=XSD.nonNegativeInteger)))
        g.add((m, NIF.anchorOf, Literal(mention.surface)))
        g.add((m, NIF.sentence, sentence_iri(mention.unit)))
        g.add((m, NIF.referenceContext, d))
        g.add((m, ITSRDF.taIdentRef, entity_iri(mention.entity)))


English = Callable[[str], EnglishName]


@lru_cache(maxsize=1)
def default_labeller() -> Labeller:
    """A labeller over the project's registry (for callers that bring none)."""
    from ..registry import load_registry

    return Labeller(load_registry())


def _english_label(g: Graph, node: URIRef, name: EnglishName, text: str | None = None) -> None:
    """rdfs:label @en, marked composed (rd:composedLabel) or machine-made (rd:machineLabel)."""
    literal = Literal(name.text if text is None else text, lang="en")
    g.add((node, RDFS.label, literal))
    if name.origin == "composed":
        g.add((node, RD.composedLabel, literal))
    elif name.origin == "machine":
        g.add((node, RD.machineLabel, literal))


def emit_text_entity(g: Graph, entity: EntityRef, labeller: Labeller | None = None) -> None:
    """An entity the text introduced (candidate or measure): type, labels, review state, and the
    registry partnership or policy a measure's title names (rd:implements)."""
    labeller = labeller or default_labeller()
    e = entity_iri(entity.id)
    g.add((e, RDF.type, RD[entity.cls]))
    g.add((e, RDFS.label, Literal(entity.label_ja, lang="ja")))
    g.add((e, SKOS.prefLabel, Literal(entity.label_ja, lang="ja")))
    if entity.extra.get("label_en"):  # as the document itself writes it in English
        _english_label(g, e, EnglishName(str(entity.extra["label_en"]), "text"))
    else:
        _english_label(g, e, labeller.person(entity.label_ja) if entity.cls == "Person" else labeller.name(entity.label_ja))
    if entity.cls == "Measure":
        for target in labeller.implemented(entity.label_ja):
            g.add((e, RD.implements, entity_iri(target)))
    g.add((e, RD.reviewed, Literal(entity.reviewed)))
    for key, value in sorted(entity.extra.items()):
        if key == "label_en":
            continue
        if key == "jurisdiction" and entity.cls != "Post":
            g.add((e, SCHEMA.location, entity_iri(str(value))))  # rd:jurisdiction is a post's
            continue
        _emit_extra(g, e, key, value)


def _emit_extra(g: Graph, subject: URIRef, key: str, value: object) -> None:
    """Entity attributes the text gives (measure numbers, who runs a measure…)."""
    if key in ("measureNumber", "measuredQuantity"):
        g.add((subject, RD[key], Literal(str(value))))
    elif key == "altLabel":
        g.add((subject, SKOS.altLabel, Literal(str(value), lang="ja")))
    elif key == "isTaxMeasure":
        g.add((subject, RD.isTaxMeasure, Literal(bool(value))))
    elif key == "related":  # a registry entity of another kind that shares the name (a meeting named 「APEC」)
        for target in sorted(str(t) for t in value):
            g.add((subject, SKOS.related, entity_iri(target)))
    elif key in ("runBy", "concernsResource", "jurisdiction", "postIn", "inSection"):
        targets = value if isinstance(value, (list, tuple, set)) else [value]
        for target in sorted(str(t) for t in targets):
            predicate = ORG.postIn if key == "postIn" else RD[key]
            obj = entity_iri(target) if key != "inSection" else URIRef(target)
            g.add((subject, predicate, obj))


def _provenance(g: Graph, node: URIRef, evidence: Iterable[Evidence]) -> None:
    for ev in evidence:
        g.add((node, PROV.wasDerivedFrom, sentence_iri(ev)))


def emit_fact(g: Graph, fact: Fact, evidence: list[Evidence], labels: dict[str, str],
              english: English | None = None) -> None:
    """One fact node, its shortcut triples, and its provenance (``english`` names events in English)."""
    node = fact_iri(fact)
    _provenance(g, node, evidence)
    emitter = _EMITTERS[type(fact)]
    emitter(g, node, fact, labels)
    if isinstance(fact, (Event, Observation)):
        _fact_english(g, node, fact, english or default_labeller().name)


def _fact_english(g: Graph, node: URIRef, fact: Event | Observation, english: English) -> None:
    """The English label of an event named in Japanese, or of an observation of a quantity the text
    names: the name in English (marked composed or machine-made), else the event's type."""
    if isinstance(fact, Event):
        when = fact.start + (f"/{fact.end}" if fact.end else "")
        if fact.name:
            name = english(fact.name)
            _english_label(g, node, name, f"{name.text} ({when})")
        else:
            g.add((node, RDFS.label, Literal(f"{fact.type} ({when})", lang="en")))
        return
    period = fact.start + (f"–{fact.end}" if fact.end else "")
    text = f"{format(fact.value, 'f')} {fact.unit} ({'FY' if fact.fiscal else ''}{period})"
    if fact.indicator:
        g.add((node, RDFS.label, Literal(f"{fact.indicator}: {text}", lang="en")))
        return
    name = english(fact.quantity_label)
    _english_label(g, node, name, f"{name.text}: {text}")


def _label(g: Graph, node: URIRef, ja: str, en: str | None) -> None:
    g.add((node, RDFS.label, Literal(ja, lang="ja")))
    if en is not None:
        g.add((node, RDFS.label, Literal(en, lang="en")))


def _emit_event(g: Graph, node: URIRef, fact: Event, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD[fact.type]))
    g.add((node, RDF.type, RD.Event))
    when = fact.start + (f"/{fact.end}" if fact.end else "")
    names = "、".join(labels.get(p.entity, p.entity) for p in fact.participants[:4])
    ja = f"{fact.name or labels.get('event:' + fact.type, fact.type)}（{names}、{when}）"
    _label(g, node, ja, None)  # English: _fact_english
    _emit_when(g, node, fact.start, fact.end, fact.fiscal)
    if fact.name:
        g.add((node, SCHEMA.name, Literal(fact.name, lang="ja")))
    for place in fact.location:
        g.add((node, SCHEMA.location, entity_iri(place)))
    if fact.series:
        g.add((node, RD.inSeries, entity_iri(fact.series)))
    for about in fact.about:
        g.add((node, RD.about, entity_iri(about)))
    if fact.at_event:
        g.add((node, RD.atEvent, URIRef(fact.at_event)))
    _emit_how_dated(g, node, fact.date_source, fact.time_qualifier)
    _emit_participations(g, node, fact.participants)


def _emit_participations(g: Graph, node: URIRef, participants: tuple, cases: dict[str, str] | None = None) -> None:
    for i, participant in enumerate(sorted(participants)):
        p = URIRef(f"{node}-participation-{i}")
        g.add((node, RD.hasParticipation, p))
        g.add((p, RDF.type, RD.Participation))
        g.add((p, RD.participant, entity_iri(participant.entity)))
        g.add((p, RD.role, RD[participant.role]))
        if participant.implicit:
            g.add((p, RD.implicit, Literal(True)))
        if cases and cases.get(participant.entity):
            g.add((p, RD.caseMarker, Literal(cases[participant.entity], lang="ja")))
        g.add((node, RD.participant, entity_iri(participant.entity)))


def _emit_how_dated(g: Graph, node: URIRef, date_source: str, time_qualifier: str) -> None:
    """How a fact's date was obtained (when not stated in its sentence) and how it bounds the fact."""
    if date_source:
        g.add((node, RD.dateSource, RD[date_source]))
    if time_qualifier:
        g.add((node, RD.timeQualifier, RD[time_qualifier]))


def _emit_when(g: Graph, node: URIRef, start: str, end: str, fiscal: bool) -> str:
    if fiscal and start:
        g.add((node, RD.fiscalYear, date_literal(start)))
        if end:
            g.add((node, RD.fiscalYearEnd, date_literal(end)))
    elif start:
        g.add((node, SCHEMA.startDate, date_literal(start)))
        if end:
            g.add((node, SCHEMA.endDate, date_literal(end)))
    return ("FY" if fiscal else "") + start + (f"/{end}" if end else "")


def _emit_action(g: Graph, node: URIRef, fact: Action, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.Action))
    when = _emit_when(g, node, fact.start, fact.end, fact.fiscal)
    names = "、".join(labels.get(p.entity, p.entity) for p in fact.participants[:4])
    negation = "（否定）" if fact.negated else ""
    _label(g, node, f"{fact.lemma}{negation}（{names}{'、' + when if when else ''}）",
           f"Action{' (negated)' if fact.negated else ''}{' (' + when + ')' if when else ''}")
    g.add((node, RD.lemma, Literal(fact.lemma, lang="ja")))
    if fact.negated:
        g.add((node, RD.negated, Literal(True)))
    if fact.planned:
        g.add((node, RD.planned, Literal(True)))
    if fact.at_event:
        g.add((node, RD.atEvent, URIRef(fact.at_event)))
    _emit_how_dated(g, node, fact.date_source, fact.time_qualifier)
    _emit_participations(g, node, fact.participants, dict(fact.cases))


def _emit_stated_quantity(g: Graph, node: URIRef, fact: StatedQuantity, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.StatedQuantity))
    about = "、".join(labels.get(e, e) for e in fact.about[:3])
    when = _emit_when(g, node, fact.start, fact.end, fact.fiscal)
    _label(g, node, f"{fact.measured or fact.surface}：{fact.surface}{'（' + about + '）' if about else ''}",
           f"{format(fact.value, 'f')} {fact.unit}{' (' + when + ')' if when else ''}")
    _emit_quantity(g, node, fact.value, fact.unit)
    g.add((node, RD.quantityText, Literal(fact.surface, lang="ja")))
    if fact.measured:
        g.add((node, RD.measuredQuantity, Literal(fact.measured, lang="ja")))
    for entity in fact.about:
        g.add((node, RD.about, entity_iri(entity)))
    if fact.comparator:
        g.add((node, RD.comparator, RD[fact.comparator]))
    if fact.approximation:
        g.add((node, RD.approximation, Literal(fact.approximation, lang="ja")))
    if fact.total:
        g.add((node, RD.totalQualifier, Literal(fact.total, lang="ja")))
    if fact.predicate:
        g.add((node, RD.lemma, Literal(fact.predicate, lang="ja")))
    _emit_how_dated(g, node, fact.date_source, fact.time_qualifier)


def _emit_post_holding(g: Graph, node: URIRef, fact: PostHolding, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.PostHolding))
    person, post = entity_iri(fact.person), entity_iri(fact.post)
    _label(g, node, f"{labels.get(fact.person, fact.person)}：{labels.get(fact.post, fact.post)}",
           f"{fact.person} holds {fact.post}")
    g.add((node, ORG.member, person))
    g.add((node, RD.post, post))
    if fact.date:
        g.add((node, RD.attestedOn, date_literal(fact.date)))
    g.add((person, ORG.holds, post))


def _emit_membership(g: Graph, node: URIRef, fact: Membership, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.Membership))
    _label(g, node, f"{labels.get(fact.member, fact.member)} ∈ {labels.get(fact.organization, fact.organization)}",
           f"{fact.member} member of {fact.organization}")
    g.add((node, ORG.member, entity_iri(fact.member)))
    g.add((node, ORG.organization, entity_iri(fact.organization)))
    g.add((entity_iri(fact.organization), ORG.hasMember, entity_iri(fact.member)))


def _emit_budget(g: Graph, node: URIRef, fact: BudgetLine, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.BudgetLine))
    _label(g, node, f"{labels.get(fact.measure, fact.measure)}：{fact.fiscal_year}年度 {yen_text(fact.value)}",
           f"FY{fact.fiscal_year} {fact.budget_kind}: JPY {format(fact.value, 'f')}")
    g.add((node, SCHEMA.value, decimal_literal(fact.value)))
    g.add((node, SCHEMA.currency, Literal("JPY")))
    g.add((node, RD.fiscalYear, date_literal(fact.fiscal_year)))
    g.add((node, RD.budgetKind, RD[fact.budget_kind]))
    if fact.portion_of:
        g.add((node, RD.isPortionOf, Literal(True)))
    if fact.qualifier:
        g.add((node, RD.qualifier, Literal(fact.qualifier, lang="ja")))
    g.add((node, RD.forMeasure, entity_iri(fact.measure)))
    g.add((entity_iri(fact.measure), RD.hasBudget, node))


def _emit_quantity(g: Graph, node: URIRef, value: Decimal, unit: str) -> None:
    g.add((node, SCHEMA.value, decimal_literal(value)))
    if unit in UNIT_CODES:
        g.add((node, SCHEMA.unitCode, Literal(UNIT_CODES[unit])))
    g.add((node, SCHEMA.unitText, Literal(unit)))


def _emit_observation(g: Graph, node: URIRef, fact: Observation, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.Observation))
    what = labels.get(fact.indicator, fact.quantity_label) if fact.indicator else fact.quantity_label
    period = fact.start + (f"–{fact.end}" if fact.end else "")
    suffix = "年度" if fact.fiscal else ""
    _label(g, node, f"{what}：{fact.approximation}{format(fact.value, 'f')}{fact.unit}（{period}{suffix}）",
           None)  # English: _fact_english
    if fact.indicator:
        g.add((node, RD.indicator, entity_iri(fact.indicator)))
    if fact.area:
        g.add((node, RD.about, entity_iri(fact.area)))  # whose figure it is
    if fact.quantity_label:
        g.add((node, RD.measuredQuantity, Literal(fact.quantity_label, lang="ja")))
    _emit_quantity(g, node, fact.value, fact.unit)
    year_property = RD.fiscalYear if fact.fiscal else RD.referenceYear
    if fact.end:
        g.add((node, RD.periodStart, date_literal(fact.start)))
        g.add((node, RD.periodEnd, date_literal(fact.end)))
        if fact.fiscal:
            g.add((node, RD.fiscalYear, date_literal(fact.end[:4])))
    elif fact.start:
        g.add((node, year_property, date_literal(fact.start[:4])))
    if fact.approximation:
        g.add((node, RD.approximation, Literal(fact.approximation, lang="ja")))


def _emit_target(g: Graph, node: URIRef, fact: Target, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.Target))
    sign = {"AtLeast": "以上", "AtMost": "以下", "EqualTo": ""}[fact.comparator]
    _label(g, node, f"{labels.get(fact.indicator, fact.indicator)}：{fact.target_year}年に{format(fact.value, 'f')}{fact.unit}{sign}",
           f"{fact.indicator}: {fact.comparator} {format(fact.value, 'f')} {fact.unit} by {fact.target_year}")
    g.add((node, RD.indicator, entity_iri(fact.indicator)))
    _emit_quantity(g, node, fact.value, fact.unit)
    g.add((node, RD.targetYear, date_literal(fact.target_year)))
    g.add((node, RD.comparator, RD[fact.comparator]))
    if fact.set_by:
        g.add((node, RD.setBy, entity_iri(fact.set_by)))


def _emit_supply_share(g: Graph, node: URIRef, fact: SupplyShare, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.SupplyShare))
    suppliers = "・".join(labels.get(s, s) for s in fact.suppliers)
    _label(g, node, f"{labels.get(fact.resource, fact.resource)}：{suppliers} {fact.approximation}{format(fact.value, 'f')}%",
           f"{fact.resource} from {', '.join(fact.suppliers)}: {format(fact.value, 'f')} %")
    g.add((node, RD.resource, entity_iri(fact.resource)))
    for supplier in fact.suppliers:
        g.add((node, RD.supplier, entity_iri(supplier)))
        g.add((entity_iri(supplier), RD.supplies, entity_iri(fact.resource)))
    if fact.importer:
        g.add((node, RD.importer, entity_iri(fact.importer)))
    _emit_quantity(g, node, fact.value, "%")
    if fact.approximation:
        g.add((node, RD.approximation, Literal(fact.approximation, lang="ja")))


_PREDICATES = {"location": SCHEMA.location}  # relations the text states with a standard property


def _emit_assertion(g: Graph, node: URIRef, fact: Assertion, labels: dict[str, str]) -> None:
    g.add((node, RDF.type, RD.Assertion))
    g.add((node, RDF.type, RDF.Statement))
    s, p, o = entity_iri(fact.subject), (_PREDICATES[fact.predicate] if fact.predicate in _PREDICATES else RD[fact.predicate]), entity_iri(fact.object)
    _label(g, node, f"{labels.get(fact.subject, fact.subject)} {fact.predicate} {labels.get(fact.object, fact.object)}",
           f"{fact.subject} {fact.predicate} {fact.object}")
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((s, p, o))


_EMITTERS = {
    Event: _emit_event,
    PostHolding: _emit_post_holding,
    Membership: _emit_membership,
    BudgetLine: _emit_budget,
    Observation: _emit_observation,
    Target: _emit_target,
    SupplyShare: _emit_supply_share,
    Assertion: _emit_assertion,
    Action: _emit_action,
    StatedQuantity: _emit_stated_quantity,
}


def emit_document_graph(record: DocumentRecord, facts: FactCollection, labels: dict[str, str],
                        g: Graph | None = None, labeller: Labeller | None = None) -> Graph:
    """What one document says: the document, its units and mentions, entities and facts."""
    g = Graph() if g is None else g
    labeller = labeller or default_labeller()
    emit_document(g, record)
    for entity in record.entities.values():
        emit_text_entity(g, entity, labeller)
    for fact, evidence in facts.items():
        emit_fact(g, fact, evidence, labels, labeller.name)
    return g
