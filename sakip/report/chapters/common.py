"""Small pieces several chapters share: indicators grouped by goal and objective, header cells."""

from __future__ import annotations

from dataclasses import dataclass

from sakip.core.enums import Level
from sakip.core.measure import IndicatorResult
from sakip.core.model import Goal, Indicator, Objective
from sakip.report.context import Context
from sakip.report.model import Align, Cell


@dataclass(frozen=True)
class Owner:
    """A goal or an objective with the key indicators it owns."""

    level: Level
    code: str
    name: str
    label: str  # "Tujuan 1" / "Sasaran 1"
    results: tuple[IndicatorResult, ...]


def owners(ctx: Context, goal: Goal | None = None, key_only: bool = True) -> list[Owner]:
    """Goals and objectives in plan order, each with its (key) indicators; empty ones left out."""
    result = []
    for g_index, g in enumerate(ctx.plan.goals, start=1):
        if goal is not None and g.code != goal.code:
            continue
        result.append(_owner(ctx, Level.GOAL, g, ctx.t("word.goal_n", n=g_index), key_only))
        objectives = ctx.plan.objectives_of(g.code)
        for o_index, objective in enumerate(objectives, start=1):
            n = f"{g_index}.{o_index}" if len(objectives) > 1 else str(g_index)
            result.append(_owner(ctx, Level.OBJECTIVE, objective,
                                 ctx.t("word.objective_n", n=n), key_only))
    return [o for o in result if o.results]


def _owner(ctx: Context, level: Level, item: Goal | Objective, label: str, key_only: bool) -> Owner:
    indicators = ctx.plan.indicators_of(item.code, level)
    chosen = [i for i in indicators if ctx.is_key(i) or not key_only]
    return Owner(level, item.code, item.name, label, tuple(ctx.m.result(i.code) for i in chosen))


def owner_text(ctx: Context, owner: Owner) -> str:
    word = ctx.t("word.goal") if owner.level is Level.GOAL else ctx.t("word.objective")
    return f"{word}: {owner.name}"


def head(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell(text, bold=True, align=Align.CENTER) for text in texts)


def numbered(texts: list[str]) -> str:
    """Several items in one cell, one per line, numbered when there is more than one."""
    if len(texts) == 1:
        return texts[0]
    return "\n".join(f"{i}. {text}" for i, text in enumerate(texts, start=1))


def names(indicators: tuple[Indicator, ...] | list[Indicator]) -> str:
    return numbered([i.name for i in indicators]) if indicators else "–"

