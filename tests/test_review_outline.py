"""The outline an LKjIP must follow (PermenPAN-RB 53/2014): chapters, their parts, the annexes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.report import build_report, write_document
from sakip.review.findings import Finding, Severity
from sakip.review.report import review_report, review_text
from tests.report_helpers import YEAR

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_bb86155ac535db3a.txt"
OUTLINE = ("OUTLINE_CHAPTER_MISSING", "OUTLINE_PART_MISSING", "OUTLINE_PK_NOT_ATTACHED")
FILL = ("Uraian ini menjelaskan pelaksanaan tugas dinas selama tahun anggaran berjalan dengan "
        "rinci dan lengkap sebagaimana mestinya. ") * 6  # a paragraph of about 700 characters


def outline(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code in OUTLINE]


def report(**replace: str) -> str:
    """A small report with the whole outline: contents, sistematika, chapters, annexes."""
    parts = {
        "toc": "DAFTAR ISI\n\nIKHTISAR EKSEKUTIF\n\nBAB I PENDAHULUAN\n\nBAB II PERENCANAAN KINERJA"
               "\n\nBAB III AKUNTABILITAS KINERJA\n\nBAB IV PENUTUP\n\nLAMPIRAN",
        "summary": "IKHTISAR EKSEKUTIF",
        "bab1": "BAB I\n\nPENDAHULUAN",
        "background": "1.1 Latar Belakang",
        "duties": "1.2 Tugas dan Fungsi",
        "structure": "1.3 Struktur Organisasi",
        "issues": "1.4 Permasalahan Utama",
        "sistematika": "1.5 Sistematika Penyajian\n\nBab I Pendahuluan\n\nMemuat gambaran umum.\n\n"
                       "Bab II Perencanaan Kinerja\n\nMemuat ringkasan perjanjian kinerja.\n\n"
                       "Bab III Akuntabilitas Kinerja\n\nMemuat capaian kinerja.\n\n"
                       "Bab IV Penutup\n\nMemuat simpulan.",
        "bab2": "BAB 2 PERENCANAAN KINERJA",
        "renstra": "A. Rencana Strategis",
        "pk": "B. Perjanjian Kinerja",
        "bab3": "III. AKUNTABILITAS KINERJA",
        "achievement": "A. Capaian Kinerja Organisasi",
        "budget": "B. Realisasi Anggaran",
        "bab4": "BAB IV PENUTUP",
        "annexes": "LAMPIRAN",
        "annexed_pk": "Lampiran 1. Perjanjian Kinerja Tahun 2020",
    }
    parts.update(replace)
    order = [("toc", False), ("summary", True), ("bab1", False), ("background", True),
             ("duties", True), ("structure", True), ("issues", True), ("sistematika", True),
             ("bab2", False), ("renstra", True), ("pk", True), ("bab3", False),
             ("achievement", True), ("budget", True), ("bab4", True), ("annexes", False),
             ("annexed_pk", True)]
    blocks = ["LAPORAN KINERJA TAHUN 2020"]
    for key, filled in order:
        if parts[key]:
            blocks.append(parts[key])
        if filled:
            blocks.append(FILL)
    return "\n\n".join(blocks) + "\n"


def test_a_report_with_the_whole_outline_has_no_finding():
    assert outline(review_text(report())[1]) == []


def test_a_missing_chapter_is_a_warning_placed_between_its_neighbours():
    [finding] = outline(review_text(report(bab3="", achievement="", budget=""))[1])
    assert finding.code == "OUTLINE_CHAPTER_MISSING"
    assert finding.severity is Severity.WARNING
    assert "Bab III Akuntabilitas Kinerja" in finding.message_id
    assert "setelah 'BAB 2 PERENCANAAN KINERJA'" in finding.location.section
    assert "sebelum 'BAB IV PENUTUP'" in finding.location.section
    # its heading is still in the contents and the sistematika: said, not taken for the chapter
    assert "daftar isi" in finding.message_id


@pytest.mark.parametrize("heading", ["BAB III", "BAB 3", "Bab III: Akuntabilitas Kinerja",
                                     "III. AKUNTABILITAS KINERJA", "BAB III\nAKUNTABILITAS KINERJA"])
def test_the_usual_forms_of_a_chapter_heading_are_recognised(heading):
    assert outline(review_text(report(bab3=heading))[1]) == []


def test_a_chapter_title_without_its_number_is_not_a_chapter_heading():
    found = outline(review_text(report(bab3="AKUNTABILITAS KINERJA"))[1])
    assert [f.code for f in found] == ["OUTLINE_CHAPTER_MISSING"]


def test_chapters_out_of_order_leave_the_misplaced_one_missing():
    text = report(bab2="", renstra="", pk="")
    text = text.replace("BAB IV PENUTUP\n\n" + FILL,
                        "BAB IV PENUTUP\n\n" + FILL + "\n\nBAB II PERENCANAAN KINERJA\n\n" + FILL)
    codes = [(f.code, f.expected) for f in outline(review_text(text)[1])]
    assert ("OUTLINE_CHAPTER_MISSING", "Bab II Perencanaan Kinerja") in codes


@pytest.mark.parametrize(("key", "expected"), [
    ("summary", "Ikhtisar Eksekutif"), ("bab1", "Bab I Pendahuluan"),
    ("bab4", "Bab IV Penutup"), ("annexes", "Lampiran"),
])
def test_each_element_of_the_outline_is_required(key, expected):
    replace = {key: ""}
    if key == "annexes":
        replace["annexed_pk"] = ""
    found = outline(review_text(report(**replace))[1])
    assert [(f.code, f.expected) for f in found] == [("OUTLINE_CHAPTER_MISSING", expected)]


@pytest.mark.parametrize(("key", "expected"), [
    ("background", "latar belakang / gambaran umum organisasi"),
    ("duties", "tugas dan fungsi"), ("structure", "struktur organisasi"),
    ("issues", "isu strategis / permasalahan utama"), ("renstra", "rencana strategis (Renstra)"),
    ("pk", "perjanjian kinerja"), ("achievement", "capaian kinerja organisasi"),
    ("budget", "realisasi anggaran"),
])
def test_a_missing_part_is_a_warning_at_its_chapter(key, expected):
    [finding] = outline(review_text(report(**{key: ""}))[1])
    assert finding.code == "OUTLINE_PART_MISSING" and finding.expected == expected
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(("key", "variant"), [
    ("background", "1.1. GAMBARAN UMUM ORGANISASI"), ("duties", "b. Tugas Pokok"),
    ("structure", "Gambar 1.1 Bagan Susunan Organisasi"), ("issues", "1.3 ISU-ISU STRATEGIS"),
    ("renstra", "2.1 RENSTRA 2018-2023"), ("pk", "2.2 Penetapan Kinerja"),
    ("achievement", "3.1 Pengukuran Kinerja"), ("budget", "3.2 Akuntabilitas Keuangan"),
])
def test_the_usual_variants_of_a_part_heading_are_recognised(key, variant):
    assert outline(review_text(report(**{key: variant}))[1]) == []


def test_a_part_mentioned_only_in_a_sentence_is_missing():
    sentence = "e. pelaksanaan tugas lain yang diberikan oleh bupati sesuai dengan tugas dan fungsinya."
    [finding] = outline(review_text(report(duties=sentence))[1])
    assert finding.expected == "tugas dan fungsi"


def test_annexes_without_the_performance_agreement():
    [finding] = outline(review_text(report(annexed_pk="Lampiran 1. Rencana Kinerja Tahunan"))[1])
    assert finding.code == "OUTLINE_PK_NOT_ATTACHED" and finding.location.section == "Lampiran"


def test_an_extract_without_chapters_is_not_judged_on_its_outline():
    text = "LAPORAN KINERJA TAHUN 2020\n\n| No | Indikator | Target | Realisasi | % Capaian |\n" \
           "| 1 | Persentase PSKS aktif | 85 | 96,36 | 113,36 |\n"
    assert outline(review_text(text)[1]) == []


# --------------------------------------------------------------------------- the real reports

seed_only = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not beside the repo")


@seed_only
def test_the_seed_follows_the_outline():
    assert outline(review_report(SEED)[1]) == []


@seed_only
@pytest.mark.parametrize("delete", ["line", "everywhere"])
def test_deleting_bab_iii_from_the_seed_is_found(delete):
    text = SEED.read_text(encoding="utf-8")
    if delete == "line":
        text = "\n".join(line for line in text.split("\n") if line.strip() != "BAB III")
    else:
        text = text.replace("BAB III", "")
    [finding] = outline(review_text(text)[1])
    assert finding.code == "OUTLINE_CHAPTER_MISSING"
    assert finding.expected == "Bab III Akuntabilitas Kinerja"
    assert "sebelum 'BAB IV'" in finding.location.section


@pytest.fixture(scope="module")
def own_docx(belitung, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outline")
    return write_document(build_report(belitung, YEAR), folder / "lkjip-2020.docx")


def test_sakips_own_report_follows_the_outline(own_docx):
    assert outline(review_report(own_docx)[1]) == []


def test_sakips_own_report_gives_none_of_the_newer_findings(own_docx):
    codes = {"DECIMAL_MARK_MIXED", "THOUSANDS_SEPARATOR_MIXED", "ABSORPTION_PLAIN_MEAN",
             "TEXT_TARGET"}
    assert [f.render() for f in review_report(own_docx)[1] if f.code in codes] == []
