"""The workflow of an agency-year: draft → submitted → returned | verified → approved (locked),
reopening with a reason; review notes; publication; each step in the history."""

from __future__ import annotations

from django.urls import reverse

from sakip.web.plans.models import Indicator
from sakip.web.workflow.models import AgencyYear, AuditEntry, ReviewNote
from tests.web.world import YEAR


def step(client, world, name, reason=""):
    return client.post(reverse("workflow_step", kwargs={"agency": world.a.pk, "year": YEAR,
                                                        "step": name}), {"alasan": reason})


def state(world):
    return AgencyYear.objects.get(agency=world.a, year=YEAR)


def edit_actuals(client, world):
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    return client.post(reverse("actuals", kwargs={"agency": world.a.pk, "year": YEAR}),
                       {f"a-{k.pk}-s": "final", f"a-{k.pk}-v0": "70", f"a-{k.pk}-r": ""})


def test_the_year_goes_from_draft_through_verification_to_approval(world, operator_a, head_a):
    assert step(operator_a, world, "ajukan").status_code == 302
    assert state(world).state == "submitted"
    assert step(head_a, world, "verifikasi").status_code == 302
    assert step(head_a, world, "setujui").status_code == 302
    assert state(world).state == "approved"
    history = AuditEntry.objects.filter(key=f"status:{YEAR}", field="state").order_by("id")
    assert [e.user.username for e in history] == ["operator_a", "head_a", "head_a"]
    frozen = AuditEntry.objects.get(key=f"status:{YEAR}", field="snapshot")
    assert frozen.new.startswith("versi 1 SHA-256 ") and frozen.user.username == "head_a"


def test_a_submitted_year_can_no_longer_be_edited_by_the_operator(world, operator_a):
    step(operator_a, world, "ajukan")
    assert edit_actuals(operator_a, world).status_code == 403


def test_returning_needs_a_reason_and_makes_the_year_editable_again(world, operator_a, inspector):
    step(operator_a, world, "ajukan")
    response = step(inspector, world, "kembalikan")
    assert response.status_code == 400 and state(world).state == "submitted"
    step(inspector, world, "kembalikan", "IKU-04: lampirkan surat BPS")
    assert state(world).state == "returned" and state(world).reason == "IKU-04: lampirkan surat BPS"
    assert edit_actuals(operator_a, world).status_code == 302


def test_an_approved_year_is_locked_until_reopened_with_a_reason(world, operator_a, head_a, admin):
    for client, name in ((operator_a, "ajukan"), (head_a, "verifikasi"), (head_a, "setujui")):
        step(client, world, name)
    assert edit_actuals(operator_a, world).status_code == 403
    assert step(admin, world, "buka-kembali").status_code == 400
    assert state(world).state == "approved"
    step(admin, world, "buka-kembali", "salah ketik realisasi IKU-06")
    assert state(world).state == "draft"
    assert edit_actuals(operator_a, world).status_code == 302


def test_only_the_head_approves_and_not_before_verification(world, operator_a, head_a, inspector):
    step(operator_a, world, "ajukan")
    assert step(head_a, world, "setujui").status_code == 403
    step(inspector, world, "verifikasi")
    assert step(operator_a, world, "setujui").status_code == 403
    assert step(inspector, world, "setujui").status_code == 403
    assert step(head_a, world, "setujui").status_code == 302


def test_another_agencys_head_cannot_take_any_step(world, django_user_model):
    from sakip.web.accounts.models import Membership

    other = django_user_model.objects.create_user("head_b", password="x")
    Membership.objects.create(user=other, region=world.b.region, agency=world.b, role="head")
    client = world.client("head_b")
    assert step(client, world, "ajukan").status_code == 403
    assert state(world).state == "draft"


def test_the_inspectorate_writes_notes_and_marks_the_report_reviewed(world, inspector, operator_a):
    url = reverse("review", kwargs={"agency": world.a.pk, "year": YEAR})
    assert inspector.post(url, {"catatan": "IKU-04 tanpa data 2020", "terkait": "IKU-04"}).status_code == 302
    assert ReviewNote.objects.filter(agency_year__agency=world.a, subject="IKU-04").exists()
    assert operator_a.post(url, {"catatan": "x"}).status_code == 403
    step(inspector, world, "tandai-direviu")
    assert state(world).reviewed_at is not None
    page = operator_a.get(url).content.decode()
    assert "IKU-04 tanpa data 2020" in page and "Ditandai telah direviu" in page


def test_the_review_page_lists_the_reviews_findings(world, inspector):
    page = inspector.get(reverse("review", kwargs={"agency": world.a.pk, "year": YEAR})).content.decode()
    assert "Temuan pemeriksaan otomatis" in page
    assert 'id="findings"' in page or "belum tersedia" in page


def test_a_published_year_is_readable_by_the_public(world, operator_a, head_a, admin, anonymous):
    public = reverse("public_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})
    assert anonymous.get(public).status_code == 302
    assert step(admin, world, "publikasikan").status_code == 403  # not approved yet
    for client, name in ((operator_a, "ajukan"), (head_a, "verifikasi"), (head_a, "setujui"),
                         (admin, "publikasikan")):
        step(client, world, name)
    response = anonymous.get(public)
    assert response.status_code == 200 and "IKU-02" in response.content.decode()
    assert world.a.name in anonymous.get(reverse("public_list")).content.decode()
    other = reverse("public_dashboard", kwargs={"agency": world.a.pk, "year": 2019})
    assert anonymous.get(other).status_code == 302  # another year stays closed
    step(admin, world, "buka-kembali", "koreksi")
    assert anonymous.get(public).status_code == 302  # reopening withdraws the publication
