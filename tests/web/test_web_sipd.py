"""The SIPD import on the agency's exchange page: checked and shown before saving, saved
through the write path (audit trail, locked years refused), every problem listed, nothing
half-saved."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.web.plans.models import Activity, Budget
from sakip.web.workflow.models import AgencyYear, AuditEntry
from tests.web.world import YEAR

# Belitung's programme P1 and its kegiatan K1.1, found by name under SIPD's codes
EXPORT = """LAPORAN REALISASI ANGGARAN;;;;
Kode;Uraian;Anggaran;Realisasi;Realisasi Fisik (%)
1.06.04;Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial;400.000.000,00;347.943.750,00;
1.06.04.2.01;Pelayanan dan Perlindungan Sosial Lanjut Usia;400.000.000,00;347.943.750,00;97
;JUMLAH;400.000.000,00;347.943.750,00;
"""


def url(world, year=YEAR):
    return reverse("sipd_import", kwargs={"agency": world.a.pk, "year": year})


def upload(text=EXPORT, name="realisasi.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def k11():
    return Budget.objects.get(activity__agency__code="dspppa", activity__code="K1.1", year=YEAR,
                              period=0, month=0)


def test_check_shows_the_changes_and_saves_nothing(world, operator_a):
    before = world.a.__class__.objects.get(pk=world.a.pk).revision
    response = operator_a.post(url(world), {"berkas": upload(), "periksa": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="sipd-changes"' in html and "K1.1" in html and "400.000.000" in html
    assert k11().ceiling == Decimal(389_950_000)
    assert world.a.__class__.objects.get(pk=world.a.pk).revision == before


def test_import_saves_through_the_write_path_with_its_audit_entries(world, operator_a):
    response = operator_a.post(url(world), {"berkas": upload(), "alasan": "DPA perubahan"})
    assert response.status_code == 302
    assert response["Location"] == reverse("budgets", kwargs={"agency": world.a.pk, "year": YEAR})
    budget = k11()
    assert (budget.ceiling, budget.spent, budget.physical) == (
        Decimal(400_000_000), Decimal(347_943_750), Decimal(97))
    entries = AuditEntry.objects.filter(agency=world.a, key__startswith="anggaran:K1.1:2020")
    assert {(e.field, e.new) for e in entries} >= {("ceiling", "400000000"), ("physical", "97")}
    assert all(e.reason == "DPA perubahan" for e in entries)
    assert AuditEntry.objects.filter(agency=world.a, key="impor-sipd:dspppa",
                                     new="realisasi.csv").exists()
    assert not Activity.objects.filter(agency=world.a, code__startswith="1.06").exists()


def test_a_broken_export_lists_every_problem_and_changes_nothing(world, operator_a):
    broken = ("Kode;Uraian;Anggaran;Realisasi\n"
              "1.06.04.2.01;Pelayanan Lansia;empat ratus juta;1\n"
              "1.99.99.2.01;Kegiatan lain;1;1\n")
    response = operator_a.post(url(world), {"berkas": upload(broken)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "SIPD_BAD_NUMBER" in html and "realisasi.csv:2" in html
    assert k11().ceiling == Decimal(389_950_000)
    unknown = operator_a.post(url(world), {"berkas": upload(
        "Kode;Uraian;Anggaran;Realisasi\n1.99.99.2.01;Kegiatan lain;1;1\n")})
    assert unknown.status_code == 400 and "SIPD_UNKNOWN_PROGRAM" in unknown.content.decode()
    wrong = operator_a.post(url(world), {"berkas": upload(name="realisasi.pdf")})
    assert wrong.status_code == 400 and "bukan ekspor SIPD" in wrong.content.decode()


def test_a_locked_year_is_refused(world, operator_a):
    AgencyYear.objects.update_or_create(agency=world.a, year=YEAR,
                                        defaults={"state": "submitted"})
    response = operator_a.post(url(world), {"berkas": upload()})
    assert response.status_code == 403  # the operator may not edit a submitted year
    assert k11().ceiling == Decimal(389_950_000)


def test_the_exchange_page_offers_the_upload_to_the_operator_only(world, operator_a, inspector):
    page = reverse("exchange", kwargs={"agency": world.a.pk, "year": YEAR})
    assert 'id="id_sipd_berkas"' in operator_a.get(page).content.decode()
    assert 'id="id_sipd_berkas"' not in inspector.get(page).content.decode()


def test_the_problems_are_in_english_for_an_english_page(world, operator_a):
    from django.conf import settings

    operator_a.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = operator_a.post(url(world), {"berkas": upload(
        "Kode;Uraian;Anggaran;Realisasi\n1.06.04.2.01;Pelayanan Lansia;banyak;1\n")})
    html = response.content.decode()
    assert response.status_code == 400
    assert "realisasi.csv:2: Anggaran: not a number: &#x27;banyak&#x27;" in html
    assert "[SIPD_BAD_NUMBER]" in html
