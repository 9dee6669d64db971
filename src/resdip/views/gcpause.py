"""Pause Python's cyclic garbage collector while a view builds a large structure.

Reading the dataset, projecting it and writing the page, the exports and the analysis each
make hundreds of thousands of small objects (dicts, tuples, XML elements) and no reference
cycles; every collection the allocations trigger walks all of them again, which costs about a
third of the exports' time on a large network. Memory is still freed by reference counting;
cycles made meanwhile are collected once the collector runs again. The pictures are drawn
with the collector on (they make few objects).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (left as it was found: nested pauses are fine)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def without_gc(func: F) -> F:
    """``func`` run with the collector paused."""
    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        with paused():
            return func(*args, **kwargs)
    return run  # type: ignore[return-value]
