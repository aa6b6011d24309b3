"""Perjanjian Kinerja per level (*PK berjenjang*, PermenPAN-RB 53/2014, Lampiran I): who signs
what with whom in a year, derived from the plan, and whether each lower PK serves an upper one.

- **Head** (kepala perangkat daerah, eselon II) with the regent: the sasaran strategis — the items
  of the plan's agreement in force for the year (:meth:`Plan.agreement`: the latest amendment,
  else the original), with their agreed targets; the budget of every programme.
- **Administrator** (eselon III: Sekretaris, Kepala Bidang — a :class:`Unit` without ``parent``)
  with the head: the programme sasaran — the indicators of the programmes whose ``unit`` is the
  unit, with the year's targets (:meth:`Indicator.target`); the programmes' budget.
- **Supervisor** (eselon IV: Kepala Sub Bagian / Seksi — a unit with ``parent``) with the
  administrator of the parent unit: the kegiatan sasaran — the indicators of the activities whose
  ``unit`` is the unit (a sub-activity with its own unit too; one without follows its activity),
  with the year's targets; the activities' budget.

Budgets are the year's ceilings of :func:`sakip.core.budget.roll_up` (a unit's total is their
sum); every PK is dated as the head's agreement is signed (``AgreementVersion.signed``).

The checks (:func:`derive` returns them as :class:`Defect`, with stable codes; the plan review
shows them, ``sakip.review.plan.agreement_levels``):

- ``PLAN_PK_PROGRAM_SERVES``: a programme in an administrator's PK serves (``Program.objective``)
  no sasaran with an indicator in the head's PK (checked when the head has a PK for the year);
- ``PLAN_PK_ACTIVITY_SERVES``: an activity in a supervisor's PK belongs to a programme that is not
  in the PK of the administrator *of the supervisor's parent unit* (the superior who signs it:
  a kegiatan serving another Bidang's programme is agreed with the wrong superior);
- ``PLAN_PK_TIER``: a programme assigned to a supervisor's unit, or an activity to an
  administrator's (no PK of that level holds it);
- ``PLAN_PK_NO_SIGNATORY``: a PK with items or budget whose signatory (the unit's head, or the
  agency's head) is not named;
- ``PLAN_PK_NO_UNIT``: a programme or an activity (kegiatan) with no unit is in no PK; when no
  programme or activity of the plan names a unit at all, one finding says so;
- ``PLAN_PK_NO_TARGET``: an item of a PK without a target for the year.

A plan that lists no unit (``agency.units`` empty: a plan made only to be measured) says nothing
of its organisation; its PKs below the head's cannot be derived and the checks are not run.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sakip.core.budget import BudgetLine, roll_up
from sakip.core.enums import Level
from sakip.core.model import Activity, Indicator, Official, Plan, Program, Unit

HEAD = "kepala"  # the slug of the head's PK (units are named by their code)


class Tier(enum.Enum):
    HEAD = "head"  # eselon II: kepala perangkat daerah
    ADMINISTRATOR = "administrator"  # eselon III: Sekretaris, Kepala Bidang
    SUPERVISOR = "supervisor"  # eselon IV: Kepala Sub Bagian, Kepala Seksi

    @property
    def label_id(self) -> str:
        return {Tier.HEAD: "Kepala Perangkat Daerah", Tier.ADMINISTRATOR: "Pejabat Administrator",
                Tier.SUPERVISOR: "Pejabat Pengawas"}[self]

    @property
    def label_en(self) -> str:
        return {Tier.HEAD: "Head of agency", Tier.ADMINISTRATOR: "Administrator",
                Tier.SUPERVISOR: "Supervisor"}[self]


@dataclass(frozen=True)
class Item:
    """One row of a PK: the sasaran (objective, programme or activity) an indicator measures,
    and the year's target agreed (``value`` … ``upper``, or ``text``)."""

    owner: str  # code of the objective / goal / programme / activity
    sasaran: str  # its name
    indicator: Indicator
    value: Decimal | None = None
    upper: Decimal | None = None
    text: str | None = None

    @property
    def has_target(self) -> bool:
        return self.value is not None or bool(self.text)


