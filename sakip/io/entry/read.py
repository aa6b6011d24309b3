"""Reading an entry workbook back into record edits.

The file passes the full workbook's checks first (:mod:`sakip.io.workbook.container`: not an
xlsx, password-protected, too large, a zip bomb, too many cells, formulas without a value,
error values), under the same :class:`~sakip.io.workbook.container.Limits`. Then:

- the hidden "Sakip" sheet says which agency, year and period the workbook is for; another
  agency's, or another period's than the one expected, is refused;
- each entry sheet is compared, row by row and cell by cell, with the very hidden copy written
  beside it: a shown (locked) cell that differs, a header renamed, a row inserted, deleted or
  moved is refused, naming the cell; an entry cell that differs is *touched*;
- every touched cell is read by the full workbook's cell readers (:mod:`sakip.io.workbook.cells`:
  numbers the Indonesian way, the status's labels, the same refusals).

What comes out (:class:`EntryImport`) is, per record, only the fields a user changed. Its
:meth:`~EntryImport.edits` turns them into :class:`~sakip.core.records.Put`/``Remove`` edits of
a plan as that plan is *then*: an untouched cell never overwrites a value changed meanwhile,
an unchanged row gives no edit, a record whose fields all become empty is removed.
:meth:`~EntryImport.locate` gives the sheet, row and column of a record's field, so the plan
checks' problems (an off-track value without its causes …) point at the workbook.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import python_calamine

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import ActualStatus
from sakip.core.model import Plan
from sakip.io.entry.layout import (
    BUDGETS,
    CLOSED_MARK,
    COPIES,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    INDICATORS,
    META,
    EntryColumn,
    columns_of,
)
from sakip.io.entry.period import EntryPeriod
from sakip.io.heap import collection_paused
from sakip.io.limits import visible
from sakip.io.plan_checks import Location, nowhere
from sakip.io.problems import InputError, Problem
from sakip.io.workbook.cells import BadCell, RawValue, column_reader
from sakip.io.workbook.codes import Code
from sakip.io.workbook.container import Limits, open_checked, survey
from sakip.io.workbook.formulas import NO_VALUE
from sakip.io.workbook.schema import Column, column_letter, normal_header

Grid = list[list[RawValue]]
EMPTY_ACTUAL = model.Actual(0)


@dataclass(frozen=True)
class Change:
    """The fields of one record a user changed in the workbook (only those)."""

    kind: str  # TARGET, ACTUAL or BUDGET
    key: r.Key
    fields: dict[str, Any]


@dataclass
class EntryImport:
    """An entry workbook read: for which agency and period, and what a user changed."""

    agency: str
    period: EntryPeriod
    changes: list[Change] = field(default_factory=list)
    source: str | None = None
    # (kind, key) → (sheet, row); for a field, the column's letter by the sheet's column keys
    rows: dict[tuple[str, r.Key], tuple[str, int]] = field(default_factory=dict)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)

    def edits(self, plan: Plan) -> list[r.Edit]:
        """The edits that make ``plan`` hold what was changed; nothing for a record left as
        ``plan`` has it."""
        found = r.records(plan, region=False)
        edits: list[r.Edit] = []
        for change in self.changes:
            current = found.get((change.kind, change.key))
            stored = current.value if current is not None else None
            base = stored if stored is not None else _new(change.kind, change.key)
            record = replace(base, **change.fields)
            if stored is not None and record == stored:
                continue
            if _empty(change.kind, record):
                if stored is not None:
                    edits.append(r.Remove(change.kind, change.key))
                continue
            edits.append(r.Put(change.kind, change.key, record))
        return edits

    def apply(self, plan: Plan) -> Plan:
        """``plan`` with the changes made (unchecked: see :func:`sakip.io.entry.import_entry`)."""
        return r.apply(plan, self.edits(plan))

    def locate(self, kind: str, key: r.Key, field: str | None, nth: int) -> Location:
        """Where a record's field is in the workbook; a record it does not hold, in words."""
        place = self.rows.get((kind, key))
        if place is None:
            return nowhere(kind, key, field, nth)
        sheet, row = place
        letters = self.letters[sheet]
        column = _COLUMN_OF.get((kind, field or ""))
        if kind == r.TARGET and key[2:] == (None, None):
            column = "year_target"  # the year's target: shown beside the period's
        letter = letters.get(column or "") or letters.get(_FIRST_ENTRY[sheet])
        return Location(file=self.source, sheet=sheet, row=row, column=letter)


# (kind, field) → the key of the column showing it
_COLUMN_OF: dict[tuple[str, str], str] = {
    **{(r.ACTUAL, name): {"text": "value", "expected": "reason"}.get(name, name)
       for name in ("value", "text", "status", "reason", "note", "obstacles", "follow_up",
                    "drivers", "expected")},
    **{(r.TARGET, name): "period_target" for name in ("value", "text", "upper", "note")},
    **{(r.BUDGET, name): name for name in ("spent", "physical", "explanation")},
}
_FIRST_ENTRY = {INDICATORS: "value", BUDGETS: "spent"}


