"""The planning pages of issue 13 points 4 and 6: Manual indikator (each indicator's definition
sheet and what it lacks, filled in on the structure form) and Capaian Renstra."""

from __future__ import annotations

from django.urls import reverse

from sakip.core.definitions import missing
from sakip.core.enums import Frequency
from sakip.web.planning.definitions import FIELDS
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Agency, Indicator
from tests.web.forms import form_with
from tests.web.world import YEAR


def url(world, name, **kwargs):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **kwargs})


def test_the_manual_shows_every_indicators_sheet_with_what_it_lacks(world, operator_a):
    page = operator_a.get(url(world, "planning_definitions")).content.decode()
    assert page.count('<section class="sheet"') == Indicator.objects.filter(agency=world.a).count()
    assert "<code>(pmks[n-1] - pmks[n]) / pmks[n-1] * 100</code>" in page
    assert "<code>pmks</code> = Jumlah PMKS (orang/KK)" in page  # the series the formula reads
    iku = plan_from_db(world.a).indicator_by_code["IKU-01"]
    lacking = ", ".join(str(FIELDS[f]) for f in missing(iku))  # as the core finds it
    assert lacking and f"Belum diisi: {lacking}" in page
    edit = url(world, "structure_edit", kind="indikator",
               pk=Indicator.objects.get(agency=world.a, code="IKU-01").pk)
    assert f'href="{edit}"' in page  # the operator may complete it


def test_the_filter_shows_only_incomplete_sheets(world, operator_a, head_a):
    Indicator.objects.filter(agency=world.a, code="IKU-05").update(
        frequency="yearly", responsible="Kepala Bidang PPA", rationale="IKU RPJMD")
    Agency.objects.filter(pk=world.a.pk).update(stamp="rows-set-by-the-test")  # not cached
    everything = operator_a.get(url(world, "planning_definitions")).content.decode()
    assert 'id="indikator-IKU-05"' in everything
    section = everything.split('id="indikator-IKU-05"')[1].split("</section>")[0]
    assert "lengkap</span>" in section and "Tahunan" in section and "Kepala Bidang PPA" in section
    incomplete = operator_a.get(url(world, "planning_definitions") + "?kurang=1").content.decode()
    assert 'id="indikator-IKU-05"' not in incomplete and 'id="indikator-IKU-01"' in incomplete
    assert incomplete.count('<section class="sheet"') == everything.count('<section class="sheet"') - 1
    read_only = head_a.get(url(world, "planning_definitions")).content.decode()
    assert 'id="indikator-IKU-01"' in read_only and "lengkapi" not in read_only  # reads only


def test_the_indicator_form_saves_the_definition_sheet(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKU-03")
    edit = url(world, "structure_edit", kind="indikator", pk=k.pk)
    data = form_with(operator_a.get(edit).content.decode(), "calculation")
    assert {"frequency", "responsible", "rationale"} <= set(data)
    data.update(calculation="Rasio IPM perempuan terhadap IPM laki-laki (metode UNDP).",
                frequency="yearly", responsible="Kepala Bidang Pemberdayaan Perempuan",
                rationale="IKU Pemerintah Kabupaten", alasan="manual indikator")
    response = operator_a.post(edit, data)
    assert response.status_code == 302
    k.refresh_from_db()
    assert (k.calculation, k.frequency, k.responsible) == (
        "Rasio IPM perempuan terhadap IPM laki-laki (metode UNDP).", "yearly",
        "Kepala Bidang Pemberdayaan Perempuan")
    assert k.definition and k.data_source == "BPS"  # the rest of the sheet kept
    indicator = plan_from_db(world.a).indicator_by_code["IKU-03"]
    assert indicator.frequency is Frequency.YEARLY and indicator.rationale == "IKU Pemerintah Kabupaten"
    page = operator_a.get(url(world, "planning_definitions")).content.decode()
    section = page.split('id="indikator-IKU-03"')[1].split("</section>")[0]
    assert "lengkap</span>" in section and "metode UNDP" in section


def test_the_renstra_page_shows_years_progress_and_projection(world, operator_a):
    response = operator_a.get(url(world, "planning_renstra"))
    assert response.status_code == 200
    page = response.content.decode()
    row = page.split('id="renstra-IKU-03"')[1].split("</tr>")[0]
    cells = [c.split(">", 1)[1].split("</td>")[0] for c in row.split("<td")[1:]]
    assert cells[3:13] == ["87,99", "88,62", "88,01", "88,28", "88,08", "", "88,35", "", "89", ""]
    assert cells[13:16] == ["89", "88,28", "99,19"]  # final target, to date, progress %
    assert cells[16].startswith("87,26") and "-0,34/tahun (2019–2020)" in cells[16]
    assert "kemungkinan tidak tercapai" in cells[17]
    idg = page.split('id="renstra-IKU-04"')[1].split("</tr>")[0]
    assert "realisasi kurang dari dua tahun" in idg
    assert 'id="renstra-IKP-1.1"' in page and 'id="renstra-IKK-1.1"' not in page  # no activities
