"""Budget figures in the text: absorption, programs adding up, low absorption explained."""

from __future__ import annotations

from decimal import Decimal

from sakip.core.numbers import ZERO, percent
from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import prose as P
from sakip.review.report.arithmetic import Status, decimal_slip, judge, n
from sakip.review.report.context import Report

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
    for statement, expected, status in prose_absorption(report):
        if status is not Status.WRONG:
            continue
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
