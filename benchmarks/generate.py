"""Plausible plans of any size, for benchmarks and property tests.

``generate_plan(i)`` builds one agency's plan: goals, objectives, programs, activities and
``indicators`` indicators over ``years`` years with targets, realisations (a few missing or
negative-polarity), raw series behind formulas, and budgets per activity and year. A region is
``[generate_plan(i) for i in range(50)]``. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from decimal import Decimal

from sakip.core.enums import ActualStatus, Level, Polarity, RegionKind, SpendingKind
from sakip.core.model import (
    Activity,
    Actual,
    Agency,
    Baseline,
    Budget,
    Goal,
    Indicator,
    Objective,
    Official,
    Plan,
    Program,
    Region,
    Series,
    SpendingLine,
    StrategicPlan,
    Target,
)
from sakip.io.standard_scales import standard_scales


def _d(rng: random.Random, low: float, high: float, places: int = 2) -> Decimal:
    # random floats are only a source of digits here; the value is built from text
    return Decimal(f"{rng.uniform(low, high):.{places}f}")


def generate_plan(index: int = 0, indicators: int = 300, years: int = 6, seed: int = 2020) -> Plan:
    rng = random.Random(seed * 1000 + index)
    start = 2019
    period = list(range(start, start + years))
    n_goals = 4
    goals = tuple(Goal(f"T{g}", f"Tujuan {g} agensi {index}") for g in range(1, n_goals + 1))
    objectives = tuple(Objective(f"S{g}.{o}", f"Sasaran {g}.{o}", f"T{g}")
                       for g in range(1, n_goals + 1) for o in (1, 2))
    programs = tuple(Program(f"P{p}", f"Program {p}", objectives[p % len(objectives)].code)
                     for p in range(1, 21))
    activities = tuple(Activity(f"K{p}.{a}", f"Kegiatan {p}.{a}", f"P{p}")
                       for p in range(1, 21) for a in range(1, 6))
    owners: list[tuple[Level, str]] = (
        [(Level.GOAL, g.code) for g in goals] + [(Level.OBJECTIVE, o.code) for o in objectives]
        + [(Level.PROGRAM, p.code) for p in programs]
    )
    series = []
    built = []
    for i in range(indicators):
        level, owner = owners[i] if i < len(owners) else (
            Level.ACTIVITY, activities[i % len(activities)].code)
        negative = rng.random() < 0.15
        formula = None
        if i % 25 == 0:
            cases, base = f"kasus_{i}", f"penduduk_{i}"
            series.append(Series(cases, f"Kasus {i}", values=tuple(
                (y, Decimal(rng.randint(5, 60))) for y in [start - 1, *period])))
            series.append(Series(base, f"Penduduk {i}", values=tuple(
                (y, Decimal(rng.randint(40000, 90000))) for y in [start - 1, *period])))
            formula = f"{cases}[n] / {base}[n] * 10000"
            negative = True
        targets = tuple(Target(y, _d(rng, 1, 100)) for y in period)
        actuals = []
        for y in period:
            roll = rng.random()
            if roll < 0.05:
                actuals.append(Actual(y, None, status=ActualStatus.NOT_AVAILABLE, reason="belum terbit"))
            elif roll < 0.9:
                actuals.append(Actual(y, _d(rng, 0, 120)))
        built.append(Indicator(
            code=f"I{i:03d}", name=f"Indikator {i}", level=level, owner=owner, unit="%",
            polarity=Polarity.NEGATIVE if negative else Polarity.POSITIVE, formula=formula,
            key=level in (Level.GOAL, Level.OBJECTIVE), baseline=Baseline(start - 1, _d(rng, 1, 100)),
            targets=targets, actuals=tuple(actuals)))
    budgets = []
    for activity in activities:
        for y in period:
            ceiling = Decimal(rng.randrange(10_000_000, 900_000_000, 1000))
            spent = (ceiling * _d(rng, 0.2, 1.0)).quantize(Decimal(1))
            budgets.append(Budget(activity.code, y, ceiling, spent=spent,
                                  explanation="pandemi" if rng.random() < 0.5 else None))
    spending = tuple(SpendingLine(y, kind, label, Decimal(rng.randrange(10**9, 9 * 10**9)),
                                  spent=Decimal(rng.randrange(10**8, 10**9)))
                     for y in period for kind, label in ((SpendingKind.INDIRECT, "Belanja Tidak Langsung"),
                                                         (SpendingKind.DIRECT, "Belanja Langsung")))
    plan = Plan(
        region=Region("Kabupaten Contoh", RegionKind.REGENCY),
        agency=Agency(f"opd{index:02d}", f"Perangkat Daerah {index}",
                      head=Official(f"Kepala {index}", "Kepala Dinas", None, "196508051994031006")),
        strategic_plan=StrategicPlan(f"Renstra {start}-{period[-1]}", start, period[-1], start - 1),
        goals=goals, objectives=objectives, programs=programs, activities=activities,
        indicators=tuple(built), series=tuple(series), budgets=tuple(budgets), spending=spending,
        scales=standard_scales(),
    )
    return plan.canonical()


def generate_region(agencies: int = 50, indicators: int = 300, years: int = 6) -> list[Plan]:
    return [generate_plan(i, indicators, years) for i in range(agencies)]
