"""Recomputing a whole country: every agency-year measured by the core, the plans read a chunk
of agencies at a time by the web application's own bulk reader
(:func:`sakip.web.plans.convert.read_plans`: one query per kind of record for all of them, rows
read as tuples, the region's records once per region)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from sakip.core.measure import Measurement, measure
from sakip.web.plans import models as m
from sakip.web.plans.convert import read_plans


def measure_agencies(agencies: list[m.Agency], chunk: int = 10,
                     spent: dict[str, float] | None = None,
                     ) -> Iterator[tuple[int, int, Measurement]]:
    """Every year of every agency's strategic plan measured by the core
    (:func:`sakip.core.measure.measure`): (agency pk, year, measurement), agency by agency,
    ``chunk`` agencies read at a time (memory bounded by a chunk's plans). ``spent`` adds up
    the CPU seconds of reading (``read``) and of measuring (``measure``)."""
    spent = spent if spent is not None else {}
    for at in range(0, len(agencies), chunk):
        begun = time.process_time()
        plans = read_plans(agencies[at:at + chunk])
        spent["read"] = spent.get("read", 0.0) + time.process_time() - begun
        for pk in sorted(plans):
            plan = plans.pop(pk)
            for year in range(plan.strategic_plan.start, plan.strategic_plan.end + 1):
                begun = time.process_time()
                measured = measure(plan, year)
                spent["measure"] = spent.get("measure", 0.0) + time.process_time() - begun
                yield pk, year, measured
