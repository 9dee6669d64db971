"""The network page shown inside a notebook.

A :class:`Page` holds the whole page (the same self-contained file as ``graph/network.html``)
and shows itself, through ``_repr_html_`` (what Jupyter and VS Code notebooks call), as an
``<iframe srcdoc=…>``: no file, no server and no network. The frame is sandboxed: its scripts
run, but it has an origin of its own and cannot reach the notebook; links in the page (Wikidata)
open in a new tab.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
#: Shown where a notebook is not trusted (JupyterLab then strips the frame) or is shown as static HTML.
UNTRUSTED = "The network page shows here once the notebook is trusted (File → Trust Notebook) and run."


@dataclass(frozen=True)
class Page:
    """The network page: ``html`` is the whole file; ``height`` its height in a notebook (pixels)."""

    html: str = field(repr=False)
    height: int = 600
    focus: str | None = None
    radius: int = 2
    lang: str = "ja"

    def _repr_html_(self) -> str:
        return (
            f'<div style="position:relative;width:100%;height:{self.height}px">'
            f'<span style="position:absolute;color:#888">{html.escape(UNTRUSTED)}</span>'
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="{SANDBOX}" '
            f'title="resdip network" referrerpolicy="no-referrer" '
            f'style="position:absolute;width:100%;height:100%;border:1px solid #ddd;background:#fff"></iframe></div>'
        )

    def save(self, path: Path | str) -> Path:
        """Write the page to ``path`` (to open in a browser, or to share); returns the path."""
        out = Path(path)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(self.html, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
        return out
