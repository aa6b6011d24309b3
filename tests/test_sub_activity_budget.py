"""Sub-activities' budgets (Sub Kegiatan, Permendagri 90/2019): their lines under their activity,
the program summing them, the low-absorption list, and the plan check of the parent's figures."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from sakip.core.budget import roll_up, sub_activity_sums
from sakip.core.measure import measure
from sakip.io.plan_checks import check_plan
from sakip.io.problems import InputError, Severity
from sakip.io.workbook import export_plan, import_workbook
from tests.conftest import BASE, plan_from
from tests.workbook_plans import plans

BODY = """\
goals:
  - code: T1
    name: Tujuan
    objectives:
      - {code: S1, name: Sasaran}
programs:
  - code: P1
    name: Program satu
    objective: S1
    activities:
      - code: K1
        name: Kegiatan dengan sub kegiatan
        budget: {2020: {ceiling: 1000, spent: 700, explanation: kegiatan}}
        sub_activities:
          - code: K1.1
            name: Sub kegiatan baik
            budget: {2020: {ceiling: 600, spent: 570}}
          - code: K1.2
            name: Sub kegiatan rendah
            budget: {2020: {ceiling: 400, spent: 130, explanation: lelang gagal}}
      - code: K2
        name: Kegiatan tanpa sub kegiatan
        budget: {2020: {ceiling: 500, spent: 450}}
