"""The dashboards' cache (issue 18, "live, not batch"): figures kept under the agency's and the
region's stamps, so a warm request measures nothing, and every writer of the region's records
and scales gives the region a new stamp, so no page shows a stale figure."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import Closed, ScaleKind
from sakip.io.idnum import format_id
from sakip.io.plan_file import load_plan
from sakip.web.entry.cells import shown
from sakip.web.measuring import page_key
from sakip.web.plans.convert import plan_from_db, region_of
from sakip.web.plans.models import Agency, Region
from sakip.web.plans.region_write import write_region
from sakip.web.plans.store import add_missions, add_region_plan, add_scales, store_plan
from sakip.web.workflow.models import AgencyYear
from tests.web.world import YEAR

# A warm dashboard request of the agency's head: the session, the user; the membership with its
# region, its agency (with the agency's region and strategic plan: the page's agency when it is
# the member's own) and the user's language choice (one query: the language middleware, the
# access rule and the navigation share it); the year's state. The completeness is kept under
# the stamps its writers give anew. No plan, no region record, no measurement.
WARM_QUERIES = 4
REGION_TABLES = {"plans_mission", "plans_regiongoal", "plans_regionobjective",
                 "plans_regionindicator", "plans_regiontarget", "plans_regionactual",
                 "plans_contribution", "plans_scale", "plans_band"}


@pytest.fixture(autouse=True)
def empty_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def _url(world) -> str:  # type: ignore[no-untyped-def]
    return reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})


def _plain(page: bytes) -> str:
    """The page without its CSRF tokens (new at every request)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.decode())


def _stamp(world) -> str:  # type: ignore[no-untyped-def]
    return Region.objects.get(pk=world.a.region_id).stamp


def _iku_row(page: str, code: str) -> str:
    return page.split(f'data-code="{code}"')[1].split("</tr>")[0]


