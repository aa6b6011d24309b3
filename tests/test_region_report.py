"""The LKjIP Pemda (sakip/report/region) and the ``sakip region`` command (docs/region.md)."""

import html
import json
import re
from dataclasses import replace

import pytest

from benchmarks.generate_region import generate_full_region
from sakip.cli.main import main
from sakip.core.enums import NarrativeKind
from sakip.core.model import Actual, Narrative
from sakip.core.region_measure import measure_region
from sakip.io.plan_file import load_plan
from sakip.report import Options, render
from sakip.report.model import (
    BLANK,
    ListBlock,
    Paragraph,
    Section,
    SignatureBlock,
    Table,
    tables_of,
    walk,
)
from sakip.report.region import build_region_report
from sakip.report.region.build import build_from, scope_of
from sakip.report.render_html import toc_entries
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
    assert chapters[-5:] == ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                             "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"]
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


def test_no_placeholder_anywhere_in_the_region_report_with_unnamed_heads():
    from tests.test_report_placeholders import PLACEHOLDERS, texts

    plan = load_plan(EXAMPLE)
    region = replace(plan.region, head_name=None)
    unnamed = replace(plan, region=region, agency=replace(
        plan.agency, head=replace(plan.agency.head, name=None) if plan.agency.head else None))
    for lang in ("id", "en"):
        document = build_region_report(region, [unnamed], 2020, Options(lang=lang))
        assert [m[0] for text in texts(document.chapters) for m in PLACEHOLDERS.finditer(text)] == []


# ---------------------------------------------------------------------- Bab I isu strategis, Lampiran

PLACEHOLDER = re.compile(r"\bNone\b|\bNaN\b|[{}]|nama belum tersedia|\bTODO\b|\bXXX\b|\?\?")


def _section(document, chapter_id: str, section_id: str) -> Section:
    chapter = next(c for c in document.chapters if c.id == chapter_id)
    return next(s for s in chapter.sections if s.id == section_id)


def _words(section: Section) -> str:
    """Every word a section prints: paragraphs, list items, table cells, signatures."""
    texts: list[str] = []
    for block in walk(section.blocks, section.subsections):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, ListBlock):
            texts += [item.text for item in block.items]
        elif isinstance(block, Table):
            texts += [block.caption, *block.notes, *(c.text for c in block.cells())]
        elif isinstance(block, SignatureBlock):
            texts += [block.place_date or ""] + [
                " ".join(part for part in (s.heading, s.title, s.name, s.rank, s.nip) if part)
                for s in block.signatories]
    return "\n".join(texts)


def _items(section: Section) -> list[list[str]]:
    return [[item.text for item in block.items] for block in section.blocks
            if isinstance(block, ListBlock)]


def _example_region(plans_extra: int = 2):
    plan = load_plan(EXAMPLE)
    return generate_full_region(plans_extra, with_plan=plan)


def _with_issues(plans, issues: dict[int, tuple[Narrative, ...]]):
    return [replace(plan, narratives=plan.narratives + issues[i]) if i in issues else plan
            for i, plan in enumerate(plans)]


def _check_issues(scope, document) -> None:
    """The Bab I section names every IKU Pemda short of target with the measurement's figures,
    every IKU without a realisation, and each agency's own strategic issues, attributed."""
    rm, f = scope.rm, scope.ctx.f
    section = _section(document, "bab-1", "isu-strategis")
    words = _words(section)
    assert not PLACEHOLDER.search(words), words
    assert "tidak termuat dalam data" in words  # the RPJMD's own issues: said, not invented
    short = [r for r in rm.indicators if r.met is False]
    missing = [r for r in rm.indicators if r.actual is None and r.actual_text is None]
    lists = _items(section)
    listed_short = lists.pop(0) if short else []
    listed_missing = lists.pop(0) if missing else []
    assert lists == []
    for r in short:
        line = next(text for text in listed_short if r.indicator.name in text)
        assert f"capaian {f.percent(r.achievement)}%" in line
        assert f"realisasi {f.number(r.actual)}" in line
    assert sum(text.count("(target ") for text in listed_short) == len(short)
    for text, r in zip(listed_missing, missing, strict=True):  # RPJMD order, one line each
        assert text.startswith(f"{r.indicator.name} (")
    for r in missing:
        derived = rm.derivation(r.code)
        if derived is not None and derived.missing:
            line = next(text for text in listed_missing if r.indicator.name in text)
            for item in derived.missing:
                agency = scope.plan_of(item.agency).agency
                assert (agency.short_name or agency.name) in line
    tables = [b for b in section.blocks if isinstance(b, Table)]
    with_issues = [p for p in scope.plans if any(
        n.kind is NarrativeKind.STRATEGIC_ISSUES and n.subject is None
        and n.year in (None, scope.ctx.year) for n in p.narratives)]
    if not with_issues:
        assert tables == []
        return
    (issues,) = tables
    assert [row.cells[1].text for row in issues.rows] == [p.agency.name for p in with_issues]


