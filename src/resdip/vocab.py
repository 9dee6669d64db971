"""The project's namespaces, and the Python view of ``ontology.ttl``.

``RD`` is a closed :class:`rdflib.namespace.DefinedNamespace`: ``RD.Visit`` is a term of the
ontology, ``RD.Vist`` raises ``AttributeError`` instead of minting a new IRI. The ``RD`` class
below is generated from ``ontology.ttl``; after editing the ontology, regenerate it with::

    python -m resdip.vocab --write

``tests/test_vocab.py`` fails when the two disagree (a term in one and not the other).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    TIME,
    VOID,
    XSD,
    DefinedNamespace,
    Namespace,
)

from . import paths

# --- the project's own IRIs (docs/MODEL.md) ---

ONTOLOGY_IRI = URIRef("https://w3id.org/resdip/ontology")
RDI = Namespace("https://w3id.org/resdip/id/")  # entities: rdi:country-cl, rdi:candidate-person-…
RDD = Namespace("https://w3id.org/resdip/doc/")  # documents, sections, sentences, mentions
RDFACT = Namespace("https://w3id.org/resdip/fact/")  # fact nodes
GRAPH = Namespace("https://w3id.org/resdip/graph/")  # named graphs

# --- standard vocabularies ---

SCHEMA = SDO  # https://schema.org/ (rdflib's closed namespace)


class NIF(DefinedNamespace):
    """NIF 2.0 Core (the terms this project uses, and their close neighbours)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    # classes
    Context: URIRef
    OffsetBasedString: URIRef
    Paragraph: URIRef
    Phrase: URIRef
    RFC5147String: URIRef
    Sentence: URIRef
    String: URIRef
    Structure: URIRef
    Title: URIRef
    Word: URIRef

    # properties
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    isString: URIRef
    predLang: URIRef
    referenceContext: URIRef
    sentence: URIRef
    sourceUrl: URIRef
    subString: URIRef
    superString: URIRef


class ITSRDF(DefinedNamespace):
    """ITS 2.0 RDF (text-analysis annotation terms)."""

    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taClassRef: URIRef
    taConfidence: URIRef
    taIdentRef: URIRef
    taSource: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the terms that place a sentence in a PDF page or a web page)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    FragmentSelector: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    XPathSelector: URIRef
    exact: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    prefix: URIRef
    suffix: URIRef


#: RFC 8118, the ``application/pdf`` fragment identifiers a FragmentSelector's value conforms to
RFC8118 = URIRef("http://tools.ietf.org/rfc/rfc8118")


