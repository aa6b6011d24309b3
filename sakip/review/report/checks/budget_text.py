"""Budget figures in the text: absorption, programs adding up, low absorption explained;
and a program's or the agency's absorption printed as the plain mean of its parts'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.numbers import ZERO, mean, percent
from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import labels as L
from sakip.review.report import prose as P
from sakip.review.report.arithmetic import Status, decimal_slip, judge, n
from sakip.review.report.context import Report, cell_location
from sakip.review.report.tables import Role, Row, RowKind, Table

THRESHOLD = Decimal(80)


def prose_absorption(report: Report) -> list[tuple[P.BudgetStatement, Decimal, Status]]:
    """Each statement's percentage against its spending over its ceiling."""
    result = []
    for statement in report.statements:
        ceiling, spent = statement.ceiling.value, statement.spent.value
        if statement.percent is None or ceiling is None or spent is None or ceiling == ZERO:
            continue
        expected = percent(spent, ceiling)
        result.append((statement, expected, judge(statement.percent.number, expected)))
    return result


def _subject(statement: P.BudgetStatement) -> str:
    kind = {"program": "", "activity": "kegiatan ", "agency": ""}[statement.kind]
    return f"{kind}'{statement.name[:80]}'" if statement.name else "anggaran"


def text_absorption(report: Report) -> list[Finding]:
    """TEXT_ABSORPTION: "realisasi Rp B … setara dengan P%" where P is not B / A × 100."""
    found = []
    means = {m.statement.passage.block for m in plain_means(report) if m.statement is not None}
    for statement, expected, status in prose_absorption(report):
        if status is not Status.WRONG or statement.passage.block in means:
            continue  # a plain mean is reported as such (ABSORPTION_PLAIN_MEAN)
        assert statement.percent is not None
        printed = statement.percent.number
        hint = " Tampaknya tanda desimalnya hilang atau salah letak." \
            if decimal_slip(printed, expected) else ""
        found.append(Finding(
            "TEXT_ABSORPTION", Severity.ERROR, Location(line=statement.passage.line),
            f"Serapan {_subject(statement)} ditulis {printed.text}, padahal "
            f"{statement.spent.text} / {statement.ceiling.text} × 100 = {n(expected)}%.{hint}",
            f"Absorption of {statement.name[:80]} is written {printed.text}; "
            f"spending / ceiling × 100 = {n(expected)}%.",
            expected=f"{n(expected)}%", found=printed.text,
        ))
    return found


def program_sums(report: Report) -> list[Finding]:
    """PROGRAM_SUM: a program's ceiling or spending is not the sum of its activities'."""
    found = []
    for group in report.program_groups:
        if not group.activities:
            continue
        program = group.program
        for field, label_id, label_en in (("ceiling", "pagu", "ceiling"),
                                          ("spent", "realisasi", "spending")):
            own = getattr(program, field)
            parts = [getattr(a, field) for a in group.activities]
            if own.value is None or any(p.value is None for p in parts):
                continue
            total = sum((p.value for p in parts), ZERO)
            if total == own.value:
                continue
            found.append(Finding(
                "PROGRAM_SUM", Severity.ERROR, Location(line=program.passage.line,
                                                        section=program.name[:80]),
                f"{label_id[0].upper() + label_id[1:]} {program.name} ditulis {own.text}, "
                f"padahal jumlah {label_id} {len(parts)} kegiatannya Rp {C.fmt(total, 0)} "
                f"(selisih Rp {C.fmt(own.value - total, 0)}).",
                f"The {label_en} of {program.name} is {own.text} but its {len(parts)} "
                f"activities add up to Rp {C.fmt(total, 0)}.",
                expected=f"Rp {C.fmt(total, 0)}", found=own.text,
                related=tuple(Location(line=a.passage.line) for a in group.activities),
            ))
    return found


def unexplained_low_absorption(report: Report) -> list[Finding]:
    """LOW_ABSORPTION_UNEXPLAINED: an activity under 80 % absorption with no reason given."""
    found = []
    for statement, expected, _ in prose_absorption(report):
        if statement.kind != "activity" or expected >= THRESHOLD or statement.explained:
            continue
        found.append(Finding(
            "LOW_ABSORPTION_UNEXPLAINED", Severity.WARNING, Location(line=statement.passage.line),
            f"Serapan kegiatan '{statement.name[:80]}' {n(expected)}% (di bawah "
            f"{n(THRESHOLD, 0)}%) tanpa penjelasan penyebabnya.",
            f"Activity '{statement.name[:80]}' absorbed {n(expected)}% (under "
            f"{n(THRESHOLD, 0)}%) with no explanation.",
            expected="penjelasan", found=f"{n(expected)}%",
        ))
    return found


# --------------------------------------------------------------------------- plain means


@dataclass(frozen=True)
class PlainMean:
    """An absorption printed as the mean of its parts' percentages, not as sum over sum."""

    subject_id: str  # "Program X", "anggaran dinas", "baris 'Jumlah'"
    parts_id: str  # "kegiatan", "program", "baris"
    printed: C.Number
    average: Decimal
    spent: Decimal
    ceiling: Decimal
    count: int
    location: Location
    related: tuple[Location, ...]
    statement: P.BudgetStatement | None = None


def _plain_mean(printed: C.Number, parts: list[tuple[Decimal, Decimal, Decimal]]
                ) -> tuple[Decimal, Decimal, Decimal] | None:
    """(mean, spent, ceiling) when ``printed`` is the parts' mean and not their sum ratio.

    ``parts`` are (ceiling, spent, percentage as printed or computed)."""
    if len(parts) < 2 or any(c == ZERO for c, _, _ in parts):
        return None
    ceiling = sum((c for c, _, _ in parts), ZERO)
    spent = sum((s for _, s, _ in parts), ZERO)
    average = mean([p for _, _, p in parts])
    if judge(printed, average) is Status.WRONG or judge(printed, percent(spent, ceiling)) \
            is not Status.WRONG:
        return None
    return average, spent, ceiling


