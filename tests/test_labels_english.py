"""Predicate and category labels in the reader's language (sakip.core.scales.BandLabels): the
measurement keeps a band's Indonesian ``label``; English output prints its ``label_en``, or the
label itself when the band has none; a label of no band prints as it is; Indonesian output is
unchanged.

How the report is checked. The example's own data are Indonesian and some of them hold the
labels' words ("Gedung kantor dalam kondisi baik", "meningkat melebihi target yang
ditetapkan", "good governance"), so a search of the report itself would find them. The report
is therefore built from a copy of the plan whose every string *outside its scales* has each band
label (Indonesian and English) replaced by a neutral token: any label left in the English
output came from the scales, printed by Sakip. The same copy in Indonesian prints the labels,
which shows the walk reaches them and the check can fail. Figure keys
("[category_count:2020:Baik]") are identifiers, not labels, and are left out of the search."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from sakip.cli.main import main
from sakip.cli.measure_cmd import render_text
from sakip.core.enums import Closed, ScaleKind
from sakip.core.measure import measure
from sakip.core.model import Band, Scale
from sakip.core.scales import BandLabels, band_labels, label_scales, shown_label
from sakip.io.plan_file import load_plan
from sakip.report import Options, build_report
from sakip.report.tree_svg import tree_bytes
from tests.conftest import EXAMPLE, plan_from
from tests.report_helpers import YEAR, by_caption, masked
from tests.report_helpers import texts as walk

TOKEN = "qq"
KEY = re.compile(r"\[\w+:\d{4}:[^\]]*\]")  # a figure key, printed in brackets in the annex
# The annex Sumber angka prints a change's direction in both languages ("lebih baik / better",
# sakip.core.derivations.pick_direction): an Indonesian word, but no band label.
DIRECTION = re.compile(r"\blebih (baik|buruk) / ")


def _scale(code: str, kind: ScaleKind, *bands: Band) -> Scale:
    return Scale(code, code, kind, Closed.LEFT, bands)


PREDICATE = _scale("p", ScaleKind.PREDICATE,
                   Band("Tidak tercapai", upper=Decimal(100), label_en="Not achieved"),
                   Band("Tercapai", lower=Decimal(100), label_en="Achieved"))
CATEGORY = _scale("c", ScaleKind.CATEGORY,
                  Band("Rendah", upper=Decimal(50)),  # no English label
                  Band("Tercapai", lower=Decimal(50), label_en="Reached"))


# ---------------------------------------------------------------------------- the rule


def test_english_prints_label_en_and_indonesian_prints_the_label():
    en, id_ = BandLabels((PREDICATE, CATEGORY), "en"), BandLabels((PREDICATE, CATEGORY), "id")
    assert en("Tidak tercapai") == "Not achieved"
    assert id_("Tidak tercapai") == "Tidak tercapai"
    assert shown_label((PREDICATE,), "Tidak tercapai", "en") == "Not achieved"
    assert shown_label((PREDICATE,), "Tidak tercapai", "id") == "Tidak tercapai"


def test_a_band_without_label_en_and_a_free_label_print_as_they_are():
    en = BandLabels((PREDICATE, CATEGORY), "en")
    assert en("Rendah") == "Rendah"
    assert en("Label bebas") == "Label bebas"
    assert en(None) is None


def test_the_first_scale_given_wins_a_label_two_scales_share():
    assert shown_label((PREDICATE, CATEGORY), "Tercapai", "en") == "Achieved"
    assert shown_label((CATEGORY, PREDICATE), "Tercapai", "en") == "Reached"


def test_a_plan_maps_the_labels_of_its_chosen_scales_only():
    plan = plan_from("""\
        scales:
          - code: mine
            name: Skala sendiri
            kind: category
            closed: left
            bands:
              - {label: Kurang sekali, upper: 60}
              - {label: Memadai, lower: 60, label_en: Adequate}
        settings: {category_scale: mine}
        """)
    assert [s.code for s in label_scales(plan)] == ["predikat-permenpan", "mine"]
    labels = band_labels(plan, "en")
    assert labels("Memadai") == "Adequate" and labels("Kurang sekali") == "Kurang sekali"
    assert labels("Melebihi target") == "Exceeded"
    assert labels("Sangat baik") == "Sangat baik"  # a standard scale this plan does not choose
    assert band_labels(plan, "id")("Memadai") == "Memadai"


# ---------------------------------------------------------------------------- the example's report


def _labels(plan) -> list[tuple[str, str]]:
    """(label, label_en) of every band of the plan's predicate and category scales."""
    return [(b.label, b.label_en or b.label) for s in label_scales(plan) for b in s.bands]


def _hide(value: object, pattern: re.Pattern[str], memo: dict[int, object]) -> object:
    """``value`` with every match of ``pattern`` in its strings replaced by a token, scales
    (and enums, numbers, dates) unchanged."""
    return masked(value, pattern, TOKEN, keep=(Scale,), memo=memo)


def _words(words: list[str]) -> re.Pattern[str]:
    longest = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, longest)) + r")(?!\w)", re.IGNORECASE)


@pytest.fixture(scope="module")
def example():
    plan = load_plan(EXAMPLE)
    both = _words([word for pair in _labels(plan) for word in pair])  # "good governance" too
    hidden = _hide(plan, both, {})
    assert [s.bands for s in label_scales(hidden)] == [s.bands for s in label_scales(plan)]
    return hidden


def texts(value: object) -> list[str]:
    """Every string a reader sees in a document (tables, sentences, the tree's SVG), without
    ids, keys, references, anchors and sources."""
    return list(walk(value, frozenset({"id", "key", "ref", "marker", "source"})))


