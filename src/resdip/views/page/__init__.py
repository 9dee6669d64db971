"""The interactive network page (``graph/network.html``): one offline, embeddable file."""

from .render import render_page

__all__ = ["render_page"]
