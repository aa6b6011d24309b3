"""A control character in a workbook's text is refused where it is (XLSX_CONTROL_CHARACTER),
by the plan file's rule (sakip.io.limits.CONTROL), never carried into names and reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.io.problems import InputError, Problem
from sakip.io.workbook import import_workbook
from sakip.io.workbook.cells import BadCell, read_table_cell
from sakip.io.workbook.codes import Code
from tests.corpus.xlsx import replace, rewrite

MISSION = "Meningkatkan kualitas"


def problems(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        import_workbook(path)
    return raised.value.problems


@pytest.mark.parametrize("typed, shown", [
    ("_x0000_", "U+0000"),    # the file format's escape for a character XML cannot hold
    ("_x001B_", "U+001B"),
    ("&#1;", "U+0001"),
    ("\x7f", "U+007F"),
    ("\u0085", "U+0085"),
])
def test_a_control_character_in_a_text_cell_is_refused_with_its_place(tmp_path, typed, shown):
    path = rewrite(tmp_path / "buku.xlsx",
                   {"Misi": replace(MISSION, f"Meningkatkan{typed}kualitas")})
    found = problems(path)
    assert [(p.code, p.sheet, p.row, p.column) for p in found] == \
        [(Code.CONTROL_CHARACTER, "Misi", 2, "B (Misi)")]
    assert f"karakter kendali {shown} (posisi 13)" in found[0].message_id
    assert f"control character {shown} (position 13)" in found[0].message_en
    assert shown in found[0].render("en")


def test_tab_and_line_breaks_are_text(tmp_path):
    path = rewrite(tmp_path / "buku.xlsx",
                   {"Misi": replace(MISSION, "Meningkatkan\tkualitas\r\nhidup")})
    plan = import_workbook(path).plan
    assert plan.region.missions[0].text.startswith("Meningkatkan\tkualitas\nhidup")


def test_a_header_with_a_control_character_is_shown_spelled_out(tmp_path):
    path = rewrite(tmp_path / "buku.xlsx", {"Misi": replace("Kode *", "Ko\u0085de *")})
    found = problems(path)
    unknown = next(p for p in found if p.code == "XLSX_UNKNOWN_COLUMN")
    assert "'Ko<U+0085>de *'" in unknown.message_id
    assert "\u0085" not in "".join(p.render() for p in found)


def test_supporting_table_cells_follow_the_same_rule():
    with pytest.raises(BadCell) as raised:
        read_table_cell("13\x00535")
    assert raised.value.error.code is Code.CONTROL_CHARACTER
    assert read_table_cell(" 13.535 ") == "13.535"
