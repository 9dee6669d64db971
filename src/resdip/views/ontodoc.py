"""Publish ``ontology.ttl`` as one HTML page with pyLODE (the OntPub profile).

The page is deterministic (byte-identical across runs and hash seeds) and works offline: the
CSS is inlined, pyLODE's schema.org JSON-LD block is rewritten in a canonical order, and any
``<script src>`` / ``<link href>`` pointing at the network is dropped. Each term's ``@en`` and
``@ja`` labels are shown together as ``English (日本語)``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import json
import logging
import pickle
import re
import sys
import tempfile
import types
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .. import paths
from ..outputs import write_text_atomic
from ..rdf.validate import load_turtle

_JSON_LD = re.compile(r'(<script id="schema\.org" type="application/ld\+json">)(.*?)(</script>)', re.DOTALL)
_REMOTE = re.compile(
    r"""<script\b[^>]*\bsrc=["']?(?:https?:)?//[^>]*>\s*</script>\s*"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^>]*>\s*""",
    re.IGNORECASE,
)


def _ontpub() -> Any:
    """pyLODE's OntPub class.

    pyLODE 3.4.1's ``pylode/version.py`` reads a ``pyproject.toml`` the wheel does not install
    (RDFLib/pyLODE#260), so importing pylode fails; give it the version from the package
    metadata instead. Harmless on releases that have the fix.
    """
    if "pylode.version" not in sys.modules:
        stub = types.ModuleType("pylode.version")
        stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = stub
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    from pylode import OntPub  # its server module calls logging.basicConfig(level=DEBUG) on import

    root.handlers[:], root.level = handlers, level
    _guard_background_cache()
    return OntPub


#: pyLODE functions that read (or, the first time, write) a pickle inside pyLODE's own folder.
_PICKLED = ("load_background_onts", "load_background_onts_titles")


def _guard_background_cache() -> None:
    """Make pyLODE's cache of its background ontologies safe to share between processes.

    The first time it runs, pyLODE 3.x pickles the vocabularies it explains terms with
    (``rdf/refs.pickle``, ``rdf/refs_titles.pickle``) into its installed folder, written in place:
    builds running side by side on a fresh install (the test suite, a Makefile with ``-j``) read
    each other's half-written file (``UnpicklingError: pickle data was truncated``), and a build
    killed while writing leaves a file every later build fails on. Each call is made under an
    exclusive lock held across processes, a cache that does not unpickle is removed and made again,
    and the result is kept for the rest of the process.
    """
    import pylode.utils as utils
    from pylode.profiles import ontpub

    for name in _PICKLED:
        original = getattr(utils, name)
        if getattr(original, "_resdip_guarded", False):
            continue
        guarded = _guarded(original, utils)
        for module in (utils, ontpub):
            setattr(module, name, guarded)


def _guarded(load: Any, utils: Any) -> Any:
    done: dict[tuple[str, str], Any] = {}

    @functools.wraps(load)
    def guarded(*args: Any) -> Any:
        key = (load.__name__, str(utils.RDF_FOLDER))
        if key not in done:
            with _cache_lock():
                try:
                    done[key] = load(*args)
                except (pickle.UnpicklingError, EOFError, AttributeError, ValueError) as exc:
                    print(f"resdip: warning: pyLODE's cache is damaged ({exc}); making it again", file=sys.stderr)
                    for cache in Path(utils.RDF_FOLDER).glob("*.pickle"):
                        cache.unlink(missing_ok=True)
                    done[key] = load(*args)
        return done[key]

    guarded._resdip_guarded = True  # type: ignore[attr-defined]
    return guarded


@contextlib.contextmanager
def _cache_lock() -> Any:
    """An exclusive lock shared by every process of this user (``flock``; none where there is none)."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock, as pyLODE itself
        yield
        return
    path = Path(tempfile.gettempdir()) / "resdip-pylode-cache.lock"
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _for_pylode(ontology: Graph) -> Graph:
    """A copy made for pyLODE: one label (and one title) per term, ``English (日本語)``; and the
    concept schemes (rd:ResourceScheme…) not typed skos:ConceptScheme, which OntPub would take
    for the document itself and append to its title."""
    out = Graph()
    for prefix, namespace in ontology.namespaces():
        out.bind(prefix, namespace, override=True)
    merged = {RDFS.label, DCTERMS.title}
    for triple in ontology:
        if triple[1] not in merged and not (triple[1] == RDF.type and triple[2] == SKOS.ConceptScheme):
            out.add(triple)
    for predicate in sorted(merged):
        for subject in sorted(set(ontology.subjects(predicate, None))):
            values = {}
            for value in ontology.objects(subject, predicate):
                values.setdefault(getattr(value, "language", None) or "", []).append(str(value))
            en = sorted(values.pop("en", []))
            ja = sorted(values.pop("ja", []))
            rest = sorted(v for vs in values.values() for v in vs)
            text = " / ".join(en + rest)
            if ja:
                text = f"{text} ({' / '.join(ja)})" if text else " / ".join(ja)
            out.add((subject, predicate, Literal(text)))
    return out


class _StoredNamespaces(Graph):
    """A graph whose ``namespaces()`` come straight from its store.

    rdflib's own makes a new URIRef of every namespace each time it is asked, and pyLODE asks once
    for every term of the ontology (about 200,000 URIRefs: half of the page's time). The store holds
    them as URIRefs already, so the answer is the same.
    """

    def namespaces(self) -> Any:
        return iter(list(self.store.namespaces()))


def _sorted(ontology: Graph) -> Graph:
    """What pyLODE's ``sort_subjects`` makes (the triples added in sorted order, its core prefixes
    and the ontology's), as a :class:`_StoredNamespaces`."""
    out = _StoredNamespaces(bind_namespaces="core")
    for prefix, namespace in ontology.namespace_manager.namespaces():
        out.namespace_manager.bind(prefix, namespace, override=True)
    for triple in sorted(ontology.triples((None, None, None))):
        out.add(triple)
    return out


def _canonical(value: Any) -> Any:
    """JSON with every unordered array sorted (JSON-LD arrays are sets unless under @list)."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _canonical(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _fix_json_ld(match: re.Match[str]) -> str:
    data = _canonical(json.loads(match.group(2)))
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False).replace("</", "<\\/")
    return f"{match.group(1)}\n{text}\n\t{match.group(3)}"


def render_ontology_doc(ontology_path: Path = paths.ONTOLOGY) -> str:
    """The HTML page for the ontology, as a string."""
    ontology = _sorted(_for_pylode(load_turtle(Path(ontology_path))))
    html = _ontpub()(ontology, sort_subjects=False).make_html(include_css=True)
    html = _JSON_LD.sub(_fix_json_ld, html)
    html = _REMOTE.sub("", html)
    return html if html.endswith("\n") else html + "\n"


def write_ontology_doc(ontology_path: Path = paths.ONTOLOGY, out_html: Path | None = None) -> Path:
    """Write the ontology's HTML page atomically (temp file in the same folder, then os.replace)."""
    out = Path(out_html) if out_html is not None else paths.GRAPH_DIR / "ontology.html"
    write_text_atomic(out, render_ontology_doc(ontology_path))
    return out
