"""shapes.ttl and resdip.rdf.validate: a small conforming dataset passes, broken ones are named.

The fixture below is hand-written after docs/MODEL.md, from two sentences of the source text
(sources/energy-white-paper-2025-part2-ch1.txt): 齋藤経済産業大臣's visit to Chile in June 2024,
and measure (9)'s 2024年度補正 budget of 150億円. Offsets are illustrative, not the real ones.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

from resdip import paths
from resdip.errors import DataFileError, ValidationError
from resdip.rdf.validate import ShapeViolations, validate

PREFIXES = """\
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rd: <https://w3id.org/resdip/ontology#> .
@prefix rdd: <https://w3id.org/resdip/doc/> .
@prefix rdfact: <https://w3id.org/resdip/fact/> .
@prefix rdi: <https://w3id.org/resdip/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

GOOD = PREFIXES + """
<https://w3id.org/resdip/graph/registry> {
    rdi:country-cl a rd:Country ; rdfs:label "チリ"@ja , "Chile"@en ; rd:isoCode "CL" ;
        rd:reviewed true ; owl:sameAs <http://www.wikidata.org/entity/Q298> .
    rdi:country-jp a rd:Country ; rdfs:label "日本"@ja , "Japan"@en ; rd:isoCode "JP" ; rd:reviewed true .
    rdi:org-meti a rd:GovernmentBody ; rdfs:label "経済産業省"@ja , "METI"@en ; rd:reviewed true ;
        rd:jurisdiction rdi:country-jp .
    rdi:post-meti-minister a rd:Post ; rdfs:label "経済産業大臣"@ja , "Minister of Economy, Trade and Industry"@en ;
        org:postIn rdi:org-meti ; rd:jurisdiction rdi:country-jp ; rd:reviewed true .
    rdi:person-saito-ken a rd:Person ; rdfs:label "齋藤健"@ja , "Saito Ken"@en ; rd:reviewed true ;
        org:holds rdi:post-meti-minister .
    rdi:resource-lng a rd:Resource ; rdfs:label "LNG"@ja , "LNG"@en ; skos:inScheme rd:ResourceScheme ;
        rd:reviewed true .
}

<https://w3id.org/resdip/graph/doc/ewp2025-p2c1> {
    rdd:ewp2025-p2c1 a rd:SourceDocument , prov:Entity , foaf:Document , nif:Context ;
        dcterms:title "エネルギー白書2025 第2部第1章"@ja ;
        dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
        rd:fileName "energy-white-paper-2025-part2-ch1.txt" ;
        rd:sha256 "0000000000000000000000000000000000000000000000000000000000000000" .
    rdd:ewp2025-p2c1\\/section\\/3 a rd:Section ; rdfs:label "3．レアメタル等の鉱物資源の確保に向けた取組"@ja ;
        rd:sectionNumber "3." ; dcterms:isPartOf rdd:ewp2025-p2c1 .
    <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> a rd:Sentence , nif:String ;
        nif:beginIndex "100"^^xsd:nonNegativeInteger ; nif:endIndex "160"^^xsd:nonNegativeInteger ;
        nif:anchorOf "2024年6月に齋藤経済産業大臣がチリを訪問し、…" ;
        rd:text "2024年6月に齋藤経済産業大臣がチリを訪問し、…" ;
        rd:inSection rdd:ewp2025-p2c1\\/section\\/3 ;
        nif:referenceContext rdd:ewp2025-p2c1 .
    rdd:ewp2025-p2c1\\/mention\\/110-118 a rd:Mention ;
        nif:beginIndex "110"^^xsd:nonNegativeInteger ; nif:endIndex "118"^^xsd:nonNegativeInteger ;
        nif:anchorOf "齋藤経済産業大臣" ;
        nif:sentence <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> ;
        itsrdf:taIdentRef rdi:person-saito-ken .

    rdfact:visit-0000000000000001 a rd:Visit ;
        schema:startDate "2024-06"^^xsd:gYearMonth ;
        schema:location rdi:country-cl ;
        rd:hasParticipation rdfact:visit-0000000000000001-p1 ;
        rd:participant rdi:person-saito-ken ;
        prov:wasDerivedFrom <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> .
    rdfact:visit-0000000000000001-p1 a rd:Participation ;
        rd:participant rdi:person-saito-ken ; rd:role rd:Visitor .

    rdfact:postholding-0000000000000001 a rd:PostHolding ;
        org:member rdi:person-saito-ken ; rd:post rdi:post-meti-minister ;
        rd:attestedOn "2024-06"^^xsd:gYearMonth ;
        prov:wasDerivedFrom <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> .

    rdi:candidate-measure-0123456789 a rd:Measure ;
        rdfs:label "経済環境変化に応じた重要物資サプライチェーン強靱化支援事業（LNG）"@ja ;
        rd:reviewed false ; rd:measureNumber "(9)" ; rd:concernsResource rdi:resource-lng ;
        rd:hasBudget rdfact:budget-0000000000000001 .
    rdfact:budget-0000000000000001 a rd:BudgetLine ;
        schema:value 15000000000.0 ; schema:currency "JPY" ;
        rd:fiscalYear "2024"^^xsd:gYear ; rd:budgetKind rd:SupplementaryBudget ;
        rd:forMeasure rdi:candidate-measure-0123456789 ;
        prov:wasDerivedFrom <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> .
}
"""

