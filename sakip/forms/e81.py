"""Form E.81 (Permendagri 86/2017): Evaluasi terhadap Hasil Renja Perangkat Daerah.

One row per indicator of a program or an activity (kegiatan, sub kegiatan), grouped by sasaran;
the program's or activity's budget (Rp) on its first row. Columns as the regulation numbers them
(docs/forms.md):

 1 No · 2 Sasaran · 3 Kode · 4 Program/Kegiatan · 5 Indikator Kinerja
 6 target at the end of the Renstra (K: the final year's target; Rp: the ceilings of the
   Renstra's years summed) · 7 realisation up to the previous year (K:
   ``monitoring.cumulative``; Rp: spending of the earlier Renstra years summed) · 8 target of the
   year (K, Rp: ceiling) · 9–12 realisation in quarters I–IV (K: ``periods.within`` by the
   indicator's rule; Rp: the quarter's spending) · 13 realisation of the year, or up to the
   quarter evaluated (K: ``monitoring.year_value`` / ``monitoring.progress``; Rp: spending) ·
   14 = 7 + 13 (K composed by the indicator's rule over the Renstra's years; Rp summed) ·
   15 = 14 / 6 × 100 (K by the polarity rule, ``monitoring.achievement_of``; Rp:
   ``budget.absorption``) · 16 unit responsible · 17 keterangan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip.core.budget import absorption
from sakip.core.model import Indicator, Plan
from sakip.core.monitoring import achievement_of, cumulative, progress, year_value
from sakip.core.numbers import mean, quantize
from sakip.core.periods import QUARTERS, compose, period_of, within
from sakip.core.scales import label
from sakip.forms.figures import ROMAN, Budgets, Notes, Owner, notes, owners, plus, unit_name
from sakip.forms.layout import (
    EMPTY,
    Cell,
    Form,
    Head,
    Row,
    Signature,
    Table,
    money,
    number,
    row_level,
    text,
)


@dataclass(frozen=True)
class IndicatorFigures:
    """The K columns of one indicator."""

    code: str
    name: str
    unit: str | None
    final_target: Decimal | str | None  # 6
    before: Decimal | None  # 7
    target: Decimal | str | None  # 8
    quarters: tuple[Decimal | None, ...]  # 9–12
    year: Decimal | None  # 13
    cumulative: Decimal | None  # 14
    achievement: Decimal | None  # 15
    remark: str | None  # 17


@dataclass(frozen=True)
class BudgetFigures:
    """The Rp columns of one program or activity."""

    final_target: Decimal | None  # 6
    before: Decimal | None  # 7
    ceiling: Decimal | None  # 8
    quarters: tuple[Decimal | None, ...]  # 9–12
    year: Decimal | None  # 13
    cumulative: Decimal | None  # 14
    achievement: Decimal | None  # 15


@dataclass(frozen=True)
class Line:
    owner: Owner
    budget: BudgetFigures
    indicators: tuple[IndicatorFigures, ...]
    unit: str


@dataclass(frozen=True)
class E81:
    plan: Plan
    year: int
    quarter: int | None  # None: the whole year
    lines: tuple[Line, ...]
    mean_k: Decimal | None
    mean_rp: Decimal | None
    predicate: str | None
    notes: Notes


def indicator_figures(plan: Plan, indicator: Indicator, year: int,
                      quarter: int | None) -> IndicatorFigures:
    settings = plan.settings
    start, end = plan.strategic_plan.start, plan.strategic_plan.end
    last = 3 * quarter if quarter else 12
    final = indicator.target(end)
    target = indicator.target(year)
    before = cumulative(plan, indicator, year - 1) if year > start else None
    rule = indicator.aggregation
    values = [(p, a.value) for a in indicator.actuals_of(year)
              if (p := period_of(a)) is not None and a.value is not None]
    quarters = tuple(within(rule, values, q) if q * 3 <= last else None for q in QUARTERS)
    if quarter is None:
        so_far = year_value(indicator, year)
        total = cumulative(plan, indicator, year)
    else:
        so_far = progress(plan, indicator, year, last).value
        earlier = [v for y in range(start, year) if (v := year_value(indicator, y)) is not None]
        total = compose(rule, earlier + ([so_far] if so_far is not None else []))
    achieved = (achievement_of(indicator, final.value, total, settings, final.upper)
                if final is not None and final.value is not None and total is not None
                else None)
    own = next((a for a in indicator.actuals_of(year)
                if a.quarter is None and a.month is None), None)
    remark = own.reason if own is not None and own.reason else None
    return IndicatorFigures(
        indicator.code, indicator.name, indicator.unit,
        final.value if final is not None and final.value is not None
        else (final.text if final is not None else None),
        before,
        target.value if target is not None and target.value is not None
        else (target.text if target is not None else None),
        quarters, so_far, total, achieved, remark)


def budget_figures(plan: Plan, budgets: Budgets, owner: Owner, year: int,
                   quarter: int | None) -> BudgetFigures:
    start, end = plan.strategic_plan.start, plan.strategic_plan.end
    final = budgets.total(owner, range(start, end + 1), "ceiling")
    before = budgets.total(owner, range(start, year), "spent")
    last = quarter or 4
    quarters = tuple(budgets.quarter(owner, year, q) if q <= last else None for q in QUARTERS)
    so_far = budgets.spent(owner, year) if quarter is None \
        else budgets.upto(owner, year, quarter)
    total = plus(before, so_far)
    return BudgetFigures(final, before, budgets.ceiling(owner, year), quarters, so_far,
                         total, absorption(total, final, plan.settings))


def build(plan: Plan, year: int, quarter: int | None = None) -> E81:
    budgets = Budgets(plan)
    lines = []
    for owner in owners(plan):
        indicators = tuple(indicator_figures(plan, i, year, quarter)
                           for i in owner.indicators(plan))
        lines.append(Line(owner, budget_figures(plan, budgets, owner, year, quarter),
                          indicators, unit_name(plan, owner.unit)))
    settings = plan.settings
    ks = [f.achievement for line in lines for f in line.indicators if f.achievement is not None]
    rps = [line.budget.achievement for line in lines
           if line.owner.level == "program" and line.budget.achievement is not None]
    mean_k = quantize(mean(ks), settings.achievement_places, settings.rounding) if ks else None
    mean_rp = quantize(mean(rps), settings.achievement_places, settings.rounding) if rps else None
    scale = plan.scale_by_code.get(settings.predicate_scale)
    predicate = label(scale, mean_k) if scale is not None else None
    shown = [plan.indicator_by_code[f.code] for line in lines for f in line.indicators]
    return E81(plan, year, quarter, tuple(lines), mean_k, mean_rp, predicate,
               notes(shown, year, 3 * quarter if quarter else 12))


# ---------------------------------------------------------------------------- layout

def _k(value: Decimal | str | None) -> Cell:
    return text(value) if isinstance(value, str) else number(value)


def layout(form: E81) -> Form:
    plan, year = form.plan, form.year
    sp = plan.strategic_plan
    upto = f"Triwulan {ROMAN[form.quarter]} " if form.quarter else ""
    head = [
        Head("No", 0, 0, 3), Head("Sasaran", 0, 1, 3), Head("Kode", 0, 2, 3),
        Head("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", 0, 3, 3),
        Head("Indikator Kinerja Program (outcome)/ Kegiatan (output)", 0, 4, 3),
        Head(f"Target Renstra Perangkat Daerah pada Tahun {sp.end} (Akhir Periode Renstra PD)",
             0, 5, 2, 2),
        Head(f"Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu "
             f"({year - 1})", 0, 7, 2, 2),
        Head(f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan (Tahun {year}) yang "
             f"Dievaluasi", 0, 9, 2, 2),
        Head("Realisasi Kinerja Pada Triwulan", 0, 11, 1, 8),
        Head(f"Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi "
             f"({upto}{year})".replace("( ", "("), 0, 19, 2, 2),
        Head(f"Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun {year} "
             f"(Akhir Tahun Pelaksanaan Renja PD Tahun {year})", 0, 21, 2, 2),
        Head(f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun {year} (%)",
             0, 23, 2, 2),
        Head("Unit Perangkat Daerah Penanggung Jawab", 0, 25, 3),
        Head("Keterangan", 0, 26, 3),
    ]
    for i, q in enumerate(QUARTERS):
        head.append(Head(ROMAN[q], 1, 11 + 2 * i, 1, 2))
    for col in range(5, 25, 2):
        head += [Head("K", 2, col), Head("Rp", 2, col + 1)]
    numbers = ["1", "2", "3", "4", "5"]
    for n in range(6, 16):
        numbers += [str(n), ""]
    numbers += ["16", "17"]
    rows: list[Row] = []
    number_of: dict[str, str] = {}
    for line in form.lines:
        owner = line.owner
        if owner.level == "objective":
            number_of[owner.code] = str(len([n for n in number_of if "." not in n]) + 1)
            shown = number_of[owner.code]
        elif owner.level == "program":
            parent = number_of.get(owner.objective.code if owner.objective else "", "")
            count = len([n for n in number_of.values() if n.startswith(parent + ".")]) + 1
            shown = f"{parent}.{count}" if parent else str(count)
            number_of[owner.code] = shown
        else:
            shown = ""
        b = line.budget
        budget_cells = (money(b.final_target), money(b.before), money(b.ceiling),
                        *[money(q) for q in b.quarters], money(b.year), money(b.cumulative),
                        number(b.achievement))
        indicators = line.indicators or (None,)
        for index, f in enumerate(indicators):
            first = index == 0
            name = ("    " * (owner.depth - 1)) + owner.name if owner.depth else owner.name
            cells: list[Cell] = [
                text(shown) if first else EMPTY,
                text(owner.name) if first and owner.level == "objective" else EMPTY,
                text(owner.code) if first else EMPTY,
                text(name) if first and owner.level != "objective" else EMPTY,
                text(f"{f.name}" + (f" ({f.unit})" if f.unit else "")) if f else EMPTY,
            ]
            k = ([_k(f.final_target), number(f.before), _k(f.target),
                  *[number(q) for q in f.quarters], number(f.year), number(f.cumulative),
                  number(f.achievement)] if f else [EMPTY] * 10)
            rp = list(budget_cells) if first else [EMPTY] * 10
            for kc, rc in zip(k, rp, strict=True):
                cells += [kc, rc]
            cells += [text(line.unit) if first and owner.level != "objective" else EMPTY,
                      text(f.remark) if f else EMPTY]
            rows.append(Row(tuple(cells), row_level(owner.level, first)))
    widths = (5, 16, 7, 18, 20) + (8, 15) * 10 + (12, 10)
    table = Table(widths, tuple(head), 3, tuple(rows), tuple(numbers))
    causes = form.notes
    footer = (
        ("Rata-rata capaian kinerja (%)",
         (_fmt(form.mean_k, "K"), _fmt(form.mean_rp, "Rp"))),
        ("Predikat kinerja", (form.predicate or "–",)),
        ("Faktor pendorong keberhasilan pencapaian", causes.drivers or ("–",)),
        ("Faktor penghambat pencapaian kinerja", causes.obstacles or ("–",)),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya", causes.follow_up or ("–",)),
        ("Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
         causes.follow_up or ("–",)),
    )
    period = f"Periode Pelaksanaan: Tahun {year}" + (
        f" sampai dengan Triwulan {ROMAN[form.quarter]}" if form.quarter else "")
    return Form("E.81", "Evaluasi terhadap Hasil Renja Perangkat Daerah",
                (f"Perangkat Daerah: {plan.agency.name}", _region(plan), period,
                 f"Indikator dan target kinerja Perangkat Daerah: {sp.title}"),
                (table,), footer, signature(plan),
                ("Kolom 14 = kolom 7 + kolom 13 (K menurut aturan komposisi indikator, Rp "
                 "dijumlahkan); kolom 15 = kolom 14 / kolom 6 × 100 (K menurut polaritas "
                 "indikator).",))


def _fmt(value: Decimal | None, what: str) -> str:
    from sakip.io.idnum import format_id

    return f"{what}: " + (format_id(value, None) if value is not None else "–")


def _region(plan: Plan) -> str:
    return plan.region.name if plan.region.given else ""


def signature(plan: Plan) -> Signature:
    head = plan.agency.head
    title = (head.title if head is not None and head.title else "Kepala Perangkat Daerah")
    return Signature(".................., ....................", f"{title} "
                     f"{plan.agency.short_name or plan.agency.name}".strip(),
                     head.name if head else None, head.rank if head else None,
                     head.nip if head else None)