@dataclass(frozen=True)
class Funded:
    """A programme (head, administrator) or activity (supervisor) with the year's ceiling."""

    code: str
    name: str
    ceiling: Decimal | None


@dataclass(frozen=True)
class LevelAgreement:
    """The PK of one signatory for a year."""

    tier: Tier
    slug: str  # HEAD, or the unit's code
    position: str  # the first party's position: "Kepala Bidang Rehabilitasi …"
    first: Official | None  # who signs (the unit's or agency's head)
    second_position: str  # the superior's position
    second: Official | None  # the superior: the regent, the agency head, the administrator
    items: tuple[Item, ...]
    funded: tuple[Funded, ...]
    total: Decimal | None  # the ceilings summed; None when none is known
    signed: str | None  # ISO date or year-month of the head's agreement
    year: int
    unit: Unit | None = None
    amendment: int = 0  # the head's agreement version (0: the original)

    @property
    def funded_kind(self) -> str:
        """What the budget list holds: "program" or "kegiatan"."""
        return "kegiatan" if self.tier is Tier.SUPERVISOR else "program"


@dataclass(frozen=True)
class Defect:
    """A finding of the PK checks, without the review's machinery (which wraps it)."""

    code: str
    severity: str  # "error" | "warning" | "info"
    record: str  # "program P1 (…)"
    message_id: str
    message_en: str
    expected: str | None = None
    found: str | None = None


@dataclass(frozen=True)
class Agreements:
    """Every PK of a year, head first, then each administrator followed by the supervisors under
    it (in the plan's unit order), and the defects the checks found."""

    year: int
    head: LevelAgreement
    units: tuple[LevelAgreement, ...]
    defects: tuple[Defect, ...]
    has_head_agreement: bool  # the plan holds an agreement for the year

    @property
    def all(self) -> tuple[LevelAgreement, ...]:
        return (self.head, *self.units)

    def get(self, slug: str) -> LevelAgreement | None:
        return next((a for a in self.all if a.slug == slug), None)


def position_of(unit: Unit) -> str:
    """The position of a unit's head as the PK names it, when the head's title is not given:
    "Sekretaris" for a Sekretariat, else "Kepala " and the unit's name."""
    if unit.head is not None and unit.head.title:
        return unit.head.title
    if unit.name.casefold().startswith("sekretariat"):
        return "Sekretaris"
    return f"Kepala {unit.name}"


def _head_position(plan: Plan, head: Official | None) -> str:
    title = head.title if head is not None and head.title else "Kepala Perangkat Daerah"
    agency = plan.agency.short_name or plan.agency.name
    return f"{title} {agency}".strip()


def _region_short(plan: Plan) -> str:
    name = plan.region.name
    for word in ("Kabupaten ", "Kota ", "Provinsi "):
        if name.startswith(word):
            return name[len(word):]
    return name


def _named(official: Official | None) -> bool:
    return official is not None and bool(official.name and official.name.strip())


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def _record(kind: str, code: str, name: str | None = None) -> str:
    return f"{kind} {code}" + (f" ({name[:70]})" if name else "")


def _year_items(plan: Plan, owners: Iterable[Program | Activity], level: Level,
                year: int) -> tuple[Item, ...]:
    items = []
    for owner in owners:
        for indicator in plan.indicators_of(owner.code, level):
            target = indicator.target(year)
            items.append(Item(owner.code, owner.name, indicator,
                              target.value if target else None,
                              target.upper if target else None,
                              target.text if target else None))
    return tuple(items)


