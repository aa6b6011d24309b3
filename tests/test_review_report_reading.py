"""Reading reports (text, markdown, DOCX, PDF) and understanding their tables."""

from __future__ import annotations

from decimal import Decimal

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.scales import band_for
from sakip.review.report import labels as L
from sakip.review.report import review_report, review_text
from sakip.review.report.cells import read_cell
from sakip.review.report.document import Paragraph, RawTable
from sakip.review.report.layout import place_tables
from sakip.review.report.readers import ReadError, parse_text, read_report
from sakip.review.report.scales import match_band, scale_from_table
from sakip.review.report.tables import Role, RowKind


# --------------------------------------------------------------------------- a tiny PDF writer
# Text lines and ruled tables in standard Helvetica, so the PDF reader is tested without a
# PDF-making dependency.
def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(lines: list[str], table: list[list[str]] | None = None, text: bool = True) -> bytes:
    """A one-page PDF: ``lines`` from the top, then ``table`` drawn as a ruled grid below them."""
    ops: list[str] = []
    y = 740
    if text:
        for line in lines:
            ops.append(f"BT /F1 11 Tf 60 {y} Td ({_escape(line)}) Tj ET")
            y -= 18
    if table:
        width, height = 110, 20
        top = y - 10
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                x0, y0 = 60 + c * width, top - (r + 1) * height
                ops.append(f"{x0} {y0} {width} {height} re S")
                if text and cell:
                    ops.append(f"BT /F1 9 Tf {x0 + 4} {y0 + 6} Td ({_escape(cell)}) Tj ET")
    if not text:
        ops.append("100 100 200 200 re f")
    content = "\n".join(ops)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            ).encode()
    return out


def tables_of(text: str):
    from sakip.review.report.document import Document

    return [p.table for p in place_tables(Document("x", "text", tuple(parse_text(text))))]


# --------------------------------------------------------------------------- text


def test_tab_rows_form_a_table_across_blank_lines_and_paragraphs_end_it():
    blocks = parse_text("Tabel 1\na\tb\n1\t2\n\n3\t4\nSebuah paragraf.\nx\ty\tz\n")
    assert isinstance(blocks[0], Paragraph)
    assert isinstance(blocks[1], RawTable) and len(blocks[1].rows) == 3
    assert blocks[1].row_lines == (2, 3, 5)
    assert isinstance(blocks[2], Paragraph) and isinstance(blocks[3], RawTable)


def test_after_a_blank_line_a_row_of_another_width_starts_another_table():
    blocks = parse_text("a\tb\n1\t2\n\nx\ty\tz\n")
    assert [len(b.rows) for b in blocks if isinstance(b, RawTable)] == [2, 1]


def test_markdown_pipe_tables_are_read_without_their_separator_row():
    [table] = [b for b in parse_text("| a | **b** |\n|---|---|\n| 1 | 2 |\n") if isinstance(b, RawTable)]
    assert table.rows == (("a", "b"), ("1", "2"))


def test_cells_hold_indonesian_numbers_words_and_refuse_malformed_ones():
    cell = read_cell("54,21% (Indikator negatif)")
    assert cell.first is not None and cell.first.value == Decimal("54.21")
    assert "negatif" in cell.words
    assert [n.value for n in read_cell("88,01 43,91").numbers] == [Decimal("88.01"), Decimal("43.91")]
    assert read_cell("4.463.413.000,-").first.value == Decimal(4463413000)
    assert read_cell("21.500.00").malformed == ("21.500.00",)
    assert read_cell("1.1.1").numbers == () and read_cell("<100").numbers == ()


# --------------------------------------------------------------------------- tables


def test_a_two_row_header_names_each_column_with_its_role_and_year():
    [table] = tables_of(
        "| Indikator Kinerja | Data Awal | Realisasi Kinerja | | Capaian Kinerja | |\n"
        "| | 2018 | 2019 | 2020 | 2019 | 2020 |\n"
        "| Persentase PMKS | 73,85 | 83,89 | 94,78 | 104,86 | 118,48 |\n")
    roles = [(c.role, c.year) for c in table.columns]
    assert roles == [(Role.INDICATOR, None), (Role.BASELINE, 2018), (Role.ACTUAL, 2019),
                     (Role.ACTUAL, 2020), (Role.ACHIEVEMENT, 2019), (Role.ACHIEVEMENT, 2020)]
    assert table.columns[3].header == "Realisasi Kinerja 2020"


