"""Laporan Monev triwulan: the quarter's monitoring of an agency's indicators and budget.

Indicators (every indicator with a target of the year, in cascade order): the year's target,
the quarter's target and realisation (``monitoring.period_results``: its own record, else its
months composed by the indicator's rule), their achievement and standing (below
``Settings.off_track_below``, above ``Settings.well_above``), the realisation so far
(``monitoring.progress``) against the year's target and the Renstra's final target, and the
faktor penghambat / pendorong and tindak lanjut written on the quarter's realisations.

Budget (every program and activity with a ceiling in the year): the ceiling, the quarter's
spending and the spending so far (the periods summed), the absorption so far
(``budget.absorption``) and the physical progress reached by the quarter's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip.core.budget import absorption
from sakip.core.model import Indicator, Plan
from sakip.core.monitoring import Standing, period_results, progress
from sakip.core.periods import Period, period_of
from sakip.forms.e81 import signature
from sakip.forms.figures import ROMAN, Budgets, owners
from sakip.forms.layout import EMPTY, Form, Head, Row, Table, money, number, row_level, text

STANDING_ID = {Standing.OFF_TRACK: "Di bawah target", Standing.ON_TRACK: "Sesuai target",
               Standing.WELL_ABOVE: "Jauh di atas target"}


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    name: str
    unit: str | None
    year_target: Decimal | str | None
    target: Decimal | None  # the quarter's
    actual: Decimal | None
    achievement: Decimal | None
    standing: Standing | None
    so_far: Decimal | None
    of_year: Decimal | None
    of_final: Decimal | None
    obstacles: str | None
    drivers: str | None
    follow_up: str | None


@dataclass(frozen=True)
class BudgetLine:
    level: str
    code: str
    name: str
    ceiling: Decimal | None
    quarter: Decimal | None
    so_far: Decimal | None
    absorption: Decimal | None
    physical: Decimal | None


@dataclass(frozen=True)
class Monev:
    plan: Plan
    year: int
    quarter: int
    indicators: tuple[IndicatorLine, ...]
    budget: tuple[BudgetLine, ...]


def _notes(indicator: Indicator, year: int, quarter: int, name: str) -> str | None:
    """The texts written on the quarter's own realisation or on its months, each once."""
    found: list[str] = []
    for actual in indicator.actuals_of(year):
        period = period_of(actual)
        if period is not None and period.in_quarter == quarter:
            value = getattr(actual, name)
            if value and value.strip() not in found:
                found.append(value.strip())
    return "; ".join(found) or None


def indicator_line(plan: Plan, indicator: Indicator, year: int, quarter: int) -> IndicatorLine:
    this = Period(3 * quarter, 3)
    result = next((r for r in period_results(plan, indicator, year) if r.period == this), None)
    so_far = progress(plan, indicator, year, 3 * quarter)
    target = indicator.target(year)
    return IndicatorLine(
        indicator.code, indicator.name, indicator.unit,
        (target.value if target.value is not None else target.text) if target else None,
        result.target if result else None, result.actual if result else None,
        result.achievement if result else None, result.standing if result else None,
        so_far.value, so_far.of_year, so_far.of_final,
        _notes(indicator, year, quarter, "obstacles"), _notes(indicator, year, quarter, "drivers"),
        _notes(indicator, year, quarter, "follow_up"))


def build(plan: Plan, year: int, quarter: int) -> Monev:
    indicators = tuple(indicator_line(plan, i, year, quarter)
                       for i in plan.canonical().indicators if i.target(year) is not None)
    budgets = Budgets(plan)
    lines = []
    for owner in owners(plan, objectives=False):
        ceiling = budgets.ceiling(owner, year)
        if ceiling is None:
            continue
        so_far = budgets.upto(owner, year, quarter)
        lines.append(BudgetLine(
            owner.level, owner.code, owner.name, ceiling, budgets.quarter(owner, year, quarter),
            so_far, absorption(so_far, ceiling, plan.settings),
            budgets.physical(owner.code, year, quarter) if owner.level == "activity" else None))
    return Monev(plan, year, quarter, indicators, tuple(lines))