def _head_items(plan: Plan, year: int) -> tuple[Item, ...]:
    version = plan.agreement(year)
    if version is None:
        return ()
    items = []
    for item in version.items:
        indicator = plan.indicator_by_code.get(item.indicator)
        if indicator is None:
            continue  # the loader reports unknown codes
        owner = (plan.objective_by_code.get(indicator.owner) if indicator.level is Level.OBJECTIVE
                 else plan.goal_by_code.get(indicator.owner) if indicator.level is Level.GOAL
                 else None)
        items.append(Item(indicator.owner, owner.name if owner is not None else indicator.owner,
                          indicator, item.target, None, item.target_text))
    return tuple(items)


def _by_unit(items: Iterable[Program | Activity]) -> dict[str, list[Any]]:
    """Programmes or activities by the unit they name, in plan order. An activity's list holds
    its kegiatan and the sub-kegiatan naming the unit (a sub-kegiatan naming none follows its
    kegiatan, already in)."""
    grouped: dict[str, list[Any]] = {}
    for item in items:
        if item.unit is not None:
            grouped.setdefault(item.unit, []).append(item)
    return grouped


def derive(plan: Plan, year: int) -> Agreements:
    """Every PK of ``year`` and the checks' defects (see the module's note)."""
    lines: dict[tuple[str, str], BudgetLine] = {
        (line.level, line.code): line for line in roll_up(plan, year, plan.settings)}

    def ceiling(level: str, code: str) -> Decimal | None:
        line = lines.get((level, code))
        return line.ceiling if line is not None else None

    version = plan.agreement(year)
    signed = version.signed if version is not None else None
    number = version.number if version is not None else 0
    agency_head = (version.first_party if version is not None and version.first_party is not None
                   else plan.agency.head)
    head_position = _head_position(plan, agency_head)
    second = version.second_party if version is not None else None
    regent_position = (second.title if second is not None and second.title
                       else f"{plan.region.head_title} {_region_short(plan)}".strip())
    regent = Official(second.name if second is not None and second.name else plan.region.head_name,
                      regent_position, second.rank if second else None,
                      second.nip if second else None)
    programs = tuple(Funded(p.code, p.name, ceiling("program", p.code)) for p in plan.programs)
    head = LevelAgreement(Tier.HEAD, HEAD, head_position, agency_head, regent_position, regent,
                          _head_items(plan, year), programs, ceiling("agency", plan.agency.code),
                          signed, year, None, number)

    units_by_code = {u.code: u for u in plan.agency.units}
    by_unit: dict[str, LevelAgreement] = {}
    ordered: list[LevelAgreement] = []
    administrators = [u for u in plan.agency.units if u.parent is None]
    programs_of = _by_unit(plan.programs)
    activities_of = _by_unit(plan.activities)
    for unit in administrators:
        owned: list[Program] = programs_of.get(unit.code, [])
        funded = tuple(Funded(p.code, p.name, ceiling("program", p.code)) for p in owned)
        pk = LevelAgreement(Tier.ADMINISTRATOR, unit.code, position_of(unit), unit.head,
                            head_position, agency_head,
                            _year_items(plan, owned, Level.PROGRAM, year), funded,
                            _sum(f.ceiling for f in funded), signed, year, unit, number)
        by_unit[unit.code] = pk
    for unit in plan.agency.units:
        if unit.parent is None:
            continue
        parent = units_by_code.get(unit.parent)
        owned_activities: list[Activity] = activities_of.get(unit.code, [])
        owned_codes = {a.code for a in owned_activities}
        # a sub-kegiatan whose kegiatan is in the same PK is in its kegiatan's ceiling already
        funded = tuple(Funded(a.code, a.name, ceiling("activity", a.code))
                       for a in owned_activities if a.parent not in owned_codes)
        by_unit[unit.code] = LevelAgreement(
            Tier.SUPERVISOR, unit.code, position_of(unit), unit.head,
            position_of(parent) if parent is not None else head_position,
            parent.head if parent is not None else agency_head,
            _year_items(plan, owned_activities, Level.ACTIVITY, year), funded,
            _sum(f.ceiling for f in funded), signed, year, unit, number)
    placed: set[str] = set()

    def place(code: str) -> None:  # a unit, then the units under it, depth first
        if code in placed or code not in by_unit:
            return
        placed.add(code)
        ordered.append(by_unit[code])
        for child in plan.agency.units:
            if child.parent == code:
                place(child.code)

    for unit in administrators:
        place(unit.code)
    for unit in plan.agency.units:  # under a parent that is itself under another: still listed
        place(unit.code)
    result = Agreements(year, head, tuple(ordered), (), version is not None)
    return Agreements(year, head, tuple(ordered), tuple(_check(plan, result, units_by_code)),
                      version is not None)


