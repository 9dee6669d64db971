"""Network analysis of the projection: centrality, communities, bridges, counts.

``analyse(graph)`` returns a plain dict (sorted, floats rounded) that ``write_analysis`` writes
as ``analysis.json`` and ``analysis.md``. Centralities are computed on the undirected simple
graph (parallel edges and direction dropped); eigenvector centrality on its largest component.
Betweenness is exact up to ``EXACT_BETWEENNESS_LIMIT`` nodes; above, it is estimated from
``BETWEENNESS_SAMPLES`` source nodes drawn with a fixed seed from the sorted nodes (Brandes'
sampling, as ``networkx.betweenness_centrality(k=…)``), and the report says so. Above that
size both betweenness and eigenvector centrality are computed in NumPy (:mod:`resdip.views.centrality`,
the same estimators as networkx's, about ten times faster).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from . import centrality
from .exports import atomic_write, ensure_dir
from .gcpause import without_gc
from .netutil import ordered_subgraph

DIGITS = 6
TOP = 20
LISTED = 25
SEED = 42
#: Exact betweenness (O(nodes × edges)) up to this many nodes; sampled above.
EXACT_BETWEENNESS_LIMIT = 2000
#: Source nodes sampled for approximate betweenness.
BETWEENNESS_SAMPLES = 500


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, no parallel edges, no self-loops; nodes and edges in sorted order."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    pairs = {tuple(sorted((str(u), str(v)))) for u, v in graph.edges() if u != v}
    simple.add_edges_from(sorted(pairs))
    return simple


def _round(values: dict[str, float]) -> dict[str, float]:
    return {k: round(float(v), DIGITS) + 0.0 for k, v in sorted(values.items())}


def _largest_component(simple: nx.Graph) -> nx.Graph:
    if simple.number_of_nodes() == 0:
        return simple
    biggest = max(nx.connected_components(simple), key=lambda c: (len(c), sorted(c)[0] if c else ""))
    return ordered_subgraph(simple, biggest)


def eigenvector(simple: nx.Graph) -> tuple[dict[str, float], str]:
    """Eigenvector centrality on the largest component, and a note on how it went."""
    core = _largest_component(simple)
    if core.number_of_edges() == 0:
        return {}, "no edges"
    try:
        if core.number_of_nodes() > EXACT_BETWEENNESS_LIMIT:
            return _round(centrality.eigenvector(core, max_iter=1000, tol=1e-08)), "converged"
        return _round(nx.eigenvector_centrality(core, max_iter=1000, tol=1e-08)), "converged"
    except nx.PowerIterationFailedConvergence:
        return {}, "did not converge after 1000 iterations"


def betweenness_centrality(simple: nx.Graph) -> tuple[dict[str, float], str]:
    """Normalised betweenness, exact on small graphs, sampled (fixed seed) on large ones; and a note on how."""
    n = simple.number_of_nodes()
    if n <= EXACT_BETWEENNESS_LIMIT:
        return _round(nx.betweenness_centrality(simple, normalized=True)), "exact"
    k = min(n, BETWEENNESS_SAMPLES)
    values = centrality.sampled_betweenness(simple, k, SEED)
    return _round(values), f"approximate: shortest paths from {k} of {n} nodes sampled (seed {SEED})"


def communities(simple: nx.Graph) -> list[list[str]]:
    """Louvain communities (fixed seed) of the non-isolated nodes, biggest first."""
    linked = ordered_subgraph(simple, (n for n in simple if simple.degree(n) > 0))
    if linked.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(linked, seed=SEED)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return str(data.get("label_ja") or data.get("label_en") or node)


def partnership_bridges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Members of two or more partnerships (``hasMember`` edges from a Partnership node)."""
    member_of: dict[str, set[str]] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        if data.get("kind") == "hasMember" and graph.nodes[u].get("cls") == "Partnership":
            member_of[v].add(u)
    return [{"id": n, "label": _label(graph, n), "cls": graph.nodes[n].get("cls", ""),
             "partnerships": sorted(ps)}
            for n, ps in sorted(member_of.items(), key=lambda kv: (-len(kv[1]), kv[0])) if len(ps) >= 2]