def test_a_warm_dashboard_measures_nothing_and_reads_no_plan(world, head_a, monkeypatch):
    from sakip.web.dashboards import views

    cold = head_a.get(_url(world))
    assert cold.status_code == 200

    def measuring(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a warm request measured")

    monkeypatch.setattr(views, "measured", measuring)
    with CaptureQueriesContext(connection) as queries:
        warm = head_a.get(_url(world))
    assert _plain(warm.content) == _plain(cold.content)
    tables = {t for q in queries.captured_queries for t in re.findall(r'FROM "(\w+)"', q["sql"])}
    assert not tables & REGION_TABLES
    assert len(queries) == WARM_QUERIES, [q["sql"][:80] for q in queries.captured_queries]


def test_the_cached_figures_follow_language_and_inside_or_public(world, head_a):
    inside = head_a.get(_url(world)).content.decode()
    assert 'class="src"' in inside and "Indikator kinerja utama" in inside
    head_a.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = head_a.get(_url(world)).content.decode()
    assert "Key performance indicators" in english and "Indikator kinerja utama" not in english
    agency = Agency.objects.select_related("region").get(pk=world.a.pk)
    state = AgencyYear.objects.get(agency=agency, year=YEAR)
    keys = {page_key(agency, YEAR, state, "dashboard", part) for part in ("inside", "public")}
    assert len(keys) == 2 and None not in keys
    agency.region.stamp = ""  # a region without a stamp: nothing is kept
    assert page_key(agency, YEAR, state, "dashboard", "inside") is None


def _scale_post(admin, world, change):  # type: ignore[no-untyped-def]
    scale = world.a.region.scales.get(code="kategori-permendagri-54-2010")
    bands = list(scale.bands.all())
    data = {}
    for b in bands:
        for name in ("label", "label_en", "lower", "upper", "exactly", "color"):
            value = getattr(b, name)
            data[f"b-{b.pk}-{name}"] = shown(value) if isinstance(value, Decimal) else (value or "")
    baik = next(b for b in bands if b.label == "Baik")
    data.update({f"b-{baik.pk}-{name}": value for name, value in change.items()})
    return admin.post(reverse("region_scale_edit", kwargs={"scale": scale.pk}), data)


def test_a_scale_edit_shows_at_once_on_a_cached_dashboard(world, admin, head_a):
    before = head_a.get(_url(world)).content.decode()
    assert 'fill="#558b2f"' in _iku_row(before, "IKU-06") and "Baik" in _iku_row(before, "IKU-06")
    stamp = _stamp(world)
    response = _scale_post(admin, world, {"label": "Baik sekali", "color": "#123456"})
    assert response.status_code == 302
    assert _stamp(world) != stamp
    row = _iku_row(head_a.get(_url(world)).content.decode(), "IKU-06")
    assert 'fill="#123456"' in row and "Baik sekali" in row


def test_a_realisation_written_shows_at_once_on_a_cached_dashboard(world, head_a):
    from sakip.web.plans.write import write

    head_a.get(_url(world))
    actual = model.Actual(YEAR, Decimal("1234.5"))
    outcome = write(world.a, None, [r.Put(r.ACTUAL, ("IKU-06", YEAR, None, None), actual)])
    assert not outcome.refused
    row = _iku_row(head_a.get(_url(world)).content.decode(), "IKU-06")
    assert format_id(Decimal("1234.5"), 1) in row


def test_every_writer_of_the_regions_records_gives_it_a_new_stamp(world):
    region = Region.objects.get(pk=world.a.region_id)
    current = region_of(region)
    plan_from_db(world.a)  # the region's records kept under the current stamp
    mission = model.Mission("M-BARU", "Misi baru")
    goal = model.RegionGoal("T-BARU", "Tujuan baru")
    band = model.Band("Ada", exactly=Decimal(1), color="#000000")
    scale = model.Scale("skala-baru", "Skala baru", ScaleKind.CATEGORY, Closed.LEFT, (band,))
    writers = {
        "write_region": lambda: write_region(region, None, replace(current, vision="Visi baru")),
        "add_missions": lambda: add_missions(region, replace(current, missions=(
            *current.missions, mission))),
        "add_region_plan": lambda: add_region_plan(region, replace(current, goals=(
            *current.goals, goal))),
        "add_scales": lambda: add_scales(region, (scale,)),
        "store_plan": lambda: store_plan(replace(load_plan_b(world), agency=model.Agency(
            "dinas-baru", "Dinas Baru")), region=region),
    }
    for name, writer in writers.items():
        stamp = _stamp(world)
        writer()
        assert _stamp(world) != stamp, name
    plan = plan_from_db(world.a)  # read again under the new stamp: every change is there
    assert plan.region.vision == "Visi baru"
    assert "M-BARU" in {m.code for m in plan.region.missions}
    assert "T-BARU" in {g.code for g in plan.region.goals}
    assert "skala-baru" in {s.code for s in plan.scales}


def load_plan_b(world):  # type: ignore[no-untyped-def]
    from sakip.web.demo import EXAMPLE, second_plan

    return second_plan(load_plan(EXAMPLE))


def _completeness(page: str) -> str:
    return page.split('id="completeness"')[1].split("</table>")[0]


def test_the_kept_completeness_follows_every_writer_of_evidence_and_windows(
        world, head_a, operator_a, admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sakip.core.periods import Period
    from sakip.web.monitoring.windows import set_deadline
    from sakip.web.plans.models import Indicator
    from sakip.web.plans.write import write
    from sakip.web.workflow.models import Evidence

    def shown() -> str:
        return _completeness(head_a.get(_url(world)).content.decode())

    def counted_now() -> str:  # what a cold dashboard counts
        cache.clear()
        return shown()

    def agency(name: str, **extra) -> str:  # type: ignore[no-untyped-def]
        return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **extra})

    iku = Indicator.objects.get(agency=world.a, code="IKU-06")
    assert not write(world.a, None, [r.Put(r.ACTUAL, ("IKU-06", YEAR, 1, None), model.Actual(
        YEAR, Decimal(75), quarter=1))]).refused
    before = shown()
    assert before == shown()  # kept
    first = lambda table: table.split("<tbody>")[1].split("</tr>")[0]  # noqa: E731 Triwulan I
    assert "(0/16)" in first(before)

    # a file uploaded on the period's page
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%\xe2\xe3\n", content_type="application/pdf")
    assert operator_a.post(agency("period_evidence", period="tw1", indicator=iku.pk),
                           {"berkas": pdf}).status_code == 302
    uploaded = shown()
    assert "(1/16)" in first(uploaded) and uploaded == counted_now()

    # the file moved to other indicators (their annual realisations)
    item = Evidence.objects.get()
    others = [Indicator.objects.get(agency=world.a, code=c).pk for c in ("IKU-02", "IKU-06")]
    assert operator_a.post(agency("evidence_links", evidence=item.pk),
                           {"indikator": others}).status_code == 302
    moved = shown()
    assert "(0/16)" in first(moved) and moved == counted_now()

    # the file deleted, after a second one was uploaded on the period's page
    pdf.seek(0)
    assert operator_a.post(agency("period_evidence", period="tw1", indicator=iku.pk),
                           {"berkas": pdf}).status_code == 302
    assert "(1/16)" in first(shown())
    second = Evidence.objects.get(actual__period=1)
    assert operator_a.post(agency("evidence_delete", evidence=second.pk)).status_code == 302
    deleted = shown()
    assert "(0/16)" in first(deleted) and deleted == counted_now()

    # a window opened for a period: the region's year is followed by its windows from then on
    set_deadline(Region.objects.get(pk=world.a.region_id), YEAR, Period.of(2, None),
                 timezone.now() + timedelta(days=7), None)
    windowed = shown()
    assert windowed == counted_now() and windowed.count("<tr") < before.count("<tr")