def _check(plan: Plan, pks: Agreements, units: dict[str, Unit]) -> list[Defect]:
    if not units:  # a plan that lists no unit says nothing of its organisation: not assessed
        return []
    found: list[Defect] = []
    year = pks.year
    head_objectives = {i.owner for i in pks.head.items if i.indicator.level is Level.OBJECTIVE}
    by_slug = {pk.slug: pk for pk in pks.units}
    for pk in pks.all:
        who = _who(pk)
        if not _named(pk.first) and (pk.items or pk.funded):
            found.append(Defect(
                "PLAN_PK_NO_SIGNATORY", "warning", who,
                f"Pejabat penandatangan PK {year} ({pk.position}) belum diisi namanya.",
                f"The {year} PK's signatory ({pk.position}) has no name.",
                expected="nama, pangkat, NIP", found="tidak ada"))
        for item in pk.items:
            if not item.has_target:
                found.append(Defect(
                    "PLAN_PK_NO_TARGET", "warning",
                    _record("indikator", item.indicator.code, item.indicator.name),
                    f"Indikator ini tercantum dalam PK {year} {pk.position} tanpa target "
                    f"tahun {year}.",
                    f"This indicator is in the {year} PK of {pk.position} without a target "
                    f"for {year}.", expected=f"target {year}", found="tidak ada"))
        if pk.tier is Tier.ADMINISTRATOR and pks.has_head_agreement:
            for funded in pk.funded:
                program = plan.program_by_code[funded.code]
                if program.objective not in head_objectives:
                    served = (f"sasaran {program.objective}" if program.objective
                              else "tidak ada sasaran")
                    found.append(Defect(
                        "PLAN_PK_PROGRAM_SERVES", "warning",
                        _record("program", program.code, program.name),
                        f"Program dalam PK {year} {pk.position} tidak mendukung sasaran "
                        f"strategis yang indikatornya tercantum dalam PK kepala perangkat daerah "
                        f"({served}).",
                        f"The programme in the {year} PK of {pk.position} serves no strategic "
                        f"objective whose indicator is in the head of agency's PK.",
                        expected="sasaran dalam PK kepala: "
                        + (", ".join(sorted(head_objectives)) or "-"), found=served))
        if pk.tier is Tier.SUPERVISOR and pk.unit is not None:
            upper = by_slug.get(pk.unit.parent or "")
            upper_programs = {f.code for f in upper.funded} if upper is not None else set()
            for funded in pk.funded:
                activity = plan.activity_by_code[funded.code]
                if activity.program not in upper_programs:
                    found.append(Defect(
                        "PLAN_PK_ACTIVITY_SERVES", "warning",
                        _record("kegiatan", activity.code, activity.name),
                        f"Kegiatan dalam PK {year} {pk.position} termasuk program "
                        f"{activity.program}, yang tidak tercantum dalam PK atasannya "
                        f"({pk.second_position}).",
                        f"The activity in the {year} PK of {pk.position} belongs to programme "
                        f"{activity.program}, which is not in its superior's PK "
                        f"({pk.second_position}).",
                        expected="program dalam PK " + pk.second_position
                        + (": " + ", ".join(sorted(upper_programs)) if upper_programs else ""),
                        found=f"program {activity.program}"))
    found.extend(_tiers(plan, units))
    found.extend(_unassigned(plan))
    return found


