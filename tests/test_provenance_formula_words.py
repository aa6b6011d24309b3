"""A formula printed as a person writes it: names for codes, Indonesian numbers, × and ÷."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.formula import Formula, _Bin, _Neg, _Num, parse
from sakip.core.formula import Ref as FormulaRef
from sakip.core.formula_words import (
    Style,
    formula_words,
    indicator_formula_words,
    number_words,
    text_words,
)
from sakip.io.plan_file import load_plan

NAMES = {
    "pmks": "Jumlah PMKS",
    "pmks_handled": "Jumlah PMKS yang ditangani",
    "kasus": "Jumlah kasus kekerasan terhadap perempuan",
    "penduduk": "Jumlah penduduk perempuan usia 18 tahun ke atas",
}


def words(text: str, lang: str = "id", **kwargs: object) -> str:
    return text_words(text, NAMES, lang, **kwargs)  # type: ignore[arg-type]


def test_a_ratio_reads_with_the_series_names_and_a_division_sign() -> None:
    assert words("pmks_handled[n] / pmks[n] * 100") == (
        "Jumlah PMKS yang ditangani ÷ Jumlah PMKS × 100")


def test_a_rate_per_ten_thousand_groups_its_thousands_the_indonesian_way() -> None:
    assert words("kasus[n] / penduduk[n] * 10000") == (
        "Jumlah kasus kekerasan terhadap perempuan ÷ "
        "Jumlah penduduk perempuan usia 18 tahun ke atas × 10.000")
    assert words("kasus[n] / penduduk[n] * 10000", "en").endswith("× 10,000")


def test_a_decline_says_which_year_each_figure_is_of() -> None:
    assert words("(pmks[n-1] - pmks[n]) / pmks[n-1] * 100") == (
        "(Jumlah PMKS tahun sebelumnya − Jumlah PMKS tahun berjalan) ÷ "
        "Jumlah PMKS tahun sebelumnya × 100")
    assert words("(pmks[n-1] - pmks[n]) / pmks[n-1] * 100", "en") == (
        "(Jumlah PMKS previous year − Jumlah PMKS current year) ÷ "
        "Jumlah PMKS previous year × 100")


def test_given_the_year_measured_the_references_name_their_years() -> None:
    assert words("(pmks[n-1] - pmks[n]) / pmks[n-1] * 100", year=2020) == (
        "(Jumlah PMKS 2019 − Jumlah PMKS 2020) ÷ Jumlah PMKS 2019 × 100")


def test_operators_can_be_written_as_words() -> None:
    assert words("pmks_handled[n] / pmks[n] * 100", style=Style.WORDS) == (
        "Jumlah PMKS yang ditangani dibagi Jumlah PMKS dikali 100")
    assert words("pmks_handled[n] / pmks[n] * 100", "en", style=Style.WORDS) == (
        "Jumlah PMKS yang ditangani divided by Jumlah PMKS times 100")


def test_parentheses_stay_only_where_the_order_of_operations_needs_them() -> None:
    assert words("pmks[n] - (pmks_handled[n] - kasus[n])") == (
        "Jumlah PMKS − (Jumlah PMKS yang ditangani − Jumlah kasus kekerasan terhadap perempuan)")
    assert words("(pmks[n] * 2) + 1") == "Jumlah PMKS × 2 + 1"
    assert words("pmks[n] / (pmks_handled[n] * 2)") == (
        "Jumlah PMKS ÷ (Jumlah PMKS yang ditangani × 2)")
    assert words("-(pmks[n] + 1)") == "−(Jumlah PMKS + 1)"


def test_a_series_without_a_name_prints_as_its_code_and_bad_text_as_written() -> None:
    assert words("unknown_series[n] * 100") == "unknown_series × 100"
    assert words("pmks[n] +") == "pmks[n] +"


def test_numbers_keep_their_own_places() -> None:
    assert number_words(Decimal("0.5")) == "0,5"
    assert number_words(Decimal("0.5"), "en") == "0.5"
    assert number_words(Decimal("1234567.25")) == "1.234.567,25"
    assert number_words(Decimal("100")) == "100"
    assert number_words(Decimal("1E+3")) == "1.000"
    assert number_words(Decimal("0.001")) == "0,001"


def test_the_example_plans_formulas_all_read_in_words() -> None:
    plan = load_plan("examples/belitung-2020.yaml")
    for indicator in plan.indicators:
        text = indicator_formula_words(plan, indicator)
        if indicator.formula is None:
            assert text is None
            continue
        assert text is not None and "[" not in text and "*" not in text
        for ref in parse(indicator.formula).references:
            assert plan.series_by_code[ref.series].name in text


# --------------------------------------------------------------------------- generated formulas

CODES = st.sampled_from([*sorted(NAMES), "tanpa_nama"])
_numbers = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False,
                       allow_infinity=False).map(_Num)
_refs = st.builds(FormulaRef, CODES, st.integers(min_value=-3, max_value=2))
_nodes = st.recursive(
    st.one_of(_refs, _numbers),
    lambda inner: st.one_of(
        st.builds(_Neg, inner),
        st.builds(_Bin, st.sampled_from("+-*/"), inner, inner)),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(_nodes, st.sampled_from(["id", "en"]), st.sampled_from(list(Style)),
       st.one_of(st.none(), st.integers(min_value=2000, max_value=2050)))
def test_any_formula_reads_in_words_naming_every_series(node: object, lang: str, style: Style,
                                                        year: int | None) -> None:
    formula = Formula("generated", node)  # type: ignore[arg-type]
    text = formula_words(formula, NAMES, lang, year=year, style=style)
    assert isinstance(text, str) and text
    for ref in formula.references:
        assert NAMES.get(ref.series, ref.series) in text
    assert "[" not in text and "*" not in text and "/" not in text
    assert text.count("(") == text.count(")")