def _new(kind: str, key: r.Key) -> Any:
    code, year, quarter, month = key
    if kind == r.TARGET:
        return model.Target(year, quarter=quarter, month=month)
    if kind == r.ACTUAL:
        return model.Actual(year, quarter=quarter, month=month)
    return model.Budget(code, year, quarter=quarter, month=month)


_EMPTY_FIELDS = {
    r.TARGET: ("value", "text", "upper", "note"),
    r.ACTUAL: ("value", "text", "reason", "expected", "note", "obstacles", "follow_up",
               "drivers"),
    r.BUDGET: ("ceiling", "ceiling_original", "spent", "physical", "source_of_funds",
               "explanation"),
}


def _empty(kind: str, record: Any) -> bool:
    if kind == r.ACTUAL and record.status is not ActualStatus.FINAL:
        return False
    return all(getattr(record, name) is None for name in _EMPTY_FIELDS[kind])


# --------------------------------------------------------------------------- reading


def read_entry(path: str | Path, plan: Plan, expected: EntryPeriod | None = None,
               limits: Limits | None = None, source: str | None = None) -> EntryImport:
    """Read an entry workbook of ``plan``'s agency (for ``expected``, when given): what its
    user changed, or :class:`InputError` with every problem, located. ``source`` names the
    file in the problems (default: ``path``)."""
    with collection_paused():
        return _Reader(Path(path), plan, expected, limits or Limits(),
                       source if source is not None else str(path)).read()


