"""The working papers of a review as an Inspektorat files them: the KKR's header and team, its
langkah reviu, each finding's kondisi/kriteria/sebab/akibat/rekomendasi, figures as numbers,
print setup, the Catatan Hasil Reviu, and a Pernyataan Telah Direviu qualified only by the
findings the team confirmed."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from sakip.cli.main import main
from sakip.io.plan_file import load_plan
from sakip.review import criteria
from sakip.review.findings import Finding, Location, Severity
from sakip.review.papers import (
    Decision,
    FollowUp,
    Item,
    Subject,
    Team,
    as_review,
    conclusion,
    write_docx,
    write_papers,
    write_statement,
    write_xlsx,
)
from sakip.review.plan import review_plan
from sakip.review.report import review_report

ROOT = Path(__file__).resolve().parent.parent
FAULTY = ROOT / "tests" / "data" / "review" / "faulty-lkjip.md"
EXAMPLE = ROOT / "examples" / "belitung-2020.yaml"
TEAM = Team("700/KKR-12/2021", ("Ani Lestari", "Budi Santoso"), "Citra Dewi", "Dedi Kurnia",
            "Drs. Eko Prasetyo", "196501011990031001", "Tanjung Pandan")
DAY = dt.date(2021, 3, 15)


@pytest.fixture(scope="module")
def report_review() -> tuple[Subject, list[Finding]]:
    report, findings = review_report(FAULTY)
    return Subject(str(FAULTY), "laporan", "Dinas Contoh", "Kabupaten Contoh", report.year,
                   DAY), findings


def main_sheet_rows(path: Path) -> list[tuple[object, ...]]:
    return list(load_workbook(path)["Kertas Kerja Reviu"].iter_rows(values_only=True))


def statement_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_the_xlsx_header_names_the_kkr_subject_period_and_team_with_paraf(tmp_path, report_review):
    subject, findings = report_review
    write_xlsx(tmp_path / "kkr.xlsx", subject, findings, TEAM)
    rows = main_sheet_rows(tmp_path / "kkr.xlsx")
    by_label = {r[0]: r for r in rows if isinstance(r[0], str)}
    assert by_label["Nomor KKR"][3] == "700/KKR-12/2021"
    assert by_label["Subjek"][3] == "Laporan Kinerja Dinas Contoh Kabupaten Contoh Tahun 2020"
    assert by_label["Periode (tahun)"][3] == 2020  # a number, not text
    assert by_label["Tim reviu"][3:6] == ("Nama", "Tanggal", "Paraf")
    assert by_label["Anggota tim"][3] == "Ani Lestari, Budi Santoso"
    assert by_label["Anggota tim"][4] == dt.datetime(2021, 3, 15)
    assert by_label["Ketua tim"][3] == "Citra Dewi"
    assert by_label["Pengendali teknis"][3] == "Dedi Kurnia"
    assert by_label["Jumlah temuan"][3] == len(findings) == 5
    assert by_label["  belum dikonfirmasi"][3] == 5  # no reviewer state: all pending


def test_each_finding_has_kondisi_kriteria_sebab_akibat_rekomendasi_and_location(
        tmp_path, report_review):
    subject, findings = report_review
    write_xlsx(tmp_path / "kkr.xlsx", subject, findings, TEAM)
    rows = main_sheet_rows(tmp_path / "kkr.xlsx")
    header = next(r for r in rows if r[0] == "No")
    assert header[:10] == ("No", "Tingkat", "Kode", "Langkah reviu", "Kondisi", "Kriteria",
                           "Sebab", "Akibat", "Rekomendasi", "Lokasi")
    table = [dict(zip(header, r, strict=True)) for r in rows if isinstance(r[0], int)]
    assert [r["No"] for r in table] == [1, 2, 3, 4, 5]
    wrong = next(r for r in table if r["Kode"] == "ROW_ACHIEVEMENT")
    assert wrong["Langkah reviu"] == "Meneliti kesesuaian capaian dengan target dan realisasi"
    assert "Capaian tercetak 120,45" in wrong["Kondisi"] and "Seharusnya 113,36" in wrong["Kondisi"]
    assert "PermenPAN-RB 53/2014" in wrong["Kriteria"] and "(2T − R)/T" in wrong["Kriteria"]
    assert wrong["Sebab"] == criteria.cause("ROW_ACHIEVEMENT").id
    assert wrong["Akibat"] == criteria.effect("ROW_ACHIEVEMENT").id
    assert wrong["Rekomendasi"].startswith("Memperbaiki angka")
    assert "Tabel 3.1" in wrong["Lokasi"] and "baris teks 12" in wrong["Lokasi"]
    assert wrong["Status"] == "belum dikonfirmasi"


def test_figures_are_numbers_and_the_sheet_prints_landscape_fit_to_width(tmp_path, report_review):
    subject, findings = report_review
    write_xlsx(tmp_path / "kkr.xlsx", subject, findings, TEAM)
    book = load_workbook(tmp_path / "kkr.xlsx")
    sheet = book["Kertas Kerja Reviu"]
    header_row = next(c.row for c in sheet["A"] if c.value == "No")
    columns = {c.value: c.column for c in sheet[header_row]}
    wrong = next(r for r in sheet.iter_rows(min_row=header_row + 1)
                 if r[columns["Kode"] - 1].value == "ROW_ACHIEVEMENT")
    expected, found = wrong[columns["Seharusnya"] - 1], wrong[columns["Tertulis"] - 1]
    assert expected.data_type == "n" and expected.value == pytest.approx(113.36)
    assert found.data_type == "n" and found.value == pytest.approx(120.45)
    assert expected.number_format == "#,##0.00"
    for name in ("Kertas Kerja Reviu", "Langkah Reviu"):
        ws = book[name]
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows
        assert "&P" in ws.oddFooter.center.text
    assert sheet.print_title_rows == f"${header_row}:${header_row}"


def test_the_steps_are_the_checks_that_ran_with_who_result_and_findings(tmp_path, report_review):
    subject, findings = report_review
    write_xlsx(tmp_path / "kkr.xlsx", subject, findings, TEAM)
    steps = list(load_workbook(tmp_path / "kkr.xlsx")["Langkah Reviu"].iter_rows(values_only=True))
    assert steps[0] == ("No", "Langkah reviu", "Dilaksanakan oleh", "Tanggal", "Hasil",
                        "Jumlah temuan", "Nomor temuan", "Paraf")
    by_step = {r[1]: r for r in steps[1:]}
    names = [criteria.STEP_BY_KEY[k].text.id for k in criteria.steps_ran("laporan")]
    assert list(by_step)[:len(names)] == names
    achievement = by_step["Meneliti kesesuaian capaian dengan target dan realisasi"]
    # ROW_ACHIEVEMENT, POLARITY and TRUNCATION are this step's findings
    assert achievement[5] == 3 and achievement[4] == "3 temuan (3 belum dikonfirmasi)"
    assert achievement[2] == "Sakip (pemeriksaan otomatis)"
    arithmetic = by_step[criteria.STEP_BY_KEY["ARITHMETIC"].text.id]
    assert arithmetic[5] == 0 and arithmetic[4].startswith("Sesuai")
    assert "Reviu oleh tim" in list(by_step)[-1]  # the team's own step comes last


def test_a_plan_reviews_steps_are_the_plan_checks(tmp_path):
    plan = load_plan(EXAMPLE)
    findings = review_plan(plan, 2020)
    subject = Subject("belitung-2020.yaml", "rencana", plan.agency.name, plan.region.name, 2020, DAY)
    steps = [s.step.key for s in as_review(subject, findings).steps()]
    assert steps == ["PK", "DATA", "DERIVATION", "ACHIEVEMENT", "LABELS", "CASCADE", "BUDGET",
                     "ARITHMETIC", "CONSISTENCY", "TEAM"]
    budget = next(s for s in as_review(subject, findings).steps() if s.step.key == "BUDGET")
    missing = [n for n, f in enumerate(findings, start=1) if f.code == "PLAN_BUDGET_MISSING"]
    assert set(missing) <= set(budget.items) and len(missing) == 4


def test_the_docx_repeats_its_header_row_and_numbers_its_pages(tmp_path, report_review):
    subject, findings = report_review
    write_docx(tmp_path / "kkr.docx", subject, findings, TEAM)
    document = docx.Document(str(tmp_path / "kkr.docx"))
    findings_table, steps_table, team_table = document.tables
    assert len(findings_table.rows) == len(findings) + 1
    for table in (findings_table, steps_table, team_table):
        assert 'w:tblHeader w:val="true"' in table.rows[0]._tr.xml or "tblHeader" in table.rows[0]._tr.xml
    assert [c.text for c in findings_table.rows[0].cells][3:8] == [
        "Kondisi", "Kriteria", "Sebab", "Akibat", "Rekomendasi"]
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "700/KKR-12/2021" in document.sections[0].header.paragraphs[0].text
    assert document.sections[0].page_width > document.sections[0].page_height
    assert [c.text for c in team_table.rows[0].cells] == ["Peran", "Nama", "Tanggal", "Paraf"]
    assert team_table.rows[2].cells[1].text == "Citra Dewi"


def decided(findings: list[Finding], *decisions: Decision) -> list[Item]:
    return [Item(f, d, reason="bukan kesalahan" if d is Decision.DISMISSED else "",
                 decided_by="Citra Dewi" if d is not Decision.PENDING else "")
            for f, d in zip(findings, decisions, strict=True)]


def test_unconfirmed_findings_leave_the_statement_a_draft_never_unqualified(tmp_path, report_review):
    subject, findings = report_review
    write_statement(tmp_path / "p.docx", subject, findings, TEAM)
    text = statement_text(tmp_path / "p.docx")
    assert "DRAF — MENUNGGU KONFIRMASI: 5 temuan" in text
    assert "Kesimpulan reviu belum dapat ditetapkan" in text
    assert "tidak terdapat kondisi atau hal-hal" not in text
    assert "Inspektur Kabupaten Contoh" in text and "Drs. Eko Prasetyo" in text


def test_the_statement_is_qualified_only_by_confirmed_findings(tmp_path, report_review):
    subject, findings = report_review
    one = decided(findings, Decision.CONFIRMED, *[Decision.DISMISSED] * 4)
    final, text = conclusion(as_review(subject, one))
    assert final and "terdapat 1 hal" in text and "perlu diperbaiki" in text
    none = decided(findings, *[Decision.DISMISSED] * 3, Decision.RESOLVED, Decision.DISMISSED)
    write_statement(tmp_path / "p.docx", subject, none, TEAM)
    text = statement_text(tmp_path / "p.docx")
    assert "tidak terdapat kondisi atau hal-hal" in text and "DRAF" not in text
    mixed = decided(findings, Decision.CONFIRMED, Decision.PENDING, *[Decision.DISMISSED] * 3)
    final, text = conclusion(as_review(subject, mixed))
    assert not final and "terdapat 1 hal" in text  # qualified by the one confirmed, still a draft


def test_the_summary_lists_confirmed_findings_with_answer_and_follow_up(tmp_path, report_review):
    subject, findings = report_review
    items = decided(findings, Decision.CONFIRMED, Decision.PENDING, *[Decision.DISMISSED] * 3)
    items[0] = dataclasses.replace(items[0], answer="Tabel diperbaiki pada revisi 2",
                                   follow_up=FollowUp.CLOSED, follow_up_note="revisi 2 diunggah")
    own = Item(Finding("REVIEWER_FINDING", Severity.WARNING, Location(section="Bab II"),
                       "Renstra tidak dilampirkan.", "Renstra not attached."),
               Decision.CONFIRMED, own=True, author="Ani Lestari",
               kriteria="Lampiran laporan memuat Renstra", rekomendasi="Melampirkan Renstra")
    written = write_papers(tmp_path, subject, [*items, own], TEAM)
    assert [p.name for p in written] == ["kertas-kerja-reviu.xlsx", "kertas-kerja-reviu.docx",
                                         "catatan-hasil-reviu.docx", "pernyataan-telah-direviu.docx"]
    summary = statement_text(tmp_path / "catatan-hasil-reviu.docx")
    assert "CATATAN HASIL REVIU" in summary and "DRAF — 1 temuan" in summary
    assert "Tanggapan OPD: Tabel diperbaiki pada revisi 2" in summary
    assert "Tindak lanjut: selesai: revisi 2 diunggah" in summary
    assert "Renstra tidak dilampirkan." in summary and "Melampirkan Renstra" in summary
    assert "bukan kesalahan" in summary  # the dismissals and their reasons
    rows = main_sheet_rows(tmp_path / "kertas-kerja-reviu.xlsx")
    mine = next(r for r in rows if r[2] == "REVIEWER_FINDING")
    assert mine[3] == "Reviu oleh tim atas hal di luar pemeriksaan otomatis"
    assert mine[5] == "Lampiran laporan memuat Renstra" and "temuan tim (Ani Lestari)" in mine[13]


def emitted_codes() -> set[str]:
    """Every code a check can emit: the first argument of each ``Finding(...)`` (or of a helper
    whose name says it makes one, ``_finding(...)``) in the check modules, and the values of
    their code tables."""
    codes: set[str] = set()
    folders = [ROOT / "sakip" / "review" / "plan", ROOT / "sakip" / "review" / "report" / "checks"]
    pattern = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")
    for folder in folders:
        for path in folder.glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                name = getattr(node.func, "id", "") if isinstance(node, ast.Call) else ""
                if isinstance(node, ast.Call) and "finding" in name.lower():
                    first = node.args[0] if node.args else None
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        codes.add(first.value)
                elif isinstance(node, ast.Dict):
                    codes.update(v.value for v in node.values if isinstance(v, ast.Constant)
                                 and isinstance(v.value, str) and pattern.match(v.value))
    return codes


def test_every_code_a_check_can_emit_has_criteria_or_uses_the_fallback_on_purpose():
    codes = emitted_codes()
    assert {"ROW_ACHIEVEMENT", "ROW_RATIO", "PLAN_PK_TARGET", "PLAN_OVERSPENT"} <= codes
    assert "DECIMAL_MARK_MIXED" in codes  # made by a helper, _finding(...)
    missing = codes - set(criteria.CRITERIA) - criteria.USES_FALLBACK
    assert not missing, f"add these codes to sakip/review/criteria.py: {sorted(missing)}"
    for code, found in criteria.CRITERIA.items():
        assert found.step in criteria.STEP_BY_KEY, code
        for text in (found.kriteria, found.rekomendasi, criteria.cause(code), criteria.effect(code)):
            assert text.id and text.en and text.id != text.en, code
    assert criteria.criterion("NO_SUCH_CODE") is criteria.FALLBACK


def test_the_cli_writes_the_team_into_the_papers(tmp_path, capsys):
    folder = tmp_path / "kkr"
    assert main(["review", str(FAULTY), "--papers", str(folder), "--kkr-number", "KKR-7",
                 "--team-member", "Ani", "--team-member", "Budi", "--team-lead", "Citra",
                 "--supervisor", "Dedi", "--inspector", "Eko", "--inspector-nip", "1965"]) == 1
    assert "catatan-hasil-reviu.docx" in capsys.readouterr().out
    rows = main_sheet_rows(folder / "kertas-kerja-reviu.xlsx")
    by_label = {r[0]: r for r in rows if isinstance(r[0], str)}
    assert by_label["Nomor KKR"][3] == "KKR-7" and by_label["Anggota tim"][3] == "Ani, Budi"
    text = statement_text(folder / "pernyataan-telah-direviu.docx")
    assert "Eko" in text and "NIP. 1965" in text and "DRAF" in text


def test_every_check_module_is_a_named_step():
    from sakip.review.plan import CHECKS as PLAN_CHECKS
    from sakip.review.report import CHECKS as REPORT_CHECKS

    for checks, table in ((PLAN_CHECKS, criteria.PLAN_MODULE_STEPS),
                          (REPORT_CHECKS, criteria.REPORT_MODULE_STEPS)):
        modules = {check.__module__.rsplit(".", 1)[-1] for check in checks}
        assert modules <= set(table), f"name the steps of {sorted(modules - set(table))}"
    assert "OTHER" not in criteria.steps_ran("laporan") + criteria.steps_ran("rencana")
