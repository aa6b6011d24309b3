"""The realisation grid (issue 17): a preview computed by the core without saving, derived
indicators read-only, filters, and a block pasted from a spreadsheet read whole."""

from __future__ import annotations

import json
from decimal import Decimal

from django.urls import reverse

from sakip.core import records as r
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import ANNUAL, Actual, Indicator
from sakip.web.plans.write import write
from sakip.web.workflow.models import AgencyYear, AuditEntry
from tests.web.world import YEAR


def url(world, query=""):
    return reverse("actuals", kwargs={"agency": world.a.pk, "year": YEAR}) + query


def row_of(page, code):
    return page.split(f'data-code="{code}"')[1].split("</tr>")[0]


def row_post(indicator, **fields):
    data = {f"a-{indicator.pk}-{k}": "" for k in ("v0", "v1", "v2", "v3", "v4", "x", "r")}
    data[f"a-{indicator.pk}-s"] = "final"
    data.update({f"a-{indicator.pk}-{k}": v for k, v in fields.items()})
    return data


def test_a_preview_shows_the_cores_achievement_of_what_is_typed_and_saves_nothing(world,
                                                                                  operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    before = AuditEntry.objects.count()
    response = operator_a.post(url(world), {**row_post(kla, v0="80"), "pratinjau": "1"})
    assert response.status_code == 200
    row = row_of(response.content.decode(), "IKU-06")
    assert "106,67" in row and "Sangat baik" in row  # 80 / 75 × 100, by the core
    assert 'value="80"' in row  # the typed value is kept in its input
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal("60.9")
    assert AuditEntry.objects.count() == before


def test_the_preview_answers_the_pages_script_in_json(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    response = operator_a.post(url(world), {**row_post(kla, v0="80"), "pratinjau": "1"},
                               HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert "106,67" in answer["rows"][str(kla.pk)]["result"]
    response = operator_a.post(url(world), {**row_post(kla, v0="8,0,0"), "pratinjau": "1"},
                               HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert "bukan angka" in json.loads(response.content)["rows"][str(kla.pk)]["errors"][
        f"a-{kla.pk}-v0"]


def test_a_derived_indicator_is_read_only_with_its_data_series_linked(world, operator_a):
    derived = Indicator.objects.get(agency=world.a, code="IKU-05")  # computed from data series
    page = operator_a.get(url(world)).content.decode()
    row = row_of(page, "IKU-05")
    assert f'name="a-{derived.pk}-v0"' not in row and "Dihitung dari data dasar" in row
    assert "/rencana/data-dasar/" in row  # the series it reads, linked to their pages
    stored = Actual.objects.filter(indicator=derived, year=YEAR, period=ANNUAL).first()
    response = operator_a.post(url(world), row_post(derived, v0="12"))
    assert response.status_code == 400 and "dihitung dari data dasarnya" in response.content.decode()
    after = Actual.objects.filter(indicator=derived, year=YEAR, period=ANNUAL).first()
    assert (after.value if after else None) == (stored.value if stored else None)


def test_filters_by_text_level_category_and_not_yet_entered(world, operator_a):
    page = operator_a.get(url(world, "?q=IKU-06")).content.decode()
    assert 'data-code="IKU-06"' in page and 'data-code="IKU-05"' not in page
    page = operator_a.get(url(world, "?tingkat=goal")).content.decode()
    codes = set(Indicator.objects.filter(agency=world.a, level="goal").values_list("code", flat=True))
    assert codes and all(f'data-code="{c}"' in page for c in codes)
    assert all(f'data-code="{i.code}"' not in page
               for i in Indicator.objects.filter(agency=world.a).exclude(level="goal"))
    page = operator_a.get(url(world, "?kategori=Sangat+baik")).content.decode()
    assert all("Sangat baik" in row_of(page, code) for code in
               [part.split('"')[0] for part in page.split('data-code="')[1:]])
    empty = Indicator.objects.get(agency=world.a, code="IKU-06")
    assert operator_a.post(url(world), row_post(empty)).status_code == 302  # all emptied
    page = operator_a.get(url(world, "?kosong=on")).content.decode()
    assert 'data-code="IKU-06"' in page and 'data-code="IKU-05"' not in page


def test_a_filtered_page_saves_only_its_rows_and_keeps_its_filter(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    response = operator_a.post(url(world, "?q=IKU-06"), row_post(kla, v0="70"))
    assert response.status_code == 302 and response["Location"].endswith("?q=IKU-06")
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal(70)


def paste(client, world, block, start="v1", **extra):
    return client.post(url(world), {"tempel": "1", "blok": block, "mulai": start, **extra})


def test_a_pasted_block_is_saved_through_the_write_path(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKP-2.1")
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    plan = plan_from_db(world.a)  # the quarters removed through the write path, as a page does
    gone = [r.Remove(r.ACTUAL, key) for key, actual in r.records_of(plan, r.ACTUAL)
            if key[0] == "IKP-2.1" and key[1] == YEAR and key[2] is not None]
    assert gone and not write(world.a, None, gone).refused
    response = paste(operator_a, world, "IKP-2.1\t10\t20\t30\t39,5\r\nIKU-06\t\t\t\t\t1.072,5\r\n",
                     alasan="dari rekap Excel")
    assert response.status_code == 302
    values = dict(Actual.objects.filter(indicator=k, year=YEAR, month=ANNUAL)
                  .values_list("period", "value"))
    assert values[1] == Decimal(10) and values[4] == Decimal("39.5")
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal("1072.5")
    assert AuditEntry.objects.filter(key=f"realisasi:IKU-06:{YEAR}:0", field="value",
                                     reason="dari rekap Excel").exists()


def test_one_bad_cell_refuses_the_whole_block_and_every_problem_is_located(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    before = AuditEntry.objects.count()
    block = "IKU-06\t61\nIKU-99\t5\nIKU-02\t0.500\nIKP-2.1\t1\t2\t3\t4\t5\t6\nIKU-05\t3\n"
    response = paste(operator_a, world, block, start="v0")
    page = response.content.decode()
    assert response.status_code == 400 and "Blok tidak disimpan" in page
    assert "Baris 2, kolom 1" in page and "IKU-99" in page  # unknown code
    assert "Baris 3, kolom 2" in page and "0,5" in page  # 0.500: ambiguous, asked not guessed
    assert "Baris 4, kolom" in page and "terlalu banyak kolom" in page
    assert "Baris 5, kolom 2" in page and "data dasarnya" in page  # a derived indicator
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal("60.9")
    assert AuditEntry.objects.count() == before


def test_a_pasted_block_the_plan_checks_refuse_is_not_saved(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    assert operator_a.post(url(world), row_post(kla, s="not_available", r="BPS")).status_code == 302
    response = paste(operator_a, world, "IKU-06\t61\n", start="v0")
    assert response.status_code == 400 and "tidak boleh berisi nilai" in response.content.decode()


def test_a_stale_grid_keeps_what_was_saved_since_it_was_shown(world, operator_a):
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    revision = world.a.revision
    assert operator_a.post(url(world), row_post(kla, v0="65")).status_code == 302
    response = operator_a.post(url(world), {**row_post(kla, v0="70"), "rev": str(revision)},
                               follow=True)
    assert "tidak disimpan" in response.content.decode()
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal(65)


def test_the_grid_of_a_locked_year_has_no_inputs_and_refuses_a_post(world, operator_a):
    AgencyYear.objects.update_or_create(agency=world.a, year=YEAR,
                                        defaults={"state": "submitted"})
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    page = operator_a.get(url(world)).content.decode()
    assert "Tempel dari Excel" not in page and "disabled" in row_of(page, "IKU-06")
    assert operator_a.post(url(world), {**row_post(kla, v0="1"), "pratinjau": "1"}).status_code == 403
    assert paste(operator_a, world, "IKU-06\t1\n", start="v0").status_code == 403


def test_the_indicator_page_refuses_a_value_for_a_derived_indicator_too(world, operator_a):
    derived = Indicator.objects.get(agency=world.a, code="IKU-05")
    page_url = reverse("actual_detail", kwargs={"agency": world.a.pk, "year": YEAR,
                                                "indicator": derived.pk})
    page = operator_a.get(page_url).content.decode()
    assert 'name="d-v0"' in page and "Dihitung dari data dasar" in page
    response = operator_a.post(page_url, {"d-v0": "12", "d-s": "final"})
    assert response.status_code == 400 and "dihitung dari data dasarnya" in response.content.decode()
    # the note can still be saved (the value not posted: the input is disabled)
    response = operator_a.post(page_url, {"d-s": "final", "d-n": "sumber: data dasar"})
    assert response.status_code == 302


def test_a_plain_grid_is_kept_under_the_stamps_and_a_save_shows_at_once(world, operator_a,
                                                                         head_a, monkeypatch):
    """A plain GET's rows are rendered once (no form built on a warm request), kept per role
    (editable or not) and language, and a write gives them anew."""
    from sakip.web.entry import grids

    first = operator_a.get(url(world)).content.decode()
    assert 'name="a-' in first  # the operator edits: inputs

    def building(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a warm grid built its rows")

    monkeypatch.setattr(grids, "_rows", building)
    again = operator_a.get(url(world)).content.decode()
    assert row_of(again, "IKU-06") == row_of(first, "IKU-06")
    monkeypatch.undo()
    shown = head_a.get(url(world)).content.decode()  # the head reads: the same rows, disabled
    assert " disabled" in row_of(shown, "IKU-06") and " disabled" not in row_of(first, "IKU-06")
    kla = Indicator.objects.get(agency=world.a, code="IKU-06")
    assert operator_a.post(url(world), {**row_post(kla, v0="80"), "simpan": "1",
                                        "rev": str(kla.agency.revision)}).status_code == 302
    after = row_of(operator_a.get(url(world)).content.decode(), "IKU-06")
    assert 'value="80"' in after and "106,67" in after
