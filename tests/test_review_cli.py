"""``sakip review``: exit status, JSON, and the working papers it writes."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from openpyxl import load_workbook

from sakip.cli.main import main

DATA = Path(__file__).parent / "data" / "review"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "belitung-2020.yaml"


def test_a_clean_report_exits_0(capsys):
    assert main(["review", str(DATA / "clean-lkjip.txt")]) == 0
    out = capsys.readouterr().out
    assert "Tidak ada temuan." in out and "0 kesalahan" in out


def test_a_faulty_report_exits_1_and_lists_its_findings(capsys):
    assert main(["review", str(DATA / "faulty-lkjip.md")]) == 1
    out = capsys.readouterr().out
    for code in ("ROW_ACHIEVEMENT", "POLARITY", "TEXT_ABSORPTION", "TABLE_NUMBER_DUPLICATE",
                 "TRUNCATION"):
        assert code in out


def test_json_output_is_one_object_for_machines(capsys):
    assert main(["review", str(DATA / "faulty-lkjip.md"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["subject"]["year"] == 2020 and data["subject"]["kind"] == "laporan"
    assert data["summary"]["error"] == sum(f["severity"] == "error" for f in data["findings"])
    first = data["findings"][0]
    assert {"code", "severity", "location", "message_id", "message_en", "expected",
            "found"} <= set(first)


def test_english_messages_on_request(capsys):
    main(["--lang", "en", "review", str(DATA / "faulty-lkjip.md")])
    assert "error(s)" in capsys.readouterr().out


def test_input_that_cannot_be_read_exits_2_with_an_indonesian_message(tmp_path, capsys):
    assert main(["review", str(tmp_path / "tidak-ada.docx")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "laporan.odt")]) == 2
    assert "tidak dikenal" in capsys.readouterr().err
    broken = tmp_path / "rusak.yaml"
    broken.write_text("format: sakip-plan/2\nregion: [\n", encoding="utf-8")
    assert main(["review", str(broken)]) == 2


def test_a_plan_is_reviewed_and_its_gaps_give_exit_1(capsys):
    assert main(["review", str(EXAMPLE), "--year", "2020"]) == 1
    out = capsys.readouterr().out
    assert out.count("PLAN_BUDGET_MISSING") == 4
    assert main(["review", str(EXAMPLE), "--year", "2030"]) == 2


def test_working_papers_are_written_and_not_overwritten_without_force(tmp_path, capsys):
    papers = tmp_path / "kkr"
    assert main(["review", str(DATA / "faulty-lkjip.md"), "--papers", str(papers)]) == 1
    book = load_workbook(papers / "kertas-kerja-reviu.xlsx")
    sheet = book["Kertas Kerja Reviu"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "No")
    assert "Catatan reviewer" in header and "Tindak lanjut" in header
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] and str(r[0]).isdigit()]
    assert rows and rows[0][2] and rows[0][4]
    table = docx.Document(str(papers / "kertas-kerja-reviu.docx")).tables[0]
    assert len(table.rows) == len(rows) + 1
    statement = "\n".join(p.text for p in docx.Document(
        str(papers / "pernyataan-telah-direviu.docx")).paragraphs)
    assert "PERNYATAAN TELAH DIREVIU" in statement
    assert "Dinas Contoh" in statement and "tahun 2020" in statement
    assert "perlu diperbaiki" in statement and "Inspektur Kabupaten Contoh" in statement
    capsys.readouterr()
    assert main(["review", str(DATA / "faulty-lkjip.md"), "--papers", str(papers)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["review", str(DATA / "faulty-lkjip.md"), "--papers", str(papers), "--force"]) == 1


def test_a_clean_review_drafts_an_unqualified_statement(tmp_path):
    main(["review", str(DATA / "clean-lkjip.txt"), "--papers", str(tmp_path)])
    statement = "\n".join(p.text for p in docx.Document(
        str(tmp_path / "pernyataan-telah-direviu.docx")).paragraphs)
    assert "tidak terdapat kondisi atau hal-hal" in statement


def test_progress_of_a_long_review_goes_to_stderr_never_into_json(capsys, monkeypatch):
    from sakip.cli import review_cmd

    monkeypatch.setattr(review_cmd, "PROGRESS_AFTER", 0.0)
    assert main(["review", str(DATA / "faulty-lkjip.md"), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["error"] >= 1  # stdout is the JSON alone
    assert "… pemeriksaan " in captured.err and "direviu dalam" in captured.err
    monkeypatch.setattr(review_cmd, "PROGRESS_AFTER", 3600.0)
    main(["review", str(DATA / "faulty-lkjip.md")])
    assert capsys.readouterr().err == ""  # a short review says nothing


def test_an_html_report_is_reviewed(tmp_path, capsys):
    rows = [line.split("\t") for line in
            (DATA / "clean-lkjip.txt").read_text(encoding="utf-8").splitlines()]
    body = "".join(f"<p>{r[0]}</p>" if len(r) == 1 else
                   "<table><tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr></table>"
                   for r in rows if any(r))
    path = tmp_path / "laporan.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    assert main(["review", str(path)]) == 0
    assert "0 kesalahan" in capsys.readouterr().out
    other = tmp_path / "laporan.odt"
    other.write_bytes(b"x")
    assert main(["review", str(other)]) == 2
    assert ".html" in capsys.readouterr().err
