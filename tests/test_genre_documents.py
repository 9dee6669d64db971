"""Documents of the genre written for the tests, read with no code change and scored against gold
annotated before the build ever ran on them (``tests/docs/README.md``, ``tests/gold/README.md``).

The press releases come with no metadata file: their date, title and publisher must be read from
their own header. Scores are summed over the documents (each is short, so one fact moves a
document's score by several points); the thresholds are the issue's acceptance bars.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from resdip import paths
from resdip.evaluation.evaluate import Score, evaluate
from resdip.extract.document import DocumentInfo, extract_document
from resdip.text.header import complete_meta
from resdip.registry import load_registry
from resdip.text.sources import source_for
from resdip.text import parse_document, read_text

from conftest import build_documents

DOCS = paths.ROOT / "tests" / "docs"
GOLD = paths.ROOT / "tests" / "gold"
# written after the rules by someone who saw neither them nor their output
HELD_OUT = ("ho-", "ho2-", "ho3-", "ho4-", "ho5-", "ho6-", "ho7-", "ho8-", "ho9-", "ho10-", "ho11-", "ho12-", "ho13-", "ho14-",
            "ho15-", "ho16-", "ho17-", "ho18-", "ho19-", "ho20-", "ho21-", "ho22-", "ho23-", "ho24-", "ho25-")
RELEASES = sorted(p.stem for p in DOCS.glob("rel-*.txt")) + sorted(
    p.stem for p in DOCS.glob("ho*-*.txt") if p.stem.startswith(HELD_OUT) and not p.with_suffix(".json").exists())
PAGES = sorted(p.stem for p in DOCS.glob("wp*.txt")) + sorted(
    p.stem for p in DOCS.glob("ho*-*.txt") if p.stem.startswith(HELD_OUT) and p.with_suffix(".json").exists())
NAMES = RELEASES + PAGES
#: the documents before the second held-out set (the later sets are measured apart, below)
FIRST = [name for name in NAMES if not name.startswith(("ho2-", "ho3-", "ho4-", "ho5-", "ho6-", "ho7-", "ho8-", "ho9-",
                                                        "ho10-", "ho11-", "ho12-", "ho13-", "ho14-", "ho15-",
                                                        "ho16-", "ho17-", "ho18-", "ho19-", "ho20-", "ho21-",
                                                        "ho22-", "ho23-", "ho24-", "ho25-"))]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    return build_documents([DOCS / f"{name}.txt" for name in NAMES], tmp_path_factory.mktemp("genre"))


@pytest.fixture(scope="module")
def scores(built: ox.Store) -> dict[str, dict[str, Score]]:
    return {name: evaluate(GOLD / f"{name}.jsonl", store=built, text_path=DOCS / f"{name}.txt") for name in NAMES}


def total(scores: dict[str, dict[str, Score]], kind: str, names: list[str] | None = None) -> tuple[int, int, int]:
    rows = [s[kind] for name, s in scores.items() if kind in s and name in (FIRST if names is None else names)]
    return sum(r.gold for r in rows), sum(r.extracted for r in rows), sum(r.matched for r in rows)


def test_there_are_documents_of_each_genre() -> None:
    assert len(RELEASES) >= 5 and len(PAGES) >= 2
    assert any((DOCS / f"{name}.json").exists() and '"pdf"' in (DOCS / f"{name}.json").read_text() for name in PAGES)


@pytest.mark.parametrize("name", RELEASES)
def test_release_header_read_from_the_text(scores, name: str) -> None:
    header = scores[name]["document"]
    assert header.matched == header.gold, header.missed


def test_typed_facts_stay_precise(scores) -> None:
    gold, extracted, matched = total(scores, "overall")
    assert extracted >= 30
    assert matched / extracted >= 0.90, (matched, extracted)


def test_generic_actions_name_only_arguments_of_their_predicate(scores) -> None:
    _, checked, right = total(scores, "actions (participants)")
    assert checked >= 50
    assert right / checked >= 0.90, (right, checked)


def test_entities_the_text_relates_are_linked(scores) -> None:
    gold, _, found = total(scores, "links")
    assert gold >= 100
    assert found / gold >= 0.80, (found, gold)


def test_quantities_are_found_and_attached(scores) -> None:
    gold, _, found = total(scores, "quantities")
    assert found / gold >= 0.85, (found, gold)
    gold, _, attached = total(scores, "quantities+about")
    assert attached / gold >= 0.65, (attached, gold)


#: Each held-out set, written by someone who saw neither the rules nor their output, was first
#: measured blind: ho2- typed precision 0.76, links 0.67, quantities 0.76, actions 0.68; ho3- 0.76
#: (recall 0.56), links 0.84, quantities 0.93 (0.62 attached), actions 0.78; ho4- 0.78 (recall 0.46),
#: links 0.55, quantities 0.93 (0.67 attached), actions 0.69; ho5- 0.75 (recall 0.40), links 0.62,
#: quantities 0.98 (0.69 attached), actions 0.64; ho6- 0.69 (recall 0.39), links 0.59, quantities 0.85
#: (0.55 attached), actions 0.70; ho7- (after the ho6- fixes) 0.72 (recall 0.42), links 0.65, quantities
#: 0.94 (0.44 attached), actions 0.65; ho8- (after the ho7- fixes) 0.71 (recall 0.38), links 0.66,
#: quantities 0.88 (0.52 attached), actions 0.70; ho9- (after the ho8- fixes and the general ones of the round
#: that followed) 0.76 (recall 0.42), links 0.57, quantities 0.97 (0.67 attached), actions 0.63; ho10- 0.82 (recall
#: 0.65), links 0.67, quantities 0.97 (0.70 attached), actions 0.69 (ho10-meti-visit not fully blind); ho11- (after
#: the ho10- round) 0.77 (recall 0.54), links 0.68, quantities 0.90 (0.64 attached), actions 0.72 (ho11-meti-visit
#: not fully blind; without it 0.80, recall 0.54, links 0.61); ho12- (after the general fixes of the next round's
#: start) 0.86 (recall 0.55), links 0.68, quantities 0.88 (0.56 attached), actions 0.69; ho13- (after the start of the
#: round that followed) 0.83 (recall 0.57), links 0.74, quantities 0.96 (0.78 attached), actions 0.73; ho14- (at the
#: end of that round) 0.77 (recall 0.45), links 0.69, quantities 0.86 (0.54 attached), actions 0.78; ho15- (after the
#: start of the round that followed) 0.80 (recall 0.51), links 0.59, quantities 0.99 (0.57 attached), actions 0.71; ho16-
#: (after the first commit of the round that followed) 0.82 (recall 0.62), links 0.78, quantities 0.96 (0.53 attached),
#: actions 0.78; ho17- (after the first two commits of the round that followed) 0.79 (recall 0.56), links 0.79,
#: quantities 1.00 (0.66 attached), actions 0.64; ho18- (after the first three commits of the round that followed;
#: not fully blind, see tests/gold/README.md) 0.87 (recall 0.64), links 0.75, quantities 1.00 (0.72 attached),
#: actions 0.67; ho19- (after the first commit of the round that followed; written outside the repository and moved
#: in whole) 0.81 (recall 0.56), links 0.68, quantities 0.93 (0.67 attached), actions 0.73; ho20- (after the first
#: four commits of the round that followed; written outside the repository and moved in whole) 0.87 (recall 0.64),
#: links 0.72, quantities 0.94 (0.78 attached), actions 0.74; ho21- (after the first two commits of the round that
#: followed; written outside the repository and moved in whole) 0.87 (recall 0.72), links 0.79, quantities 0.98 (0.76
#: attached), actions 0.83; ho22- (after the first seven commits of the round that followed; written outside the
#: repository and moved in whole) 0.84 (recall 0.61), links 0.70, quantities 0.98 (0.71 attached), actions 0.77; ho23- (after
#: the first eleven commits of the round that followed; written outside the repository and moved in whole; its PDF page
#: did not build there, the SHACL gate refusing a visit with no party read, so it was measured after that guard and the
#: kana-in-a-kanji-name fix it prompted) 0.79 (recall 0.49), links 0.64, quantities 0.96 (0.62 attached), actions 0.67;
#: ho24- (after the first fourteen commits of the round that followed; written outside the repository and moved in
#: whole; measured with the evaluator's new target unit kl) 0.80 (recall 0.51), links 0.64, quantities 0.89 (0.60
#: attached), actions 0.67 (at the round's start: 0.80, recall 0.50, actions 0.66); ho25- (after the first six commits of
#: the round that followed; written outside the repository and moved in whole; at the round's start its build stopped at the
#: SHACL gate, a gulf coast read as a supplier, so it was measured there with suppliers limited to countries and regions)
#: 0.75 (recall 0.51), links 0.69, quantities 0.92 (0.65 attached), actions 0.70 (at the round's start 0.75, recall 0.50).
#: ho3-'s
#: links bar went from 0.89 to 0.88 when a country that only locates a named place (「同国北西部のX地域における」)
#: became part of the place's designation: its gold, unlike the later sets', kept that country as an argument; its action
#: bar went from 0.89 to 0.86 when a resource in a traded form (銅精鉱, クロム鉱石) became an argument: ho3-'s gold has no
#: clause for 引き取る, 依存する or a planned 生産する, which the later sets annotate (+68 right, +15 wrong over all). The bars keep
#: what general fixes since reached: (set, documents at least, typed precision, typed recall, links, quantities,
#: action precision).
HELD_OUT_BARS = [
    ("ho2-", 6, 0.92, 0.81, 0.89, 0.99, 0.86),
    ("ho3-", 7, 0.87, 0.84, 0.88, 0.99, 0.86),
    ("ho4-", 7, 0.92, 0.84, 0.85, 0.96, 0.81),
    ("ho5-", 7, 0.89, 0.81, 0.92, 0.99, 0.74),
    ("ho6-", 7, 0.85, 0.72, 0.81, 0.99, 0.76),
    ("ho7-", 7, 0.83, 0.71, 0.79, 0.97, 0.70),
    ("ho8-", 7, 0.87, 0.75, 0.81, 0.98, 0.74),
    ("ho9-", 7, 0.91, 0.79, 0.77, 0.95, 0.72),
    ("ho10-", 7, 0.91, 0.81, 0.77, 0.96, 0.73),
    ("ho11-", 7, 0.90, 0.77, 0.76, 0.96, 0.75),
    ("ho12-", 7, 0.91, 0.79, 0.76, 0.91, 0.71),
    ("ho13-", 7, 0.93, 0.83, 0.78, 0.94, 0.75),
    ("ho14-", 7, 0.90, 0.71, 0.74, 0.95, 0.75),
    ("ho15-", 7, 0.88, 0.72, 0.68, 0.97, 0.72),
    ("ho16-", 7, 0.94, 0.83, 0.82, 0.96, 0.78),
    ("ho17-", 7, 0.86, 0.71, 0.81, 0.99, 0.66),
    ("ho18-", 7, 0.90, 0.75, 0.79, 0.98, 0.64),
    ("ho19-", 7, 0.87, 0.70, 0.70, 0.95, 0.74),
    ("ho20-", 7, 0.91, 0.72, 0.71, 0.94, 0.73),
    ("ho21-", 7, 0.85, 0.70, 0.77, 0.96, 0.80),
    ("ho22-", 7, 0.84, 0.64, 0.69, 0.96, 0.75),
    ("ho23-", 7, 0.79, 0.48, 0.63, 0.96, 0.67),
    ("ho24-", 7, 0.80, 0.54, 0.64, 0.88, 0.67),
    ("ho25-", 7, 0.74, 0.50, 0.68, 0.91, 0.69),
]


@pytest.mark.parametrize("prefix, documents, precision, recall, links, quantities, actions", HELD_OUT_BARS)
def test_each_held_out_set_is_read_as_an_unseen_document_would_be(
        scores, prefix: str, documents: int, precision: float, recall: float, links: float,
        quantities: float, actions: float) -> None:
    names = [name for name in NAMES if name.startswith(prefix)]
    assert len(names) >= documents
    gold, extracted, matched = total(scores, "overall", names)
    assert matched / extracted >= precision and matched / gold >= recall, (matched, extracted, gold)
    gold, _, found = total(scores, "links", names)
    assert found / gold >= links, (found, gold)
    gold, _, found = total(scores, "quantities", names)
    assert found / gold >= quantities, (found, gold)
    _, checked, right = total(scores, "actions (participants)", names)
    assert right / checked >= actions, (right, checked)


def test_few_sentences_that_name_two_entities_go_unread() -> None:
    """At most one in ten sentences naming two or more entities yields no fact (``--explain`` lists them)."""
    registry = load_registry()
    named = unread = 0
    for name in FIRST:
        meta = source_for(DOCS / f"{name}.txt", [])
        text = read_text(meta.file).text
        meta, _ = complete_meta(meta, text, registry)
        doc = parse_document(text, doc_id=meta.id, layout=meta.layout)
        out = extract_document(doc, DocumentInfo(meta.id, meta.date or meta.issued, meta.voice), registry)
        entities: dict[int, set[str]] = {}
        for unit, _, _, entity in out.mentions:
            if unit.kind == "sentence":
                entities.setdefault(id(unit), set()).add(entity)
        multi = {key for key, found in entities.items() if len(found) >= 2}
        named += len(multi)
        unread += sum(1 for u in out.unread if id(u.unit) in multi)
    assert named >= 40
    assert unread / named <= 0.10, (unread, named)


def test_a_budget_bracket_is_a_quantity_about_its_measure(scores) -> None:
    """A gold quantity of a budget bracket (【2021年度当初：473.0億円】) names the measure by its section
    and number (``label:第2節 1.``, as the budget kind does): the budget line read from it is about it."""
    brackets = [(name, line) for name in NAMES for line in load_gold_lines(name)
                if line["kind"] == "quantity" and line["sentence"].startswith("【")
                and line.get("about", "").startswith("label:第")]
    assert len(brackets) >= 10
    # (a labelled line in brackets that is no budget, 「【参加】…19エコノミーの閣僚等」, is not one of them)
    missed = [m for name in NAMES for m in scores[name]["quantities+about"].missed
              if "| 【" in m[0] and m[0].split()[1] == "JPY"]
    assert not missed, missed


def load_gold_lines(name: str) -> list[dict]:
    import json

    return [json.loads(line) for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
