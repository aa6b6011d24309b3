"""Every plan check, with a small plan that trips it and the clean plan that passes it."""

from __future__ import annotations

import dataclasses

from conftest import BASE, plan_from

from sakip.core.measure import measure
from sakip.review.findings import Severity
from sakip.review.plan import CHECKS, review_plan
from sakip.review.plan.context import PlanReview

CLEAN = """\
goals:
  - code: T1
    name: Meningkatnya kesejahteraan PMKS
    mission: M1
    indicators:
      - code: IKU-01
        name: Persentase penurunan PMKS per tahun
        key: true
        formula: (pmks[n-1] - pmks[n]) / pmks[n-1] * 100
        definition: Penurunan jumlah PMKS dibanding tahun sebelumnya.
        data_source: Basis data PMKS Dinas Sosial
        targets: {2019: 0.5, 2020: 0.5, 2021: 0.5, 2022: 0.5, 2023: 0.5}
        actuals: {2020: 5.01}
    objectives:
      - code: S1
        name: Meningkatnya penanganan PMKS
        indicators:
          - code: IKU-02
            name: Prevalensi kekerasan terhadap anak
            key: true
            polarity: negative
            definition: Kasus kekerasan terhadap anak per 1.000 anak.
            calculation: Jumlah kasus dibagi jumlah anak dikali 1.000.
            data_source: SIMFONI PPA
            targets: {2019: 5.2, 2020: 5.0, 2021: 4.8, 2022: 4.6, 2023: 4.4}
            actuals: {2020: 2.84}
programs:
  - code: P1
    name: Pelayanan dan Rehabilitasi Kesejahteraan Sosial
    objective: S1
    indicators:
      - {code: IKP-1, name: Persentase lansia terlantar terlayani, targets: {2020: 100},
         actuals: {2020: 86.47}, definition: Lansia terlantar yang terlayani.,
         calculation: Lansia terlayani dibagi lansia terlantar dikali 100., data_source: SIKS-NG}
    activities:
      - code: K1
        name: Pelayanan Lanjut Usia
        indicators:
          - {code: IKK-1, name: Jumlah lansia terlayani, definition: Lansia yang dilayani.,
             calculation: Jumlah lansia yang dilayani., data_source: Register layanan}
        budget:
          2020: {ceiling: 1000000, spent: 900000}
      - code: K2
        name: Pembinaan Anak Terlantar
        indicators:
          - {code: IKK-2, name: Jumlah anak terlantar dibina, definition: Anak yang dibina.,
             calculation: Jumlah anak yang dibina., data_source: Register layanan}
        budget:
          2020: {ceiling: 1000000, spent: 600000, explanation: Kegiatan daring karena Covid-19.}
series:
  - {code: pmks, name: Jumlah PMKS, values: {2019: 14337, 2020: 13619}}
spending:
  2020:
    - {kind: direct, label: Belanja Langsung, ceiling: 2000000, spent: 1500000}
agreements:
  - year: 2020
    number: 0
    kind: original
    items: [{indicator: IKU-01, target: 0.5}, {indicator: IKU-02, target: 5.0}]
"""


# the shared header with the names the PK and the report's signatures need (PLAN_SIGNATORY_NAME)
NAMED = (BASE.replace("kind: regency,", "kind: regency, head_name: Bupati Contoh,")
         .replace("name: Dinas Contoh}", "name: Dinas Contoh, head: {name: Kepala Contoh}}"))


def codes(body: str, year: int = 2020) -> list[str]:
    return [f.code for f in review_plan(plan_from(body, NAMED), year)]


def only(body: str, code: str):
    return [f for f in review_plan(plan_from(body, NAMED), 2020) if f.code == code]


def test_the_names_the_signatures_need_are_found_missing_in_the_plan():
    assert sorted(f.found for f in review_plan(plan_from(CLEAN), 2020)
                  if f.code == "PLAN_SIGNATORY_NAME") == ["tidak diisi"] * 2


def test_the_clean_plan_has_no_findings():
    assert codes(CLEAN) == []


