"""The cascade's groupings and canonical order, built in one pass (linear in the records), agree
with the plain definition: scanning every record for each parent."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.model import Activity, Objective, Plan, Program
from tests.workbook_plans import minimal_plan, plans


def _reference_activity_order(plan: Plan) -> list[str]:
    ordered: list[str] = []

    def visit(program: str, parent: str | None) -> None:
        for activity in plan.activities:
            if activity.program == program and activity.parent == parent:
                ordered.append(activity.code)
                visit(program, activity.code)

    for program in plan.programs:
        visit(program.code, None)
    reached = set(ordered)
    return ordered + [a.code for a in plan.activities if a.code not in reached]


@st.composite
def cascades(draw: st.DrawFn) -> Plan:
    """Programs and activities with sub-activities in any order, some under another program's
    activity or under no known activity (a plan's checks refuse those, the order still holds)."""
    programs = [f"P{i}" for i in range(draw(st.integers(1, 4)))]
    codes = [f"A{i}" for i in range(draw(st.integers(0, 25)))]
    activities = []
    for code in draw(st.permutations(codes)):
        parent = draw(st.none() | st.sampled_from([*codes, "X"])) if codes else None
        activities.append(Activity(code, code, draw(st.sampled_from(programs)),
                                   None if parent == code else parent))
    goals = minimal_plan().goals
    objectives = [Objective(f"S{i}", "s", draw(st.sampled_from([*(g.code for g in goals), "G?"])))
                  for i in range(draw(st.integers(0, 5)))]
    return dataclasses.replace(
        minimal_plan(), objectives=tuple(objectives),
        programs=tuple(Program(p, p, None) for p in programs), activities=tuple(activities))


@settings(max_examples=200, deadline=None)
@given(cascades())
def test_canonical_activity_order_is_the_depth_first_walk(plan: Plan) -> None:
    assert [a.code for a in plan.canonical().activities] == _reference_activity_order(plan)


@settings(max_examples=60, deadline=None)
@given(st.one_of(cascades(), plans()))
def test_groupings_are_the_plain_scans(plan: Plan) -> None:
    for goal in plan.goals:
        assert plan.objectives_of(goal.code) == tuple(o for o in plan.objectives if o.goal == goal.code)
    for objective in plan.objectives:
        assert plan.programs_of(objective.code) == tuple(
            p for p in plan.programs if p.objective == objective.code)
    for program in plan.programs:
        assert plan.activities_of(program.code) == tuple(
            a for a in plan.activities if a.program == program.code and a.parent is None)
    for activity in plan.activities:
        assert plan.sub_activities_of(activity.code) == tuple(
            a for a in plan.activities if a.parent == activity.code)
        assert plan.budgets_for(activity.code) == tuple(
            b for b in plan.budgets if b.activity == activity.code)
