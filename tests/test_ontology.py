"""ontology.ttl: parses with two parsers, every term is labelled in ja and en and defined, and
the rd classes hang off the standard vocabularies (W3C ORG, schema.org, FOAF, PROV-O, SKOS, NIF)."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from resdip import paths
from resdip.vocab import NIF, ONTOLOGY_IRI, RD, SCHEMA

RD_NS = "https://w3id.org/resdip/ontology#"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(paths.ONTOLOGY, format="turtle")


def declared(g: Graph) -> set[URIRef]:
    return {s for kind in KINDS for s in g.subjects(RDF.type, kind) if str(s).startswith(RD_NS)}


def test_parses_with_rdflib_and_pyoxigraph(onto: Graph) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(paths.ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(onto) > 500
    query = f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a <{OWL.Class}> FILTER STRSTARTS(STR(?c), '{RD_NS}') }}"
    (row,) = list(store.query(query))
    assert int(row["n"].value) == len({c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(RD_NS)})


def test_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/resdip/ontology/0.1.0")
    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.creator, DCTERMS.license, DCTERMS.created):
        assert onto.value(ONTOLOGY_IRI, predicate) is not None, predicate
    assert onto.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    assert onto.value(ONTOLOGY_IRI, DCTERMS.created).datatype == XSD.date
    assert {t.language for t in onto.objects(ONTOLOGY_IRI, DCTERMS.title)} == {"ja", "en"}


def test_every_term_has_ja_and_en_labels_and_a_definition(onto: Graph) -> None:
    terms = declared(onto)
    assert len(terms) > 100
    problems = []
    for term in sorted(terms):
        labels = {label.language for label in onto.objects(term, RDFS.label)}
        if not {"ja", "en"} <= labels:
            problems.append(f"{term}: labels {labels}")
        if "en" not in {d.language for d in onto.objects(term, SKOS.definition)}:
            problems.append(f"{term}: no English skos:definition")
    assert problems == []


def test_every_rd_iri_used_is_declared(onto: Graph) -> None:
    used = {n for triple in onto for n in triple if isinstance(n, URIRef) and str(n).startswith(RD_NS)}
    assert used - declared(onto) == set()


def test_each_term_has_one_kind(onto: Graph) -> None:
    for term in declared(onto):
        kinds = {k for k in KINDS if (term, RDF.type, k) in onto}
        assert len(kinds) == 1, (term, kinds)


@pytest.mark.parametrize(
    ("cls", "parent"),
    [
        (RD.Person, SCHEMA.Person), (RD.Person, FOAF.Person), (RD.Post, ORG.Post),
        (RD.Country, SCHEMA.Country), (RD.Place, SCHEMA.Place), (RD.Region, SCHEMA.Place),
        (RD.Chokepoint, RD.Place),
        (RD.GovernmentBody, ORG.Organization), (RD.PublicAgency, ORG.Organization),
        (RD.FinancialInstitution, ORG.Organization), (RD.InternationalOrganisation, ORG.Organization),
        (RD.Company, ORG.Organization), (RD.Partnership, ORG.OrganizationalCollaboration),
        (RD.ParticipantRole, ORG.Role), (RD.ParticipantRole, SKOS.Concept),
        (RD.PostHolding, ORG.Membership), (RD.Membership, ORG.Membership),
        (RD.Event, SCHEMA.Event), (RD.EventSeries, SCHEMA.EventSeries),
        (RD.BudgetLine, SCHEMA.MonetaryAmount), (RD.Observation, SCHEMA.QuantitativeValue),
        (RD.Target, SCHEMA.QuantitativeValue), (RD.Project, SCHEMA.Project), (RD.Vessel, SCHEMA.Vehicle),
        (RD.Law, SCHEMA.Legislation), (RD.PolicyDocument, SCHEMA.CreativeWork),
        (RD.Indicator, SKOS.Concept), (RD.Resource, SKOS.Concept),
        (RD.Fact, PROV.Entity), (RD.Measure, PROV.Activity), (RD.SourceDocument, PROV.Entity),
        (RD.SourceDocument, FOAF.Document), (RD.SourceDocument, NIF.Context),
        (RD.Sentence, NIF.Sentence), (RD.Sentence, NIF.String), (RD.Mention, NIF.Phrase),
        (RD.Assertion, RDF.Statement),
    ],
)
def test_standard_superclasses(onto: Graph, cls: URIRef, parent: URIRef) -> None:
    assert (cls, RDFS.subClassOf, parent) in onto


def test_resource_scheme_is_a_concept_scheme(onto: Graph) -> None:
    assert (RD.ResourceScheme, RDF.type, SKOS.ConceptScheme) in onto


def superclasses(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(cls, RDFS.subClassOf))


def test_fact_and_event_hierarchy(onto: Graph) -> None:
    events = ["Visit", "Meeting", "MinisterialMeeting", "Dialogue", "Exhibition", "Signing", "AgreementReached",
              "OpinionExchange", "GroundBreaking", "CabinetDecision", "Publication", "Revision", "Certification",
              "Establishment", "Test", "Survey", "Announcement"]
    for name in events:
        assert RD.Event in superclasses(onto, RD[name]), name
    for name in ["Event", "PostHolding", "Membership", "BudgetLine", "Observation", "SupplyShare", "Target", "Assertion"]:
        assert RD.Fact in superclasses(onto, RD[name]), name
    for name in ["MinisterialMeeting", "Dialogue"]:
        assert (RD[name], RDFS.subClassOf, RD.Meeting) in onto
    # PROV-O makes prov:Activity and prov:Entity disjoint; facts carry prov:wasDerivedFrom (domain
    # prov:Entity), so no fact class may also be a prov:Activity.
    facts = {c for c in onto.subjects(RDF.type, OWL.Class) if RD.Fact in superclasses(onto, c)}
    assert not any(PROV.Activity in superclasses(onto, c) for c in facts)


def test_named_individuals(onto: Graph) -> None:
    roles = ["Visitor", "Host", "Signatory", "Chair", "Attendee", "Convenor", "KeynoteSpeaker", "Organiser",
             "Counterpart", "Participant"]
    for name in roles:
        assert (RD[name], RDF.type, RD.ParticipantRole) in onto, name
    for name in ["InitialBudget", "SupplementaryBudget", "FiscalInvestmentAndLoan"]:
        assert (RD[name], RDF.type, RD.BudgetKind) in onto, name
    for name in ["AtLeast", "EqualTo", "AtMost"]:
        assert (RD[name], RDF.type, RD.Comparator) in onto, name
    labels = {str(o) for s in (RD.InitialBudget, RD.SupplementaryBudget, RD.FiscalInvestmentAndLoan,
                               RD.AtLeast, RD.AtMost)
              for p in (RDFS.label, SKOS.altLabel) for o in onto.objects(s, p)}
    assert {"当初", "補正", "財政投融資", "産投", "以上", "以下"} <= labels


def test_relation_predicates_are_object_properties(onto: Graph) -> None:
    for name in ["investsIn", "surveysIn", "trainsIn", "operates", "finances", "insures", "hasContractWith",
                 "diversificationTarget", "restrictsExports", "chokepointFor", "supplies", "cooperatesWith",
                 "partOf", "basedOn"]:
        assert (RD[name], RDF.type, OWL.ObjectProperty) in onto, name


def test_property_kinds_match_ranges(onto: Graph) -> None:
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        for rng in onto.objects(prop, RDFS.range):
            assert not str(rng).startswith(str(XSD)), (prop, rng)
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in onto.objects(prop, RDFS.range):
            assert str(rng).startswith(str(XSD)) or rng == RDF.langString, (prop, rng)


def test_standard_terms_are_not_reminted(onto: Graph) -> None:
    local = {str(t)[len(RD_NS):] for t in declared(onto)}
    assert local.isdisjoint({"startDate", "endDate", "member", "organization", "holds", "hasMember", "postIn",
                             "wasDerivedFrom", "location", "name", "value", "currency", "unitCode", "beginIndex",
                             "endIndex", "anchorOf", "prefLabel", "altLabel", "sameAs"})