def test_bab_i_strategic_issues_of_the_example_region_from_the_measurement_and_the_renstra():
    region, plans = _example_region()
    scope = scope_of(region, plans, 2020)
    document = build_from(scope)
    _check_issues(scope, document)
    section = _section(document, "bab-1", "isu-strategis")
    assert [s.id for s in next(c for c in document.chapters if c.id == "bab-1").sections] == [
        "latar-belakang", "visi-misi", "perangkat-daerah", "isu-strategis", "sistematika"]
    assert section.heading == "1.4 Isu Strategis dan Permasalahan Utama"
    # the example: IKD-1 and IKD-1.1 short of target, IKD-1.2 and IKD-2.1 without realisation
    assert [len(items) for items in _items(section)] == [2, 2]
    assert "Persentase penduduk miskin" in _items(section)[0][1]
    (issues,) = [b for b in section.blocks if isinstance(b, Table)]
    assert len(issues.rows) == 1  # only the Belitung plan holds strategic issues
    cell = issues.rows[0].cells[2].text
    assert cell.splitlines() == [f"{i}. {item}" for i, item in enumerate(
        plans[0].narratives[[n.kind for n in plans[0].narratives].index(
            NarrativeKind.STRATEGIC_ISSUES)].items, start=1)]
    assert "Salah satu dasar penyusunan Renstra" not in cell  # the points, not the preamble


def test_bab_i_strategic_issues_for_forty_agencies_attributed_per_agency():
    region, plans = generate_full_region(40)
    issues = {
        3: (Narrative(NarrativeKind.STRATEGIC_ISSUES, "Pengantar.", items=("Isu A3", "Isu B3")),),
        17: (Narrative(NarrativeKind.STRATEGIC_ISSUES, "Rendahnya cakupan layanan tujuh belas."),),
        25: (Narrative(NarrativeKind.STRATEGIC_ISSUES, items=("Isu tahun lain",), year=2021),),
        31: (Narrative(NarrativeKind.STRATEGIC_ISSUES, items=("Isu tahun ini",), year=2022),
             Narrative(NarrativeKind.STRATEGIC_ISSUES, items=("Isu program",), subject="P1")),
    }
    plans = _with_issues(plans, issues)
    scope = scope_of(region, plans, 2022)
    document = build_from(scope)
    _check_issues(scope, document)
    section = _section(document, "bab-1", "isu-strategis")
    (table_,) = [b for b in section.blocks if isinstance(b, Table)]
    assert [(row.cells[0].text, row.cells[1].text, row.cells[2].text) for row in table_.rows] == [
        ("1", plans[3].agency.name, "1. Isu A3\n2. Isu B3"),
        ("2", plans[17].agency.name, "Rendahnya cakupan layanan tujuh belas."),
        ("3", plans[31].agency.name, "Isu tahun ini"),  # not another year's, not a program's
    ]
    assert "3 (tiga) dari 40 perangkat daerah" in _words(section)


def test_without_any_problem_the_section_says_the_rpjmd_issues_are_not_in_the_data():
    region, plans = generate_full_region(3)
    met = tuple(replace(i, formula=None, actuals=tuple(Actual(t.year, t.value) for t in i.targets))
                for i in region.indicators)
    region = replace(region, indicators=met)
    plans = [replace(p, region=region) for p in plans]
    section = _section(build_region_report(region, plans, 2022), "bab-1", "isu-strategis")
    (only,) = section.blocks
    assert only.text.startswith("Isu strategis RPJMD Kabupaten Contoh tidak termuat dalam data")
    assert "tidak ada IKU yang belum mencapai target" in only.text
    bare = replace(region, indicators=())
    section = _section(build_region_report(bare, [replace(p, region=bare) for p in plans], 2022),
                       "bab-1", "isu-strategis")
    (only,) = section.blocks
    assert "belum ada IKU Pemerintah Daerah yang ditetapkan" in only.text