"""


def lines_of(plan, year=2020):
    return {line.code: line for line in roll_up(plan, year, plan.settings)}


def test_sub_activities_have_their_own_lines_under_their_activity():
    plan = plan_from(BODY)
    lines = roll_up(plan, 2020, plan.settings)
    assert [(x.code, x.parent) for x in lines if x.level == "activity"] == [
        ("K1", "P1"), ("K1.1", "K1"), ("K1.2", "K1"), ("K2", "P1")]
    by_code = {x.code: x for x in lines}
    assert (by_code["K1.1"].ceiling, by_code["K1.1"].spent, by_code["K1.1"].absorption) == (
        Decimal("600"), Decimal("570"), Decimal("95.00"))
    assert (by_code["K1.2"].ceiling, by_code["K1.2"].spent, by_code["K1.2"].absorption) == (
        Decimal("400"), Decimal("130"), Decimal("32.50"))


def test_the_program_sums_the_sub_activities_not_the_parents_own_figure():
    lines = lines_of(plan_from(BODY))
    # K1 = K1.1 + K1.2 = 1000 / 700; the parent's own 1000 / 700 is compared, not added
    assert (lines["K1"].ceiling, lines["K1"].spent, lines["K1"].absorption) == (
        Decimal("1000"), Decimal("700"), Decimal("70.00"))
    assert (lines["P1"].ceiling, lines["P1"].spent, lines["P1"].absorption) == (
        Decimal("1500"), Decimal("1150"), Decimal("76.67"))
    assert lines["dinas"].ceiling == Decimal("1500")


def test_a_differing_parent_figure_does_not_change_the_roll_up():
    plan = plan_from(BODY.replace("ceiling: 1000, spent: 700", "ceiling: 9000, spent: 10"))
    lines = lines_of(plan)
    assert (lines["K1"].ceiling, lines["K1"].spent) == (Decimal("1000"), Decimal("700"))
    assert (lines["P1"].ceiling, lines["P1"].spent) == (Decimal("1500"), Decimal("1150"))


def test_sub_activities_without_budgets_leave_the_parents_figure():
    body = BODY.replace("            budget: {2020: {ceiling: 600, spent: 570}}\n", "").replace(
        "            budget: {2020: {ceiling: 400, spent: 130, explanation: lelang gagal}}\n", "")
    lines = lines_of(plan_from(body))
    assert (lines["K1"].ceiling, lines["K1"].spent, lines["K1"].missing) == (
        Decimal("1000"), Decimal("700"), ())
    assert (lines["K1.1"].ceiling, lines["K1.1"].missing) == (None, ("K1.1",))
    assert (lines["P1"].ceiling, lines["P1"].missing) == (Decimal("1500"), ())


def test_a_sub_activity_without_budget_is_missing_from_the_program():
    body = BODY.replace("            budget: {2020: {ceiling: 600, spent: 570}}\n", "")
    lines = lines_of(plan_from(body))
    assert (lines["K1"].ceiling, lines["K1"].missing) == (Decimal("400"), ("K1.1",))
    assert (lines["P1"].ceiling, lines["P1"].missing) == (Decimal("900"), ("K1.1",))


def test_low_absorption_lists_sub_activities_with_their_explanations():
    m = measure(plan_from(BODY), 2020)
    assert [(a.activity, a.parent, a.absorption, a.explanation) for a in m.low_absorption] == [
        ("K1", None, Decimal("70.00"), "kegiatan"),
        ("K1.2", "K1", Decimal("32.50"), "lelang gagal")]


def test_matching_figures_raise_no_problem():
    plan = plan_from(BODY)
    assert [p for p in check_plan(plan) if p.code == "PLAN_SUB_ACTIVITY_SUM"] == []
    assert [(s.activity, s.year, s.ceiling, s.spent) for s in sub_activity_sums(plan)] == [
        ("K1", 2020, Decimal("1000"), Decimal("700"))]


def test_a_parent_figure_differing_from_the_sum_is_a_located_warning():
    plan = plan_from(BODY.replace("ceiling: 1000, spent: 700", "ceiling: 1200, spent: 700"))
    found = [p for p in check_plan(plan) if p.code == "PLAN_SUB_ACTIVITY_SUM"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "1200" in found[0].message_id and "1000" in found[0].message_en


def test_the_plan_file_reports_it_at_the_parents_budget_line():
    body = BODY.replace("ceiling: 1000, spent: 700", "ceiling: 1000, spent: 650").replace(
        "ceiling: 500, spent: 450", "ceiling: -1, spent: 450")  # an error, so problems are raised
    with pytest.raises(InputError) as caught:
        plan_from(body)
    found = [p for p in caught.value.problems if p.code == "PLAN_SUB_ACTIVITY_SUM"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    lines = (BASE + body).splitlines()
    assert found[0].line is not None and "spent: 650" in lines[found[0].line - 1]
    assert found[0].path == "programs[0].activities[0].budget.2020.spent"


def test_the_workbook_reports_it_as_a_warning(tmp_path):
    plan = plan_from(BODY.replace("ceiling: 1000, spent: 700", "ceiling: 1000, spent: 800"))
    target = tmp_path / "plan.xlsx"
    export_plan(plan, target)
    result = import_workbook(target)
    found = [p for p in result.warnings if p.code == "PLAN_SUB_ACTIVITY_SUM"]
    assert len(found) == 1 and found[0].sheet is not None and found[0].row is not None


def _leaves(plan, year):
    """The lines that carry the budget: sub-activities where any has data, else the activity."""
    data = {b.activity for b in plan.budgets_of(year)
            if b.ceiling is not None or b.spent is not None}
    # by level and code: a generated agency may share its code with an activity
    lines = {(line.level, line.code): line for line in roll_up(plan, year, plan.settings)}
    for program in plan.programs:
        leaves = []
        for activity in plan.activities_of(program.code):
            subs = [a.code for a in plan.activities if a.parent == activity.code]
            leaves += subs if any(s in data for s in subs) else [activity.code]
        yield lines["program", program.code], [lines["activity", code] for code in leaves]


def _total(values):
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_a_programs_ceiling_and_spending_are_the_sums_of_its_leaf_lines(plan):
    for year in sorted({b.year for b in plan.budgets}) or [plan.strategic_plan.start]:
        for program, leaves in _leaves(plan, year):
            if not leaves:
                continue
            assert program.ceiling == _total(x.ceiling for x in leaves)
            assert program.spent == _total(x.spent for x in leaves)


def test_the_annex_budget_tables_print_sub_activities_under_their_activity():
    from sakip.report import build_report
    from tests.report_helpers import by_caption, keyed

    document = build_report(plan_from(BODY), 2020)
    physical = by_caption(document, "Rekapitulasi Realisasi Fisik dan Keuangan Kegiatan")
    names = [row.cells[0].text for row in physical.rows]
    assert names[1:5] == ["Kegiatan dengan sub kegiatan", "\u2013 Sub kegiatan baik",
                          "\u2013 Sub kegiatan rendah", "Kegiatan tanpa sub kegiatan"]
    assert [c.value for c in physical.rows[3].cells[1:4]] == [
        Decimal("400"), Decimal("130"), Decimal("32.50")]
    cells = keyed(document)
    # RKT, PKK and the physical-and-financial annex each print it
    assert [c.value for c in cells["ceiling:2020:K1.1"]] == [Decimal("600")] * 3
