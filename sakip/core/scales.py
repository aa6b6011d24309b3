"""Placing an achievement on an ordinal scale (predikat, kategori).

Scales are data (``sakip/data/scales.yaml`` and a plan's own ``scales``); this module only
reads them. Each scale states once which end of its intervals is closed:
``left`` means every band is [lower, upper), ``right`` means (lower, upper]; a band may close
both its ends (``both``: [86, 100], "86 s/d 100") where its scale's rule does not. Bands with
``exactly`` are tried first, so "= 100 Tercapai" beside "> 100 Melebihi target" needs no
special case.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.core.enums import Closed
from sakip.core.model import Band, Scale


def band_for(scale: Scale, value: Decimal | None) -> Band | None:
    """The band of ``scale`` that holds ``value``; None for a missing value or a gap."""
    if value is None:
        return None
    for band in scale.bands:
        if band.exactly is not None and value == band.exactly:
            return band
    for band in scale.bands:
        if band.exactly is None and _inside(band, value, band.closed or scale.closed):
            return band
    return None


def _inside(band: Band, value: Decimal, closed: Closed) -> bool:
    above = band.lower is None or value > band.lower or (
        value == band.lower and closed is not Closed.RIGHT)
    below = band.upper is None or value < band.upper or (
        value == band.upper and closed is not Closed.LEFT)
    return above and below


def label(scale: Scale, value: Decimal | None) -> str | None:
    band = band_for(scale, value)
    return band.label if band is not None else None