def _who(pk: LevelAgreement) -> str:
    if pk.unit is None:
        return "perjanjian kinerja kepala perangkat daerah"
    return _record("unit", pk.unit.code, pk.unit.name)


def _tiers(plan: Plan, units: dict[str, Unit]) -> list[Defect]:
    found = []
    for program in plan.programs:
        unit = units.get(program.unit or "")
        if unit is not None and unit.parent is not None:
            found.append(Defect(
                "PLAN_PK_TIER", "warning", _record("program", program.code, program.name),
                f"Program ini ditugaskan kepada {unit.name}, unit pejabat pengawas; PK program "
                f"ditandatangani pejabat administrator (Sekretaris/Kepala Bidang).",
                f"This programme is assigned to {unit.name}, a supervisor's unit; programme "
                f"PKs are signed by administrators.",
                expected="unit tanpa unit induk", found=f"unit {unit.code}"))
    for activity in plan.activities:
        unit = units.get(activity.unit or "")
        if unit is not None and unit.parent is None:
            found.append(Defect(
                "PLAN_PK_TIER", "warning", _record("kegiatan", activity.code, activity.name),
                f"Kegiatan ini ditugaskan kepada {unit.name}, unit pejabat administrator; PK "
                f"kegiatan ditandatangani pejabat pengawas (Kepala Sub Bagian/Seksi).",
                f"This activity is assigned to {unit.name}, an administrator's unit; activity "
                f"PKs are signed by supervisors.",
                expected="unit dengan unit induk", found=f"unit {unit.code}"))
    return found


def _subs_placed(plan: Plan) -> set[str]:
    """The kegiatan whose sub-kegiatan all name their unit: in the PKs by them."""
    subs: dict[str, list[Activity]] = {}
    for activity in plan.activities:
        if activity.parent is not None:
            subs.setdefault(activity.parent, []).append(activity)
    return {code for code, children in subs.items() if all(a.unit for a in children)}


def _unassigned(plan: Plan) -> list[Defect]:
    kegiatan = [a for a in plan.activities if a.parent is None]
    programs = [p for p in plan.programs if p.unit is None]
    placed = _subs_placed(plan)
    activities = [a for a in kegiatan if a.unit is None and a.code not in placed]
    if not programs and not activities:
        return []
    if len(programs) == len(plan.programs) and len(activities) == len(kegiatan) \
            and not any(a.unit for a in plan.activities):
        return [Defect(
            "PLAN_PK_NO_UNIT", "warning", "unit kerja",
            "Tidak ada program atau kegiatan yang dikaitkan dengan unit kerja, sehingga PK "
            "pejabat administrator dan pengawas tidak memuat sasaran apa pun.",
            "No programme or activity names its unit, so the administrators' and supervisors' "
            "PKs hold no sasaran.",
            expected="unit setiap program dan kegiatan",
            found=f"0 dari {len(plan.programs)} program, 0 dari {len(kegiatan)} kegiatan")]
    found = [Defect(
        "PLAN_PK_NO_UNIT", "warning", _record("program", p.code, p.name),
        "Program ini tidak dikaitkan dengan unit kerja, sehingga tidak tercantum dalam PK "
        "pejabat administrator mana pun.",
        "This programme names no unit, so it is in no administrator's PK.",
        expected="unit kerja", found="-") for p in programs]
    found += [Defect(
        "PLAN_PK_NO_UNIT", "warning", _record("kegiatan", a.code, a.name),
        "Kegiatan ini tidak dikaitkan dengan unit kerja, sehingga tidak tercantum dalam PK "
        "pejabat pengawas mana pun.",
        "This activity names no unit, so it is in no supervisor's PK.",
        expected="unit kerja", found="-") for a in activities]
    return found
