"""The pohon kinerja (performance tree) of a plan for a year.

The cascade the SAKIP evaluation reads: the sasaran daerah of the RPJMD at the roots, then the
agency's tujuan, sasaran, programmes, kegiatan and sub-kegiatan, each node with its indicators
and the year's achievement and category as :func:`sakip.core.measure.measure` found them (this
module measures nothing itself) and the colour of the category's band (:mod:`sakip.core.scales`).

Where a node hangs:

* an objective under the first sasaran daerah it serves (its own ``serves``, else its goal's);
  the others it serves are listed in ``also_serves`` (a node appears once, so the tree stays
  linear in the plan's size);
* a goal under each sasaran daerah one of its objectives hangs under, with those objectives
  (a goal whose objectives serve two sasaran daerah is drawn under both, as a drawn pohon
  kinerja shows it); a goal without objectives under the first sasaran daerah it serves;
  a goal or objective serving none under the root :attr:`NodeKind.UNLINKED_GOALS`;
* a programme under its objective; a programme without one (or naming an unknown one) under
  the root :attr:`NodeKind.UNLINKED_PROGRAMS`; kegiatan under their programme, sub-kegiatan
  under their kegiatan (one whose kegiatan is unknown under the programme).

Node ids are stable: ``<kind>:<code>`` (``objective:S1``), a goal drawn a second time
``goal:T1@SD-2``, the synthetic roots ``unlinked:goals`` and ``unlinked:programs``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from sakip.core.enums import Level
from sakip.core.measure import GroupResult, IndicatorResult, Measurement, measure_indicator
from sakip.core.model import Activity, Band, Goal, Indicator, Objective, Plan, Program, Scale


class NodeKind(enum.Enum):
    REGION_OBJECTIVE = "region_objective"  # sasaran daerah (a root)
    UNLINKED_GOALS = "unlinked_goals"  # root: tujuan/sasaran serving no sasaran daerah
    UNLINKED_PROGRAMS = "unlinked_programs"  # root: programmes serving no sasaran
    GOAL = "goal"
    OBJECTIVE = "objective"
    PROGRAM = "program"
    ACTIVITY = "activity"
    SUB_ACTIVITY = "sub_activity"

    @property
    def synthetic(self) -> bool:
        """A root standing for no record of the plan."""
        return self in (NodeKind.UNLINKED_GOALS, NodeKind.UNLINKED_PROGRAMS)


@dataclass(frozen=True)
class TreeIndicator:
    """An indicator of a node with its measured result and its category's colour."""

    result: IndicatorResult
    color: str | None

    @property
    def indicator(self) -> Indicator:
        return self.result.indicator


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    code: str | None  # the record's code; None for a synthetic root
    name: str
    indicators: tuple[TreeIndicator, ...] = ()
    children: tuple[Node, ...] = ()
    # The node's own mean, where the measurement has one: a goal over its own indicators, an
    # objective over its indicators; else None (each indicator carries its own category).
    group: GroupResult | None = None
    category: str | None = None
    color: str | None = None
    also_serves: tuple[str, ...] = ()  # other sasaran daerah served (codes)

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Tree:
    year: int
    roots: tuple[Node, ...]
    scale: Scale  # the category scale whose bands colour the nodes

    def nodes(self) -> Iterator[Node]:
        for root in self.roots:
            yield from root.walk()

    @property
    def bands(self) -> tuple[Band, ...]:
        return self.scale.bands


UNLINKED_GOALS = "unlinked:goals"
UNLINKED_PROGRAMS = "unlinked:programs"


def build_tree(plan: Plan, m: Measurement) -> Tree:
    """The pohon kinerja of ``plan`` in the year ``m`` measured."""
    return _Builder(plan, m).tree()


