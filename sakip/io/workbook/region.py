"""The region's entry workbook: every agency's entry workbook of one period in one file, so the
Bagian Organisasi collects realisations from all agencies at once (issue 18).

It is the entry workbook (:mod:`sakip.io.entry`) repeated: each agency has its own two entry
sheets, named with its number in the list — ``01 Indikator``, ``01 Anggaran``, ``02 Indikator``
… — written by the entry workbook's own writer (same columns, same open yellow cells, same
drop-downs, same protection), and its two very hidden copies (``01 Salinan Indikator`` …). The
sheet ``Daftar`` lists the agencies with their numbers and sheets; ``Petunjuk`` explains the
columns; the very hidden ``Sakip`` sheet holds the format (``sakip-region-entry/1``), the
region, the period and each number's agency code. An agency whose Renstra does not cover the
year has no sheets (``Daftar`` says so).

Reading it back checks the file once (size, zip bomb, cells, formulas without a value, error
values, merged cells, every sheet named in ``Sakip`` present), then reads each agency's sheets
by the entry workbook's own reader (:func:`sakip.io.entry.read_entry`: shown cells unchanged,
rows in place, each touched cell read by the cell readers), every problem named by the region
workbook's sheet, row and column. The result is one :class:`~sakip.io.entry.read.EntryImport`
per agency, or :class:`InputError` with every problem of every agency: a caller writes nothing
unless the whole file is sound.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

import python_calamine
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.workbook.protection import WorkbookProtection

from sakip.core.model import Plan
from sakip.io.entry.export import (
    _budget_row,
    _indicator_row,
    _write_entry_sheet,
    _write_readme,
    _write_rows,
    meta_values,
    write_meta,
)
from sakip.io.entry.layout import BUDGETS, COPIES, INDICATORS, META, META_FIELDS
from sakip.io.entry.layout import FORMAT as ENTRY_FORMAT
from sakip.io.entry.period import EntryPeriod
from sakip.io.entry.read import EntryImport, read_entry
from sakip.io.heap import collection_paused
from sakip.io.limits import visible
from sakip.io.package import save_workbook
from sakip.io.plan_checks import Location
from sakip.io.problems import InputError, Problem
from sakip.io.workbook.codes import Code
from sakip.io.workbook.container import Limits, open_checked, survey
from sakip.io.workbook.formulas import NO_VALUE
from sakip.io.workbook.schema import column_letter

FORMAT = "sakip-region-entry/1"
INDEX = "Daftar"
REGION_META_FIELDS = ("format", "region", "year", "quarter", "month", "period")
_SHEETS = (INDICATORS, BUDGETS, COPIES[INDICATORS], COPIES[BUDGETS])
Target = str | Path | IO[bytes]


def prefix(number: int) -> str:
    """An agency's number as its sheets start: ``01 ``."""
    return f"{number:02d} "


def sheet_name(number: int, sheet: str) -> str:
    """The region workbook's name of an agency's entry sheet: ``03 Indikator``."""
    return prefix(number) + sheet


# --------------------------------------------------------------------------- writing


