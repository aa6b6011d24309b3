"""The region's RPJMD page and its write path: the demo's sasaran daerah with the agency serving
them; the region admin's upload changes the RPJMD and writes the audit trail; removing a
sasaran daerah an agency's goal serves is refused and nothing changes; an operator cannot
upload."""

from __future__ import annotations

import re
from dataclasses import replace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.io.plan_file import parse_plan
from sakip.web.planning.rpjmd import rpjmd_file
from sakip.web.plans.convert import plan_from_db, region_of
from sakip.web.plans.models import RegionIndicator, RegionObjective, RegionTarget
from sakip.web.plans.region_write import version, write_region
from sakip.web.workflow.models import AuditEntry


def _upload(client, text, name="rpjmd.yaml", **extra):
    return client.post(reverse("region_rpjmd_upload"), {
        "berkas": SimpleUploadedFile(name, text.encode("utf-8")), "alasan": "RPJMD perubahan",
        **extra})


def _current_file(world):
    return rpjmd_file(region_of(world.a.region))


def test_the_page_lists_the_sasaran_daerah_and_the_agencies_serving_them(world, operator_a):
    response = operator_a.get(reverse("region_rpjmd"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Meningkatnya daya beli masyarakat" in page  # SD1, as the report states it
    assert "Visi" in page and "Mewujudkan ekonomi yang berkeadilan" in page
    sd1 = page.split('id="sasaran-SD1"')[1].split("</section>")[0]
    assert 'data-agency="dspppa"' in sd1 and "Meningkatnya kesejahteraan PMKS" in sd1  # T1 serves it
    assert 'data-agency="dinas-contoh"' in sd1 and "lintas perangkat daerah" in sd1  # crosscutting
    assert "IKU-02" in sd1  # DSPPPA's contributing indicator
    assert 'data-indicator="IKD-1.1"' in sd1  # its IKU Pemda with targets per year
    assert re.search(r"<th class=\"num\">2023</th>", sd1)
    assert "region_rpjmd_upload" not in page and 'action="/wilayah/rpjmd/unggah/"' not in page


def test_the_admin_uploads_a_changed_rpjmd_and_the_trail_records_it(world, admin):
    page = admin.get(reverse("region_rpjmd"))
    assert b'action="/wilayah/rpjmd/unggah/"' in page.content
    seen = version(world.a.region)
    text = _current_file(world).replace("Meningkatnya daya beli masyarakat",
                                        "Meningkatnya daya beli dan pendapatan masyarakat")
    text = text.replace("2023: 7.3", "2023: 7.1")
    assert "7.1" in text
    response = _upload(admin, text, versi=seen)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert RegionObjective.objects.get(region=world.a.region, code="SD1").name == \
        "Meningkatnya daya beli dan pendapatan masyarakat"
    target = RegionTarget.objects.get(indicator__region=world.a.region,
                                      indicator__code="IKD-1.1", year=2023)
    assert str(target.value.normalize()) == "7.1"
    entries = AuditEntry.objects.filter(region=world.a.region, agency=None,
                                        key__startswith="rpjmd:")
    assert entries.filter(key="rpjmd:sasaran:SD1", field="name",
                          new="Meningkatnya daya beli dan pendapatan masyarakat").exists()
    assert entries.filter(key="rpjmd:target:IKD-1.1:2023:0", field="value", old="7.3",
                          new="7.1").exists()
    assert entries.filter(reason="RPJMD perubahan").count() == entries.count() == 2
    # every agency reads the new RPJMD (its cached plan does not hold the old region)
    plan = plan_from_db(world.a)
    assert plan.region.objectives[0].name == "Meningkatnya daya beli dan pendapatan masyarakat"
    # the page that showed the old version cannot overwrite the change
    again = _upload(admin, _current_file(world).replace("2023: 7.1", "2023: 7.0"), versi=seen)
    assert again.status_code == 400 and "RPJMD_CHANGED_SINCE" in again.content.decode()


def test_removing_a_sasaran_daerah_an_agency_serves_is_refused_and_nothing_changes(world, admin):
    text = _current_file(world)
    plan = parse_plan(text)
    region = plan.region
    without = replace(region, objectives=tuple(o for o in region.objectives if o.code != "SD1"),
                      indicators=tuple(i for i in region.indicators if i.owner != "SD1"),
                      contributions=tuple(c for c in region.contributions if c.objective != "SD1"))
    before = AuditEntry.objects.count()
    outcome = write_region(world.a.region, None, without)
    assert outcome.refused
    codes = {p.code for p in outcome.problems}
    assert codes == {"PLAN_UNKNOWN_REGION_OBJECTIVE"}
    messages = " ".join(p.message_id for p in outcome.problems)
    assert "DSPPPA" in messages and "'SD1'" in messages  # named with the agency
    assert RegionObjective.objects.filter(region=world.a.region, code="SD1").exists()
    assert RegionIndicator.objects.filter(region=world.a.region, code="IKD-1.1").exists()
    assert AuditEntry.objects.count() == before
    # the same through the page: a file without SD1
    from sakip.io.plan_dump import dump_plan

    response = _upload(admin, dump_plan(replace(plan, region=without)))
    assert response.status_code == 400
    assert "PLAN_UNKNOWN_REGION_OBJECTIVE" in response.content.decode()
    assert RegionObjective.objects.filter(region=world.a.region, code="SD1").exists()
    assert AuditEntry.objects.count() == before


def test_a_file_of_another_region_or_without_one_is_refused(world, admin):
    text = _current_file(world)
    response = _upload(admin, text.replace("name: Kabupaten Belitung", "name: Kota Lain"))
    assert response.status_code == 400 and "RPJMD_OTHER_REGION" in response.content.decode()
    bare = re.sub(r"(?ms)^region:.*?(?=^agency:)", "", text)
    response = _upload(admin, bare)
    assert response.status_code == 400 and "RPJMD_FILE_WITHOUT_REGION" in response.content.decode()
    response = _upload(admin, "bukan: [yaml", name="rpjmd.txt")
    assert response.status_code == 400


def test_an_operator_cannot_upload(world, operator_a):
    before = AuditEntry.objects.count()
    text = _current_file(world).replace("Meningkatnya daya beli masyarakat", "Lain")
    response = _upload(operator_a, text)
    assert response.status_code == 403
    assert RegionObjective.objects.get(region=world.a.region, code="SD1").name == \
        "Meningkatnya daya beli masyarakat"
    assert AuditEntry.objects.count() == before


def test_the_admin_uploads_a_workbook_and_its_region_is_taken(world, admin):
    import io

    from sakip.io.workbook import export_plan

    plan = plan_from_db(world.a)
    changed = replace(plan, region=replace(plan.region, vision="Belitung maju bersama 2023"))
    buffer = io.BytesIO()
    export_plan(changed, buffer)
    response = admin.post(reverse("region_rpjmd_upload"), {
        "berkas": SimpleUploadedFile("dspppa.xlsx", buffer.getvalue()), "alasan": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    world.a.region.refresh_from_db()
    assert world.a.region.vision == "Belitung maju bersama 2023"
    entry = AuditEntry.objects.get(region=world.a.region, key=f"rpjmd:{world.a.region.pk}")
    assert entry.field == "vision" and entry.new == "Belitung maju bersama 2023"
    assert entry.reason == "unggah RPJMD dspppa.xlsx"
    # the page shows the RPJMD as stored, every sasaran daerah still served
    page = admin.get(reverse("region_rpjmd")).content.decode()
    assert "Belitung maju bersama 2023" in page and 'id="sasaran-SD3"' in page


def test_the_admin_corrects_the_rpjmd_on_the_page_as_text(world, admin):
    page = admin.get(reverse("region_rpjmd")).content.decode()
    assert 'name="teks"' in page and "code: SD1" in page  # the current RPJMD, ready to edit
    text = _current_file(world).replace("Indeks Kepuasan Masyarakat (DEMO DATA (invented))",
                                        "Indeks Kepuasan Masyarakat")
    response = admin.post(reverse("region_rpjmd_upload"), {"teks": text, "alasan": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert RegionIndicator.objects.get(region=world.a.region, code="IKD-2.1").name == \
        "Indeks Kepuasan Masyarakat"
    assert AuditEntry.objects.filter(key="rpjmd:iku:IKD-2.1", field="name",
                                     reason="RPJMD diubah di halaman").exists()
    # nothing chosen, nothing written; a text that does not load, its problems located
    response = admin.post(reverse("region_rpjmd_upload"), {"teks": " ", "alasan": ""})
    assert response.status_code == 400 and "Pilih berkas" in response.content.decode()
    response = admin.post(reverse("region_rpjmd_upload"),
                          {"teks": text.replace("2019: 78", "2019: tujuh"), "alasan": ""})
    assert response.status_code == 400 and "teks:" in response.content.decode()


def test_a_contribution_naming_an_indicator_the_agency_lacks_is_refused(world):
    region = region_of(world.a.region)
    first = region.contributions[0]
    assert first.agency == "dspppa"
    wrong = replace(region, contributions=(replace(first, indicators=("IKU-01", "IKU-99")),
                                           *region.contributions[1:]))
    outcome = write_region(world.a.region, None, lambda current: wrong)
    assert [p.code for p in outcome.problems] == ["PLAN_UNKNOWN_INDICATOR"]
    assert "IKU-99" in outcome.problems[0].message_id
    assert outcome.problems[0].message_id.startswith("DSPPPA: ")


def test_the_page_reads_the_same_number_of_queries_whatever_the_number_of_agencies(world, admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sakip.web.demo import second_plan
    from sakip.web.plans.convert import store_plan

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin.get(reverse("region_rpjmd")).status_code == 200
        return len(queries.captured_queries)

    count()  # the region's records read once and kept (as the page after the agencies' is)
    before = count()
    plan = second_plan(plan_from_db(world.a))
    for code in ("dinas-tiga", "dinas-empat"):
        store_plan(replace(plan, agency=replace(plan.agency, code=code, name=code)),
                   region=world.a.region, demo=True)
    page = admin.get(reverse("region_rpjmd")).content.decode()
    assert 'data-agency="dinas-empat"' in page
    assert count() == before
