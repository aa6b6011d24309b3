"""The Riwayat pages (docs/web.md, "Workflow and history"): what they show, how, the filters,
paging, the CSV and XLSX downloads, and who may read them."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from sakip.web.workflow import history as history_views
from sakip.web.workflow.history_rows import decimal_of
from sakip.web.workflow.models import AuditEntry
from tests.web.language import english
from tests.web.world import YEAR

AT = datetime(2026, 11, 29, 7, 5, 9, tzinfo=UTC)  # 14:05 in Jakarta (WIB), 15:05 in Makassar


def url(world, name="history", **kwargs):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **kwargs})


def entry(agency, *, year=YEAR, user="operator_a", key="indikator:IKU-01", label="Indikator IKU-01",
          field="name", old=None, new=None, reason="", at=AT, region=None):
    made = AuditEntry.objects.create(
        region=region or agency.region, agency=agency, year=year,
        user=get_user_model().objects.get(username=user) if user else None,
        key=key, label=label, field=field, old=old, new=new, reason=reason)
    AuditEntry.objects.filter(pk=made.pk).update(at=at)  # `at` is auto_now_add
    return made


def table(response) -> str:
    assert response.status_code == 200
    text = response.content.decode()
    return text.split('id="history"', 1)[1].split("</table>", 1)[0] if 'id="history"' in text else ""


def test_year_less_changes_appear_with_the_years_and_other_years_do_not(world, head_a):
    entry(world.a, year=None, key="data-dasar:DS-01", label="Data dasar DS-01", new="Penduduk")
    entry(world.a, year=YEAR, key=f"target:IKU-01:{YEAR}", label="Target tahun ini", new="80")
    entry(world.a, year=YEAR + 1, key=f"target:IKU-01:{YEAR + 1}", label="Target tahun depan", new="85")
    entry(world.b, year=None, key="data-dasar:DS-09", label="Data dasar agency B", new="x")
    shown = table(head_a.get(url(world)))
    assert "Data dasar DS-01" in shown and "Target tahun ini" in shown
    assert "Target tahun depan" not in shown and "agency B" not in shown
    every_year = table(head_a.get(url(world) + "?lingkup=semua"))
    assert "Target tahun depan" in every_year and "Data dasar DS-01" in every_year
    assert "agency B" not in every_year


def test_the_agency_profile_saved_by_the_operator_is_in_the_years_history(world, operator_a):
    response = operator_a.post(url(world, "agency_profile"), {
        "name": world.a.name, "short_name": "DSPPPA", "address": "Jl. Riwayat 1", "phone": "",
        "legal_basis_of_organisation": "", "position_text": "", "task": "", "functions": "a\nb",
        "head_name": "Kepala Baru", "head_title": "Kepala Dinas", "head_rank": "", "head_nip": ""})
    assert response.status_code == 302
    saved = AuditEntry.objects.get(agency=world.a, field="address")
    assert saved.year is None
    shown = table(operator_a.get(url(world)))
    assert "Jl. Riwayat 1" in shown and "Kepala Baru" in shown
    assert "a<br>b" in shown  # a list, one item per line


def test_one_values_history_keeps_every_year(world, head_a):
    entry(world.a, year=YEAR + 1, key="realisasi:IKU-06:2021:0", label="Realisasi 2021", new="61.5")
    entry(world.a, year=None, key="indikator:IKU-06", label="Definisi", new="x")
    shown = table(head_a.get(url(world) + "?kunci=realisasi:IKU-06:2021:0"))
    assert "Realisasi 2021" in shown and "Definisi" not in shown


def test_decimals_are_shown_the_indonesian_way_and_text_as_stored(world, head_a):
    entry(world.a, field="value", old="1234.5", new="5054687243")
    entry(world.a, field="pagu", old="-5.93", new="1002.00")
    entry(world.a, field="kode", old="007", new="IKU-01.2")
    entry(world.a, field="baseline_text", old="ya", new="94.78%")
    shown = table(head_a.get(url(world)))
    for text in ("1.234,5", "5.054.687.243", "-5,93", "1.002,00", "007", "IKU-01.2", "ya", "94.78%"):
        assert f">{text}<" in shown, text
    assert "1234.5" not in shown


def test_a_whole_number_such_as_a_year_is_shown_as_stored(world, head_a):
    entry(world.a, year=None, key="renstra:dspppa", field="start", old="2019", new="2020")
    entry(world.a, year=None, key="indikator:IKU-01", field="baseline.year", old="2018", new="2019")
    shown = table(head_a.get(url(world)))
    assert ">2019<" in shown and ">2018<" in shown and "2.019" not in shown


def test_canonical_decimals_only():
    assert decimal_of("1234.5") == Decimal("1234.5") and decimal_of("-0.50") == Decimal("-0.50")
    for text in (None, "", "007", "1.", ".5", "1e3", "1,5", "+1", "1.234,5", " 1", "IKU-01"):
        assert decimal_of(text) is None, text


def test_full_names_and_the_zone_abbreviation(world, head_a, settings):
    user = get_user_model().objects.get(username="operator_a")
    user.first_name, user.last_name = "Siti", "Rahmawati"
    user.save()
    entry(world.a, new="x")
    entry(world.a, user=None, new="y")  # written without a user (e.g. a command)
    settings.TIME_ZONE = "Asia/Jakarta"
    shown = table(head_a.get(url(world)))
    assert "Siti Rahmawati" in shown and "29-11-2026 14:05 WIB" in shown
    assert 'title="operator_a"' in shown
    settings.TIME_ZONE = "Asia/Makassar"
    assert "29-11-2026 15:05 WITA" in table(head_a.get(url(world)))


def test_the_filters_by_user_and_by_text(world, head_a):
    entry(world.a, user="operator_a", label="Realisasi IKU-02", key="realisasi:IKU-02:2020:0")
    entry(world.a, user="head_a", label="Status 2020", key=f"status:{YEAR}")
    head = get_user_model().objects.get(username="head_a")
    page = head_a.get(url(world) + f"?oleh={head.pk}")
    assert "Status 2020" in table(page) and "Realisasi IKU-02" not in table(page)
    assert f'<option value="{head.pk}" selected>' in page.content.decode()
    for text in ("iku-02", "REALISASI:IKU"):  # label or key, any case
        found = table(head_a.get(url(world) + f"?cari={text}"))
        assert "Realisasi IKU-02" in found and "Status 2020" not in found, text
    nothing = head_a.get(url(world) + "?cari=tidak-ada-apa-apa&oleh=abc&lingkup=%27")
    assert nothing.status_code == 200 and "Tidak ada perubahan yang cocok" in nothing.content.decode()


def many(world, count):
    user = get_user_model().objects.get(username="operator_a")
    AuditEntry.objects.bulk_create(
        AuditEntry(region=world.a.region, agency=world.a, year=YEAR, user=user,
                   key=f"target:X-{i:03d}:{YEAR}", label=f"Baris {i:03d}", field="value", new=str(i))
        for i in range(count))


def test_paging_keeps_the_filters_and_never_fails(world, head_a):
    many(world, 250)
    first = head_a.get(url(world) + "?cari=Baris")
    assert table(first).count("<tr>") == 1 + 100
    text = first.content.decode()
    assert "Perubahan 1–100 dari 250" in text and "halaman 1 dari 3" in text
    assert "?cari=Baris&amp;halaman=2" in text and "?cari=Baris&amp;halaman=3" in text
    last = head_a.get(url(world) + "?cari=Baris&halaman=3")
    assert table(last).count("<tr>") == 1 + 50 and "Baris 000" in table(last)
    for bad, number in (("abc", 1), ("0", 3), ("-1", 3), ("999999999999999999999", 3), ("", 1),
                        ("2.5", 1)):
        response = head_a.get(url(world) + f"?cari=Baris&halaman={bad}")
        assert response.status_code == 200, bad
        assert f"halaman {number} dari 3" in response.content.decode(), bad


def formula_rows(world):
    entry(world.a, key="narasi:1", label="=HYPERLINK(\"http://x\")", field="text",
          old="+62 812", new="@SUM(A1)", reason="-2+3")
    entry(world.a, key="target:IKU-01:2020", label="Target IKU-01", field="value",
          old="1234.5", new="-5.93")
    entry(world.a, year=YEAR + 1, key="target:IKU-01:2021", label="Tahun lain", new="1")


def test_the_csv_is_the_filtered_list_for_excel_with_formulas_neutralised(world, head_a):
    formula_rows(world)
    response = head_a.get(url(world, "history_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="riwayat-dspppa-{YEAR}.csv"'
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Waktu (Asia/Jakarta)" and len(rows) == 3  # header, two rows of 2020
    by_key = {r[5]: r for r in rows[1:]}
    text = by_key["narasi:1"]
    assert text[4] == "'=HYPERLINK(\"http://x\")" and text[7] == "'+62 812"
    assert text[8] == "'@SUM(A1)" and text[9] == "'-2+3"
    number = by_key["target:IKU-01:2020"]
    assert number[7:9] == ["1234,5", "-5,93"]  # numbers for an Indonesian Excel, not text
    assert number[0] == "2026-11-29 14:05:09" and number[1] == str(YEAR)
    assert number[2] == "operator_a" and number[3] == "operator_a"
    filtered = head_a.get(url(world, "history_csv") + "?lingkup=semua&cari=tahun")
    assert [r[4] for r in csv.reader(io.StringIO(filtered.content.decode("utf-8-sig")),
                                     delimiter=";")][1:] == ["Tahun lain"]


def test_the_xlsx_has_a_frozen_header_real_times_numbers_and_no_formulas(world, head_a):
    formula_rows(world)
    response = head_a.get(url(world, "history_xlsx") + "?lingkup=semua")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="riwayat-dspppa-{YEAR}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Waktu (Asia/Jakarta)", "Tahun", "Oleh"] and sheet["A1"].font.b
    assert sheet.max_row == 4
    by_key = {row[5].value: row for row in sheet.iter_rows(min_row=2)}
    text = by_key["narasi:1"]
    for cell, value in ((text[4], '=HYPERLINK("http://x")'), (text[7], "+62 812"),
                        (text[8], "@SUM(A1)"), (text[9], "-2+3")):
        assert cell.value == value and cell.data_type == "s" and cell.quotePrefix, value
    number = by_key["target:IKU-01:2020"]
    assert number[0].value == datetime(2026, 11, 29, 14, 5, 9) and number[0].is_date
    assert number[1].value == YEAR and number[1].number_format == "0"
    assert number[7].value == 1234.5 and number[7].number_format == "#,##0.0"
    assert number[8].value == -5.93 and number[8].data_type == "n"


def test_a_cut_export_is_announced_on_the_page(world, head_a, monkeypatch):
    many(world, 12)
    monkeypatch.setattr(history_views, "LIMIT", 5)
    page = head_a.get(url(world)).content.decode()
    assert 'id="history-cut"' in page and "5 perubahan terbaru dari 12" in page
    rows = head_a.get(url(world, "history_csv")).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + 5 and "Baris 011" in rows[1]
    assert 'id="history-cut"' not in head_a.get(url(world) + "?cari=Baris 001").content.decode()


@pytest.mark.parametrize("name", ["history", "history_csv", "history_xlsx"])
def test_outsiders_read_nothing(world, operator_b, anonymous, name):
    entry(world.a, label="Rahasia A", new="rahasia")
    refused = operator_b.get(url(world, name))
    assert refused.status_code == 403 and b"Rahasia A" not in refused.content
    anon = anonymous.get(url(world, name))
    assert anon.status_code == 302 and "/masuk/" in anon["Location"]


def test_the_region_history_is_the_admins_and_holds_the_regions_own_changes(
        world, admin, inspector, operator_a, anonymous):
    entry(None, region=world.a.region, year=None, user="admin", key="skala:KLA", label="Skala KLA",
          field="upper", old="80", new="90.5")
    entry(world.a, label="Perubahan OPD", new="x")
    response = admin.post(reverse("region_users"), {
        "username": "op_riwayat", "full_name": "Operator Riwayat", "role": "inspector",
        "agency": "", "password": "kata-sandi-panjang-2020", "active": "on"})
    assert response.status_code == 302
    page = admin.get(reverse("region_history"))
    shown = table(page)
    assert "Skala KLA" in shown and ">90,5<" in shown and "pengguna:op_riwayat" in shown
    assert "Perubahan OPD" not in shown
    assert reverse("region_history") in page.content.decode().split("<main>")[0]  # in the nav
    assert "Skala KLA" not in table(admin.get(url(world)))
    rows = admin.get(reverse("region_history_csv") + "?cari=skala").content.decode("utf-8-sig")
    assert "Skala KLA" in rows and "90,5" in rows and "op_riwayat" not in rows
    assert admin.get(reverse("region_history_xlsx")).status_code == 200
    assert reverse("region_history") + "?kunci=skala:" in admin.get(reverse("region_scales")).content.decode()
    assert reverse("region_history") + "?kunci=pengguna:op_riwayat" in admin.get(
        reverse("region_users")).content.decode()
    for name in ("region_history", "region_history_csv", "region_history_xlsx"):
        assert inspector.get(reverse(name)).status_code == 403
        assert operator_a.get(reverse(name)).status_code == 403
        assert anonymous.get(reverse(name)).status_code == 302


def test_english_words_indonesian_numbers(world, head_a):
    entry(world.a, field="value", old="1234.5")
    page = english(head_a).get(url(world)).content.decode()
    assert "Change history" in page and "1.234,5" in page and "Download:" in page