def _statement_parts(statements: list[P.BudgetStatement]
                     ) -> list[tuple[Decimal, Decimal, Decimal]] | None:
    parts = []
    for statement in statements:
        ceiling, spent = statement.ceiling.value, statement.spent.value
        if ceiling is None or spent is None or ceiling == ZERO:
            return None
        printed = statement.percent.number.value if statement.percent is not None \
            else percent(spent, ceiling)
        parts.append((ceiling, spent, printed))
    return parts


def _prose_means(report: Report) -> list[PlainMean]:
    result = []
    programs: list[P.BudgetStatement] = []
    for group in report.program_groups:
        programs.append(group.program)
        statement = group.program
        parts = _statement_parts(list(group.activities))
        if statement.percent is None or parts is None:
            continue
        found = _plain_mean(statement.percent.number, parts)
        if found is not None:
            result.append(PlainMean(
                statement.name[:80] or "program", "kegiatan", statement.percent.number, *found,
                len(parts), Location(line=statement.passage.line),
                tuple(Location(line=a.passage.line) for a in group.activities), statement))
    for statement in report.statements:
        if statement.kind != "agency" or statement.percent is None \
                or statement.ceiling.value is None:
            continue
        parts = _statement_parts(programs)
        if parts is None or sum((c for c, _, _ in parts), ZERO) != statement.ceiling.value:
            continue  # the programs told in the text are not this budget's parts
        found = _plain_mean(statement.percent.number, parts)
        if found is not None:
            result.append(PlainMean(
                "anggaran dinas", "program", statement.percent.number, *found, len(parts),
                Location(line=statement.passage.line),
                tuple(Location(line=p.passage.line) for p in programs), statement))
    return result


_PROGRAM_ROW = re.compile(r"^program\b", re.I)
_SUB_ROW = ("-", "–", "—", "•")


def _table_groups(table: Table) -> list[tuple[Row, list[Row]]]:
    """Program rows with the activity rows under them; total rows with the rows they total
    (the program rows when there are any). Sub-activity rows (marked with a dash) are left out."""
    groups: list[tuple[Row, list[Row]]] = []
    head: Row | None = None
    members: list[Row] = []
    heads: list[Row] = []
    plain: list[Row] = []
    for row in table.rows:
        label = L.strip_marker(row.label)
        if row.kind is RowKind.TOTAL:
            if head is not None:
                groups.append((head, members))
            groups.append((row, heads or plain))
            head, members, heads, plain = None, [], [], []
        elif row.kind is RowKind.DATA and _PROGRAM_ROW.match(label):
            if head is not None:
                groups.append((head, members))
            head, members = row, []
            heads.append(row)
        elif row.kind is RowKind.DATA and not row.label.lstrip().startswith(_SUB_ROW):
            (members if head is not None else plain).append(row)
    if head is not None:
        groups.append((head, members))
    return groups


def _table_means(report: Report) -> list[PlainMean]:
    result = []
    for table in report.tables:
        absorption, ceiling, spent = (table.find(Role.ABSORPTION), table.find(Role.CEILING),
                                      table.find(Role.SPENT))
        if absorption is None or ceiling is None or spent is None:
            continue
        for head, members in _table_groups(table):
            printed = head.value(absorption)
            if printed is None or (head.value(ceiling) is not None
                                   and head.value(spent) is not None):
                continue  # with its own amounts, ROW_ABSORPTION recomputes the row
            parts: list[tuple[Decimal, Decimal, Decimal]] = []
            for row in members:
                c, s, p = row.value(ceiling), row.value(spent), row.value(absorption)
                if c is None or s is None or c.value == ZERO:
                    parts = []
                    break
                parts.append((c.value, s.value, p.value if p is not None
                              else percent(s.value, c.value)))
            found = _plain_mean(printed, parts) if parts else None
            if found is not None:
                if head.kind is RowKind.DATA:
                    kind = "kegiatan"
                elif _PROGRAM_ROW.match(L.strip_marker(members[0].label)):
                    kind = "program"
                else:
                    kind = "baris"
                result.append(PlainMean(
                    head.where, kind, printed, *found, len(parts),
                    cell_location(table, head, absorption),
                    tuple(cell_location(table, r, absorption) for r in members)))
    return result


def plain_means(report: Report) -> list[PlainMean]:
    return report.memo("budget_text.plain_means",
                       lambda: _prose_means(report) + _table_means(report))


def absorption_means(report: Report) -> list[Finding]:
    """ABSORPTION_PLAIN_MEAN: a program's or the agency's absorption printed as the plain mean
    of its activities' (programs') percentages where their sums give another figure."""
    found = []
    for item in plain_means(report):
        right = percent(item.spent, item.ceiling)
        found.append(Finding(
            "ABSORPTION_PLAIN_MEAN", Severity.ERROR, item.location,
            f"Serapan {item.subject_id} ditulis {item.printed.text}, yaitu rata-rata biasa "
            f"persentase serapan {item.count} {item.parts_id}nya ({n(item.average)}%). Serapan "
            f"dihitung dari jumlahnya: Rp {C.fmt(item.spent, 0)} / Rp {C.fmt(item.ceiling, 0)} "
            f"× 100 = {n(right)}%.",
            f"The absorption of {item.subject_id} is printed {item.printed.text}, the plain mean "
            f"of its {item.count} parts' percentages ({n(item.average)}%); total spending over "
            f"total ceiling gives {n(right)}%.",
            expected=f"{n(right)}%", found=item.printed.text, related=item.related,
        ))
    return found
