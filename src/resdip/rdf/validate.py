"""Validate the built graph against ``shapes.ttl`` (SHACL, via pySHACL).

The shapes are checked against the union of every named graph plus ``ontology.ttl`` (so that
``sh:targetClass rd:Event`` reaches ``rd:Visit`` through ``rdfs:subClassOf`` without any
inference). A graph that does not conform raises :class:`ShapeViolations`, a
:class:`resdip.errors.ValidationError` whose message is the number of violations and the first
few as ``focus node — path — message`` lines, and whose ``report_text`` is pySHACL's full report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
import pyshacl
from pyshacl.graph_abstraction import DataGraph
from pyshacl.monkey import apply_patches
from pyshacl.shapes_graph import ShapesGraph
from pyshacl.validator import Validator, assign_baked_in
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .. import paths
from ..errors import DataFileError, ValidationError
from ..vocab import bind_prefixes

SHOWN = 5  # violations spelt out in the exception message


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, with its nodes written as prefixed names."""

    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} — {self.path} — {self.message}"


class ShapeViolations(ValidationError):
    """The graph does not conform: ``violations`` lists them all, ``report_text`` is pySHACL's report."""

    def __init__(self, violations: list[Violation], report_text: str, shapes_path: Path) -> None:
        self.violations = violations
        self.report_text = report_text
        count = len(violations)
        noun = "violation" if count == 1 else "violations"
        lines = [f"{count} SHACL {noun} of {Path(shapes_path).name}, e.g. {violations[0]}"]
        lines += [f"  {v}" for v in violations[:SHOWN]]
        if count > SHOWN:
            lines.append(f"  … and {count - SHOWN} more (see .report_text)")
        super().__init__("\n".join(lines))


