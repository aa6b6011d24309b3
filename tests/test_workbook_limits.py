"""Pathological workbooks are refused before python-calamine reads them, each with one located
problem and a stable code; a large comment is only bytes. The files are built here from the
Belitung example (nothing large is committed). Speed is measured by
``benchmarks/bench_workbook_scan.py``, not asserted: these tests state the structure that keeps
the scan linear."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sakip.io.problems import InputError, Problem
from sakip.io.workbook import Limits, census, formulas, import_workbook
from sakip.io.workbook.container import _sheet_parts

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "belitung-2020.xlsx"


def build(tmp_path: Path, change: Callable[[bytes], bytes], sheet: str = "Target",
          extra: dict[str, bytes] | None = None) -> Path:
    """The example with one sheet's XML changed and parts added."""
    path = tmp_path / "buku.xlsx"
    with zipfile.ZipFile(EXAMPLE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        member = _sheet_parts(source)[sheet]
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info, change(data) if info.filename == member else data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


def before_end(text: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(b"</sheetData>", text + b"</sheetData>", 1)


def problems(path: Path, limits: Limits | None = None) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        import_workbook(path, limits)
    return raised.value.problems


def only(found: list[Problem], code: str) -> Problem:
    assert [p.code for p in found] == [code], [p.render() for p in found]
    return found[0]


def incompressible(size: int) -> bytes:
    return random.Random(size).randbytes(size // 2).hex().encode()


# --------------------------------------------------------------------------- zip bombs


def test_a_sheet_that_inflates_like_a_zip_bomb_is_refused_naming_it(tmp_path: Path) -> None:
    path = build(tmp_path, before_end(b" " * (20 * 2**20)))
    assert path.stat().st_size < 200_000
    problem = only(problems(path), "XLSX_ZIP_BOMB")
    assert (problem.sheet, problem.file) == ("Target", str(path))
    assert "kali" in problem.message_id and "times" in problem.message_en


def test_any_part_that_inflates_like_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = build(tmp_path, lambda xml: xml, extra={"xl/bom.xml": b"<a>" + b"a" * 2**22 + b"</a>"})
    problem = only(problems(path), "XLSX_ZIP_BOMB")
    assert problem.sheet is None and "xl/bom.xml" in problem.message_id


def test_the_ratio_is_a_setting_and_small_parts_are_not_judged(tmp_path: Path) -> None:
    path = build(tmp_path, before_end(b" " * (2 * 2**20)))
    assert only(problems(path), "XLSX_ZIP_BOMB")
    import_workbook(path, Limits(max_ratio=10_000))  # the spaces are harmless
    import_workbook(build(tmp_path, before_end(b" " * 500_000)))  # under 1 MiB: any ratio


def test_too_much_unpacked_content_is_refused(tmp_path: Path) -> None:
    path = build(tmp_path, before_end(b"<!--" + incompressible(3 * 2**20) + b"-->"))
    problem = only(problems(path, Limits(max_unpacked_bytes=2 * 2**20)), "XLSX_TOO_LARGE")
    assert problem.file == str(path)
    assert Limits().max_unpacked_bytes == 256 * 2**20


# --------------------------------------------------------------------------- grids


@pytest.mark.parametrize("cells", [
    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',  # one far cell: 17 billion from A1
    b'<row r="1048576"><c r="A1048576"><v>1</v></c><c r="XFD1048576"><v>1</v></c></row>',
    b'<row r="9000000"><c r="A9000000"><v>1</v></c></row>',  # beyond any sheet's last row
    b'<row r="3000"><c s="1" r="XFD3000"><v>1</v></c></row>',  # r not the first attribute
    b'<row r="3000"><c r="A1" r="XFD3000"><v>1</v></c></row>',  # calamine reads the last r
    b"<row r=\"3000\"><c a=' r=\"A1\"' r=\"XFD3000\"><v>1</v></c></row>",  # r in a value first
    b"<row r='3000'><c r = 'xfd3000'><v>1</v></c></row>",  # other quotes, spaces, lower case
    b'<x:row r="3000"><x:c r="XFD3000"><x:v>1</x:v></x:c></x:row>',  # a namespace prefix
    b'<row r="3000"><c r="XFD3000" s="1"/></row>',  # no value: counted all the same
    b'<row r="3000"><c r="A9' + b"9" * 5000 + b'"><v>1</v></c></row>',  # an absurd number
])
def test_a_grid_too_large_is_refused_before_it_is_read(tmp_path: Path, cells: bytes) -> None:
    path = build(tmp_path, before_end(cells))
    problem = only(problems(path), "XLSX_TOO_MANY_CELLS")
    assert (problem.sheet, problem.file) == ("Target", str(path))


def test_cells_and_rows_without_a_reference_count_where_calamine_puts_them(tmp_path: Path) -> None:
    wide = b'<row r="2">' + b"<c><v>1</v></c>" * 3000 + b"</row>"
    path = build(tmp_path, lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + wide, 1))
    found = only(problems(path, Limits(max_cells=100_000)), "XLSX_TOO_MANY_CELLS")
    assert "lebih dari 100.000" in found.message_id and "more than 100,000" in found.message_en
    assert census.grid_cells(wide, 10**9) == 2 * 3000
    rows = b"<row><c><v>1</v></c></row>" * 5 + b'<row r="9"><c r="C9"/><c/></row><row><c/></row>'
    assert census.grid_cells(rows, 10**9) == 10 * 4  # A1…A5, C9, D9, then row 10
    assert census.grid_cells(b"<sheetData/>", 10**9) == 0
    odd = b'<row r="2" r="900"><c x:r="B2"/></row><row><c a=\' r="C5"\'/></row>'
    assert census.grid_cells(odd, 10**9) == 901 * 3  # the farthest of every reading


def test_a_cell_inside_a_comment_may_count_but_never_hides_one(tmp_path: Path) -> None:
    assert census.grid_cells(b'<!-- <c r="B2"> --><row r="1"><c r="A1"/></row>', 10**9) == 4
    unclosed = b"<!-- " + b"<c " * 1000 + b'--><row r="7"><c r="E7"><v>1</v></c></row>'
    assert census.grid_cells(unclosed, 10**9) == 7 * 5


def test_counting_stops_once_the_limit_is_passed() -> None:
    xml = b'<row r="1"><c r="A1"/></row><row r="100"><c r="J100"/></row><row r="200"><c r="A200"/>'
    assert census.grid_cells(xml, 50) == 100 * 10


# --------------------------------------------------------------------------- comments, formulas


class RecordingParser:
    """An expat parser that remembers what it was given."""

    def __init__(self, real: object, calls: list[tuple[int, bool]]) -> None:
        object.__setattr__(self, "_real", real)
        object.__setattr__(self, "_calls", calls)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._real, name, value)

    def Parse(self, data: bytes, final: bool = False) -> int:
        self._calls.append((len(data), final))
        return self._real.Parse(data, final)  # type: ignore[attr-defined, no-any-return]


def test_a_large_comment_is_parsed_in_one_pass_and_formulas_still_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    comment = b"<!--" + incompressible(4 * 2**20) + b' <c r="Z9"><f>1</f></c> -->'
    formula = (b'<row r="60"><c r="A60" t="inlineStr"><is><t>IKU-01</t></is></c>'
               b'<c r="B60"><f>1+1</f></c></row>')
    path = build(tmp_path, before_end(comment + formula))
    calls: list[tuple[int, bool]] = []
    create = formulas.expat.ParserCreate
    monkeypatch.setattr(formulas.expat, "ParserCreate",
                        lambda *args, **kwargs: RecordingParser(create(*args, **kwargs), calls))
    found = [p for p in problems(path) if p.code == "XLSX_FORMULA_NO_VALUE"]
    assert [(p.sheet, p.row, p.column) for p in found] == [("Target", 60, "B (Tahun)")]
    with zipfile.ZipFile(path) as archive:
        size = len(archive.read(_sheet_parts(archive)["Target"]))
    assert calls == [(size, True)]  # the whole XML, once: expat scans each token once


def test_a_sheet_without_formulas_is_not_parsed(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(xml: bytes) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(formulas, "scan", refuse)
    path = build(tmp_path, before_end(b"<!--" + incompressible(2**20) + b"-->"))
    assert import_workbook(path).plan.agency.name  # the comment is only bytes


def test_broken_xml_around_a_formula_is_a_damaged_file(tmp_path: Path) -> None:
    path = build(tmp_path, before_end(b'<row r="60"><c r="B60"><f>1+1</f></c></row><row'))
    problem = only(problems(path), "XLSX_CORRUPT")
    assert problem.file == str(path)