def _check_annexes(scope, document) -> None:
    """Lampiran 1 the head's PK (the IKU Pemda with the year's targets) and Lampiran 2 the
    measurement of every IKU Pemda, both signed by the head of the region; listed in the
    contents; their figures the region measurement's."""
    rm, f, year, region = scope.rm, scope.ctx.f, scope.ctx.year, scope.region
    annexes = document.chapters[-1]
    assert annexes.heading == "LAMPIRAN"
    pk, measured = annexes.sections
    assert pk.title == f"Lampiran 1. Perjanjian Kinerja {scope.head_title} Tahun {year}"
    assert measured.title == f"Lampiran 2. Pengukuran Kinerja IKU {region.name} Tahun {year}"
    assert measured.new_page and not pk.new_page
    toc = [entry for entry in toc_entries(document)]
    assert [e.text for e in toc][-3:] == ["LAMPIRAN", pk.title, measured.title]
    for section in (pk, measured):
        words = _words(section)
        assert not PLACEHOLDER.search(words), words
        signature = section.blocks[-1]
        assert isinstance(signature, SignatureBlock)
        (signer,) = signature.signatories
        assert signer.heading == f"{scope.head_title},"
        assert signer.name == (region.head_name or BLANK)
    (pk_table,) = [b for b in pk.blocks if isinstance(b, Table)]
    assert pk_table.number == "L.1" and any("tidak memuat Perjanjian Kinerja Kepala Daerah "
                                            "tersendiri" in n for n in pk_table.notes)
    targets = {c.key: c.value for c in pk_table.cells() if c.key}
    assert targets == {f"target:{year}:{i.code}": i.target(year).value
                       for i in rm.plan.indicators}
    bab2 = _table(document, f"Perjanjian Kinerja {scope.head_title} Tahun {year}")
    assert [[c.text for c in r.cells] for r in bab2.rows] == \
        [[c.text for c in r.cells] for r in pk_table.rows]  # Bab II's table, once more
    (table_,) = [b for b in measured.blocks if isinstance(b, Table)]
    assert table_.number == "L.2" and len(table_.rows) == len(rm.indicators) > 0
    for row, r in zip(table_.rows, rm.indicators, strict=True):
        code, _name, target, actual, achievement, predicate, category = row.cells
        assert code.text == r.code
        assert target.value == (r.target.value if r.target else None)
        assert actual.value == r.actual and achievement.value == r.achievement
        assert predicate.text == f.label(r.predicate).text
        assert category.text == f.label(r.category).text
    bab3 = _table(document, f"Capaian IKU {region.name} Tahun {year}")
    assert [[c.text for c in r.cells] for r in bab3.rows] == \
        [[c.text for c in r.cells] for r in table_.rows]


def test_the_annexes_of_the_example_region():
    region, plans = _example_region()
    region = replace(region, head_name=None)
    plans = [replace(p, region=region) for p in plans]
    scope = scope_of(region, plans, 2020)
    document = build_from(scope)
    _check_annexes(scope, document)
    text = _text(document)
    assert "Lampiran 1. Perjanjian Kinerja Bupati Belitung Tahun 2020" in text
    assert "Lampiran 2. Pengukuran Kinerja IKU Kabupaten Belitung Tahun 2020" in text
    assert "nama belum tersedia" not in text.split("LAMPIRAN")[-1]


def test_the_annexes_for_forty_agencies(forty):
    region, plans = forty
    scope = scope_of(region, plans, 2022)
    _check_annexes(scope, build_from(scope))
    assert region.head_name == "Bupati Contoh"  # signed by name here


def test_the_new_parts_in_english():
    region, plans = _example_region()
    document = build_region_report(region, plans, 2020, Options(lang="en"))
    section = _section(document, "bab-1", "isu-strategis")
    assert section.title == "Strategic Issues and Main Problems"
    assert "not in this report's data" in _words(section)
    titles = [s.title for s in document.chapters[-1].sections]
    assert titles == ["Annex 1. Performance Agreement of the Bupati Belitung 2020",
                      "Annex 2. Performance Measurement of the IKU of Kabupaten Belitung 2020"]
    assert document.chapters[-1].heading == "ANNEXES"
    for section in document.chapters[-1].sections:
        assert not PLACEHOLDER.search(_words(section))


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
