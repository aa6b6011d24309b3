"""The world every web test starts from: two agencies of one region and the personas.

The region holds agency A (the Belitung example) and agency B (a second, derived agency).
Personas: the regional admin, A's operator and head, B's operator, the inspectorate, and an
anonymous visitor.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.test import Client

from sakip.io.plan_file import load_plan
from sakip.web.accounts.models import Membership, Role
from sakip.web.demo import EXAMPLE, second_plan
from sakip.web.plans.convert import store_plan
from sakip.web.plans.models import Agency

YEAR = 2020
PERSONAS = ("admin", "operator_a", "head_a", "operator_b", "inspector", "anonymous")
PASSWORD = "persona-password-123"


def create_world() -> None:
    plan = load_plan(EXAMPLE)
    a = store_plan(plan)
    b = store_plan(second_plan(plan), region=a.region, demo=True)
    users = get_user_model()
    for name, role, agency in (("admin", Role.ADMIN, None), ("operator_a", Role.OPERATOR, a),
                               ("head_a", Role.HEAD, a), ("operator_b", Role.OPERATOR, b),
                               ("inspector", Role.INSPECTOR, None)):
        user = users.objects.create_user(name, password=PASSWORD, first_name=name)
        Membership.objects.create(user=user, region=a.region, agency=agency, role=role)


@dataclass
class World:
    a: Agency
    b: Agency

    def client(self, persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(get_user_model().objects.get(username=persona))
        return client