def test_budget_headers_and_a_percentage_beside_them_are_recognised():
    [table] = tables_of("| No | Tujuan | Jumlah Indikator | Pagu Anggaran | Realisasi Anggaran | % |\n"
                        "| 1 | A | 2 | 100 | 50 | 50 |\n")
    assert [c.role for c in table.columns][2:] == [Role.COUNT, Role.CEILING, Role.SPENT,
                                                   Role.ABSORPTION]


def test_a_row_holding_two_indicators_is_split_and_a_wrapped_name_is_joined():
    [table] = tables_of(
        "| No | Indikator Kinerja | Target | Realisasi | % Capaian |\n"
        "| 1 | - Indeks Pembangunan Gender (IPG) - Indeks Pemberdayaan Gender (IDG) "
        "| 88,01 43,91 | 88,28 | 100,3 |\n"
        "| 2 | Tujuan: Terpenuhinya hak anak | 75 | 60,9 | 81,2 |\n"
        "| | Sasaran: Meningkatnya kualitas hidup anak | | | |\n"
        "| Jumlah | | | | |\n")
    labels = [(r.label, r.part, r.kind) for r in table.rows]
    assert labels[0] == ("Indeks Pembangunan Gender (IPG)", 0, RowKind.DATA)
    assert labels[1] == ("Indeks Pemberdayaan Gender (IDG)", 1, RowKind.DATA)
    assert table.rows[1].value(table.columns[3]) is None
    assert labels[2][0] == "Tujuan: Terpenuhinya hak anak Sasaran: Meningkatnya kualitas hidup anak"
    assert labels[3][2] is RowKind.TOTAL


def test_a_header_repeated_after_a_page_break_is_dropped():
    [table] = tables_of("| No | Indikator | Target 2020 |\n| 1 | A | 5 |\n\n"
                        "| No | Indikator | Target 2020 |\n| 2 | B | 6 |\n")
    assert [r.label for r in table.rows] == ["A", "B"]


def test_captions_number_tables_and_count_repeated_numbers():
    names = [t.name for t in tables_of("Tabel 3.12\nJudul\n| a | b |\n| 1 | 2 |\nTeks.\n"
                                       "Tabel 3.12\n| a | b |\n| 3 | 4 |\nTeks.\n| c |\n| 5 |\n")]
    assert names == ["Tabel 3.12", "Tabel 3.12 (ke-2, baris 7)", "tabel tanpa nomor (baris 10)"]


# --------------------------------------------------------------------------- names, scales


def test_names_are_the_same_by_their_words_but_not_across_negations_acronyms_or_numbers():
    assert L.same("Persentase PMKS yang tertangani", "Persentase penanganan PMKS yang tertangani")
    assert L.same("Tujuan: Terpenuhi hak anak", "Tujuan: Terpenuhinya hak anak")
    assert not L.same("Indeks Pembangunan Gender (IPG)", "Indeks Pemberdayaan Gender (IDG)")
    assert not L.same("Belanja Langsung", "Belanja Tidak Langsung")
    assert not L.same("Tujuan Strategis 1", "Tujuan Strategis 2")
    assert not L.same("Prevalensi kekerasan terhadap anak", "Prevalensi kekerasan terhadap perempuan")


def test_lower_is_better_is_read_from_a_counted_harm_without_a_response():
    assert L.lower_is_better("Prevalensi kekerasan terhadap anak")
    assert L.lower_is_better("Persentase Kekerasan Dalam Rumah Tangga (KDRT)")
    assert not L.lower_is_better("Persentase penanganan anak korban kekerasan")
    assert not L.lower_is_better("Persentase penurunan PMKS per tahun")


def test_a_reports_scale_table_becomes_a_scale_and_its_labels_are_matched():
    [table] = tables_of("| No | Kategori | Capaian |\n| 1 | Sangat baik | >90 |\n"
                        "| 2 | Baik | 75 - 89,99 |\n| 3 | Kurang | 0 - 74,99 |\n")
    scale = scale_from_table(table, "t")
    assert scale is not None
    assert band_for(scale, Decimal("89.995")).label == "Baik"  # 75 - 89,99 ends before 90
    assert band_for(scale, Decimal("90")).label == "Sangat baik"
    assert match_band(scale, "Sangat Baik").label == "Sangat baik"
    assert match_band(scale, "baik").label == "Baik"
    assert match_band(scale, "data belum muncul") is None


