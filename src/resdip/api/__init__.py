"""The Python API: a built graph folder in, a KnowledgeGraph out (rows, DataFrames, the network, the page).

``resdip.open(path)`` gives a :class:`KnowledgeGraph`; docs/python.md shows its use. The API sits
after every stage: it reads what the build wrote with the same code as the commands.
"""

from .graph import Entity, KnowledgeGraph, Quote, Rows, open
from .inline import Page

__all__ = ["Entity", "KnowledgeGraph", "Page", "Quote", "Rows", "open"]
