"""The import's fast paths give exactly what the straightforward code gives.

Each column's reader (``cells.column_reader``) takes a short path for common cells; on any raw
value, for every column the workbook declares, it must give what ``cells.read_cell`` gives: the
same value with the same representation, or the same problem.

The census bounds a plain sheet (every cell tag ``<c r="B7" …>``) with one ``findall``
(``census._plain_grid``) instead of walking tag by tag (``census._general_grid``); the same
sheets, plain or not, must get the same bound either way, and the fast path must really be
taken for plain sheets (else the benchmark measures nothing).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.io.workbook import cells, census
from sakip.io.workbook.cells import BadCell, RawValue, column_reader, read_cell
from sakip.io.workbook.choices import labels
from sakip.io.workbook.schema import Column, column_letter
from sakip.io.workbook.sheets import SHEETS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "belitung-2020.xlsx"
LARGE = 10**12


def general(xml: bytes, limit: int = LARGE) -> int:
    """The bound as the census counted it before the fast path: tag by tag."""
    tags = census._PREFIXED_TAG if census._PREFIX.search(xml) else census._TAG
    return census._general_grid(xml, limit, tags)


PLAIN_REST = st.sampled_from(
    ["", ' s="2"', ' s="9" t="n"', ' t="inlineStr"', ' s="1" t="s" cm="1"', " ", ' ph="1"'])
CELL = st.tuples(st.integers(0, 20), st.integers(0, 30_000), PLAIN_REST, st.booleans())


def plain_sheet(cells: list[tuple[int, int, str, bool]]) -> bytes:
    """Cells in rows, in the order given (a row per cell: order and duplicates are free)."""
    parts = []
    for column, row, rest, empty in cells:
        ref = f"{column_letter(column)}{row + 1}"
        body = "/>" if empty else "><v>1</v></c>"
        parts.append(f'<row r="{row + 1}"><c r="{ref}"{rest}{body}</row>')
    return ("<worksheet><cols><col min=\"1\" max=\"2\"/></cols><sheetData>" + "".join(parts)
            + "</sheetData></worksheet>").encode()


@given(st.lists(CELL, max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_plain_sheet_takes_the_fast_path_and_gets_the_general_bound(
        cells: list[tuple[int, int, str, bool]]) -> None:
    xml = plain_sheet(cells)
    assert census._plain_grid(xml) is not None
    assert census.grid_cells(xml, LARGE) == general(xml)


ODD = st.sampled_from([
    '<c r="a1"/>', '<c r="$B$2"/>', '<c r="A01"/>', "<c/>", "<c><v>1</v></c>",
    '<c s="1" r="C3"/>', '<c r="A1" r="D40"/>', '<c r="A1"\tr="E50"/>', "<c r='F6'/>",
    '<c\tr="G7"/>', '<c r="H8" a=" r=1"/>', '<!-- <c r="Z99"> -->', "<c ", '<c r="B2" <',
    '<x:c r="AB12"/>', '<row r="70"/>', "<row>", '<row r="5" r="80">', '<c r="AAAAAA1"/>',
    '<c r="B1234567890"/>', '<c r="C3" s="1">', '<formula1>"a"</formula1>'])


@given(st.lists(st.one_of(CELL.map(lambda cell: plain_sheet([cell]).decode()), ODD),
                max_size=30),
       st.integers(1, 10**7))
@settings(max_examples=500, deadline=None)
def test_any_sheet_gets_the_general_bound_at_any_limit(parts: list[str], limit: int) -> None:
    xml = "".join(parts).encode()
    assert census.grid_cells(xml, limit) == general(xml, limit)  # where counting stops too


def test_pieces_of_a_large_plain_sheet_are_counted_whole() -> None:
    cells = [(column, row, ' s="9" t="n"', False) for row in range(0, 40_000, 3)
             for column in (0, 1, 2)] + [(7, 39_999, "", True)]
    xml = plain_sheet(cells)
    assert len(xml) > 2 * census._PIECE
    assert census._plain_grid(xml) == 40_000 * 8 == general(xml)


def test_every_sheet_of_the_example_takes_the_fast_path() -> None:
    with zipfile.ZipFile(EXAMPLE) as archive:
        sheets = [archive.read(name) for name in archive.namelist()
                  if name.startswith("xl/worksheets/") and name.endswith(".xml")]
    assert sheets
    for xml in sheets:
        assert census._plain_grid(xml) == general(xml)
        assert census._sampled(xml) in (None, general(xml))  # None: small, the plain path's
        assert census.bound(xml, LARGE) == (general(xml), False)


# The usual rests (what Excel, LibreOffice and openpyxl write) and others the sampled path
# leaves to the plain one: an error type, a second r, other quotes or spacing, other attributes.
USUAL_REST = st.sampled_from(['', ' s="2"', ' s="9" t="n"', ' t="inlineStr"', ' s="1" t="s" cm="1"',
                              ' t="str"', ' s="3" t="b"', ' ph="1"', ' vm="2"'])
ERROR_RESTS = (' t="e"', ' s="1" t="e"', " t='e'")
UNUSUAL_REST = st.sampled_from([*ERROR_RESTS, ' r="A1"', " ", ' x="1"',
                                ' t = "n"', ' s="1"  t="n"', ' t="n" s="1"', " s='1'"])


def many_rows(rest: str, rows: int, far: tuple[int, int, str] | None, at: int) -> bytes:
    """A sheet of ``rows`` rows of three cells with ``rest``, and when given one more cell
    (column, row, its rest) written in the middle, after row ``at``."""
    parts = []
    for row in range(1, rows + 1):
        parts.append(f'<row r="{row}">' + "".join(
            f'<c r="{letter}{row}"{rest}><v>1</v></c>' for letter in "ABC") + "</row>")
        if far is not None and row == at:
            column, far_row, far_rest = far
            parts.append(f'<row r="{row}"><c r="{column_letter(column)}{far_row}"{far_rest}/>'
                         "</row>")
    return ("<worksheet><sheetData>" + "".join(parts) + "</sheetData></worksheet>").encode()


@given(USUAL_REST, st.integers(1, 400),
       st.one_of(st.none(), st.tuples(st.integers(0, 40), st.integers(1, 2000),
                                      st.one_of(USUAL_REST, UNUSUAL_REST))),
       st.integers(1, 400))
@settings(max_examples=300, deadline=None)
def test_a_cell_anywhere_is_counted_by_the_sampled_path(
        rest: str, rows: int, far: tuple[int, int, str] | None, at: int) -> None:
    """The sampled path reads cells near the start and the end only: a cell far away written
    in the middle, or one that is not usual, sends the sheet to the plain or general path."""
    xml = many_rows(rest, rows, far, min(at, rows))
    sampled = census._sampled(xml)
    assert sampled is None or sampled == general(xml)
    assert census.grid_cells(xml, LARGE) == general(xml)
    if far is None and len(xml) > 2 * census._SAMPLE:
        assert sampled == general(xml)  # a usual sheet takes it (a small one: the plain path)
    # whether an error value may be there: False or True when every tag was looked at, None
    # (the XML is then searched) for a sheet that is not plain (the second r)
    errors = census.bound(xml, LARGE)[1]
    if far is not None and far[2] in ERROR_RESTS:
        assert errors is True
    else:
        assert errors is (None if far is not None and "r=" in far[2] else False)


def test_a_far_cell_in_the_middle_of_a_large_sheet_is_counted() -> None:
    xml = many_rows(' s="9" t="n"', 3000, (16383, 1048576, ""), 1500)
    assert len(xml) > 10 * census._SAMPLE
    assert census._sampled(xml) is None
    assert census.grid_cells(xml, LARGE) == 1048576 * 16384 == general(xml)
    assert census.grid_cells(xml, 5_000_000) == general(xml, 5_000_000)
    # the search goes up to 3099 for a last row of 3000; a row between is read exactly
    for row in (3001, 3099, 3100, 2999, 30000):
        xml = many_rows(' s="9" t="n"', 3000, (2, row, ""), 1500)
        assert census._sampled(xml) in (None, general(xml))
        assert census.grid_cells(xml, LARGE) == max(row, 3000) * 3 == general(xml)
    assert census._sampled(many_rows("", 3000, (2, 3050, ""), 10)) == 3050 * 3
    # a large sheet is searched for its own farthest row: one row more is outside
    for row, sampled in ((6001, None), (6000, 6000 * 3), (5999, 6000 * 3)):
        xml = many_rows(' s="9" t="n"', 6000, (2, row, ""), 3000)
        assert len(xml) >= census._EXACT_FROM
        assert census._sampled(xml) == sampled
        assert census.grid_cells(xml, LARGE) == max(row, 6000) * 3 == general(xml)


@given(st.integers(1, 10**9), st.integers(1, 10**9))
@settings(max_examples=500, deadline=None)
def test_the_pattern_of_rows_up_to_a_row_matches_exactly_those(top: int, row: int) -> None:
    pattern = re.compile(census._at_most(str(top).encode() + b'"', b"0", b"9", b"1"))
    assert (pattern.fullmatch(f'{row}"'.encode()) is not None) == (row <= top)
    assert pattern.fullmatch(f'0{row}"'.encode()) is None  # a leading zero is not plain


@given(st.integers(0, 26**5), st.integers(0, 26**5))
@settings(max_examples=500, deadline=None)
def test_the_pattern_of_columns_up_to_a_column_matches_exactly_those(
        top: int, column: int) -> None:
    pattern = re.compile(census._at_most(census._column_name(top), b"A", b"Z", b"A"))
    assert census._column_name(column) == column_letter(column).encode()
    assert (pattern.fullmatch(column_letter(column).encode()) is not None) == (column <= top)


# --------------------------------------------------------------------------- cells

COLUMNS = [column for sheet in SHEETS for column in sheet.columns]
LABELS = [text for column in COLUMNS if column.choices is not None
          for text in labels(column.choices)]
FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10**20, 10**20).map(float),
    st.sampled_from([0.0, -0.0, 1.0, 4.0, 5.0, 2020.0, 1899.0, 2201.0, 2020.5, 94.78, 1e15,
                     -1e15, 999999999999999.0, 1e15 - 0.5, 0.1, 1e-7, 123456789012345678.0]),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(float))
TEXTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from([*LABELS, "Ya", "tidak", " Ya ", "TRUE", "1.234,5", "94,78%", "2020",
                              "2020-12", "2020-13-01", "Rp 5.054.687.243,-", "#DIV/0!", "1,234",
                              "a\r\nb", " x ", "\u00a0", "IKU-01; IKU-02", "\x00", "\ud800"]),
    st.sampled_from(LABELS).map(lambda text: f" {text}\t"))
RAW = st.one_of(FLOATS, TEXTS, st.integers(-10**6, 10**6), st.booleans(),
                st.dates().map(lambda d: dt.datetime(d.year, d.month, d.day)),
                st.dates(), st.times())


def outcome(read: object, raw: RawValue) -> tuple[object, ...]:
    try:
        value = read(raw)  # type: ignore[operator]
    except BadCell as bad:
        return ("bad", bad.error.code, bad.error.message_id, bad.error.message_en)
    shown = str(value) if isinstance(value, Decimal) else value  # Decimal("8") vs ("8.0")
    return ("ok", type(value), shown)


@given(st.lists(RAW, min_size=1, max_size=20))
@settings(max_examples=400, deadline=None)
def test_each_column_reader_reads_as_read_cell(raws: list[RawValue]) -> None:
    for column in COLUMNS:
        fast = column_reader(column)
        for raw in raws + raws:  # twice: what a reader remembers must not change the answer
            assert outcome(fast, raw) == outcome(lambda r, c=column: read_cell(c, r), raw), (
                column.key, column.kind, raw)


@given(st.lists(st.one_of(RAW, st.just("")), min_size=1, max_size=20))
@settings(max_examples=300, deadline=None)
def test_each_column_converts_as_its_reader_reads(raws: list[RawValue]) -> None:
    """A whole column at once (``cells.column_values``) gives each cell what the column's
    reader gives, None for an empty cell, or leaves the cell to the reader: always when the
    reader refuses it, and when it is empty in a required column."""
    for column in COLUMNS:
        for cells_of_column in (raws, [raw for raw in raws if isinstance(raw, float)],
                                [raw for raw in raws if isinstance(raw, str)]):
            converted = cells.column_values(column)(cells_of_column)
            assert len(converted) == len(cells_of_column)
            for raw, value in zip(cells_of_column, converted, strict=True):
                read = outcome(column_reader(column), raw)
                if value is cells.UNREAD:
                    assert read[0] == "bad" or (column.required and read[1:] == (
                        type(None), None)), (column.key, raw)
                elif value is None:
                    assert read[1:] == (type(None), None) and not column.required, (
                        column.key, raw)
                else:
                    assert read == outcome(lambda r, v=value: v, raw), (column.key, raw)


def test_the_short_paths_are_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The short paths give the value without read_cell (which is replaced here to fail)."""
    def refuse(column: Column, raw: RawValue) -> None:
        raise AssertionError(f"slow path for {column.kind}: {raw!r}")

    by_kind = {column.kind.name: column for column in COLUMNS if column.minimum is None}
    quarter = next(c for c in COLUMNS if c.minimum == 1 and c.maximum == 4)
    monkeypatch.setattr(cells, "read_cell", refuse)
    assert column_reader(by_kind["TEXT"])(" Rencana  ") == "Rencana"
    assert column_reader(by_kind["CODE"])("IKU-01") == "IKU-01"
    assert str(column_reader(by_kind["DECIMAL"])(80.0)) == "80"
    assert str(column_reader(by_kind["MONEY"])(94.78)) == "94.78"
    assert column_reader(by_kind["YEAR"])(2020.0) == 2020
    assert column_reader(quarter)(4.0) == 4


