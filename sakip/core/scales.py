"""Placing an achievement on an ordinal scale (predikat, kategori).

Scales are data (``sakip/data/scales.yaml`` and a plan's own ``scales``); this module only
reads them. Each scale states once which end of its intervals is closed:
``left`` means every band is [lower, upper), ``right`` means (lower, upper]; a band may close
both its ends (``both``: [86, 100], "86 s/d 100") where its scale's rule does not. Bands with
``exactly`` are tried first, so "= 100 Tercapai" beside "> 100 Melebihi target" needs no
special case.

A band's ``label`` is the value a measurement keeps (``IndicatorResult.predicate``,
``.category``) and what logic compares; what a reader sees is :class:`BandLabels`' rule:
in English the band's ``label_en`` when it has one, else its ``label``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sakip.core.enums import Closed
from sakip.core.model import Band, Plan, Scale, Settings


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


# --------------------------------------------------------------------------- labels as printed


class BandLabels:
    """How the band labels of some scales print in one language: the one rule of every output
    (report, command line, tree).

    Indonesian (``id``): a label prints as it is. English (``en``): a label of a band of
    ``scales`` prints as that band's ``label_en`` ("Melebihi target" → "Exceeded"), or as it is
    when the band has none. A label found in no band (a free label) prints as it is. When two
    scales share a label with different English, the first scale given wins (:func:`band_labels`
    gives the predicate scale first). Build once per plan and language; calling is a look-up.
    """

    # a template engine given this object (Django's, on the web pages) passes it to a filter
    # instead of calling it without a label
    do_not_call_in_templates = True

    def __init__(self, scales: Iterable[Scale], lang: str) -> None:
        self.lang = lang
        self._shown: dict[str, str] = {}
        if lang == "en":
            for scale in scales:
                for band in scale.bands:
                    self._shown.setdefault(band.label, band.label_en or band.label)

    def __call__(self, label: str | None) -> str | None:
        """``label`` as printed; None stays None (no band: the caller prints its dash)."""
        if label is None:
            return None
        return self._shown.get(label, label)


def shown_label(scales: Iterable[Scale], label: str | None, lang: str) -> str | None:
    """``label`` as a reader of ``lang`` sees it, by :class:`BandLabels`' rule over ``scales``
    (for one label; for many, build a :class:`BandLabels` once)."""
    return BandLabels(scales, lang)(label)


def label_scales(plan: Plan, settings: Settings | None = None) -> tuple[Scale, ...]:
    """The scales whose labels a measurement of ``plan`` gives: its predicate scale, then its
    category scale, as ``settings`` (default the plan's) choose them; a code the plan lacks is
    skipped."""
    settings = settings or plan.settings
    found = (plan.scale_by_code.get(settings.predicate_scale),
             plan.scale_by_code.get(settings.category_scale))
    return tuple(scale for scale in found if scale is not None)


def band_labels(plan: Plan, lang: str, settings: Settings | None = None,
                more: Iterable[Plan] = ()) -> BandLabels:
    """The printing rule of ``plan``'s predicate and category labels in ``lang``; ``more``: other
    plans whose results are printed beside (a region's agencies), their scales after."""
    scales = [*label_scales(plan, settings)]
    for other in more:
        scales += [s for s in label_scales(other) if s not in scales]
    return BandLabels(scales, lang)
