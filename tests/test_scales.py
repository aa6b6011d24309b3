from decimal import Decimal

import pytest

from sakip.core.scales import label
from sakip.io.standard_scales import standard_scales

SCALES = {s.code: s for s in standard_scales()}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("-1186", "Sangat kurang"), ("0", "Sangat kurang"), ("49.99", "Sangat kurang"),
     ("50", "Kurang"), ("64.99", "Kurang"), ("65", "Cukup"), ("74.99", "Cukup"), ("75", "Baik"),
     ("89.99", "Baik"), ("90", "Sangat baik"), ("1002", "Sangat baik")],
)
def test_category_bands_are_closed_on_the_left(value, expected):
    assert label(SCALES["kategori-permendagri-54-2010"], Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("99.99", "Tidak tercapai"), ("100", "Tercapai"), ("100.00", "Tercapai"),
     ("100.01", "Melebihi target"), ("Infinity", "Melebihi target"), ("-Infinity", "Tidak tercapai")],
)
def test_predicate_exactly_100_is_achieved(value, expected):
    assert label(SCALES["predikat-permenpan"], Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("50", "Sangat rendah"), ("50.99", "Sangat rendah"), ("51", "Rendah"), ("65.5", "Rendah"),
     ("66", "Sedang"), ("76", "Tinggi"), ("90.99", "Tinggi"), ("91", "Sangat tinggi")],
)
def test_permendagri_86_2017(value, expected):
    assert label(SCALES["kategori-permendagri-86-2017"], Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", "D"), ("30", "D"), ("30.01", "C"), ("50", "C"), ("80", "BB"), ("90", "A"),
     ("90.01", "AA")],
)
def test_akip_bands_are_closed_on_the_right(value, expected):
    assert label(SCALES["predikat-akip"], Decimal(value)) == expected


def test_missing_value_has_no_label():
    assert label(SCALES["predikat-permenpan"], None) is None