# --------------------------------------------------------------------------- records


def test_each_record_is_made_as_its_class_makes_it() -> None:
    """``assemble._maker`` sets a dataclass's fields itself: the record is the one the class's
    ``__init__`` makes (equal, same hash, same fields in the same order, a dictionary as
    small), for every record class of the model; a class that does more is made by itself."""
    import dataclasses
    import sys
    import typing

    from sakip.core import model
    from sakip.io.workbook.assemble import _maker

    classes = [value for value in vars(model).values()
               if isinstance(value, type) and dataclasses.is_dataclass(value)]
    assert len(classes) > 20
    for cls in classes:
        maker = _maker(cls)
        assert maker is not cls, cls  # the model's records take the short path
        names = [field.name for field in dataclasses.fields(cls)]
        for values in ([f"{cls.__name__}.{name}" for name in names], list(range(len(names)))):
            made, own = maker(*values), cls(*values)
            assert type(made) is cls and made == own and hash(made) == hash(own)
            fields = list(zip(names, values, strict=True))
            assert list(vars(made).items()) == list(vars(own).items()) == fields
            assert sys.getsizeof(vars(made)) == sys.getsizeof(vars(own))
            if cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
                with pytest.raises(dataclasses.FrozenInstanceError):
                    made.__setattr__(names[0], None)

    @dataclasses.dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    @dataclasses.dataclass
    class Defaulted:
        value: int
        later: list[int] = dataclasses.field(init=False, default_factory=list)

    class Own:
        def __init__(self, value: int) -> None:
            self.value = value * 2

    for cls in (Checked, Defaulted, Own, typing.NamedTuple("Pair", [("a", int)])):
        assert _maker(cls) is cls


# --------------------------------------------------------------------------- the collector


def test_the_collector_is_paused_while_reading_and_resumed_after(tmp_path: Path) -> None:
    import gc

    from sakip.io.heap import collection_paused
    from sakip.io.problems import InputError
    from sakip.io.workbook import import_workbook

    seen: list[bool] = []
    with collection_paused():
        seen.append(gc.isenabled())
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ZeroDivisionError), collection_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()  # resumed after an exception too
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # what was paused by someone else stays paused
    finally:
        gc.enable()
    broken = tmp_path / "rusak.xlsx"  # the example with a cell calamine cannot read
    with zipfile.ZipFile(EXAMPLE) as source, zipfile.ZipFile(broken, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(b"</sheetData>", b'<row r="90"><c r="B90"><f>1</f></c>'
                                    b"</row></sheetData>", 1)
            out.writestr(info, data)
    with pytest.raises(InputError):
        import_workbook(broken)
    assert gc.isenabled()
    assert import_workbook(EXAMPLE).plan.agency.name
    assert gc.isenabled()