class _Builder:
    def __init__(self, plan: Plan, m: Measurement) -> None:
        self.plan = plan
        self.m = m
        self.scale = plan.scale_by_code[m.settings.category_scale]
        self.colors = {band.label: band.color for band in self.scale.bands}
        region_objectives = {o.code for o in plan.region.objectives}
        self.known = region_objectives
        self.groups = {(g.level, g.code): g for g in (*m.groups, *m.own_groups)}
        self.programs_of: dict[str, list[Program]] = {}
        self.unlinked_programs: list[Program] = []
        for program in plan.programs:
            if program.objective is not None and program.objective in plan.objective_by_code:
                self.programs_of.setdefault(program.objective, []).append(program)
            else:
                self.unlinked_programs.append(program)
        self.region_indicators_of: dict[str, list[Indicator]] = {}
        for indicator in plan.region.indicators:
            if indicator.level is Level.OBJECTIVE:
                self.region_indicators_of.setdefault(indicator.owner, []).append(indicator)
        self.top_activities: dict[str, list[Activity]] = {}
        self.subs: dict[str, list[Activity]] = {}
        for activity in plan.activities:
            if activity.parent is not None and activity.parent in plan.activity_by_code:
                self.subs.setdefault(activity.parent, []).append(activity)
            else:
                self.top_activities.setdefault(activity.program, []).append(activity)

    # ------------------------------------------------------------------ placement

    def serves(self, goal: Goal, objective: Objective | None) -> tuple[str, ...]:
        """The known sasaran daerah served: the objective's own, else its goal's."""
        codes = objective.serves if objective is not None and objective.serves else goal.serves
        return tuple(dict.fromkeys(c for c in codes if c in self.known))

    def tree(self) -> Tree:
        # root code (None: unlinked) → goal code → its objectives hanging there
        placed: dict[str | None, dict[str, list[Objective]]] = {}
        also: dict[str, tuple[str, ...]] = {}
        objectives_of: dict[str, list[Objective]] = {}
        for objective in self.plan.objectives:
            objectives_of.setdefault(objective.goal, []).append(objective)
        for goal in self.plan.goals:
            objectives = objectives_of.get(goal.code, [])
            if not objectives:
                served = self.serves(goal, None)
                placed.setdefault(served[0] if served else None, {}).setdefault(goal.code, [])
                also[f"goal:{goal.code}"] = served[1:]
            for objective in objectives:
                served = self.serves(goal, objective)
                root = served[0] if served else None
                placed.setdefault(root, {}).setdefault(goal.code, []).append(objective)
                also[f"objective:{objective.code}"] = served[1:]
        goal_seen: set[str] = set()
        roots: list[Node] = []
        for region_objective in self.plan.region.objectives:
            goals = placed.get(region_objective.code)
            if not goals:
                continue
            indicators = self.region_indicators(region_objective.code)
            category = indicators[0].result.category if len(indicators) == 1 else None
            roots.append(Node(
                f"region_objective:{region_objective.code}", NodeKind.REGION_OBJECTIVE,
                region_objective.code, region_objective.name, indicators,
                tuple(self.goal(code, objectives, region_objective.code, goal_seen, also)
                      for code, objectives in goals.items()),
                None, category, self.colors.get(category) if category else None))
        if placed.get(None):
            roots.append(Node(UNLINKED_GOALS, NodeKind.UNLINKED_GOALS, None, "", (), tuple(
                self.goal(code, objectives, None, goal_seen, also)
                for code, objectives in placed[None].items())))
        if self.unlinked_programs:
            roots.append(Node(UNLINKED_PROGRAMS, NodeKind.UNLINKED_PROGRAMS, None, "", (),
                              tuple(self.program(p) for p in self.unlinked_programs)))
        return Tree(self.m.year, tuple(roots), self.scale)

    # ------------------------------------------------------------------ nodes

    def goal(self, code: str, objectives: list[Objective], root: str | None, seen: set[str],
             also: dict[str, tuple[str, ...]]) -> Node:
        goal = self.plan.goal_by_code[code]
        node_id = f"goal:{code}" if code not in seen else f"goal:{code}@{root or 'unlinked'}"
        seen.add(code)
        group = self.groups.get(("goal_own", code))
        return self.node(node_id, NodeKind.GOAL, code, goal.name, Level.GOAL, group,
                         tuple(self.objective(o, also) for o in objectives),
                         also.get(f"goal:{code}", ()))

    def objective(self, objective: Objective, also: dict[str, tuple[str, ...]]) -> Node:
        group = self.groups.get(("objective", objective.code))
        children = tuple(self.program(p) for p in self.programs_of.get(objective.code, ()))
        return self.node(f"objective:{objective.code}", NodeKind.OBJECTIVE, objective.code,
                         objective.name, Level.OBJECTIVE, group, children,
                         also.get(f"objective:{objective.code}", ()))

    def program(self, program: Program) -> Node:
        children = tuple(self.activity(a, NodeKind.ACTIVITY)
                         for a in self.top_activities.get(program.code, ()))
        return self.node(f"program:{program.code}", NodeKind.PROGRAM, program.code, program.name,
                         Level.PROGRAM, None, children)

    def activity(self, activity: Activity, kind: NodeKind) -> Node:
        children = tuple(self.activity(a, NodeKind.SUB_ACTIVITY)
                         for a in self.subs.get(activity.code, ()))
        return self.node(f"{kind.value}:{activity.code}", kind, activity.code, activity.name,
                         Level.ACTIVITY, None, children)

    def node(self, node_id: str, kind: NodeKind, code: str, name: str, level: Level,
             group: GroupResult | None, children: tuple[Node, ...],
             also_serves: tuple[str, ...] = ()) -> Node:
        indicators = tuple(self.indicator(self.m.result(i.code))
                           for i in self.plan.indicators_of(code, level))
        category = group.category if group is not None else None
        if group is None and len(indicators) == 1:
            category = indicators[0].result.category  # a node measured by one indicator
        return Node(node_id, kind, code, name, indicators, children, group, category,
                    self.colors.get(category) if category else None, also_serves)

    def indicator(self, result: IndicatorResult) -> TreeIndicator:
        color = self.colors.get(result.category) if result.category else None
        return TreeIndicator(result, color)

    def region_indicators(self, code: str) -> tuple[TreeIndicator, ...]:
        """The IKU Pemda of a sasaran daerah, measured by the core's rule for one indicator
        (the agency's measurement holds only the agency's indicators)."""
        settings = self.m.settings
        predicate = self.plan.scale_by_code[settings.predicate_scale]
        return tuple(
            self.indicator(measure_indicator(self.plan, i, self.m.year, settings, predicate,
                                             self.scale))
            for i in self.region_indicators_of.get(code, ()))
