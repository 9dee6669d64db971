"""Python's cyclic garbage collector, tuned for a build.

A build makes millions of small objects that live as long as the stage that made them (rdflib
terms and triples, pySHACL's shapes and results, SudachiPy's morphemes, pykakasi's dictionary)
and few reference cycles. With the default thresholds (a young collection every 700 new
objects) the collector ran thousands of times in a build of the source and walked the same
long-lived objects again and again: about 0.8 s of the 5.3 s of CPU time a cold build of the
source took on 2 cores. A young collection every 20,000 objects keeps cycles collected (memory
is still freed by reference counting, cycles soon after) at a fraction of the cost.
"""

from __future__ import annotations

import gc

#: Objects allocated between two young collections (Python's default is 700), then how many
#: young and middle collections before an older one (the defaults, 10 and 10, kept: full collections
#: as often, relative to young ones, as Python makes them, so cycles do not pile up on a large corpus).
THRESHOLDS = (20_000, 10, 10)


def tune_for_build() -> None:
    """Collect less often: for a process that builds (and the processes it forks)."""
    gc.set_threshold(*THRESHOLDS)
