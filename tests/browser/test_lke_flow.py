"""In a real browser, the yearly evaluation (LKE): the operator answers the self-assessment and
sends it; the inspector answers one criterion differently, recommends and opens the agreement
round; the agency disagrees with a reason; the inspector decides and sets the final result,
downloads the Laporan Hasil Evaluasi, and the region's page shows the result."""

from __future__ import annotations

import docx

from sakip.core.lke import Answer, Evaluation, Sheet, score_evaluation
from sakip.io.idnum import format_id
from sakip.io.lke_file import load_lke
from sakip.web.evaluation.models import Disagreement
from sakip.web.evaluation.models import Evaluation as Stored
from sakip.web.plans.models import Agency

YEAR = 2020


def saved(page) -> str:  # type: ignore[no-untyped-def]
    page.wait_for_load_state()
    return page.inner_text(".messages")


def test_self_assessment_evaluation_disagreement_and_final(person):  # type: ignore[no-untyped-def]
    agency = Agency.objects.get(code="dspppa")
    lke_page = f"/opd/{agency.pk}/{YEAR}/lke/"
    operator = person("operator_a")
    assert operator.go(lke_page) == 200
    page = operator.page
    assert page.inner_text("#lke-stage") == "Penilaian mandiri"
    # every criterion Y, as a person picks them one by one (claims left empty)
    for select in page.locator("#lke-form select[name$='-answer']").all():
        if select.locator("option[value=Y]").count():
            select.select_option("Y")
    page.locator("#kriteria-1\\.a\\.2 select[name$='-answer']").select_option("T")
    page.locator("#kriteria-1\\.a\\.2 textarea[name$='-note']").fill("RKT belum ditetapkan")
    page.click("#lke-save")
    assert "perubahan disimpan" in saved(page)
    lke = load_lke()
    agency_answers = {c.code: Answer("Y") for c in lke.criteria}
    agency_answers["1.a.2"] = Answer("T")
    expected = score_evaluation(lke, Evaluation(Sheet(agency_answers), Sheet({})))
    assert page.inner_text("#lke-total-self") == format_id(expected[0].total, 2)
    page.click("#lke-step-kirim")
    assert page.inner_text("#lke-stage") == "Evaluasi"
    assert page.locator("#lke-save").count() == 0  # the agency's answers are closed

    inspector = person("inspector")
    inspector.go(lke_page)
    ipage = inspector.page
    ipage.locator("#kriteria-1\\.a\\.1 select[name$='-answer']").select_option("T")
    ipage.locator("#kriteria-1\\.a\\.1 textarea[name$='-note']").fill("SK Renstra tidak ada")
    ipage.click("#lke-save")
    assert "perubahan disimpan" in saved(ipage)
    ipage.select_option("#lke-recommend select[name=komponen]", "1")
    ipage.fill("#lke-recommend textarea[name=teks]", "Tetapkan Renstra dengan SK kepala daerah.")
    ipage.click("#lke-recommend button")
    assert "Rekomendasi ditambahkan" in saved(ipage)
    ipage.click("#lke-step-putaran")
    ipage.wait_for_load_state()
    assert ipage.inner_text("#lke-stage") == "Putaran ketidaksepakatan"

    operator.go(lke_page)
    row = page.locator("#lke-disagreements tr[data-code='1.a.1']")
    row.locator("select[name=tanggapan]").select_option("disagree")
    row.locator("input[name=alasan]").fill("SK Renstra nomor 12 tahun 2018 terlampir")
    row.locator("button").click()
    assert "Tanggapan disimpan" in saved(page)
    assert "SK Renstra nomor 12" in page.inner_text("#lke-disagreements")

    inspector.go(lke_page)
    row = ipage.locator("#lke-disagreements tr[data-code='1.a.1']")
    row.locator("select[name=keputusan]").select_option("Y")
    row.locator("input[name=catatan]").fill("SK diterima")
    row.locator("button").click()
    assert "Keputusan disimpan" in saved(ipage)
    ipage.click("#lke-step-final")
    ipage.wait_for_load_state()
    assert ipage.inner_text("#lke-stage") == "Final"
    assert ipage.locator("#lke-save").count() == 0 and ipage.locator("[id^=lke-step-]").count() == 0

    final = score_evaluation(lke, Evaluation(Sheet(agency_answers), Sheet({"1.a.1": Answer("Y")})))[2]
    assert ipage.inner_text("#lke-total-final") == format_id(final.total, 2)
    assert final.predicate.code in ipage.inner_text("#lke-predicate-final")
    stored = Stored.objects.get(agency_year__agency=agency, agency_year__year=YEAR)
    assert stored.stage == "final"
    assert Disagreement.objects.get(evaluation=stored, code="1.a.1").decision == "Y"

    with ipage.expect_download() as info:
        ipage.click("#lke-downloads a[data-format=docx]")
    download = info.value
    assert download.suggested_filename == f"LHE-{agency.code}-{YEAR}.docx"
    lhe = docx.Document(download.path())
    text = "\n".join([p.text for p in lhe.paragraphs]
                     + [c.text for t in lhe.tables for r in t.rows for c in r.cells])
    assert format_id(final.total, 2) in text
    assert "Tetapkan Renstra dengan SK kepala daerah." in text

    inspector.go(f"/wilayah/lke/{YEAR}/")
    row_text = ipage.inner_text(f"#region-lke tr[data-agency='{agency.code}']")
    assert format_id(final.total, 2) in row_text and final.predicate.code in row_text
    assert operator.errors == [] and inspector.errors == []
