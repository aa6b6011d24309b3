"""Each row's own arithmetic: achievement, polarity, absorption, efficiency, difference, ratios."""

from __future__ import annotations

from sakip.review.findings import Finding, Severity
from sakip.review.report import cells as C
from sakip.review.report.arithmetic import Recomputed, Status, n, recompute
from sakip.review.report.context import Report, cell_location

_WHAT = {
    "capaian": ("capaian", "achievement"),
    "capaian_akhir": ("capaian terhadap target akhir", "achievement against the final target"),
    "serapan": ("persentase serapan anggaran", "budget absorption"),
    "efisiensi": ("tingkat efisiensi", "efficiency"),
    "selisih": ("selisih", "difference"),
    "rasio": ("persentase", "percentage"),
}
_CODES = {
    "capaian": "ROW_ACHIEVEMENT", "capaian_akhir": "ROW_ACHIEVEMENT", "serapan": "ROW_ABSORPTION",
    "efisiensi": "ROW_EFFICIENCY", "selisih": "ROW_DIFFERENCE", "rasio": "ROW_RATIO",
}


def wrong_figures(report: Report) -> list[Finding]:
    """ROW_ACHIEVEMENT, ROW_ABSORPTION, ROW_EFFICIENCY, ROW_DIFFERENCE, ROW_RATIO, and
    ROW_ACHIEVEMENT_CAPPED for a capped achievement (:func:`_capped`)."""
    found = []
    for item in recompute(report):
        if item.status is not Status.WRONG:
            continue
        what_id, what_en = _WHAT[item.kind]
        expected = n(item.expected)
        hint = f" Petunjuk: {item.hint}." if item.hint else ""
        via = f" (operan dari {', '.join(item.sources)})" if item.sources else ""
        found.append(Finding(
            _CODES[item.kind], Severity.ERROR, cell_location(item.table, item.row, item.column),
            f"{what_id[0].upper() + what_id[1:]} tercetak {item.printed.text}, padahal "
            f"{item.formula} = {expected}{via}.{hint}",
            f"The {what_en} is printed as {item.printed.text} but {item.formula} = {expected}.",
            expected=expected, found=item.printed.text,
        ))
    return found + _capped(report)


def _capped(report: Report) -> list[Finding]:
    """ROW_ACHIEVEMENT_CAPPED: an achievement printed as a round cap (100, 120 …) where
    realisation over target is above it: the report capped it without saying so."""
    found = []
    for item in recompute(report):
        if item.status is not Status.CAPPED:
            continue
        cap = C.fmt(item.printed.value, 0)
        expected = n(item.expected)
        found.append(Finding(
            "ROW_ACHIEVEMENT_CAPPED", Severity.ERROR,
            cell_location(item.table, item.row, item.column),
            f"Capaian tercetak {item.printed.text}, padahal {item.formula} = {expected}: "
            f"capaian dibatasi pada {cap}%. Bila laporan memakai batas capaian, nyatakan batas "
            f"itu dan dasarnya; bila tidak, cetak {expected}.",
            f"The achievement is printed as {item.printed.text} but {item.formula} = "
            f"{expected}: it is capped at {cap}%. State the cap and its basis if the report "
            f"uses one; otherwise print {expected}.",
            expected=expected, found=item.printed.text,
        ))
    return found


def no_target(report: Report) -> list[Finding]:
    """ACHIEVEMENT_NO_TARGET: an achievement printed for a year without a target anywhere."""
    found = []
    for item in recompute(report):
        if item.status is Status.NO_TARGET:
            found.append(Finding(
                "ACHIEVEMENT_NO_TARGET", Severity.WARNING,
                cell_location(item.table, item.row, item.column),
                f"Capaian {item.printed.text} dicetak, tetapi laporan tidak memuat target untuk "
                f"tahun itu; angkanya tidak dapat diuji.",
                f"An achievement of {item.printed.text} is printed but the report gives no "
                "target for that year; it cannot be verified.",
                expected="target tahun itu", found=item.printed.text,
            ))
    return found


def copied_final(report: Report) -> list[Finding]:
    """FINAL_TARGET_COPIED: "capaian terhadap target akhir" only repeats the final target."""
    found = []
    for item in recompute(report):
        if item.status is not Status.COPIED:
            continue
        found.append(Finding(
            "FINAL_TARGET_COPIED", Severity.ERROR, cell_location(item.table, None, item.column),
            f"Kolom '{item.column.header}' hanya mengulang kolom '{item.formula}' di setiap "
            "baris; capaian terhadap target akhir (realisasi dibanding target akhir "
            "Renstra) tidak dihitung.",
            f"Column '{item.column.header}' only repeats the final target on every row; the "
            "achievement against the final target is not computed.",
            expected="realisasi / target akhir × 100", found="salinan target akhir",
        ))
    return found


def polarity(report: Report) -> list[Finding]:
    """POLARITY: a lower-is-better indicator computed with the higher-is-better formula.

    One finding per indicator, naming every table where the figure is printed.
    """
    by_group: dict[int, list[Recomputed]] = {}
    for item in recompute(report):
        if item.status is Status.POLARITY:
            group = report.group_of(item.row)
            if group is not None:
                by_group.setdefault(group, []).append(item)
    found = []
    for group, items in by_group.items():
        first = items[0]
        evidence = report.negatives[group]
        places = "; ".join(f"{i.table.name}: {i.printed.text}" for i in items)
        severity = Severity.ERROR if evidence.explicit else Severity.WARNING
        basis = ("laporan sendiri menyebutnya indikator negatif" if evidence.explicit
                 else "namanya menunjukkan semakin kecil semakin baik")
        found.append(Finding(
            "POLARITY", severity, cell_location(first.table, first.row, first.column),
            f"'{first.row.where}' adalah indikator yang semakin kecil semakin baik ({basis}: "
            f"{evidence.evidence}), tetapi capaiannya dihitung dengan rumus indikator positif "
            f"({first.printed.text} = {first.hint}). Dengan rumus "
            f"{first.formula} capaiannya {n(first.expected)}. Dicetak di: {places}.",
            f"'{first.row.where}' is lower-is-better but its achievement was computed as "
            f"higher-is-better; {first.formula} = {n(first.expected)}. Printed in: {places}.",
            expected=n(first.expected), found=first.printed.text,
            related=tuple(cell_location(i.table, i.row, i.column) for i in items[1:]),
        ))
    return found
