"""The LKE (PermenPAN-RB 88/2021) as data, its scoring, predicates, simulation and the
evidence Sakip's record gives (sakip.core.lke, sakip.core.lke_evidence; docs/lke.md)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.enums import ActualStatus, Frequency
from sakip.core.lke import (
    Answer,
    Evaluation,
    Sheet,
    grade_of,
    next_grades,
    score,
    score_evaluation,
    simulate,
)
from sakip.core.lke_evidence import (
    EVIDENCE,
    NO,
    YES,
    annual_targets,
    as_sheet,
    budget,
    cascade,
    definitions,
    iku,
    lkjip_on_time,
    lkjip_published,
    pk_signed,
    realisations,
    recommendations_followed,
    renstra,
    reviu_done,
    suggest,
)
from sakip.io.lke_file import available_versions, load_lke, parse_lke
from sakip.io.problems import InputError

LKE = load_lke("permenpanrb-88-2021")
TEXT = resources.files("sakip.data").joinpath("lke", "permenpanrb-88-2021.yaml").read_text("utf-8")
FACTS = {"published_on": date(2021, 3, 31), "submitted_on": date(2021, 2, 26),
         "deadline": date(2021, 2, 28), "reviewed_on": date(2021, 2, 20), "statement": True,
         "recommendations": 5, "followed": 5}


def sheet(answers=None, claims=None):
    return Sheet({k: Answer(v) for k, v in (answers or {}).items()},
                 {k: Answer(v) for k, v in (claims or {}).items()})


def codes(problems):
    return {p.code for p in problems}


def broken(old, new, count=1):
    assert TEXT.count(old) >= count, old
    with pytest.raises(InputError) as caught:
        parse_lke(TEXT.replace(old, new, count), "<broken>")
    return codes(caught.value.problems)


# --------------------------------------------------------------------------- the data file


def test_the_shipped_versions():
    assert "permenpanrb-88-2021" in available_versions()
    assert LKE.method == "graded"
    assert dict(LKE.source)["regulation"].startswith("Peraturan Menteri Pendayagunaan")
    assert LKE.gaps  # what could not be verified is said in the file


def test_weights_sum_to_100_and_to_each_component_at_every_level():
    assert sum(c.weight for c in LKE.components) == Decimal(100)
    assert [(c.name, c.weight) for c in LKE.components] == [
        ("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 30), ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25)]
    for component in LKE.components:
        subs = component.subcomponents
        assert sum(s.weight for s in subs) == component.weight
        assert [s.kind for s in subs] == ["pemenuhan", "kualitas", "pemanfaatan"]
        # 88/2021 splits each component 20 % / 30 % / 50 %
        assert [s.weight / component.weight for s in subs] == [
            Decimal("0.2"), Decimal("0.3"), Decimal("0.5")]
        for sub in subs:
            assert sub.criteria and all(c.code.startswith(sub.code + ".") for c in sub.criteria)


def test_codes_unique_answer_types_known_evidence_registered():
    criteria = list(LKE.criteria)
    assert len(criteria) == 80
    assert len({c.code for c in criteria}) == 80
    assert [len(s.criteria) for s in LKE.subcomponents] == [6, 11, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5]
    assert {c.type.code for c in criteria} == {"YT"}
    assert {c.evidence for c in criteria if c.evidence} <= set(EVIDENCE)
    assert LKE.criterion_by_code["1.a.1"].text == "Terdapat pedoman teknis perencanaan kinerja."


@pytest.mark.parametrize(("old", "new", "code"), [
    ('weight: "6"\n        name: Dokumen Perencanaan', 'weight: "7"\n        name: Dokumen Perencanaan',
     "LKE_WEIGHT_SUM"),
    ('weight: "30"\n    subcomponents', 'weight: "31"\n    subcomponents', "LKE_WEIGHT_SUM"),
    ("{code: 1.a.2,", "{code: 1.a.1,", "LKE_DUPLICATE_CODE"),
    ("{code: 1.a.2, type: YT", "{code: 1.a.2, type: XX", "LKE_UNKNOWN_ANSWER_TYPE"),
    ("{code: 1.a.2,", "{code: 1.b.99,", "LKE_BAD_CODE"),
    ('range: "(80, 90]"', 'range: "(81, 90]"', "LKE_PREDICATES_GAP"),
    ('range: "(75, 100)"', 'range: "(75, 100]"', "LKE_GRADES_GAP"),
    ("evidence: renstra", "evidence: horoscope", "LKE_UNKNOWN_EVIDENCE"),
    ("criterion: 3.a.1", "criterion: 9.z.9", "LKE_RULE_UNKNOWN_CRITERION"),
    ('answer: "T"}\n    then: {criteria: [3.a.2', 'answer: "N"}\n    then: {criteria: [3.a.2',
     "LKE_RULE_BAD_ANSWER"),
    ("method: graded", "method: averaged", "LKE_UNKNOWN_METHOD"),
    ('{code: "Y", value: "1"', '{code: "Y", value: "satu"', "LKE_BAD_NUMBER"),
    ("kind: kualitas", "kind: kuantitas", "LKE_BAD_KIND"),
])
def test_a_broken_data_file_is_refused_with_its_code(old, new, code):
    assert code in broken(old, new)


def test_every_problem_is_reported_at_once_with_its_place():
    text = TEXT.replace('weight: "6"\n        name: Dokumen', 'weight: "7"\n        name: Dokumen')
    text = text.replace("{code: 1.a.2, type: YT", "{code: 1.a.2, type: XX")
    with pytest.raises(InputError) as caught:
        parse_lke(text, "rusak.yaml")
    problems = caught.value.problems
    assert {"LKE_WEIGHT_SUM", "LKE_UNKNOWN_ANSWER_TYPE"} <= codes(problems)
    weight = next(p for p in problems if p.code == "LKE_WEIGHT_SUM")
    assert weight.file == "rusak.yaml" and weight.path == "components[0].subcomponents"
    assert "berjumlah 31, bukan 30" in weight.message_id


@pytest.mark.parametrize("version", ["tidak-ada", "../scales", "PERMEN 88"])
def test_an_unknown_version_is_refused(version):
    with pytest.raises(InputError) as caught:
        load_lke(version)
    assert codes(caught.value.problems) == {"LKE_UNKNOWN_VERSION"}


def test_syntax_and_empty_files():
    with pytest.raises(InputError) as caught:
        parse_lke("components: [", "x.yaml")
    assert codes(caught.value.problems) == {"LKE_SYNTAX"}
    with pytest.raises(InputError) as caught:
        parse_lke("", "x.yaml")
    assert codes(caught.value.problems) == {"LKE_EMPTY"}


# --------------------------------------------------------------------------- predicates


@pytest.mark.parametrize(("total", "predicate"), [
    ("0", "D"), ("30", "D"), ("30.01", "C"), ("50", "C"), ("50.01", "CC"), ("60", "CC"),
    ("60.01", "B"), ("70", "B"), ("70.01", "BB"), ("80", "BB"), ("80.01", "A"), ("90", "A"),
    ("90.01", "AA"), ("100", "AA"),
])
def test_predicate_boundaries_lower_bounds_exclusive(total, predicate):
    assert LKE.predicate(Decimal(total)).code == predicate


def test_predicate_labels_and_outside_the_scale():
    assert [(p.code, p.label) for p in LKE.predicates] == [
        ("AA", "Sangat Memuaskan"), ("A", "Memuaskan"), ("BB", "Sangat Baik"), ("B", "Baik"),
        ("CC", "Cukup"), ("C", "Kurang"), ("D", "Sangat Kurang")]
    assert LKE.predicate(Decimal("100.01")) is None
    assert LKE.predicate(Decimal("-0.01")) is None
    assert LKE.predicate(None) is None


RANK = {p.code: len(LKE.predicates) - i for i, p in enumerate(LKE.predicates)}
TOTALS = st.decimals(min_value=0, max_value=100, places=2)


@settings(max_examples=300, deadline=None)
@given(TOTALS, TOTALS)
def test_a_higher_total_never_gets_a_lower_predicate(a, b):
    low, high = sorted((a, b))
    assert RANK[LKE.predicate(low).code] <= RANK[LKE.predicate(high).code]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=100, places=4), st.decimals(min_value=0, max_value=100,
                                                                       places=4))
def test_grades_cover_every_fulfilment_once_and_rise_with_it(a, b):
    low, high = sorted((a, b))
    assert grade_of(LKE, low).value <= grade_of(LKE, high).value


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=100, places=6))
def test_exactly_one_grade_without_a_claim_holds_each_fulfilment(fulfilment):
    assert len([g for g in LKE.grades if g.claim is None and fulfilment in g.range]) == 1


@pytest.mark.parametrize(("fulfilment", "claim", "grade"), [
    ("0", None, "E"), ("0.01", None, "D"), ("25", None, "D"), ("25.01", None, "C"),
    ("50", None, "C"), ("75", None, "CC"), ("75.01", None, "B"), ("99.99", None, "B"),
    ("100", None, "BB"), ("100", "A", "A"), ("100", "AA", "AA"), ("99", "AA", "B"),
])
def test_sub_component_grades(fulfilment, claim, grade):
    assert grade_of(LKE, Decimal(fulfilment), claim).code == grade


# --------------------------------------------------------------------------- scoring


def test_a_small_case_computed_by_hand():
    answers = {f"1.a.{i}": "Y" for i in range(1, 7)}  # 6/6 = 100 %, claimed A -> 90 % of 6
    answers |= {f"1.b.{i}": "Y" for i in range(1, 10)} | {"1.b.10": "T"}  # 9/11 -> B, 70 % of 9
    answers |= {"1.c.1": "Y", "1.c.2": "Y", "1.c.3": "Y", "1.c.4": "Y", "1.c.5": "T"}  # 4/8 -> C
    answers |= {"2.a.1": "Y", "2.a.2": "T"}  # 1/3 -> C, 50 % of 6
    answers |= {"3.a.1": "T", "3.a.2": "Y"}  # no report: 3.a.2 capped to 0 -> 0/6 -> E
    result = score(LKE, sheet(answers, {"1.a": "A", "1.b": "AA"}))
    subs = result.subscore_by_code
    assert (subs["1.a"].grade.code, subs["1.a"].score) == ("A", Decimal("5.40"))
    assert (subs["1.b"].grade.code, subs["1.b"].score) == ("B", Decimal("6.30"))
    assert subs["1.b"].claim_ignored  # AA claimed with 2 criteria unmet
    assert (subs["1.c"].grade.code, subs["1.c"].score) == ("C", Decimal("7.50"))
    assert (subs["2.a"].grade.code, subs["2.a"].score) == ("C", Decimal("3.00"))
    assert (subs["3.a"].grade.code, subs["3.a"].score) == ("E", Decimal("0.00"))
    assert result.components[0].score == Decimal("19.20")
    assert result.total == Decimal("22.20")
    assert result.predicate.code == "D"
    [application] = result.applications
    assert (application.rule.code, application.criterion, application.before,
            application.after) == ("no-report", "3.a.2", 1, 0)
    assert result.criterion_by_code["3.a.2"].capped_by == ("no-report",)
    assert "1.a.1" not in result.unanswered and "4.c.5" in result.unanswered
    assert len(result.unanswered) == 80 - 6 - 10 - 5 - 2 - 2


MEAN_FILE = """\
version: contoh-rata-rata
title: LKE contoh
source: {regulation: Contoh, criteria_from: Dibuat untuk uji}
answer_types:
  - code: YT
    name: Ya/Tidak
    options: [{code: "Y", value: "1", label: Ya}, {code: "T", value: "0", label: Tidak}]
  - code: AE
    name: A-E
    options:
      - {code: A, value: "1", label: A}
      - {code: B, value: "0.75", label: B}
      - {code: C, value: "0.5", label: C}
      - {code: D, value: "0.25", label: D}
      - {code: E, value: "0", label: E}
