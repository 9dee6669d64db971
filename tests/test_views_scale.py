"""The views of a large network: the pictures' subsets and the analysis's sampled measures,
on generated networks just above the thresholds (small enough to be quick)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import random

import networkx as nx
import pytest

from resdip.views import centrality

from resdip import paths
from resdip.views.analysis import BETWEENNESS_SAMPLES, EXACT_BETWEENNESS_LIMIT, SEED, analyse, simple_graph
from resdip.views.pictures import (LARGE, MAX_COUNTRY_PICTURES, MAX_RING_LABELS, NETWORK_TOP, country_drawing,
                                   network_drawing, pictured_countries)

COUNTRIES = 30


def network(size: int, seed: int = 5) -> nx.MultiDiGraph:
    """``size`` entities in the projection's shape: the first ``COUNTRIES`` are countries with
    ISO codes, every other one is tied to two of them (chosen by preferential attachment, so a
    few become hubs) and to the entity before it."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(size):
        country = i < COUNTRIES
        iso = f"{chr(65 + i // 26)}{chr(65 + i % 26)}" if country else ""
        graph.add_node(f"{'country' if country else 'org'}-{i:05d}", cls="Country" if country else "Company",
                       iso=iso, label_ja=f"実体{i}", label_en=f"entity {i}")
    nodes = list(graph)
    pool = nodes[:COUNTRIES] * 3
    for before, u in zip(nodes[COUNTRIES - 1:], nodes[COUNTRIES:]):
        for v in sorted({rng.choice(pool) for _ in range(2)}):
            graph.add_edge(u, v, key=f"Visit|{u}", kind="Visit", date="2024-05", fact=f"fact-{u}-{v}")
            pool.append(v)
        graph.add_edge(u, before, key="cooperatesWith", kind="cooperatesWith", date="", fact="")
    return graph


@pytest.fixture(scope="module")
def large() -> nx.MultiDiGraph:
    return network(LARGE + 100)


def test_network_picture_of_a_large_network_draws_the_best_linked(large: nx.MultiDiGraph) -> None:
    simple = simple_graph(large)
    drawing = network_drawing(large, simple)
    assert len(drawing.markers) == NETWORK_TOP
    assert f"the {NETWORK_TOP} best-linked of {LARGE + 100} linked entities" in drawing.title
    assert len(network_drawing(nx.MultiDiGraph(large.subgraph(list(large)[:LARGE - 100]))).markers) == LARGE - 100


def test_only_the_best_linked_countries_get_pictures_and_crowded_rings_are_cut(large: nx.MultiDiGraph) -> None:
    simple = simple_graph(large)
    chosen = pictured_countries(large, simple)
    assert len(chosen) == MAX_COUNTRY_PICTURES == len(set(chosen)) and chosen == sorted(chosen)
    degrees = sorted((simple.degree(n) for n in large if large.nodes[n]["cls"] == "Country"), reverse=True)
    assert min(simple.degree(n) for n in chosen) >= degrees[MAX_COUNTRY_PICTURES - 1]
    hub = max(chosen, key=lambda n: (simple.degree(n), n))
    assert simple.degree(hub) > MAX_RING_LABELS
    drawing = country_drawing(large, hub, simple)
    assert len(drawing.markers) == MAX_RING_LABELS + 1
    assert f"{simple.degree(hub)} neighbours, the {MAX_RING_LABELS} best-linked drawn" in drawing.title
    edge_labels = [text for _, _, text in drawing.edge_texts if text.startswith("Visit")]
    assert len(edge_labels) == MAX_RING_LABELS  # only the ties to the centre are labelled
    small = network(LARGE - 100)  # a small network: every linked country has its picture
    assert len(pictured_countries(small, simple_graph(small))) == COUNTRIES


def test_numpy_centralities_match_networkx() -> None:
    simple = simple_graph(network(400, seed=11))
    simple.add_edge("island-a", "island-b")  # a second component
    simple.add_node("lonely")
    ours = centrality.sampled_betweenness(simple, 60, SEED)
    theirs = nx.betweenness_centrality(simple, k=60, normalized=True, seed=SEED)
    assert set(ours) == set(theirs)
    assert max(abs(ours[n] - theirs[n]) for n in simple) < 1e-12
    core = simple.subgraph(max(nx.connected_components(simple), key=len)).copy()
    ours = centrality.eigenvector(core)
    theirs = nx.eigenvector_centrality(core, max_iter=1000, tol=1e-08)
    assert max(abs(ours[n] - theirs[n]) for n in core) < 1e-12


def test_analysis_of_a_large_network_samples_betweenness_and_says_so() -> None:
    graph = network(EXACT_BETWEENNESS_LIMIT + 50)
    report = analyse(graph)
    note = report["centrality"]["betweenness_note"]
    assert note == (f"approximate: shortest paths from {BETWEENNESS_SAMPLES} of "
                    f"{EXACT_BETWEENNESS_LIMIT + 50} nodes sampled (seed {SEED})")
    top = report["centrality"]["betweenness"][0]["id"]
    assert top.startswith("country-") and report["centrality"]["eigenvector_note"] == "converged"
    assert report == analyse(graph)


def test_projection_and_quotes_do_not_depend_on_the_hash_seed() -> None:
    script = ("import json, sys; from resdip.views.projection import index, project, quotes; "
              f"ix = index({str(paths.GRAPH_DIR / 'dataset.nq')!r}); g = project(ix); q = quotes(ix); "
              "json.dump([list(g.nodes(data=True)), [list(e) for e in g.edges(keys=True, data=True)], q, "
              "q.totals], sys.stdout, ensure_ascii=False, sort_keys=True)")
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1 and json.loads(outputs.pop())[0]
