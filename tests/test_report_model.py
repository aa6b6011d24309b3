"""The document model: numbering, references, lettered notes, table layout."""

from decimal import Decimal

import pytest

from sakip.report.layout import LayoutError, percentages, place
from sakip.report.model import (
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Document,
    Figure,
    Marker,
    ModelError,
    Paragraph,
    Row,
    Section,
    Span,
    finalize,
    table,
    tables_of,
)


def small(id: str, landscape: bool = False):
    return table(id, f"Tabel {id}", (Column(1), Column(3)), ((Cell("a"), Cell("b")),),
                 [Row((Cell("1"), Cell("x", note="data belum tersedia"))),
                  Row((Cell("2"), Cell("y", note="data belum tersedia"))),
                  Row((Cell("3"), Cell("z", note="lain")))], ("Sumber: BPS",), landscape)


def doc(*chapters: Chapter) -> Document:
    return Document("t", "a", 2020, "id", chapters)


def test_tables_and_figures_are_numbered_per_chapter_and_references_resolved():
    first = Chapter("b1", ChapterKind.BODY, "SATU", "BAB I", sections=(
        Section("s1", "Latar", (small("t1"), Paragraph((Span("lihat "), Span("", ref="t2"))))),
        Section("s2", "Lain", (small("t2"), Figure("g1", "Grafik", b"png")))))
    second = Chapter("b2", ChapterKind.BODY, "DUA", "BAB II", blocks=(small("t3"),),
                     sections=(Section("s3", "Tiga", (Paragraph((Span("", ref="s1"),)),)),))
    annex = Chapter("l", ChapterKind.ANNEX, "LAMPIRAN", prefix="L", number_sections=False,
                    sections=(Section("a1", "Lampiran 1. PK", (small("t4"),)),))
    done = finalize(doc(first, second, annex))
    assert [t.number for t in tables_of(done)] == ["1.1", "1.2", "2.1", "L.1"]
    assert [s.number for s in done.chapters[0].sections] == ["1.1", "1.2"]
    assert done.chapters[2].sections[0].number is None
    reference = done.chapters[0].sections[0].blocks[1]
    assert reference.text == "lihat Tabel 1.2"
    assert done.chapters[1].sections[0].blocks[0].text == "1.1"
    assert done.chapters[0].sections[1].blocks[1].number == "1.1"


def test_a_duplicate_id_or_an_unknown_reference_is_a_bug():
    body = Chapter("b", ChapterKind.BODY, "X", sections=(Section("s", "S", (small("t"), small("t"))),))
    with pytest.raises(ModelError, match="duplicate"):
        finalize(doc(body))
    dangling = Chapter("b", ChapterKind.BODY, "X", blocks=(Paragraph((Span("", ref="nowhere"),)),))
    with pytest.raises(ModelError, match="unknown"):
        finalize(doc(dangling))


def test_cell_notes_become_lettered_table_notes():
    t = small("t")
    markers = [row.cells[1].marker for row in t.rows]
    assert markers == ["a", "a", "b"]
    assert t.notes == ("a) data belum tersedia", "b) lain", "Sumber: BPS")


def test_list_markers():
    assert [Marker.ALPHA.label(i) for i in (1, 2, 26, 27)] == ["a.", "b.", "z.", "aa."]
    assert Marker.PAREN.label(3) == "3)" and Marker.DECIMAL.label(3) == "3."


def test_cells_are_placed_past_row_spans():
    rows = [(Cell("a", rowspan=2), Cell("b"), Cell("c")), (Cell("d"), Cell("e")),
            (Cell("f", colspan=3),)]
    placed = place(rows, 3)
    assert [[col for _, col in row] for row in placed] == [[0, 1, 2], [1, 2], [0]]
    with pytest.raises(LayoutError, match="row 2 fills 2 of 3"):
        place([(Cell("a"), Cell("b"), Cell("c")), (Cell("d"), Cell("e"))], 3)


def test_narrow_columns_get_a_minimum_width():
    t = table("t", "c", (Column(1), Column(40), Column(9)), (), [])
    widths = percentages(t)
    assert widths[0] == Decimal("5.5") and sum(widths) == Decimal("100.0")


def test_a_wide_table_with_a_sentence_is_a_landscape_section():
    lead = Paragraph((Span("Tabel berikut."),))
    assert Section("s", "S", (lead, small("t", landscape=True))).landscape
    assert not Section("s", "S", (lead, small("t"))).landscape
    assert not Section("s", "S", (lead, lead, lead, small("t", landscape=True))).landscape
