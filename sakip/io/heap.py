"""Building a large structure of new objects without Python's cyclic collector walking it.

Reading a plan file or a workbook allocates a few objects per value (nodes, rows, the plan's
records), almost none of them garbage and none in cycles; the cyclic collector, triggered every
700 allocations, walks the ever larger heap again and again (about a quarter of a workbook's
import, a third of a plan file's load). Memory is not at stake: what is built is bounded by the
readers' limits, and reference counting frees everything else at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic collector paused for the block (nested blocks too), and resumed afterwards
    if it was running, exceptions included."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
