"""A Pemda's own LKjIP (the Bupati's, Wali Kota's, Gubernur's report) is reviewed on its outline:
Bab I describes the region, Bab II presents the RPJMD (sakip/review/report/checks/outline.py)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from benchmarks.generate_region import generate_full_region
from sakip.report import build_report, render, write_document
from sakip.report.region import build_region_report
from sakip.review.report import review_document, review_text
from sakip.review.report.checks.outline import reporting_entity
from sakip.review.report.document import Document, Paragraph, RawTable
from sakip.review.report.readers import read_report
from tests.report_helpers import YEAR
from tests.test_review_outline import outline, report

AGENCY_ONLY = ("tugas dan fungsi", "struktur organisasi", "rencana strategis (Renstra)")
RPJMD_PART = "RPJMD (rencana pembangunan jangka menengah daerah)"
FOREWORD = ("Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya {name} "
            "Tahun 2020 sebagai pertanggungjawaban kinerja selama satu tahun anggaran.")


def with_front(text: str, cover: list[str], foreword: str, signature: list[str]) -> str:
    """The report of :func:`report` under another cover and a signed foreword."""
    front = [*cover, "KATA PENGANTAR", foreword, *signature]
    return text.replace("LAPORAN KINERJA TAHUN 2020", "\n\n".join(front), 1)


def pemda(cover: tuple[str, ...] = ("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2020",
                                    "PEMERINTAH KABUPATEN BELITUNG"),
          name: str = "Laporan Kinerja Instansi Pemerintah (LKjIP) Kabupaten Belitung",
          signer: str = "Bupati Belitung,", **replace: str) -> str:
    """A small Pemda LKjIP: the region on the cover and in the foreword, signed by its head;
    Bab I on the region, Bab II on the RPJMD and the head of region's agreement."""
    parts = {"background": "1.1 Gambaran Umum Daerah", "duties": "", "structure": "",
             "issues": "1.2 Isu Strategis Daerah", "renstra": "2.1 Tujuan dan Sasaran RPJMD",
             "pk": "2.2 Perjanjian Kinerja Bupati Belitung",
             "annexed_pk": "Lampiran 1. Perjanjian Kinerja Bupati Belitung Tahun 2020"}
    parts.update(replace)
    return with_front(report(**parts), list(cover), FOREWORD.format(name=name),
                      ["Tanjungpandan, 31 Maret 2021", signer, "SAHANI SALEH, S.Sos"])


def agency(letterhead: bool = True, **replace: str) -> str:
    """A small agency LKjIP that names its Kabupaten on the cover and the RPJMD in Bab II."""
    parts = {"renstra": "2.1 Rencana Strategis", "pk": "2.2 Keselarasan dengan RPJMD\n\n"
             "RPJMD Kabupaten Belitung menjadi acuan, selaras dengan Renstra.\n\n"
             "2.3 Perjanjian Kinerja",
             "annexed_pk": "Lampiran 1. Perjanjian Kinerja Tahun 2020\n\nPIHAK PERTAMA,\n\n"
                           "Bupati Belitung,"}
    parts.update(replace)
    cover = ["LAPORAN KINERJA TAHUN 2020", "PEMERINTAH KABUPATEN BELITUNG"]
    if letterhead:
        cover.append("DINAS SOSIAL")
    name = "Laporan Kinerja Dinas Sosial Kabupaten Belitung, selaras dengan RPJMD Kabupaten Belitung"
    return with_front(report(**parts), cover, FOREWORD.format(name=name),
                      ["Tanjungpandan, 31 Maret 2021", "Kepala Dinas,", "H. NURMAN SUNANDA, SE., MM"])


def entity(text: str):
    return reporting_entity(review_text(text)[0])


def parts_missing(findings) -> list[str | None]:
    return [f.expected for f in outline(findings) if f.code == "OUTLINE_PART_MISSING"]


# ------------------------------------------------------------------ small documents

def test_a_pemda_report_with_its_outline_has_no_finding():
    assert entity(pemda()).pemda
    assert outline(review_text(pemda())[1]) == []


