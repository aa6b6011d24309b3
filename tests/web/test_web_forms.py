"""The forms E.81, E.80 and the Laporan Monev as downloads: the same figures as the library
makes from the agency's plan, readable by the agency's readers only (as the report)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from sakip.forms import build, render
from sakip.web.plans.convert import plan_from_db
from tests.web.world import PERSONAS, YEAR

READERS = {"admin", "inspector", "operator_a", "head_a"}


def url(world, form, quarter, fmt):
    return reverse("form_download", kwargs={"agency": world.a.pk, "year": YEAR, "form": form,
                                            "quarter": quarter, "fmt": fmt})


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_forms_download_exactly_for_the_agencys_readers(world, persona):
    response = world.client(persona).get(url(world, "e81", 2, "xlsx"))
    if persona in READERS:
        assert response.status_code == 200
        assert response["Content-Disposition"] == \
            f'attachment; filename="E81-{world.a.code}-{YEAR}-TW2.xlsx"'
    elif persona == "anonymous":
        assert response.status_code == 302 and "/masuk/" in response["Location"]
    else:  # the other agency's operator
        assert response.status_code == 403


def test_an_outsider_is_refused_every_form(world, operator_b):
    for form, quarter in (("e81", 0), ("e80", 0), ("monev", 3)):
        for fmt in ("xlsx", "pdf"):
            assert operator_b.get(url(world, form, quarter, fmt)).status_code == 403


@pytest.mark.parametrize("form, quarter", [("e81", 0), ("e81", 4), ("e80", 0), ("monev", 2)])
def test_a_download_is_the_librarys_form_of_the_agencys_plan(world, inspector, form, quarter):
    response = inspector.get(url(world, form, quarter, "xlsx"))
    assert response.status_code == 200
    expected = render(build(plan_from_db(world.a), form, YEAR, quarter or None), ".xlsx")
    got = openpyxl.load_workbook(io.BytesIO(response.content)).active
    want = openpyxl.load_workbook(io.BytesIO(expected)).active
    assert [[c.value for c in row] for row in got.iter_rows()] == \
        [[c.value for c in row] for row in want.iter_rows()]


def test_the_e81_of_the_example_carries_its_figures(world, head_a):
    sheet = openpyxl.load_workbook(io.BytesIO(head_a.get(url(world, "e81", 0, "xlsx")).content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    # IKU-02 (sasaran S1): 94,78 / 80 × 100 = 118,475 → 118,48; S1's spending 2.151.175.676
    assert 118.48 in values and 2151175676 in values  # the workbook holds numbers


def test_the_pdf_downloads(world, inspector):
    response = inspector.get(url(world, "monev", 1, "pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("form, quarter, fmt", [
    ("e80", 2, "xlsx"),  # E.80 is of a year
    ("monev", 0, "xlsx"),  # Monev is of a quarter
    ("e81", 5, "pdf"),
    ("e82", 0, "xlsx"),
    ("e81", 0, "docx"),
])
def test_an_unknown_form_quarter_or_format_is_not_found(world, inspector, form, quarter, fmt):
    assert inspector.get(url(world, form, quarter, fmt)).status_code == 404


def test_the_downloads_page_links_the_forms(world, head_a):
    page = head_a.get(reverse("exchange", kwargs={"agency": world.a.pk, "year": YEAR}))
    text = page.content.decode()
    assert "Formulir Permendagri 86/2017" in text
    for form, quarter in (("e81", 0), ("e81", 3), ("e80", 0), ("monev", 4)):
        for fmt in ("xlsx", "pdf"):
            assert url(world, form, quarter, fmt) in text