scoring: {method: mean, places: 2}
predicates:
  - {code: AA, range: "(90, 100]", label: Sangat Memuaskan}
  - {code: A, range: "(80, 90]", label: Memuaskan}
  - {code: BB, range: "(70, 80]", label: Sangat Baik}
  - {code: B, range: "(60, 70]", label: Baik}
  - {code: CC, range: "(50, 60]", label: Cukup}
  - {code: C, range: "(30, 50]", label: Kurang}
  - {code: D, range: "[0, 30]", label: Sangat Kurang}
components:
  - code: "1"
    name: Satu
    weight: "60"
    subcomponents:
      - code: 1.a
        kind: pemenuhan
        weight: "60"
        name: Satu a
        criteria:
          - {code: 1.a.1, type: YT, text: Pertama}
          - {code: 1.a.2, type: AE, text: Kedua}
          - {code: 1.a.3, type: YT, text: Ketiga}
  - code: "2"
    name: Dua
    weight: "40"
    subcomponents:
      - code: 2.a
        kind: kualitas
        weight: "40"
        name: Dua a
        criteria:
          - {code: 2.a.1, type: AE, text: Keempat}
          - {code: 2.a.2, type: AE, text: Kelima}
"""


def test_the_mean_method_by_hand():
    lke = parse_lke(MEAN_FILE, "<mean>")
    result = score(lke, sheet({"1.a.1": "Y", "1.a.2": "B", "1.a.3": "T", "2.a.1": "C"}))
    # 60 x (1 + 0,75 + 0) / 3 = 35; 40 x (0,5 + 0) / 2 = 10
    assert [c.score for c in result.components] == [Decimal("35.00"), Decimal("10.00")]
    assert result.total == Decimal("45.00")
    assert result.predicate.label == "Kurang"
    assert result.unanswered == ("2.a.2",)
    gains = simulate(lke, sheet({"1.a.1": "Y", "1.a.2": "B", "1.a.3": "T", "2.a.1": "C"}))
    # 1.a.3 T->Y: +20; 2.a.2 ->A: +20; 2.a.1 C->A: +10; 1.a.2 B->A: +5
    assert [(g.criterion.code, g.points) for g in gains] == [
        ("1.a.3", Decimal("20.00")), ("2.a.2", Decimal("20.00")), ("2.a.1", Decimal("10.00")),
        ("1.a.2", Decimal("5.00"))]
    assert next_grades(lke, Sheet()) == ()


def test_answers_outside_the_worksheet_are_refused():
    with pytest.raises(InputError) as caught:
        score(LKE, sheet({"1.a.1": "YA", "9.z.1": "Y"}, {"1.a": "BB", "7.x": "A"}))
    assert codes(caught.value.problems) == {
        "LKE_BAD_ANSWER", "LKE_UNKNOWN_CRITERION", "LKE_BAD_CLAIM", "LKE_UNKNOWN_SUBCOMPONENT"}


def test_an_empty_sheet_scores_zero_and_every_criterion_is_unanswered():
    result = score(LKE, Sheet())
    assert result.total == Decimal("0.00") and result.predicate.code == "D"
    assert len(result.unanswered) == 80


def test_all_met_with_every_claim_scores_100():
    answers = {c.code: "Y" for c in LKE.criteria}
    assert score(LKE, sheet(answers)).total == Decimal("80.00")
    claims = {s.code: "AA" for s in LKE.subcomponents}
    result = score(LKE, sheet(answers, claims))
    assert result.total == Decimal("100.00") and result.predicate.code == "AA"


def test_self_assessment_evaluation_and_the_final_answers():
    agency = sheet({"1.a.1": "Y", "1.a.2": "Y", "1.a.3": "Y"}, {"1.a": "A"})
    evaluator = sheet({"1.a.2": "T", "1.a.3": "Y"})
    evaluation = Evaluation(agency, evaluator)
    assert evaluation.differences() == ("1.a.2",)
    final = evaluation.final()
    assert {k: v.answer for k, v in final.answers.items()} == {
        "1.a.1": "Y", "1.a.2": "T", "1.a.3": "Y"}
    own, theirs, result = score_evaluation(LKE, evaluation)
    # agency 3/6 -> C (50 % of 6); evaluator 1/6 -> D (30 % of 6); final 2/6 -> C
    assert (own.subscore_by_code["1.a"].score, theirs.subscore_by_code["1.a"].score,
            result.subscore_by_code["1.a"].score) == (Decimal("3.00"), Decimal("1.80"),
                                                      Decimal("3.00"))
    assert own.subscore_by_code["1.a"].claim_ignored  # A claimed at 50 %


# --------------------------------------------------------------------------- simulation


def test_the_simulation_ranks_a_criterion_worth_more_above_one_worth_less():
    gains = simulate(LKE, Sheet())
    by_code = {g.criterion.code: g for g in gains}
    # alone, one criterion lifts its empty sub-component from E (0 %) to D (30 %)
    assert by_code["1.c.1"].points == Decimal("4.50")  # 30 % of 15
    assert by_code["3.a.1"].points == Decimal("0.90")  # 30 % of 3
    order = [g.criterion.code for g in gains]
    assert order.index("1.c.1") < order.index("4.c.1") < order.index("1.b.1") < order.index("3.a.1")
    assert gains[0].criterion.code == "1.c.1" and gains[0].answer is None and gains[0].to == "Y"


def test_the_simulation_leaves_out_what_changes_nothing_unless_asked():
    answers = {f"1.b.{i}": "Y" for i in range(1, 10)}  # 9/11: raising one more stays B
    gains = {g.criterion.code for g in simulate(LKE, sheet(answers))}
    assert "1.b.10" not in gains
    everything = {g.criterion.code: g for g in simulate(LKE, sheet(answers), with_zero=True)}
    assert everything["1.b.10"].gain == 0
    [step] = [n for n in next_grades(LKE, sheet(answers)) if n.subcomponent.code == "1.b"]
    assert (step.grade.code, step.next.code, step.criteria) == ("B", "BB", ("1.b.10", "1.b.11"))
    assert step.points == Decimal("0.90")  # (80 - 70) % of 9


def test_raising_a_rule_condition_lifts_its_caps_in_the_simulation():
    answers = {"3.a.1": "T"} | {f"3.a.{i}": "Y" for i in range(2, 7)}
    result = score(LKE, sheet(answers))
    assert result.subscore_by_code["3.a"].exact == 0
    assert len(result.applications) == 5
    [gain] = [g for g in simulate(LKE, sheet(answers)) if g.criterion.subcomponent == "3.a"]
    # 3.a.1 -> Y: the caps go, 6/6 -> BB, 80 % of 3
    assert (gain.criterion.code, gain.points) == ("3.a.1", Decimal("2.40"))


# --------------------------------------------------------------------------- the example, filled


def test_the_example_filled_from_its_record_and_fixed_answers(belitung):
    suggestions = suggest(LKE, belitung, 2020, FACTS)
    assert set(suggestions) == {c.code for c in LKE.criteria if c.evidence}
    assert {code for code, s in suggestions.items() if s.answer == NO} == {"1.c.4", "2.a.2", "2.b.4"}
    fixed = sheet({c.code: "Y" for c in LKE.criteria if c.evidence is None})
    result = score(LKE, as_sheet(suggestions, fixed))
    subs = result.subscore_by_code
    assert subs["1.c"].grade.code == "B"  # 7/8: realisations of IKU-04 missing
    assert subs["2.a"].grade.code == "CC"  # 2/3: definitions incomplete
    assert subs["2.b"].grade.code == "B"  # 6/7
    # every other sub-component BB: 80 % of 70 = 56; + 10,5 + 3,6 + 6,3
    assert result.total == Decimal("76.40")
    assert Decimal(0) <= result.total <= Decimal(100)
    assert result.predicate.code == "BB" and result.predicate.label == "Sangat Baik"
    assert result.criterion_by_code["1.c.4"].answer == NO
    assert "IKU-04" not in result.criterion_by_code["1.c.4"].criterion.text


def test_suggest_skips_what_needs_facts_not_given(belitung):
    suggestions = suggest(LKE, belitung, 2020)
    assert not {"3.a.4", "3.a.5", "3.a.6", "4.c.1"} & set(suggestions)
    assert "1.a.3" in suggestions


# --------------------------------------------------------------------------- evidence


def missing(suggestion):
    return [m.record for m in suggestion.missing]


def test_renstra(belitung):
    assert renstra(belitung, 2020).answer == YES
    lacking = replace(belitung, objectives=belitung.objectives[1:])
    found = renstra(lacking, 2020)
    assert found.answer == NO and missing(found) == ["T1"]
    assert "Tujuan T1 tanpa sasaran." in [m.message for m in found.missing]
    assert missing(renstra(belitung, 2030)) == ["renstra"]


def test_iku(belitung):
    assert iku(belitung, 2020).answer == YES
    none = replace(belitung, indicators=tuple(replace(i, key=False) for i in belitung.indicators))
    assert iku(none, 2020).answer == NO and missing(iku(none, 2020)) == ["iku"]


def test_pk_signed(belitung):
    assert pk_signed(belitung, 2020).answer == YES
    assert missing(pk_signed(belitung, 2019)) == ["PK 2019"]
    in_force = belitung.agreement(2020)
    others = tuple(a for a in belitung.agreements if a is not in_force)
    unsigned = replace(belitung, agreements=(*others, replace(in_force, signed=None)))
    found = pk_signed(unsigned, 2020)
    assert found.answer == NO and "tanpa tanggal tanda tangan" in found.missing[0].message
    late = replace(belitung, agreements=(*others, replace(in_force, signed="2022-01")))
    assert "di luar tahun 2019–2020" in pk_signed(late, 2020).missing[0].message
    empty = replace(belitung, agreements=(*others, replace(in_force, items=())))
    assert "tanpa indikator dan target" in pk_signed(empty, 2020).missing[0].message


def complete(indicator):
    if not indicator.key:
        return indicator
    return replace(indicator, definition=indicator.definition or "Definisi",
                   formula=indicator.formula, calculation=indicator.calculation or "Cara",
                   data_source=indicator.data_source or "Sumber",
                   frequency=Frequency.QUARTERLY, responsible="Kepala Bidang")


def test_definitions(belitung):
    found = definitions(belitung, 2020)
    assert found.answer == NO and "IKU-03" in missing(found)
    full = replace(belitung, indicators=tuple(complete(i) for i in belitung.indicators))
    assert definitions(full, 2020).answer == YES and not definitions(full, 2020).notes
    one_short = replace(full, indicators=tuple(
        replace(i, data_source=None) if i.code == "IKU-03" else i for i in full.indicators))
    found = definitions(one_short, 2020)
    assert missing(found) == ["IKU-03"] and found.missing[0].message == "IKU-03: tanpa sumber data."


def test_annual_targets(belitung):
    assert annual_targets(belitung, 2020).answer == YES
    lacking = replace(belitung, indicators=tuple(
        replace(i, targets=tuple(t for t in i.targets if t.year != 2020))
        if i.code == "IKU-05" else i for i in belitung.indicators))
    assert missing(annual_targets(lacking, 2020)) == ["IKU-05"]


def test_realisations(belitung):
    found = realisations(belitung, 2020)
    assert found.answer == NO
    assert missing(found) == ["IKU-04"] * 4  # IKU-02's months count for their quarters
    assert found.missing[0].message == (
        "IKU-04: realisasi triwulan I 2020 belum tersedia "
        "(Data IDG 2020 belum muncul dari Kementerian PPPA / BPS).")
    yearly = replace(belitung, indicators=tuple(
        replace(i, frequency=Frequency.YEARLY) if i.code == "IKU-04" else i
        for i in belitung.indicators))
    [gap] = realisations(yearly, 2020).missing  # measured yearly: the year's figure is missing
    assert gap.message == ("IKU-04: realisasi tahun 2020 belum tersedia "
                           "(Data IDG 2020 belum muncul dari Kementerian PPPA / BPS).")
    published = replace(yearly, indicators=tuple(
        replace(i, actuals=tuple(replace(a, value=Decimal("44.1"), status=ActualStatus.FINAL)
                                 for a in i.actuals)) if i.code == "IKU-04" else i
        for i in yearly.indicators))
    assert realisations(published, 2020).answer == YES


def test_cascade(belitung):
    assert cascade(belitung, 2020).answer == YES
    unlinked = replace(belitung, programs=tuple(
        replace(p, objective=None) if p.code == "P5" else p for p in belitung.programs))
    found = cascade(unlinked, 2020)
    assert found.answer == NO and sorted(missing(found)) == ["P5", "S3"]


def test_budget(belitung):
    assert budget(belitung, 2020).answer == YES
    assert missing(budget(replace(belitung, budgets=()), 2020)) == ["anggaran 2020"]


def test_facts_from_outside_the_plan(belitung):
    assert lkjip_published(belitung, 2020, date(2021, 3, 31)).answer == YES
    assert lkjip_published(belitung, 2020, None).answer == NO
    assert lkjip_published(belitung, 2020, date(2020, 6, 1)).answer == NO
    late = lkjip_on_time(belitung, 2020, date(2021, 3, 5), date(2021, 2, 28))
    assert late.answer == NO and "5 hari setelah batas 2021-02-28" in late.missing[0].message
    assert lkjip_on_time(belitung, 2020, date(2021, 2, 28), date(2021, 2, 28)).answer == YES
    assert reviu_done(belitung, 2020, date(2021, 2, 20), True).answer == YES
    assert reviu_done(belitung, 2020, date(2021, 2, 20), False).answer == NO
    partly = recommendations_followed(belitung, 2020, 5, 3)
    assert partly.answer == NO and partly.missing[0].message.startswith("2 dari 5 rekomendasi")
    assert recommendations_followed(belitung, 2020, 0, 0).answer == YES
    with pytest.raises(InputError) as caught:
        recommendations_followed(belitung, 2020, 3, 4)
    assert codes(caught.value.problems) == {"LKE_BAD_FACT"}
