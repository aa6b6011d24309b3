"""The LKjIP Pemda (sakip/report/region) and the ``sakip region`` command (docs/region.md)."""

import html
import json
import re
from dataclasses import replace

import pytest

from benchmarks.generate_region import generate_full_region
from sakip.cli.main import main
from sakip.core.region_measure import measure_region
from sakip.io.plan_file import load_plan
from sakip.report import Options, render
from sakip.report.model import Table, tables_of
from sakip.report.region import build_region_report
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def forty():
    return generate_full_region(40)


@pytest.fixture(scope="module")
def forty_report(forty):
    region, plans = forty
    return build_region_report(region, plans, 2022)


def _text(document) -> str:
    """The words a reader sees in the HTML rendering (no style sheet, no markup)."""
    page = render(document, ".html").decode("utf-8")
    page = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _table(document, caption_start: str) -> Table:
    return next(t for t in tables_of(document) if t.caption.startswith(caption_start))


def test_the_region_lkjip_builds_for_a_generated_region_of_forty_agencies(forty, forty_report):
    _region, plans = forty
    chapters = [c.heading for c in forty_report.chapters]
    assert chapters[-4:] == ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                             "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"]
    text = _text(forty_report)
    for plan in plans:
        assert plan.agency.name in text
    assert not re.search(r"\bNone\b|\bNaN\b|[{}]", text)  # no placeholder printed as content


def test_the_budget_table_prints_each_agency_and_the_region_total(forty, forty_report):
    region, plans = forty
    rm = measure_region(region, plans, 2022)
    budget = _table(forty_report, "Pagu dan Realisasi Anggaran Perangkat Daerah")
    assert len(budget.rows) == 41
    total = budget.rows[-1].cells
    assert total[2].value == rm.ceiling and total[3].value == rm.spent
    assert total[4].value == rm.absorption
    side = _table(forty_report, "Capaian Kinerja Perangkat Daerah")
    assert [row.cells[3].value for row in side.rows] == [a.group.achievement for a in rm.agencies]


def test_a_derived_iku_shows_the_agency_values_it_read(forty, forty_report):
    region, plans = forty
    rm = measure_region(region, plans, 2022)
    derived = rm.derivation("IKD-2.1")  # sum of two agencies' I005
    inputs = _table(forty_report, "Realisasi Perangkat Daerah yang Membentuk Indikator sasaran "
                                  "daerah 2.1")
    assert [row.cells[3].value for row in inputs.rows] == [i.value for i in derived.inputs]


def test_the_example_region_report_in_both_languages_and_every_format(tmp_path):
    plan = load_plan(EXAMPLE)
    region, plans = generate_full_region(2, with_plan=plan)
    document = build_region_report(region, plans, 2020)
    text = _text(document)
    assert "Kabupaten Belitung" in text and "98,03" in text  # the mean of the measurable IKU
    assert "Laporan perangkat daerah ini tidak disertakan" in text  # dinas-contoh: not given
    docx = render(document, ".docx")
    assert docx.startswith(b"PK")
    assert render(document, ".pdf").startswith(b"%PDF")  # Typst
    english = build_region_report(region, plans, 2020, Options(lang="en"))
    assert english.title == "Government Performance Report of Kabupaten Belitung 2020"
    assert "Agencies' Budget Ceilings and Spending in 2020" in _text(english)


def test_blank_names_and_missing_vision_are_words_not_placeholders():
    plan = load_plan(EXAMPLE)
    region = replace(plan.region, vision=None, missions=(), head_name=None)
    document = build_region_report(region, [replace(plan, region=region)], 2020)
    text = _text(document)
    assert "Visi RPJMD belum diisi" in text and "Misi RPJMD belum diisi" in text
    assert "____" in text  # the head's name: a line to sign on


# ---------------------------------------------------------------------- the command


def test_region_measure_prints_tables_and_json(capsys):
    assert main(["region", "measure", str(EXAMPLE), "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert "Pengukuran Kinerja Pemerintah Daerah 2020" in out and "98,03" in out
    assert "3.504.605.440" in out
    assert main(["region", "measure", str(EXAMPLE), "--year", "2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["ceiling"] == "3504605440"
    assert data["measurement"]["groups"][-1]["achievement"] == "98.03"
    assert data["agencies"][0]["code"] == "dspppa"


def test_region_duplicates_another_region_and_a_year_outside_the_rpjmd_exit_1(tmp_path, capsys):
    other = tmp_path / "other.yaml"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "name: Kabupaten Belitung\n", "name: Kabupaten Lain\n", 1), encoding="utf-8")
    assert main(["region", "measure", str(EXAMPLE), str(EXAMPLE), "--year", "2020"]) == 1
    assert "REGION_DUPLICATE_AGENCY" in capsys.readouterr().err
    assert main(["region", "measure", str(EXAMPLE), str(other), "--year", "2020"]) == 1
    err = capsys.readouterr().err
    assert "REGION_OTHER_REGION" in err and "other.yaml" in err
    assert main(["region", "measure", str(EXAMPLE), "--year", "2030"]) == 1
    assert "REGION_YEAR_OUTSIDE_RPJMD" in capsys.readouterr().err


def test_region_report_writes_once_and_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "lkjip-pemda.html"
    assert main(["region", "report", str(EXAMPLE), "--year", "2020", "-o", str(out)]) == 0
    assert "Kabupaten Belitung" in out.read_text(encoding="utf-8")
    assert main(["region", "report", str(EXAMPLE), "--year", "2020", "-o", str(out)]) == 1
    assert "OUTPUT_EXISTS" in capsys.readouterr().err
    assert main(["region", "report", str(EXAMPLE), "--year", "2020", "-o", str(out),
                 "--force"]) == 0
    assert main(["region", "report", str(EXAMPLE), "--year", "2020",
                 "-o", str(tmp_path / "x.txt")]) == 1
    assert "REPORT_UNKNOWN_FORMAT" in capsys.readouterr().err