def test_read_with_the_agency_outline_the_same_report_would_miss_three_parts():
    # the same chapters under an agency's cover and signature: the agency parts are required
    text = with_front(report(background="1.1 Gambaran Umum Daerah", duties="", structure="",
                             renstra="2.1 Tujuan dan Sasaran RPJMD"),
                      ["LAPORAN KINERJA TAHUN 2020", "DINAS SOSIAL KABUPATEN BELITUNG"],
                      FOREWORD.format(name="Laporan Kinerja Dinas Sosial"), ["Kepala Dinas,"])
    assert not entity(text).pemda
    assert parts_missing(review_text(text)[1]) == list(AGENCY_ONLY)


@pytest.mark.parametrize(("cover", "name", "signer"), [
    (("LKjIP KOTA PANGKALPINANG", "TAHUN 2021"), "LKjIP Kota Pangkalpinang", "Wali Kota Pangkalpinang,"),
    (("LAKIP", "PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG", "TAHUN 2020"),
     "LAKIP Pemerintah Provinsi Kepulauan Bangka Belitung", "Gubernur Kepulauan Bangka Belitung,"),
    (("LAPORAN KINERJA", "KABUPATEN BELITUNG", "TAHUN 2020", "Disusun oleh:",
      "Bagian Organisasi Sekretariat Daerah"), "Laporan Kinerja Kabupaten Belitung",
     "Plt. Bupati Belitung,"),
    (("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2020", "PEMERINTAH DAERAH", "KABUPATEN BELITUNG"),
     "laporan ini", "Walikota Belitung"),
])
def test_the_usual_covers_and_signatories_of_a_pemda_report(cover, name, signer):
    text = pemda(cover, name, signer)
    assert entity(text).pemda
    assert outline(review_text(text)[1]) == []


def test_the_region_is_named():
    assert entity(pemda()).region == "Kabupaten Belitung"
    assert entity(pemda(("LKjIP KOTA PANGKALPINANG", "TAHUN 2021"))).region == "Kota Pangkalpinang"


@pytest.mark.parametrize("letterhead", [True, False])
def test_an_agency_report_naming_its_kabupaten_and_the_rpjmd_keeps_the_agency_outline(letterhead):
    # with the Pemda's letterhead over the agency's name, or only the Kabupaten on the cover and
    # the agency named in the foreword and signing it; the PK annex signed by the Bupati
    assert not entity(agency(letterhead)).pemda
    assert outline(review_text(agency(letterhead))[1]) == []
    for key, expected in [("duties", "tugas dan fungsi"), ("structure", "struktur organisasi"),
                          ("renstra", "rencana strategis (Renstra)")]:
        [finding] = outline(review_text(agency(letterhead, **{key: ""}))[1])
        assert finding.expected == expected and "Pemda" not in finding.message_id


def test_the_region_on_the_cover_alone_is_not_enough():
    # the Kabupaten on the cover, but an organisation's chapters and no other sign of a Pemda
    text = with_front(report(), ["LAPORAN KINERJA TAHUN 2020", "KABUPATEN BELITUNG"],
                      "Laporan ini disusun sebagai pertanggungjawaban kinerja tahun 2020.", [])
    found = entity(text)
    assert not found.pemda and found.score < 3
    assert parts_missing(review_text(text.replace("1.2 Tugas dan Fungsi", ""))[1]) == [
        "tugas dan fungsi"]


def test_a_pemda_report_without_its_rpjmd_part_gets_the_pemda_finding():
    [finding] = outline(review_text(pemda(renstra=""))[1])
    assert finding.code == "OUTLINE_PART_MISSING" and finding.expected == RPJMD_PART
    assert "Pemda" in finding.message_id and "Pemda" in finding.message_en
    assert finding.location.section.startswith("Bab II Perencanaan Kinerja")


@pytest.mark.parametrize(("key", "expected"), [
    ("background", "latar belakang / gambaran umum daerah"),
    ("issues", "isu strategis / permasalahan utama"), ("pk", "perjanjian kinerja"),
    ("achievement", "capaian kinerja organisasi"), ("budget", "realisasi anggaran"),
])
def test_each_pemda_part_is_required(key, expected):
    assert parts_missing(review_text(pemda(**{key: ""}))[1]) == [expected]