def test_the_public_report_of_an_approved_year_is_built_once_and_kept_by_its_snapshot(
        world, anonymous, monkeypatch, tmp_path, settings):
    from sakip.web.exchange import capabilities
    from sakip.web.workflow import snapshots
    from sakip.web.workflow.models import State

    settings.DATA_DIR = tmp_path
    built = []
    real = capabilities.report_bytes

    def counted(plan, year, fmt, sources=None):  # type: ignore[no-untyped-def]
        built.append(plan)
        return real(plan, year, fmt, sources)

    monkeypatch.setattr(capabilities, "report_bytes", counted)
    snapshot = snapshots.take(world.a, YEAR, None, "disetujui")
    AgencyYear.objects.get_or_create(agency=world.a, year=YEAR)
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state=State.APPROVED,
                                                                 published=True)
    url = reverse("public_report", kwargs={"agency": world.a.pk, "year": YEAR, "fmt": "html"})
    first, again = anonymous.get(url), anonymous.get(url)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and len(built) == 1
    assert built[0] == snapshots.snapshot_plan(snapshot)
    kept = list((tmp_path / "kept").iterdir())
    assert [p.name.split("-")[0] for p in kept] == [snapshot.sha256]
    assert kept[0].read_bytes() == first.content
    # reopened: built from the rows each time, nothing kept for it
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state=State.DRAFT,
                                                                 published=False)
    from sakip.web.measuring import kept_file

    assert kept_file(world.a, YEAR, "x", lambda plan: b"rows") == b"rows"
    assert len(list((tmp_path / "kept").iterdir())) == 1


def test_a_cold_read_reads_the_regions_records_once_and_a_warm_one_not_at_all(world):
    from sakip.web.plans import convert

    convert._CACHE.clear()
    convert._REGIONS.clear()
    with CaptureQueriesContext(connection) as cold:
        plan = plan_from_db(world.a)
    with CaptureQueriesContext(connection) as warm:
        assert plan_from_db(world.a) == plan
    read = [t for q in cold.captured_queries for t in re.findall(r'FROM "(\w+)"', q["sql"])]
    assert sorted(t for t in read if t in REGION_TABLES) == sorted(REGION_TABLES)  # once each
    assert len(warm) == 1  # the agency's row with its region's: the stamps


def test_an_approved_years_figures_are_kept_under_its_snapshot(world, anonymous):
    from sakip.web.workflow import snapshots
    from sakip.web.workflow.models import State

    snapshot = snapshots.take(world.a, YEAR, None, "disetujui")
    state, _ = AgencyYear.objects.get_or_create(agency=world.a, year=YEAR)
    draft = page_key(world.a, YEAR, state, "dashboard", "public")
    AgencyYear.objects.filter(pk=state.pk).update(state=State.APPROVED, published=True)
    state.refresh_from_db()
    approved = page_key(world.a, YEAR, state, "dashboard", "public")
    assert approved is not None and snapshot.sha256 in approved and approved != draft
    url = reverse("public_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})
    first, again = anonymous.get(url), anonymous.get(url)
    assert first.status_code == 200 and _plain(first.content) == _plain(again.content)
    assert 'class="src"' not in first.content.decode()  # the public page links no sources
    assert cache.get(approved) is not None


def test_the_reviews_findings_are_kept_until_a_write(world, inspector, monkeypatch):
    """The review page (and the API and the working papers, through the same function) read the
    automated review's findings kept under the stamps; a write gives new ones at once."""
    import sakip.review.plan as review
    from sakip.web.plans.write import write

    runs = []
    real = review.review_plan
    monkeypatch.setattr(review, "review_plan", lambda plan, year: runs.append(year) or real(
        plan, year))
    page = reverse("review", kwargs={"agency": world.a.pk, "year": YEAR})
    assert inspector.get(page).status_code == 200 and inspector.get(page).status_code == 200
    assert len(runs) == 1, "the second request reads the kept findings"
    outcome = write(world.a, None, [r.Put(r.ACTUAL, ("IKU-06", YEAR, None, None),
                                          model.Actual(YEAR, Decimal("1234.5")))])
    assert not outcome.refused
    assert inspector.get(page).status_code == 200 and len(runs) == 2