def community_bridges(simple: nx.Graph, groups: list[list[str]], betweenness: dict[str, float],
                      graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Nodes whose neighbours lie in communities other than their own, by betweenness."""
    where = {n: i for i, group in enumerate(groups) for n in group}
    partnership_groups = {where[n] for n in where if graph.nodes[n].get("cls") == "Partnership"}
    found = []
    for node in simple:
        if node not in where:
            continue
        reached = {where[m] for m in simple[node] if m in where} - {where[node]}
        if reached:
            found.append({"id": node, "label": _label(graph, node), "cls": graph.nodes[node].get("cls", ""),
                          "community": where[node], "links_communities": sorted(reached),
                          "links_partnership_communities": sorted(reached & partnership_groups),
                          "betweenness": betweenness.get(node, 0.0)})
    return sorted(found, key=lambda d: (-d["betweenness"], d["id"]))[:TOP]


def _ranking(values: dict[str, float] | dict[str, int], graph: nx.MultiDiGraph, nodes: list[str] | None = None) -> list[dict[str, Any]]:
    keys = nodes if nodes is not None else list(values)
    ranked = sorted(keys, key=lambda n: (-values.get(n, 0.0), n))[:TOP]
    return [{"id": n, "label": _label(graph, n), "cls": graph.nodes[n].get("cls", ""),
             "value": values.get(n, 0)} for n in ranked]


def analyse(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Every measure of the report as one JSON-ready, deterministic dict."""
    simple = simple_graph(graph)
    degree = {n: simple.degree(n) for n in simple}
    degree_centrality = _round(nx.degree_centrality(simple)) if len(simple) > 1 else {}
    betweenness, betweenness_note = betweenness_centrality(simple)
    eigen, eigen_note = eigenvector(simple)
    groups = communities(simple)
    countries = sorted(n for n, d in graph.nodes(data=True) if d.get("cls") == "Country")
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    return {
        "summary": {
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "simple_edges": simple.number_of_edges(), "components": len(components),
            "largest_component": len(components[0]) if components else 0,
            "isolated": sorted(n for n in simple if simple.degree(n) == 0),
            "density": round(nx.density(simple), DIGITS) if len(simple) > 1 else 0.0,
        },
        "counts": {
            "nodes_by_class": dict(sorted(Counter(d.get("cls", "") for _, d in graph.nodes(data=True)).items())),
            "edges_by_kind": dict(sorted(Counter(d.get("kind", "") for *_, d in graph.edges(data=True)).items())),
        },
        "centrality": {
            "degree": _ranking(degree, graph),
            "degree_centrality": _ranking(degree_centrality, graph),
            "betweenness": _ranking(betweenness, graph),
            "betweenness_note": betweenness_note,
            "eigenvector": _ranking(eigen, graph),
            "eigenvector_note": eigen_note,
            "countries_by_betweenness": _ranking(betweenness, graph, countries),
            "countries_by_degree": _ranking(degree, graph, countries),
        },
        "communities": [{"index": i, "size": len(g), "members": g,
                         "labels": [_label(graph, n) for n in g]} for i, g in enumerate(groups)],
        "modularity": round(nx.community.modularity(ordered_subgraph(simple, [n for g in groups for n in g]), groups),
                            DIGITS) if groups else 0.0,
        "bridges": {
            "partnership_members": partnership_bridges(graph),
            "articulation_points": _ranking(betweenness, graph, sorted(nx.articulation_points(simple))),
            "between_communities": community_bridges(simple, groups, betweenness, graph),
        },
        "all_nodes": {n: {"degree": degree[n], "betweenness": betweenness.get(n, 0.0),
                          "eigenvector": eigen.get(n, 0.0)} for n in sorted(simple)},
    }


def _table(rows: list[dict[str, Any]], header: str = "value") -> list[str]:
    lines = ["| # | entity | class | " + header + " |", "|---|---|---|---|"]
    for i, row in enumerate(rows, 1):
        lines.append(f"| {i} | {row['label']} (`{row['id']}`) | {row['cls']} | {row.get('value', '')} |")
    return lines


def to_markdown(report: dict[str, Any]) -> str:
    """The report as a Markdown page."""
    s, c, b = report["summary"], report["centrality"], report["bridges"]
    out = ["# Network analysis", "",
           f"{s['nodes']} entities, {s['edges']} edges ({s['simple_edges']} linked pairs), "
           f"{s['components']} components (largest {s['largest_component']}), density {s['density']}.",
           "Centralities on the undirected simple graph; betweenness "
           f"{'exact' if c['betweenness_note'] == 'exact' else '*' + c['betweenness_note'] + '*'}; "
           f"eigenvector centrality on the largest component ({c['eigenvector_note']}).", ""]
    for title, key, header in (("Degree", "degree", "distinct neighbours"),
                               ("Betweenness", "betweenness", "betweenness"),
                               ("Eigenvector", "eigenvector", "eigenvector"),
                               ("Countries by betweenness", "countries_by_betweenness", "betweenness"),
                               ("Countries by degree", "countries_by_degree", "distinct neighbours")):
        out += [f"## {title}", "", *_table(c[key], header), ""]
    out += ["## Communities", "", f"Louvain (seed {SEED}); modularity {report['modularity']}.", ""]
    for group in report["communities"]:
        shown = ", ".join(group["labels"][:LISTED])
        more = f" … (+{group['size'] - LISTED})" if group["size"] > LISTED else ""
        out.append(f"- **{group['index']}** ({group['size']}): {shown}{more}")
    out += ["", "## Bridges", "", "### Members of two or more partnerships", ""]
    out += [f"- {r['label']} (`{r['id']}`): {', '.join(r['partnerships'])}" for r in b["partnership_members"]]
    out += ["" if b["partnership_members"] else "(none)", "", "### Articulation points", "",
            *_table(b["articulation_points"], "betweenness"), "",
            "### Links between communities (by betweenness)", "",
            "| # | entity | class | community | links to | betweenness |", "|---|---|---|---|---|---|"]
    for i, r in enumerate(b["between_communities"], 1):
        out.append(f"| {i} | {r['label']} (`{r['id']}`) | {r['cls']} | {r['community']} | "
                   f"{', '.join(map(str, r['links_communities']))} | {r['betweenness']} |")
    out += ["", "## Counts", "", "| class | entities |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in report["counts"]["nodes_by_class"].items()]
    out += ["", "| relation | edges |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in report["counts"]["edges_by_kind"].items()]
    return "\n".join(out) + "\n"


@without_gc
def write_analysis(graph: nx.MultiDiGraph, out_dir: Path | str) -> list[Path]:
    """Write ``analysis.json`` and ``analysis.md`` into ``out_dir``."""
    out = ensure_dir(out_dir)
    report = analyse(graph)
    text = json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return [atomic_write(out / "analysis.json", text), atomic_write(out / "analysis.md", to_markdown(report))]
