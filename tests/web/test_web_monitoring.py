"""Through the year in the web application (issue 12 items 2–4 and the web half of 1): entry
windows and the write path's RECORD_PERIOD_CLOSED, the period entry page, completeness, "tugas
saya" and e-mail notifications (docs/monitoring.md)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from sakip.core import model
from sakip.core import records as r
from sakip.core.periods import Period
from sakip.web.monitoring import windows
from sakip.web.monitoring.models import Window, WindowEvent
from sakip.web.plans.write import write
from tests.web.language import english
from tests.web.world import YEAR

Q1 = Period.of(1, None)


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def iku(world, code="IKU-02"):  # type: ignore[no-untyped-def]
    return world.a.indicators.get(code=code)


def put_actual(world, code, quarter=None, month=None, value="5", **notes):  # type: ignore[no-untyped-def]
    key = (code, YEAR, quarter, month)
    actual = model.Actual(YEAR, Decimal(value), quarter=quarter, month=month, **notes)
    return write(world.a, user("operator_a"), [r.Put(r.ACTUAL, key, actual)])


def strip_periods(agency):  # type: ignore[no-untyped-def]
    """The agency's records of periods removed: the tests set their own (the example's demo
    periods change with the example)."""
    from sakip.web.plans.convert import plan_from_db

    plan = plan_from_db(agency)
    edits = [r.Remove(kind, key) for kind in (r.TARGET, r.ACTUAL, r.BUDGET)
             for key, _ in r.records_of(plan, kind) if key[-2] or key[-1]]
    if edits:
        assert not write(agency, user("admin"), edits).refused


@pytest.fixture(autouse=True)
def plain(world):  # type: ignore[no-untyped-def]
    strip_periods(world.a)
    strip_periods(world.b)
    world.a.refresh_from_db()
    world.b.refresh_from_db()


def close_q1(world, when=None):  # type: ignore[no-untyped-def]
    deadline = when or timezone.now() - timedelta(days=1)
    return windows.set_deadline(world.a.region, YEAR, Q1, deadline, user("admin"), "jadwal TW I")


# ------------------------------------------------------------------------- the write path


def test_a_closed_period_refuses_every_writer_with_a_located_message(world):
    assert not put_actual(world, "IKU-02", quarter=1, value="10").refused  # open: no window yet
    close_q1(world)
    outcome = put_actual(world, "IKU-02", quarter=1, value="12")
    assert [p.code for p in outcome.problems] == ["RECORD_PERIOD_CLOSED"]
    assert "masa pengisian Triwulan I 2020 ditutup" in outcome.problems[0].message_id
    assert "Quarter I 2020" in outcome.problems[0].message_en
    # a month of the quarter belongs to the quarter's window; another quarter and the year do not
    assert put_actual(world, "IKU-03", month=2, value="3").problems[0].code == "RECORD_PERIOD_CLOSED"
    assert not put_actual(world, "IKU-03", quarter=2, value="3").refused
    assert not put_actual(world, "IKU-03", value="70").refused
    budget = model.Budget("x", YEAR, spent=Decimal(5), quarter=1)
    activity = world.a.activities.first()
    refused = write(world.a, user("operator_a"),
                    [r.Put(r.BUDGET, (activity.code, YEAR, 1, None),
                           model.Budget(activity.code, YEAR, spent=budget.spent, quarter=1))])
    assert [p.code for p in refused.problems] == ["RECORD_PERIOD_CLOSED"]


def test_a_reopening_for_one_agency_lets_it_write_until_the_new_deadline(world):
    window = close_q1(world)
    with pytest.raises(windows.Refused):
        windows.reopen(window, user("admin"), "", timezone.now() + timedelta(days=2), world.a)
    windows.reopen(window, user("admin"), "server down on the last day",
                   timezone.now() + timedelta(days=2), world.a)
    assert not put_actual(world, "IKU-02", quarter=1, value="11").refused
    assert windows.closed(world.b, [(YEAR, 1, None)])  # the other agency stays closed
    windows.close(window, user("admin"), "selesai", world.a)
    assert put_actual(world, "IKU-02", quarter=1, value="13").refused
    actions = list(WindowEvent.objects.filter(window=window).values_list("action", "agency_id"))
    assert actions == [("set", None), ("reopen", world.a.pk), ("close", world.a.pk)]


def test_windows_of_a_year_are_all_quarters_or_all_months(world):
    close_q1(world)
    with pytest.raises(windows.Refused):
        windows.set_deadline(world.a.region, YEAR, Period.of(None, 4), timezone.now(), user("admin"))
    assert Window.objects.count() == 1


# ------------------------------------------------------------------------ period entry page


def entry_url(world, period="tw1"):  # type: ignore[no-untyped-def]
    from django.urls import reverse

    return reverse("period_entry", kwargs={"agency": world.a.pk, "year": YEAR, "period": period})


def test_the_period_page_refuses_an_off_track_value_without_its_causes(world, operator_a):
    i = iku(world, "IKU-06")
    p = f"p-{i.pk}-"
    page = operator_a.get(entry_url(world))
    assert page.status_code == 200 and f'name="{p}v"' in page.content.decode()
    assert f'name="{p}o"' not in page.content.decode()  # no causes asked yet
    refused = operator_a.post(entry_url(world), {p + "t": "80", p + "v": "40", p + "n": "",
                                                 "rev": world.a.revision})
    text = refused.content.decode()
    assert refused.status_code == 400
    assert "faktor penghambat" in text and f'name="{p}o"' in text and f'name="{p}f"' in text
    assert 'class="field-error"' in text
    saved = operator_a.post(entry_url(world), {
        p + "t": "80", p + "v": "40", p + "o": "anggaran terlambat", p + "f": "percepat lelang",
        p + "n": "target triwulan bertahap"})
    assert saved.status_code == 302, saved.content.decode()[:3000]
    page = operator_a.get(entry_url(world)).content.decode()
    assert "anggaran terlambat" in page and "Di bawah target" in page


# ------------------------------------------------------------------------------ completeness


def test_completeness_counts_indicators_budget_lines_and_evidence_of_a_period(world):
    from django.core.files.base import ContentFile

    from sakip.web.monitoring import completeness
    from sakip.web.plans.models import Actual
    from sakip.web.workflow.models import Evidence

    before = completeness.by_period(world.a.pk, YEAR, [Q1])[0]
    assert before.indicators > 0 and before.filled == 0 and before.evidence_share is None
    assert before.budgets > 0 and before.spent == 0
    assert len(before.missing_indicators) == before.indicators
    put_actual(world, "IKU-02", quarter=1, value="5")
    put_actual(world, "IKU-03", month=1, value="1")  # a monthly indicator: Q1 asks three months
    january, q1 = completeness.by_period(world.a.pk, YEAR, [Q1, Period.of(None, 1)])
    assert q1.filled == 1 and "IKU-02" not in q1.missing_indicators
    assert "IKU-03" in q1.missing_indicators
    assert january.filled == 1  # IKU-03's January; quarterly IKU-02 is not asked in January
    assert january.indicators == 1  # only monthly indicators are asked for a month not ending a quarter
    assert q1.indicator_share == (Decimal(100) / q1.indicators).quantize(Decimal("0.1"))
    row = Actual.objects.get(indicator__agency=world.a, indicator__code="IKU-02", year=YEAR,
                             period=1, month=0)
    evidence = Evidence(actual=row, name="b.pdf", kind="pdf", size=9)
    evidence.file.save("b.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    assert completeness.by_period(world.a.pk, YEAR, [Q1])[0].evidence_share == Decimal(100)
    assert completeness.share(1, 3) == Decimal("33.3")
    # a second realisation supported by the same file through its links counts as well
    put_actual(world, "IKU-06", quarter=1, value="7")
    assert completeness.by_period(world.a.pk, YEAR, [Q1])[0].evidenced == 1
    evidence.links.add(Actual.objects.get(indicator__agency=world.a, indicator__code="IKU-06",
                                          year=YEAR, period=1, month=0))
    assert completeness.by_period(world.a.pk, YEAR, [Q1])[0].evidenced == 2


def test_completeness_takes_a_fixed_number_of_queries_for_any_number_of_agencies(
        world, django_assert_max_num_queries):
    from sakip.web.monitoring import completeness

    periods = [Period.of(q, None) for q in (1, 2, 3, 4)]
    with django_assert_max_num_queries(6):
        one = completeness.compute([world.a.pk], YEAR, periods)
    with django_assert_max_num_queries(6):
        both = completeness.compute([world.a.pk, world.b.pk], YEAR, periods)
    assert one[(world.a.pk, Q1)] == both[(world.a.pk, Q1)]


def test_the_dashboards_show_completeness(world, head_a, admin):
    from django.urls import reverse

    put_actual(world, "IKU-02", quarter=1, value="5")
    page = head_a.get(reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR}))
    text = page.content.decode()
    assert 'id="completeness"' in text and "Triwulan I" in text
    region = admin.get(reverse("region_dashboard", kwargs={"year": YEAR})).content.decode()
    table = region.split('id="completeness"')[1]
    assert world.a.name in table and world.b.name in table and "Triwulan IV" in table


# --------------------------------------------------------------------- windows and late pages


def test_the_admin_sets_closes_and_reopens_a_window_on_its_page(world, admin, operator_a):
    from django.urls import reverse

    url = reverse("region_windows", kwargs={"year": YEAR})
    assert admin.get(url).status_code == 200
    done = admin.post(url, {"aksi": "tetapkan", "periode": "tw1", "batas": "2020-04-10T15:00"})
    assert done.status_code == 302
    window = Window.objects.get(region=world.a.region, year=YEAR, quarter=1)
    assert timezone.localtime(window.deadline).strftime("%Y-%m-%d %H:%M") == "2020-04-10 15:00"
    refused = admin.post(url, {"aksi": "tetapkan", "periode": "b5", "batas": "2020-06-10T15:00"})
    assert refused.status_code == 400 and "triwulan" in refused.content.decode()
    # closed (the deadline passed): the operator's page is read-only and says so
    page = operator_a.get(entry_url(world)).content.decode()
    assert "ditutup pada 10-04-2020 15:00" in page and "Simpan realisasi periode" not in page
    no_reason = admin.post(url, {"aksi": "buka", "jendela": window.pk, "opd": world.a.pk,
                                 "batas": (timezone.now() + timedelta(days=3)).strftime(
                                     "%Y-%m-%dT%H:%M"), "alasan": ""})
    assert no_reason.status_code == 400 and "Alasan wajib" in no_reason.content.decode()
    later = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    assert admin.post(url, {"aksi": "buka", "jendela": window.pk, "opd": world.a.pk,
                            "batas": later, "alasan": "gangguan jaringan"}).status_code == 302
    assert "Simpan realisasi periode" in operator_a.get(entry_url(world)).content.decode()
    log = admin.get(url).content.decode().split('id="window-events"')[1]
    assert "gangguan jaringan" in log and "dibuka kembali" in log and "admin" in log


def test_the_late_page_lists_late_and_missing_entries(world, admin, inspector):
    from django.urls import reverse

    window = close_q1(world)
    windows.reopen(window, user("admin"), "terlambat", timezone.now() + timedelta(days=1),
                   world.a)
    put_actual(world, "IKU-02", quarter=1, value="4")
    page = inspector.get(reverse("region_late", kwargs={"year": YEAR})).content.decode()
    row_a = page.split(f'data-agency="{world.a.code}"')[1].split("</tr>")[0]
    assert row_a.count("Realisasi IKU-02 2020 TW I") == 1 and "operator_a" in row_a
    assert "IKU-02" not in row_a.split('class="num missing"')[1].split("</td>")[1]  # not missing
    row_b = page.split(f'data-agency="{world.b.code}"')[1].split("</tr>")[0]
    assert "operator_a" not in row_b  # (its rows, removed by the fixture after the deadline, are)


# ------------------------------------------------------------------------------ tugas saya


def test_tugas_saya_lists_what_is_due_returned_and_to_decide(world, operator_a, head_a,
                                                             inspector):
    from django.urls import reverse

    from sakip.web.workflow.transitions import take

    url = reverse("tasks")
    assert "Tidak ada periode terbuka" in operator_a.get(url).content.decode()
    windows.set_deadline(world.a.region, YEAR, Q1, timezone.now() + timedelta(days=2),
                         user("admin"))
    due = operator_a.get(url).content.decode().split('id="due"')[1].split("</table>")[0]
    assert "Triwulan I 2020" in due and "IKU-02" in due
    state = windows_state(world)
    take(user("operator_a"), state, "ajukan")
    assert world.a.name in inspector.get(url).content.decode().split('id="decide"')[1]
    assert world.a.name in head_a.get(url).content.decode().split('id="decide"')[1]
    take(user("head_a"), state, "kembalikan", "lengkapi bukti")
    returned = operator_a.get(url).content.decode().split('id="returned"')[1]
    assert "lengkapi bukti" in returned


def windows_state(world):  # type: ignore[no-untyped-def]
    from sakip.web.access import agency_year

    return agency_year(world.a, YEAR)


# ---------------------------------------------------------------------------------- e-mail


def with_addresses():  # type: ignore[no-untyped-def]
    for name in ("operator_a", "head_a", "inspector", "admin", "operator_b"):
        get_user_model().objects.filter(username=name).update(email=f"{name}@example.go.id")


def test_submit_return_and_approve_mail_who_must_act_in_their_language(
        world, mailoutbox, django_capture_on_commit_callbacks):
    from sakip.web.monitoring.models import Preference
    from sakip.web.workflow.transitions import take

    with_addresses()
    Preference.objects.create(user=user("inspector"), language="en")
    state = windows_state(world)
    with django_capture_on_commit_callbacks(execute=True):
        take(user("operator_a"), state, "ajukan")
    to = {m.to[0]: m for m in mailoutbox}
    assert set(to) == {"head_a@example.go.id", "inspector@example.go.id"}
    assert "diajukan untuk verifikasi" in to["head_a@example.go.id"].subject
    assert "submitted for verification" in to["inspector@example.go.id"].subject
    assert f"/opd/{world.a.pk}/{YEAR}/alur/" in to["head_a@example.go.id"].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        take(user("head_a"), state, "kembalikan", "bukti kurang")
    assert [m.to[0] for m in mailoutbox] == ["operator_a@example.go.id"]
    assert "bukti kurang" in mailoutbox[0].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        take(user("operator_a"), state, "ajukan")
        take(user("head_a"), state, "verifikasi")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        take(user("head_a"), state, "setujui")
    assert {m.to[0] for m in mailoutbox} == {"operator_a@example.go.id", "admin@example.go.id"}


def test_notify_deadlines_mails_editors_of_agencies_with_missing_entries_once(world, mailoutbox):
    import io

    from django.core.management import call_command

    with_addresses()
    windows.set_deadline(world.a.region, YEAR, Q1, timezone.now() + timedelta(days=2),
                         user("admin"))
    out = io.StringIO()
    call_command("notify_deadlines", "--days", "1", stdout=out)
    assert mailoutbox == [] and "0 reminder(s)" in out.getvalue()  # not yet within a day
    call_command("notify_deadlines", "--days", "3", stdout=out)
    to = sorted(m.to[0] for m in mailoutbox)
    assert to == ["head_a@example.go.id", "operator_a@example.go.id", "operator_b@example.go.id"]
    assert "Batas pengisian Triwulan I 2020" in mailoutbox[0].subject
    assert "IKU-" in next(m.body for m in mailoutbox if m.to[0] == "operator_a@example.go.id")
    call_command("notify_deadlines", "--days", "3", stdout=out)
    assert len(mailoutbox) == 3  # once per period and agency


def test_the_command_is_reachable_as_python_m_sakip_web_notify_deadlines():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "sakip.web", "notify-deadlines", "--help"],
                            capture_output=True, text=True, env={
                                **__import__("os").environ, "SAKIP_DEBUG": "1",
                                "SAKIP_DATA_DIR": "/tmp/sakip-notify-help"}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "--days" in result.stdout


def test_evidence_of_a_period_realisation_counts_towards_completeness(world, operator_a):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from sakip.web.monitoring import completeness
    from sakip.web.workflow.models import AuditEntry, Evidence

    i = iku(world, "IKU-02")
    url = reverse("period_evidence", kwargs={"agency": world.a.pk, "year": YEAR, "period": "tw1",
                                             "indicator": i.pk})
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%\xe2\xe3\n", content_type="application/pdf")
    first = operator_a.post(url, {"berkas": pdf}, follow=True)
    assert "Simpan realisasi IKU-02 periode ini dahulu" in first.content.decode()
    put_actual(world, "IKU-02", quarter=1, value="5")
    pdf.seek(0)
    assert operator_a.post(url, {"berkas": pdf}).status_code == 302
    evidence = Evidence.objects.get(actual__indicator=i, actual__period=1)
    assert evidence.name == "bukti.pdf"
    assert AuditEntry.objects.filter(key="realisasi:IKU-02:2020:1", field="bukti").exists()
    page = operator_a.get(entry_url(world)).content.decode()
    assert "bukti.pdf" in page
    assert completeness.by_period(world.a.pk, YEAR, [Q1])[0].evidenced == 1
    close_q1(world)
    pdf.seek(0)
    refused = operator_a.post(url, {"berkas": pdf}, follow=True).content.decode()
    assert "sudah ditutup" in refused and Evidence.objects.filter(actual__indicator=i).count() == 1


def test_an_unknown_period_is_not_found_and_the_page_speaks_english(world, head_a):
    assert head_a.get(entry_url(world, "tw5")).status_code == 404
    assert head_a.get(entry_url(world, "b13")).status_code == 404
    page = english(head_a).get(entry_url(world, "b7")).content.decode()
    assert "Realisation July 2020" in page and "Period target" in page
    assert "read-only" in page  # the head does not edit


def test_which_window_covers_a_record_of_a_period(world):
    month = {m: Window(region=world.a.region, year=YEAR, month=m, deadline=timezone.now())
             for m in (1, 2, 3)}
    quarterly = [Window(region=world.a.region, year=YEAR, quarter=1, deadline=timezone.now())]
    assert windows.covering(quarterly, Period.of(None, 2)) is quarterly[0]
    assert windows.covering(list(month.values()), Period.of(1, None)) is month[3]  # its last month
    assert windows.covering(list(month.values()), Period.of(None, 2)) is month[2]
    assert windows.covering(list(month.values()), Period.of(2, None)) is None
    assert windows.key_period("realisasi:IKU-01:2020:3", 2020) == Period.of(3, None)
    assert windows.key_period("realisasi:IKU-01:2020:0:b7", 2020) == Period.of(None, 7)
    assert windows.key_period("anggaran:K1.1:2020:b12", 2020) == Period.of(None, 12)
    assert windows.key_period("target:IKU-01:2020", 2020) is None
    assert windows.key_period("realisasi:IKU-01:2020:0", 2020) is None
    assert [windows.slug(p) for p in (Period.of(4, None), Period.of(None, 11))] == ["tw4", "b11"]


def test_the_mail_language_is_chosen_on_tugas_saya(world, operator_a, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    from django.urls import reverse

    from sakip.web.workflow.transitions import take

    with_addresses()
    assert operator_a.post(reverse("tasks"), {"bahasa": "en"}).status_code == 302
    assert 'value="en" selected' in operator_a.get(reverse("tasks")).content.decode()
    state = windows_state(world)
    take(user("operator_a"), state, "ajukan")
    with django_capture_on_commit_callbacks(execute=True):
        take(user("head_a"), state, "kembalikan", "bukti kurang")
    assert mailoutbox[0].subject.endswith("returned for correction")
    assert "Reason: bukti kurang" in mailoutbox[0].body


def test_a_quarter_page_shows_a_line_entered_by_months_composed_read_only(world, operator_a):
    activity = world.a.activities.filter(budgets__year=YEAR, budgets__ceiling__isnull=False).first()
    edits = [r.Put(r.BUDGET, (activity.code, YEAR, None, m),
                   model.Budget(activity.code, YEAR, spent=Decimal(spent), physical=Decimal(pct),
                                month=m)) for m, spent, pct in ((1, 1000, 5), (2, 2500, 12))]
    assert not write(world.a, user("operator_a"), edits).refused
    page = operator_a.get(entry_url(world)).content.decode()
    row = page.split(f'data-code="{activity.code}"')[1].split("</tr>")[0]
    assert "Rp 3.500" in row and ">12<" in row and "diisi per bulan" in row
    assert f'name="k-{activity.pk}-s"' not in row
    january = operator_a.get(entry_url(world, "b1")).content.decode()
    assert 'value="1.000"' in january.split(f'data-code="{activity.code}"')[1].split("</tr>")[0]
