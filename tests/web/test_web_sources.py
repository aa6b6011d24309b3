"""Asal angka on the web: each figure of the agency's dashboard opens its derivation, whose
inputs name the user and time of the audit entry that wrote them (issue 15, point 3)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sakip.core import model
from sakip.core import records as r
from sakip.web.plans.write import write
from tests.web.language import english
from tests.web.world import YEAR, World


def sources_url(world: World, what: str) -> str:
    return reverse("planning_sources", kwargs={"agency": world.a.pk, "year": YEAR, "what": what})


def test_a_value_written_on_the_web_names_its_user_and_time(world: World,
                                                              operator_a: Client) -> None:
    user = get_user_model().objects.get(username="operator_a")
    outcome = write(world.a, user, [r.Put(r.TARGET, ("IKU-02", YEAR, None, None),
                                          model.Target(YEAR, Decimal(85), note="direvisi"))],
                    reason="revisi")
    assert not outcome.refused
    response = operator_a.get(sources_url(world, "IKU-02"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Capaian IKU-02 2020" in html and "Realisasi IKU-02 2020" in html
    assert "diisi oleh operator_a" in html and "target:IKU-02:2020" in html
    assert "111,51" in html  # 94,78 / 85 × 100, the measurement's figure
    assert "dibulatkan setengah ke atas ke 2 desimal" in html
    # the derived realisation's input links to its own derivation
    assert sources_url(world, "actual:2020:IKU-02") in html
    english(operator_a)
    html = operator_a.get(sources_url(world, "IKU-02")).content.decode()
    assert "entered by operator_a" in html and "Achievement IKU-02 2020" in html


def test_a_programmes_absorption_and_the_agencys_mean_are_explained(world: World,
                                                                   inspector: Client) -> None:
    html = inspector.get(sources_url(world, "P1")).content.decode()
    assert "spending" not in html and "pagu × 100" in html and "83,95" in html
    html = inspector.get(sources_url(world, f"group:{YEAR}:{world.a.code}")).content.decode()
    assert "rata-rata capaian" in html


def test_every_figure_of_the_dashboard_opens_its_derivation(world: World,
                                                            operator_a: Client) -> None:
    dashboard = reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})
    html = operator_a.get(dashboard).content.decode()
    prefix = reverse("planning_sources", kwargs={"agency": world.a.pk, "year": YEAR,
                                                 "what": "X"})[:-2]
    links = {part.split('/"', 1)[0] for part in html.split(f'href="{prefix}')[1:]}
    assert {"IKU-01", "IKU-02", "P1", world.a.code} <= links
    for what in links:
        assert operator_a.get(f"{prefix}{what}/").status_code == 200, what


def test_an_unknown_code_is_not_found_and_an_outsider_is_refused(world: World,
                                                                 operator_a: Client,
                                                                 operator_b: Client) -> None:
    assert operator_a.get(sources_url(world, "NOPE")).status_code == 404
    assert operator_b.get(sources_url(world, "IKU-02")).status_code == 403


def test_the_agencys_report_names_who_entered_a_value_the_public_one_does_not(
        world: World, operator_a: Client, anonymous: Client) -> None:
    from sakip.web.workflow.models import AgencyYear, State

    user = get_user_model().objects.get(username="operator_a")
    assert not write(world.a, user, [r.Put(r.TARGET, ("IKU-02", YEAR, None, None),
                                           model.Target(YEAR, Decimal(85), note="direvisi"))]).refused
    own = operator_a.get(reverse("report", kwargs={"agency": world.a.pk, "year": YEAR,
                                                   "fmt": "html"}))
    assert own.status_code == 200 and "operator_a" in own.content.decode()
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state=State.APPROVED,
                                                                 published=True)
    public = anonymous.get(reverse("public_report", kwargs={"agency": world.a.pk, "year": YEAR,
                                                            "fmt": "html"}))
    assert public.status_code == 200
    assert "Sumber angka" in public.content.decode()
    assert "operator_a" not in public.content.decode()
