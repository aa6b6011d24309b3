"""The same figure in different places: between tables, and between the text and a table."""

from __future__ import annotations

from decimal import Decimal

from sakip.core.numbers import quantize
from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import prose as P
from sakip.review.report.arithmetic import Status, decimal_slip, recompute
from sakip.review.report.context import Fact, Report, cell_location
from sakip.review.report.tables import Role, RowKind
from sakip.review.report.totals import recompute_totals

ROLE_NAMES = {
    Role.TARGET: ("target", "target"),
    Role.ACTUAL: ("realisasi", "realisation"),
    Role.BASELINE: ("data awal", "baseline"),
    Role.ACHIEVEMENT: ("capaian", "achievement"),
    Role.CEILING: ("pagu anggaran", "budget ceiling"),
    Role.SPENT: ("realisasi anggaran", "spending"),
    Role.ABSORPTION: ("serapan anggaran", "absorption"),
    Role.COUNT: ("jumlah indikator", "number of indicators"),
}


def _same_value(a: C.Number, b: C.Number) -> bool:
    places = min(a.places, b.places)
    return quantize(a.value, places) == quantize(b.value, places)


def _wrong_cells(report: Report) -> set[tuple[int, int, int | None, int]]:
    wrong = set()
    for item in [*recompute(report), *recompute_totals(report)]:
        if item.status in (Status.WRONG, Status.COPIED, Status.CAPPED):
            wrong.add((id(item.table), item.row.number, item.row.part, item.column.index))
    return wrong


def same_figure(report: Report) -> list[Finding]:
    """SAME_FIGURE: one indicator's figure (target, realisation, achievement, budget) for one
    year printed with different values in different tables."""
    wrong = _wrong_cells(report)
    buckets: dict[tuple[int, Role, int | None], list[Fact]] = {}
    for fact in report.facts:
        if (id(fact.table), fact.row.number, fact.row.part, fact.column.index) in wrong:
            continue
        buckets.setdefault((fact.group, fact.role, fact.year), []).append(fact)
    found = []
    for (_, role, year), facts in buckets.items():
        values: list[list[Fact]] = []
        for fact in facts:
            for cluster in values:
                if _same_value(cluster[0].number, fact.number):
                    cluster.append(fact)
                    break
            else:
                values.append([fact])
        if len(values) < 2 or len({id(f.table) for f in facts}) < 2:
            continue
        first = min(facts, key=lambda f: (f.row.line, f.column.index))
        others = [c for c in values if not any(f is first for f in c)]
        what_id, what_en = ROLE_NAMES[role]
        period = f" {year}" if year is not None else ""
        listing = "; ".join(f"{f.table.name}: {f.number.text}" for c in values for f in c)
        hint = ""
        if any(decimal_slip(c[0].number, d[0].number.value) for c in values for d in values):
            hint = " Tampaknya tanda desimal salah letak."
        expected = " atau ".join(c[0].number.text for c in others)
        found.append(Finding(
            "SAME_FIGURE", Severity.ERROR, first.location,
            f"{what_id[0].upper() + what_id[1:]}{period} '{first.row.where}' dicetak berbeda di "
            f"beberapa tabel: {listing}.{hint}",
            f"The {what_en}{period} of '{first.row.where}' differs between tables: {listing}.",
            expected=expected, found=first.number.text,
            related=tuple(f.location for f in facts if f is not first),
        ))
    return found


def text_figures(report: Report) -> list[Finding]:
    """TEXT_FIGURE: the text states an indicator's value that its table prints differently."""
    found = []
    for statement in P.figure_statements(report.passages):
        group = report.group_named(statement.name)
        if group is None:
            continue
        actuals = report.facts_of(group, Role.ACTUAL, report.year)
        if not actuals:
            continue
        others = [f for role in (Role.TARGET, Role.ACHIEVEMENT)
                  for f in report.facts_of(group, role, report.year)]
        if any(_same_value(statement.number, f.number) for f in [*actuals, *others]):
            continue
        fact = actuals[0]
        found.append(Finding(
            "TEXT_FIGURE", Severity.ERROR, Location(line=statement.passage.line),
            f"Teks menyebut '{statement.name[:90]}' sebesar {statement.number.text}, sedangkan "
            f"{fact.table.name} mencetak realisasinya {fact.number.text}.",
            f"The text states {statement.number.text} for '{statement.name[:90]}' while "
            f"{fact.table.name} prints {fact.number.text}.",
            expected=fact.number.text, found=statement.number.text,
            related=(fact.location,),
        ))
    return found


def _budget_values(report: Report) -> set[Decimal]:
    values: set[Decimal] = set()
    for table in report.tables:
        for column in table.with_role(Role.CEILING, Role.SPENT):
            for row in table.body:
                number = row.value(column)
                if number is not None:
                    values.add(number.value)
    return values


def text_budget_totals(report: Report) -> list[Finding]:
    """TEXT_BUDGET_TOTAL: the agency's budget figures in the text differ from the totals of
    the table the text introduces."""
    known = _budget_values(report)
    found = []
    for statement in report.statements:
        if statement.kind != "agency" or statement.ceiling.value is None \
                or statement.spent.value is None:
            continue
        if statement.ceiling.value in known or statement.spent.value in known:
            continue
        table = report.next_table(statement.passage.block)
        if table is None:
            continue
        total = next((r for r in table.rows if r.kind is RowKind.TOTAL), None)
        ceiling, spent = table.find(Role.CEILING), table.find(Role.SPENT)
        if total is None or ceiling is None or spent is None:
            continue
        pairs = [("pagu", statement.ceiling.text, total.value(ceiling)),
                 ("realisasi", statement.spent.text, total.value(spent))]
        absorption = table.find(Role.ABSORPTION)
        if statement.percent is not None and absorption is not None:
            pairs.append(("serapan", statement.percent.number.text, total.value(absorption)))
        listing = "; ".join(f"{name} {text} ≠ {number.text}" for name, text, number in pairs
                            if number is not None)
        found.append(Finding(
            "TEXT_BUDGET_TOTAL", Severity.ERROR, Location(line=statement.passage.line),
            f"Angka anggaran di teks tidak sama dengan baris jumlah {table.name} yang "
            f"diperkenalkannya: {listing}.",
            f"The budget figures in the text differ from the total row of {table.name}: "
            f"{listing}.",
            expected=" / ".join(n.text for _, _, n in pairs if n is not None),
            found=" / ".join(t for _, t, _ in pairs),
            related=(cell_location(table, total),),
        ))
    return found
