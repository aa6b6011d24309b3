"""Rows ↔ core plan: what is stored reads back as the same plan, measured the same."""

from sakip.core.measure import measure
from sakip.io.plan_file import load_plan
from sakip.web.demo import EXAMPLE
from sakip.web.plans.convert import plan_from_db
from tests.web.world import YEAR


def test_the_stored_example_reads_back_as_an_equal_plan(world):
    assert plan_from_db(world.a) == load_plan(EXAMPLE)


def test_the_web_measures_the_example_exactly_as_the_command_line_does(world):
    assert measure(plan_from_db(world.a), YEAR) == measure(load_plan(EXAMPLE), YEAR)


def test_every_year_of_the_plan_measures_the_same_from_the_database(world):
    plan = load_plan(EXAMPLE)
    stored = plan_from_db(world.a)
    for year in plan.strategic_plan.years:
        assert measure(stored, year) == measure(plan, year)


def test_a_whole_plan_written_into_an_existing_agency_replaces_its_content(world):
    from dataclasses import replace

    from sakip.core.records import AGENCY, Put
    from sakip.web.plans.convert import read_plan
    from sakip.web.plans.write import write

    plan = load_plan(EXAMPLE)
    smaller = replace(plan, tables=(), narratives=(), budgets=plan.budgets[:3])
    outcome = write(world.a, None, lambda current: [], renames=())
    assert not outcome.problems and outcome.changes == 0
    outcome = write(world.a, None, lambda current: [Put(AGENCY, (), smaller.agency)])
    assert outcome.changes == 0
    from sakip.web.plans import write as path

    outcome = path.write_plan(world.a, None, smaller)
    assert not outcome.problems
    assert read_plan(world.a) == smaller == plan_from_db(world.a)


def test_choices_carry_the_core_enum_values():
    from sakip.core import enums
    from sakip.core.numbers import RoundingMode
    from sakip.web.plans.models import choices

    pairs = [(choices.RegionKind, enums.RegionKind), (choices.Level, enums.Level),
             (choices.Polarity, enums.Polarity), (choices.NegativeFormula, enums.NegativeFormula),
             (choices.Aggregation, enums.Aggregation), (choices.ActualStatus, enums.ActualStatus),
             (choices.IndicatorKind, enums.IndicatorKind), (choices.AgreementKind, enums.AgreementKind),
             (choices.SpendingKind, enums.SpendingKind), (choices.NarrativeKind, enums.NarrativeKind),
             (choices.ScaleKind, enums.ScaleKind), (choices.Closed, enums.Closed),
             (choices.RoundingMode, RoundingMode)]
    for django_choices, core in pairs:
        assert set(django_choices.values) == {member.value for member in core}, core


def test_every_field_of_every_kind_of_record_has_a_column():
    """rows.py declares each kind's columns once: a field added to a core record without a
    column fails here (and the round trips through the write path in test_web_record.py)."""
    from dataclasses import fields, is_dataclass

    from sakip.core import records as r
    from sakip.web.plans.rows import REGION_ROWS, ROWS, SINGLE

    def names(cls, prefix=""):
        for item in fields(cls):
            nested = r._NESTED_TYPES.get(r._type_name(item.type))
            if nested is not None:
                yield from names(nested, f"{prefix}{item.name}.")
            else:
                yield prefix + item.name

    for kind, spec in r.SPECS.items():
        if not is_dataclass(spec.cls):
            continue  # a series value: (year, value)
        declared = ROWS.get(kind)
        cols = declared.cols if declared else SINGLE.get(kind) or REGION_ROWS[kind]
        mapped = {c.field for c in cols} | {ref.field for ref in (declared.refs if declared else ())}
        children = {child.attribute for child in r.CHILDREN.get(kind, ())}
        expected = set(names(spec.cls)) - children - ({"rows"} if kind == r.TABLE else set())
        assert mapped == expected, (kind, expected ^ mapped)