# --------------------------------------------------------------------------- docx, pdf


def _docx(path) -> None:
    document = docx.Document()
    document.add_paragraph("LAPORAN KINERJA TAHUN 2020")
    document.add_paragraph("Tabel 3.12")
    table = document.add_table(rows=4, cols=5)
    values = [["Indikator Kinerja", "Satuan", "Tahun 2020", "", "Capaian Kinerja"],
              ["", "", "Target", "Realisasi", ""],
              ["Persentase penurunan PMKS", "%", "0,5", "5,01", "1002%"],
              ["Persentase PMKS yang tertangani", "%", "80", "94,78", "118,40%"]]
    for row, texts in zip(table.rows, values, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Tahun 2020"
    document.save(str(path))


def test_a_docx_report_is_read_with_merged_cells_given_once(tmp_path):
    path = tmp_path / "lkjip.docx"
    _docx(path)
    [table] = [b for b in read_report(path).blocks if isinstance(b, RawTable)]
    assert table.rows[0] == ("Indikator Kinerja", "Satuan", "Tahun 2020", "", "Capaian Kinerja")
    [finding] = review_report(path)[1]
    assert finding.code == "ROW_ACHIEVEMENT" and finding.expected == "118,48"
    assert "blok ke-" in finding.location.section


def test_a_pdf_with_a_text_layer_is_read_with_its_ruled_tables(tmp_path):
    path = tmp_path / "lkjip.pdf"
    path.write_bytes(pdf(["LAPORAN KINERJA TAHUN 2020", "Tabel 3.19"],
                         [["No", "Indikator Kinerja", "Target %", "Realisasi %", "% Capaian"],
                          ["1", "Persentase PSKS aktif", "85", "96,36", "120,45"]]))
    [finding] = review_report(path)[1]
    assert finding.code == "ROW_ACHIEVEMENT" and finding.location.section == "halaman 1"


def test_unreadable_inputs_raise_a_read_error_in_indonesian(tmp_path):
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(pdf([], text=False))
    with pytest.raises(ReadError, match="lapisan teks"):
        read_report(scanned)
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan zip")
    with pytest.raises(ReadError, match="DOCX"):
        read_report(broken)
    with pytest.raises(ReadError, match="tidak ditemukan"):
        read_report(tmp_path / "tidak-ada.txt")
    with pytest.raises(ReadError, match="tidak didukung"):
        read_report(tmp_path / "x.odt")


def test_review_text_reads_the_year_from_the_title():
    report, _ = review_text("LAPORAN KINERJA TAHUN 2021\n| Indikator | Realisasi |\n| A | 1 |\n")
    assert report.year == 2021


# --------------------------------------------------------------------------- robustness

_TOKENS = st.sampled_from([
    "", "No", "Target", "Realisasi", "% Capaian", "Pagu Anggaran", "Realisasi Anggaran", "%",
    "Jumlah", "Rata-rata", "Selisih", "Tingkat Efisiensi", "Predikat", "Tercapai", "Baik",
    "Indikator Kinerja", "Prevalensi kekerasan", "0", "100", "1.000", "88,01 43,91", "-5,93",
    "21.500.00", "<100", "75 - 89,99", "√", "n/a", "2019", "Realisasi 2020", "Capaian 2019",
    "Target Akhir Renstra (2023)", "Capaian terhadap target akhir", "Indikator negatif",
])
_ROWS = st.lists(st.lists(_TOKENS, min_size=1, max_size=7), min_size=1, max_size=8)
_PROSE = st.sampled_from([
    "", "Tabel 3.1", "Tabel 3.1.", "LAPORAN KINERJA TAHUN 2020",
    "Alokasi anggaran Program X adalah sebesar Rp. 0,- dengan realisasi sebesar Rp. 5,- setara dengan 5%.",
    "- 1) Kegiatan Y dengan alokasi anggaran sebesar Rp. 1.000,- dan realisasi sebesar Rp. 0,- atau 0%.",
    "rata-rata capaian dari 0 (nol) indikator adalah 0%", "dari 0 menjadi 5 atau meningkat 5%.",
    "27 kasus per 0 penduduk dikali 10.000 didapat hasil 3,09",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_ROWS, _PROSE), max_size=6))
