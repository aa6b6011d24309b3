"""Indicators: targets and realisations present, formulas agree, polarity, scales."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from sakip.core.achievement import better
from sakip.core.enums import ActualStatus, Level, Polarity
from sakip.core.model import Scale
from sakip.core.numbers import places, quantize
from sakip.core.scales import band_for
from sakip.review.findings import Finding, Location, Severity
from sakip.review.plan.context import PlanReview, indicator_at, record, show
from sakip.review.report.labels import lower_is_better


def iku_data(review: PlanReview) -> list[Finding]:
    """PLAN_IKU_TARGET: a key indicator without a target for the year.
    PLAN_IKU_ACTUAL: a key indicator without a realisation and without a recorded reason."""
    found = []
    year = review.year
    for indicator in review.key:
        if indicator.target(year) is None:
            found.append(Finding(
                "PLAN_IKU_TARGET", Severity.ERROR, indicator_at(indicator),
                f"Indikator kinerja utama tanpa target tahun {year}.",
                f"Key indicator without a {year} target.", expected=f"target {year}",
                found="tidak ada"))
        result = review.measurement.result(indicator.code)
        has_value = result.actual is not None or result.actual_text is not None
        if has_value:
            continue
        if result.status is ActualStatus.NOT_AVAILABLE and result.reason:
            continue
        reason = " (status 'belum tersedia' tanpa alasan)" \
            if result.status is ActualStatus.NOT_AVAILABLE else ""
        found.append(Finding(
            "PLAN_IKU_ACTUAL", Severity.ERROR, indicator_at(indicator),
            f"Indikator kinerja utama tanpa realisasi tahun {year} dan tanpa alasan yang "
            f"dicatat{reason}.",
            f"Key indicator without a {year} realisation and without a recorded reason.",
            expected="realisasi, atau alasan belum tersedia", found="tidak ada"))
    return found


def formulas(review: PlanReview) -> list[Finding]:
    """PLAN_FORMULA: a reported realisation that its formula and raw data do not give."""
    found = []
    for result in review.measurement.indicators:
        indicator = result.indicator
        if result.derived is None or result.reported is None:
            continue
        reported = quantize(result.reported, indicator.precision,
                            review.plan.settings.rounding)
        if reported == result.derived:
            continue
        # the reported figure beside the derived one, with at least the indicator's precision
        shown = show(result.reported, max(places(result.reported), indicator.precision))
        found.append(Finding(
            "PLAN_FORMULA", Severity.ERROR, indicator_at(indicator),
            f"Realisasi {review.year} yang dilaporkan {shown} tidak sama dengan "
            f"hasil rumusnya {indicator.formula} dari data dasar = {show(result.derived)}; "
            "Sakip memakai hasil rumus.",
            f"The reported {review.year} realisation differs from its formula over the raw "
            "data; the derived value is used.",
            expected=show(result.derived), found=shown))
    return found


def polarity(review: PlanReview) -> list[Finding]:
    """PLAN_POLARITY: a name that says lower-is-better on a positive indicator (warning); an
    achievement that ignores the polarity (error)."""
    found = []
    for result in review.measurement.indicators:
        indicator = result.indicator
        if indicator.level in (Level.GOAL, Level.OBJECTIVE, Level.PROGRAM) \
                and indicator.polarity is Polarity.POSITIVE and lower_is_better(indicator.name):
            found.append(Finding(
                "PLAN_POLARITY", Severity.WARNING, indicator_at(indicator),
                "Nama indikator menunjukkan semakin kecil semakin baik, tetapi polaritasnya "
                "'positive'; periksa apakah seharusnya 'negative'.",
                "The name suggests lower-is-better but the polarity is positive.",
                expected="negative", found="positive"))
        target = result.target.value if result.target is not None else None
        if target is None or result.actual is None or result.met is None \
                or indicator.polarity is Polarity.STABILISE:
            continue
        should_meet = better(indicator.polarity, result.actual, target) >= 0
        if should_meet != result.met:
            found.append(Finding(
                "PLAN_POLARITY", Severity.ERROR, indicator_at(indicator),
                f"Realisasi {show(result.actual)} terhadap target "
                f"{show(target, indicator.target_places(target))} untuk indikator "
                f"{indicator.polarity.value} seharusnya {'tercapai' if should_meet else 'tidak tercapai'}"
                f", tetapi hasil pengukuran menyatakan sebaliknya.",
                "The measured result contradicts the indicator's polarity.",
                expected="tercapai" if should_meet else "tidak tercapai",
                found="tercapai" if result.met else "tidak tercapai"))
    return found


def target_years(review: PlanReview) -> list[Finding]:
    """PLAN_TARGET_YEARS: a goal or objective indicator without targets for some plan years;
    PLAN_PROGRAM_TARGET: a program whose indicators have no target for the year reviewed."""
    years = review.plan.strategic_plan.years
    found = []
    for indicator in review.strategic:
        missing = [y for y in years if indicator.target(y) is None]
        if missing:
            listing = ", ".join(str(y) for y in missing)
            found.append(Finding(
                "PLAN_TARGET_YEARS", Severity.WARNING, indicator_at(indicator),
                f"Tidak ada target untuk tahun {listing} (periode Renstra "
                f"{years[0]}–{years[-1]}).",
                f"No target for {listing} in the plan period.",
                expected=f"target {years[0]}–{years[-1]}", found=f"tanpa {listing}"))
    for program in review.plan.programs:
        indicators = review.plan.indicators_of(program.code, Level.PROGRAM)
        without = [i for i in indicators if i.target(review.year) is None]
        if without and len(without) == len(indicators):
            names = "; ".join(f"{i.code} {i.name[:60]}" for i in without)
            found.append(Finding(
                "PLAN_PROGRAM_TARGET", Severity.WARNING, record("program", program.code,
                                                                 program.name),
                f"Indikator program tidak memiliki target {review.year}: {names}.",
                f"The program's indicators have no {review.year} target.",
                expected=f"target {review.year}", found="tidak ada"))
    return found


def scale_gaps(review: PlanReview) -> list[Finding]:
    """PLAN_SCALE: a configured scale whose bands leave a gap or overlap."""
    settings = review.plan.settings
    found = []
    for code in (settings.predicate_scale, settings.category_scale):
        scale = review.plan.scale_by_code.get(code)
        if scale is None:
            continue
        problem = _gap(scale)
        if problem:
            found.append(Finding(
                "PLAN_SCALE", Severity.WARNING, Location(record=f"skala {scale.code}"),
                f"Skala '{scale.name}' {problem}.", f"Scale '{scale.name}': {problem}.",
                found=problem))
    return found


def _gap(scale: Scale) -> str | None:
    bands = sorted((b for b in scale.bands if b.exactly is None),
                   key=lambda b: b.lower if b.lower is not None else Decimal("-Infinity"))
    if not bands:
        return None
    if bands[0].lower is not None and bands[0].lower > 0:
        return f"tidak mencakup nilai di bawah {show(bands[0].lower)}"
    for low, high in pairwise(bands):
        if low.upper is None or high.lower is None:
            return f"pita '{low.label}' dan '{high.label}' tumpang tindih"
        if low.upper < high.lower:
            return f"ada celah antara {show(low.upper)} dan {show(high.lower)}"
        if low.upper > high.lower:
            return f"pita '{low.label}' dan '{high.label}' tumpang tindih"
        point = low.upper  # where the two meet: in both bands, in neither, or in one
        held = [b for b in (low, high) if band_for(Scale("", "", scale.kind, scale.closed, (b,)),
                                                     point) is not None]
        exact = any(b.exactly == point for b in scale.bands)
        if len(held) == 2:
            return f"pita '{low.label}' dan '{high.label}' sama-sama memuat {show(point)}"
        if not held and not exact:
            return f"nilai {show(point)} tidak masuk pita mana pun"
    if bands[-1].upper is not None:
        return f"tidak mencakup nilai di atas {show(bands[-1].upper)}"
    return None


def labels(review: PlanReview) -> list[Finding]:
    """PLAN_LABEL: a predicate or category that is not the configured scale's for the figure."""
    plan, settings = review.plan, review.plan.settings
    predicate = plan.scale_by_code.get(settings.predicate_scale)
    category = plan.scale_by_code.get(settings.category_scale)
    found = []
    for result in review.measurement.indicators:
        if result.achievement is None:
            continue
        for scale, given, word in ((predicate, result.predicate, "predikat"),
                                   (category, result.category, "kategori")):
            if scale is None:
                continue
            band = band_for(scale, result.achievement)
            right = band.label if band is not None else None
            if right != given:
                found.append(Finding(
                    "PLAN_LABEL", Severity.ERROR, indicator_at(result.indicator),
                    f"Capaian {show(result.achievement)} diberi {word} '{given}', padahal skala "
                    f"'{scale.name}' memberi '{right}'.",
                    f"The {word} does not follow the configured scale.",
                    expected=right, found=given))
    return found
