"""The region measured: IKU Pemda by the agency rules, derived across agencies, sasaran means,
agencies side by side with their spending, and the checks of a set of plans (docs/region.md)."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate_region import generate_full_region
from sakip.core.enums import Level, Polarity, RegionKind
from sakip.core.formula import FormulaError, parse
from sakip.core.measure import measure
from sakip.core.model import (
    Actual,
    Agency,
    Contribution,
    Goal,
    Indicator,
    Plan,
    Region,
    RegionGoal,
    RegionObjective,
    StrategicPlan,
    Target,
)
from sakip.core.numbers import quantize
from sakip.core.region_measure import check_region, expand, measure_region, region_history
from sakip.io.plan_checks import check_plan
from sakip.io.plan_file import load_plan
from sakip.io.standard_scales import standard_scales
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def example():
    return load_plan(EXAMPLE)


@pytest.fixture(scope="module")
def forty():
    return generate_full_region(40)


# ---------------------------------------------------------------------- the formula syntax


def test_an_agency_reference_names_agency_and_indicator_and_may_read_another_year():
    formula = parse('mean(agency("dinkes", "IKU-01"), agency("dinsos", "IKU 2")[n-1]) * 2')
    refs = formula.references
    assert [(r.agency, r.series, r.offset, r.key) for r in refs] == [
        ("dinkes", "IKU-01", 0, "dinkes:IKU-01"), ("dinsos", "IKU 2", -1, "dinsos:IKU 2")]
    values = {"dinkes:IKU-01": Decimal(3), "dinsos:IKU 2": Decimal(6)}
    assert formula.evaluate(2020, lambda key, year: values.get(key)).value == Decimal(9)


@pytest.mark.parametrize("text", ['agency(dinkes, "X")', 'agency("a")', 'agency("a", "")',
                                  "mean()", 'agency("a", "b")[m]', '"a"', "sum(1,)"])
def test_a_malformed_agency_reference_or_function_is_a_formula_error(text):
    with pytest.raises(FormulaError):
        parse(text)


def test_series_formulas_read_as_before():
    formula = parse("(pmks[n-1] - pmks[n]) / pmks[n-1] * 100")
    assert {(r.series, r.agency, r.key) for r in formula.references} == {("pmks", None, "pmks")}
    values = {2019: Decimal(200), 2020: Decimal(190)}
    assert formula.evaluate(2020, lambda key, year: values[year]).value == Decimal(5)


# ---------------------------------------------------------------------- the example


def test_the_example_region_is_measured_by_the_agency_rules(example):
    rm = measure_region(example.region, [example], 2020)
    ipm = rm.result("IKD-1")  # 70,9 against 71: R/T × 100
    assert ipm.achievement == quantize(Decimal("70.9") / 71 * 100, 2)
    poor = rm.result("IKD-1.1")  # lower is better: (2T − R)/T × 100
    assert poor.rule == "(2T−R)/T×100" and poor.achievement == Decimal("96.20")
    assert rm.result("IKD-1.2").achievement is None  # no 2020 realisation: missing, not 0
    assert rm.group("SD1").achievement == Decimal("96.20")
    assert rm.group("TD1").achievement == quantize((ipm.achievement + poor.achievement) / 2, 2)
    assert rm.group("TD1").missing == ("IKD-1.2",)
    assert dict(rm.measurement.category_counts)["Sangat baik"] == 2
    assert [(u.code, u.why.value) for u in rm.measurement.category_uncounted] == [
        ("IKD-1.2", "no_actual"), ("IKD-2.1", "no_actual")]
    final = {f.indicator: f for f in rm.measurement.final_targets}["IKD-1"]
    assert final.final_year == 2023 and final.target == Decimal("72.2")


def test_the_agencies_spending_is_their_measurements_budget_line(example):
    rm = measure_region(example.region, [example], 2020)
    line = measure(example, 2020).budget_line(example.agency.code)
    agency = rm.agency(example.agency.code)
    assert (agency.ceiling, agency.spent, agency.absorption) == (
        line.ceiling, line.spent, line.absorption)
    assert (rm.ceiling, rm.spent, rm.absorption) == (line.ceiling, line.spent, line.absorption)


def test_contributions_give_the_agencies_results_and_say_which_plan_is_missing(example):
    rm = measure_region(example.region, [example], 2020)
    sd1 = rm.contributions_to("SD1")
    assert [(c.agency, c.given) for c in sd1] == [("dspppa", True), ("dinas-contoh", False)]
    assert [r.code for r in sd1[0].results] == ["IKU-01", "IKU-02"]
    assert sd1[0].results[0].achievement == Decimal("1002.00")


def test_the_example_with_generated_agencies(example):
    region, plans = generate_full_region(3, with_plan=example)
    assert not check_region(region, plans)
    rm = measure_region(region, plans, 2020)
    assert [a.code for a in rm.agencies] == ["dspppa", "opd00", "opd01", "opd02"]
    ceilings = [a.ceiling for a in rm.agencies]
    assert rm.ceiling == sum(ceilings, Decimal(0))
    assert len(rm.contributions) == len(example.region.contributions) + 3
    # the measurements a caller already has (the web app keeps them) give the same region
    given = measure_region(region, plans, 2020, [measure(p, 2020) for p in plans])
    assert given.measurement == rm.measurement and given.agencies == rm.agencies
    with pytest.raises(ValueError):
        measure_region(region, plans, 2020, [measure(p, 2021) for p in plans])


# ---------------------------------------------------------------------- derived IKU Pemda


def _agency_plan(code: str, region: Region, values: dict[str, dict[int, Decimal | None]]) -> Plan:
    indicators = tuple(
        Indicator(code=name, name=f"Indikator {name}", level=Level.GOAL, owner="T1", unit="%",
                  targets=(Target(2020, Decimal(50)),),
                  actuals=tuple(Actual(year, value) for year, value in by_year.items()
                                if value is not None))
        for name, by_year in values.items())
    return Plan(region=region, agency=Agency(code, f"Dinas {code}"),
                strategic_plan=StrategicPlan("Renstra", 2019, 2023), goals=(Goal("T1", "Tujuan"),),
                indicators=indicators, scales=standard_scales())


def _region(formula: str, polarity: Polarity = Polarity.POSITIVE,
            contributions: tuple[Contribution, ...] = ()) -> Region:
    return Region(
        "Kota Uji", RegionKind.CITY, rpjmd_start=2019, rpjmd_end=2023,
        goals=(RegionGoal("TD1", "Tujuan"),), objectives=(RegionObjective("SD1", "Sasaran", "TD1"),),
        indicators=(Indicator(code="IKD", name="IKU Pemda", level=Level.OBJECTIVE, owner="SD1",
                              polarity=polarity, formula=formula, precision=2,
                              targets=(Target(2020, Decimal(40)), Target(2023, Decimal(60)))),),
        contributions=contributions)


_VALUES = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=_VALUES, b=_VALUES, c=_VALUES, weight=st.integers(1, 9),
       polarity=st.sampled_from([Polarity.POSITIVE, Polarity.NEGATIVE]))
def test_a_derived_iku_is_its_formula_over_the_agencies_realisations(a, b, c, weight, polarity):
    formula = (f'(agency("x", "A") * {weight} + mean(agency("y", "B"), agency("x", "C")))'
               f' / sum(agency("y", "B"), 1)')
    region = _region(formula, polarity)
    plans = [_agency_plan("x", region, {"A": {2020: a}, "C": {2020: c}}),
             _agency_plan("y", region, {"B": {2020: b}})]
    rm = measure_region(region, plans, 2020)
    expected = quantize((a * weight + (b + c) / 2) / (b + 1), 2)
    result = rm.result("IKD")
    assert result.derived == expected and result.actual == expected
    # its achievement by the same rule as any indicator of that polarity against 40
    rule = expected / 40 * 100 if polarity is Polarity.POSITIVE else (80 - expected) / 40 * 100
    assert result.achievement == quantize(rule, 2)
    assert [i.value for i in rm.derivation("IKD").inputs] == [a, b, c]


@settings(max_examples=30, deadline=None)
@given(values=st.lists(st.one_of(st.none(), _VALUES), min_size=1, max_size=6))
def test_mean_of_contributions_is_the_mean_of_every_contributing_indicator(values):
    contributions = tuple(Contribution("SD1", f"opd{i}", ("K",)) for i in range(len(values)))
    region = _region("mean(contributions)", contributions=contributions)
    plans = [_agency_plan(f"opd{i}", region, {"K": {2020: v}}) for i, v in enumerate(values)]
    rm = measure_region(region, plans, 2020)
    result = rm.result("IKD")
    if any(v is None for v in values):  # a missing input is missing, never a silent 0
        assert result.derived is None and result.actual is None and result.achievement is None
        assert {i.agency for i in rm.derivation("IKD").missing} == {
            f"opd{i}" for i, v in enumerate(values) if v is None}
    else:
        assert result.derived == quantize(sum(values, Decimal(0)) / len(values), 2)


def test_an_earlier_year_of_an_agency_is_read_and_the_change_derived_too():
    region = _region('agency("x", "A") - agency("x", "A")[n-1]')
    plan = _agency_plan("x", region, {"A": {2018: Decimal(1), 2019: Decimal(10),
                                            2020: Decimal(25)}})
    rm = measure_region(region, [plan], 2020)
    assert rm.result("IKD").derived == Decimal(15)
    change = rm.measurement.changes[0]
    assert (change.previous, change.current) == (Decimal(9), Decimal(15))
    assert region_history(rm)[2019].result("IKD").derived == Decimal(9)


def test_contributions_of_a_sasaran_without_any_is_a_named_formula_problem_and_no_value():
    region = _region("mean(contributions)")
    plan = _agency_plan("x", region, {"A": {2020: Decimal(1)}})
    issue = check_region(region, [plan])[0]
    assert (issue.code, issue.indicator) == ("REGION_BAD_FORMULA", "IKD")
    assert "SD1" in issue.message_en
    assert measure_region(region, [plan], 2020).result("IKD").why.value == "no_actual"


def test_contributions_are_written_out_and_quoted_codes_are_left_alone():
    region = _region('sum(contributions) + agency("contributions", "K")',
                     contributions=(Contribution("SD1", "a", ("K", "L")),
                                    Contribution("SD1", "b", ("K",))))
    assert expand(region, region.indicators[0]) == (
        'sum(agency("a", "K"), agency("a", "L"), agency("b", "K")) + agency("contributions", "K")')


# ---------------------------------------------------------------------- checks


def test_plans_of_another_region_duplicates_and_unknown_references_are_named(example):
    region = _region('agency("x", "A") + agency("nobody", "A") + agency("x", "Z")')
    plans = [_agency_plan("x", region, {"A": {2020: Decimal(1)}}),
             _agency_plan("x", region, {"A": {2020: Decimal(1)}}),
             replace(example, region=replace(example.region, name="Kota Lain"))]
    issues = {(i.code, i.plan, i.indicator) for i in check_region(region, plans)}
    assert issues == {("REGION_DUPLICATE_AGENCY", 1, None), ("REGION_OTHER_REGION", 2, None),
                      ("REGION_UNKNOWN_AGENCY", None, "IKD"),
                      ("REGION_UNKNOWN_INDICATOR", 0, "IKD")}
    assert check_region(region, [])[0].code == "REGION_NO_PLANS"


def test_the_plan_checks_locate_a_bad_region_formula():
    region = _region('agency("x", "MISSING") + pmks[n]')
    problems = check_plan(_agency_plan("x", region, {"A": {2020: Decimal(1)}}))
    found = {(p.code, p.path) for p in problems}
    assert ("PLAN_UNKNOWN_INDICATOR", "IKU Pemda IKD.formula") in found
    assert ("PLAN_UNKNOWN_SERIES", "IKU Pemda IKD.formula") in found
    broken = check_plan(_agency_plan("x", _region("agency("), {"A": {}}))
    assert [p.code for p in broken] == ["PLAN_BAD_FORMULA"]


# ---------------------------------------------------------------------- forty agencies


def test_forty_agencies_are_measured_side_by_side(forty):
    region, plans = forty
    rm = measure_region(region, plans, 2022)
    assert len(rm.agencies) == 40
    for plan, figures in zip(plans[:3], rm.agencies[:3], strict=False):
        own = measure(plan, 2022)
        assert figures.group == own.group(plan.agency.code)
        assert figures.ceiling == own.budget_line(plan.agency.code).ceiling
    assert rm.ceiling == sum((a.ceiling for a in rm.agencies if a.ceiling is not None),
                             Decimal(0))
    assert rm.spent == sum((a.spent for a in rm.agencies if a.spent is not None), Decimal(0))
    first = rm.result("IKD-1.1")  # agency("opd00", "I004")
    assert first.actual == measure(plans[0], 2022).result("I004").actual


def test_a_derived_iku_is_explained_by_the_derivations_with_the_agency_values():
    from sakip.core.derivations import derive

    region = _region('sum(agency("x", "A"), agency("y", "B"))')
    plans = [_agency_plan("x", region, {"A": {2020: Decimal("1.5")}}),
             _agency_plan("y", region, {"B": {2020: Decimal(2)}})]
    rm = measure_region(region, plans, 2020)
    explained = derive(rm.plan, rm.measurement, "actual:2020:IKD")
    assert explained.result == Decimal("3.50")
    assert [(i.symbol, i.value) for i in explained.inputs] == [
        ("x:A[n]", Decimal("1.5")), ("y:B[n]", Decimal(2))]
    assert explained.rule == ("jumlah(x: Indikator A 2020; y: Indikator B 2020)",
                              "sum(x: Indikator A 2020; y: Indikator B 2020)")


def test_only_an_iku_pemda_formula_may_read_agencies():
    region = _region('agency("x", "A")')
    plan = _agency_plan("x", region, {"A": {2020: Decimal(1)}})
    own = replace(plan.indicators[0], formula='agency("x", "A") * 2')
    problems = check_plan(replace(plan, indicators=(own,)))
    assert [(p.code, p.path) for p in problems] == [("PLAN_AGENCY_IN_FORMULA",
                                                     "indikator A.formula")]
