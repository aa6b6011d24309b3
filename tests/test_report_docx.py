"""The Word file read back with python-docx: headings, TOC field, tables, pages, pictures."""

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from sakip.report.model import figures_of, tables_of
from tests.report_helpers import by_caption

pytest_plugins = ["tests.report_fixtures"]


@pytest.fixture(scope="module")
def word(rendered):
    return docx.Document(str(rendered["docx"]))


def captions(word) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == "Caption"]


def table_after(word, caption_start: str):
    """The Word table that follows the caption paragraph starting with ``caption_start``."""
    body = word.element.body
    seen = False
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            if docx.text.paragraph.Paragraph(element, word).text.startswith(caption_start):
                seen = True
        elif element.tag == qn("w:tbl") and seen:
            return docx.table.Table(element, word)
    raise AssertionError(f"no table after {caption_start!r}")


def cell_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_chapters_are_real_headings(word):
    level1 = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert level1 == ["KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF", "BAB I\nPENDAHULUAN",
                      "BAB II\nPERENCANAAN DAN PERJANJIAN KINERJA", "BAB III\nAKUNTABILITAS KINERJA",
                      "BAB IV\nPENUTUP", "LAMPIRAN"]
    level2 = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert "3.5 Analisis Efisiensi" in level2 and "1.1 Latar Belakang" in level2
    level3 = [p.text for p in word.paragraphs if p.style.name == "Heading 3"]
    assert level3[0].startswith("Tujuan/Sasaran Strategis 1")


def test_daftar_isi_is_a_word_toc_field(word):
    instructions = [t.text for t in word.element.body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instructions)
    toc = [p.text.split("\t")[0] for p in word.paragraphs if p.style.name.startswith("toc")]
    assert "BAB III AKUNTABILITAS KINERJA" in toc and "3.1 Capaian Kinerja Tahun 2020" in toc
    assert word.settings.element.find(qn("w:updateFields")) is not None


def test_every_table_is_a_word_table_with_its_caption(word, document):
    numbered = [t for t in tables_of(document) if not t.borderless]
    table_captions = [c for c in captions(word) if c.startswith("Tabel")]
    assert table_captions == [f"Tabel {t.number}\n{t.caption}" for t in numbered]
    figure_captions = [c for c in captions(word) if c.startswith("Grafik")]
    assert figure_captions == [f"Grafik {f.number}\n{f.caption}" for f in figures_of(document)]
    signatures = 6  # the foreword, the PK form twice, the RKT, the two measurement forms
    assert len(word.tables) == len(tables_of(document)) + signatures


def caption_field(paragraph) -> tuple[str, str, str]:
    """A caption's text before its field, the field's instruction and its cached result."""
    before, instruction, result, state = "", "", "", "text"
    for run in paragraph._p.iter(qn("w:r")):
        char = run.find(qn("w:fldChar"))
        if char is not None:
            kind = char.get(qn("w:fldCharType"))
            state = {"begin": "code", "separate": "result", "end": "after"}[kind]
            continue
        instr = run.find(qn("w:instrText"))
        if state == "code" and instr is not None:
            instruction += instr.text
        elif state == "result":
            result += "".join(t.text for t in run.iter(qn("w:t")))
        elif state == "text":
            before += "".join(t.text for t in run.iter(qn("w:t")))
    return before, instruction.strip(), result


def test_caption_numbers_are_seq_fields_that_word_would_count_the_same(word, document):
    paragraphs = [p for p in word.paragraphs if p.style.name == "Caption"]
    fields = [caption_field(p) for p in paragraphs]
    expected = ([("Tabel", t.number) for t in tables_of(document) if not t.borderless]
                + [("Grafik", f.number) for f in figures_of(document)])
    found = [(before.split()[0], before.split()[1] + result) for before, _, result in fields]
    assert sorted(found) == sorted(expected)
    counts: dict[str, int] = {}
    for (before, instruction, result), paragraph in zip(fields, paragraphs, strict=True):
        word_label, prefix = before.split()
        assert instruction == f"SEQ {word_label}_{prefix.rstrip('.')} \\* ARABIC", paragraph.text
        name = instruction.split()[1]
        counts[name] = counts.get(name, 0) + 1  # what Word's update of the fields gives
        assert result == str(counts[name]), paragraph.text
    assert {"Tabel_1", "Tabel_3", "Tabel_L", "Grafik_3"} <= set(counts)


def test_what_a_signature_block_signs_is_kept_with_it(word):
    body = list(word.element.body)
    grids = [i for i, e in enumerate(body)
             if e.tag == qn("w:tbl") and "NIP. 196508051994031006" in "".join(e.itertext())]
    assert len(grids) == 6  # the foreword, the PK form twice, the RKT, the measurement forms

    def kept(paragraph) -> bool:
        return paragraph.pPr is not None and paragraph.pPr.keepNext is not None

    for index in grids:
        before = body[index - 1]
        assert before.tag == qn("w:p") and kept(before)
    # the PK form's second signature block: the program table's notes and its total row come along
    spacer, note, program = body[grids[2] - 1], body[grids[2] - 2], body[grids[2] - 3]
    assert kept(spacer) and kept(note) and "".join(note.itertext()).startswith("a) ")
    last_row = program.findall(qn("w:tr"))[-1]
    assert "Jumlah" in "".join(last_row.itertext())
    assert all(kept(p) for p in last_row.iter(qn("w:p")))


def test_key_cells(word, document):
    iku = cell_texts(table_after(word, "Tabel 3.3\n"))
    flat = [cell for row in iku for cell in row]
    assert "1.002,00" in flat and "118,48" in flat and "145,79" in flat and "–a" in flat
    goal1 = cell_texts(table_after(word, "Tabel 3.9\n"))
    assert goal1[-1][-2:] == ["560,24", "Sangat baik"]
    efficiency = cell_texts(table_after(word, "Tabel 3.29"))
    assert efficiency[1][-1] == "480,77"
    number = by_caption(document, "Pengukuran Kinerja Kegiatan").number
    pkk = cell_texts(table_after(word, f"Tabel {number}\n"))
    p1 = next(row for row in pkk if row[0].startswith("Program Pelayanan dan Rehabilitasi"))
    assert p1[-1] == "83,95"
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Realisasi kegiatan ini kurang dari 80% dikarenakan belanja makan, minum dan insentif" in text


def test_header_rows_repeat_and_rows_do_not_split(word):
    iku = table_after(word, "Tabel 3.3\n")
    first = iku.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None
    assert iku.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in iku.rows)
    years = table_after(word, "Tabel 3.6\n")  # two header rows: realisation and achievement by year
    assert [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in years.rows[:3]] == [True, True, False]


def test_a4_portrait_with_landscape_sections(word):
    orientations = [s.orientation for s in word.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT
    assert WD_ORIENT.LANDSCAPE in orientations
    for section in word.sections:
        short, long = sorted((section.page_width.cm, section.page_height.cm))
        assert (round(short, 1), round(long, 1)) == (21.0, 29.7)
        landscape = section.page_width > section.page_height
        assert landscape == (section.orientation == WD_ORIENT.LANDSCAPE)


def test_page_numbers_in_the_footer(word):
    footer = word.sections[0].footer
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    assert word.sections[0].different_first_page_header_footer  # none on the cover
    assert all(s.footer.is_linked_to_previous for s in word.sections[1:])


def test_charts_are_embedded(word, document):
    pictures = word.inline_shapes
    assert len(pictures) == len(figures_of(document))
