from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------------- a band closed at both ends


def _both_scale(closed: str = "left") -> str:
    return f"""\
        scales:
          - code: rkpd
            name: Tingkat capaian
            kind: category
            closed: {closed}
            bands:
              - {{label: Sangat rendah, upper: 51}}
              - {{label: Rendah, lower: 51, upper: 86}}
              - {{label: Tinggi, lower: 86, upper: 100, closed: both}}
              - {{label: Melampaui, lower: 100, closed: right}}
        settings: {{category_scale: rkpd}}
        """


def test_a_band_closed_at_both_ends_holds_both_of_them():
    from sakip.core.enums import Closed
    from sakip.core.scales import label
    from sakip.io.plan_dump import dump_plan
    from sakip.io.plan_file import parse_plan
    from tests.conftest import plan_from

    plan = plan_from(_both_scale())
    scale = plan.scale_by_code["rkpd"]
    assert scale.bands[2].closed is Closed.BOTH
    assert [label(scale, Decimal(v)) for v in ("50.99", "51", "85.99", "86", "100", "100.01")] == [
        "Sangat rendah", "Rendah", "Rendah", "Tinggi", "Tinggi", "Melampaui"]
    assert parse_plan(dump_plan(plan)) == plan
    assert "closed: both" in dump_plan(plan)


def test_the_report_prints_a_both_ends_band_and_the_review_sees_no_gap_or_overlap():
    from sakip.report.format import Formatter
    from sakip.report.text import Text
    from sakip.review.plan.indicators import _gap
    from tests.conftest import plan_from

    plan = plan_from(_both_scale())
    scale = plan.scale_by_code["rkpd"]
    f = Formatter(plan.settings, Text("id"), 2020)
    assert f.band_range(scale, scale.bands[2]) == "≥ 86 s.d. ≤ 100"
    assert f.band_range(scale, scale.bands[3]) == "> 100"
    assert _gap(scale) is None
    overlapping = plan_from(_both_scale().replace("{label: Melampaui, lower: 100, closed: right}",
                                                  "{label: Melampaui, lower: 100}"))
    assert "sama-sama memuat 100" in (_gap(overlapping.scale_by_code["rkpd"]) or "")


@settings(max_examples=200, deadline=None)
@given(lower=st.integers(-1000, 1000), width=st.integers(1, 1000),
       value=st.decimals(min_value=-3000, max_value=3000, places=2))
def test_a_both_ends_band_holds_exactly_its_closed_interval(lower, width, value):
    from sakip.core.enums import Closed, ScaleKind
    from sakip.core.model import Band, Scale
    from sakip.core.scales import band_for

    band = Band("x", Decimal(lower), Decimal(lower + width), closed=Closed.BOTH)
    for scale_closed in (Closed.LEFT, Closed.RIGHT):
        scale = Scale("s", "s", ScaleKind.CATEGORY, scale_closed, (band,))
        assert (band_for(scale, value) is band) == (lower <= value <= lower + width)
