"""Reading the workbook's cells into typed records, with python-calamine (Rust, fast).

This step knows sheets, headers and cells: it finds each declared sheet and each column by
its header, converts every cell with :mod:`sakip.io.workbook.cells`, and reports, all at
once, missing or renamed sheets and columns, merged cells, formulas without a cached value
and unreadable cells. Relations between records are checked later (``validate``).
"""

from __future__ import annotations

import difflib
import zipfile
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import repeat
from operator import is_, itemgetter
from pathlib import Path

import python_calamine

from sakip.io.heap import collection_paused
from sakip.io.limits import visible
from sakip.io.problems import Problem, Severity
from sakip.io.workbook.cells import (
    UNREAD,
    BadCell,
    RawValue,
    Reader,
    column_reader,
    column_values,
    read_table_cell,
)
from sakip.io.workbook.codes import Code
from sakip.io.workbook.container import Limits, open_checked, survey, too_many_cells
from sakip.io.workbook.formulas import NO_VALUE, Marks
from sakip.io.workbook.rows import Cell, Records, Row, Table
from sakip.io.workbook.schema import (
    FORM_HEADERS,
    Column,
    Layout,
    Sheet,
    column_letter,
    normal_header,
)
from sakip.io.workbook.sheets import README_SHEET, SHEETS

Grid = list[list[RawValue]]


def read_records(path: Path, limits: Limits) -> tuple[Records, list[Problem]]:
    """Every declared sheet's records, and every problem met reading them."""
    problems, archive = open_checked(path, limits)
    if archive is None:
        return {}, problems
    with archive:  # read again by the survey, not opened twice
        try:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
        except python_calamine.PasswordError:
            return {}, [_file_problem(path, Code.ENCRYPTED, "berkas dilindungi kata sandi",
                                      "the file is password-protected")]
        except (python_calamine.CalamineError, OSError, ValueError) as error:
            return {}, [_file_problem(
                path, Code.CORRUPT, f"berkas rusak dan tidak dapat dibaca ({error})",
                f"the file is damaged and cannot be read ({error})")]
        with book, collection_paused():
            return _read_book(path, book, limits, archive)


def _file_problem(path: Path, code: Code, message_id: str, message_en: str) -> Problem:
    return Problem(code=code, message_id=message_id, message_en=message_en, file=str(path))


def _read_book(
    path: Path, book: python_calamine.CalamineWorkbook, limits: Limits,
    archive: zipfile.ZipFile,
) -> tuple[Records, list[Problem]]:
    problems: list[Problem] = []
    present = {normal_header(name): name for name in book.sheet_names}
    found: dict[str, str] = {}  # declared name → actual name
    for sheet in SHEETS:
        actual = present.get(_normal_name(sheet))
        if actual is not None:
            found[sheet.name] = actual
    known = _known_names()
    unknown = [name for name in book.sheet_names if normal_header(name) not in known]
    problems.extend(_sheet_problems(found, unknown))
    surveyed = survey(path, [found[s.name] for s in SHEETS if s.name in found], limits,
                      archive)
    if surveyed.problems:  # before calamine allocates a grid the survey found too large
        return {}, surveyed.problems

    grids: dict[str, Grid] = {}
    cells = 0
    for sheet in SHEETS:
        if sheet.name not in found:
            continue
        try:
            data = book.get_sheet_by_name(found[sheet.name])
            end = data.end  # the grid asked for below runs from A1 to here
            cells += (end[0] + 1) * (end[1] + 1) if end else 0
            if cells > limits.max_cells:
                return {}, [too_many_cells(path, limits, sheet.name)]
            merged = data.merged_cell_ranges or []
            grids[sheet.name] = data.to_python(skip_empty_area=False)
        except python_calamine.CalamineError as error:
            return {}, [_file_problem(
                path, Code.CORRUPT, f"lembar '{sheet.name}' rusak ({error})",
                f"sheet '{sheet.name}' is damaged ({error})")]
        for (top, left), (bottom, right) in merged:
            cell_range = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
            problems.append(Problem(
                code=Code.MERGED_CELLS,
                message_id=f"sel digabung ({cell_range}); pisahkan gabungan sel dan isi "
                "setiap sel",
                message_en=f"merged cells ({cell_range}); unmerge them and fill every cell",
                sheet=sheet.name, row=top + 1, column=column_letter(left)))

    records: Records = {}
    for sheet in SHEETS:
        grid = grids.get(sheet.name)
        if grid is None:
            continue
        marks = dict(surveyed.marks.get(found[sheet.name], {}))
        reader = _read_form if sheet.layout is Layout.FORM else _read_table
        records[sheet.name] = reader(sheet, grid, marks, problems)
        for (r, c), mark in sorted(marks.items()):  # what the reader left: any other cell
            if mark != NO_VALUE:
                problems.append(Problem(
                    code=Code.ERROR_VALUE, message_id=_error_id(mark),
                    message_en=_error_en(mark), sheet=sheet.name, row=r + 1,
                    column=column_letter(c)))
    return records, problems