def test_no_report_makes_the_review_crash(blocks):
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(block)
        else:
            parts.append("\n".join("\t".join(row) for row in block))
    _, found = review_text("\n\n".join(parts) + "\n")
    assert all(f.code and f.message_id for f in found)


# --------------------------------------------------------------------------- reading as a person reads
# (issue 11): footnote marks, the year a header names, programmes and activities, lampiran
# numbers, "%" columns, continued tables, wrapped cells and lines, places named as printed.


def _errors(text: str, year: int | None = 2020) -> list[str]:
    return [f"{f.code}: {f.message_id}" for f in review_text(text, year)[1]
            if f.severity.value == "error"]


def test_a_footnote_mark_is_not_part_of_a_figure_and_a_marked_dash_is_missing():
    assert read_cell("60,9a").first.value == Decimal("60.9")
    assert read_cell("–b").numbers == () and read_cell("–b").words == "–"
    from sakip.review.report.cells import is_missing
    assert is_missing("–a") and is_missing("-*") and not is_missing("60,9a")
    assert read_cell("(skor 609 = 60,9%).").numbers[-1].value == Decimal("60.9")
    # a member printed "–a" is missing: the total is checked (and found wrong), not skipped
    text = ("LAPORAN KINERJA TAHUN 2020\nTabel 3.1 Anggaran\n"
            "No\tKegiatan\tPagu (Rp)\n1.\tKegiatan A\t100\n2.\tKegiatan B\t–a\n"
            "\tJumlah\t150\n")
    assert any(e.startswith("TOTAL_SUM") for e in _errors(text))
    assert not _errors(text.replace("150", "100"))


FINAL = "\n".join([
    "LAPORAN KINERJA TAHUN 2020", "Tabel 3.19 Capaian terhadap Target Akhir",
    "\t".join(["No", "Indikator Kinerja", "Target 2020", "Realisasi 2020", "Capaian (%)",
               "Target Akhir Renstra 2023", "Capaian 2020 terhadap Target 2023 (%)"]),
    "1.\tIndeks Pembangunan Gender (IPG)\t88,01\t88,28\t100,31\t89,00\t{final}", ""])


def test_the_year_a_header_names_is_the_year_used():
    [table] = tables_of(FINAL.format(final="99,19"))
    column = table.columns[-1]
    assert column.role is Role.FINAL_ACHIEVEMENT and column.year == 2020
    assert column.target_year == 2023
    assert not _errors(FINAL.format(final="99,19"))  # 88,28 / 89,00, not / 88,01
    [error] = _errors(FINAL.format(final="100,31"))
    assert "88,28 / 89,00" in error


LEVELS = """LAPORAN KINERJA TAHUN 2020
Tabel L.2 Program dan Anggaran
No\tProgram\tPagu (Rp)
1.\tProgram Pemberdayaan Kelembagaan Kesejahteraan Sosial\t780.047.000
2.\tProgram Pemenuhan Hak Anak\t161.925.000

Tabel L.7 Realisasi Program dan Kegiatan
Program / Kegiatan\tPagu (Rp)\tRealisasi (Rp)\tSerapan (%)
Program Pemberdayaan Kelembagaan Kesejahteraan Sosial\t780.047.000\t649.815.350\t83,30
Pemberdayaan kelembagaan kesejahteraan sosial\t153.750.000\t144.217.050\t93,80
Kegiatan lain\t626.297.000\t505.598.300\t80,73
Program Pemenuhan Hak Anak\t161.925.000\t124.409.800\t76,83
Pemenuhan hak anak\t161.925.000\t124.409.800\t76,83
Jumlah\t941.972.000\t774.225.150\t82,19
"""


def test_a_programme_and_an_activity_with_the_same_words_are_kept_apart():
    report, findings = review_text(LEVELS, 2020)
    programme = next(r for t in report.tables for r in t.data
                     if r.label.startswith("Program Pemberdayaan"))
    activity = next(r for t in report.tables for r in t.data
                    if r.label.startswith("Pemberdayaan kelembagaan"))
    assert programme.level == "program" and activity.level == "activity"
    assert report.group_of(programme) != report.group_of(activity)
    # the programmes of both tables are still one indicator each
    assert len({report.group_of(r) for t in report.tables for r in t.data
                if r.label.startswith("Program Pemberdayaan")}) == 1
    # the total is the programmes' sum, not programmes and activities together
    assert [f.code for f in findings if f.severity.value == "error"] == []
    wrong = LEVELS.replace("Jumlah\t941.972.000", "Jumlah\t941.972.001")
    assert [e[:9] for e in _errors(wrong)] == ["TOTAL_SUM"]


