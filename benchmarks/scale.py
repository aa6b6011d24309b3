"""A plan ``factor`` times the size of another, for benchmarks: every goal, objective, strategy,
program, activity, indicator, budget, PK item, and the supporting tables and narratives about
them, copied with a suffixed code ("T1~2"); region, agency, series, spending, scales and the
agency-wide tables and narratives are shared."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from sakip.core.model import Plan

T = TypeVar("T")


def scale_plan(plan: Plan, factor: int) -> Plan:
    def code(value: str | None, k: int) -> str | None:
        return value if value is None or k == 1 else f"{value}~{k}"

    def name(value: str, k: int) -> str:
        return value if k == 1 else f"{value} ({k})"

    def copies(items: Iterable[T], make: Callable[[T, int], T],
               shared: Callable[[T], bool] = lambda item: False) -> tuple[T, ...]:
        items = tuple(items)
        return tuple(make(item, k) for k in range(1, factor + 1) for item in items
                     if k == 1 or not shared(item))

    def must(value: str | None) -> str:
        assert value is not None
        return value

    return replace(
        plan,
        goals=copies(plan.goals, lambda g, k: replace(g, code=must(code(g.code, k)),
                                                      name=name(g.name, k))),
        objectives=copies(plan.objectives, lambda o, k: replace(
            o, code=must(code(o.code, k)), name=name(o.name, k), goal=must(code(o.goal, k)))),
        strategies=copies(plan.strategies, lambda s, k: replace(
            s, code=must(code(s.code, k)), objectives=tuple(must(code(o, k)) for o in s.objectives))),
        programs=copies(plan.programs, lambda p, k: replace(
            p, code=must(code(p.code, k)), name=name(p.name, k), objective=code(p.objective, k))),
        activities=copies(plan.activities, lambda a, k: replace(
            a, code=must(code(a.code, k)), name=name(a.name, k), program=must(code(a.program, k)),
            parent=code(a.parent, k))),
        indicators=copies(plan.indicators, lambda i, k: replace(
            i, code=must(code(i.code, k)), owner=must(code(i.owner, k)))),
        budgets=copies(plan.budgets, lambda b, k: replace(b, activity=must(code(b.activity, k)))),
        tables=copies(plan.tables, lambda t, k: replace(t, code=must(code(t.code, k)),
                                                        subject=code(t.subject, k)),
                      shared=lambda t: t.subject is None),
        narratives=copies(plan.narratives, lambda n, k: replace(n, subject=code(n.subject, k)),
                          shared=lambda n: n.subject is None),
        agreements=tuple(replace(a, items=copies(a.items, lambda i, k: replace(
            i, indicator=must(code(i.indicator, k))))) for a in plan.agreements),
    )