_header = lru_cache(maxsize=4096)(normal_header)  # a header text read before (every workbook's)
_letter = lru_cache(maxsize=None)(column_letter)  # at most one per column of a sheet: 16,384


@cache
def _normal_name(sheet: Sheet) -> str:
    return normal_header(sheet.name)


@cache
def _known_names() -> frozenset[str]:
    """The declared sheets' names and the readme's, as :func:`normal_header` gives them."""
    return frozenset({normal_header(s.name) for s in SHEETS} | {normal_header(README_SHEET)})


@cache
def _wanted(sheet: Sheet) -> dict[str, Column]:
    """Each column of ``sheet`` by its header as :func:`normal_header` gives it (made once per
    sheet: read, never changed)."""
    return {normal_header(column.header): column for column in sheet.columns}


def _error_id(value: str) -> str:
    return (f"sel berisi nilai galat {value}, yang terbaca kosong; perbaiki rumus atau "
            "isi nilainya")


def _error_en(value: str) -> str:
    return (f"the cell holds the error value {value}, which would read as empty; fix the "
            "formula or type the value")


def _sheet_problems(found: dict[str, str], unknown: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for sheet in SHEETS:
        if sheet.name in found or sheet.added_later:
            continue
        guess = difflib.get_close_matches(sheet.name, unknown, n=1, cutoff=0.5)
        hint_id = f" (mungkin diganti nama menjadi '{visible(guess[0])}'?)" if guess else ""
        hint_en = f" (was it renamed to '{visible(guess[0])}'?)" if guess else ""
        problems.append(Problem(
            code=Code.MISSING_SHEET,
            message_id=f"lembar '{sheet.name}' tidak ada{hint_id}; jangan menghapus atau "
            "mengganti nama lembar templat",
            message_en=f"sheet '{sheet.name}' is missing{hint_en}; do not delete or rename "
            "the template's sheets",
            sheet=sheet.name))
    for name in unknown:
        problems.append(Problem(
            code=Code.UNKNOWN_SHEET,
            message_id="lembar ini tidak dikenal dan diabaikan",
            message_en="unknown sheet, ignored",
            severity=Severity.WARNING, sheet=visible(name)))
    return problems


def _is_empty(value: RawValue) -> bool:
    return value == "" or value is None or (isinstance(value, str) and not value.strip())


def _read_value(
    row: Row, column: Column, raw: RawValue, mark: str | None, problems: list[Problem],
    read: Reader,
) -> None:
    """Read one cell with ``read`` (the column's :func:`column_reader`); ``mark`` is the
    survey's (:data:`NO_VALUE` or an error value) or None."""
    if mark is not None and mark != NO_VALUE:
        row.bad.add(column.key)
        problems.append(row.problem(column.key, Code.ERROR_VALUE, _error_id(mark),
                                    _error_en(mark)))
        return
    if mark is not None:
        row.bad.add(column.key)
        problems.append(row.problem(
            column.key, Code.FORMULA_NO_VALUE,
            "sel berisi rumus tanpa nilai tersimpan; buka dan simpan ulang berkas di Excel, "
            "atau ganti rumus dengan nilainya",
            "the cell holds a formula with no stored value; open and save the file in Excel, "
            "or replace the formula with its value"))
        return
    try:
        value = read(raw)
    except BadCell as bad:
        row.bad.add(column.key)
        problems.append(row.problem(column.key, bad.error.code, bad.error.message_id,
                                    bad.error.message_en))
        return
    if value is None:
        if column.required:
            row.bad.add(column.key)
            problems.append(row.problem(
                column.key, Code.REQUIRED, "wajib diisi", "required, but empty"))
        return
    row.values[column.key] = value


# --------------------------------------------------------------------------- table sheets


def _read_table(
    sheet: Sheet, grid: Grid, marks: Marks, problems: list[Problem]
) -> Table | list[Row]:
    """The records of a table sheet; the marks read are removed from ``marks``.

    Cells are converted a column at a time (:func:`~sakip.io.workbook.cells.column_values`);
    a cell that conversion leaves (:data:`~sakip.io.workbook.cells.UNREAD`) and every cell of
    a row holding a mark are then read one by one, which reports their problems, row by row
    and column by column, as a reading cell by cell would."""
    header = grid[0] if grid else []
    width = max(map(len, grid), default=0)
    positions, open_positions = _map_header(sheet, header, width, problems)
    if positions is None:
        return []
    letters = {key: _letter(index) for key, index in positions.items()}
    open_letters = tuple(map(_letter, open_positions))
    mapped = set(positions.values()) | set(open_positions)
    unmapped = [index for index in range(width) if index not in mapped]
    columns = [(sheet.by_key[key], position) for key, position in positions.items()]
    marks_by_row: dict[int, dict[int, str]] = {}
    for (r, c), found in marks.items():
        if r > 0:
            marks_by_row.setdefault(r, {})[c] = found
    reach = max(positions.values(), default=-1) + 1  # the cells a row needs for every column
    numbers: list[int] = []  # of the rows kept, 0-based
    lines: list[list[RawValue]] = []
    if _all_filled(grid, reach):  # the common sheet: every row a record, no row to pad
        numbers, lines = list(range(1, len(grid))), grid[1:]
    for index in range(1, len(grid)) if not lines else ():
        raw_row = grid[index]
        first = raw_row[0] if raw_row else ""
        if ((first is None or (isinstance(first, str) and not first.strip()))
                and index not in marks_by_row
                and all(value == "" or _is_empty(value) for value in raw_row)):
            continue  # empty rows, trailing or between records, are ignored
        if len(raw_row) < reach:
            raw_row = [*raw_row, *[""] * (reach - len(raw_row))]
        numbers.append(index)
        lines.append(raw_row)
    columns_read: dict[str, list[object]] = {}
    for column, position in columns:
        raws = list(map(itemgetter(position), lines))
        if not raws:
            columns_read[column.key] = raws  # no record: nothing to read (a sheet left empty)
        elif not column.required and raws.count("") == len(raws):
            columns_read[column.key] = [None] * len(raws)  # an empty column: nothing to read
        else:
            columns_read[column.key] = column_values(column)(raws)
    table = Table(sheet, [index + 1 for index in numbers], columns_read, letters, open_letters)
    # the rows read again, in order: a cell conversion left, a mark, free or unknown columns
    again: set[int] = set()
    for values in columns_read.values():
        if any(map(is_, values, repeat(UNREAD))):  # by identity: == on a Decimal is slow
            again.update(line for line, value in enumerate(values) if value is UNREAD)
    if marks_by_row:
        again.update(line for line, index in enumerate(numbers) if index in marks_by_row)
    if open_positions or unmapped:
        again = set(range(len(numbers)))
    readers = [(position, column.key, column_reader(column), column)
               for column, position in columns] if again else []
    for line in sorted(again):
        index, raw_row = numbers[line], lines[line]
        row = table[line]
        row_marks = marks_by_row.get(index)
        if row_marks:  # a formula without a value or an error value in this row
            row.values.clear()
            for position, _key, read, column in readers:
                mark = row_marks.get(position)
                if mark is not None:
                    del marks[(index, position)]
                _read_value(row, column, raw_row[position], mark, problems, read)
        else:  # read again to report it: unreadable, or empty but required
            for position, key, read, column in readers:
                if row.values[key] is UNREAD:
                    row.values[key] = None
                    _read_value(row, column, raw_row[position], None, problems, read)
        table.store(line)
        if open_positions:
            row.cells = _read_open(row, raw_row, open_positions, open_letters, row_marks or {},
                                   problems)
            for position in open_positions:
                marks.pop((index, position), None)
        for position in unmapped:
            if position < len(raw_row) and not _is_empty(raw_row[position]):
                unmapped.remove(position)  # one report per column is enough
                problems.append(Problem(
                    code=Code.UNKNOWN_COLUMN,
                    message_id="ada isian di kolom tanpa judul; data ini tidak akan terbaca",
                    message_en="a column without a header holds data; it would not be read",
                    sheet=sheet.name, row=index + 1, column=column_letter(position)))
                break
    return table


def _all_filled(grid: Grid, reach: int) -> bool:
    """Whether every row below the header has ``reach`` cells and a first cell holding
    something other than spaces (so none is empty, none is padded): checked by loops in C."""
    body = grid[1:]
    if not body or min(map(len, body)) < max(reach, 1):
        return False
    firsts = list(map(itemgetter(0), body))
    return set(map(type, firsts)) == {str} and "" not in map(str.strip, firsts)


def _read_open(
    row: Row,
    raw_row: Sequence[RawValue],
    positions: list[int],
    letters: Sequence[str],
    row_marks: dict[int, str],
    problems: list[Problem],
) -> tuple[Cell, ...]:
    """The free cells of a row, at ``positions`` (their column letters ``letters``)."""
    cells: list[Cell] = []
    for position, letter in zip(positions, letters, strict=True):
        raw = raw_row[position] if position < len(raw_row) else ""
        mark = row_marks.get(position)
        if mark is not None and mark != NO_VALUE:
            problems.append(Problem(
                code=Code.ERROR_VALUE, message_id=_error_id(mark), message_en=_error_en(mark),
                sheet=row.sheet.name, row=row.number, column=letter))
            cells.append(None)
            continue
        if mark is not None:
            problems.append(Problem(
                code=Code.FORMULA_NO_VALUE,
                message_id="sel berisi rumus tanpa nilai tersimpan",
                message_en="the cell holds a formula with no stored value",
                sheet=row.sheet.name, row=row.number, column=letter))
            cells.append(None)
            continue
        try:
            cells.append(read_table_cell(raw))
        except BadCell as bad:
            problems.append(Problem(
                code=bad.error.code, message_id=bad.error.message_id,
                message_en=bad.error.message_en, sheet=row.sheet.name, row=row.number,
                column=letter))
            cells.append(None)
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def _map_header(
    sheet: Sheet, header: Sequence[RawValue], width: int, problems: list[Problem]
) -> tuple[dict[str, int] | None, list[int]]:
    """Column key → position, and the positions of free columns; None: unusable header."""
    wanted = _wanted(sheet)
    positions: dict[str, int] = {}
    open_positions: list[int] = []
    for index, raw in enumerate(header):
        if _is_empty(raw):
            continue
        text = _header(str(raw))
        column = wanted.get(text)
        if column is None:
            if sheet.open_columns and index > max(positions.values(), default=-1):
                continue  # a free column: its header is only a label
            problems.append(Problem(
                code=Code.UNKNOWN_COLUMN,
                message_id=f"judul kolom '{visible(str(raw))}' tidak dikenal (salah ketik atau "
                "diganti nama?); lihat lembar Petunjuk",
                message_en=f"unknown column header '{visible(str(raw))}' (a typo or renamed?); "
                "see the "
                "Petunjuk sheet",
                sheet=sheet.name, row=1, column=column_letter(index)))
            continue
        if column.key in positions:
            problems.append(Problem(
                code=Code.DUPLICATE_COLUMN,
                message_id=f"kolom '{column.header}' muncul dua kali",
                message_en=f"column '{column.header}' appears twice",
                sheet=sheet.name, row=1, column=column_letter(index)))
            continue
        positions[column.key] = index
    usable = True
    for column in sheet.columns:
        if column.key not in positions and column.required:
            usable = False
            problems.append(Problem(
                code=Code.MISSING_COLUMN,
                message_id=f"kolom wajib '{column.header}' tidak ada di baris judul",
                message_en=f"required column '{column.header}' is missing from the header row",
                sheet=sheet.name, row=1))
    if sheet.open_columns and usable:
        first = max(positions.values(), default=-1) + 1
        open_positions = list(range(first, max(width, first)))
    return (positions if usable else None), open_positions


# --------------------------------------------------------------------------- form sheets


def _read_form(
    sheet: Sheet, grid: Grid, marks: Marks, problems: list[Problem]
) -> list[Row]:
    """The one record of a form sheet; the marks read are removed from ``marks``."""
    wanted = _wanted(sheet)
    field_rows: dict[str, int] = {}
    row = Row(sheet, 2, {}, {column.key: "B" for column in sheet.columns}, field_rows)
    raw_values: dict[str, tuple[RawValue, str | None]] = {}
    for index, raw_row in enumerate(grid):
        label = raw_row[0] if raw_row else ""
        value = raw_row[1] if len(raw_row) > 1 else ""
        if _is_empty(label):
            if not _is_empty(value):
                problems.append(Problem(
                    code=Code.UNKNOWN_FIELD, message_id="nilai tanpa nama isian di kolom A",
                    message_en="a value without a field name in column A",
                    sheet=sheet.name, row=index + 1, column="B"))
            continue
        text = normal_header(str(label))
        if index == 0 and text == normal_header(FORM_HEADERS[0]):
            continue
        column = wanted.get(text)
        if column is None:
            problems.append(Problem(
                code=Code.UNKNOWN_FIELD,
                message_id=f"isian '{visible(str(label))}' tidak dikenal; lihat lembar Petunjuk",
                message_en=f"unknown field '{visible(str(label))}'; see the Petunjuk sheet",
                sheet=sheet.name, row=index + 1, column="A"))
            continue
        if column.key in field_rows:
            problems.append(Problem(
                code=Code.DUPLICATE_COLUMN,
                message_id=f"isian '{column.header}' muncul dua kali",
                message_en=f"field '{column.header}' appears twice",
                sheet=sheet.name, row=index + 1, column="A"))
            continue
        field_rows[column.key] = index + 1
        raw_values[column.key] = (value, marks.pop((index, 1), None))
    if sheet.optional and all(raw in ("", None) for raw, _ in raw_values.values()):
        return []  # left empty as a whole: no record (a plan made only to be measured)
    for column in sheet.columns:
        if column.key in raw_values:
            raw, mark = raw_values[column.key]
            _read_value(row, column, raw, mark, problems, column_reader(column))
        elif column.required:
            row.bad.add(column.key)
            problems.append(Problem(
                code=Code.MISSING_FIELD,
                message_id=f"isian wajib '{column.header}' tidak ada di kolom A",
                message_en=f"required field '{column.header}' is missing from column A",
                sheet=sheet.name))
    return [row]
