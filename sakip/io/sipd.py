"""The budget exports an operator downloads from SIPD, read into a plan's budget records
(docs/sipd.md).

SIPD (Sistem Informasi Pemerintahan Daerah) prints the budget and its realisation per
programme, kegiatan and sub kegiatan with the codes of Kepmendagri 050-5889/2021
(``1.02.02`` a programme, ``1.02.02.2.01`` a kegiatan, ``1.02.02.2.01.0001`` a sub kegiatan:
each code starts with its parent's). Its exports differ in layout and wording from report to
report and year to year, so the columns are found by their header, not by their place: a
header is compared in lower case, without punctuation, ``(Rp)`` or ``(%)``, spaces collapsed
(``Kode Sub Kegiatan``, ``KODE_SUB_GIAT``, ``Realisasi (Rp)``). :data:`COLUMNS` is the mapping.
Two layouts are read alike:

* one row per sub kegiatan, its code in *Kode Sub Kegiatan* (or its last part there, with the
  kegiatan's code in *Kode Kegiatan*), names in *Nama Program* / *Nama Kegiatan* / *Nama Sub
  Kegiatan*;
* the report's tree: one *Kode* column holding programme, kegiatan and sub kegiatan codes on
  their own rows, the name in *Uraian*. A programme's or kegiatan's row names it; its amounts
  are the sums of the rows below it, checked (a difference is a warning).

Rows of an urusan or bidang urusan (codes of one or two parts) and total rows (*Jumlah*,
*Total*) are skipped. The amounts of each sub kegiatan — and of a kegiatan that has no sub
kegiatan in the file — become the year's budget record of that activity in the plan: *pagu*
(ceiling), *pagu induk* / *murni* (the ceiling as first adopted), *realisasi* (spending),
*realisasi fisik* (physical progress, %) and *sumber dana*. An empty cell leaves the plan's
value as it is. A programme must be in the plan already (by code, or else by name); a kegiatan
or sub kegiatan the plan does not have is added under it with SIPD's code and name.

Every problem is reported at once, with the file, sheet, row and column and a stable
``SIPD_*`` code; nothing is applied unless the whole file is sound.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.core.model import Activity, Budget, Plan, Program
from sakip.core.numbers import canonical_decimal
from sakip.io.idnum import MAX_WHOLE_DIGITS, MalformedNumber, format_id, parse_id_number, whole_digits
from sakip.io.limits import CONTROL, id_number, visible
from sakip.io.problems import InputError, Problem, Severity
from sakip.io.workbook.cells import BadCell, read_table_cell
from sakip.io.zipguard import mib

# --------------------------------------------------------------------------- the mapping

# field: the headers (normalised, see :func:`normal_header`) that name its column
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("kode sub kegiatan", "kode subkegiatan", "kd sub kegiatan", "kode sub giat",
             "kode", "kode rekening", "kode program kegiatan sub kegiatan",
             "kode program kegiatan subkegiatan"),
    "program_code": ("kode program",),
    "activity_code": ("kode kegiatan", "kode giat"),
    "name": ("nama sub kegiatan", "nama subkegiatan", "sub kegiatan", "nama sub giat",
             "uraian", "nama", "nomenklatur", "uraian program kegiatan sub kegiatan",
             "program kegiatan sub kegiatan"),
    "program_name": ("nama program", "program"),
    "activity_name": ("nama kegiatan", "kegiatan", "nama giat"),
    "ceiling": ("pagu", "anggaran", "pagu anggaran", "pagu perubahan", "anggaran perubahan",
                "pagu setelah perubahan", "anggaran setelah perubahan", "jumlah anggaran",
                "pagu dpa", "nilai pagu", "total pagu", "pagu pergeseran"),
    "ceiling_original": ("pagu induk", "pagu murni", "anggaran murni", "anggaran induk",
                         "pagu sebelum perubahan", "anggaran sebelum perubahan", "pagu awal"),
    "spent": ("realisasi", "realisasi anggaran", "realisasi keuangan", "realisasi belanja",
              "jumlah realisasi", "total realisasi", "realisasi sp2d", "nilai realisasi"),
    "physical": ("realisasi fisik", "fisik", "capaian fisik", "progres fisik",
                 "persentase fisik"),
    "source_of_funds": ("sumber dana",),
}
AMOUNTS = ("ceiling", "ceiling_original", "spent", "physical")
_HEADER_OF = {header: name for name, headers in COLUMNS.items() for header in headers}
# the longest text a column may hold (the database's: a source of funds is 200 characters)
MAX_TEXT = {"source_of_funds": 200, "code": 60, "program_code": 60, "activity_code": 60}
HEADER_ROWS = 30  # the header is looked for in the first rows (SIPD prints a title above it)
_SKIPPED_NAMES = re.compile(r"^(jumlah|total|sub ?total|grand total)\b", re.IGNORECASE)

PROGRAM = re.compile(r"^[0-9X]\.(?:[0-9]{2}|XX)\.[0-9]{2}$")
ACTIVITY = re.compile(r"^[0-9X]\.(?:[0-9]{2}|XX)\.[0-9]{2}\.[0-9]{1,2}\.[0-9]{2}$")
SUB_ACTIVITY = re.compile(r"^[0-9X]\.(?:[0-9]{2}|XX)\.[0-9]{2}\.[0-9]{1,2}\.[0-9]{2}\.[0-9]{4}$")
_ABOVE_PROGRAM = re.compile(r"^[0-9X](?:\.(?:[0-9]{2}|XX))?$")  # an urusan, a bidang urusan
_LAST_PART = re.compile(r"^[0-9]{4}$")


@dataclass(frozen=True)
class Limits:
    """How large an export is read: the file (before it is read) and its cells."""

    max_bytes: int = 20 * 1024 * 1024
    max_cells: int = 2_000_000


def normal_header(text: Any) -> str:
    """``Realisasi (Rp)`` → ``realisasi``; ``KODE_SUB_GIAT`` → ``kode sub giat``."""
    value = str(text).lower().replace("_", " ")
    value = re.sub(r"\((?:rp|%|persen)\.?\)", " ", value)
    value = re.sub(r"[^0-9a-z]+", " ", value)
    value = re.sub(r"\brp\b", " ", value)
    return " ".join(value.split())


def normal_name(text: str) -> str:
    """A name for matching: lower case, words only, without a leading *program*/*kegiatan*."""
    value = " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())
    for prefix in ("program ", "sub kegiatan ", "kegiatan "):
        value = value.removeprefix(prefix)
    return value


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Place:
    """Where a value is: the file, the sheet (a workbook's), the row and the column."""

    file: str
    sheet: str | None
    row: int
    column: str | None = None  # a workbook's column letter, a CSV file's header


@dataclass(frozen=True)
class Line:
    """One programme, kegiatan or sub kegiatan row of the export."""

    place: Place
    level: str  # "program", "activity", "sub_activity"
    code: str
    name: str | None = None
    program_name: str | None = None
    activity_name: str | None = None
    amounts: dict[str, Decimal] = field(default_factory=dict)  # the cells given
    source_of_funds: str | None = None
    places: dict[str, Place] = field(default_factory=dict)  # each amount's cell

    @property
    def program(self) -> str:
        return ".".join(self.code.split(".")[:3])

    @property
    def activity(self) -> str | None:
        return ".".join(self.code.split(".")[:5]) if self.level != "program" else None


@dataclass(frozen=True)
class Export:
    """A SIPD export read: its lines, the columns found, and its warnings."""

    file: str
    sheet: str | None
    lines: tuple[Line, ...]
    columns: dict[str, str]  # field → the header as the file writes it
    warnings: tuple[Problem, ...] = ()


def problem(code: str, message_id: str, message_en: str, place: Place | None = None,
            file: str | None = None, severity: Severity = Severity.ERROR) -> Problem:
    if place is None:
        return Problem(code, message_id, message_en, severity=severity, file=file)
    if place.sheet is None:  # a CSV file: its line, the column's header as the path
        return Problem(code, message_id, message_en, severity=severity, file=place.file,
                       line=place.row, path=place.column)
    return Problem(code, message_id, message_en, severity=severity, file=place.file,
                   sheet=place.sheet, row=place.row, column=place.column)


# --------------------------------------------------------------------------- reading


Grid = list[list[Any]]


def read_export(path: Path, limits: Limits = Limits(), name: str | None = None) -> Export:
    """The export at ``path`` (.xlsx or .csv), or :class:`InputError` with every problem.
    ``name`` is how messages name the file (an upload's own name)."""
    shown = name or str(path)
    if not path.is_file():
        raise InputError([problem("SIPD_FILE_NOT_FOUND", "berkas tidak ditemukan",
                                  "file not found", file=shown)])
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise InputError([problem(
            "SIPD_FILE_TOO_LARGE",
            f"berkas terlalu besar ({mib(size, 'id')}); batasnya {mib(limits.max_bytes, 'id')}",
            f"file too large ({mib(size)}); the limit is {mib(limits.max_bytes)}", file=shown)])
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        sheets = _xlsx_grids(path, shown, limits)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError([problem(
            "SIPD_NOT_READABLE",
            "format Excel lama (.xls); simpan ulang sebagai Buku Kerja Excel (.xlsx) atau CSV",
            "legacy Excel format (.xls); save it again as an Excel Workbook (.xlsx) or CSV",
            file=shown)])
    else:
        sheets = [(None, _csv_grid(path.read_bytes(), shown, limits))]
    for sheet, grid in sheets:
        header = _header(grid)
        if header is not None:
            return _read_grid(shown, sheet, grid, *header)
    first_sheet, grid = sheets[0] if sheets else (None, [])
    raise InputError([_missing_columns(shown, first_sheet, grid)])


def _xlsx_grids(path: Path, shown: str, limits: Limits) -> list[tuple[str | None, Grid]]:
    """Every sheet's grid, after the workbook import's checks of the file as a file (a zip
    that inflates like a bomb, a password, a damaged file: :mod:`sakip.io.workbook.container`)."""
    import python_calamine

    from sakip.io.workbook.container import Limits as BookLimits
    from sakip.io.workbook.container import open_checked, survey

    book_limits = BookLimits(max_bytes=limits.max_bytes, max_cells=limits.max_cells)
    problems, archive = open_checked(path, book_limits)
    if archive is None:
        raise InputError([replace(p, code=_sipd_code(p.code), file=shown) for p in problems])
    with archive:
        try:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
        except (python_calamine.CalamineError, python_calamine.PasswordError, OSError,
                ValueError) as error:
            raise InputError([problem("SIPD_NOT_READABLE",
                                      f"berkas rusak dan tidak dapat dibaca ({error})",
                                      f"the file is damaged and cannot be read ({error})",
                                      file=shown)]) from None
        with book:
            names = list(book.sheet_names)
            surveyed = survey(path, names, book_limits, archive)
            if surveyed.problems:
                raise InputError([replace(p, code=_sipd_code(p.code), file=shown)
                                  for p in surveyed.problems])
            grids: list[tuple[str | None, Grid]] = []
            cells = 0
            for sheet in names:
                try:
                    data = book.get_sheet_by_name(sheet)
                    end = data.end
                    cells += (end[0] + 1) * (end[1] + 1) if end else 0
                    if cells > limits.max_cells:
                        raise InputError([_too_many_cells(shown, limits)])
                    grids.append((sheet, data.to_python(skip_empty_area=False)))
                except python_calamine.CalamineError as error:
                    raise InputError([problem(
                        "SIPD_NOT_READABLE", f"lembar '{sheet}' rusak ({error})",
                        f"sheet '{sheet}' is damaged ({error})", file=shown)]) from None
    return grids


def _sipd_code(code: str) -> str:
    """The workbook's code of a problem with the file as a file, as this reader names it."""
    return "SIPD_" + code.removeprefix("XLSX_")


def _too_many_cells(shown: str, limits: Limits) -> Problem:
    return problem("SIPD_TOO_MANY_CELLS",
                   f"terlalu banyak sel (lebih dari {id_number(limits.max_cells)})",
                   f"too many cells (more than {limits.max_cells:,})", file=shown)


def _csv_grid(data: bytes, shown: str, limits: Limits) -> Grid:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        counts = {d: sample.count(d) for d in (";", ",", "\t")}

        class Guessed(csv.excel):
            delimiter = max(counts, key=lambda d: counts[d])

        dialect = Guessed
    grid: Grid = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            cells += len(row)
            if cells > limits.max_cells:
                raise InputError([_too_many_cells(shown, limits)])
            grid.append(row)
    except csv.Error as error:
        raise InputError([problem("SIPD_NOT_READABLE", f"berkas CSV tidak dapat dibaca ({error})",
                                  f"the CSV file cannot be read ({error})", file=shown)]) from None
    return grid


def _header(grid: Grid) -> tuple[int, dict[str, int], dict[int, str]] | None:
    """The header row: the first row naming a code column and an amount column."""
    for index, row in enumerate(grid[:HEADER_ROWS]):
        found: dict[str, int] = {}
        headers: dict[int, str] = {}
        for column, cell in enumerate(row):
            if not isinstance(cell, str) or not cell.strip():
                continue
            name = _HEADER_OF.get(normal_header(cell))
            if name is not None and name not in found:
                found[name] = column
                headers[column] = " ".join(cell.split())
        has_code = "code" in found or "activity_code" in found
        if has_code and any(amount in found for amount in AMOUNTS):
            return index, found, headers
    return None


def _missing_columns(shown: str, sheet: str | None, grid: Grid) -> Problem:
    seen = {_HEADER_OF.get(normal_header(c)) for row in grid[:HEADER_ROWS] for c in row
            if isinstance(c, str)}
    missing = []
    if not seen & {"code", "activity_code"}:
        missing.append("Kode Sub Kegiatan")
    if not seen & set(AMOUNTS):
        missing.append("Pagu / Realisasi")
    names = ", ".join(missing) or "Kode Sub Kegiatan, Pagu / Realisasi"
    return problem(
        "SIPD_MISSING_COLUMN",
        f"kolom {names} tidak ditemukan di {HEADER_ROWS} baris pertama; berkas ini bukan "
        "ekspor anggaran SIPD yang dikenal (lihat docs/sipd.md)",
        f"column {names} not found in the first {HEADER_ROWS} rows; this is not a SIPD budget "
        "export Sakip knows (see docs/sipd.md)",
        Place(shown, sheet, 1) if sheet is not None else None, file=shown)


def _letter(sheet: str | None, column: int, headers: dict[int, str]) -> str:
    if sheet is None:
        return headers.get(column, str(column + 1))
    from sakip.io.workbook.schema import column_letter

    return column_letter(column)


def _read_grid(shown: str, sheet: str | None, grid: Grid, header_row: int,
               columns: dict[str, int], headers: dict[int, str]) -> Export:
    problems: list[Problem] = []
    warnings: list[Problem] = []
    lines: list[Line] = []
    seen: dict[str, Place] = {}
    start = _below_header(grid, header_row, columns, headers)
    for index in range(start, len(grid)):
        row = grid[index]
        if not any(_filled(cell) for cell in row) or _numbering(row):
            continue

        def cell(name: str, row: list[Any] = row) -> Any:
            column = columns.get(name)
            return row[column] if column is not None and column < len(row) else None

        def place(name: str, index: int = index) -> Place:
            column = columns.get(name)
            return Place(shown, sheet, index + 1,
                         _letter(sheet, column, headers) if column is not None else None)

        texts: dict[str, str | None] = {}
        for name in ("code", "program_code", "activity_code", "name", "program_name",
                     "activity_name", "source_of_funds"):
            try:
                texts[name] = _text(cell(name))
                if len(texts[name] or "") > MAX_TEXT.get(name, 10_000):
                    raise ValueError(
                        f"teks terlalu panjang (paling banyak {MAX_TEXT.get(name, 10_000)} "
                        "karakter)",
                        f"text too long (at most {MAX_TEXT.get(name, 10_000)} characters)")
            except ValueError as error:
                problems.append(problem("SIPD_BAD_TEXT", f"{error.args[0]}", f"{error.args[1]}",
                                        place(name)))
                texts[name] = None
        code, where = _code(texts, place, problems)
        if code is None:
            total = any(isinstance(c, str) and _SKIPPED_NAMES.match(c.strip()) for c in row)
            has_amount = any(_filled(cell(a)) for a in AMOUNTS)
            if where is None and has_amount and not total:
                problems.append(problem(
                    "SIPD_MISSING_CODE", "baris berisi angka tetapi tanpa kode sub kegiatan",
                    "the row holds amounts but no sub kegiatan code", place("code")))
            continue
        amounts: dict[str, Decimal] = {}
        places: dict[str, Place] = {}
        for name in AMOUNTS:
            raw = cell(name)
            if not _filled(raw):
                continue
            try:
                amounts[name] = _amount(raw, name)
                places[name] = place(name)
            except ValueError as error:
                problems.append(problem("SIPD_BAD_NUMBER", error.args[0], error.args[1],
                                        place(name)))
        level = ("program" if PROGRAM.match(code) else "activity" if ACTIVITY.match(code)
                 else "sub_activity")
        if code in seen:
            first = seen[code]
            problems.append(problem(
                "SIPD_DUPLICATE_CODE",
                f"kode {code} sudah ada di baris {first.row}; setiap program, kegiatan dan sub "
                "kegiatan satu baris saja",
                f"code {code} is already on row {first.row}; one row for each programme, "
                "kegiatan and sub kegiatan", where))
            continue
        seen[code] = where or place("code")
        lines.append(Line(where or place("code"), level, code, texts.get("name"),
                          texts.get("program_name"), texts.get("activity_name"), amounts,
                          texts.get("source_of_funds"), places))
    if not lines and not problems:
        problems.append(problem(
            "SIPD_NO_ROWS", "tidak ada baris program, kegiatan atau sub kegiatan di bawah judul "
            "kolom", "no programme, kegiatan or sub kegiatan row below the column headers",
            Place(shown, sheet, header_row + 1), file=shown))
    if problems:
        raise InputError(problems + warnings)
    return Export(shown, sheet, tuple(lines),
                  {name: headers[column] for name, column in columns.items()}, tuple(warnings))


# A second header row under a merged one ("Realisasi" over "Keuangan | Fisik", "Pagu" over
# "Murni | Perubahan"): its words, beside the headers of COLUMNS.
SUB_HEADERS: dict[str, str] = {
    "keuangan": "spent", "murni": "ceiling_original", "induk": "ceiling_original",
    "sebelum perubahan": "ceiling_original", "perubahan": "ceiling",
    "setelah perubahan": "ceiling",
}


def _below_header(grid: Grid, header_row: int, columns: dict[str, int],
                  headers: dict[int, str]) -> int:
    """The first row of data: after the header and the header rows under it (rows of words
    only, no code), whose known words name their columns (``columns`` and ``headers`` updated)."""
    index = header_row + 1
    while index < len(grid) and index <= header_row + 3:
        row = grid[index]
        filled = [(c, cell) for c, cell in enumerate(row) if _filled(cell)]
        if not filled or not all(isinstance(cell, str) for _, cell in filled):
            break
        words = {c: normal_header(cell) for c, cell in filled}
        if not all(not w or w in SUB_HEADERS or w in _HEADER_OF for w in words.values()):
            break
        for column, word in words.items():
            name = SUB_HEADERS.get(word) or _HEADER_OF.get(word)
            if name is not None and name not in ("code", "name"):
                columns[name] = column
                headers[column] = " ".join(str(row[column]).split())
        index += 1
    return index


def _numbering(row: list[Any]) -> bool:
    """A row numbering the columns under the header: 1, 2, 3 … or (1), (2), (3) …"""
    numbers = []
    for cell in row:
        if not _filled(cell):
            continue
        text = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell)
        match = re.fullmatch(r"\(?(\d{1,2})\)?", text.strip())
        if match is None:
            return False
        numbers.append(int(match[1]))
    return len(numbers) >= 3 and numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _text(raw: Any) -> str | None:
    """A cell as text; ValueError (Indonesian, English) for a control character."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = " ".join(str(raw).split())
    found = CONTROL.search(text)
    if found is not None:
        raise ValueError(f"karakter kendali dalam teks: {visible(text)}",
                         f"a control character in the text: {visible(text)}")
    return text or None


def _code(texts: dict[str, str | None], place: Any, problems: list[Problem]
          ) -> tuple[str | None, Place | None]:
    """The row's full code (a programme's, kegiatan's or sub kegiatan's) and where it is; None
    for a row of an urusan or bidang urusan, a total or an empty code."""
    raw = texts.get("code")
    activity = _clean(texts.get("activity_code"))
    program = _clean(texts.get("program_code"))
    code = _clean(raw)
    where = place("code") if raw else place("activity_code") if activity else None
    if code and _LAST_PART.match(code) and activity:
        code = f"{activity}.{code}"  # the sub kegiatan's own number beside its kegiatan's code
    if not code:
        code = activity
    if not code:
        return None, None
    if _ABOVE_PROGRAM.match(code):
        return None, where
    if not (PROGRAM.match(code) or ACTIVITY.match(code) or SUB_ACTIVITY.match(code)):
        problems.append(problem(
            "SIPD_BAD_CODE",
            f"kode {visible(code)!r} bukan kode program (1.02.02), kegiatan (1.02.02.2.01) atau "
            "sub kegiatan (1.02.02.2.01.0001) Kepmendagri 050-5889",
            f"code {visible(code)!r} is not a programme (1.02.02), kegiatan (1.02.02.2.01) or "
            "sub kegiatan (1.02.02.2.01.0001) code of Kepmendagri 050-5889", where))
        return None, where
    for given, length, label in ((activity, 5, "Kode Kegiatan"), (program, 3, "Kode Program")):
        if given and len(code.split(".")) >= length and ".".join(code.split(".")[:length]) != given:
            problems.append(problem(
                "SIPD_CODE_MISMATCH",
                f"kode {code} tidak berada di bawah {label} {given}",
                f"code {code} does not belong to the {label} {given}", where))
            return None, where
    return code, where


def _clean(text: str | None) -> str:
    return "".join((text or "").split()).strip(".").upper()


def _amount(raw: Any, name: str) -> Decimal:
    """A cell's amount; ValueError (Indonesian, English) when it is not one."""
    try:
        value = read_table_cell(raw)
    except BadCell as error:
        raise ValueError(error.error.message_id, error.error.message_en) from None
    if isinstance(value, str):
        text = value
        try:
            value = canonical_decimal(parse_id_number(text))
        except MalformedNumber:
            raise ValueError(f"bukan angka: {visible(text)!r} (contoh: 1.234.567,89)",
                             f"not a number: {visible(text)!r} (example: 1.234.567,89)") from None
    if value is None:
        raise ValueError("sel kosong", "empty cell")
    if value < 0:
        raise ValueError(f"angka negatif: {format_id(value, None)}", f"a negative amount: {value}")
    if whole_digits(value) > MAX_WHOLE_DIGITS:
        raise ValueError(f"angka terlalu besar ({whole_digits(value)} digit)",
                         f"number too large ({whole_digits(value)} digits)")
    if name == "physical" and value > 100:
        raise ValueError(f"realisasi fisik {format_id(value, None)}% di atas 100%",
                         f"physical progress {value}% is above 100%")
    return value


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Result:
    """The plan with the export's budgets, and what changed."""

    plan: Plan
    added: tuple[Activity, ...]  # kegiatan and sub kegiatan the plan did not have
    budgets: int  # budget records written (new or changed)
    warnings: tuple[Problem, ...]


def apply_export(plan: Plan, export: Export, year: int) -> Result:
    """``plan`` with the year's budgets of every activity in ``export``; :class:`InputError`
    with every problem (an unknown programme, a name missing for a new activity …)."""
    problems: list[Problem] = []
    warnings = list(export.warnings)
    if year not in plan.strategic_plan.years:
        sp = plan.strategic_plan
        raise InputError([problem(
            "SIPD_YEAR_OUTSIDE", f"tahun {year} di luar periode Renstra {sp.start}–{sp.end}",
            f"year {year} is outside the strategic plan's period {sp.start}–{sp.end}",
            file=export.file)])
    lines = export.lines
    programs = {line.code: line for line in lines if line.level == "program"}
    activities = {line.code: line for line in lines if line.level == "activity"}
    subs = [line for line in lines if line.level == "sub_activity"]
    has_subs = {line.activity for line in subs}

    first_of_program: dict[str, Line] = {}
    first_of_activity: dict[str, Line] = {}
    below_program: set[str] = set()
    for line in lines:
        first_of_program.setdefault(line.program, line)
        if line.activity:
            first_of_activity.setdefault(line.activity, line)
        if line.level != "program":
            below_program.add(line.program)

    resolver = _Resolver(plan)
    program_of: dict[str, str] = {}  # SIPD programme code → the plan's
    for code in first_of_program:
        first = programs.get(code) or first_of_program[code]
        name = (programs[code].name if code in programs else None) or first.program_name
        known = resolver.program(code, name)
        if known is None:
            problems.append(problem(
                "SIPD_UNKNOWN_PROGRAM",
                f"program {code}{f' ({name})' if name else ''} tidak ada dalam rencana; tambahkan "
                "program itu (kode atau nama yang sama) di Rencana lebih dulu",
                f"programme {code}{f' ({name})' if name else ''} is not in the plan; add it (the "
                "same code or name) to the plan first", first.place))
        else:
            program_of[code] = known.code

    activity_of: dict[str, str] = {}  # SIPD kegiatan code → the plan's
    leaves: list[tuple[Line, str]] = []  # a line carrying a budget, and its plan activity
    for code in first_of_activity:
        first = activities.get(code) or first_of_activity[code]
        program = program_of.get(first.program)
        if program is None:
            continue
        name = (activities[code].name if code in activities else None) or first.activity_name
        found = resolver.activity(code, name, program, None, first.place, problems)
        if found is None:
            continue
        activity_of[code] = found.code
        if code in activities and code not in has_subs:
            leaves.append((activities[code], found.code))
    for line in subs:
        parent = activity_of.get(line.activity or "")
        program = program_of.get(line.program)
        if parent is None or program is None:
            continue
        found = resolver.activity(line.code, line.name, program, parent, line.place, problems)
        if found is None:
            continue
        leaves.append((line, found.code))
    for line in programs.values():
        if line.code not in below_program:
            warnings.append(problem(
                "SIPD_PROGRAM_WITHOUT_ACTIVITIES",
                f"program {line.code} tanpa kegiatan di berkas: anggarannya tidak diimpor "
                "(anggaran dicatat per kegiatan/sub kegiatan)",
                f"programme {line.code} has no kegiatan in the file: its budget is not imported "
                "(budgets are kept per kegiatan/sub kegiatan)", line.place,
                severity=Severity.WARNING))
    warnings.extend(_totals(lines))
    if problems:
        raise InputError(problems + warnings)

    budgets = list(plan.budgets)
    index = {(b.activity, b.year): i for i, b in enumerate(budgets)
             if b.quarter is None and b.month is None}
    changed = 0
    for line, activity in leaves:
        old = budgets[index[(activity, year)]] if (activity, year) in index else None
        new = old or Budget(activity, year)
        given: dict[str, Any] = dict(line.amounts)
        new = replace(new, **given)
        if line.source_of_funds:
            new = replace(new, source_of_funds=line.source_of_funds)
        if new == old:
            continue
        changed += 1
        if old is None:
            index[(activity, year)] = len(budgets)
            budgets.append(new)
        else:
            budgets[index[(activity, year)]] = new
    added = tuple(resolver.made.values())
    result = replace(plan, activities=plan.activities + added, budgets=tuple(budgets))
    return Result(result, added, changed, tuple(warnings))


class _Resolver:
    """The plan's programme or activity for a SIPD code: the same code, else the same name
    (one only) under the same parent; an activity found nowhere is made (with SIPD's name)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.programs_by_name: dict[str, list[Program]] = {}
        for program in plan.programs:
            self.programs_by_name.setdefault(normal_name(program.name), []).append(program)
        self.children: dict[tuple[str, str | None, str], list[Activity]] = {}
        for activity in plan.activities:
            key = (activity.program, activity.parent, normal_name(activity.name))
            self.children.setdefault(key, []).append(activity)
        self.made: dict[str, Activity] = {}

    def program(self, code: str, name: str | None) -> Program | None:
        found = self.plan.program_by_code.get(code)
        if found is None and name:
            named = self.programs_by_name.get(normal_name(name), [])
            found = named[0] if len(named) == 1 else None
        return found

    def activity(self, code: str, name: str | None, program: str, parent: str | None,
                 place: Place, problems: list[Problem]) -> Activity | None:
        found = self.plan.activity_by_code.get(code) or self.made.get(code)
        if found is not None:
            if found.program != program or found.parent != parent:
                where = found.parent or found.program
                problems.append(problem(
                    "SIPD_ACTIVITY_ELSEWHERE",
                    f"{code} ada dalam rencana di bawah {where}, bukan di bawah "
                    f"{parent or program} seperti di SIPD",
                    f"{code} is in the plan under {where}, not under {parent or program} as in "
                    "SIPD", place))
                return None
            return found
        if name:
            named = self.children.get((program, parent, normal_name(name)), [])
            if len(named) == 1:
                return named[0]
        if not name:
            what = "sub kegiatan" if parent else "kegiatan"
            problems.append(problem(
                "SIPD_MISSING_NAME",
                f"{what} {code} belum ada dalam rencana dan berkas tidak memberi namanya",
                f"{what} {code} is not in the plan and the file does not give its name", place))
            return None
        made = Activity(code=code, name=name, program=program, parent=parent)
        self.made[code] = made
        return made


def _totals(lines: Sequence[Line]) -> Iterator[Problem]:
    """A programme's or kegiatan's row whose amounts differ from the sums of its rows below
    (a programme's kegiatan rows, or its sub kegiatan rows when the file has no kegiatan row)."""
    below: dict[tuple[str, str], list[Line]] = {}  # (parent code, level below) → lines
    for line in lines:
        if line.level == "activity":
            below.setdefault((line.program, "activity"), []).append(line)
        elif line.level == "sub_activity":
            below.setdefault((line.activity or "", "sub_activity"), []).append(line)
            below.setdefault((line.program, "sub_activity"), []).append(line)
    for line in lines:
        if line.level == "sub_activity":
            continue
        parts = below.get((line.code, "activity" if line.level == "program" else "sub_activity"))
        if not parts and line.level == "program":
            parts = below.get((line.code, "sub_activity"))
        if not parts:
            continue
        for name in ("ceiling", "ceiling_original", "spent"):
            if name not in line.amounts:
                continue
            total = sum((other.amounts.get(name, Decimal(0)) for other in parts), Decimal(0))
            if total != line.amounts[name]:
                yield problem(
                    "SIPD_TOTAL_MISMATCH",
                    f"{line.code}: {format_id(line.amounts[name], None)} tidak sama dengan "
                    f"jumlah baris di bawahnya ({format_id(total, None)}); yang diimpor angka "
                    "baris-baris itu",
                    f"{line.code}: {line.amounts[name]} is not the sum of the rows below it "
                    f"({total}); their figures are imported", line.places.get(name, line.place),
                    severity=Severity.WARNING)


def import_sipd(plan: Plan, path: Path, year: int, limits: Limits = Limits(),
                name: str | None = None) -> Result:
    """Read the export at ``path`` and apply it to ``plan`` for ``year``."""
    return apply_export(plan, read_export(path, limits, name), year)
