"""Predicates and categories against the report's own scale; counts per band; averages as
labelled."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sakip.core.enums import ScaleKind
from sakip.core.numbers import mean
from sakip.core.scales import band_for
from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import prose as P
from sakip.review.report.arithmetic import Status, n, recompute
from sakip.review.report.context import Report, cell_location
from sakip.review.report.scales import ReportScale, find_label, match_band
from sakip.review.report.tables import Role, Row, RowKind, Table

_TICKS = ("√", "✓", "✔", "v", "V")


def _scale_note(scale: ReportScale) -> str:
    return f"skala {scale.table}" if scale.table else f"skala {scale.scale.name}"


def verdict_labels(report: Report) -> list[Finding]:
    """VERDICT_LABEL: a printed predicate or category that the printed achievement does not
    earn on the report's own scale (ticked band columns included)."""
    found = []
    for table in report.tables:
        achievement = table.find(Role.ACHIEVEMENT, report.year) or table.find(Role.ACHIEVEMENT)
        if achievement is None:
            continue
        verdict = table.find(Role.VERDICT)
        ticks = table.with_role(Role.TICK)
        for row in table.data:
            value = row.value(achievement)
            if value is None:
                continue
            labels = []
            if verdict is not None and row.text(verdict).strip():
                labels.append((verdict, row.text(verdict)))
            for column in ticks:
                if row.text(column).strip().startswith(_TICKS) and column.band:
                    labels.append((column, column.band))
            for column, text in labels:
                finding = _judge_label(report, table, row, column, value, text)
                if finding is not None:
                    found.append(finding)
    return found


def _judge_label(report: Report, table: Table, row: Row, column: object, value: C.Number,
                 text: str) -> Finding | None:
    matched = find_label(report.scales, text)
    if matched is None:
        return None
    scale, band = matched
    right = band_for(scale.scale, value.value)
    if right is None or right.label == band.label:
        return None
    negative = " Baris ini ditandai 'indikator negatif': capaiannya dihitung dengan rumus " \
        "positif (lihat temuan POLARITY)." if row.negative_mark else ""
    return Finding(
        "VERDICT_LABEL", Severity.ERROR, cell_location(table, row, column),  # type: ignore[arg-type]
        f"Capaian {value.text} diberi label '{text.strip()}', padahal menurut "
        f"{_scale_note(scale)} angka itu '{right.label}'.{negative}",
        f"An achievement of {value.text} is labelled '{text.strip()}'; by "
        f"{scale.table or scale.scale.name} it is '{right.label}'.",
        expected=right.label, found=text.strip(),
    )


def _indicator_values(report: Report) -> tuple[list[Decimal], list[Decimal], int] | None:
    """Achievements of the main table: as printed, with polarity applied, and the row count."""
    table = report.main_table
    if table is None:
        return None
    corrected = {
        (item.row.number, item.row.part): item.expected
        for item in recompute(report)
        if item.table is table and item.status is Status.POLARITY
    }
    printed: list[Decimal] = []
    fixed: list[Decimal] = []
    rows = report.achievements(table)
    for row, number in rows:
        if number is None:
            continue
        printed.append(number.value)
        fixed.append(corrected.get((row.number, row.part), number.value))
    return printed, fixed, len(rows)


def band_counts(report: Report) -> list[Finding]:
    """BAND_COUNT: the number of indicators per predicate/category does not match the
    achievements of the report's main table."""
    source = _indicator_values(report)
    if source is None or report.main_table is None:
        return []
    printed_values, fixed_values, _ = source
    found = []
    for table in report.tables:
        count = table.find(Role.COUNT)
        verdict = table.find(Role.VERDICT)
        if count is None or verdict is None or table.find(Role.ACHIEVEMENT) is not None:
            continue
        stated: dict[str, int] = {}
        scale: ReportScale | None = None
        for row in table.data:
            matched = find_label(report.scales, row.text(verdict))
            number = row.value(count)
            if matched is None or number is None:
                continue
            scale = matched[0]
            stated[matched[1].label] = int(number.value)
        if scale is None or sum(stated.values()) != len(printed_values):
            continue
        as_printed = _tally(scale, printed_values)
        with_polarity = _tally(scale, fixed_values)
        if all(stated.get(k, 0) == as_printed.get(k, 0) for k in {*stated, *as_printed}) or \
                all(stated.get(k, 0) == with_polarity.get(k, 0) for k in {*stated, *with_polarity}):
            continue
        order = [b.label for b in scale.scale.bands]

        def show(tally: dict[str, int], order: list[str] = order) -> str:
            return ", ".join(f"{label} {tally.get(label, 0)}" for label in order)

        polarity_note = ""
        if with_polarity != as_printed:
            polarity_note = f"; dengan polaritas indikator negatif diterapkan: {show(with_polarity)}"
        found.append(Finding(
            "BAND_COUNT", Severity.ERROR, cell_location(table, None, count),
            f"Jumlah indikator per {'predikat' if scale.scale.kind is ScaleKind.PREDICATE else 'kategori'}"
            f" tertulis {show(stated)}, padahal capaian di {report.main_table.name} menurut "
            f"{_scale_note(scale)} memberi {show(as_printed)}{polarity_note}.",
            f"Counts per band are {show(stated)}; the achievements of "
            f"{report.main_table.name} give {show(as_printed)}.",
            expected=show(as_printed), found=show(stated),
        ))
    return found


