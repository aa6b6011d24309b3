"""Kerangka logis (sakip/review/plan/logic.py): each check finds its defect in the Belitung
example changed to have it, and nothing in the example beyond what it really lacks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
import yaml
from conftest import EXAMPLE

from sakip.cli.main import main
from sakip.core.enums import Aggregation, Level, Polarity
from sakip.core.model import Activity, Budget, Contribution, Goal, Indicator, Plan, Program, Target
from sakip.review.findings import Severity
from sakip.review.plan import review_plan
from sakip.review.plan.logic import (
    LOGIC_CHECKS,
    agencies_named,
    logic_findings,
    region_crosscutting,
    subject,
)

YEAR = 2020
LOGIC = {"PLAN_GOAL_OBJECTIVE", "PLAN_PROGRAM_ACTIVITY", "PLAN_PROGRAM_INDICATOR",
         "PLAN_BUDGET_INDICATOR", "PLAN_INDICATOR_DEFINITION", "PLAN_TARGET_PATH",
         "PLAN_CONTRIBUTION_INDICATOR", "PLAN_CONTRIBUTION_UNREPORTED",
         "PLAN_CONTRIBUTION_UNSERVED", "PLAN_SERVES_UNCONTRIBUTED"}


def found(plan: Plan, code: str) -> list[tuple[str, str] | None]:
    """Where the review finds ``code``: (kind, code) of each record, in review order."""
    return [subject(f) for f in review_plan(plan, YEAR) if f.code == code]


def with_indicator(plan: Plan, code: str, **changes) -> Plan:
    return replace(plan, indicators=tuple(replace(i, **changes) if i.code == code else i
                                          for i in plan.indicators))


def with_targets(plan: Plan, code: str, values: dict[int, str]) -> Plan:
    indicator = plan.indicator_by_code[code]
    kept = tuple(t for t in indicator.targets if t.year not in values or t.quarter or t.month)
    yearly = tuple(Target(year, Decimal(value)) for year, value in values.items())
    return with_indicator(plan, code, targets=yearly + kept)


def without_indicators(plan: Plan, *codes: str) -> Plan:
    return replace(plan, indicators=tuple(i for i in plan.indicators if i.code not in codes))


# --------------------------------------------------------------------------- the example


def test_the_example_has_only_the_gaps_it_really_has(belitung):
    findings = [f for f in review_plan(belitung, YEAR) if f.code in LOGIC]
    codes = {f.code for f in findings}
    assert codes == {"PLAN_INDICATOR_DEFINITION", "PLAN_CONTRIBUTION_UNREPORTED"}
    # the one contribution not reported: IK-S4 of the (invented) sasaran daerah SD3, which has
    # no 2020 realisation in the example (the seed gives none)
    [unreported] = [f for f in findings if f.code == "PLAN_CONTRIBUTION_UNREPORTED"]
    assert subject(unreported) == ("kontribusi", "SD3") and "IK-S4" in unreported.message_id
    assert not belitung.indicator_by_code["IK-S4"].actuals


def _raw_indicators() -> dict[str, dict]:
    """The example's indicators as the file writes them, read without Sakip's loader."""
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    raw: dict[str, dict] = {}

    def walk(node):
        if isinstance(node, dict):
            for item in node.get("indicators", ()) or ():
                raw[item["code"]] = item
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in document.items() if k != "region"})
    return raw


def test_each_missing_definition_the_example_is_said_to_lack_is_really_missing(belitung):
    raw = _raw_indicators()
    assert len(raw) == len(belitung.indicators)
    expected = {}
    for code, item in raw.items():
        missing = []
        if not item.get("definition"):
            missing.append("definisi")
        if not item.get("formula") and not item.get("calculation"):
            missing.append("cara perhitungan (rumus)")
        if not item.get("data_source"):
            missing.append("sumber data")
        if missing:
            expected[code] = "tanpa " + ", ".join(missing)
    findings = [f for f in review_plan(belitung, YEAR) if f.code == "PLAN_INDICATOR_DEFINITION"]
    assert {subject(f)[1]: f.found for f in findings} == expected
    assert "IKU-05" not in expected  # the one IKU with definition, formula and source
    severities = {subject(f)[1]: f.severity for f in findings}
    assert severities["IKU-01"] is Severity.WARNING  # an IKU
    assert severities["IK-T4"] is Severity.WARNING  # a goal indicator, not marked IKU
    assert severities["IKP-1.1"] is Severity.INFO and severities["IKK-1.1"] is Severity.INFO


def test_the_review_prints_the_kerangka_logis_findings(capsys):
    main(["review", str(EXAMPLE), "--year", str(YEAR)])
    out = capsys.readouterr().out
    assert "PLAN_INDICATOR_DEFINITION — indikator IKU-01" in out
    assert "Manual indikator belum lengkap: tanpa sumber data." in out
    assert "PLAN_CONTRIBUTION_UNREPORTED — kontribusi SD3" in out


# --------------------------------------------------------------------------- levels


def test_a_goal_without_an_objective_skips_a_level(belitung):
    plan = replace(belitung, goals=(*belitung.goals, Goal("T9", "Tujuan tanpa sasaran")))
    assert found(plan, "PLAN_GOAL_OBJECTIVE") == [("tujuan", "T9")]
    assert found(belitung, "PLAN_GOAL_OBJECTIVE") == []


def test_a_programme_without_activities_or_indicator_skips_a_level(belitung):
    plan = replace(belitung, programs=(*belitung.programs, Program("P99", "Program kosong", "S1")))
    assert found(plan, "PLAN_PROGRAM_ACTIVITY") == [("program", "P99")]
    assert found(plan, "PLAN_PROGRAM_INDICATOR") == [("program", "P99")]
    assert found(belitung, "PLAN_PROGRAM_ACTIVITY") == found(belitung, "PLAN_PROGRAM_INDICATOR") == []


def test_a_programme_with_activities_but_no_indicator_is_unmeasured(belitung):
    plan = without_indicators(belitung, "IKP-1.1", "IKP-1.2")
    assert found(plan, "PLAN_PROGRAM_INDICATOR") == [("program", "P1")]
    assert found(without_indicators(belitung, "IKP-1.1"), "PLAN_PROGRAM_INDICATOR") == []


def test_an_activity_under_an_unlinked_programme_is_reported_once_at_the_programme(belitung):
    plan = replace(belitung, programs=tuple(replace(p, objective=None) if p.code == "P1" else p
                                            for p in belitung.programs))
    places = [(f.code, subject(f)) for f in review_plan(plan, YEAR)
              if subject(f) == ("program", "P1")
              or (subject(f) or ("", ""))[1].startswith("K1.")]
    assert places == [("PLAN_PROGRAM_OBJECTIVE", ("program", "P1"))]


# --------------------------------------------------------------------------- budget


def test_an_activity_whose_budget_serves_no_indicator(belitung):
    plan = without_indicators(belitung, "IKK-1.1")
    [finding] = [f for f in review_plan(plan, YEAR) if f.code == "PLAN_BUDGET_INDICATOR"]
    assert subject(finding) == ("kegiatan", "K1.1") and "Rp 389.950.000" in finding.message_id
    assert finding.severity is Severity.WARNING
    assert found(belitung, "PLAN_BUDGET_INDICATOR") == []


def test_an_activity_without_a_ceiling_or_measured_by_its_sub_activity_is_no_finding(belitung):
    # K7.1 has no 2020 budget (the seed gives none): no indicator there is no budget unserved
    assert found(without_indicators(belitung, "IKK-7.1"), "PLAN_BUDGET_INDICATOR") == []
    sub = Activity("K1.1.1", "Sub kegiatan", "P1", parent="K1.1")
    measured = Indicator("IKSK-1", "Jumlah lansia dilayani", Level.ACTIVITY, "K1.1.1")
    plan = without_indicators(belitung, "IKK-1.1")
    plan = replace(plan, activities=(*plan.activities, sub), indicators=(*plan.indicators, measured))
    assert found(plan, "PLAN_BUDGET_INDICATOR") == []
    # the sub-activity's own ceiling, unmeasured, is found on it
    plan = replace(plan, indicators=plan.indicators[:-1],
                   budgets=(*plan.budgets, Budget("K1.1.1", YEAR, ceiling=Decimal(1000))))
    assert found(plan, "PLAN_BUDGET_INDICATOR") == [("kegiatan", "K1.1"), ("kegiatan", "K1.1.1")]


# --------------------------------------------------------------------------- definitions


def test_a_definition_sheet_is_complete_with_a_calculation_in_words_instead_of_a_formula(belitung):
    assert found(belitung, "PLAN_INDICATOR_DEFINITION").count(("indikator", "IKU-03")) == 1
    plan = with_indicator(belitung, "IKU-03", calculation="Dihitung BPS dari IPM laki-laki dan "
                                                          "perempuan.")
    assert ("indikator", "IKU-03") not in found(plan, "PLAN_INDICATOR_DEFINITION")
    plan = with_indicator(belitung, "IKU-01", data_source="  ")  # blank is missing
    [iku] = [f for f in review_plan(plan, YEAR)
             if f.code == "PLAN_INDICATOR_DEFINITION" and subject(f) == ("indikator", "IKU-01")]
    assert iku.found == "tanpa sumber data" and "no data source" in iku.message_en
    plan = with_indicator(belitung, "IKU-01", data_source="Data PMKS Dinas Sosial")
    assert ("indikator", "IKU-01") not in found(plan, "PLAN_INDICATOR_DEFINITION")


# --------------------------------------------------------------------------- target path


def test_a_positive_target_falling_back_or_passing_the_final_target_moves_away(belitung):
    assert found(belitung, "PLAN_TARGET_PATH") == []
    # KLA: 70, 75, 80, 83, 85
    plan = with_targets(belitung, "IKU-06", {2021: "74"})
    [finding] = [f for f in review_plan(plan, YEAR) if f.code == "PLAN_TARGET_PATH"]
    assert subject(finding) == ("indikator", "IKU-06") and finding.severity is Severity.WARNING
    assert finding.found == "2021: 74 < 2020: 75"
    assert "target 2021 (74) lebih rendah dari target 2020 (75)" in finding.message_id
    plan = with_targets(belitung, "IKU-06", {2022: "86"})
    [finding] = [f for f in review_plan(plan, YEAR) if f.code == "PLAN_TARGET_PATH"]
    # 86 is beyond 85, and 2023's 85 then falls back from it towards the final target: no step away
    assert finding.found == "2022: 86 > 2023: 85"


def test_a_negative_target_rising_or_below_the_final_target_moves_away(belitung):
    # prevalence of violence against women: 5,7; 5,5; 5,3; 5,1 (negative)
    plan = with_targets(belitung, "IKU-05", {2021: "5.8", 2022: "5.0"})
    [finding] = [f for f in review_plan(plan, YEAR) if f.code == "PLAN_TARGET_PATH"]
    assert finding.found == "2021: 5,8 > 2020: 5,7; 2022: 5,0 < 2023: 5,1"
    assert "lebih tinggi dari target 2020" in finding.message_id


def test_no_path_for_a_band_a_five_year_total_or_without_a_final_target(belitung):
    rising_back = {2021: "74"}
    plan = with_targets(belitung, "IKU-06", rising_back)
    assert found(with_indicator(plan, "IKU-06", polarity=Polarity.STABILISE), "PLAN_TARGET_PATH") == []
    assert found(with_indicator(plan, "IKU-06", over_years=Aggregation.SUM), "PLAN_TARGET_PATH") == []
    final = belitung.indicator_by_code["IKU-06"]
    no_final = tuple(t for t in final.targets if t.year != 2023)
    plan = with_indicator(plan, "IKU-06", targets=no_final)
    assert found(plan, "PLAN_TARGET_PATH") == []


# --------------------------------------------------------------------------- crosscutting


def with_contributions(plan: Plan, *contributions: Contribution) -> Plan:
    return replace(plan, region=replace(plan.region, contributions=contributions))


def test_a_contribution_without_indicator_or_with_unreported_ones(belitung):
    silent = with_contributions(belitung, Contribution("SD1", "dspppa", ("IKU-01",)),
                                Contribution("SD2", "dspppa", ()))
    plan = with_indicator(silent, "IKU-01", actuals=(), formula=None)
    assert found(plan, "PLAN_CONTRIBUTION_UNREPORTED") == [("kontribusi", "SD1")]
    assert found(plan, "PLAN_CONTRIBUTION_INDICATOR") == [("kontribusi", "SD2")]
    # IKU-01 is derived from its raw series: reported even without an entered realisation
    assert found(with_indicator(silent, "IKU-01", actuals=()), "PLAN_CONTRIBUTION_UNREPORTED") == []


def test_a_contribution_no_goal_serves_and_a_crosscutting_objective_served_without_one(belitung):
    # SD3 is served by T4 only; T4 no longer serves it, its contribution stays
    unserved = replace(belitung, goals=tuple(replace(g, serves=()) if g.code == "T4" else g
                                             for g in belitung.goals))
    assert found(unserved, "PLAN_CONTRIBUTION_UNSERVED") == [("kontribusi", "SD3")]
    assert found(belitung, "PLAN_CONTRIBUTION_UNSERVED") == []
    # SD1, served by T1, has the demo agency's contribution: DSPPPA's own left out is found
    others = tuple(c for c in belitung.region.contributions
                   if not (c.objective == "SD1" and c.agency == "dspppa"))
    plan = with_contributions(belitung, *others)
    [finding] = [f for f in review_plan(plan, YEAR) if f.code == "PLAN_SERVES_UNCONTRIBUTED"]
    assert subject(finding) == ("sasaran daerah", "SD1") and "tujuan T1" in finding.message_id
    # SD2 has no other agency's contribution: not crosscutting, nothing to find without DSPPPA's
    alone = tuple(c for c in belitung.region.contributions if c.objective != "SD2")
    assert found(with_contributions(belitung, *alone), "PLAN_SERVES_UNCONTRIBUTED") == []
    assert found(belitung, "PLAN_SERVES_UNCONTRIBUTED") == []


def test_the_region_finds_crosscutting_indicators_no_agency_reports(belitung):
    region = belitung.region
    assert agencies_named(region) == ["dspppa", "dinas-contoh"]
    other = replace(belitung, agency=replace(belitung.agency, code="dinas-contoh"))
    findings = region_crosscutting(region, {"dspppa": belitung, "dinas-contoh": other}, YEAR)
    assert [(f.code, f.location.record.split(" (")[0], f.found) for f in findings] == [
        ("REGION_CONTRIBUTION_UNREPORTED", "kontribusi dspppa pada sasaran daerah SD3",
         "tanpa realisasi 2020: IK-S4")]
    # the demo agency without a plan, and with a plan whose IKU-01 has neither realisation nor
    # formula, and whose IKU-02 is gone
    alone = region_crosscutting(region, {"dspppa": belitung}, YEAR)
    assert [f.found for f in alone][-1] == "perangkat daerah ini tidak memiliki rencana kinerja"
    silent = without_indicators(with_indicator(other, "IKU-01", actuals=(), formula=None))
    region = replace(region, contributions=(Contribution("SD1", "dinas-contoh",
                                                         ("IKU-01", "IKU-99")),))
    [finding] = region_crosscutting(region, {"dinas-contoh": silent}, YEAR)
    assert finding.found == "tidak ada dalam rencananya: IKU-99; tanpa realisasi 2020: IKU-01"
    assert finding.severity is Severity.WARNING and "dinas-contoh" in finding.message_en


# --------------------------------------------------------------------------- the framework


def test_the_web_page_s_findings_are_the_cascade_and_logic_checks(belitung):
    plan = replace(belitung, goals=(*belitung.goals, Goal("T9", "Tujuan tanpa sasaran")))
    codes = {f.code for f in logic_findings(plan, YEAR)}
    assert {"PLAN_GOAL_INDICATOR", "PLAN_GOAL_OBJECTIVE", "PLAN_INDICATOR_DEFINITION"} <= codes
    assert not codes & {"PLAN_BUDGET_MISSING", "PLAN_FORMULA"}
    assert all(check.__doc__ for check in LOGIC_CHECKS)


@pytest.mark.parametrize(("text", "expected"), [
    ("indikator IKU-01 (Persentase (a) b)", ("indikator", "IKU-01")),
    ("sasaran daerah SD1 (Meningkatnya daya beli)", ("sasaran daerah", "SD1")),
    ("sasaran S1", ("sasaran", "S1")),
    ("perjanjian kinerja 2020", None),
])
def test_a_finding_s_record_is_read_back_from_its_location(text, expected):
    from sakip.review.findings import Finding, Location

    assert subject(Finding("X_Y", Severity.INFO, Location(record=text), "a", "b")) == expected