def test_every_check_is_a_plain_function_in_the_list():
    assert all(callable(check) and check.__doc__ for check in CHECKS)


def test_a_pk_target_that_differs_from_the_iku_target_is_an_error():
    [finding] = only(CLEAN.replace("{indicator: IKU-02, target: 5.0}",
                                   "{indicator: IKU-02, target: 5.5}"), "PLAN_PK_TARGET")
    assert finding.severity is Severity.ERROR
    assert (finding.expected, finding.found) == ("5,0", "5,5")


def test_an_iku_left_out_of_the_pk_and_a_missing_pk_are_warnings():
    [left_out] = only(CLEAN.replace(", {indicator: IKU-02, target: 5.0}", ""), "PLAN_PK_MISSING")
    assert "IKU-02" in left_out.location.record
    no_pk = CLEAN.split("agreements:")[0]
    assert [f.location.record for f in only(no_pk, "PLAN_PK_MISSING")] == ["perjanjian kinerja 2020"]


AMENDED = CLEAN + """\
  - year: 2020
    number: 1
    kind: amendment
    reason: Penyesuaian IKU Perubahan
    items: [{indicator: IKU-01, target: 0.5}, {indicator: IKU-02, target: 5.0}]
"""


def test_what_an_amended_pk_changed_is_noted():
    changed = AMENDED.replace("items: [{indicator: IKU-01, target: 0.5}, {indicator: IKU-02, target: 5.0}]\n",
                              "items: [{indicator: IKU-01, target: 0.6}]\n", 1)
    [finding] = only(changed, "PLAN_PK_CHANGED")
    assert finding.severity is Severity.INFO
    assert "IKU-01: 0,6 → 0,5" in finding.message_id
    assert "IKU-02 ditambahkan" in finding.message_id
    assert not only(AMENDED, "PLAN_PK_CHANGED")


def test_an_iku_without_realisation_needs_a_recorded_reason():
    body = CLEAN.replace("actuals: {2020: 2.84}", "actuals: {}")
    [finding] = only(body, "PLAN_IKU_ACTUAL")
    assert "IKU-02" in finding.location.record
    reasoned = CLEAN.replace(
        "actuals: {2020: 2.84}",
        "actuals: {2020: {status: not_available, reason: Data belum muncul dari BPS}}")
    assert not only(reasoned, "PLAN_IKU_ACTUAL")


def test_an_iku_without_a_target_for_the_year_is_an_error():
    body = CLEAN.replace("targets: {2019: 5.2, 2020: 5.0,", "targets: {2019: 5.2,")
    assert only(body, "PLAN_IKU_TARGET")
    assert "IKU-02" in only(body, "PLAN_TARGET_YEARS")[0].location.record


def test_a_reported_realisation_that_its_formula_does_not_give_is_an_error():
    [finding] = only(CLEAN.replace("actuals: {2020: 5.01}", "actuals: {2020: 5.10}"), "PLAN_FORMULA")
    assert (finding.expected, finding.found) == ("5,01", "5,10")


def test_a_harm_named_positive_indicator_is_a_polarity_warning():
    body = CLEAN.replace("            polarity: negative\n", "")
    [finding] = only(body, "PLAN_POLARITY")
    assert finding.severity is Severity.WARNING


def test_a_measurement_that_ignores_polarity_is_a_polarity_error():
    review = PlanReview.of(plan_from(CLEAN), 2020)
    results = tuple(dataclasses.replace(r, met=False) if r.code == "IKU-02" else r
                    for r in review.measurement.indicators)
    broken = dataclasses.replace(review, measurement=dataclasses.replace(
        review.measurement, indicators=results))
    from sakip.review.plan.indicators import polarity

    [finding] = polarity(broken)
    assert finding.severity is Severity.ERROR and finding.expected == "tercapai"
    assert polarity(review) == []


