"""The data the network page embeds: graph + quotes -> one JSON-ready dict.

Everything is sorted and rounded so the same graph always gives the same
bytes. Labels and quotes are passed through untouched: the page renders them
as text, never as HTML.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDFS, Literal, URIRef

from ... import paths
from ..layout import layout
from .hubs import hubs
from ...rdf.validate import load_turtle

RD = "https://w3id.org/resdip/ontology#"
FALLBACK_COLOURS = ["#5c6bc0", "#26a69a", "#ec407a", "#7e57c2", "#ffa726", "#8d6e63", "#78909c"]
MIN_SIZE, MAX_SIZE = 10.0, 36.0
# A source sentence, shared by every node quoting it; the order sorts by document, then offset.
SENTENCE_FIELDS = ("doc", "begin", "end", "section", "text", "iri", "page", "url", "link")
#: fields a sentence has only when it was read from a PDF (page) or a web page (url), left out otherwise
PLACE_FIELDS = ("page", "url", "link")


@functools.cache
def _data_file(name: str) -> dict[str, dict[str, str]]:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def class_styles() -> dict[str, dict[str, str]]:
    return _data_file("classes.json")


def build_payload(
    graph: nx.MultiDiGraph,
    quotes: Mapping[str, list[dict]],
    *,
    title: str,
    lang: str,
    aliases: Mapping[str, list[str]] | None = None,
    seed: int = 42,
    positions: Mapping[str, tuple[int, int]] | None = None,
    fact_quotes: Mapping[str, list[dict]] | None = None,
) -> dict[str, Any]:
    """``positions``: ``resdip.views.layout.layout(graph, seed)`` if the caller has it already.

    ``quotes`` may carry ``totals`` (node -> how many quotes there are, :class:`resdip.views.projection.Quotes`):
    a node whose quotes were cut to the first few gets ``quotesTotal``. ``fact_quotes`` (fact IRI ->
    the sentences it was read from, ``resdip.views.projection.fact_quotes``) gives edges their quotes.
    """
    positions = positions if positions is not None else layout(graph, seed=seed)
    sizes = _sizes(graph)
    fact_quotes = fact_quotes or {}
    facts = {str(f) for *_, f in graph.edges(data="fact") if f}
    sentences = sorted(
        {_sentence_key(_quote(q)) for n in graph.nodes for q in quotes.get(str(n), [])}
        | {_sentence_key(_quote(q)) for f in facts for q in fact_quotes.get(f, [])}
    )
    sentence_index = {key: i for i, key in enumerate(sentences)}
    totals: Mapping[str, int] = getattr(quotes, "totals", {})
    nodes = []
    for n, attrs in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        node = _node(str(n), attrs, positions[str(n)], sizes[str(n)], (aliases or {}).get(str(n), []))
        keys = [_sentence_key(_quote(q)) for q in quotes.get(str(n), [])]
        node["quotes"] = sorted({sentence_index[k] for k in keys})
        total = int(totals.get(str(n), 0))
        if total > len(node["quotes"]):
            node["quotesTotal"] = total
        nodes.append(node)
    edges, kinds = _edges(graph)
    fact_totals: Mapping[str, int] = getattr(fact_quotes, "totals", {})
    for edge in edges:
        keys = [_sentence_key(_quote(q)) for q in fact_quotes.get(edge["fact"], [])] if edge["fact"] else []
        if keys:
            edge["quotes"] = sorted({sentence_index[k] for k in keys})
            if int(fact_totals.get(edge["fact"], 0)) > len(edge["quotes"]):
                edge["quotesTotal"] = int(fact_totals[edge["fact"]])
    years = [y for n in nodes for y in n["years"]] + [e["year"] for e in edges if e["year"]]
    return {
        "title": title,
        "lang": lang,
        "classes": _classes(nodes),
        "kinds": kinds,
        "nodes": nodes,
        "edges": edges,
        "sentences": [{k: v for k, v in zip(SENTENCE_FIELDS, key) if v or k not in PLACE_FIELDS} for key in sentences],
        "years": [min(years), max(years)] if years else [0, 0],
        "hubs": hubs(graph),
    }


def _sizes(graph: nx.MultiDiGraph) -> dict[str, float]:
    values: dict[str, float] = {}
    for n, attrs in graph.nodes(data=True):
        given = attrs.get("centrality")
        if isinstance(given, (int, float)) and not isinstance(given, bool):
            values[str(n)] = max(float(given), 0.0)
        else:
            values[str(n)] = float(len(set(graph.predecessors(n)) | set(graph.successors(n))))
    top = max(values.values(), default=0.0) or 1.0
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(v / top), 1) for n, v in values.items()}


def _node(
    node_id: str,
    attrs: Mapping[str, Any],
    pos: tuple[int, int],
    size: float,
    extra_names: list[str],
) -> dict[str, Any]:
    given = attrs.get("aliases", "")
    names = given.split("|") if isinstance(given, str) else list(given)
    labels = {str(attrs.get("label_ja", "")), str(attrs.get("label_en", ""))}
    aliases = {str(a) for a in [*names, *extra_names] if a} - labels
    return {
        "id": node_id,
        "iri": str(attrs.get("iri", "")),
        "cls": str(attrs.get("cls", "") or "Thing"),
        "ja": str(attrs.get("label_ja", "")),
        "en": str(attrs.get("label_en", "")),
        "alias": sorted(aliases),
        "machine": bool(attrs.get("label_en_machine", False)),  # label_en is a romanisation
        "reviewed": bool(attrs.get("reviewed", False)),
        "wikidata": _qid(str(attrs.get("wikidata", ""))),
        "iso": _iso(str(attrs.get("iso", ""))),
        "years": sorted({int(y) for y in re.findall(r"\d{4}", str(attrs.get("years", "")))}),
        "mentions": int(attrs.get("mentions", 0) or 0),
        "x": pos[0],
        "y": pos[1],
        "size": size,
    }


def _qid(value: str) -> str:
    """'Q298' from a Wikidata IRI or id; '' unless it is exactly that shape."""
    match = re.fullmatch(r"(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)", value.strip())
    return match.group(1) if match else ""


def _iso(value: str) -> str:
    value = value.strip().upper()
    return value if re.fullmatch(r"[A-Z]{2}", value) else ""


def _sentence_key(q: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(q[f] for f in SENTENCE_FIELDS)


def _quote(q: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc": str(q.get("doc", "")),
        "section": str(q.get("section", "")),
        "text": str(q.get("text", "")),
        "begin": int(q.get("begin", 0) or 0),
        "end": int(q.get("end", 0) or 0),
        "iri": str(q.get("iri", "")),
        "page": int(q.get("page", 0) or 0),
        "url": str(q.get("url", "")),
        "link": str(q.get("link", "")),
    }


def _edges(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        row = {
            "from": str(u),
            "to": str(v),
            "kind": str(attrs.get("kind", "") or "related"),
            "ja": str(attrs.get("label_ja", "")),
            "en": str(attrs.get("label_en", "")),
            "year": int(attrs.get("year", 0) or 0),
            "date": str(attrs.get("date", "")),
            "start": str(attrs.get("start", "")),
            "end": str(attrs.get("end", "")),
            "fact": str(attrs.get("fact", "")),
            "prov": int(attrs.get("provenance", 0) or 0),
        }
        rows.append((row["from"], row["to"], row["kind"], row["date"], row["fact"], str(key), row))
    rows.sort(key=lambda r: r[:6])
    parallel: dict[tuple[str, str], int] = {}
    seen: set[str] = set()
    edges = []
    for i, (*_, row) in enumerate(rows):
        seen.add(row["kind"])
        pair = tuple(sorted((row["from"], row["to"])))
        row["par"] = parallel.get(pair, 0)  # index among edges joining the same two nodes
        parallel[pair] = row["par"] + 1
        row["id"] = f"e{i}"
        edges.append(row)
    kinds = {k: _kind(k, sum(1 for e in edges if e["kind"] == k)) for k in seen}
    for row in edges:  # keep an edge's own label (e.g. an event's description) only where it says more
        for lang in ("ja", "en"):
            if row[lang] in ("", kinds[row["kind"]][lang]):
                del row[lang]
    return edges, sorted(kinds.values(), key=lambda k: (-k["count"], k["id"]))


def _kind(kind: str, count: int) -> dict[str, Any]:
    """The relation's name: the ontology's rdfs:label of the predicate or event class, else
    kinds.json (terms of other vocabularies: skos:broader, org:hasMember…), else the id in words.

    Never an edge's own label: an event edge carries the event's description, not its kind's name.
    """
    names = {**_data_file("kinds.json").get(kind, {}), **ontology_labels().get(kind, {})}
    en = names.get("en") or re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()
    return {"id": kind, "ja": names.get("ja") or en, "en": en, "count": count}


@functools.cache
def ontology_labels(ontology: str = str(paths.ONTOLOGY)) -> dict[str, dict[str, str]]:
    """Local name -> {"ja", "en"} from the rdfs:labels of the ontology's own (rd:) terms.

    English class labels start lower-case like the predicates' ("Cabinet decision" -> "cabinet
    decision"), so the relation list reads alike; acronyms ("AZEC …") are kept.
    """
    graph = load_turtle(Path(ontology))
    found: dict[str, dict[str, str]] = {}
    for term, label in sorted(graph.subject_objects(RDFS.label)):
        if not isinstance(term, URIRef) or not str(term).startswith(RD) or not isinstance(label, Literal):
            continue
        lang, text = label.language or "", str(label).strip()
        if lang in ("ja", "en") and text:
            if lang == "en" and re.match(r"[A-Z][a-z]", text):
                text = text[0].lower() + text[1:]
            found.setdefault(str(term)[len(RD):], {}).setdefault(lang, text)
    return found


def _classes(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    styles = class_styles()
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["cls"]] = counts.get(n["cls"], 0) + 1
    result = []
    for cls, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        style = styles.get(cls) or _fallback_style(cls)
        result.append({"id": cls, "count": count, **style})
    return result


def _fallback_style(cls: str) -> dict[str, str]:
    digest = int(hashlib.sha1(cls.encode("utf-8")).hexdigest(), 16)
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls)
    return {"color": FALLBACK_COLOURS[digest % len(FALLBACK_COLOURS)], "shape": "dot", "ja": cls, "en": words}