# --- generated from ontology.ttl by `python -m resdip.vocab --write`; do not edit by hand ---
class RD(DefinedNamespace):
    """resdip ontology terms (https://w3id.org/resdip/ontology#), generated from ontology.ttl."""

    _NS = Namespace("https://w3id.org/resdip/ontology#")
    _fail = True

    # owl:Class
    Action: URIRef  # Action (generic)
    Agreement: URIRef  # Agreement
    AgreementReached: URIRef  # Agreement reached
    Announcement: URIRef  # Announcement
    Assertion: URIRef  # Assertion
    BudgetKind: URIRef  # Budget kind
    BudgetLine: URIRef  # Budget line
    CabinetDecision: URIRef  # Cabinet decision
    Certification: URIRef  # Certification
    Chokepoint: URIRef  # Chokepoint
    Company: URIRef  # Company
    Comparator: URIRef  # Comparator
    Country: URIRef  # Country
    DateSource: URIRef  # Date source
    Dialogue: URIRef  # Dialogue
    Entity: URIRef  # Entity
    Establishment: URIRef  # Establishment
    Event: URIRef  # Event
    EventSeries: URIRef  # Event series
    Exhibition: URIRef  # Exhibition
    ExplorationContract: URIRef  # Exploration contract
    Fact: URIRef  # Fact
    FinancialInstitution: URIRef  # Financial institution
    GovernmentBody: URIRef  # Government body
    GroundBreaking: URIRef  # Ground-breaking ceremony
    Indicator: URIRef  # Indicator
    InternationalOrganisation: URIRef  # International organisation
    Law: URIRef  # Law
    Measure: URIRef  # Measure
    Meeting: URIRef  # Meeting
    Membership: URIRef  # Membership
    MemorandumOfUnderstanding: URIRef  # Memorandum of understanding
    Mention: URIRef  # Mention
    MinisterialMeeting: URIRef  # Ministerial meeting
    Observation: URIRef  # Observation
    OpinionExchange: URIRef  # Exchange of views
    ParticipantRole: URIRef  # Participant role
    Participation: URIRef  # Participation
    Partnership: URIRef  # Partnership
    Person: URIRef  # Person
    Place: URIRef  # Place
    Plan: URIRef  # Plan
    Policy: URIRef  # Policy
    PolicyDocument: URIRef  # Policy document
    Post: URIRef  # Post
    PostHolding: URIRef  # Post holding
    Project: URIRef  # Project
    PublicAgency: URIRef  # Public agency
    Publication: URIRef  # Publication
    Region: URIRef  # Region
    Resource: URIRef  # Resource
    Revision: URIRef  # Revision
    Section: URIRef  # Section
    Sentence: URIRef  # Sentence
    Signing: URIRef  # Signing
    SourceDocument: URIRef  # Source document
    StatedQuantity: URIRef  # Stated quantity
    SupplyShare: URIRef  # Supply share
    Survey: URIRef  # Survey
    Target: URIRef  # Target
    Test: URIRef  # Test
    TimeQualifier: URIRef  # Time qualifier
    Vessel: URIRef  # Vessel
    Visit: URIRef  # Visit

    # owl:ObjectProperty
    about: URIRef  # about
    atEvent: URIRef  # at event
    basedOn: URIRef  # based on
    budgetKind: URIRef  # budget kind
    chokepointFor: URIRef  # chokepoint for
    comparator: URIRef  # comparator
    concernsResource: URIRef  # concerns resource
    cooperatesWith: URIRef  # cooperates with
    dateSource: URIRef  # date source
    diversificationTarget: URIRef  # diversification target
    finances: URIRef  # finances
    forMeasure: URIRef  # for measure
    hasBudget: URIRef  # has budget
    hasContractWith: URIRef  # has contract with
    hasParticipation: URIRef  # has participation
    implements: URIRef  # implements
    importer: URIRef  # importer
    inSection: URIRef  # in section
    inSeries: URIRef  # in series
    indicator: URIRef  # indicator
    insures: URIRef  # insures
    investsIn: URIRef  # invests in
    jurisdiction: URIRef  # jurisdiction
    operates: URIRef  # operates
    partOf: URIRef  # part of
    participant: URIRef  # participant
    post: URIRef  # post
    resource: URIRef  # resource
    restrictsExports: URIRef  # restricts exports
    role: URIRef  # role
    runBy: URIRef  # run by
    setBy: URIRef  # set by
    supplier: URIRef  # supplier
    supplies: URIRef  # supplies
    surveysIn: URIRef  # surveys in
    timeQualifier: URIRef  # time qualifier
    trainsIn: URIRef  # trains in
    visited: URIRef  # visited

    # owl:DatatypeProperty
    approximation: URIRef  # approximation
    attestedOn: URIRef  # attested on
    attribution: URIRef  # attribution
    caseMarker: URIRef  # case marker
    fileName: URIRef  # file name
    fiscalYear: URIRef  # fiscal year
    fiscalYearEnd: URIRef  # last fiscal year
    implicit: URIRef  # implicit
    isPortionOf: URIRef  # is portion of
    isTaxMeasure: URIRef  # is tax measure
    isoCode: URIRef  # ISO code
    lemma: URIRef  # lemma
    measureNumber: URIRef  # measure number
    measuredQuantity: URIRef  # measured quantity
    negated: URIRef  # negated
    periodEnd: URIRef  # period end
    periodStart: URIRef  # period start
    planned: URIRef  # planned
    qualifier: URIRef  # qualifier
    quantityText: URIRef  # quantity as written
    referenceYear: URIRef  # reference year
    reviewed: URIRef  # reviewed
    sectionNumber: URIRef  # section number
    sectionPath: URIRef  # section path
    sha256: URIRef  # SHA-256
    targetYear: URIRef  # target year
    text: URIRef  # text
    totalQualifier: URIRef  # total qualifier
    unitKind: URIRef  # unit kind

    # owl:AnnotationProperty
    composedLabel: URIRef  # composed label
    machineLabel: URIRef  # machine label

    # owl:NamedIndividual
    Agent: URIRef  # agent
    AsOf: URIRef  # as of
    AtLeast: URIRef  # at least
    AtMost: URIRef  # at most
    Attendee: URIRef  # attendee
    Basis: URIRef  # basis
    BudgetKindScheme: URIRef  # Budget kinds
    By: URIRef  # by
    Capacity: URIRef  # capacity
    CarriedFromContext: URIRef  # carried from context
    Chair: URIRef  # chair
    ComparatorScheme: URIRef  # Comparators
    Convenor: URIRef  # convenor
    Counterpart: URIRef  # counterpart
    DateSourceScheme: URIRef  # Date sources
    DocumentDate: URIRef  # the document's date
    EqualTo: URIRef  # equal to
    FiscalInvestmentAndLoan: URIRef  # fiscal investment and loan
    FromEarlierSentence: URIRef  # from an earlier sentence
    Goal: URIRef  # goal
    Head: URIRef  # head
    Host: URIRef  # host
    InitialBudget: URIRef  # initial budget
    Instrument: URIRef  # instrument
    KeynoteSpeaker: URIRef  # keynote speaker
    Organiser: URIRef  # organiser
    Origin: URIRef  # origin
    Participant: URIRef  # participant
    ParticipantRoleScheme: URIRef  # Participant roles
    Partner: URIRef  # partner
    Purpose: URIRef  # purpose
    ResourceScheme: URIRef  # Resources
    Setting: URIRef  # setting
    Signatory: URIRef  # signatory
    Since: URIRef  # since
    SupplementaryBudget: URIRef  # supplementary budget
    Theme: URIRef  # theme
    TimeQualifierScheme: URIRef  # Time qualifiers
    Topic: URIRef  # topic
    Until: URIRef  # until
    Visitor: URIRef  # visitor
    YearFromDocument: URIRef  # year from the document
