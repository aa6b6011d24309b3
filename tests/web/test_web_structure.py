"""Editing the plan's structure and indicator semantics; the loader's integrity checks guard it."""

from __future__ import annotations

from django.urls import reverse

from sakip.web.plans.models import Goal, Indicator
from sakip.web.workflow.models import AuditEntry
from tests.web.world import YEAR


def url(world, name, **kwargs):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **kwargs})


def indicator_form(k: Indicator, **changes):
    data = {"code": k.code, "name": k.name, "pemilik": f"{k.level}:{k.owner}", "unit": k.unit or "",
            "precision": k.precision, "polarity": k.polarity, "negative_formula": "",
            "aggregation": k.aggregation, "over_years": k.over_years,
            "formula": k.formula or "", "definition": "",
            "data_source": "", "kind": "", "levels": "", "baseline_year": "",
            "baseline_value": "", "baseline_text": ""}
    if k.key:
        data["key"] = "on"
    data.update(changes)
    return data


def test_an_indicators_polarity_is_changed_and_the_change_is_recorded(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    response = operator_a.post(url(world, "structure_edit", kind="indikator", pk=k.pk),
                               indicator_form(k, polarity="negative", alasan="salah polaritas"))
    assert response.status_code == 302
    k.refresh_from_db()
    assert k.polarity == "negative"
    entry = AuditEntry.objects.get(key="indikator:IKU-06", field="polarity")
    assert (entry.old, entry.new, entry.reason) == ("positive", "negative", "salah polaritas")


def test_a_formula_that_cannot_be_read_is_refused_with_the_loaders_message(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKU-06")
    response = operator_a.post(url(world, "structure_edit", kind="indikator", pk=k.pk),
                               indicator_form(k, formula="kla[n] / "))
    assert response.status_code == 400 and "rumus tidak dapat dibaca" in response.content.decode()
    k.refresh_from_db()
    assert k.formula is None


def test_a_new_goal_is_created(world, operator_a):
    response = operator_a.post(url(world, "structure_create", kind="tujuan"),
                               {"code": "T5", "name": "Tujuan baru", "mission": "M1"})
    assert response.status_code == 302
    assert Goal.objects.filter(agency=world.a, code="T5").exists()


def test_a_duplicate_code_is_refused(world, operator_a):
    response = operator_a.post(url(world, "structure_create", kind="tujuan"),
                               {"code": "T1", "name": "Lagi", "mission": "M1"})
    assert response.status_code == 400 and "sudah dipakai" in response.content.decode()


def test_an_unknown_mission_is_refused(world, operator_a):
    response = operator_a.post(url(world, "structure_create", kind="tujuan"),
                               {"code": "T9", "name": "X", "mission": "M9"})
    assert response.status_code == 400 and "misi" in response.content.decode()
    assert not Goal.objects.filter(code="T9").exists()


def test_a_goal_with_indicators_is_not_deleted(world, operator_a):
    goal = Goal.objects.get(agency=world.a, code="T1")
    response = operator_a.post(url(world, "structure_delete", kind="tujuan", pk=goal.pk))
    assert response.status_code == 302 and Goal.objects.filter(pk=goal.pk).exists()


def test_a_data_series_is_edited_with_indonesian_numbers(world, operator_a):
    from sakip.web.plans.models import Series

    series = Series.objects.get(agency=world.a, code="pmks")
    response = operator_a.post(url(world, "structure_edit", kind="data-dasar", pk=series.pk), {
        "code": "pmks", "name": series.name, "unit": "", "source": "",
        "nilai": "2018: 13.535\n2019: 14.337\n2020: 13.000"})
    assert response.status_code == 302
    assert [str(v.value.normalize()) for v in series.values.all()] == ["13535", "14337", "1.3E+4"]
    page = operator_a.get(url(world, "actuals")).content.decode()
    # realisation (14337 − 13000) / 14337 × 100 = 9,33 against target 0,5
    assert "1.866,00" in page.split('data-code="IKU-01"')[1].split("</tr>")[0]


def test_the_agency_profile_is_edited(world, operator_a):
    response = operator_a.post(url(world, "agency_profile"), {
        "name": world.a.name, "short_name": "DSPPPA", "address": "Jl. Baru", "phone": "",
        "legal_basis_of_organisation": "", "position_text": "", "task": "", "functions": "a\nb",
        "head_name": "Kepala Baru", "head_title": "Kepala Dinas", "head_rank": "", "head_nip": ""})
    assert response.status_code == 302
    world.a.refresh_from_db()
    assert world.a.functions == ["a", "b"] and world.a.head_name == "Kepala Baru"