def _tally(scale: ReportScale, values: list[Decimal]) -> dict[str, int]:
    tally: Counter[str] = Counter()
    for value in values:
        band = band_for(scale.scale, value)
        if band is not None:
            tally[band.label] += 1
    return dict(tally)


def text_labels(report: Report) -> list[Finding]:
    """TEXT_LABEL: the text gives a percentage a category its scale does not give it."""
    found = []
    for claim in P.label_claims(report.passages):
        for scale in report.scales:
            band = match_band(scale.scale, claim.label)
            if band is None:
                continue
            right = band_for(scale.scale, claim.number.value)
            if right is not None and right.label != band.label:
                found.append(Finding(
                    "TEXT_LABEL", Severity.ERROR, Location(line=claim.passage.line),
                    f"Teks menyebut {claim.number.text} sebagai '{claim.label}', padahal menurut "
                    f"{_scale_note(scale)} angka itu '{right.label}'.",
                    f"The text calls {claim.number.text} '{claim.label}'; the scale says "
                    f"'{right.label}'.",
                    expected=right.label, found=claim.label,
                ))
            break
    return found


def average_counts(report: Report) -> list[Finding]:
    """AVERAGE_COUNT: "rata-rata dari N indikator" where only M indicators have a value."""
    found = []
    for claim in P.average_claims(report.passages):
        located = _average_source(report, claim)
        if located is None:
            continue
        table, rows, values = located
        if claim.count == len(values):
            continue
        missing = [r.where for r, v in rows if v is None]
        average = mean([v for _, v in rows if v is not None]) if values else None
        if average is None or not C.agrees(claim.number, average):
            continue
        names = ", ".join(f"'{m}'" for m in missing) or "-"
        found.append(Finding(
            "AVERAGE_COUNT", Severity.WARNING, Location(line=claim.passage.line),
            f"Rata-rata {claim.number.text} disebut dari {claim.count} indikator, padahal hanya "
            f"{len(values)} indikator di {table.name} yang memiliki capaian (tanpa nilai: "
            f"{names}); rata-rata {len(values)} capaian itu {n(average)}. Sebutkan jumlah yang "
            "benar dan catat indikator yang datanya belum tersedia.",
            f"The average {claim.number.text} is said to be of {claim.count} indicators but only "
            f"{len(values)} in {table.name} have an achievement.",
            expected=f"{len(values)} indikator", found=f"{claim.count} indikator",
        ))
    return found


def _average_source(report: Report, claim: P.AverageClaim
                    ) -> tuple[Table, list[tuple[Row, Decimal | None]], list[Decimal]] | None:
    candidates = []
    for placed in report.placed:
        table = placed.table
        if table.find(Role.COUNT) is not None:
            continue  # rows are goals, not indicators
        column = table.find(Role.ACHIEVEMENT)
        if column is None:
            continue
        for row in table.rows:
            number = row.value(column)
            if row.kind in (RowKind.AVERAGE, RowKind.TOTAL) and number is not None \
                    and number.value == claim.number.value:
                candidates.append((abs(placed.block - claim.passage.block), table, column))
    if candidates:
        _, table, column = min(candidates, key=lambda c: c[0])
        rows = [(r, r.value(column).value if r.value(column) else None)  # type: ignore[union-attr]
                for r in table.data if r.label]
        return table, rows, [v for _, v in rows if v is not None]
    main = report.main_table
    if main is None:
        return None
    rows = [(r, v.value if v else None) for r, v in report.achievements(main)]
    return main, rows, [v for _, v in rows if v is not None]