@pytest.mark.parametrize(("key", "variant"), [
    ("background", "1.1 Kondisi Geografis dan Demografis"), ("issues", "1.2 Aspek Strategis Daerah"),
    ("renstra", "2.1 Rencana Pembangunan Jangka Menengah Daerah 2018-2023"),
])
def test_the_usual_variants_of_a_pemda_part_heading(key, variant):
    assert outline(review_text(pemda(**{key: variant}))[1]) == []


def test_a_pemda_report_without_the_agreement_annexed_and_without_a_chapter():
    [finding] = outline(review_text(pemda(annexed_pk="Lampiran 1. Rencana Kinerja Tahunan"))[1])
    assert finding.code == "OUTLINE_PK_NOT_ATTACHED"
    assert "Kepala Daerah" in finding.message_id and "Pemda" in finding.message_en
    [finding] = outline(review_text(pemda(bab4=""))[1])
    assert finding.code == "OUTLINE_CHAPTER_MISSING" and "Pemda" in finding.message_id


# ------------------------------------------------------------------ Sakip's own reports

@pytest.fixture(scope="module")
def pemda_docx(belitung, tmp_path_factory) -> Path:
    """Sakip's own LKjIP Pemda of the example's region (two agencies, the example one of them)."""
    region, plans = generate_full_region(2, with_plan=belitung)
    path = tmp_path_factory.mktemp("pemda") / "lkjip-pemda-2020.docx"
    path.write_bytes(render(build_region_report(region, plans, YEAR), ".docx"))
    return path


@pytest.fixture(scope="module")
def agency_docx(belitung, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("agency")
    return write_document(build_report(belitung, YEAR), folder / "lkjip-2020.docx")


def edited(document: Document, edit) -> Document:
    """The document with ``edit`` applied to every paragraph and table cell."""
    blocks = [Paragraph(edit(b.text), b.line) if isinstance(b, Paragraph) else
              dataclasses.replace(b, rows=tuple(tuple(edit(c) for c in row) for row in b.rows))
              if isinstance(b, RawTable) else b for b in document.blocks]
    return dataclasses.replace(document, blocks=tuple(blocks))


def test_sakips_own_pemda_report_is_read_as_a_pemda_report(pemda_docx):
    report, findings = review_document(read_report(pemda_docx))
    found = reporting_entity(report)
    assert found.pemda and found.region == "Kabupaten Belitung"
    # Bab I on the region and its strategic issues, Bab II the RPJMD and the PK Kepala Daerah,
    # the PK annexed: no tugas dan fungsi, struktur organisasi or Renstra asked for
    assert outline(findings) == []


def test_sakips_own_pemda_report_without_the_rpjmd_gets_the_pemda_finding(pemda_docx):
    document = edited(read_report(pemda_docx), lambda text: re.sub(
        r"RPJMD|Rencana Pembangunan Jangka Menengah Daerah", "dokumen perencanaan", text))
    report, findings = review_document(document)
    assert reporting_entity(report).pemda
    assert RPJMD_PART in parts_missing(findings)
    assert not set(parts_missing(findings)) & set(AGENCY_ONLY)


def test_sakips_own_agency_report_keeps_the_agency_outline(agency_docx):
    report, findings = review_document(read_report(agency_docx))
    assert not reporting_entity(report).pemda
    assert outline(findings) == []
    document = edited(read_report(agency_docx),
                      lambda text: "" if text == "d. Susunan Organisasi" else text)
    [finding] = outline(review_document(document)[1])
    assert finding.expected == "struktur organisasi" and "Pemda" not in finding.message_en


def test_the_review_names_a_pemda_report_as_the_regions(pemda_docx, agency_docx, capsys):
    """`sakip review` says what it read: the Pemda's own report is the region's (no agency),
    an agency's report stays the agency's."""
    import json

    from sakip.cli.main import main

    main(["review", str(pemda_docx), "--json"])
    subject = json.loads(capsys.readouterr().out)["subject"]
    assert subject["pemda"] is True and subject["agency"] is None
    assert subject["region"] == "Kabupaten Belitung"
    main(["review", str(pemda_docx)])
    assert "Laporan Kinerja Pemerintah Kabupaten Belitung Tahun 2020" in capsys.readouterr().out
    main(["review", str(agency_docx), "--json"])
    subject = json.loads(capsys.readouterr().out)["subject"]
    assert subject["pemda"] is False and subject["agency"]
