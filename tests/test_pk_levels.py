"""PK berjenjang: the PK of every level derived from a plan, the checks that each lower PK serves
an upper one (each finds its defect in a plan built to have it, nothing in a sound one), the
forms printed with their names and targets, and the command line."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest

from sakip.cli.main import main
from sakip.core.agreement_levels import HEAD, Tier, derive
from sakip.core.enums import Level
from sakip.core.model import Official, Plan, Target, Unit
from sakip.io.plan_file import load_plan
from tests.conftest import EXAMPLE

BIDANG = Official("BUDI SANTOSO, S.Sos", None, "Pembina", "197001012000031001")
BIDANG_2 = Official("RINA WATI, SE", "Kepala Bidang Perempuan dan Anak", "Pembina",
                    "197502022001122002")
SEKSI = Official("SITI AMINAH", None, "Penata", "198001012005012002")
SEKSI_2 = Official("AGUS SALIM", None, "Penata Tingkat I", "198203032006041003")


@pytest.fixture(scope="module")
def example() -> Plan:
    return load_plan(EXAMPLE)


def sound(plan: Plan) -> Plan:
    """The example with units, heads and assignments that make every PK serve the one above: the
    programmes whose sasaran is in the head's PK, split between two Bidang, their kegiatan with
    a Seksi under each; every item with its 2020 target."""
    agreed = {plan.indicator_by_code[i.indicator].owner
              for i in plan.agreement(2020).items
              if plan.indicator_by_code[i.indicator].level is Level.OBJECTIVE}
    programs = [p for p in plan.programs if p.objective in agreed]
    first = {p.code for p in programs[: len(programs) // 2]}
    programs = [replace(p, unit="bid1" if p.code in first else "bid2") for p in programs]
    codes = {p.code for p in programs}
    activities = [replace(a, unit="s1" if a.program in first else "s2")
                  for a in plan.activities if a.program in codes]
    owners = codes | {a.code for a in activities}
    indicators = [i if i.owner not in owners or i.target(2020) is not None
                  else replace(i, targets=(*i.targets, Target(2020, Decimal(100))))
                  for i in plan.indicators]
    units = (Unit("bid1", "Bidang Rehabilitasi Sosial", head=BIDANG),
             Unit("bid2", "Bidang Perempuan dan Anak", head=BIDANG_2),
             Unit("s1", "Seksi Rehabilitasi", parent="bid1", head=SEKSI),
             Unit("s2", "Seksi Perlindungan Anak", parent="bid2", head=SEKSI_2))
    return replace(plan, agency=replace(plan.agency, units=units), programs=tuple(programs),
                   activities=tuple(activities), indicators=tuple(indicators))


def codes(plan: Plan) -> list[tuple[str, str]]:
    return [(d.code, d.record.split(" (")[0]) for d in derive(plan, 2020).defects]


def test_every_level_is_derived_with_its_parties_items_budget_and_date(example):
    plan = sound(example)
    pks = derive(plan, 2020)
    assert [(pk.tier, pk.slug) for pk in pks.all] == [
        (Tier.HEAD, HEAD), (Tier.ADMINISTRATOR, "bid1"), (Tier.SUPERVISOR, "s1"),
        (Tier.ADMINISTRATOR, "bid2"), (Tier.SUPERVISOR, "s2")]
    version = plan.agreement(2020)
    head = pks.head
    # the head's PK is the agreement in force (the amendment), its targets the agreed ones
    assert version.number == 1 and head.amendment == 1
    assert [(i.indicator.code, i.value) for i in head.items] == [
        (i.indicator, i.target) for i in version.items]
    assert head.first == plan.agency.head and head.position == "Kepala Dinas DSPPPA"
    assert head.second_position == "Bupati Belitung"
    assert head.total == Decimal("3504605440") and len(head.funded) == len(plan.programs)
    bid1 = pks.get("bid1")
    assert bid1.first == BIDANG and bid1.second == plan.agency.head
    assert bid1.position == "Kepala Bidang Rehabilitasi Sosial"
    assert {f.code for f in bid1.funded} == {p.code for p in plan.programs if p.unit == "bid1"}
    p1 = next(f for f in bid1.funded if f.code == "P1")
    assert p1.ceiling == Decimal("1463516640")
    assert bid1.total == sum(f.ceiling for f in bid1.funded if f.ceiling is not None)
    ikp = plan.indicator_by_code["IKP-1.1"]
    item = next(i for i in bid1.items if i.indicator.code == "IKP-1.1")
    assert item.value == ikp.target(2020).value and item.sasaran == "Pelayanan dan Rehabilitasi " \
        "Kesejahteraan Sosial"
    s1 = pks.get("s1")
    assert s1.first == SEKSI and s1.second == BIDANG
    assert s1.second_position == "Kepala Bidang Rehabilitasi Sosial"
    assert {f.code for f in s1.funded} == {a.code for a in plan.activities if a.unit == "s1"}
    assert all(i.indicator.level is Level.ACTIVITY for i in s1.items)
    assert {pk.signed for pk in pks.all} == {version.signed}
    assert pks.get("bid2").position == "Kepala Bidang Perempuan dan Anak"  # the head's own title


def test_a_sound_plan_has_no_finding(example):
    assert codes(sound(example)) == []


def test_the_example_reports_once_that_no_programme_names_its_unit(example):
    [defect] = derive(example, 2020).defects
    assert defect.code == "PLAN_PK_NO_UNIT" and defect.found.startswith("0 dari 10 program")


def test_a_programme_serving_no_sasaran_of_the_heads_pk_is_found(example):
    plan = sound(example)
    p = next(p for p in plan.programs if p.unit == "bid2")
    plan = replace(plan, programs=tuple(replace(x, objective=None) if x is p else x
                                        for x in plan.programs))
    assert codes(plan) == [("PLAN_PK_PROGRAM_SERVES", f"program {p.code}")]
    # the sasaran exists but the head's PK leaves its indicators out
    plan = sound(example)
    p = next(p for p in plan.programs if p.unit == "bid1")
    version = plan.agreement(2020)
    kept = tuple(i for i in version.items
                 if plan.indicator_by_code[i.indicator].owner != p.objective)
    agreements = tuple(replace(a, items=kept) if a is version else a for a in plan.agreements)
    found = codes(replace(plan, agreements=agreements))
    same = [x.code for x in plan.programs if x.unit == "bid1" and x.objective == p.objective]
    assert found == [("PLAN_PK_PROGRAM_SERVES", f"program {code}") for code in same]


def test_an_activity_under_another_administrators_programme_is_found(example):
    plan = sound(example)
    a = next(a for a in plan.activities if a.unit == "s2")
    plan = replace(plan, activities=tuple(replace(x, unit="s1") if x is a else x
                                          for x in plan.activities))
    assert codes(plan) == [("PLAN_PK_ACTIVITY_SERVES", f"kegiatan {a.code}")]
    [defect] = derive(plan, 2020).defects
    assert "Kepala Bidang Rehabilitasi Sosial" in defect.message_id and defect.message_en


def test_a_unit_with_work_but_no_head_is_found(example):
    plan = sound(example)
    units = tuple(replace(u, head=None) if u.code == "s2" else u for u in plan.agency.units)
    plan = replace(plan, agency=replace(plan.agency, units=units))
    assert codes(plan) == [("PLAN_PK_NO_SIGNATORY", "unit s2")]
    # a unit with nothing to agree on needs no head
    idle = replace(plan, agency=replace(plan.agency, units=(*plan.agency.units,
                                                           Unit("s3", "Seksi Lain", parent="bid1"))))
    assert codes(idle) == codes(plan)


def test_programmes_and_activities_without_a_unit_are_found_each(example):
    plan = sound(example)
    p = next(p for p in plan.programs if p.unit == "bid1")
    a = next(a for a in plan.activities if a.unit == "s2")
    plan = replace(plan, programs=tuple(replace(x, unit=None) if x is p else x
                                        for x in plan.programs),
                   activities=tuple(replace(x, unit=None) if x is a else x
                                    for x in plan.activities))
    found = codes(plan)
    assert ("PLAN_PK_NO_UNIT", f"program {p.code}") in found
    assert ("PLAN_PK_NO_UNIT", f"kegiatan {a.code}") in found
    # the programme left out of its Bidang's PK leaves its Seksi's kegiatan serving nothing there
    under = [x.code for x in plan.activities if x.program == p.code and x.unit == "s1"]
    assert [c for c in found if c[0] == "PLAN_PK_ACTIVITY_SERVES"] == [
        ("PLAN_PK_ACTIVITY_SERVES", f"kegiatan {code}") for code in under]


def test_an_item_without_a_target_and_a_unit_of_the_wrong_tier_are_found(example):
    plan = sound(example)
    ikp = next(i for i in plan.indicators if i.level is Level.PROGRAM
               and plan.program_by_code.get(i.owner) is not None)
    plan = replace(plan, indicators=tuple(
        replace(i, targets=tuple(t for t in i.targets if t.year != 2020)) if i is ikp else i
        for i in plan.indicators))
    assert codes(plan) == [("PLAN_PK_NO_TARGET", f"indikator {ikp.code}")]
    p = plan.programs[0]
    wrong = replace(plan, programs=(replace(p, unit="s1"), *plan.programs[1:]))
    assert ("PLAN_PK_TIER", f"program {p.code}") in codes(wrong)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_forms_print_every_level_with_names_targets_and_budgets(example):
    from sakip.forms import pk

    plan = sound(example)
    pages = pk.build(plan, 2020)
    assert [p.slug for p in pages] == [HEAD, "bid1", "s1", "bid2", "s2"]
    text = pdf_text(pk.render(pages, ".pdf"))
    assert text.count("PERJANJIAN KINERJA TAHUN 2020") >= 2 * len(pages)
    for official in (plan.agency.head, BIDANG, BIDANG_2, SEKSI, SEKSI_2):
        assert official.name in text and f"NIP. {official.nip}" in text
    assert "Bupati Belitung" in text and "Tanjungpandan, 8 Desember 2020" in text
    assert "Sasaran Strategis" in text and "Sasaran Program" in text and "Sasaran Kegiatan" in text
    assert "1.463.516.640" in text and "3.504.605.440" in text  # P1 and the agency's ceiling
    assert "87,38%" in text  # IKP-2.2's 2020 target, as the Renstra gives it
    one = pdf_text(pk.render(pk.build(plan, 2020, "s1"), ".pdf"))
    assert SEKSI.name in one and BIDANG.name in one and SEKSI_2.name not in one
    with pytest.raises(KeyError):
        pk.build(plan, 2020, "nope")


def test_the_workbook_has_a_sheet_per_pk_with_the_figures(example):
    from openpyxl import load_workbook

    from sakip.forms import pk

    plan = sound(example)
    book = load_workbook(io.BytesIO(pk.render(pk.build(plan, 2020), ".xlsx")))
    assert book.sheetnames == ["PK Kepala", "PK bid1", "PK s1", "PK bid2", "PK s2"]
    values = [v for row in book["PK bid1"].iter_rows(values_only=True) for v in row if v]
    assert ": BUDI SANTOSO, S.Sos" in values and 1463516640 in values


def test_the_command_line_prints_all_levels_or_one(tmp_path, example, capsys):
    out = tmp_path / "pk.pdf"
    assert main(["form", "pk", str(EXAMPLE), "--year", "2020", "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert example.agency.head.name in text and "Sekretaris" in text
    assert main(["form", "pk", str(EXAMPLE), "--year", "2020", "--unit", "nope", "-o",
                 str(tmp_path / "x.xlsx")]) == 1
    assert "FORM_UNKNOWN_UNIT" in capsys.readouterr().err
    assert main(["form", "pk", str(EXAMPLE), "--year", "2020", "--unit", "kepala", "-o",
                 str(tmp_path / "kepala.xlsx")]) == 0


def test_a_plan_listing_no_unit_is_not_assessed(example):
    bare = replace(example, agency=replace(example.agency, units=(), head=None))
    pks = derive(bare, 2020)
    assert pks.defects == () and [pk.slug for pk in pks.all] == [HEAD]


def test_the_plan_review_reports_the_pk_findings(example):
    from sakip.review.plan import review_plan

    plan = sound(example)
    a = next(a for a in plan.activities if a.unit == "s2")
    plan = replace(plan, activities=tuple(replace(x, unit="s1") if x is a else x
                                          for x in plan.activities))
    [finding] = [f for f in review_plan(plan, 2020) if f.code.startswith("PLAN_PK_ACTIVITY")]
    assert finding.location.record.startswith(f"kegiatan {a.code}")
    assert finding.message_id and finding.message_en and finding.severity.value == "warning"
    assert [f.code for f in review_plan(example, 2020) if f.code == "PLAN_PK_NO_UNIT"] == [
        "PLAN_PK_NO_UNIT"]


def test_a_sub_activity_in_its_activitys_pk_is_not_counted_twice(example):
    from sakip.core.model import Activity, Budget

    plan = sound(example)
    k = next(a for a in plan.activities if a.unit == "s1" and a.parent is None)
    subs = (Activity(f"{k.code}.a", "Sub satu", k.program, parent=k.code, unit="s1"),
            Activity(f"{k.code}.b", "Sub dua", k.program, parent=k.code, unit="s1"))
    budgets = (*plan.budgets, Budget(subs[0].code, 2020, Decimal(100)),
               Budget(subs[1].code, 2020, Decimal(250)))
    plan = replace(plan, activities=(*plan.activities, *subs), budgets=budgets)
    s1 = derive(plan, 2020).get("s1")
    funded = {f.code: f.ceiling for f in s1.funded}
    assert funded[k.code] == Decimal(350) and subs[0].code not in funded
    assert s1.total == sum(v for v in funded.values() if v is not None)
    assert codes(plan) == []
