"""Form E.80 (Permendagri 86/2017): Evaluasi terhadap Hasil Renstra Perangkat Daerah.

One row per indicator of a sasaran, a program or an activity, with the budget (Rp) of its owner
on its first row. For each year of the Renstra: the target (K; Rp the ceiling), the realisation
(K: ``monitoring.year_value``; Rp: the spending) and their ratio (K by the polarity rule,
``monitoring.achievement_of``; Rp ``budget.absorption``). Then, up to the year evaluated, the
realisation over the Renstra (K ``monitoring.cumulative``; Rp the spending summed) against the
target at its end (K: the final year's target; Rp: the ceilings summed). Years after the one
evaluated are left empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip.core.budget import absorption
from sakip.core.model import Indicator, Plan
from sakip.core.monitoring import achievement_of, cumulative, year_value
from sakip.forms.e81 import signature
from sakip.forms.figures import Budgets, Owner, owners, unit_name
from sakip.forms.layout import (
    EMPTY,
    Cell,
    Form,
    Head,
    Row,
    Table,
    money,
    number,
    row_level,
    text,
)


@dataclass(frozen=True)
class Year:
    target: Decimal | str | None
    actual: Decimal | None
    ratio: Decimal | None


@dataclass(frozen=True)
class IndicatorFigures:
    code: str
    name: str
    unit: str | None
    baseline: Decimal | str | None
    years: tuple[Year, ...]
    final_target: Decimal | str | None
    cumulative: Decimal | None
    achievement: Decimal | None


@dataclass(frozen=True)
class BudgetFigures:
    years: tuple[Year, ...]
    final_target: Decimal | None
    cumulative: Decimal | None
    achievement: Decimal | None


@dataclass(frozen=True)
class Line:
    owner: Owner
    budget: BudgetFigures
    indicators: tuple[IndicatorFigures, ...]
    unit: str


@dataclass(frozen=True)
class E80:
    plan: Plan
    year: int  # realisations up to this year
    lines: tuple[Line, ...]


def indicator_figures(plan: Plan, indicator: Indicator, last: int) -> IndicatorFigures:
    settings = plan.settings
    years = []
    for y in plan.strategic_plan.years:
        target = indicator.target(y)
        actual = year_value(indicator, y) if y <= last else None
        ratio = (achievement_of(indicator, target.value, actual, settings, target.upper)
                 if target is not None and target.value is not None and actual is not None
                 else None)
        years.append(Year(_value(target), actual, ratio))
    final = indicator.target(plan.strategic_plan.end)
    total = cumulative(plan, indicator, min(last, plan.strategic_plan.end))
    achieved = (achievement_of(indicator, final.value, total, settings, final.upper)
                if final is not None and final.value is not None and total is not None else None)
    baseline = indicator.baseline
    return IndicatorFigures(
        indicator.code, indicator.name, indicator.unit,
        (baseline.value if baseline.value is not None else baseline.text)
        if baseline is not None else None,
        tuple(years), _value(final), total, achieved)


def _value(target: object) -> Decimal | str | None:
    if target is None:
        return None
    value = getattr(target, "value", None)
    return value if value is not None else getattr(target, "text", None)


def budget_figures(plan: Plan, budgets: Budgets, owner: Owner, last: int) -> BudgetFigures:
    sp = plan.strategic_plan
    years = []
    for y in sp.years:
        ceiling = budgets.ceiling(owner, y)
        spent = budgets.spent(owner, y) if y <= last else None
        years.append(Year(ceiling, spent, absorption(spent, ceiling, plan.settings)))
    final = budgets.total(owner, range(sp.start, sp.end + 1), "ceiling")
    total = budgets.total(owner, range(sp.start, min(last, sp.end) + 1), "spent")
    return BudgetFigures(tuple(years), final, total, absorption(total, final, plan.settings))


def build(plan: Plan, year: int) -> E80:
    budgets = Budgets(plan)
    return E80(plan, year, tuple(
        Line(owner, budget_figures(plan, budgets, owner, year),
             tuple(indicator_figures(plan, i, year) for i in owner.indicators(plan)),
             unit_name(plan, owner.unit))
        for owner in owners(plan)))


def _k(value: Decimal | str | None) -> Cell:
    return text(value) if isinstance(value, str) else number(value)


def layout(form: E80) -> Form:
    plan = form.plan
    sp = plan.strategic_plan
    n = len(sp.years)
    ident = [Head("No", 0, 0, 3), Head("Sasaran", 0, 1, 3), Head("Kode", 0, 2, 3),
             Head("Program/Kegiatan", 0, 3, 3),
             Head("Indikator Kinerja Program (outcome)/ Kegiatan (output)", 0, 4, 3)]
    # Part A: columns 1–16 of the regulation; part B: 1–5, then 17–25 (docs/forms.md).
    head_a = [*ident, Head(f"Data Capaian pada Awal Tahun Perencanaan "
                           f"({sp.baseline_year or sp.start - 1})", 0, 5, 3)]
    head_b = list(ident)
    groups = (("Target Kinerja dan Anggaran Renstra PD pada Tahun ke-", head_a, 6),
              ("Realisasi Capaian Kinerja dan Anggaran Renstra PD pada Tahun ke-", head_a,
               6 + 2 * n),
              ("Rasio Capaian pada Tahun ke- (%)", head_b, 5))
    for title, head, col in groups:
        head.append(Head(title, 0, col, 1, 2 * n))
        for i, y in enumerate(sp.years):
            head.append(Head(f"{i + 1} ({y})", 1, col + 2 * i, 1, 2))
            head += [Head("K", 2, col + 2 * i), Head("Rp", 2, col + 2 * i + 1)]
    col = 5 + 2 * n
    head_b += [Head(f"Target pada Akhir Periode Renstra ({sp.end})", 0, col, 2, 2),
               Head("K", 2, col), Head("Rp", 2, col + 1),
               Head(f"Realisasi s/d Tahun {form.year}", 0, col + 2, 2, 2),
               Head("K", 2, col + 2), Head("Rp", 2, col + 3),
               Head("Tingkat Capaian terhadap Target Akhir Renstra (%)", 0, col + 4, 2, 2),
               Head("K", 2, col + 4), Head("Rp", 2, col + 5),
               Head("Unit Perangkat Daerah Penanggung Jawab", 0, col + 6, 3)]
    numbers = _numbers(n)
    rows_a: list[Row] = []
    rows_b: list[Row] = []
    count = 0
    for line in form.lines:
        owner = line.owner
        if owner.level == "program":
            count += 1
        b = line.budget
        for index, f in enumerate(line.indicators or (None,)):
            first = index == 0
            ident_cells: list[Cell] = [
                text(str(count)) if first and owner.level == "program" else EMPTY,
                text(owner.name) if first and owner.level == "objective" else EMPTY,
                text(owner.code) if first else EMPTY,
                text(("    " * (owner.depth - 1)) + owner.name if owner.depth else owner.name)
                if first and owner.level != "objective" else EMPTY,
                text(f.name + (f" ({f.unit})" if f.unit else "")) if f else EMPTY]
            cells_a = [*ident_cells, _k(f.baseline) if f else EMPTY]
            cells_b = list(ident_cells)
            for part, cells in (("target", cells_a), ("actual", cells_a), ("ratio", cells_b)):
                for i in range(n):
                    k = getattr(f.years[i], part) if f else None
                    rp = getattr(b.years[i], part) if first else None
                    cells += [_k(k) if part == "target" else number(k),
                              number(rp) if part == "ratio" else money(rp)]
            cells_b += [_k(f.final_target) if f else EMPTY,
                        money(b.final_target) if first else EMPTY,
                        number(f.cumulative) if f else EMPTY,
                        money(b.cumulative) if first else EMPTY,
                        number(f.achievement) if f else EMPTY,
                        number(b.achievement) if first else EMPTY,
                        text(line.unit) if first and owner.level != "objective" else EMPTY]
            level = row_level(owner.level, first)
            rows_a.append(Row(tuple(cells_a), level))
            rows_b.append(Row(tuple(cells_b), level))
    ident_widths = (5, 16, 7, 18, 20)
    part_a = Table(ident_widths + (10,) + (8, 15) * (2 * n), tuple(head_a), 3, tuple(rows_a),
                   numbers[:6 + 4 * n], "A. Target dan Realisasi Kinerja dan Anggaran")
    part_b = Table(ident_widths + (8, 8) * n + (8, 15, 8, 15, 8, 8, 12), tuple(head_b), 3,
                   tuple(rows_b), numbers[:5] + numbers[6 + 4 * n:],
                   "B. Rasio Capaian dan Capaian terhadap Target Akhir Renstra")
    return Form("E.80", "Evaluasi terhadap Hasil Renstra Perangkat Daerah",
                (f"Perangkat Daerah: {plan.agency.name}",
                 plan.region.name if plan.region.given else "",
                 f"Renstra: {sp.title} ({sp.start}–{sp.end}); realisasi s/d tahun {form.year}"),
                (part_a, part_b), (), signature(plan),
                ("Rasio capaian = realisasi / target × 100 menurut polaritas indikator (K) dan "
                 "realisasi / pagu × 100 (Rp); realisasi s/d tahun menurut aturan komposisi "
                 "indikator.",))


def _numbers(n: int) -> tuple[str, ...]:
    numbers = [str(i) for i in range(1, 7)]
    current = 7
    for _ in range(3 * n + 3):
        numbers += [str(current), ""]
        current += 1
    numbers.append(str(current))
    return tuple(numbers)
