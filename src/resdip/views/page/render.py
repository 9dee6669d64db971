"""Write ``network.html``: one self-contained, deterministic, offline page.

The page is ``template.html`` with vis-network (read from the installed pyvis
package), ``app.css``, ``app.js`` and the graph data inlined. The data sits in
a ``<script type="application/json">`` block with every ``<``, ``>`` and ``&``
escaped, so no document text can end the block. A Content-Security-Policy
allows only the inline scripts (by hash) and no network access at all.
``page_html`` gives the same page as text; with ``start`` (``{"focus": id, "radius": "2"}``)
a third inline script sets the URL fragment the page reads its first view from, before the
page's own script runs (this is how a notebook opens the page on one entity).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import networkx as nx

from ...errors import OutputError, UsageError
from ..gcpause import without_gc
from .payload import build_payload

DEFAULT_TITLE = "日本の資源外交ネットワーク / Japan's resource-diplomacy network"
VIS_VERSION = "vis-9.1.2"
APP_SCRIPTS = ("labels.js", "timeline.js", "app.js")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@without_gc
def render_page(
    graph: nx.MultiDiGraph,
    quotes: Mapping[str, list[dict]],
    out_path: Path,
    *,
    title: str = DEFAULT_TITLE,
    lang: str = "ja",
    aliases: Mapping[str, list[str]] | None = None,
    positions: Mapping[str, tuple[int, int]] | None = None,
    fact_quotes: Mapping[str, list[dict]] | None = None,
    attribution: str = "",
) -> None:
    """Write the interactive network page for ``graph`` to ``out_path``.

    ``quotes[node]`` are the node's source sentences (``resdip.views.projection.quotes``);
    ``aliases[node]`` extra names the search box matches (``resdip.views.projection.labels``),
    added to any ``aliases`` node attribute ("|"-separated); ``positions`` the node positions
    (``resdip.views.layout.layout(graph)``) if the caller has computed them already;
    ``fact_quotes[fact IRI]`` the sentences an edge's fact was read from (``resdip.views.projection.fact_quotes``);
    ``attribution`` the sources' credit line, printed under a saved picture of the view.
    """
    page = page_html(graph, quotes, title=title, lang=lang, aliases=aliases, positions=positions,
                     fact_quotes=fact_quotes, attribution=attribution)
    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_bytes(page.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"cannot write {out_path}: {exc.strerror or exc}") from exc


def page_html(
    graph: nx.MultiDiGraph,
    quotes: Mapping[str, list[dict]],
    *,
    title: str = DEFAULT_TITLE,
    lang: str = "ja",
    aliases: Mapping[str, list[str]] | None = None,
    positions: Mapping[str, tuple[int, int]] | None = None,
    start: Mapping[str, str] | None = None,
    fact_quotes: Mapping[str, list[dict]] | None = None,
    attribution: str = "",
) -> str:
    """The page :func:`render_page` writes, as text; ``start``: the first view's URL fragment
    parameters (``focus``, ``radius``, ``lang``), as if the page had been opened with them."""
    if lang not in ("ja", "en"):
        raise UsageError(f"page language must be 'ja' or 'en', not {lang!r}")
    payload = build_payload(graph, quotes, title=title, lang=lang, aliases=aliases or {}, positions=positions,
                            fact_quotes=fact_quotes)
    payload["attribution"] = attribution
    return assemble(payload, title=title, lang=lang, start=start)


def assemble(payload: Mapping[str, Any], *, title: str, lang: str, start: Mapping[str, str] | None = None) -> str:
    vis_js, vis_css = _vis_assets()
    # One script: the label placer and the timeline, then the app that uses them.
    app_js = _script_safe("(function () {\n" + "".join(_asset(name) for name in APP_SCRIPTS) + "})();\n")
    vis_js = _script_safe(vis_js)
    start_js = _start_script(start) if start else ""
    parts = {
        "LANG": lang,
        "TITLE": html.escape(title, quote=True),
        "CSP": _csp(vis_js, app_js, *([start_js] if start_js else [])),
        "VIS_CSS": _style_safe(vis_css),
        "APP_CSS": _style_safe(_asset("app.css")),
        "DATA": json_for_script(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "START": f"<script>{start_js}</script>\n" if start_js else "",
    }
    # One pass, so text inserted for one placeholder is never scanned for another.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("template.html"))


def json_for_script(payload: Mapping[str, Any]) -> str:
    """JSON that is safe inside <script type="application/json"> (no '</', '<!--', ']]>')."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _start_script(start: Mapping[str, str]) -> str:
    """``location.hash = "focus=…&radius=…"``: the page reads its first view from the fragment
    (in a notebook the page sits in an ``about:srcdoc`` frame, whose fragment only a script can set)."""
    fragment = urlencode(sorted((str(k), str(v)) for k, v in start.items()))
    literal = re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], json.dumps(fragment))
    return f"location.hash = {literal};"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _vis_assets() -> tuple[str, str]:
    import pyvis

    folder = Path(pyvis.__file__).parent / "lib" / VIS_VERSION
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"vis-network not found in the pyvis package ({folder}): {exc}") from exc
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)  # no source-map fetch from devtools
    return js, css


def _script_safe(js: str) -> str:
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def _style_safe(css: str) -> str:
    if re.search(r"</style", css, flags=re.IGNORECASE):
        raise OutputError("stylesheet contains '</style'")
    return css


def _csp(*scripts: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