def test_lampiran_tables_are_numbered():
    [first, second] = tables_of(LEVELS)
    assert first.number == "L.2" and second.number == "L.7"
    assert first.name == "Tabel L.2"


PERCENT = """LAPORAN KINERJA TAHUN 2020
Tabel 3.3 Capaian
No\tIndikator Kinerja\tTarget\tRealisasi\t%
1.\tPersentase PSKS yang aktif\t85\t96,36\t{a}
2.\tPersentase PMKS yang tertangani\t80\t94,78\t118,48
3.\tPersentase anak terlantar yang terlayani\t70\t70\t100,00
"""


def test_a_column_headed_only_percent_beside_target_and_realisation_is_the_achievement():
    [table] = tables_of(PERCENT.format(a="113,36"))
    assert table.columns[-1].role is Role.ACHIEVEMENT
    assert not _errors(PERCENT.format(a="113,36"))
    [error] = _errors(PERCENT.format(a="120,45"))
    assert error.startswith("ROW_ACHIEVEMENT") and "113,36" in error
    # a "%" column that is not realisation over target is left as a percentage
    other = PERCENT.replace("118,48", "12,00").replace("100,00", "7,00").format(a="3,00")
    assert tables_of(other)[0].columns[-1].role is Role.PERCENT


def test_a_capped_achievement_has_its_own_code_naming_the_cap():
    text = PERCENT.format(a="100,00").replace("94,78\t118,48", "94,78\t100").replace(
        "Realisasi\t%", "Realisasi\tCapaian (%)")
    findings = [f for f in review_text(text, 2020)[1] if f.severity.value == "error"]
    assert {f.code for f in findings} == {"ROW_ACHIEVEMENT_CAPPED"}
    first = next(f for f in findings if "PSKS" in (f.location.row or ""))
    assert "dibatasi pada 100%" in first.message_id and "capped at 100%" in first.message_en
    assert first.expected == "113,36"


def test_a_title_over_two_lines_gives_the_year():
    report, _ = review_text("LAPORAN KINERJA\nTAHUN 2019\nDinas Contoh\n")
    assert report.year == 2019


