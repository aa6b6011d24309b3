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


def test_completeness_takes_a_fixed_number_of_queries_for_any_number_of_agencies(
        world, django_assert_max_num_queries):
    from sakip.web.monitoring import completeness

    periods = [Period.of(q, None) for q in (1, 2, 3, 4)]
    with django_assert_max_num_queries(5):
        one = completeness.compute([world.a.pk], YEAR, periods)
    with django_assert_max_num_queries(5):
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