def test_predicates_and_categories_must_follow_the_configured_scale():
    review = PlanReview.of(plan_from(CLEAN), 2020)
    results = tuple(dataclasses.replace(r, category="Baik") if r.code == "IKU-01" else r
                    for r in review.measurement.indicators)
    broken = dataclasses.replace(review, measurement=dataclasses.replace(
        review.measurement, indicators=results))
    from sakip.review.plan.indicators import labels

    [finding] = labels(broken)
    assert (finding.expected, finding.found) == ("Sangat baik", "Baik")
    assert labels(review) == []


def test_a_configured_scale_with_a_gap_is_a_warning():
    body = CLEAN + """\
scales:
  - code: kategori-celah
    name: Kategori dengan celah
    kind: category
    closed: left
    bands:
      - {label: Kurang, upper: "75"}
      - {label: Baik, lower: "76"}
settings: {category_scale: kategori-celah}
"""
    [finding] = only(body, "PLAN_SCALE")
    assert "celah" in finding.message_id


def test_targets_are_needed_for_every_year_of_the_plan():
    body = CLEAN.replace("targets: {2019: 0.5, 2020: 0.5, 2021: 0.5, 2022: 0.5, 2023: 0.5}",
                         "targets: {2020: 0.5, 2021: 0.5}")
    [finding] = only(body, "PLAN_TARGET_YEARS")
    assert finding.found == "tanpa 2019, 2022, 2023"


def test_a_program_whose_indicators_have_no_target_for_the_year_is_a_warning():
    body = CLEAN.replace("targets: {2020: 100},", "")
    assert only(body, "PLAN_PROGRAM_TARGET")


def test_every_objective_needs_an_indicator_and_a_program():
    body = CLEAN.replace("programs:", """      - code: S2
        name: Meningkatnya kualitas hidup anak
programs:""", 1)
    found = [(f.code, f.location.record.split(" (")[0]) for f in review_plan(plan_from(body), 2020)]
    assert ("PLAN_OBJECTIVE_INDICATOR", "sasaran S2") in found
    assert ("PLAN_OBJECTIVE_PROGRAM", "sasaran S2") in found
    unlinked = CLEAN.replace("    objective: S1\n", "")
    assert {"PLAN_OBJECTIVE_PROGRAM", "PLAN_PROGRAM_OBJECTIVE"} <= set(codes(unlinked))


def test_activities_without_budget_are_reported_once_per_program():
    body = CLEAN.replace("""        budget:
          2020: {ceiling: 1000000, spent: 900000}
""", "")
    [finding] = only(body, "PLAN_BUDGET_MISSING")
    assert "K1" in finding.message_id
    assert not only(body, "PLAN_BUDGET_COMPOSITION")  # the same gap is not reported twice


def test_activity_budgets_must_add_up_to_the_direct_spending():
    body = CLEAN.replace("ceiling: 2000000, spent: 1500000", "ceiling: 2500000, spent: 1500000")
    [finding] = only(body, "PLAN_BUDGET_COMPOSITION")
    assert (finding.expected, finding.found) == ("Rp 2.000.000", "Rp 2.500.000")


def test_spending_above_the_ceiling_is_an_error():
    body = CLEAN.replace("{ceiling: 1000000, spent: 900000}", "{ceiling: 1000000, spent: 1100000}")
    found = only(body, "PLAN_OVERSPENT")
    assert [f.location.record.split(" (")[0] for f in found] == ["kegiatan K1"]


def test_low_absorption_needs_an_explanation():
    body = CLEAN.replace(", explanation: Kegiatan daring karena Covid-19.", "")
    [finding] = only(body, "PLAN_LOW_ABSORPTION")
    assert finding.found == "60,00%"


def test_the_belitung_example_reports_its_real_gaps_each_once(belitung):
    findings = review_plan(belitung, 2020)
    missing = [f.location.record.split(" (")[0] for f in findings if f.code == "PLAN_BUDGET_MISSING"]
    assert missing == ["program P7", "program P8", "program P9", "program P10"]
    places = [(f.code, f.location.record) for f in findings]
    assert len(places) == len(set(places))
    assert not [f for f in findings if f.code in ("PLAN_BUDGET_COMPOSITION", "PLAN_PK_TARGET")]
    assert measure(belitung, 2020).budget  # the review measured what the lead's engine measures