def test_a_table_continued_on_the_next_page_is_one_table():
    from sakip.review.report.readers import PAGE, _join_continued

    header = ("No", "Program / Kegiatan", "Pagu (Rp)")
    first = RawTable((header, ("1.", "Kegiatan A", "100")), 3 * PAGE, (3 * PAGE, 3 * PAGE))
    repeated = RawTable((header, ("2.", "Kegiatan B", "50"), ("", "Jumlah", "150")), 4 * PAGE,
                        (4 * PAGE,) * 3)
    bare = RawTable((("3.", "Kegiatan C", "5"),), 5 * PAGE, (5 * PAGE,))
    [table] = _join_continued([[first], [repeated], [bare]])
    assert len(table.rows) == 6 and table.row_lines[-1] == 5 * PAGE
    understood = place_tables(
        __import__("sakip.review.report.document", fromlist=["Document"]).Document(
            "x", "pdf", (table,)))[0].table
    assert [r.label for r in understood.rows] == ["Kegiatan A", "Kegiatan B", "Jumlah",
                                                  "Kegiatan C"]
    # a paragraph between them (the first table's notes), or another width: two tables
    note = Paragraph("a) catatan", 3 * PAGE + PAGE // 2)
    assert len(_join_continued([[first, note], [repeated]])) == 3
    narrow = RawTable((("x", "1"),), 4 * PAGE, (4 * PAGE,))
    assert len(_join_continued([[first], [narrow]])) == 2


def test_a_word_or_figure_broken_by_a_narrow_cell_is_joined():
    from sakip.review.report.readers import _glue_cells

    blocks = [Paragraph("Jumlah pegawai honorer dan realisasi keuangan.", 1),
              RawTable((("Hono\nrer P", "Keuang\nan (%)", "Realisasi\nKeuangan"),
                        ("3.504.605.44\n0", "12,5\n7", "Kegiatan\nlain")), 2, (2, 2))]
    table = _glue_cells(blocks)[1]
    assert isinstance(table, RawTable)
    assert table.rows[0] == ("HonorerP".replace("rP", "r P"), "Keuangan (%)",
                             "Realisasi\nKeuangan")
    assert table.rows[1] == ("3.504.605.440", "12,5\n7", "Kegiatan\nlain")


def test_a_header_wrapped_in_its_cell_names_its_column_on_one_line():
    text = "LAPORAN KINERJA TAHUN 2020\nTabel 3.1 X\n| No | Indikator | Target | Realisasi |\n" \
           "| 1 | Persentase A | 80 | 90 |\n"
    [table] = tables_of(text)
    wrapped = RawTable((("No", "Indikator\nKinerja", "Target\n2020"), ("1", "A b c", "80")), 1)
    from sakip.review.report.tables import analyse

    understood = analyse(wrapped.rows, (), 1, None, 1, "")
    assert [c.header for c in understood.columns] == ["No", "Indikator Kinerja", "Target 2020"]
    assert table.columns[2].role is Role.TARGET


HTML = """<!doctype html><html><head><title>x</title><style>p {{}}</style></head><body>
<h1>LAPORAN KINERJA TAHUN 2020</h1>
<h2>3.1 Capaian Kinerja Organisasi</h2>
<p class="caption">Tabel 3.3<br>Capaian Indikator</p>
<table><thead><tr><th rowspan="2">No</th><th rowspan="2">Indikator Kinerja</th>
<th colspan="3">Tahun 2020</th></tr>
<tr><th>Target</th><th>Realisasi</th><th>Capaian (%)</th></tr></thead>
<tbody><tr><td>1.</td><td>Prevalensi kekerasan terhadap perempuan<sup>b</sup></td>
<td>85</td><td>96,36</td><td>{capaian}</td></tr>
<tr><td>2.</td><td>Indeks Pemberdayaan Gender (IDG)</td><td>43,91</td><td>&ndash;<sup>a</sup></td>
<td>&ndash;<sup>a</sup></td></tr></tbody></table>
<p>a) Data belum tersedia.</p>
</body></html>"""


def test_an_html_report_is_read_with_spans_given_once_and_footnote_marks_left_out(tmp_path):
    path = tmp_path / "laporan.html"
    path.write_text(HTML.format(capaian="113,36"), encoding="utf-8")
    document = read_report(path)
    [table] = [b for b in document.blocks if isinstance(b, RawTable)]
    assert table.rows[0] == ("No", "Indikator Kinerja", "Tahun 2020", "", "")
    assert table.rows[1] == ("", "", "Target", "Realisasi", "Capaian (%)")
    assert table.rows[2][1] == "Prevalensi kekerasan terhadap perempuan"
    assert table.rows[3][3:] == ("–", "–")
    assert document.headings[1][1] == "3.1 Capaian Kinerja Organisasi"
    [placed] = place_tables(document)
    assert placed.table.number == "3.3"
    assert [c.role for c in placed.table.columns][2:] == [Role.TARGET, Role.ACTUAL,
                                                          Role.ACHIEVEMENT]
    path.write_text(HTML.format(capaian="120,45"), encoding="utf-16")
    [finding] = [f for f in review_report(path)[1] if f.code == "ROW_ACHIEVEMENT"]
    assert finding.location.section == "bagian '3.1 Capaian Kinerja Organisasi'"
    assert finding.location.line is None


def test_pdf_places_name_the_printed_page_and_the_heading():
    from sakip.review.findings import Finding, Location, Severity
    from sakip.review.report import _relocate
    from sakip.review.report.document import Document
    from sakip.review.report.readers import PAGE

    document = Document("x", "pdf", (Paragraph("BAB III AKUNTABILITAS KINERJA", 9 * PAGE + 1),),
                        headings=((9 * PAGE + 1, "BAB III AKUNTABILITAS KINERJA"),))
    finding = Finding("X", Severity.ERROR, Location(table="Tabel 3.3", line=12 * PAGE + 4),
                      "a", "b")
    moved = _relocate(finding, document)
    assert moved.location.line is None
    assert moved.location.section == "bagian 'BAB III AKUNTABILITAS KINERJA', halaman 12"