def load_turtle(path: Path) -> Graph:
    """Parse a project Turtle file; a missing or malformed file raises DataFileError.

    A build reads ``ontology.ttl`` and ``shapes.ttl`` several times (checked first, then for the
    validator, the ontology's graph, the page and the ontology page, in this process and in the
    processes it forks): each content is parsed once per process and each caller gets its own copy
    (a tenth of a parse), the same triples in the same order with the same prefixes.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found") from exc
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    key = hashlib.sha256(data).hexdigest()
    parsed = _PARSED.get(key)
    if parsed is None:
        try:
            parsed = Graph().parse(data=data, format="turtle", publicID=path.absolute().as_uri())
        except Exception as exc:  # rdflib raises BadSyntax or assorted parser errors
            raise DataFileError(f"{path}: {_parser_message(exc)}") from exc
        _PARSED[key] = parsed
    return _copy(parsed)


#: Turtle files parsed by this process, by the SHA-256 of their bytes.
_PARSED: dict[str, Graph] = {}


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespace_manager.namespaces():
        copy.namespace_manager.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        copy.add(triple)
    return copy


def _parser_message(exc: Exception) -> str:
    line = getattr(exc, "lines", None)  # rdflib's BadSyntax: 0-based line index
    why = getattr(exc, "_why", None)
    if isinstance(line, int) and why:
        return f"line {line + 1}: Turtle syntax error ({why})"
    first = str(exc).strip().splitlines()
    return f"Turtle syntax error: {first[0] if first else type(exc).__name__}"


def union_graph(data: Any, ontology: Graph) -> Graph:
    """One rdflib Graph with every triple of ``data`` (Graph, Dataset or pyoxigraph Store) and the ontology."""
    union = bind_prefixes(Graph())
    if isinstance(data, pyoxigraph.Store):
        data = Dataset().parse(data=data.dump(format=pyoxigraph.RdfFormat.N_QUADS), format="nquads")
    if hasattr(data, "quads"):  # rdflib Dataset / ConjunctiveGraph: all named graphs and the default one
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
    else:
        for triple in data:
            union.add(triple)
    for triple in ontology:
        union.add(triple)
    return union


def _name(node: Node | None, graph: Graph) -> str:
    """A node for people to read: IRIs as prefix:rest (even where Turtle would not allow it)."""
    if node is None:
        return "(node)"
    if isinstance(node, URIRef):
        iri = str(node)
        matches = [(len(ns), prefix, str(ns)) for prefix, ns in graph.namespaces()
                   if prefix and iri.startswith(str(ns)) and len(iri) > len(str(ns))]
        if matches:
            _, prefix, ns = max(matches)
            return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(node, Literal):
        return node.n3(graph.namespace_manager)
    return node.n3()


def violations_of(results: Graph, data: Graph) -> list[Violation]:
    """The sh:Violation results of a pySHACL results graph, sorted."""
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) not in (None, SH.Violation):
            continue
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        if not messages:
            component = results.value(result, SH.sourceConstraintComponent)
            messages = [_name(component, data)]
        path_name = _name(path, data) if isinstance(path, URIRef) else ("(node)" if path is None else "(path)")
        found.append(Violation(_name(focus, data), path_name, messages[0]))
    return sorted(set(found))


class GraphValidator:
    """Checks one graph at a time in the context of the registry and the ontology.

    The build validates each document's graph (or each part of a long document) in the process
    that read it, so that validation runs on every core and never holds the whole dataset:
    the data checked is the document's triples plus ``context`` (the registry graph and
    ``ontology.ttl``), and the focus nodes are the document's subjects. ``context`` itself is
    checked once, by :meth:`check_context`.
    """

    def __init__(self, context: Graph, shapes_path: Path = paths.SHAPES,
                 ontology_path: Path = paths.ONTOLOGY) -> None:
        self.shapes_path = Path(shapes_path)
        self.shapes = load_turtle(shapes_path)
        self._shapes_graph: _RememberingShapesGraph | None = None
        self.context = union_graph(context, load_turtle(ontology_path))

    def check_context(self) -> tuple[list[Violation], str]:
        """Violations of the context graphs alone (the registry)."""
        return self._run(self.context, None)

    def check(self, graph: Graph, consume: bool = False) -> tuple[list[Violation], str]:
        """Violations of the nodes ``graph`` speaks of, read with the context graphs.

        With ``consume``, the context is added to ``graph`` itself instead of to a copy (for a caller
        that is done with the graph: copying a document's triples cost as much as a fifth of a check).
        """
        focus = sorted({s for s in graph.subjects() if isinstance(s, URIRef)})
        if consume:
            data = bind_prefixes(graph)
        else:
            data = bind_prefixes(Graph())
            for triple in graph:
                data.add(triple)
        for triple in self.context:
            data.add(triple)
        return self._run(data, focus) if focus else ([], "")

    def _run(self, data: Graph, focus: list[URIRef] | None) -> tuple[list[Violation], str]:
        apply_patches()
        assign_baked_in()
        validator = _FocusedValidator(DataGraph.from_rdflib(data), shacl_graph=self.shapes, options={
            "inference": "none", "inplace": True, "advanced": False, "allow_warnings": True,
            "allow_infos": True, "focus_nodes": focus}, shapes_graph=self._shapes_graph)
        self._shapes_graph = validator.shacl_graph  # the shapes, read once for every document
        conforms, results, report_text = validator.run()
        if conforms:
            return [], ""
        return violations_of(results, data), str(report_text)


class _FocusedValidator(Validator):
    """pySHACL's validator with its focus nodes in a set.

    pySHACL (0.40) keeps the focus nodes it is given in a list and tests each target node for
    membership in it, which is quadratic in a document's size; a set makes it linear.
    """

    def __init__(self, *args: Any, shapes_graph: "_RememberingShapesGraph | None" = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shacl_graph = shapes_graph or _RememberingShapesGraph(self.shacl_graph.graph, self.debug, self.logger)

    def make_executor(self):  # type: ignore[no-untyped-def]
        executor = super().make_executor()
        if executor.focus_nodes:
            executor.focus_nodes = frozenset(executor.focus_nodes)
        return executor


class _RememberingShapesGraph(ShapesGraph):
    """pySHACL's shapes graph with its look-ups remembered.

    pySHACL (0.40) validates a property shape once per value node, and each time reads the shape's
    constraint parameters from the shapes graph again; the shapes graph does not change during a
    run, so each look-up is made once. (A document's check took about a third less time.)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._objects: dict[tuple[Any, Any], tuple[Any, ...]] = {}
        self._predicate_objects: dict[Any, tuple[Any, ...]] = {}

    def objects(self, s: Any, p: Any) -> Any:
        key = (s, p)
        found = self._objects.get(key)
        if found is None:
            found = self._objects[key] = tuple(super().objects(s, p))
        return iter(found)

    def predicate_objects(self, s: Any) -> Any:
        found = self._predicate_objects.get(s)
        if found is None:
            found = self._predicate_objects[s] = tuple(super().predicate_objects(s))
        return iter(found)


def raise_violations(violations: list[Violation], report_text: str, shapes_path: Path = paths.SHAPES) -> None:
    """Raise ShapeViolations for the violations found, if any."""
    if violations:
        raise ShapeViolations(sorted(set(violations)), report_text, Path(shapes_path))


def validate(
    dataset_or_graph: Any,
    shapes_path: Path = paths.SHAPES,
    ontology_path: Path = paths.ONTOLOGY,
) -> None:
    """Check the graph against the SHACL shapes; return None if it conforms.

    ``dataset_or_graph``: an rdflib Dataset (all named graphs are validated as one union), an
    rdflib Graph, or a pyoxigraph Store. ``ontology.ttl`` is added to the union (it usually is
    in it already, as the ontology graph). Raises ShapeViolations (a ValidationError) when the
    graph does not conform, DataFileError when shapes.ttl or ontology.ttl is missing or malformed.
    """
    shapes = load_turtle(shapes_path)
    ontology = load_turtle(ontology_path)
    data = union_graph(dataset_or_graph, ontology)
    conforms, results, report_text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        inplace=True,  # `data` is our own copy
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )
    if conforms:
        return
    violations = violations_of(results, data)
    if not violations:  # only warnings or infos
        return
    raise ShapeViolations(violations, str(report_text), Path(shapes_path))