# Each broken node breaks one rule the brief names; the validator must name every one of them.
BROKEN = GOOD + """
<https://w3id.org/resdip/graph/doc/broken> {
    rdfact:event-nodate a rd:Meeting ;
        rd:participant rdi:country-cl ;
        prov:wasDerivedFrom <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> .
    rdfact:budget-nocurrency a rd:BudgetLine ;
        schema:value 5000000000.0 ; rd:fiscalYear "2024"^^xsd:gYear ; rd:budgetKind rd:InitialBudget ;
        prov:wasDerivedFrom <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> .
    rdfact:membership-noprov a rd:Membership ;
        org:member rdi:country-jp ; org:organization rdi:country-cl .
    rdi:person-nojalabel a rd:Person ; rdfs:label "King Madeleine"@en ; rd:reviewed true .
}
"""


def dataset(trig: str) -> Dataset:
    return Dataset().parse(data=trig, format="trig")


def test_conforming_dataset_passes() -> None:
    assert validate(dataset(GOOD)) is None


def test_pyoxigraph_store_is_accepted() -> None:
    store = pyoxigraph.Store()
    store.load(GOOD.encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    assert validate(store) is None


def test_broken_nodes_are_named() -> None:
    with pytest.raises(ShapeViolations) as caught:
        validate(dataset(BROKEN))
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.exit_code == 6
    focus = {v.focus for v in error.violations}
    assert focus == {
        "rdfact:event-nodate",
        "rdfact:budget-nocurrency",
        "rdfact:membership-noprov",
        "rdi:person-nojalabel",
    }
    message = str(error)
    first_line = message.splitlines()[0]
    assert first_line.startswith("4 SHACL violations of shapes.ttl")
    for name in focus:
        assert name in message
    assert "rdfact:budget-nocurrency — schema:currency — " in message
    assert "rdi:person-nojalabel — rdfs:label — needs an rdfs:label in Japanese (@ja)" in message
    assert "rdfact:event-nodate — (node) — an event needs a date" in message
    assert "prov:wasDerivedFrom" in message
    assert "Validation Report" in error.report_text


@pytest.mark.parametrize(
    ("good", "bad", "focus"),
    [
        ('schema:startDate "2024-06"^^xsd:gYearMonth', 'schema:startDate "2024-13"^^xsd:gYearMonth',
         "rdfact:visit-0000000000000001"),
        ('schema:startDate "2024-06"^^xsd:gYearMonth', 'schema:startDate "June 2024"',
         "rdfact:visit-0000000000000001"),
        ('nif:beginIndex "110"^^xsd:nonNegativeInteger', 'nif:beginIndex "110"',
         "rdd:ewp2025-p2c1/mention/110-118"),
        ('nif:beginIndex "110"^^xsd:nonNegativeInteger', "nif:beginIndex 200",
         "rdd:ewp2025-p2c1/mention/110-118"),
        ('nif:beginIndex "110"^^xsd:nonNegativeInteger', "nif:beginIndex -1",
         "rdd:ewp2025-p2c1/mention/110-118"),
        ('rd:fiscalYear "2024"^^xsd:gYear', 'rd:fiscalYear "FY2024"^^xsd:gYear', "rdfact:budget-0000000000000001"),
        ('rd:fiscalYear "2024"^^xsd:gYear', 'rd:fiscalYear 2024', "rdfact:budget-0000000000000001"),
        ("prov:wasDerivedFrom <https://w3id.org/resdip/doc/ewp2025-p2c1#char=100,160> .\n    rdfact:visit",
         "prov:wasDerivedFrom rdi:country-cl .\n    rdfact:visit", "rdfact:visit-0000000000000001"),
        ("rd:role rd:Visitor", "rd:role rdi:country-cl", "rdfact:visit-0000000000000001-p1"),
        ("rd:budgetKind rd:SupplementaryBudget", "rd:budgetKind rd:AtLeast", "rdfact:budget-0000000000000001"),
        ('schema:value 15000000000.0', 'schema:value "150億円"', "rdfact:budget-0000000000000001"),
        ('rd:isoCode "CL"', 'rd:isoCode "CHL"', "rdi:country-cl"),
        ('"Saito Ken"@en', '"Saito Ken"@de', "rdi:person-saito-ken"),
    ],
)
def test_single_breakages(good: str, bad: str, focus: str) -> None:
    assert good in GOOD
    with pytest.raises(ShapeViolations) as caught:
        validate(dataset(GOOD.replace(good, bad, 1)))
    assert any(v.focus == focus for v in caught.value.violations), str(caught.value)


def test_reviewed_entity_needs_english_label_but_candidate_does_not() -> None:
    candidate = GOOD + """
    <https://w3id.org/resdip/graph/doc/x> { rdi:candidate-person-abc a rd:Person ; rdfs:label "キング"@ja ;
        rd:reviewed false . }
    """
    assert validate(dataset(candidate)) is None
    with pytest.raises(ShapeViolations) as caught:
        validate(dataset(candidate.replace("rd:reviewed false . }", "rd:reviewed true . }")))
    assert "English" in str(caught.value)


def test_every_class_has_a_shape() -> None:
    ontology = Graph().parse(paths.ONTOLOGY)
    shapes = Graph().parse(paths.SHAPES)
    rd = "https://w3id.org/resdip/ontology#"
    from rdflib.namespace import OWL

    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(rd)}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()
    assert targeted - classes == set()  # no shape for a class the ontology lacks