def write_region_entry(target: Target, region: str, plans: Sequence[Plan],
                       period: EntryPeriod) -> None:
    """Write the entry workbook of every plan of ``plans`` (the region's agencies, in the order
    they are listed) for ``period`` to a path or a binary stream."""
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Petunjuk"
    _write_readme(notes, period, f"{region} (semua perangkat daerah)")
    index = book.create_sheet(INDEX)
    index.append([f"Isian realisasi {period.label()} — {region}"])
    index["A1"].font = Font(bold=True, size=14)
    index.append(["Setiap perangkat daerah mengisi lembar bernomornya sendiri; jangan menambah, "
                  "menghapus atau mengganti nama lembar."])
    index.append(["No", "Kode", "Perangkat daerah", "Lembar"])
    for cell in index[3]:
        cell.font = Font(bold=True)
    for letter, width in (("A", 5), ("B", 24), ("C", 48), ("D", 40)):
        index.column_dimensions[letter].width = width
    listed: list[tuple[int, str]] = []
    for number, plan in enumerate(plans, start=1):
        plan = plan.canonical()
        inside = period.year in plan.strategic_plan.years
        index.append([number, plan.agency.code, plan.agency.name,
                      f"{sheet_name(number, INDICATORS)}, {sheet_name(number, BUDGETS)}"
                      if inside else "tahun di luar periode Renstra"])
        for cell in index[index.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
        if not inside:
            continue
        listed.append((number, plan.agency.code))
        title = f"Isian realisasi {period.label()} — {plan.agency.name}"
        indicators = [_indicator_row(i, period) for i in plan.indicators]
        budgets = [_budget_row(plan, a, period) for a in plan.activities]
        for name, columns, rows in ((INDICATORS, _columns(INDICATORS, period), indicators),
                                    (BUDGETS, _columns(BUDGETS, period), budgets)):
            sheet = book.create_sheet(sheet_name(number, name))
            _write_entry_sheet(sheet, columns, rows, title)
            copy = book.create_sheet(sheet_name(number, COPIES[name]))
            _write_rows(copy, columns, rows, styled=False)
            copy.sheet_state = "veryHidden"
    index.protection.sheet = True
    meta = write_meta(book, REGION_META_FIELDS, meta_values(FORMAT, "region", region, period))
    for row, (number, code) in enumerate(listed, start=len(REGION_META_FIELDS) + 1):
        meta.cell(row, 1, "agency")
        meta.cell(row, 2, number)
        meta.cell(row, 3, code).data_type = "s"
    book.active = 2 if listed else 1
    book.security = WorkbookProtection(lockStructure=True)
    save_workbook(book, target)


def _columns(sheet: str, period: EntryPeriod) -> Any:
    from sakip.io.entry.layout import columns_of

    return columns_of(sheet, period)


# --------------------------------------------------------------------------- reading


@dataclass
class AgencyEntry:
    """One agency's part of a region workbook read back."""

    number: int
    code: str
    entry: EntryImport

    def locate(self, kind: str, key: Any, field: str | None, nth: int) -> Location:
        """Where a record's field is, in the region workbook's sheet names."""
        found = self.entry.locate(kind, key, field, nth)
        if found.sheet is None:
            return found
        return replace(found, sheet=sheet_name(self.number, found.sheet))


def _problem(code: str, message_id: str, message_en: str, source: str,
             sheet: str | None = None, row: int | None = None,
             column: str | None = None) -> Problem:
    return Problem(code, message_id, message_en, file=source, sheet=sheet, row=row,
                   column=column)


def read_region_entry(path: str | Path, plans: Mapping[str, Plan],
                      expected: EntryPeriod | None = None, limits: Limits | None = None,
                      source: str | None = None) -> list[AgencyEntry]:
    """Read a region entry workbook: each agency's changes (``plans``: the region's agencies'
    current plans by code), or :class:`InputError` with every problem of the whole file."""
    path = Path(path)
    limits = limits or Limits()
    name = source if source is not None else str(path)
    with collection_paused():
        problems, archive = open_checked(path, limits)
        if archive is None:
            raise InputError([replace(p, file=name) for p in problems])
        with archive:
            try:
                book = python_calamine.CalamineWorkbook.from_path(str(path))
            except (python_calamine.CalamineError, OSError, ValueError) as error:
                raise InputError([_problem(
                    Code.CORRUPT, f"berkas rusak dan tidak dapat dibaca ({error})",
                    f"the file is damaged and cannot be read ({error})", name)]) from None
            with book:
                return _read(path, book, archive, plans, expected, limits, name)


def _read(path: Path, book: python_calamine.CalamineWorkbook, archive: Any,
          plans: Mapping[str, Plan], expected: EntryPeriod | None, limits: Limits,
          name: str) -> list[AgencyEntry]:
    names = set(book.sheet_names)
    not_region = _problem(
        "REGION_NOT_REGION",
        "ini bukan buku kerja isian wilayah Sakip (lembar tersembunyi 'Sakip' tidak ada atau "
        "rusak); buku kerja isian satu perangkat daerah diimpor di halaman perangkat daerahnya",
        "this is not a Sakip region entry workbook (the hidden sheet 'Sakip' is missing or "
        "damaged); one agency's entry workbook is imported on that agency's page", name, META)
    if META not in names:
        raise InputError([not_region])
    meta = book.get_sheet_by_name(META).to_python(skip_empty_area=False)
    values = {str(row[0]).strip(): row[1] for row in meta if len(row) > 1 and row[0]}
    try:
        if values.get("format") != FORMAT:
            raise ValueError(values.get("format"))
        year = _whole(values["year"])
        if year is None:
            raise ValueError("no year")
        period = EntryPeriod(year, _whole(values.get("quarter")), _whole(values.get("month")))
        listed = [(_number(row[1]), str(row[2]).strip()) for row in meta
                  if len(row) > 2 and str(row[0]).strip() == "agency"]
    except (KeyError, ValueError, TypeError):
        raise InputError([not_region]) from None
    problems: list[Problem] = []
    if expected is not None and period != expected:
        problems.append(_problem(
            "ENTRY_OTHER_PERIOD",
            f"buku kerja ini untuk {period.label()}, bukan {expected.label()}",
            f"this workbook is for {period.label('en')}, not {expected.label('en')}",
            name, META))
    for number, code in listed:
        if code not in plans:
            problems.append(_problem(
                "REGION_OTHER_AGENCY",
                f"lembar nomor {number} milik perangkat daerah “{visible(code)}”, yang bukan "
                "perangkat daerah wilayah ini",
                f"sheets number {number} belong to agency “{visible(code)}”, which is not an "
                "agency of this region", name, INDEX))
    wanted = [sheet_name(number, sheet) for number, _ in listed for sheet in _SHEETS]
    for sheet in wanted:
        if sheet not in names:
            problems.append(_problem(
                Code.MISSING_SHEET,
                f"lembar '{sheet}' tidak ada; jangan menghapus atau mengganti nama lembar",
                f"sheet '{sheet}' is missing; do not delete or rename sheets", name, sheet))
    if problems:
        raise InputError(problems)
    surveyed = survey(path, wanted, limits, archive)
    if surveyed.problems:
        raise InputError([replace(p, file=name) for p in surveyed.problems])
    grids: dict[str, list[list[Any]]] = {}
    for sheet in wanted:
        data = book.get_sheet_by_name(sheet)
        for (top, left), (bottom, right) in data.merged_cell_ranges or []:
            cells = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
            problems.append(_problem(Code.MERGED_CELLS,
                                     f"sel digabung ({cells}); pisahkan gabungan sel",
                                     f"merged cells ({cells}); unmerge them", name, sheet,
                                     top + 1, column_letter(left)))
        grids[sheet] = data.to_python(skip_empty_area=False)
        for (row, column), mark in sorted(surveyed.marks.get(sheet, {}).items()):
            if mark == NO_VALUE:
                problems.append(_problem(
                    Code.FORMULA_NO_VALUE,
                    "sel berisi rumus tanpa nilai tersimpan; buka dan simpan ulang berkas di "
                    "Excel, atau ganti rumus dengan nilainya",
                    "the cell holds a formula with no stored value; open and save the file in "
                    "Excel, or replace the formula with its value",
                    name, sheet, row + 1, column_letter(column)))
            else:
                problems.append(_problem(
                    Code.ERROR_VALUE, f"sel berisi nilai galat {mark}; perbaiki rumus atau isi "
                    "nilainya", f"the cell holds the error value {mark}; fix the formula or "
                    "type the value", name, sheet, row + 1, column_letter(column)))
    if problems:
        raise InputError(problems)
    found: list[AgencyEntry] = []
    with tempfile.TemporaryDirectory(prefix="sakip-region-") as folder:
        for number, code in listed:
            part = Path(folder) / f"{number}.xlsx"
            trouble = _one_agency(part, number, code, period, grids, name)
            if trouble:
                problems.extend(trouble)
                continue
            try:
                entry = read_entry(part, plans[code], period, limits, source=name)
            except InputError as error:
                problems.extend(_renamed(p, number) for p in error.problems)
                continue
            entry.source = name
            found.append(AgencyEntry(number, code, entry))
    if problems:
        raise InputError(problems)
    return found


def _one_agency(path: Path, number: int, code: str, period: EntryPeriod,
                grids: Mapping[str, list[list[Any]]], source: str) -> list[Problem]:
    """One agency's sheets as its own entry workbook (values only: the reader compares values),
    for :func:`read_entry`."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    problems: list[Problem] = []
    for sheet in _SHEETS:
        target = book.create_sheet(sheet)
        for r, cells in enumerate(grids[sheet_name(number, sheet)], start=1):
            for c, value in enumerate(cells, start=1):
                if value == "" or value is None:
                    continue
                if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                    problems.append(_problem(
                        Code.CONTROL_CHARACTER,
                        "sel berisi karakter kendali yang tidak terlihat; hapus karakter itu",
                        "the cell holds an invisible control character; remove it",
                        source, sheet_name(number, sheet), r, column_letter(c - 1)))
                    continue
                cell = target.cell(r, c, value)
                if isinstance(value, str):
                    cell.data_type = "s"
    write_meta(book, META_FIELDS, meta_values(ENTRY_FORMAT, "agency", code, period))
    if not problems:
        book.save(path)
    return problems


def _renamed(problem: Problem, number: int) -> Problem:
    """A problem of one agency's part, named by the region workbook's sheet."""
    if problem.sheet is None or problem.sheet == META:
        return problem
    return replace(problem, sheet=sheet_name(number, problem.sheet))


def _whole(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    raise ValueError(value)


def _number(value: object) -> int:
    found = _whole(value)
    if found is None:
        raise ValueError(value)
    return found
