"""One cell, both ways: raw worksheet values to typed values and back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.core.enums import ActualStatus, Polarity
from sakip.io.workbook.cells import BadCell, number_out, read_cell, read_table_cell, write_cell
from sakip.io.workbook.schema import Column, Kind

NUMBER = Column("value", "Nilai", Kind.DECIMAL, "")
TEXT = Column("name", "Nama", Kind.TEXT, "")
YEAR = Column("year", "Tahun", Kind.YEAR, "")
QUARTER = Column("quarter", "Triwulan", Kind.INTEGER, "", minimum=1, maximum=4)
FLAG = Column("key", "IKU", Kind.BOOLEAN, "")
POLARITY = Column("polarity", "Polaritas", Kind.CHOICE, "", choices=Polarity)
STATUS = Column("status", "Status", Kind.CHOICE, "", choices=ActualStatus)
DATE = Column("date", "Tanggal", Kind.DATE, "")
LIST = Column("objectives", "Sasaran", Kind.LIST, "")


def code_of(column: Column, raw: object) -> str:
    with pytest.raises(BadCell) as caught:
        read_cell(column, raw)  # type: ignore[arg-type]
    return caught.value.error.code


@pytest.mark.parametrize(("raw", "expected"), [
    (94.78, "94.78"),
    (0.1, "0.1"),
    (1463516640.0, "1463516640"),
    (-5.93, "-5.93"),
    (7, "7"),
    ("1.234,5", "1234.5"),
    ("94,78%", "94.78"),
    ("Rp 5.054.687.243,-", "5054687243"),
    ("  13.535,00 ", "13535"),
    ("Rp 13.535", "13535"),
    ("100.00", "100"),
])
def test_numbers_are_read_exactly(raw: object, expected: str) -> None:
    assert read_cell(NUMBER, raw) == Decimal(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["sembilan", "21.500.00", "1,2,3", True, dt.date(2020, 1, 1)])
def test_what_is_not_a_number_is_refused(raw: object) -> None:
    assert code_of(NUMBER, raw) == "XLSX_BAD_NUMBER"


def test_an_excel_error_value_is_named() -> None:
    with pytest.raises(BadCell) as caught:
        read_cell(NUMBER, "#DIV/0!")
    assert "galat Excel" in caught.value.error.message_id


def test_empty_and_blank_cells_are_empty() -> None:
    assert read_cell(NUMBER, "") is None
    assert read_cell(TEXT, "   ") is None


def test_numbers_in_text_columns_read_as_typed() -> None:
    assert read_cell(TEXT, 2019.0) == "2019"
    assert read_cell(TEXT, 1.5) == "1.5"
    assert read_cell(TEXT, dt.datetime(2020, 12, 8)) == "2020-12-08"
    assert read_cell(TEXT, "  Dinas Sosial \r\n baris dua ") == "Dinas Sosial \n baris dua"
    assert code_of(TEXT, 1.965123119900310e17) == "XLSX_NUMBER_TOO_LONG"


def test_years_and_whole_numbers() -> None:
    assert read_cell(YEAR, 2020.0) == 2020
    assert read_cell(YEAR, "2020") == 2020
    assert code_of(YEAR, 1800.0) == "XLSX_BAD_YEAR"
    assert code_of(YEAR, 2020.5) == "XLSX_BAD_YEAR"
    assert read_cell(QUARTER, 4.0) == 4
    assert code_of(QUARTER, 5.0) == "XLSX_OUT_OF_RANGE"
    assert code_of(QUARTER, 1.5) == "XLSX_BAD_INTEGER"


def test_booleans_in_indonesian() -> None:
    assert read_cell(FLAG, True) is True
    assert read_cell(FLAG, "Ya") is True
    assert read_cell(FLAG, "tidak") is False
    assert read_cell(FLAG, 1.0) is True
    assert code_of(FLAG, "mungkin") == "XLSX_BAD_BOOLEAN"


def test_choices_by_indonesian_label_or_stable_value() -> None:
    assert read_cell(POLARITY, "Negatif") is Polarity.NEGATIVE
    assert read_cell(POLARITY, "negative") is Polarity.NEGATIVE
    assert read_cell(STATUS, "belum  tersedia") is ActualStatus.NOT_AVAILABLE
    assert read_cell(STATUS, "NOT_AVAILABLE") is ActualStatus.NOT_AVAILABLE
    assert code_of(POLARITY, "Positip") == "XLSX_BAD_CHOICE"
    assert code_of(POLARITY, 1.0) == "XLSX_BAD_CHOICE"


def test_dates_are_iso_text() -> None:
    assert read_cell(DATE, "2020-12") == "2020-12"
    assert read_cell(DATE, dt.datetime(2020, 1, 2)) == "2020-01-02"
    assert read_cell(DATE, 2021.0) == "2021"
    assert code_of(DATE, "2020-02-30") == "XLSX_BAD_DATE"
    assert code_of(DATE, "8 Desember 2020") == "XLSX_BAD_DATE"


def test_lists_are_split_on_semicolons() -> None:
    assert read_cell(LIST, "S1; S2;; ") == ("S1", "S2")
    assert write_cell(LIST, ("S1", "S2")) == "S1; S2"
    assert write_cell(LIST, ()) is None


def test_table_cells_keep_text_as_text() -> None:
    assert read_table_cell("1.234") == "1.234"
    assert read_table_cell(12.0) == Decimal(12)
    assert read_table_cell("") is None


def test_writing_uses_labels_and_numbers() -> None:
    assert write_cell(POLARITY, Polarity.STABILISE) == "Stabil"
    assert write_cell(FLAG, False) == "Tidak"
    assert write_cell(NUMBER, Decimal("94.78")) == 94.78
    assert write_cell(NUMBER, Decimal("12345678901234567.89")) == "12345678901234567,89"
    assert write_cell(NUMBER, None) is None


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e17"),
                   max_value=Decimal("1e17")))
def test_any_decimal_written_reads_back_equal(value: Decimal) -> None:
    written = number_out(value)
    assert read_cell(NUMBER, written) == value


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2,
                   min_value=-(10**12), max_value=10**12))
def test_money_up_to_fifteen_digits_is_written_as_a_number(value: Decimal) -> None:
    assert isinstance(number_out(value), float)


@pytest.mark.parametrize(("raw", "grouped", "decimal"), [
    ("12.345", "12345", "12,345"),
    ("12,345", "12345", "12,345"),
    ("-1.500", "-1500", "-1,500"),
    ("100.000%", "100000", "100,000"),
    ("0.500", "500", "0,500"),
    ("(12.345)", "-12345", "-12,345"),
])
def test_a_text_number_with_an_ambiguous_separator_names_both_readings(
        raw: str, grouped: str, decimal: str) -> None:
    with pytest.raises(BadCell) as caught:
        read_cell(NUMBER, raw)
    error = caught.value.error
    assert error.code == "XLSX_AMBIGUOUS_NUMBER"
    assert error.message_id == f"{raw} dibaca {grouped} atau {decimal}? " \
        f"Tulis {grouped} atau {decimal}"
    assert grouped in error.message_en and decimal in error.message_en
    assert code_of(QUARTER, raw) == "XLSX_AMBIGUOUS_NUMBER"
    assert code_of(YEAR, raw) == "XLSX_AMBIGUOUS_NUMBER"


@pytest.mark.parametrize(("raw", "expected"), [
    ("1.234,5", "1234.5"), ("94,78%", "94.78"), ("Rp 5.054.687.243,-", "5054687243"),
    ("12345", "12345"), ("95.56", "95.56"), ("12.345,-", "12345"), ("1.000.000", "1000000"),
    ("1.234.5", None), (12.345, "12.345"), (12345.0, "12345"),
])
def test_unambiguous_numbers_and_number_cells_are_read(raw: object, expected: str | None) -> None:
    if expected is None:
        assert code_of(NUMBER, raw) == "XLSX_BAD_NUMBER"
    else:
        assert read_cell(NUMBER, raw) == Decimal(expected)  # type: ignore[arg-type]


def test_a_measure_with_more_whole_digits_than_the_database_keeps_is_refused() -> None:
    from sakip.io.workbook.cells import BadCell
    from sakip.io.workbook.codes import Code

    assert read_cell(NUMBER, 123456789012345678.0) == Decimal("123456789012345680")
    for raw in (1e19, -1e300, "1.000.000.000.000.000.000.000"):
        try:
            read_cell(NUMBER, raw)
        except BadCell as bad:
            assert bad.error.code is Code.NUMBER_TOO_LARGE and "18" in bad.error.message_id
        else:
            raise AssertionError(raw)


def test_a_table_cell_keeps_ambiguous_text_as_text() -> None:
    assert read_table_cell("12.345") == "12.345"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e17, max_value=1e17))
def test_a_number_cell_is_read_as_the_canonical_decimal_of_its_repr(raw: float) -> None:
    from sakip.core.numbers import canonical_decimal

    expected = canonical_decimal(Decimal(repr(raw)))
    assert read_cell(NUMBER, raw).as_tuple() == expected.as_tuple()  # type: ignore[union-attr]