# --- end generated ---

_PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "rd": RD,
    "rdi": RDI,
    "rdd": RDD,
    "rdfact": RDFACT,
    "dcat": DCAT,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "itsrdf": ITSRDF,
    "nif": NIF,
    "oa": OA,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "sh": SH,
    "skos": SKOS,
    "time": TIME,
    "void": VOID,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (docs/MODEL.md) on ``graph`` (a Graph or Dataset); return it."""
    for prefix, namespace in _PREFIXES.items():
        iri = str(namespace) if isinstance(namespace, Namespace) else str(namespace._NS)
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


# --- the generator ---

_KINDS = (
    (OWL.Class, "owl:Class"),
    (OWL.ObjectProperty, "owl:ObjectProperty"),
    (OWL.DatatypeProperty, "owl:DatatypeProperty"),
    (OWL.AnnotationProperty, "owl:AnnotationProperty"),
    (OWL.NamedIndividual, "owl:NamedIndividual"),
)
_BEGIN = "# --- generated from ontology.ttl by `python -m resdip.vocab --write`; do not edit by hand ---\n"
_END = "# --- end generated ---\n"
_RD_NS = "https://w3id.org/resdip/ontology#"


def ontology_terms(ontology_path: Path = paths.ONTOLOGY) -> dict[str, str]:
    """Local name -> OWL kind (``owl:Class``…) of every term ``ontology.ttl`` declares in ``rd:``."""
    graph = Graph().parse(ontology_path, format="turtle")
    terms: dict[str, str] = {}
    for kind, kind_name in _KINDS:
        for subject in graph.subjects(RDF.type, kind):
            if isinstance(subject, URIRef) and str(subject).startswith(_RD_NS):
                terms.setdefault(str(subject)[len(_RD_NS):], kind_name)
    return terms


def render_rd_class(ontology_path: Path = paths.ONTOLOGY) -> str:
    """The source text of the generated ``RD`` class, from ``ontology.ttl``."""
    graph = Graph().parse(ontology_path, format="turtle")
    terms = ontology_terms(ontology_path)
    lines = [
        _BEGIN,
        "class RD(DefinedNamespace):\n",
        '    """resdip ontology terms (https://w3id.org/resdip/ontology#), generated from ontology.ttl."""\n',
        "\n",
        f'    _NS = Namespace("{_RD_NS}")\n',
        "    _fail = True\n",
    ]
    for _, kind_name in _KINDS:
        names = sorted(name for name, kind in terms.items() if kind == kind_name)
        if not names:
            continue
        lines.append(f"\n    # {kind_name}\n")
        for name in names:
            labels = [str(o) for o in graph.objects(URIRef(_RD_NS + name), RDFS.label)
                      if getattr(o, "language", None) == "en"]
            comment = f"  # {sorted(labels)[0]}" if labels else ""
            lines.append(f"    {name}: URIRef{comment}\n")
    lines.append(_END)
    return "".join(lines)


def write_vocab(ontology_path: Path = paths.ONTOLOGY, vocab_path: Path | None = None) -> bool:
    """Regenerate the ``RD`` class in vocab.py from ``ontology.ttl``; return True if it changed."""
    vocab_path = vocab_path or Path(__file__)
    source = vocab_path.read_text(encoding="utf-8")
    begin, end = source.index(_BEGIN), source.index(_END) + len(_END)
    updated = source[:begin] + render_rd_class(ontology_path) + source[end:]
    if updated == source:
        return False
    vocab_path.write_text(updated, encoding="utf-8")
    return True


def generated_block(vocab_path: Path | None = None) -> str:
    """The generated block as it stands in vocab.py (what the test compares)."""
    source = (vocab_path or Path(__file__)).read_text(encoding="utf-8")
    return source[source.index(_BEGIN):source.index(_END) + len(_END)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m resdip.vocab", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="regenerate the RD class from ontology.ttl")
    args = parser.parse_args(argv)
    if args.write:
        changed = write_vocab()
        print("vocab.py regenerated" if changed else "vocab.py already up to date")
        return 0
    in_sync = generated_block() == render_rd_class()
    print("vocab.py agrees with ontology.ttl" if in_sync else "vocab.py is out of date: run with --write")
    return 0 if in_sync else 1


if __name__ == "__main__":
    sys.exit(main())