def _found(document, pattern: re.Pattern[str]) -> set[str]:
    return {m[0].lower() for text in texts(document)
            for m in pattern.finditer(DIRECTION.sub("", KEY.sub("", text)))}


def test_the_english_report_prints_english_labels_and_no_indonesian_one(example):
    pairs = _labels(example)
    assert all(label != english for label, english in pairs)  # the example's scales are English
    document = build_report(example, YEAR, Options(lang="en"))
    assert _found(document, _words([label for label, _ in pairs])) == set()
    english = _found(document, _words([english for _, english in pairs]))
    assert {english.lower() for _, english in pairs} <= english  # every band (Bab III's scales)
    iku = by_caption(document, "Achievement of the Key Performance Indicators")
    assert {"Exceeded", "Not achieved", "Very good", "Good"} <= {c.text for c in iku.cells()}
    assert "in the category very good" in " ".join(texts(document))


def test_the_indonesian_report_keeps_its_labels(example):
    pairs = _labels(example)
    document = build_report(example, YEAR, Options(lang="id"))
    assert _found(document, _words([label for label, _ in pairs])) == {
        label.lower() for label, _ in pairs}
    assert _found(document, _words([english for _, english in pairs])) == set()
    iku = by_caption(document, "Capaian Indikator Kinerja Utama")
    assert {"Melebihi target", "Tidak tercapai", "Sangat baik", "Baik"} <= {
        c.text for c in iku.cells()}
    # what logic compares stays the measurement's label: the counts' keys
    counts = by_caption(document, "Jumlah Indikator Kinerja Utama Tahun 2020 menurut Predikat")
    keys = {c.key for c in counts.cells() if c.key}
    assert "predicate_count:2020:Melebihi target" in keys


def test_the_tree_prints_the_english_labels_by_the_same_rule(belitung):
    svg = tree_bytes(belitung, YEAR, "svg", "en").decode()
    assert "Very good" in svg and "Very poor" in svg and "Sangat baik" not in svg
    assert "Sangat baik" in tree_bytes(belitung, YEAR, "svg", "id").decode()


# ---------------------------------------------------------------------------- the command line


def test_measure_in_english_prints_the_english_labels(capsys, belitung):
    assert main(["--lang", "en", "measure", str(EXAMPLE), "--year", "2020"]) == 0
    out = capsys.readouterr().out
    english = {english for _, english in _labels(belitung)}
    assert "Exceeded" in english and "Very good" in english
    assert "Exceeded" in out and "Very good" in out and "Not achieved" in out
    found = {m[0] for m in re.finditer(
        r"(?<!\w)(" + "|".join(re.escape(label) for label, _ in _labels(belitung)) + r")(?!\w)",
        out)}
    assert found == set()  # case as printed: the plan's names hold "baik" in lower case
    assert main(["measure", str(EXAMPLE), "--year", "2020"]) == 0
    assert "Melebihi target" in capsys.readouterr().out


USER_SCALE = """\
scales:
  - code: rkpd
    name: Tingkat capaian
    kind: category
    closed: left
    bands:
      - {label: Rendah sekali, upper: 90}
      - {label: Memadai, lower: 90, label_en: Adequate}
settings: {category_scale: rkpd}
goals:
  - code: T1
    name: Tujuan
    indicators:
      - {code: A, name: Indikator A, key: true, targets: {2020: 100}, actuals: {2020: 50}}
      - {code: B, name: Indikator B, key: true, targets: {2020: 100}, actuals: {2020: 95}}
"""


def test_a_user_band_without_label_en_prints_its_label_in_english_output():
    plan = plan_from(USER_SCALE)
    m = measure(plan, 2020)
    assert m.result("A").category == "Rendah sekali" and m.result("B").category == "Memadai"
    out = render_text(plan, m, "en")
    assert "Rendah sekali" in out and "Adequate" in out and "Memadai" not in out
    document = build_report(plan, 2020, Options(lang="en", charts=False))
    cells = {c.text for c in by_caption(document, "Achievement of the Key Performance").cells()}
    assert {"Rendah sekali", "Adequate", "Not achieved"} <= cells and "Memadai" not in cells


# ---------------------------------------------------------------------------- the LKjIP Pemda


def test_the_english_region_report_and_command_line_print_english_labels(example):
    from benchmarks.generate_region import generate_full_region
    from sakip.cli.region_cmd import render_text as region_text
    from sakip.core.region_measure import measure_region
    from sakip.report.region import build_region_report

    region, plans = generate_full_region(2, with_plan=example)
    pairs = sorted({pair for plan in plans for pair in _labels(plan)})
    both = _words([word for pair in pairs for word in pair])
    memo: dict[int, object] = {}
    region, plans = _hide(region, both, memo), [_hide(plan, both, memo) for plan in plans]
    indonesian, english = _words([i for i, _ in pairs]), _words([e for _, e in pairs])
    document = build_region_report(region, plans, YEAR, Options(lang="en", charts=False))
    assert _found(document, indonesian) == set()
    assert {"very good", "exceeded"} <= _found(document, english)
    in_indonesian = build_region_report(region, plans, YEAR, Options(lang="id", charts=False))
    assert {"sangat baik", "melebihi target"} <= _found(in_indonesian, indonesian)
    assert _found(in_indonesian, english) == set()
    rm = measure_region(region, plans, YEAR)
    out = region_text(rm, "en", plans)
    assert not indonesian.search(out) and english.search(out)
    assert indonesian.search(region_text(rm, "id", plans))
