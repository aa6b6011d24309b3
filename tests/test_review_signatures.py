"""Signature blocks that name no signatory: in a reviewed report (SIGNATURE_NAME_MISSING) and at
the source, in a reviewed plan (PLAN_SIGNATORY_NAME); warnings, as a missing PK is. A report
made from a plan without names is found, one with names is not; the PK form and the LHE print a
line to write on, never a placeholder."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sakip.core.model import Official, Plan
from sakip.io.plan_file import load_plan
from sakip.report import Options, build_report, render
from sakip.report.model import BLANK
from sakip.review.findings import Finding
from sakip.review.plan import review_plan
from sakip.review.plan.context import PlanReview
from sakip.review.plan.signatories import names
from sakip.review.report import _relocate, review_text
from sakip.review.report.checks.signatures import unnamed_signatories
from sakip.review.report.context import Report
from sakip.review.report.readers import read_report
from tests.conftest import EXAMPLE

CODE = "SIGNATURE_NAME_MISSING"


@pytest.fixture(scope="module")
def example() -> Plan:
    return load_plan(EXAMPLE)  # names the head of the agency, not the regent


def named(plan: Plan) -> Plan:
    return dataclasses.replace(plan, region=dataclasses.replace(
        plan.region, head_name="SAHANI SALEH, S.Sos"))


def unnamed(plan: Plan) -> Plan:
    """Neither the regent nor the head of the agency named, in the plan or in its PK."""
    versions = tuple(dataclasses.replace(v, first_party=None, second_party=None)
                     for v in plan.agreements)
    return dataclasses.replace(plan, agreements=versions, agency=dataclasses.replace(
        plan.agency, head=Official(None, "Kepala Dinas", None, None)))


def review_made(plan: Plan, folder: Path, suffix: str) -> list[Finding]:
    """The check over the report ``plan`` makes, read back from its file as any report is."""
    path = folder / f"laporan{suffix}"
    path.write_bytes(render(build_report(plan, 2020, Options(charts=False)), suffix))
    document = read_report(path)
    return [_relocate(f, document) for f in unnamed_signatories(Report(document, 2020, ()))]


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_report_made_without_names_is_found_and_with_names_is_not(example, tmp_path, suffix):
    found = review_made(unnamed(example), tmp_path, suffix)
    assert {f.severity.value for f in found} == {"warning"}
    pk = [f for f in found if "Perjanjian Kinerja" in f.message_id]
    # both parties of the PK, on its statement page and again under its lampiran
    assert sorted(f.location.section.split(",")[0] for f in pk) == [
        "tanda tangan Pihak Kedua"] * 2 + ["tanda tangan Pihak Pertama"] * 2
    assert all(f.found == BLANK and f.message_id and f.message_en for f in found)
    others = [f for f in found if f not in pk]
    assert any("KATA PENGANTAR" in f.location.render() for f in others)  # the foreword
    if suffix == ".html":
        assert review_made(named(example), tmp_path, suffix) == []


def test_placeholders_and_dotted_lines_are_found_in_a_text_report():
    text = "\n".join([
        "Demikian laporan ini kami sampaikan.",
        "Tanjungpandan, 8 Maret 2021",
        "Kepala Dinas,",
        "",
        "(nama belum tersedia)",
        "NIP. 196508051994031006",
        "",
        "PIHAK KEDUA",
        "Bupati Belitung",
        "(..........................)",
    ])
    found = [f for f in review_text(text, 2020)[1] if f.code == CODE]
    assert [(f.location.section, f.found) for f in found] == [
        ("tanda tangan Kepala Dinas", "(nama belum tersedia)"),
        ("tanda tangan PIHAK KEDUA", "(..........................)")]


def test_a_named_block_and_a_blank_date_are_not_findings():
    text = "\n".join(["Tanjungpandan, ________________________", "Kepala Dinas,", "",
                      "H. NURMAN SUNANDA, SE., MM", "Pembina Utama Muda",
                      "NIP. 196508051994031006"])
    assert not [f for f in review_text(text, 2020)[1] if f.code == CODE]


def test_the_plan_review_names_each_missing_name_once_at_its_source(example):
    def signatory(plan: Plan) -> list[tuple[str, str, str]]:
        return [(f.severity.value, f.location.record or "", f.expected or "")
                for f in names(PlanReview.of(plan, 2020))]

    # the whole review: the blank line of the report it makes is not found a second time
    assert [(f.severity.value, f.location.record, f.expected) for f in review_plan(example, 2020)
            if f.code in ("PLAN_SIGNATORY_NAME", CODE)] == [
        ("warning", "perjanjian kinerja 2020", "nama pihak kedua")]
    assert signatory(named(example)) == []
    assert sorted(signatory(unnamed(example))) == [
        ("warning", "perjanjian kinerja 2020", "nama pihak kedua"),
        ("warning", "perjanjian kinerja 2020", "nama pihak pertama")]
    # the head named in the PK but not in the plan: the foreword's line is blank
    head = example.agency.head
    only_pk = dataclasses.replace(unnamed(named(example)), agreements=tuple(
        dataclasses.replace(v, first_party=head) for v in example.agreements))
    assert signatory(only_pk) == [("warning", "kepala perangkat daerah",
                                   "nama kepala perangkat daerah")]


def test_the_pk_form_and_the_lhe_print_a_line_to_write_on(example):
    from sakip.forms import pk

    [page, *_] = pk.build(example, 2020)
    assert page.second.name == BLANK and page.first.name == example.agency.head.name
    placeholder = "(nama belum tersedia)"  # what a form once printed for an unknown name
    printed = pk.html((page,))
    assert placeholder not in printed and BLANK in printed
    sheet = pk.render((page,), ".xlsx")
    assert placeholder.encode() not in sheet
