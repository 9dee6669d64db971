"""``resdip.open(path)``: the built graph as one object to query, look into and show.

Opening loads ``dataset.trig`` into an in-memory Oxigraph store, the same way ``resdip query``
does (the default graph is the union of the named graphs). The network (the projection the
page and the exports are drawn from), the name index and the quotes are made the first time
something needs them, from the same file, by the same code as ``resdip path``, ``neighbours``
and the build.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from .. import paths
from ..errors import EntityLookupError, UsageError
from ..rdf.store import DATASET_FILE, PREFIXES, dataset_path, open_store, run_query
from . import values
from .inline import Page
from .named import query_text

RDI = PREFIXES["rdi"]
FACT = PREFIXES["rdfact"]
#: Where a label of another language is looked for, best first (entities take the network's label).
LABEL_PROPERTIES = ("skos:prefLabel", "rdfs:label", "rd:machineLabel")


@dataclass(frozen=True)
class Entity:
    """One entity of the network, as ``resdip path`` and ``neighbours`` find it."""

    id: str
    iri: str
    cls: str
    label_ja: str
    label_en: str
    iso: str
    wikidata: str
    aliases: tuple[str, ...]
    mentions: int
    reviewed: bool

    def __str__(self) -> str:
        label = self.label_ja or self.label_en
        return f"{label} ({self.id})" if label else self.id


@dataclass(frozen=True)
class Quote:
    """A sentence of a source document: where it is (``begin``/``end``: offsets into the raw
    file) and its text; ``sentence`` is its IRI."""

    doc: str
    section: str
    begin: int
    end: int
    text: str
    sentence: str


class Rows(list):
    """The rows of a SELECT query: one dict a row (variable -> Python value); ``columns``: the variables."""

    def __init__(self, columns: list[str], rows: list[dict[str, Any]]) -> None:
        super().__init__(rows)
        self.columns = columns


class KnowledgeGraph:
    """A built graph folder (``dataset.trig`` inside), open for queries, the network and the page."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(paths.GRAPH_DIR if path is None else path)
        if self.path.name == DATASET_FILE and self.path.is_file():  # the file itself: its folder
            self.path = self.path.parent
        #: The Oxigraph store: the named graphs, and their union as the default graph.
        self.store: ox.Store = open_store(self.path)
        self._views: dict[str, Any] = {}

    def __repr__(self) -> str:
        graphs = sum(1 for _ in self.store.named_graphs())
        return f"<KnowledgeGraph {str(self.path)!r}: {len(self.store):,} quads in {graphs} named graphs and their union>"

    # --- queries ---------------------------------------------------------------------------

    def _run(self, query: str | Path) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        text, source = query_text(query)
        return run_query(self.store, text, source=source)

    def query(self, query: str | Path) -> Rows | bool | Any:
        """Run a SPARQL query: its text, the name of a file in ``queries/`` or the path of one.

        SELECT gives :class:`Rows` (dicts of Python values: ``resdip.api.values``), ASK a
        ``bool``, CONSTRUCT and DESCRIBE an ``rdflib.Graph``.
        """
        result = self._run(query)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            import rdflib

            data = ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES)
            graph = rdflib.Graph()
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace, replace=True)
            return graph.parse(data=data.decode("utf-8"), format="nt")
        columns = [v.value for v in result.variables]
        return Rows(columns, [{c: values.python(s[c]) for c in columns} for s in result])

    def query_df(self, query: str | Path, *, lang: str | None = None) -> Any:
        """The result of a SELECT (or CONSTRUCT: subject, predicate, object) as a pandas DataFrame.

        Columns are typed (``resdip.api.values.frame``): dates ``datetime64`` (their precision in
        ``df.attrs["precision"]``), numbers ``Int64`` or ``float64``, IRIs short (``rdi:country-cl``).
        With ``lang="ja"`` or ``"en"`` each column of IRIs gets a column ``<name>_<lang>`` beside it
        with their labels in that language (unless the query gives that column itself).
        """
        pd = _pandas()
        if lang not in (None, "ja", "en"):
            raise UsageError(f"query_df: lang must be 'ja' or 'en', not {lang!r}")
        result = self._run(query)
        if isinstance(result, ox.QueryBoolean):
            raise UsageError("query_df: an ASK query gives true or false, not a table: use query()")
        if isinstance(result, ox.QueryTriples):
            names = ["subject", "predicate", "object"]
            rows = [[t.subject, t.predicate, t.object] for t in result]
        else:
            names = [v.value for v in result.variables]
            rows = [[s[n] for n in names] for s in result]
        if lang:
            names, rows = self._with_labels(names, rows, lang)
        return values.frame(pd, names, rows)

    def _with_labels(self, names: list[str], rows: list[list[Any]], lang: str) -> tuple[list[str], list[list[Any]]]:
        """Insert ``<name>_<lang>`` after every column whose values are all IRIs."""
        iri_columns = [i for i, name in enumerate(names)
                       if f"{name}_{lang}" not in names
                       and any(row[i] is not None for row in rows)
                       and all(row[i] is None or isinstance(row[i], ox.NamedNode) for row in rows)]
        found = self._labels({row[i].value for i in iri_columns for row in rows if row[i] is not None}, lang)
        out_names: list[str] = []
        for i, name in enumerate(names):
            out_names += [name, f"{name}_{lang}"] if i in iri_columns else [name]
        out_rows = []
        for row in rows:
            cells: list[Any] = []
            for i, term in enumerate(row):
                cells.append(term)
                if i in iri_columns:
                    label = found.get(term.value) if term is not None else None
                    cells.append(ox.Literal(label, language=lang) if label else None)
            out_rows.append(cells)
        return out_names, out_rows

    def _labels(self, iris: set[str], lang: str) -> dict[str, str]:
        """IRI -> its label in ``lang``: an entity's as the network shows it, else the first of
        ``LABEL_PROPERTIES`` that has one (the least in code-point order among several)."""
        graph = self._projection()[1]
        found: dict[str, str] = {}
        rest = []
        for iri in sorted(iris):
            node = iri[len(RDI):] if iri.startswith(RDI) else None
            label = graph.nodes[node].get(f"label_{lang}") if node in graph else None
            if label:
                found[iri] = label
            else:
                rest.append(iri)
        if rest:
            text = ("PREFIX rd: <https://w3id.org/resdip/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?s ?p ?l WHERE { "
                    f"VALUES ?s {{ {' '.join(f'<{i}>' for i in rest)} }} "
                    f"VALUES ?p {{ {' '.join(LABEL_PROPERTIES)} }} ?s ?p ?l FILTER (LANGMATCHES(LANG(?l), \"{lang}\")) }}")
            best: dict[str, tuple[int, str]] = {}
            order = {PREFIXES[p.split(":")[0]] + p.split(":")[1]: rank for rank, p in enumerate(LABEL_PROPERTIES)}
            for s in run_query(self.store, text, source="labels"):
                key = (order[s["p"].value], s["l"].value)
                best[s["s"].value] = min(best.get(s["s"].value, key), key)
            found.update((iri, label) for iri, (_, label) in best.items())
        return found

    # --- the network -----------------------------------------------------------------------

    def _projection(self) -> tuple[Any, nx.MultiDiGraph]:
        """(the index every view reads, the network), made once."""
        if "network" not in self._views:
            from ..views.projection import index, project

            ix = index(dataset_path(self.path))
            self._views["index"], self._views["network"] = ix, project(ix)
        return self._views["index"], self._views["network"]

    def _lookup(self) -> Any:
        if "lookup" not in self._views:
            from ..views.lookup import Lookup
            from ..views.projection import labels

            ix, graph = self._projection()
            self._views["aliases"] = labels(ix)
            self._views["lookup"] = Lookup(graph, self._views["aliases"])
        return self._views["lookup"]

    def network(self) -> nx.MultiDiGraph:
        """The entity network (a copy: change it freely), as in ``exports/network.graphml`` and the page.

        Nodes are entity ids (``country-cl``) with ``label_ja``, ``label_en``, ``cls``, ``iso``,
        ``wikidata``, ``mentions``…; edges carry ``kind``, ``date``, ``year`` and the ``fact`` they come from.
        """
        return self._projection()[1].copy()

    def entity(self, name: str | Entity) -> Entity:
        """The one entity ``name`` names: id (``country-cl``, ``rdi:country-cl`` or the IRI), Japanese
        or English label, alias, ISO code or Wikidata id; EntityLookupError (with candidates) if none or several."""
        if isinstance(name, Entity):
            return name
        key = name.strip()
        for prefix in (RDI, "rdi:"):
            if key.startswith(prefix):
                key = key[len(prefix):]
        node = self._lookup().find(key)
        data = self._projection()[1].nodes[node]
        return Entity(
            id=node, iri=data.get("iri", RDI + node), cls=data.get("cls", ""), label_ja=data.get("label_ja", ""),
            label_en=data.get("label_en", ""), iso=data.get("iso", ""), wikidata=data.get("wikidata", ""),
            aliases=tuple(self._views["aliases"].get(node, [])), mentions=int(data.get("mentions", 0)),
            reviewed=bool(data.get("reviewed", False)))

    def quotes(self, what: str | Entity, limit: int | None = None) -> list[Quote]:
        """The source sentences of an entity (those that mention it or state a fact about it) or of a
        fact (its IRI, or ``rdfact:…``), in document order; the first ``limit`` if given."""
        from ..views.projection import fact_quotes, quotes

        ix = self._projection()[0]
        every = sys.maxsize if limit is None else limit
        if isinstance(what, str) and what.strip().startswith((FACT, "rdfact:")):
            fact = what.strip().replace("rdfact:", FACT, 1) if what.strip().startswith("rdfact:") else what.strip()
            found = fact_quotes(ix, every)
            if fact not in found:
                raise EntityLookupError(f"unknown fact {what!r}: no fact of the graph has this IRI")
            chosen = found[fact]
        else:
            chosen = quotes(ix, every)[self.entity(what).id]
        return [Quote(q["doc"], q["section"], int(q["begin"]), int(q["end"]), q["text"], q["iri"]) for q in chosen]

    # --- the page and rdflib ---------------------------------------------------------------

    def show(self, focus: str | Entity | None = None, radius: int = 2, lang: str = "ja", height: int = 600) -> Page:
        """The network page, shown inline in a notebook (offline, self-contained), opened on the
        neighbourhood of ``focus`` (any name :meth:`entity` takes) within ``radius`` steps."""
        from ..views.layout import layout
        from ..views.page.render import page_html
        from ..views.projection import attributions, fact_quotes, quotes

        if not isinstance(radius, int) or not 0 <= radius <= 10:
            raise UsageError(f"show: radius must be a whole number from 0 to 10, not {radius!r}")
        if not isinstance(height, int) or height < 100:
            raise UsageError(f"show: height must be a whole number of pixels, 100 or more, not {height!r}")
        ix, graph = self._projection()
        node = self.entity(focus).id if focus is not None else None
        if "positions" not in self._views:
            self._views["positions"] = layout(graph)
        self._lookup()
        page = page_html(graph, quotes(ix), lang=lang, aliases=self._views["aliases"],
                         positions=self._views["positions"],
                         start={"focus": node, "radius": str(radius)} if node else None,
                         fact_quotes=fact_quotes(ix), attribution=" / ".join(attributions(ix)))
        return Page(page, height=height, focus=node, radius=radius, lang=lang)

    def rdflib(self) -> Any:
        """The dataset as a new ``rdflib.Dataset`` (named graphs kept; ``default_union``: the
        default graph reads as their union, as in :meth:`query`). Parsing takes rdflib ~1 s."""
        import rdflib

        dataset = rdflib.Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, replace=True)
        dataset.parse(str(self.path / DATASET_FILE), format="trig")
        return dataset


def open(path: Path | str | None = None) -> KnowledgeGraph:  # noqa: A001 - resdip.open, like io.open
    """The built graph in ``path`` (a folder holding ``dataset.trig``, or that file; default: the project's ``graph/``)."""
    return KnowledgeGraph(path)


def _pandas() -> Any:
    try:
        import pandas
    except ModuleNotFoundError:
        raise ModuleNotFoundError("query_df needs pandas: pip install 'resdip[notebook]'") from None
    return pandas