class _Reader:
    def __init__(self, path: Path, plan: Plan, expected: EntryPeriod | None, limits: Limits,
                 source: str) -> None:
        self.path, self.plan, self.expected, self.limits = path, plan, expected, limits
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, code: str, message_id: str, message_en: str, sheet: str | None = None,
             row: int | None = None, column: str | None = None) -> None:
        self.problems.append(Problem(code, message_id, message_en, file=self.source,
                                     sheet=sheet, row=row, column=column))

    def read(self) -> EntryImport:
        problems, archive = open_checked(self.path, self.limits)
        if archive is None:
            raise InputError([replace(p, file=self.source) for p in problems])
        with archive:
            try:
                book = python_calamine.CalamineWorkbook.from_path(str(self.path))
            except (python_calamine.CalamineError, OSError, ValueError) as error:
                raise InputError([Problem(
                    Code.CORRUPT, f"berkas rusak dan tidak dapat dibaca ({error})",
                    f"the file is damaged and cannot be read ({error})",
                    file=self.source)]) from None
            with book:
                return self._read(book, archive)

    def _read(self, book: python_calamine.CalamineWorkbook,
              archive: zipfile.ZipFile) -> EntryImport:
        names = set(book.sheet_names)
        wanted = [INDICATORS, BUDGETS, COPIES[INDICATORS], COPIES[BUDGETS], META]
        if META not in names:
            raise InputError([Problem(
                "ENTRY_NOT_ENTRY",
                "ini bukan buku kerja isian Sakip (lembar tersembunyi 'Sakip' tidak ada); "
                "templat lengkap diimpor dengan sakip import BERKAS.xlsx -o rencana.yaml",
                "this is not a Sakip entry workbook (the hidden sheet 'Sakip' is missing); a "
                "full template is imported with sakip import FILE.xlsx -o plan.yaml",
                file=self.source)])
        missing = [name for name in wanted if name not in names]
        for name in missing:
            self.fail(Code.MISSING_SHEET,
                      f"lembar '{name}' tidak ada; jangan menghapus atau mengganti nama lembar",
                      f"sheet '{name}' is missing; do not delete or rename sheets", sheet=name)
        if missing:
            raise InputError(self.problems)
        surveyed = survey(self.path, wanted, self.limits, archive)
        if surveyed.problems:
            raise InputError([replace(p, file=self.source) for p in surveyed.problems])
        grids: dict[str, Grid] = {}
        for name in wanted:
            try:
                data = book.get_sheet_by_name(name)
                merged = data.merged_cell_ranges or []
                grids[name] = data.to_python(skip_empty_area=False)
            except python_calamine.CalamineError as error:
                raise InputError([Problem(
                    Code.CORRUPT, f"lembar '{name}' rusak ({error})",
                    f"sheet '{name}' is damaged ({error})", file=self.source)]) from None
            for (top, left), (bottom, right) in merged:
                cells = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
                self.fail(Code.MERGED_CELLS, f"sel digabung ({cells}); pisahkan gabungan sel",
                          f"merged cells ({cells}); unmerge them", name, top + 1,
                          column_letter(left))
        for name in (INDICATORS, BUDGETS):
            for (row, column), mark in sorted(surveyed.marks.get(name, {}).items()):
                if mark == NO_VALUE:
                    self.fail(Code.FORMULA_NO_VALUE,
                              "sel berisi rumus tanpa nilai tersimpan; buka dan simpan ulang "
                              "berkas di Excel, atau ganti rumus dengan nilainya",
                              "the cell holds a formula with no stored value; open and save the "
                              "file in Excel, or replace the formula with its value",
                              name, row + 1, column_letter(column))
                else:
                    self.fail(Code.ERROR_VALUE,
                              f"sel berisi nilai galat {mark}; perbaiki rumus atau isi nilainya",
                              f"the cell holds the error value {mark}; fix the formula or type "
                              "the value", name, row + 1, column_letter(column))
        entry = self._meta(grids[META])
        if self.problems:
            raise InputError(self.problems)
        assert entry is not None
        for name in (INDICATORS, BUDGETS):
            self._sheet(entry, name, grids[name], grids[COPIES[name]])
        if self.problems:
            raise InputError(self.problems)
        return entry

    # ------------------------------------------------------------------ identification

    def _meta(self, grid: Grid) -> EntryImport | None:
        values = {str(row[0]).strip(): row[1] for row in grid if len(row) > 1 and row[0]}
        try:
            if values.get("format") != FORMAT:
                raise ValueError(values.get("format"))
            year = _whole(values.get("year"))
            if year is None:
                raise ValueError("no year")
            period = EntryPeriod(year, _whole(values.get("quarter")), _whole(values.get("month")))
            agency = str(values["agency"])
        except (KeyError, ValueError, TypeError):
            self.fail("ENTRY_NOT_ENTRY",
                      "lembar tersembunyi 'Sakip' rusak: buku kerja ini tidak dapat dikenali; "
                      "unduh buku kerja isian yang baru",
                      "the hidden sheet 'Sakip' is damaged: the workbook cannot be identified; "
                      "download a new entry workbook", META)
            return None
        plan = self.plan
        if agency != plan.agency.code:
            self.fail("ENTRY_OTHER_AGENCY",
                      f"buku kerja ini milik perangkat daerah “{visible(agency)}”, bukan "
                      f"“{plan.agency.code}”",
                      f"this workbook belongs to agency “{visible(agency)}”, not "
                      f"“{plan.agency.code}”", META)
        if self.expected is not None and period != self.expected:
            self.fail("ENTRY_OTHER_PERIOD",
                      f"buku kerja ini untuk {period.label()}, bukan {self.expected.label()}",
                      f"this workbook is for {period.label('en')}, not "
                      f"{self.expected.label('en')}", META)
        if period.year not in plan.strategic_plan.years:
            self.fail("ENTRY_YEAR_OUTSIDE",
                      f"tahun {period.year} di luar periode Renstra {plan.strategic_plan.start}–"
                      f"{plan.strategic_plan.end}",
                      f"the year {period.year} is outside the Renstra's years "
                      f"{plan.strategic_plan.start}–{plan.strategic_plan.end}", META)
        return EntryImport(agency, period, source=self.source)

    # ------------------------------------------------------------------ sheets

    def _sheet(self, entry: EntryImport, name: str, grid: Grid, copy: Grid) -> None:
        columns = columns_of(name, entry.period)
        entry.letters[name] = {c.key: column_letter(i) for i, c in enumerate(columns)}
        if not self._headers(name, columns, grid):
            return
        width = len(columns)
        body, original = _rows(grid, width), _rows(copy, width)
        closed = {index for index, row in enumerate(copy[HEADER_ROW:])
                  if len(row) > width and row[width] == CLOSED_MARK}
        for index in range(max(len(body), len(original))):
            number = FIRST_ROW + index
            if (index >= len(original) or index >= len(body)
                    or str(body[index][0]).strip() != str(original[index][0]).strip()):
                self.fail("ENTRY_ROWS_CHANGED",
                          "baris disisipkan, dihapus atau dipindah (mulai baris ini); baris buku "
                          "kerja isian tetap seperti saat diunduh (unduh yang baru bila rencana "
                          "berubah)",
                          "a row was inserted, deleted or moved (from this row on); an entry "
                          "workbook's rows stay as downloaded (download a new one when the plan "
                          "changed)", name, number, "A")
                return
            self._row(entry, name, columns, number, body[index], original[index],
                      index in closed)
        extra = [row for row in grid[HEADER_ROW:] if len(row) > width and
                 any(not _blank(value) for value in row[width:])]
        if extra:
            self.fail(Code.UNKNOWN_COLUMN,
                      "ada isian di kanan kolom terakhir; data ini tidak akan terbaca",
                      "a cell right of the last column holds data; it would not be read",
                      name, None, column_letter(width))

    def _headers(self, name: str, columns: Sequence[EntryColumn], grid: Grid) -> bool:
        header = grid[HEADER_ROW - 1] if len(grid) >= HEADER_ROW else []
        good = True
        for index, column in enumerate(columns):
            found = header[index] if index < len(header) else ""
            if normal_header(str(found)) != normal_header(column.header):
                good = False
                self.fail("ENTRY_PROTECTED_CHANGED",
                          f"judul kolom '{visible(str(found))}' seharusnya '{column.header}'; "
                          "kolom buku kerja isian tidak boleh diubah, disisipkan atau "
                          "dipindahkan",
                          f"the column header '{visible(str(found))}' should be "
                          f"'{column.header}'; an entry workbook's columns may not be changed, "
                          "inserted or moved", name, HEADER_ROW, column_letter(index))
        return good

    def _row(self, entry: EntryImport, name: str, columns: Sequence[EntryColumn], number: int,
             cells: list[RawValue], original: list[RawValue], closed: bool) -> None:
        code = str(original[0]).strip()
        indicator = self.plan.indicator_by_code.get(code) if name == INDICATORS else None
        qualitative = indicator is not None and indicator.is_qualitative
        touched: dict[str, Any] = {}
        for index, column in enumerate(columns):
            declared = column.for_row(qualitative)
            letter = column_letter(index)
            mine, theirs = cells[index], original[index]
            if _raw_same(mine, theirs):
                continue
            try:
                value, before = _read(declared, mine), _read(declared, theirs)
            except BadCell as bad:
                self.fail(bad.error.code, bad.error.message_id, bad.error.message_en, name,
                          number, letter)
                continue
            if value == before and type(value) is type(before):
                continue
            if closed and column.entry:
                self.fail("ENTRY_ROW_CLOSED",
                          "baris ini diisi per periode lain (lihat catatannya); isi di buku kerja "
                          "isian periode itu",
                          "this row is entered by another period (see its note); enter it in "
                          "that period's entry workbook", name, number, letter)
                continue
            if not column.entry:
                self.fail("ENTRY_PROTECTED_CHANGED",
                          f"sel terkunci diubah ({_shown(before)} menjadi {_shown(value)}); "
                          f"kolom '{column.header}' tidak diisi di buku kerja isian",
                          f"a locked cell was changed ({_shown(before)} to {_shown(value)}); "
                          f"the column '{column.header}' is not entered in an entry workbook",
                          name, number, letter)
                continue
            touched[column.key] = value
        period = entry.period
        key = period.key(code)
        kinds = ((r.TARGET, r.ACTUAL) if name == INDICATORS else (r.BUDGET,))
        for kind in kinds:
            entry.rows[(kind, key)] = (name, number)
        if name == INDICATORS:
            entry.rows[(r.TARGET, (code, period.year, None, None))] = (name, number)
        if not touched:
            return
        if (name == INDICATORS and indicator is None) or (
                name == BUDGETS and code not in self.plan.activity_by_code):
            self.fail(Code.UNKNOWN_CODE,
                      f"kode '{visible(code)}' tidak ada lagi di rencana; unduh buku kerja isian "
                      "yang baru",
                      f"the code '{visible(code)}' is no longer in the plan; download a new "
                      "entry workbook", name, number, "A")
            return
        value_field = "text" if qualitative else "value"
        if name == BUDGETS:
            entry.changes.append(Change(r.BUDGET, key, touched))
            return
        if "period_target" in touched:
            entry.changes.append(Change(r.TARGET, key, {value_field: touched.pop("period_target")}))
        if touched:
            fields = {(value_field if k == "value" else k): v for k, v in touched.items()}
            if "status" in fields and fields["status"] is None:
                fields["status"] = ActualStatus.FINAL
            entry.changes.append(Change(r.ACTUAL, key, fields))


def _read(column: Column, raw: RawValue) -> Any:
    return column_reader(column)(raw)


def _raw_same(a: RawValue, b: RawValue) -> bool:
    return type(a) is type(b) and a == b


def _blank(value: RawValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _rows(grid: Grid, width: int) -> list[list[RawValue]]:
    """The rows below the header, each padded to ``width``; trailing empty rows dropped."""
    rows = [list(row[:width]) + [""] * (width - len(row[:width])) for row in grid[HEADER_ROW:]]
    while rows and all(_blank(value) for value in rows[-1]):
        rows.pop()
    return rows


def _whole(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(value)
    number = Decimal(str(value))
    if number != number.to_integral_value():
        raise ValueError(value)
    return int(number)


def _shown(value: Any) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, Decimal):
        from sakip.io.idnum import format_id

        return format_id(value, None)
    return visible(str(getattr(value, "value", value)))
