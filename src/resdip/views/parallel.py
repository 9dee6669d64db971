"""Drawing several views at once: a map over forked processes, results in the order given.

Pictures are drawn one at a time by Pillow and written as SVG by Python, both holding the GIL; on
a machine with cores to spare, forked processes draw them side by side. Forking shares what this
process has loaded (the font) instead of loading it again; only the results are sent back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def parallel_map(func: Callable[[In], Out], items: Sequence[In], jobs: int) -> list[Out]:
    """``[func(item) for item in items]``, computed by up to ``jobs`` forked processes (here when
    ``jobs`` is 1 or there is one item); ``func`` and the results must pickle."""
    if jobs <= 1 or len(items) <= 1:
        return [func(item) for item in items]
    with multiprocessing.get_context("fork").Pool(min(jobs, len(items))) as pool:
        return pool.map(func, items, chunksize=1)
