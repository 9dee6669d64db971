"""Synthetic graphs that follow the networkx projection contract (docs/MODEL.md).

Used by the page tests and ``bench/page_bench.py`` until, and besides,
``resdip.views.projection``. Everything derives from ``random.Random(seed)``, so a
size and seed always give the same graph.
"""

from __future__ import annotations

import random

import networkx as nx

SEED_ENTITIES: list[tuple[str, str, str, str, str, str]] = [
    # (id, cls, label_ja, label_en, wikidata, iso)
    ("org-meti", "GovernmentBody", "経済産業省", "Ministry of Economy, Trade and Industry", "Q1142713", ""),
    ("org-jogmec", "PublicAgency", "エネルギー・金属鉱物資源機構", "JOGMEC", "Q11425455", ""),
    ("org-jbic", "FinancialInstitution", "国際協力銀行", "Japan Bank for International Cooperation", "Q1155473", ""),
    ("country-cl", "Country", "チリ", "Chile", "Q298", "CL"),
    ("country-au", "Country", "オーストラリア", "Australia", "Q408", "AU"),
    ("country-sa", "Country", "サウジアラビア", "Saudi Arabia", "Q851", "SA"),
    ("partnership-msp", "Partnership", "鉱物資源安全保障パートナーシップ", "Minerals Security Partnership", "", ""),
    ("person-muto-yoji", "Person", "武藤容治", "Muto Yoji", "", ""),
    ("resource-lithium", "Resource", "リチウム", "lithium", "Q568", ""),
    ("region-middle-east", "Region", "中東", "Middle East", "Q7204", ""),
]

CLASSES = [
    "Country", "Company", "Person", "Post", "Project", "Agreement", "Measure", "Place",
    "InternationalOrganisation", "Resource", "Plan", "Vessel", "EventSeries", "Indicator",
]

KINDS: list[tuple[str, str, str]] = [
    ("Visit", "訪問", "visit"),
    ("Meeting", "会談", "meeting"),
    ("Signing", "署名", "signing"),
    ("hasMember", "加盟", "has member"),
    ("investsIn", "投資", "invests in"),
    ("finances", "融資", "finances"),
    ("supplies", "供給", "supplies"),
    ("cooperatesWith", "協力", "cooperates with"),
]

SYLLABLES = ["カ", "リ", "ン", "ト", "ア", "ス", "マ", "ル", "コ", "ニ", "ウ", "ム", "ロ", "テ"]
ROMAJI = ["ka", "ri", "n", "to", "a", "su", "ma", "ru", "ko", "ni", "u", "mu", "ro", "te"]

DOC = "エネルギー白書2025 第2部第1章"


def synthetic_graph(n_nodes: int, seed: int = 7, edges_per_node: float = 1.6) -> nx.MultiDiGraph:
    """A connected-ish graph with hubs, like the projection of a policy text."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for ent_id, cls, ja, en, qid, iso in SEED_ENTITIES[:n_nodes]:
        _add_node(graph, ent_id, cls, ja, en, qid, iso, True, rng)
    for i in range(graph.number_of_nodes(), n_nodes):
        cls = CLASSES[rng.randrange(len(CLASSES))]
        parts = [rng.randrange(len(SYLLABLES)) for _ in range(rng.randint(2, 5))]
        ja = "".join(SYLLABLES[p] for p in parts) + str(i)
        en = ("".join(ROMAJI[p] for p in parts) + f" {i}").capitalize()
        ent_id = f"candidate-{cls.lower()}-{i:06d}"
        _add_node(graph, ent_id, cls, ja, en, "", "", False, rng)
    ids = list(graph.nodes)
    targets: list[str] = ids[: min(len(ids), 10)]  # preferential attachment pool
    for i, u in enumerate(ids[1:], start=1):
        for _ in range(max(1, int(edges_per_node + rng.random() - 0.5))):
            v = targets[rng.randrange(len(targets))] if rng.random() < 0.7 else ids[rng.randrange(i)]
            if v != u:
                _add_edge(graph, u, v, rng)
                targets.extend((u, v))
    return graph


def synthetic_quotes(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, list[dict]]:
    """One or two source sentences per node (none for every seventh node)."""
    rng = random.Random(seed)
    quotes: dict[str, list[dict]] = {}
    offset = 0
    for i, (node, attrs) in enumerate(sorted(graph.nodes(data=True))):
        items = []
        for _ in range(0 if i % 7 == 6 else rng.randint(1, 2)):
            text = f"{attrs['label_ja']}は、資源外交の一環として協力を進めている。"
            items.append(
                {
                    "doc": DOC,
                    "section": "第1節 > 3.",
                    "text": text,
                    "begin": offset,
                    "end": offset + len(text),
                    "iri": f"https://w3id.org/resdip/doc/white-paper-2025#char={offset},{offset + len(text)}",
                }
            )
            offset += len(text) + 1
        quotes[node] = items
    return quotes


def _add_node(
    graph: nx.MultiDiGraph, ent_id: str, cls: str, ja: str, en: str,
    qid: str, iso: str, reviewed: bool, rng: random.Random,
) -> None:
    years = sorted({rng.randint(2015, 2025) for _ in range(rng.randint(0, 3))})
    graph.add_node(
        ent_id,
        iri=f"https://w3id.org/resdip/id/{ent_id}",
        cls=cls,
        label_ja=ja,
        label_en=en,
        reviewed=reviewed,
        wikidata=f"http://www.wikidata.org/entity/{qid}" if qid else "",
        iso=iso,
        years=",".join(str(y) for y in years),
        mentions=rng.randint(1, 12),
    )


def _add_edge(graph: nx.MultiDiGraph, u: str, v: str, rng: random.Random) -> None:
    kind, ja, en = KINDS[rng.randrange(len(KINDS))]
    year = rng.choice([0, 2019, 2021, 2022, 2023, 2024, 2025])
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if year else ""
    graph.add_edge(
        u, v,
        kind=kind, label_ja=ja, label_en=en, date=date, year=year, start=date, end="",
        fact=f"https://w3id.org/resdip/fact/{kind.lower()}-{rng.getrandbits(64):016x}",
        provenance=rng.randint(1, 3),
    )
