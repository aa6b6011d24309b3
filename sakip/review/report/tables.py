"""Understanding a printed table: its header, what each column holds, what each row is.

Columns are recognised by their headers (target / realisasi / capaian; anggaran or pagu /
realisasi / %; selisih; efisiensi; jumlah indikator; predikat / kategori), with the year a
header names. Multi-row headers are combined (a spanning cell covers the cells under it).
Rows are data, totals (jumlah / total), averages (rata-rata), section headings, or fragments
of a cell that wrapped onto the next line; a row holding two indicators ("IPG • IDG" with
"88,01 43,91") is split into one row per indicator.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sakip.review.report import cells as C
from sakip.review.report import labels as L
from sakip.review.report.cells import CellValue


class Role(enum.Enum):
    NO = "no"
    LABEL = "label"
    INDICATOR = "indicator"
    UNIT = "unit"
    TARGET = "target"
    ACTUAL = "actual"
    BASELINE = "baseline"
    ACHIEVEMENT = "achievement"
    FINAL_ACHIEVEMENT = "final_achievement"  # realisation against the plan's final target
    DIFFERENCE = "difference"
    CEILING = "ceiling"
    SPENT = "spent"
    ABSORPTION = "absorption"
    EFFICIENCY = "efficiency"
    COUNT = "count"  # jumlah indikator
    PERCENT = "percent"
    PHYSICAL = "physical"  # realisasi fisik (%): physical progress, not an absorption
    QUANTITY = "quantity"
    VERDICT = "verdict"  # predikat / kategori labels
    TICK = "tick"  # a column per band, ticked
    RANGE = "range"  # "<100", "75 - 89,99"
    NOTE = "note"
    YEAR = "year"
    TEXT = "text"


NUMERIC = frozenset({
    Role.TARGET, Role.ACTUAL, Role.BASELINE, Role.ACHIEVEMENT, Role.FINAL_ACHIEVEMENT,
    Role.DIFFERENCE, Role.CEILING, Role.SPENT, Role.ABSORPTION, Role.EFFICIENCY, Role.COUNT,
    Role.PERCENT, Role.PHYSICAL, Role.QUANTITY,
})
SUMMABLE = frozenset({Role.CEILING, Role.SPENT, Role.COUNT, Role.QUANTITY})
NAMES = frozenset({Role.LABEL, Role.INDICATOR})


class RowKind(enum.Enum):
    DATA = "data"
    TOTAL = "total"
    AVERAGE = "average"
    SECTION = "section"
    FRAGMENT = "fragment"


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: Role
    year: int | None = None
    final: bool = False  # a final-year (target akhir) column
    band: str | None = None  # the band label of a TICK column
    target_year: int | None = None  # "Capaian 2020 terhadap Target 2023": the target's year


@dataclass(frozen=True)
class Row:
    number: int  # 1-based position among the table's body rows
    line: int
    cells: tuple[str, ...]
    values: tuple[CellValue, ...]
    kind: RowKind
    label: str
    part: int | None = None  # index of the indicator when one printed row held several
    level: str | None = None  # "program" | "activity" when the table tells them apart

    def value(self, column: Column) -> C.Number | None:
        if column.index >= len(self.values):
            return None
        return self.values[column.index].first

    def text(self, column: Column) -> str:
        return self.cells[column.index] if column.index < len(self.cells) else ""

    @property
    def negative_mark(self) -> bool:
        return any("negatif" in c.casefold() for c in self.cells)

    @property
    def where(self) -> str:
        return L.display(self.label) if self.label else f"baris {self.number}"


@dataclass(frozen=True)
class Table:
    number: str | None  # "3.12"
    occurrence: int  # 1 for the first table with this number, 2 for the next …
    title: str
    line: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unreliable: frozenset[int] = frozenset()  # columns whose cells wrapped: not used
    notes: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        if self.number is None:
            return f"tabel tanpa nomor (baris {self.line})"
        base = f"Tabel {self.number}"
        return base if self.occurrence == 1 else f"{base} (ke-{self.occurrence}, baris {self.line})"

    def with_role(self, *roles: Role) -> list[Column]:
        return [c for c in self.columns if c.role in roles]

    def find(self, role: Role, year: int | None = None, final: bool | None = None) -> Column | None:
        for column in self.columns:
            if column.role is not role or column.index in self.unreliable:
                continue
            if year is not None and column.year is not None and column.year != year:
                continue
            if final is not None and column.final != final:
                continue
            return column
        return None

    @property
    def body(self) -> list[Row]:
        return [r for r in self.rows if r.kind in (RowKind.DATA, RowKind.TOTAL, RowKind.AVERAGE)]

    @property
    def data(self) -> list[Row]:
        return [r for r in self.rows if r.kind is RowKind.DATA]

    @property
    def numeric(self) -> bool:
        return any(c.role in NUMERIC for c in self.columns)


# --------------------------------------------------------------------------- analysis

_TOTAL = re.compile(
    r"^\s*(jumlah(\s+(total|keseluruhan))?|total(\s+keseluruhan)?|sub\s*-?\s*total|grand\s+total)"
    r"\s*:?\s*$", re.I)
_AVERAGE = re.compile(r"^\s*rata\s*-?\s*rata", re.I)
_TICKS = frozenset({"√", "✓", "✔", "v", "V", "x", "X"})
_FIX = (("realiasi", "realisasi"), ("kineja", "kinerja"), ("relisasi", "realisasi"))


def _norm_header(text: str) -> str:
    low = " ".join(text.casefold().split())
    for wrong, right in _FIX:
        low = low.replace(wrong, right)
    return low


def _numbering_row(row: tuple[str, ...]) -> bool:
    values = [c for c in row if c.strip()]
    if len(values) < 3 or not all(v.strip().isdigit() for v in values):
        return False
    numbers = [int(v) for v in values]
    return numbers[0] in (0, 1) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _year_row(row: tuple[str, ...]) -> bool:
    values = [c for c in row if c.strip()]
    return bool(values) and all(re.fullmatch(r"(19|20)\d\d", v.strip()) for v in values)


def _header_like(row: tuple[str, ...]) -> bool:
    if _numbering_row(row) or _year_row(row):
        return True
    values = [c for c in row if c.strip()]
    if not values:
        return False
    for cell in values:
        if C.is_range(cell) or C.is_marker(cell) or C.is_pure_number(cell):
            return False
        if cell.strip() in _TICKS:
            return False
    return True


def _combine(header: list[tuple[str, ...]], width: int) -> list[str]:
    rows = [list(r) + [""] * (width - len(r)) for r in header]
    for level in range(len(rows) - 1):
        current = rows[level]
        below = rows[level + 1:]
        for index in range(1, width):
            if current[index] or not any(r[index] for r in below):
                continue
            left = index - 1
            while left >= 0 and not current[left]:
                left -= 1
            if left < 0:
                continue
            # the spanning cell covers this one only if the cell under it spans too
            if all(not r[left] for r in below) and level > 0:
                continue
            current[index] = current[left]
    return [" ".join(r[i] for r in rows if r[i]).strip() for i in range(width)]


def _role(header: str) -> tuple[Role, int | None, bool, str | None]:
    low = _norm_header(header)
    years = C.years_in(low)
    year = years[0] if years else None
    words = set(re.findall(r"[a-z%]+", low))
    words.add(re.sub(r"[^a-z%]", "", low))  # a word a narrow PDF column broke: "Satua n"
    money = bool(words & {"anggaran", "belanja", "pagu", "alokasi", "rp"}) or "(rp" in low
    if not low:
        return Role.TEXT, None, False, None
    band = _tick_band(header)
    if band is not None:
        return Role.TICK, None, False, band
    if "efisiensi" in words:
        return Role.EFFICIENCY, year, False, None
    if "selisih" in words:
        return Role.DIFFERENCE, year, False, None
    if "capaian" in words and "akhir" in words:
        return Role.FINAL_ACHIEVEMENT, year, True, None
    if "capaian" in words and target_year(low) not in (None, year):
        return Role.FINAL_ACHIEVEMENT, year, True, None
    if "jumlah indikator" in low:
        return Role.COUNT, None, False, None
    if "fisik" in words:  # before "realisasi" and "%": physical progress, not money
        return Role.PHYSICAL, year, False, None
    if money:
        if "realisasi" in words and ("%" in low or "persentase" in words):
            return Role.ABSORPTION, year, False, None
        if "realisasi" in words:
            return Role.SPENT, year, False, None
        if "%" in low or "serapan" in words or "persentase" in words:
            return Role.ABSORPTION, year, False, None
        return Role.CEILING, year, False, None
    if "serapan" in words:
        return Role.ABSORPTION, year, False, None
    if "capaian" in words:
        return Role.ACHIEVEMENT, year, False, None
    if "target" in words:
        return Role.TARGET, years[-1] if years else None, "akhir" in words, None
    if "realisasi" in words:
        return Role.ACTUAL, year, False, None
    if "data awal" in low or "baseline" in words:
        return Role.BASELINE, year, False, None
    if words & {"predikat", "kategori", "katagori", "kriteria"} or low == "kinerja":
        return Role.VERDICT, None, False, None
    if words & {"ket", "keterangan", "catatan"}:
        return Role.NOTE, None, False, None
    if "satuan" in words:
        return Role.UNIT, None, False, None
    if low in {"tahun", "year"}:
        return Role.YEAR, None, False, None
    if low in {"no", "no.", "nomor", "kode"}:
        return Role.NO, None, False, None
    if "indikator" in words:
        return Role.INDICATOR, None, False, None
    if "%" in low or words & {"persentase", "persen", "rasio"}:
        return Role.PERCENT, year, False, None
    if words & {"tujuan", "sasaran", "program", "kegiatan", "uraian", "jenis", "nama", "urusan"}:
        return Role.LABEL, None, False, None
    return Role.QUANTITY, year, False, None


_AGAINST = re.compile(r"\btarget\b[^0-9]{0,40}?\b((?:19|20)\d\d)\b")


def target_year(header: str) -> int | None:
    """The year of the target a header names: "Capaian 2020 terhadap Target 2023 (%)" → 2023
    (the year printed in a header is the one used, not the report's)."""
    match = _AGAINST.search(header.casefold())
    return int(match.group(1)) if match else None


def _tick_band(header: str) -> str | None:
    match = re.match(r"^\s*((?:[<>]=?|=)\s*\d[\d.,]*|\d[\d.,]*\s*-\s*\d[\d.,]*)\s*%?\s+(.+)$",
                     header)
    if match and C.is_range(match.group(1)) and re.search(r"[A-Za-z]", match.group(2)):
        return match.group(2).strip()
    return None


def analyse(raw_rows: tuple[tuple[str, ...], ...], row_lines: tuple[int, ...], line: int,
            number: str | None, occurrence: int, title: str) -> Table:
    width = max((len(r) for r in raw_rows), default=0)
    rows = [tuple(c.strip() for c in r) + ("",) * (width - len(r)) for r in raw_rows]
    lines = list(row_lines) if len(row_lines) == len(rows) else [line] * len(rows)
    split = 0
    while split < len(rows) and split < 5 and _header_like(rows[split]):
        split += 1
    if split == len(rows):  # nothing but text: a text table, no figures to check
        columns = tuple(Column(i, "", Role.TEXT) for i in range(width))
        text_rows = tuple(
            Row(i + 1, lines[i], r, tuple(C.read_cell(c) for c in r), RowKind.SECTION,
                next((c for c in r if c), ""))
            for i, r in enumerate(rows)
        )
        return Table(number, occurrence, title, line, columns, text_rows)
    header = [r for r in rows[:split] if not _numbering_row(r)]
    names = _combine(header, width) if header else [""] * width
    names = [" ".join(name.split()) for name in names]  # a header wrapped in its cell
    found = _columns(names, rows[split:])
    body = _body(rows[split:], lines[split:], header, found)
    body, unreliable, notes = _fragments(body, found)
    body = _split_parts(body, found)
    body = _levels(body, found)
    return Table(number, occurrence, title, line, tuple(found), tuple(body),
                 frozenset(unreliable), tuple(notes))


def _columns(names: list[str], body: list[tuple[str, ...]]) -> list[Column]:
    columns = []
    for index, name in enumerate(names):
        role, year, final, band = _role(name)
        against = target_year(name) if role in (Role.ACHIEVEMENT, Role.FINAL_ACHIEVEMENT) \
            else None
        columns.append(Column(index, name, role, year, final, band, against))
    # a header over several columns names the first; the text columns after it share its role
    for index, column in enumerate(columns):
        if column.role is Role.TEXT and index > 0 and columns[index - 1].role in NAMES | {Role.NO}:
            cells = [r[index] for r in body if index < len(r) and r[index]]
            if cells and sum(not C.read_cell(c).numbers for c in cells) >= len(cells) / 2:
                previous = columns[index - 1]
                role = previous.role if previous.role in NAMES else Role.LABEL
                columns[index] = Column(index, column.header or previous.header, role)
    # a column of ranges is a scale's bound, whatever its header says
    for index, column in enumerate(columns):
        cells = [r[index] for r in body if index < len(r) and r[index]]
        if cells and sum(C.is_range(c) for c in cells) >= max(1, len(cells) * 2 // 3):
            columns[index] = Column(index, column.header, Role.RANGE)
    roles = {c.role for c in columns}
    if {Role.TARGET, Role.ACTUAL} <= roles and not roles & {Role.CEILING, Role.SPENT}:
        columns = [_achievement_by_contents(c, columns, body) for c in columns]
    if {Role.CEILING, Role.SPENT} <= roles:
        columns = [Column(c.index, c.header, Role.ABSORPTION, c.year) if c.role is Role.PERCENT
                   else c for c in columns]
    return columns


def _achievement_by_contents(column: Column, columns: list[Column],
                             body: list[tuple[str, ...]]) -> Column:
    """A column headed only "%" (or "persen") beside target and realisation is the achievement
    when its figures are, on most rows, realisation over target (either polarity)."""
    if column.role is not Role.PERCENT or _norm_header(column.header).strip("() ") not in (
            "%", "persen", "persentase", "(%)"):
        return column
    target = next(c for c in columns if c.role is Role.TARGET and not c.final)
    actual = next(c for c in columns if c.role is Role.ACTUAL)
    usable = fits = 0
    for cells in body:
        numbers = [C.read_cell(cells[c.index]).first if c.index < len(cells) else None
                   for c in (column, target, actual)]
        printed, t, r = numbers
        if printed is None or t is None or r is None or not t.value:
            continue
        usable += 1
        ratios = (r.value / t.value * 100, (2 * t.value - r.value) / t.value * 100)
        if any(abs(printed.value - x) <= max(abs(x) / 100, Decimal("0.1")) for x in ratios):
            fits += 1
    if usable and fits * 2 >= usable:
        return Column(column.index, column.header, Role.ACHIEVEMENT, column.year or target.year)
    return column


def _label_of(cells: tuple[str, ...], columns: list[Column]) -> str:
    for column in columns:
        if column.role is Role.YEAR and column.index < len(cells) and cells[column.index]:
            return cells[column.index]
    for roles in ({Role.INDICATOR}, {Role.LABEL}, {Role.NO, Role.TEXT, Role.VERDICT}):
        for column in columns:
            if column.role in roles and column.index < len(cells):
                text = L.strip_marker(cells[column.index]) if column.role is not Role.NO \
                    else cells[column.index]
                if text and not C.is_marker(text) and not C.is_pure_number(text) \
                        and not C.is_missing(text):  # a dash names no row ("–": no indicator)
                    return cells[column.index]
    for column in columns:  # a scale table's row spanning its range column ("Belum dapat diukur")
        if column.role is Role.RANGE and column.index < len(cells) and cells[column.index] \
                and not C.read_cell(cells[column.index]).numbers:
            return cells[column.index]
    return ""


def _kind(cells: tuple[str, ...], columns: list[Column]) -> RowKind:
    leading = [c for c in cells if c][:3]
    if any(_TOTAL.match(c) for c in leading):
        return RowKind.TOTAL
    if any(_AVERAGE.match(c) for c in leading):
        return RowKind.AVERAGE
    has_values = any(
        column.index < len(cells) and cells[column.index]
        for column in columns
        if column.role in NUMERIC | {Role.VERDICT, Role.TICK, Role.NOTE, Role.RANGE}
    )
    label = _label_of(cells, columns)
    if not has_values:
        return RowKind.SECTION
    if not label:
        numbers = any(
            C.read_cell(cells[c.index]).numbers for c in columns
            if c.role in NUMERIC and c.index < len(cells)
        )
        if numbers:
            return RowKind.FRAGMENT
    return RowKind.DATA


def _body(rows: list[tuple[str, ...]], lines: list[int], header: list[tuple[str, ...]],
          columns: list[Column]) -> list[Row]:
    header_cells = [[_norm_header(c) for c in h] for h in header]
    result: list[Row] = []
    numeric = any(c.role in NUMERIC for c in columns)
    for cells, line in zip(rows, lines, strict=True):
        if _numbering_row(cells) or _year_row(cells):
            continue
        if _repeats_header(cells, header_cells):
            continue  # the header repeated after a page break
        kind = _kind(cells, columns)
        label = _label_of(cells, columns)
        first = next((c for c in cells if c), "")
        if (kind is RowKind.SECTION and numeric and result
                and result[-1].kind in (RowKind.DATA, RowKind.TOTAL)
                and not cells[0] and not C.is_marker(first) and label):
            previous = result[-1]  # the rest of the previous row's name
            merged = tuple(
                (p + " " + c).strip() if c and columns[i].role in NAMES | {Role.TEXT} else p
                for i, (p, c) in enumerate(zip(previous.cells, cells, strict=True))
            )
            result[-1] = Row(previous.number, previous.line, merged, previous.values,
                             previous.kind, (previous.label + " " + label).strip())
            continue
        if kind in (RowKind.TOTAL, RowKind.AVERAGE):
            label = next(c for c in cells if _TOTAL.match(c) or _AVERAGE.match(c))
        values = tuple(C.read_cell(c) for c in cells)
        result.append(Row(len(result) + 1, line, cells, values, kind, label))
    return result


def _repeats_header(cells: tuple[str, ...], header: list[list[str]]) -> bool:
    filled = [(i, _norm_header(c)) for i, c in enumerate(cells) if c]
    if not filled:
        return False
    for row in header:
        same = sum(1 for i, c in filled if i < len(row) and row[i] == c)
        if same >= max(1, len(filled) * 0.6) and any(not C.read_cell(c).numbers or
                                                     _year_row((c,)) for _, c in filled):
            return True
    return False


def _fragments(rows: list[Row], columns: list[Column]) -> tuple[list[Row], set[int], list[str]]:
    """Rows that only continue a wrapped cell: their text joins the row above; columns whose
    numbers wrapped cannot be read with certainty and are set aside."""
    unreliable: set[int] = set()
    result: list[Row] = []
    for row in rows:
        if row.kind is not RowKind.FRAGMENT or not result:
            result.append(row)
            continue
        previous = result[-1]
        cells = list(previous.cells)
        for column in columns:
            text = row.text(column)
            if not text:
                continue
            if column.role in NUMERIC and C.read_cell(text).numbers:
                unreliable.add(column.index)
            elif not C.read_cell(text).numbers:
                cells[column.index] = (cells[column.index] + " " + text).strip()
        values = tuple(C.read_cell(c) for c in cells)
        result[-1] = Row(previous.number, previous.line, tuple(cells), values, previous.kind,
                         previous.label)
    notes = []
    if unreliable:
        headers = ", ".join(f"'{columns[i].header}'" for i in sorted(unreliable))
        notes.append(f"angka pada kolom {headers} terpotong ke beberapa baris; tidak dibaca")
    return result, unreliable, notes


_PROGRAM = re.compile(r"^\s*(?:[\dIVX]+[.)]?\s*)?program\b", re.I)
_ACTIVITY = re.compile(r"^\s*(?:[\dIVX]+[.)]?\s*)?(?:kegiatan|sub\s*-?\s*kegiatan)\b", re.I)


def _levels(rows: list[Row], columns: list[Column]) -> list[Row]:
    """Programme and activity rows told apart by the table, as a reader does: a row whose name
    ("Program / Kegiatan" column, else its label) reads "Program …" is a programme; in a table
    that also has programme rows, the other data rows are activities ("Pemberdayaan
    kelembagaan kesejahteraan sosial" under "Program Pemberdayaan Kelembagaan Kesejahteraan
    Sosial" is the activity, not the programme). A row with an empty name continues the one
    above (another indicator of the same programme or activity)."""
    label_columns = [c for c in columns if c.role is Role.LABEL]
    names: list[str | None] = []
    previous: str | None = None
    for row in rows:
        name = next((row.text(c) for c in label_columns if row.text(c)), None) \
            if label_columns else row.label
        if name is None and row.kind is RowKind.DATA:
            name = previous
        names.append(name)
        previous = name if row.kind is RowKind.DATA else previous
    def is_program(name: str | None) -> bool:
        return bool(name) and bool(_PROGRAM.match(L.strip_marker(name or "") or name or ""))
    data = [(row, name) for row, name in zip(rows, names, strict=True)
            if row.kind is RowKind.DATA and name]
    programs = sum(is_program(name) for _, name in data)
    mixed = 0 < programs < len(data)
    result = []
    for row, name in zip(rows, names, strict=True):
        level = None
        if row.kind is RowKind.DATA and name:
            if is_program(name):
                level = "program"
            elif mixed or _ACTIVITY.match(L.strip_marker(name) or name):
                level = "activity"
        result.append(replace(row, level=level) if level else row)
    return result


_PART_SPLIT = re.compile(r"\s*(?:•|\n|(?:^|\s)-\s+)\s*")


def _split_parts(rows: list[Row], columns: list[Column]) -> list[Row]:
    """One printed row holding several indicators becomes one row per indicator."""
    result: list[Row] = []
    for row in rows:
        parts = [p for p in _PART_SPLIT.split(row.label) if p.strip()] if row.label else []
        counts = [len(v.numbers) for c, v in zip(columns, row.values, strict=False)
                  if c.role in NUMERIC]
        if row.kind is not RowKind.DATA or len(parts) < 2 or max(counts, default=0) < 2:
            result.append(row)
            continue
        for index, part in enumerate(parts):
            values = []
            for column, value in zip(columns, row.values, strict=False):
                if column.role in NUMERIC:
                    numbers = value.numbers[index:index + 1] if index < len(value.numbers) else ()
                    values.append(CellValue(numbers, value.words if not numbers else "",
                                            value.malformed))
                else:
                    values.append(value)
            cells = tuple(_part_cell(column, cell, part, values[i])
                          for i, (column, cell) in enumerate(zip(columns, row.cells, strict=False)))
            result.append(Row(row.number, row.line, cells, tuple(values), row.kind, part, index))
    return result


def _part_cell(column: Column, cell: str, part: str, value: CellValue) -> str:
    if column.role in NAMES and part in cell:
        return part
    if column.role in NUMERIC:
        first = value.first
        return first.text if first is not None else value.words
    return cell
