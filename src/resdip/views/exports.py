"""Network exports for Gephi, Cytoscape, yEd and spreadsheets.

Every writer has the same shape, ``writer(graph, out_dir) -> list[Path]``: it takes the
projection (``resdip.views.projection.project``) and a folder, and writes its files there atomically
(temporary file, then ``os.replace``). Output is deterministic: nodes and edges sorted,
attribute values sanitised to str/int/float/bool, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path
from typing import Any, Callable
from xml.etree.ElementTree import Element

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from . import graphxml
from ..errors import OutputError
from .gcpause import without_gc
from ..outputs import write_bytes_atomic

Writer = Callable[[nx.MultiDiGraph, Path], list[Path]]

NODE_FIELDS = ["iri", "cls", "label_ja", "label_en", "reviewed", "wikidata", "iso", "years", "mentions"]
EDGE_FIELDS = ["kind", "label_ja", "label_en", "date", "year", "start", "end", "fact", "provenance"]


# --- shared helpers ----------------------------------------------------------------------

def ensure_dir(out_dir: Path | str) -> Path:
    """Create ``out_dir`` (and parents); OutputError if that is impossible."""
    path = Path(out_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create output folder: {exc.strerror or exc}") from exc
    if not os.access(path, os.W_OK):
        raise OutputError(f"{path}: output folder is not writable")
    return path


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically (see :mod:`resdip.outputs`); return the path."""
    write_bytes_atomic(path, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def clean_value(value: Any) -> str | int | float | bool:
    """A value every networkx writer accepts: None -> "", list -> "a,b", dict -> JSON."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return "" if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return ",".join(str(clean_value(v)) for v in items)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _ordered(keys: set[str], preferred: list[str]) -> list[str]:
    return [k for k in preferred if k in keys] + sorted(keys - set(preferred))


class CleanGraph(nx.MultiDiGraph):
    """A graph :func:`clean_graph` made: cleaning it again returns it as is."""


def clean_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A sorted copy of ``graph`` with sanitised attribute values (made once per export run:
    a graph this returns is returned as is)."""
    if isinstance(graph, CleanGraph):
        return graph
    out = CleanGraph()
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        out.add_node(str(node), **{k: clean_value(data[k]) for k in _ordered(set(data), NODE_FIELDS)})
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for u, v, key, data in edges:
        out.add_edge(str(u), str(v), key=str(key),
                     **{k: clean_value(data[k]) for k in _ordered(set(data), EDGE_FIELDS)})
    return out


def edge_id(u: str, v: str, key: str) -> str:
    """One edge id used by every format."""
    return f"{u}->{v}#{key}"


def node_label(data: dict[str, Any], node: str) -> str:
    return str(data.get("label_ja") or data.get("label_en") or node)


# --- writers -----------------------------------------------------------------------------

def _xml_bytes(text: str) -> bytes:
    return text.encode("utf-8", "xmlcharrefreplace")  # as ElementTree writes


def graphml_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as GraphML gets it: cleaned, edge keys replaced by the edge ids."""
    clean = clean_graph(graph)
    unique = nx.MultiDiGraph()  # GraphML edge ids must be unique in the document
    unique.add_nodes_from(clean.nodes(data=True))
    unique.add_edges_from((u, v, edge_id(u, v, k), d) for u, v, k, d in clean.edges(keys=True, data=True))
    return unique


def graphml_by_networkx(unique: nx.MultiDiGraph) -> bytes:
    """GraphML of :func:`graphml_graph`'s graph by networkx's writer."""
    writer = GraphMLWriter(graph=unique, encoding="utf-8", prettyprint=True)
    booleans = {key.get("id") for key in writer.xml.iter("key") if key.get("attr.type") == "boolean"}
    for data in writer.xml.iter("data"):
        if data.get("key") in booleans and data.text:
            data.text = data.text.lower()  # GraphML (XML Schema) booleans are true/false
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue()


def write_graphml(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """``network.graphml`` (yEd, Gephi, igraph, networkx): written directly, the same bytes as
    networkx's writer (:mod:`resdip.views.graphxml`), or by networkx for a graph that needs it."""
    unique = graphml_graph(graph)
    text = graphxml.graphml_text(unique)
    data = _xml_bytes(text) if text is not None else graphml_by_networkx(unique)
    return [atomic_write(Path(out_dir) / "network.graphml", data)]


def _node_starts(graph: nx.MultiDiGraph) -> dict[str, str]:
    """When each node enters the timeline: its first dated edge, if every edge of it is dated."""
    starts: dict[str, list[str]] = {}
    for u, v, data in graph.edges(data=True):
        start = data.get("start", "")
        starts.setdefault(u, []).append(start)
        starts.setdefault(v, []).append(start)
    return {node: min(found) for node, found in starts.items() if all(found)}


def gexf_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as GEXF gets it: cleaned, labelled, nodes starting at their first dated edge."""
    clean = clean_graph(graph)
    dyn = nx.MultiDiGraph(mode="dynamic")
    starts = _node_starts(clean)
    for node, data in clean.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("start", "end")}
        attrs["label"] = node_label(data, node)
        start = starts.get(node, "")
        if start:
            attrs["start"] = start
        dyn.add_node(node, **attrs)
    for u, v, key, data in clean.edges(keys=True, data=True):
        attrs = {k: val for k, val in data.items() if not (k in ("start", "end") and not val)}
        attrs["id"] = edge_id(u, v, key)
        attrs["label"] = str(data.get("label_ja") or data.get("kind") or key)
        dyn.add_edge(u, v, key=key, **attrs)
    return dyn


def gexf_by_networkx(dyn: nx.MultiDiGraph) -> bytes:
    """GEXF of :func:`gexf_graph`'s graph by networkx's writer."""
    writer = GEXFWriter(graph=dyn, version="1.2draft", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "resdip"
    graph_element: Element = writer.graph_element
    graph_element.set("mode", "dynamic")
    graph_element.set("timeformat", "date")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_gexf(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """``network.gexf``: GEXF 1.2, mode dynamic, timeformat date (Gephi's timeline); written
    directly like GraphML."""
    dyn = gexf_graph(graph)
    text = graphxml.gexf_text(dyn)
    data = _xml_bytes(text) if text is not None else gexf_by_networkx(dyn)
    return [atomic_write(Path(out_dir) / "network.gexf", data)]


def cytoscape_elements(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The Cytoscape.js ``elements`` JSON of the graph (also read by Cytoscape desktop)."""
    clean = clean_graph(graph)
    nodes = [{"data": {"id": n, "value": n, "name": node_label(d, n), **d}} for n, d in clean.nodes(data=True)]
    edges = [{"data": {"id": edge_id(u, v, k), "source": u, "target": v, "key": k, **d}}
             for u, v, k, d in clean.edges(keys=True, data=True)]
    # "value", "directed" and "multigraph" let networkx.cytoscape_graph read the file back too
    return {"format_version": "1.0", "generated_by": "resdip", "target_cytoscapejs_version": "~3.0",
            "data": {"name": "resdip"}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


_SCALARS = {bool: lambda v: "true" if v else "false", int: int.__repr__, str: json.encoder.encode_basestring}


def _json_scalar(value: Any) -> str:
    encode = _SCALARS.get(type(value))
    return encode(value) if encode else json.dumps(value, ensure_ascii=False)


def indented_json(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)``, the same text, made
    faster for the exports' many small flat dicts (the standard encoder indents in Python)."""
    if isinstance(value, dict) and value:
        pad = "\n" + " " * (level + 1)
        items = [f"{_json_scalar(str(k))}: {indented_json(v, level + 1)}" for k, v in sorted(value.items())]
        return "{" + pad + ("," + pad).join(items) + "\n" + " " * level + "}"
    if isinstance(value, (list, tuple)) and value:
        pad = "\n" + " " * (level + 1)
        return "[" + pad + ("," + pad).join(indented_json(v, level + 1) for v in value) + "\n" + " " * level + "]"
    if isinstance(value, (dict, list, tuple)):
        return "{}" if isinstance(value, dict) else "[]"
    return _json_scalar(value)


def write_cytoscape(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """``network.cyjs``: Cytoscape.js JSON."""
    text = indented_json(cytoscape_elements(graph)) + "\n"
    return [atomic_write(Path(out_dir) / "network.cyjs", text)]


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(header)
    for row in rows:
        out.writerow(["true" if v is True else "false" if v is False else v for v in row])
    return buffer.getvalue()


def write_csv(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """``nodes.csv`` and ``edges.csv`` (Gephi's spreadsheet import, pandas, R)."""
    clean = clean_graph(graph)
    node_keys = _ordered({k for _, d in clean.nodes(data=True) for k in d}, NODE_FIELDS)
    edge_keys = _ordered({k for *_, d in clean.edges(keys=True, data=True) for k in d}, EDGE_FIELDS)
    nodes = [[n, node_label(d, n), *(d.get(k, "") for k in node_keys)] for n, d in clean.nodes(data=True)]
    edges = [[edge_id(u, v, k), u, v, k, *(d.get(f, "") for f in edge_keys)]
             for u, v, k, d in clean.edges(keys=True, data=True)]
    out = Path(out_dir)
    return [atomic_write(out / "nodes.csv", _csv_text(["id", "label", *node_keys], nodes)),
            atomic_write(out / "edges.csv", _csv_text(["id", "source", "target", "key", *edge_keys], edges))]


WRITERS: dict[str, Writer] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "cytoscape": write_cytoscape,
    "csv": write_csv,
}


@without_gc
def write_exports(graph: nx.MultiDiGraph, out_dir: Path | str, formats: list[str] | None = None) -> list[Path]:
    """Write every export (or the named ``formats``) into ``out_dir``; the paths written."""
    out = ensure_dir(out_dir)
    unknown = sorted(set(formats or []) - set(WRITERS))
    if unknown:
        raise ValueError(f"unknown export formats: {', '.join(unknown)}")
    clean = clean_graph(graph)  # once for every writer
    return [path for name in (formats or list(WRITERS)) for path in WRITERS[name](clean, out)]
