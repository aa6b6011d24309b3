"""The yearly SAKIP evaluation (LKE) in the web: the agency answers its self-assessment, the
inspectorate evaluates, the answers that differ are argued in the agreement round and the
evaluator sets the final result; each party writes only in its stage and nothing after final;
every change is audited; a stale page cannot overwrite; the scores shown are the core's; the
region sees every agency side by side."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sakip.core.lke import Answer as CoreAnswer
from sakip.core.lke import Evaluation as CoreEvaluation
from sakip.core.lke import Sheet, score, score_evaluation
from sakip.io.idnum import format_id
from sakip.io.lke_file import load_lke
from sakip.web.evaluation.models import Answer, Disagreement, Evaluation, FollowUp, Stage
from sakip.web.workflow.models import AuditEntry
from tests.web.language import english
from tests.web.world import YEAR

LKE = load_lke()


def url(world, year=YEAR):
    return reverse("lke", kwargs={"agency": world.a.pk, "year": year})


def step_url(world, step, year=YEAR):
    return reverse("lke_step", kwargs={"agency": world.a.pk, "year": year, "step": step})


def form_data(response, answers=None, notes=None):
    """What the page's worksheet form posts: every field as shown (with the digest of what it
    showed), ``answers`` and ``notes`` (code → value) changed."""
    formset = response.context["formset"]
    assert formset is not None, "the page shows no form to this persona"
    html = response.content.decode()
    data = {"aksi": "jawaban", "versi": str(response.context["version"])}
    count = len(formset.forms)
    data.update({f"{formset.prefix}-TOTAL_FORMS": count, f"{formset.prefix}-INITIAL_FORMS": count,
                 f"{formset.prefix}-MIN_NUM_FORMS": 0, f"{formset.prefix}-MAX_NUM_FORMS": 500})
    assert f'name="{formset.prefix}-TOTAL_FORMS" value="{count}"' in html
    for form in formset.forms:
        code = form.initial["code"]
        values = {"code": code, "answer": form.initial.get("answer", ""),
                  "note": form.initial.get("note", ""), "links": form.initial.get("links", "")}
        data[f"{form.prefix}-shown"] = form.shown
        assert (f'name="{form.prefix}-code" value="{code}"><input type="hidden" '
                f'name="{form.prefix}-shown" value="{form.shown}">') in html  # as the page posts
        if answers and code in answers:
            values["answer"] = answers[code]
        if notes and code in notes:
            values["note"] = notes[code]
        for name, value in values.items():
            data[form.add_prefix(name)] = value
    return data


def all_yes(**overrides):
    answers = {c.code: "Y" for c in LKE.criteria}
    answers.update(overrides)
    return answers


def stage_of(world, year=YEAR):
    return Evaluation.objects.get(agency_year__agency=world.a, agency_year__year=year).stage


def answered(client, world, answers, notes=None, year=YEAR):
    page = client.get(url(world, year))
    return client.post(url(world, year), form_data(page, answers, notes))


def refused_with(response, code, status=409):
    assert response.status_code == status, response.status_code
    assert code in response.content.decode()


def to_evaluation(world, operator_a, inspector):
    """The agency answers all Y but 1.a.1 (T), sends it; the inspector answers 1.a.1 T and
    1.a.2 T (a disagreement) and 1.b.1 T (another)."""
    assert answered(operator_a, world, all_yes(**{"1.a.1": "T"})).status_code == 302
    assert operator_a.post(step_url(world, "kirim")).status_code == 302
    assert stage_of(world) == Stage.EVALUATION
    response = answered(inspector, world, {"1.a.1": "T", "1.a.2": "T", "1.b.1": "T"})
    assert response.status_code == 302


def test_the_agency_answers_its_self_assessment_and_each_change_is_audited(world, operator_a):
    response = answered(operator_a, world, {"1.a.1": "Y", "1.a.2": "T"},
                        {"1.a.1": "SK Renstra no. 5"})
    assert response.status_code == 302
    rows = {a.code: a for a in Answer.objects.filter(evaluation__agency_year__agency=world.a)}
    assert (rows["1.a.1"].party, rows["1.a.1"].answer, rows["1.a.1"].note) == (
        "agency", "Y", "SK Renstra no. 5")
    assert rows["1.a.2"].answer == "T"
    trail = AuditEntry.objects.filter(agency=world.a, key__startswith=f"lke:{YEAR}:")
    assert {(e.key, e.field, e.old, e.new) for e in trail} == {
        (f"lke:{YEAR}:1.a.1:opd", "answer", None, "Y"),
        (f"lke:{YEAR}:1.a.1:opd", "note", None, "SK Renstra no. 5"),
        (f"lke:{YEAR}:1.a.2:opd", "answer", None, "T")}
    assert all(e.user.username == "operator_a" and e.year == YEAR for e in trail)


def test_the_score_shown_is_the_cores_on_the_same_answers(world, operator_a):
    answers = all_yes(**{"1.a.1": "T", "2.a.1": "T", "3.a.1": "T"})
    answered(operator_a, world, answers)
    response = operator_a.get(url(world))
    expected = score(LKE, Sheet({k: CoreAnswer(v) for k, v in answers.items()}))
    shown = response.context["scores"]["self"]
    assert shown.total == expected.total
    assert [c.score for c in shown.components] == [c.score for c in expected.components]
    html = response.content.decode()
    cell = re.search(r'id="lke-total-self">([^<]+)<', html)[1]
    assert cell == format_id(expected.total, 2)
    assert expected.predicate.code in re.search(r'id="lke-predicate-self">([^<]+)<', html)[1]
    # the logic check of 3.a.1 = T is the core's: the report's quality criteria are capped
    assert expected.applications and "no-report" in html


def test_the_record_suggests_answers_and_names_what_is_missing(world, operator_a):
    html = operator_a.get(url(world)).content.decode()
    row = re.search(r'id="kriteria-2.a.2".*?</tr>', html, re.S)[0]
    assert 'data-suggested="T"' in row
    assert "IKU-01" in row and "manual-indikator" in row  # linked to the page that completes it
    row = re.search(r'id="kriteria-1.a.3".*?</tr>', html, re.S)[0]
    assert 'data-suggested="Y"' in row


def test_the_inspector_cannot_answer_during_the_self_assessment(world, operator_a, inspector):
    page = operator_a.get(url(world))  # the inspector's page has no form: post the agency's
    refused_with(inspector.post(url(world), form_data(page, {"1.a.1": "T"})), "LKE_STAGE")
    assert not Answer.objects.filter(party="evaluator").exists()
    refused_with(inspector.post(url(world), {"aksi": "rekomendasi", "komponen": "1",
                                             "teks": "x"}), "LKE_STAGE")
    assert inspector.post(step_url(world, "putaran")).status_code == 302
    assert stage_of(world) == Stage.SELF


def test_the_agency_cannot_answer_once_sent_to_the_evaluator(world, operator_a, head_a,
                                                             inspector):
    to_evaluation(world, operator_a, inspector)
    before = AuditEntry.objects.count()
    page = inspector.get(url(world))  # the agency's own page no longer has a form
    assert head_a.get(url(world)).context["formset"] is None
    data = form_data(page, {"1.a.3": "T"})
    refused_with(head_a.post(url(world), data), "LKE_STAGE")
    assert AuditEntry.objects.count() == before
    assert Answer.objects.get(party="agency", code="1.a.3").answer == "Y"


def test_nobody_outside_the_parties_answers(world, operator_a, operator_b):
    page = operator_a.get(url(world))
    admin = world.client("admin")
    assert admin.post(url(world), form_data(page, {"1.a.1": "Y"})).status_code == 403
    assert operator_b.post(url(world), form_data(page, {"1.a.1": "Y"})).status_code == 403
    assert admin.post(step_url(world, "kirim")).status_code == 403
    assert not Answer.objects.exists()


def test_a_stale_page_does_not_overwrite_a_newer_answer(world, operator_a, head_a):
    operator_page = operator_a.get(url(world))
    head_page = head_a.get(url(world))
    assert operator_a.post(url(world), form_data(operator_page, {"1.a.1": "Y"})).status_code == 302
    # the head's page was opened before: changing 1.a.1 too is refused, nothing written
    response = head_a.post(url(world), form_data(head_page, {"1.a.1": "T", "1.a.2": "Y"}))
    refused_with(response, "LKE_CHANGED_SINCE")
    assert "operator_a" in response.content.decode()
    assert Answer.objects.get(code="1.a.1").answer == "Y"
    assert not Answer.objects.filter(code="1.a.2").exists()
    # an answer the stale page did not touch keeps the other person's change
    response = head_a.post(url(world), form_data(head_page, {"1.a.2": "Y"}))
    assert response.status_code == 302
    assert Answer.objects.get(code="1.a.1").answer == "Y"
    assert Answer.objects.get(code="1.a.2").answer == "Y"


def test_an_answer_outside_the_worksheet_is_refused(world, operator_a):
    page = operator_a.get(url(world))
    data = form_data(page, {"1.a.1": "X"})
    response = operator_a.post(url(world), data)
    assert response.status_code == 400  # the form's choices refuse it
    assert not Answer.objects.exists()


def test_the_agreement_round_and_the_final_result(world, operator_a, inspector):
    to_evaluation(world, operator_a, inspector)
    assert inspector.post(url(world), {"aksi": "rekomendasi", "komponen": "1",
                                       "teks": "Lengkapi definisi IKU."}).status_code == 302
    assert inspector.post(step_url(world, "putaran")).status_code == 302
    assert stage_of(world) == Stage.AGREEMENT
    assert {d.code: (d.agency_answer, d.evaluator_answer) for d in Disagreement.objects.all()} == {
        "1.a.2": ("Y", "T"), "1.b.1": ("Y", "T")}
    html = operator_a.get(url(world)).content.decode()
    assert 'id="lke-disagreements"' in html and 'data-code="1.b.1"' in html
    # disagreeing needs a reason
    refused_with(operator_a.post(url(world), {"aksi": "tanggapan", "kode": "1.a.2",
                                              "tanggapan": "disagree"}), "LKE_REASON_REQUIRED",
                 400)
    assert operator_a.post(url(world), {"aksi": "tanggapan", "kode": "1.a.2",
                                        "tanggapan": "disagree",
                                        "alasan": "RKT ditetapkan 5 Januari"}).status_code == 302
    assert operator_a.post(url(world), {"aksi": "tanggapan", "kode": "1.b.1",
                                        "tanggapan": "agree"}).status_code == 302
    # the agency does not decide; the final result waits for the open disagreement
    assert operator_a.post(url(world), {"aksi": "keputusan", "kode": "1.a.2",
                                        "keputusan": "Y"}).status_code == 403
    inspector.post(step_url(world, "final"))
    assert stage_of(world) == Stage.AGREEMENT
    assert inspector.post(url(world), {"aksi": "keputusan", "kode": "1.a.2", "keputusan": "Y",
                                       "catatan": "bukti diterima"}).status_code == 302
    assert inspector.post(step_url(world, "final")).status_code == 302
    assert stage_of(world) == Stage.FINAL

    agency = all_yes(**{"1.a.1": "T"})
    evaluator = {"1.a.1": "T", "1.a.2": "Y", "1.b.1": "T"}
    expected = score_evaluation(LKE, CoreEvaluation(
        Sheet({k: CoreAnswer(v) for k, v in agency.items()}),
        Sheet({k: CoreAnswer(v) for k, v in evaluator.items()})))
    shown = operator_a.get(url(world)).context["scores"]
    assert (shown["self"].total, shown["evaluator"].total, shown["final"].total) == tuple(
        s.total for s in expected)
    keys = set(AuditEntry.objects.filter(agency=world.a, key__startswith=f"lke:{YEAR}:")
               .values_list("key", "field"))
    assert {(f"lke:{YEAR}:tahap", "tahap"), (f"lke:{YEAR}:1.a.2:putaran", "tanggapan"),
            (f"lke:{YEAR}:1.a.2:putaran", "alasan"), (f"lke:{YEAR}:1.a.2:putaran", "keputusan"),
            (f"lke:{YEAR}:1.a.2:evaluator", "answer")} <= keys
    stages = list(AuditEntry.objects.filter(key=f"lke:{YEAR}:tahap").order_by("id")
                  .values_list("old", "new"))
    assert stages == [("Penilaian mandiri", "Evaluasi"), ("Evaluasi", "Putaran ketidaksepakatan"),
                      ("Putaran ketidaksepakatan", "Final")]

    # after final nothing changes, whoever asks
    before = AuditEntry.objects.count()
    refused_with(inspector.post(url(world), {"aksi": "keputusan", "kode": "1.a.2",
                                             "keputusan": "T"}), "LKE_FINAL")
    refused_with(operator_a.post(url(world), {"aksi": "tanggapan", "kode": "1.b.1",
                                              "tanggapan": "disagree", "alasan": "x"}), "LKE_FINAL")
    refused_with(inspector.post(url(world), {"aksi": "rekomendasi", "komponen": "2",
                                             "teks": "x"}), "LKE_FINAL")
    page = inspector.get(url(world))
    assert page.context["formset"] is None and page.context["steps"] == []
    assert inspector.post(step_url(world, "final")).status_code == 302
    assert AuditEntry.objects.count() == before
    assert stage_of(world) == Stage.FINAL


def test_last_years_recommendations_are_followed_up_in_the_next_evaluation(world, operator_a,
                                                                            inspector):
    to_evaluation(world, operator_a, inspector)
    inspector.post(url(world), {"aksi": "rekomendasi", "komponen": "4",
                                "teks": "Evaluasi internal di setiap unit."})
    inspector.post(step_url(world, "putaran"))
    for code in ("1.a.2", "1.b.1"):
        operator_a.post(url(world), {"aksi": "tanggapan", "kode": code, "tanggapan": "agree"})
    inspector.post(step_url(world, "final"))
    assert stage_of(world) == Stage.FINAL
    recommendation = Evaluation.objects.get(agency_year__year=YEAR).recommendations.get()

    html = operator_a.get(url(world, YEAR + 1)).content.decode()
    row = re.search(r'id="kriteria-4.c.1".*?</tr>', html, re.S)[0]
    assert 'data-suggested="T"' in row  # 1 of 1 not followed up yet
    assert operator_a.post(url(world, YEAR + 1), {
        "aksi": "tindak-lanjut", "rekomendasi": recommendation.pk, "ditindaklanjuti": "ya",
        "catatan": "SK evaluasi internal"}).status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.followed, follow_up.evaluation.agency_year.year) == (True, YEAR + 1)
    html = operator_a.get(url(world, YEAR + 1)).content.decode()
    row = re.search(r'id="kriteria-4.c.1".*?</tr>', html, re.S)[0]
    assert 'data-suggested="Y"' in row
    assert AuditEntry.objects.filter(key=f"lke:{YEAR + 1}:tindak-lanjut:{recommendation.pk}",
                                     field="followed", new="ya").exists()


@pytest.mark.parametrize("persona,status", [("admin", 200), ("inspector", 200),
                                            ("operator_a", 403)])
def test_the_region_sees_every_agencys_scores_side_by_side(world, operator_a, persona, status):
    answers = all_yes(**{"1.a.1": "T"})
    answered(operator_a, world, answers)
    response = world.client(persona).get(reverse("region_lke", kwargs={"year": YEAR}))
    assert response.status_code == status
    if status != 200:
        return
    html = response.content.decode()
    expected = score(LKE, Sheet({k: CoreAnswer(v) for k, v in answers.items()}))
    row_a = re.search(rf'data-agency="{world.a.code}".*?</tr>', html, re.S)[0]
    assert format_id(expected.total, 2) in row_a and expected.predicate.code in row_a
    assert "Penilaian mandiri" in row_a
    row_b = re.search(rf'data-agency="{world.b.code}".*?</tr>', html, re.S)[0]
    assert "Belum dimulai" in row_b


def test_the_worksheet_and_the_lhe_download_with_the_stored_answers(world, operator_a, inspector):
    import io

    import docx
    from openpyxl import load_workbook

    to_evaluation(world, operator_a, inspector)
    inspector.post(url(world), {"aksi": "rekomendasi", "komponen": "1",
                                "teks": "Tetapkan Renstra dengan SK."})
    final = operator_a.get(url(world)).context["scores"]["final"]
    response = operator_a.get(reverse("lke_download", kwargs={"agency": world.a.pk, "year": YEAR,
                                                              "fmt": "xlsx"}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="LKE-{world.a.code}-{YEAR}.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    numbers = {v for row in book["Ringkasan"].iter_rows(values_only=True) for v in row
               if isinstance(v, float | int)}
    assert float(final.total) in numbers
    response = inspector.get(reverse("lke_download", kwargs={"agency": world.a.pk, "year": YEAR,
                                                             "fmt": "docx"}))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert format_id(final.total, 2) in text
    assert "Tetapkan Renstra dengan SK." in text
    assert operator_a.get(reverse("lke_download", kwargs={
        "agency": world.a.pk, "year": YEAR, "fmt": "odt"})).status_code == 404


def test_the_agency_takes_the_records_suggestions_for_what_it_has_not_answered(world, operator_a):
    answered(operator_a, world, {"1.a.3": "T"}, {"2.a.2": "catatan sendiri"})
    response = operator_a.post(url(world), {"aksi": "saran"})
    assert response.status_code == 302
    rows = {a.code: a for a in Answer.objects.filter(party="agency")}
    assert rows["1.a.3"].answer == "T"  # answered before: kept
    assert (rows["1.a.4"].answer, rows["2.a.2"].answer) == ("Y", "T")
    assert rows["2.a.2"].note == "catatan sendiri"  # a note already written is kept
    assert rows["1.a.4"].note.startswith("Setiap IKU memiliki target")
    assert AuditEntry.objects.filter(key=f"lke:{YEAR}:1.a.4:opd", field="answer", new="Y").exists()


def test_the_records_evidence_files_are_linked_and_another_agencys_are_refused(world, operator_a):
    from django.core.files.base import ContentFile

    from sakip.web.evaluation import write
    from sakip.web.plans.models import ANNUAL, Actual, Indicator
    from sakip.web.workflow.models import Evidence

    def evidence_of(agency):
        indicator = Indicator.objects.filter(agency=agency, key=True).first()
        actual = Actual.objects.filter(indicator=indicator, year=YEAR, period=ANNUAL,
                                       month=ANNUAL).first() or Actual.objects.filter(
            indicator__agency=agency, year=YEAR).first()
        found = Evidence(actual=actual, name="sk-renstra.pdf", kind="pdf", size=9)
        found.file.save("sk-renstra.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        return found

    own, other = evidence_of(world.a), evidence_of(world.b)
    page = operator_a.get(url(world))
    data = form_data(page, {"1.a.3": "Y"})
    index = next(i for i, f in enumerate(page.context["formset"].forms) if f.code == "1.a.3")
    data[f"lke-{index}-evidence"] = [str(own.pk)]
    assert operator_a.post(url(world), data).status_code == 302
    answer = Answer.objects.get(code="1.a.3", party="agency")
    assert list(answer.evidence.all()) == [own]
    assert AuditEntry.objects.filter(key=f"lke:{YEAR}:1.a.3:opd", field="evidence",
                                     new=str(own.pk)).exists()
    html = world.client("inspector").get(url(world)).content.decode()  # the answer as shown
    assert reverse("evidence_file", kwargs={"agency": world.a.pk, "year": YEAR,
                                            "evidence": own.pk}) in html
    data = form_data(operator_a.get(url(world)), {})
    data[f"lke-{index}-evidence"] = [str(other.pk)]  # not among the page's choices
    assert operator_a.post(url(world), data).status_code == 400
    evaluation = Evaluation.objects.get(agency_year__agency=world.a)
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="operator_a")
    with pytest.raises(write.Refused) as refused:
        write.save_answers(evaluation, user, "agency",
                           [write.AnswerEdit("1.a.3", "Y", evidence=(other.pk,))])
    assert refused.value.code == "LKE_UNKNOWN_EVIDENCE"
    assert list(answer.evidence.all()) == [own]


def test_the_reviewed_and_published_report_answers_its_criteria_from_the_record(world, operator_a):
    from datetime import UTC, datetime

    from sakip.web.access import agency_year
    from sakip.web.workflow.audit import Trail

    html = operator_a.get(url(world)).content.decode()
    assert "data-suggested" not in re.search(r'id="kriteria-3.a.4".*?</tr>', html, re.S)[0]
    state = agency_year(world.a, YEAR)
    state.reviewed_at = datetime(2021, 2, 20, 3, tzinfo=UTC)
    state.published = True
    state.save()
    trail = Trail(world.a, None, year=YEAR)
    trail.change(f"status:{YEAR}", f"Status data {YEAR}", "published", False, True)
    trail.save()
    AuditEntry.objects.filter(key=f"status:{YEAR}").update(
        at=datetime(2021, 3, 1, 2, tzinfo=UTC))
    html = operator_a.get(url(world)).content.decode()
    reviewed = re.search(r'id="kriteria-3.a.4".*?</tr>', html, re.S)[0]
    assert 'data-suggested="Y"' in reviewed and "2021-02-20" in reviewed
    published = re.search(r'id="kriteria-3.a.5".*?</tr>', html, re.S)[0]
    assert 'data-suggested="Y"' in published and "2021-03-01" in published


def test_in_english_the_worksheets_words_and_the_records_reasons_are_english_and_the_trail_is_not(
        world, operator_a):
    response = english(operator_a).get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html and "Performance planning" in html
    row = re.search(r'id="kriteria-2.a.2".*?</tr>', html, re.S)[0]
    assert "IKU-01: no data source." in row
    page = english(operator_a).get(url(world))
    assert english(operator_a).post(url(world), form_data(page, {"1.a.1": "Y"})).status_code == 302
    entry = AuditEntry.objects.get(key=f"lke:{YEAR}:1.a.1:opd")
    assert entry.label == f"LKE {YEAR} kriteria 1.a.1 (perangkat daerah)"


def test_a_claimed_grade_is_answered_argued_and_decided_like_a_criterion(world, operator_a,
                                                                        inspector):
    answers = all_yes()
    page = operator_a.get(url(world))
    data = form_data(page, {**answers, "1.a": "A"}, {"1.a": "Terjaga sejak 2016"})
    assert operator_a.post(url(world), data).status_code == 302
    shown = operator_a.get(url(world)).context["scores"]["self"]
    assert shown.subscore_by_code["1.a"].grade.code == "A"
    operator_a.post(step_url(world, "kirim"))
    assert answered(inspector, world, {"1.a": "AA"}).status_code == 302
    inspector.post(step_url(world, "putaran"))
    assert [(d.code, d.agency_answer, d.evaluator_answer) for d in Disagreement.objects.all()] == [
        ("1.a", "A", "AA")]
    refused_with(inspector.post(url(world), {"aksi": "keputusan", "kode": "1.a",
                                             "keputusan": "Y"}), "LKE_BAD_ANSWER", 400)
    assert inspector.post(url(world), {"aksi": "keputusan", "kode": "1.a",
                                       "keputusan": "A"}).status_code == 302
    assert inspector.post(step_url(world, "final")).status_code == 302
    final = inspector.get(url(world)).context["scores"]["final"]
    expected = score(LKE, Sheet({k: CoreAnswer(v) for k, v in answers.items()},
                                {"1.a": CoreAnswer("A")}))
    assert final.total == expected.total and final.subscore_by_code["1.a"].grade.code == "A"


def test_a_page_shown_again_with_its_errors_still_refuses_a_stale_overwrite(world, operator_a,
                                                                           head_a):
    head_page = head_a.get(url(world))
    data = form_data(head_page, {"1.a.1": "T"})
    note = next(k for k in data if k.endswith("-note"))
    data[note] = "x" * 5001  # too long: the page comes back with the error
    again = head_a.post(url(world), data)
    assert again.status_code == 400
    assert again.context["version"] == head_page.context["version"]
    operator_a.post(url(world), form_data(operator_a.get(url(world)), {"1.a.1": "Y"}))
    # the head corrects the note and saves from the page shown again: 1.a.1 changed since
    data = form_data(again, {"1.a.1": "T"})
    data[note] = "pendek"
    refused_with(head_a.post(url(world), data), "LKE_CHANGED_SINCE")
    assert Answer.objects.get(code="1.a.1").answer == "Y"
