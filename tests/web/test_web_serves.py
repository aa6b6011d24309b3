"""A goal and an objective name the sasaran daerah they serve on the structure pages; a code the
region's RPJMD does not hold is refused by the plan's checks, and nothing is written."""

from __future__ import annotations

from django.urls import reverse

from sakip.web.plans.models import Goal, RegionGoal, RegionObjective
from sakip.web.workflow.models import AuditEntry
from tests.web.world import YEAR


def _url(world, goal):
    return reverse("structure_edit", kwargs={"agency": world.a.pk, "year": YEAR,
                                             "kind": "tujuan", "pk": goal.pk})


def _region_objective(world):
    RegionGoal.objects.create(region=world.a.region, code="TD9", name="Tujuan daerah")
    RegionObjective.objects.create(region=world.a.region, code="SD9", name="Sasaran daerah",
                                   goal="TD9")


def test_a_goal_serves_a_sasaran_daerah_and_the_change_is_recorded(world, operator_a):
    _region_objective(world)
    goal = Goal.objects.filter(agency=world.a).first()
    response = operator_a.post(_url(world, goal), {
        "code": goal.code, "name": goal.name, "mission": goal.mission or "", "serves": "SD9"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.serves == ["SD9"]
    assert AuditEntry.objects.filter(key=f"tujuan:{goal.code}", field="serves").exists()


def test_an_unknown_sasaran_daerah_is_refused(world, operator_a):
    goal = Goal.objects.filter(agency=world.a).first()
    before = goal.serves
    response = operator_a.post(_url(world, goal), {
        "code": goal.code, "name": goal.name, "mission": goal.mission or "", "serves": "SD-X"})
    assert response.status_code == 400
    assert "sasaran daerah &#x27;SD-X&#x27; tidak dikenal" in response.content.decode()
    goal.refresh_from_db()
    assert goal.serves == before
