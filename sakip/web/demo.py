"""Demo data: the Belitung example, a second agency derived from it (labelled as demo data),
and one account per role. Idempotent: loading twice changes nothing but the demo passwords."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from sakip.core.model import Plan
from sakip.core.numbers import quantize
from sakip.io.plan_file import load_plan
from sakip.web.accounts.models import Membership, Role
from sakip.web.plans.convert import store_plan
from sakip.web.plans.models import Agency, Region

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "belitung-2020.yaml"
SECOND_CODE = "dinas-contoh"


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    role: str  # a Role
    agency_code: str | None
    description: str


ACCOUNTS = (
    Account("admin", "demo-admin-2020", Role.ADMIN, None, "Admin Pemda (semua perangkat daerah)"),
    Account("operator", "demo-operator-2020", Role.OPERATOR, "dspppa", "Operator DSPPPA"),
    Account("kepala", "demo-kepala-2020", Role.HEAD, "dspppa", "Kepala DSPPPA"),
    Account("inspektur", "demo-inspektur-2020", Role.INSPECTOR, None, "Inspektorat"),
    Account("operator2", "demo-operator2-2020", Role.OPERATOR, SECOND_CODE,
            "Operator Dinas Contoh (data demo)"),
)


def second_plan(plan: Plan) -> Plan:
    """A second agency for the region view: Belitung's plan under another code, with every
    numeric realisation scaled by 0,9 — demo data, not an agency's real figures."""
    factor = Decimal("0.9")
    indicators = tuple(
        replace(i, actuals=tuple(
            replace(a, value=quantize(a.value * factor, i.precision)) if a.value is not None else a
            for a in i.actuals), formula=None)
        for i in plan.indicators)
    budgets = tuple(replace(b, spent=quantize(b.spent * factor, 0)) if b.spent is not None else b
                    for b in plan.budgets)
    agency = replace(plan.agency, code=SECOND_CODE, short_name="Dinas Contoh",
                     name="Dinas Contoh (DATA DEMO, turunan contoh Belitung)")
    return replace(plan, agency=agency, indicators=indicators, budgets=budgets,
                   agreements=(), tables=(), narratives=())


@transaction.atomic
def load_demo(example: Path = EXAMPLE) -> tuple[Region, list[Account]]:
    plan = load_plan(example)
    region = Region.objects.filter(name=plan.region.name).first()
    if region is None or not Agency.objects.filter(region=region, code=plan.agency.code).exists():
        agency = store_plan(plan, region=region)
        region = agency.region
    if not Agency.objects.filter(region=region, code=SECOND_CODE).exists():
        store_plan(second_plan(plan), region=region, demo=True)
    users = get_user_model()
    for account in ACCOUNTS:
        user, _ = users.objects.get_or_create(username=account.username)
        user.first_name = account.description
        user.set_password(account.password)
        user.is_active = True
        user.save()
        agency = (Agency.objects.get(region=region, code=account.agency_code)
                  if account.agency_code else None)
        Membership.objects.update_or_create(user=user, defaults={
            "region": region, "agency": agency, "role": account.role})
    return region, list(ACCOUNTS)
