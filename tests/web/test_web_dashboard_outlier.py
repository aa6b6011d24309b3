"""The dashboard names the indicator that dominates the mean achievement (sakip/core/outliers.py)
and offers the mean without it and the median (issue 17 point 5)."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

from django.urls import reverse

from sakip.web.plans.models import Agency, StrategicPlan
from tests.web.world import YEAR


def _note(client, world, year: int = YEAR) -> str | None:
    page = client.get(reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": year}))
    found = re.search(r'<div class="outlier" id="mean-outlier".*?</div>', page.content.decode(),
                      re.S)
    return found[0] if found else None


def test_the_1002_percent_indicator_is_named_with_the_mean_without_it_and_the_median(
        world, head_a):
    note = _note(head_a, world)
    assert note is not None
    assert "IKU-01" in note and "1.002,00%" in note
    assert "117,80%" in note and "130,84%" in note  # without IKU-01; the median of 6
    assert "Admin Pemda dapat menetapkan batas" in note  # the plan sets no cap in means


def test_with_a_cap_in_the_settings_nothing_dominates(world, head_a):
    StrategicPlan.objects.filter(agency=world.a).update(cap=Decimal(120))
    # written around the write path: a new stamp, as a write gives, so no kept plan is used
    Agency.objects.filter(pk=world.a.pk).update(stamp=uuid.uuid4().hex)
    assert _note(head_a, world) is None


def test_in_english(world, head_a):
    head_a.post(reverse("set_language"), {"language": "en"})
    note = _note(head_a, world)
    assert note is not None and "IKU-01" in note and "117,80%" in note
