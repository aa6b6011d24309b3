"""A region of N agencies with its RPJMD, for tests and benchmarks of the region's measurement
and the LKjIP Pemda (docs/region.md).

``generate_full_region(n)`` gives ``(region, plans)``: an RPJMD of three tujuan with two sasaran
each, IKU Pemda of every kind — measured from the region's own targets and realisations,
derived from one agency's indicator (``agency("opd00", "I004")``), the sum of two agencies'
indicators, and the mean of every contributing agency's (``mean(contributions)``) — and
contributions from every agency; each agency's plan is :func:`benchmarks.generate.generate_plan`
with that region. ``with_plan`` puts a given plan (the bundled Belitung example) first, its
region's RPJMD kept and the generated agencies added to its contributions. Deterministic.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from benchmarks.generate import generate_plan
from sakip.core.enums import Level, Polarity, RegionKind
from sakip.core.model import (
    Actual,
    Contribution,
    Indicator,
    Mission,
    Plan,
    Region,
    RegionGoal,
    RegionObjective,
    Target,
)

# the generated agencies' objective-level key indicators (generate_plan: I004..I011 own S1.1..)
_CONTRIBUTING = ("I004", "I005", "I006", "I007", "I008", "I009", "I010", "I011")


def generate_rpjmd(agencies: int, start: int = 2019, years: int = 6, seed: int = 2020) -> Region:
    """The RPJMD of a generated region whose agencies are ``opd00``…"""
    rng = random.Random(seed)
    period = range(start, start + years)
    goals = tuple(RegionGoal(f"TD{g}", f"Tujuan daerah {g}", f"M{(g - 1) % 2 + 1}")
                  for g in range(1, 4))
    objectives = tuple(RegionObjective(f"SD{g}.{o}", f"Sasaran daerah {g}.{o}", f"TD{g}")
                       for g in range(1, 4) for o in (1, 2))
    indicators: list[Indicator] = []
    for g in range(1, 4):  # a tujuan's IKU from the region's own data
        indicators.append(Indicator(
            code=f"IKD-{g}", name=f"Indeks tujuan daerah {g}", level=Level.GOAL, owner=f"TD{g}",
            unit="indeks", targets=tuple(Target(y, Decimal(60 + g + y - start)) for y in period),
            actuals=tuple(Actual(y, Decimal(f"{60 + g + y - start + rng.uniform(-2, 2):.2f}"))
                          for y in period[:-1])))
    formulas = ('agency("opd00", "I004")', None,
                'sum(agency("opd00", "I005"), agency("opd01", "I005"))' if agencies > 1
                else 'agency("opd00", "I005")',
                "mean(contributions)", "mean(contributions)", None)
    for index, objective in enumerate(objectives):
        formula = formulas[index] if index < agencies else None  # contributions: agency index
        own = formula is None
        indicators.append(Indicator(
            code=f"IKD-{objective.code[2:]}", name=f"Indikator sasaran daerah {objective.code[2:]}",
            level=Level.OBJECTIVE, owner=objective.code, unit="%",
            polarity=Polarity.NEGATIVE if index == 1 else Polarity.POSITIVE, formula=formula,
            targets=tuple(Target(y, Decimal(50 + index + y - start)) for y in period),
            actuals=tuple(Actual(y, Decimal(f"{50 + index + rng.uniform(-5, 5):.2f}"))
                          for y in period) if own else ()))
    contributions = tuple(
        Contribution(objectives[a % len(objectives)].code, f"opd{a:02d}",
                     (_CONTRIBUTING[a % len(_CONTRIBUTING)],))
        for a in range(agencies))
    return Region(
        name="Kabupaten Contoh", kind=RegionKind.REGENCY, head_title="Bupati",
        head_name="Bupati Contoh", rpjmd_start=start, rpjmd_end=start + years - 1,
        vision="Kabupaten Contoh yang maju dan sejahtera",
        missions=(Mission("M1", "Meningkatkan kualitas hidup"),
                  Mission("M2", "Meningkatkan tata kelola pemerintahan")),
        goals=goals, objectives=objectives, indicators=tuple(indicators),
        contributions=contributions)


def generate_full_region(agencies: int = 40, indicators: int = 12, years: int = 6,
                         with_plan: Plan | None = None) -> tuple[Region, list[Plan]]:
    """``agencies`` generated agencies (``indicators`` each: 12 makes them all key indicators of
    goals and objectives) in one region; with ``with_plan`` first, in its region."""
    if with_plan is None:
        region = generate_rpjmd(agencies, years=years)
    else:
        extra = tuple(Contribution(o.code, f"opd{a:02d}", (_CONTRIBUTING[a % len(_CONTRIBUTING)],))
                      for a, o in ((a, with_plan.region.objectives[a % len(
                          with_plan.region.objectives)]) for a in range(agencies)))
        region = replace(with_plan.region,
                         contributions=with_plan.region.contributions + extra)
    plans = [replace(generate_plan(i, indicators, years), region=region)
             for i in range(agencies)]
    if with_plan is not None:
        plans.insert(0, replace(with_plan, region=region))
    return region, plans
