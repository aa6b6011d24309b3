"""Data entry: Indonesian numbers in, core-computed achievements out, errors beside the field,
nothing saved while anything is wrong, every change in the history."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from sakip.web.entry.cells import shown
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import ANNUAL, Actual, Budget, Indicator, Target
from sakip.web.workflow.models import AuditEntry
from tests.web.world import YEAR


def url(name, world, **extra):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **extra})


def grid_post(client, world, indicator, **fields):
    """Post one row of the realisation grid, the rest of the form as the page shows it."""
    data = {f"a-{indicator.pk}-{k}": "" for k in ("v0", "v1", "v2", "v3", "v4", "x", "r")}
    data[f"a-{indicator.pk}-s"] = "final"
    data.update({f"a-{indicator.pk}-{k}": v for k, v in fields.items()})
    return client.post(url("actuals", world), data)


def test_an_operator_enters_a_realisation_and_sees_the_core_achievement(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    response = grid_post(operator_a, world, kla, v0="80", r="")
    assert response.status_code == 302
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal(80)
    page = operator_a.get(url("actuals", world)).content.decode()
    row = page.split('data-code="IKU-06"')[1].split("</tr>")[0]
    assert "106,67" in row and "Sangat baik" in row  # 80 / 75 × 100, computed by the core


def test_indonesian_thousands_and_decimal_comma_are_read(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKP-2.1")
    grid_post(operator_a, world, k, v0="1.234,5")
    assert Actual.objects.get(indicator=k, year=YEAR, period=ANNUAL).value == Decimal("1234.5")


def test_a_malformed_number_is_shown_beside_its_cell_and_nothing_is_saved(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    before = AuditEntry.objects.count()
    quarter = list(Actual.objects.filter(indicator=kla, year=YEAR, period=1)
                   .values_list("value", flat=True))
    response = grid_post(operator_a, world, kla, v0="12,3,4", v1="5")
    assert response.status_code == 400
    page = response.content.decode()
    assert "bukan angka" in page and 'aria-invalid="true"' in page
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal("60.9")
    assert list(Actual.objects.filter(indicator=kla, year=YEAR, period=1)
                .values_list("value", flat=True)) == quarter
    assert AuditEntry.objects.count() == before


def test_data_not_available_needs_a_reason_and_no_value(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    response = grid_post(operator_a, world, k, s="not_available", r="")
    page = response.content.decode()
    # the plan checks' own rule, beside the reason's input
    assert response.status_code == 400 and "harus diberi alasan" in page
    assert f'name="a-{k.pk}-r"' in page and 'aria-invalid="true"' in page
    response = grid_post(operator_a, world, k, s="not_available", v0="5", r="BPS")
    assert response.status_code == 400 and "tidak boleh berisi nilai" in response.content.decode()
    response = grid_post(operator_a, world, k, s="not_available", r="menunggu BPS")
    assert response.status_code == 302
    row = Actual.objects.get(indicator=k, year=YEAR, period=ANNUAL)
    assert row.value is None and row.status == "not_available" and row.reason == "menunggu BPS"


def test_quarters_combine_by_the_indicators_rule(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKP-2.1")  # aggregation: last
    Actual.objects.filter(indicator=k, year=YEAR).delete()
    grid_post(operator_a, world, k, v1="10", v2="20", v3="30", v4="40")
    page = operator_a.get(url("actual_detail", world, indicator=k.pk)).content.decode()
    assert "100,00" in page  # last quarter 40 against target 40


def test_every_change_records_who_when_old_new_and_why(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    grid_post(operator_a, world, kla, v0="61,5")
    operator_a.post(url("actuals", world), {f"a-{kla.pk}-s": "final", f"a-{kla.pk}-v0": "62",
                                            f"a-{kla.pk}-r": "", "alasan": "data final Kementerian PPPA"})
    entries = AuditEntry.objects.filter(key=f"realisasi:IKU-06:{YEAR}:0", field="value")
    assert [(e.old, e.new) for e in entries.order_by("id")] == [("60.9", "61.5"), ("61.5", "62")]
    last = entries.order_by("id").last()
    assert last.user.username == "operator_a" and last.reason == "data final Kementerian PPPA"
    page = operator_a.get(url("history", world) + f"?kunci=realisasi:IKU-06:{YEAR}:0").content.decode()
    assert "61,5" in page and "data final Kementerian PPPA" in page and "operator_a" in page


def test_targets_are_edited_per_year(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    plan = plan_from_db(world.a)
    year_target = plan.indicator_by_code["IKU-06"].target(YEAR)
    data = {f"t-{k.pk}-{y}": v for y, v in ((2019, "70"), (YEAR, shown(year_target.value)),
                                            (2021, "80,5"), (2022, "83"), (2023, "85"))}
    assert operator_a.post(url("targets", world), data).status_code == 302
    assert Target.objects.get(indicator=k, year=2021, period=0, month=0).value == Decimal("80.5")


def test_a_years_target_its_periods_no_longer_compose_to_needs_a_note(world, operator_a):
    """The example's 2020 targets of IKU-06 have quarterly targets (demo data) that compose to
    the year's: another year's target is refused until the year's target says why."""
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    assert plan_from_db(world.a).indicator_by_code["IKU-06"].period_targets(YEAR)
    response = operator_a.post(url("targets", world), {f"t-{k.pk}-{YEAR}": "99"})
    assert response.status_code == 400
    assert "tidak sama dengan target tahun" in response.content.decode()
    assert Target.objects.get(indicator=k, year=YEAR, period=0, month=0).value != Decimal(99)


def test_a_locked_years_targets_are_not_changed_by_the_grid(world, operator_a):
    from sakip.web.workflow.models import AgencyYear

    AgencyYear.objects.update_or_create(agency=world.a, year=2019, defaults={"state": "approved"})
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    operator_a.post(url("targets", world), {f"t-{k.pk}-2019": "1", f"t-{k.pk}-2020": "75"})
    assert Target.objects.get(indicator=k, year=2019).value == Decimal(70)


def test_budgets_are_entered_in_rupiah_and_absorption_comes_from_the_core(world, operator_a):
    budget = Budget.objects.get(activity__agency=world.a, activity__code="K1.1", year=YEAR,
                                period=0, month=0)
    a = budget.activity
    response = operator_a.post(url("budgets", world), {
        f"b-{a.pk}-pg": "389.950.000", f"b-{a.pk}-rs": "Rp 350.000.000", f"b-{a.pk}-pi": "",
        f"b-{a.pk}-fs": "", f"b-{a.pk}-sd": "", f"b-{a.pk}-pj": ""})
    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.spent == Decimal(350000000)
    page = operator_a.get(url("budgets", world)).content.decode()
    assert "89,76" in page.split('data-code="K1.1"')[1].split("</tr>")[0]


def test_a_negative_budget_is_refused(world, operator_a):
    a = Budget.objects.get(activity__agency=world.a, activity__code="K1.1", year=YEAR,
                                period=0, month=0).activity
    response = operator_a.post(url("budgets", world), {f"b-{a.pk}-pg": "-5", f"b-{a.pk}-rs": ""})
    assert response.status_code == 400 and "tidak boleh negatif" in response.content.decode()


def test_the_actual_page_shows_achievement_predicate_category_and_rule(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKU-05")  # negative, derived from data
    page = operator_a.get(url("actual_detail", world, indicator=k.pk)).content.decode()
    assert "145,79" in page and "(2T − R) / T × 100" in page and "Sangat baik" in page