def test_every_shape_carries_a_message() -> None:
    shapes = Graph().parse(paths.SHAPES)
    for prop in shapes.subjects(SH.path, None):
        if (None, SH.property, prop) in shapes:
            assert shapes.value(prop, SH.message), f"property shape on {shapes.value(prop, SH.path)} has no sh:message"


def test_rd_terms_in_shapes_exist_in_ontology() -> None:
    from resdip.vocab import ontology_terms

    terms = set(ontology_terms())
    rd = "https://w3id.org/resdip/ontology#"
    shapes = Graph().parse(paths.SHAPES)
    used = {str(n)[len(rd):] for triple in shapes for n in triple if isinstance(n, URIRef) and str(n).startswith(rd)}
    assert used - terms == set()


def test_malformed_shapes_raise_data_file_error(tmp_path: Path) -> None:
    broken = tmp_path / "shapes.ttl"
    broken.write_text(paths.SHAPES.read_text(encoding="utf-8").replace("sh:NodeShape ;", "sh:NodeShape ", 1))
    with pytest.raises(DataFileError) as caught:
        validate(dataset(GOOD), shapes_path=broken)
    assert str(broken) in str(caught.value)
    assert "line " in str(caught.value)


def test_malformed_ontology_raises_data_file_error(tmp_path: Path) -> None:
    broken = tmp_path / "ontology.ttl"
    broken.write_text("@prefix rd: <https://w3id.org/resdip/ontology#> .\n\nrd:A a rd:B ;\n  rd:c .\n")
    with pytest.raises(DataFileError) as caught:
        validate(dataset(GOOD), ontology_path=broken)
    assert "ontology.ttl: line 4" in str(caught.value)


def test_missing_shapes_raise_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        validate(dataset(GOOD), shapes_path=tmp_path / "nope.ttl")
