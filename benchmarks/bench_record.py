"""Saving the realisation grid through the one write path.

    python -m benchmarks.bench_record [--changes 10] [--repeat 15]

A fresh SQLite database in a temporary folder holds the Belitung example (69 indicators); the
operator posts the whole realisation grid of 2020 with ``--changes`` values changed, as a
browser does, through Django's test client (the view, the write path, the audit trail, the
redirect; the page shown after the redirect is not counted). Printed as a ratio to a floor
measured in the same run: the same changes written with bare ORM updates and one bulk insert
of their audit entries, in one transaction — what the save must at least do.

The same script, run on a checkout from before the write path, times "today's save" then
(the issue's bound: at most 2× that); docs/record.md has the numbers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from decimal import Decimal


def _setup() -> None:
    folder = tempfile.mkdtemp(prefix="sakip-bench-")
    os.environ["SAKIP_DATA_DIR"] = folder
    os.environ.setdefault("SAKIP_SECRET_KEY", "benchmark-only")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sakip.web.settings"
    os.environ.pop("SAKIP_DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    _setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from sakip.io.plan_file import load_plan
    from sakip.web.accounts.models import Membership, Role
    from sakip.web.demo import EXAMPLE
    from sakip.web.entry.cells import shown
    from sakip.web.plans.convert import store_plan
    from sakip.web.plans.models import ANNUAL, Actual, Indicator
    from sakip.web.workflow.models import AuditEntry

    settings.ALLOWED_HOSTS.append("testserver")
    agency = store_plan(load_plan(EXAMPLE))
    user = get_user_model().objects.create_user("operator", password="x")
    Membership.objects.create(user=user, region=agency.region, agency=agency, role=Role.OPERATOR)
    client = Client()
    client.force_login(user)
    year = 2020
    target = reverse("actuals", kwargs={"agency": agency.pk, "year": year})
    indicators = list(Indicator.objects.filter(agency=agency))
    changed = [i for i in indicators if not i.levels][:args.changes]

    def grid(value: int) -> dict[str, str]:
        """The whole grid as the page shows it, with ``changed`` rows set to ``value``."""
        stored = {(a.indicator_id, a.period): a for a in Actual.objects.filter(
            indicator__agency=agency, year=year)}
        # the revision the page carries (a checkout from before the write path has none)
        data = {"rev": str(getattr(type(agency).objects.get(pk=agency.pk), "revision", ""))}
        for i in indicators:
            for period in (1, 2, 3, 4, ANNUAL):
                row = stored.get((i.pk, period))
                data[f"a-{i.pk}-v{period}"] = shown(row.value if row else None)
            annual = stored.get((i.pk, ANNUAL))
            data[f"a-{i.pk}-s"] = annual.status if annual else "final"
            data[f"a-{i.pk}-x"] = (annual.text or "") if annual else ""
            data[f"a-{i.pk}-r"] = (annual.reason or "") if annual else ""
        for i in changed:  # a final figure
            data.update({f"a-{i.pk}-v{ANNUAL}": str(value), f"a-{i.pk}-s": "final",
                         f"a-{i.pk}-x": "", f"a-{i.pk}-r": ""})
        return data

    saves = []
    for n in range(args.repeat):
        data = grid(1000 + n)
        started = time.perf_counter()
        response = client.post(target, data)
        saves.append(time.perf_counter() - started)
        assert response.status_code == 302, response.status_code

    floors = []
    for n in range(args.repeat):
        started = time.perf_counter()
        with transaction.atomic():
            for i in changed:
                Actual.objects.filter(indicator=i, year=year, period=ANNUAL).update(
                    value=Decimal(2000 + n))
            AuditEntry.objects.bulk_create(
                AuditEntry(region=agency.region, agency=agency, year=year, user=user,
                           key=f"realisasi:{i.code}:{year}:0", field="value", old="1",
                           new=str(2000 + n)) for i in changed)
        floors.append(time.perf_counter() - started)

    save, floor = statistics.median(saves), statistics.median(floors)
    print(f"grid of {len(indicators)} indicators, {len(changed)} values changed, "
          f"median of {args.repeat}")
    print(f"  save through the view    {save * 1000:8.1f} ms")
    print(f"  floor (bare ORM + audit) {floor * 1000:8.1f} ms   ratio {save / floor:5.1f}×")


if __name__ == "__main__":
    main()