def layout(form: Monev) -> Form:
    plan, q = form.plan, ROMAN[form.quarter]
    head = (Head("No", 0, 0, 2), Head("Kode", 0, 1, 2), Head("Indikator Kinerja", 0, 2, 2),
            Head("Satuan", 0, 3, 2), Head(f"Target Tahun {form.year}", 0, 4, 2),
            Head(f"Triwulan {q}", 0, 5, 1, 4), Head("Target", 1, 5), Head("Realisasi", 1, 6),
            Head("Capaian (%)", 1, 7), Head("Status", 1, 8),
            Head(f"s/d Triwulan {q}", 0, 9, 1, 3), Head("Realisasi", 1, 9),
            Head("Capaian thd Target Tahun (%)", 1, 10),
            Head("Capaian thd Target Akhir Renstra (%)", 1, 11),
            Head("Faktor Penghambat", 0, 12, 2), Head("Faktor Pendorong", 0, 13, 2),
            Head("Rencana Tindak Lanjut", 0, 14, 2))
    rows = []
    for index, line in enumerate(form.indicators, 1):
        year_target = line.year_target
        rows.append(Row((
            text(str(index)), text(line.code), text(line.name), text(line.unit),
            text(year_target) if isinstance(year_target, str) else number(year_target),
            number(line.target), number(line.actual), number(line.achievement),
            text(STANDING_ID[line.standing]) if line.standing else EMPTY,
            number(line.so_far), number(line.of_year), number(line.of_final),
            text(line.obstacles), text(line.drivers), text(line.follow_up))))
    indicators = Table((4, 9, 30, 9, 8, 8, 9, 9, 11, 9, 10, 10, 22, 22, 22), head, 2,
                       tuple(rows), tuple(str(i) for i in range(1, 16)),
                       "A. Capaian Indikator Kinerja")
    head2 = (Head("No", 0, 0), Head("Kode", 0, 1), Head("Program/Kegiatan", 0, 2),
             Head(f"Pagu {form.year} (Rp)", 0, 3), Head(f"Realisasi Triwulan {q} (Rp)", 0, 4),
             Head(f"Realisasi s/d Triwulan {q} (Rp)", 0, 5),
             Head(f"Serapan s/d Triwulan {q} (%)", 0, 6),
             Head(f"Fisik s/d Triwulan {q} (%)", 0, 7))
    rows2 = []
    count = 0
    for item in form.budget:
        if item.level == "program":
            count += 1
        rows2.append(Row((text(str(count)) if item.level == "program" else EMPTY,
                          text(item.code), text(item.name), money(item.ceiling),
                          money(item.quarter), money(item.so_far), number(item.absorption),
                          number(item.physical)), row_level(item.level, True)))
    budget = Table((4, 9, 46, 16, 16, 16, 12, 12), head2, 1, tuple(rows2),
                   tuple(str(i) for i in range(1, 9)), "B. Realisasi Anggaran dan Fisik")
    return Form("MONEV", f"Laporan Monitoring dan Evaluasi Triwulan {q} Tahun {form.year}",
                (f"Perangkat Daerah: {plan.agency.name}",
                 plan.region.name if plan.region.given else "",
                 f"Periode: Triwulan {q} (s/d akhir bulan ke-{3 * form.quarter}) "
                 f"Tahun {form.year}"),
                (indicators, budget), (), signature(plan),
                (f"Status: capaian triwulan di bawah {plan.settings.off_track_below} % "
                 f"'Di bawah target', di atas {plan.settings.well_above} % 'Jauh di atas target'. "
                 "Realisasi s/d triwulan menurut aturan komposisi indikator; fisik: capaian "
                 "kumulatif pada akhir triwulan.",))
