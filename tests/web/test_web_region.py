"""The regional admin: agencies, users and roles, scales, measurement settings."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sakip.core.measure import measure
from sakip.web.entry.cells import shown
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Agency, Band
from tests.web.world import YEAR


def test_the_admin_creates_an_agency(world, admin):
    response = admin.post(reverse("region_agencies"), {
        "code": "dinkes", "name": "Dinas Kesehatan", "short_name": "Dinkes",
        "plan_name": "Renstra 2019-2023", "start": 2019, "end": 2023})
    assert response.status_code == 302
    agency = Agency.objects.get(code="dinkes")
    assert agency.region == world.a.region
    assert list(agency.strategic_plan.years) == [2019, 2020, 2021, 2022, 2023]


def test_the_admin_creates_an_operator_who_can_then_sign_in(world, admin):
    response = admin.post(reverse("region_users"), {
        "username": "op_baru", "full_name": "Operator Baru", "role": "operator",
        "email": "op.baru@contoh.go.id",
        "agency": world.b.pk, "password": "kata-sandi-panjang-2020", "active": "on"})
    assert response.status_code == 302
    assert get_user_model().objects.get(username="op_baru").email == "op.baru@contoh.go.id"
    client = Client()
    assert client.login(username="op_baru", password="kata-sandi-panjang-2020")
    for agency, status in ((world.b, 200), (world.a, 403)):
        url = reverse("agency_dashboard", kwargs={"agency": agency.pk, "year": YEAR})
        assert client.get(url).status_code == status


def test_an_operator_must_belong_to_an_agency_and_a_weak_password_is_refused(world, admin):
    response = admin.post(reverse("region_users"), {"username": "x", "role": "operator",
                                                    "password": "123", "active": "on"})
    page = response.content.decode()
    assert response.status_code == 400 and "harus terikat" in page
    assert not get_user_model().objects.filter(username="x").exists()


def test_a_scale_band_is_edited_and_the_category_follows(world, admin, head_a):
    scale = world.a.region.scales.get(code="kategori-permendagri-54-2010")
    bands = list(scale.bands.all())
    data = {}
    for b in bands:
        for name in ("label", "label_en", "lower", "upper", "exactly", "color"):
            value = getattr(b, name)
            data[f"b-{b.pk}-{name}"] = shown(value) if isinstance(value, Decimal) else (value or "")
    baik = next(b for b in bands if b.label == "Baik")
    data[f"b-{baik.pk}-label"] = "Baik sekali"
    response = admin.post(reverse("region_scale_edit", kwargs={"scale": scale.pk}), data)
    assert response.status_code == 302
    assert Band.objects.get(pk=baik.pk).label == "Baik sekali"
    assert measure(plan_from_db(world.a), YEAR).result("IKU-06").category == "Baik sekali"


def test_the_admin_switches_the_negative_formula_of_an_agency(world, admin):
    sp = world.a.strategic_plan
    response = admin.post(reverse("agency_settings", kwargs={"agency": world.a.pk}), {
        "name": sp.name, "start": sp.start, "end": sp.end, "baseline_year": sp.baseline_year,
        "rounding": "half_up", "achievement_places": 2, "negative_formula": "t/r", "cap": "",
        "absorption_threshold": "80", "predicate_scale": sp.predicate_scale,
        "category_scale": sp.category_scale, "off_track_below": "80", "well_above": "120"})
    assert response.status_code == 302
    assert measure(plan_from_db(world.a), YEAR).result("IKU-05").rule == "T/R×100"


def test_a_change_of_role_is_recorded_for_the_region(world, admin, django_user_model):
    from sakip.web.workflow.models import AuditEntry

    user = django_user_model.objects.get(username="operator_b")
    response = admin.post(reverse("region_user_edit", kwargs={"user": user.pk}), {
        "username": "operator_b", "full_name": "", "role": "head", "agency": world.b.pk,
        "password": "", "active": "on"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(key="pengguna:operator_b", field="role")
    assert (entry.old, entry.new, entry.agency, entry.user.username) == ("operator", "head", None, "admin")


def test_the_models_and_their_migrations_agree(db):
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _scale_form(scale):
    data = {}
    for b in scale.bands.all():
        for name in ("label", "label_en", "lower", "upper", "exactly", "color"):
            value = getattr(b, name)
            data[f"b-{b.pk}-{name}"] = shown(value) if isinstance(value, Decimal) else (value or "")
    return data


def test_a_scale_band_is_checked_by_the_plan_checks_beside_its_inputs(world, admin):
    scale = world.a.region.scales.get(code="kategori-permendagri-54-2010")
    first, second = list(scale.bands.all())[:2]
    data = _scale_form(scale)
    data[f"b-{first.pk}-color"] = "hijau"
    data[f"b-{second.pk}-label"] = ""
    data[f"b-{second.pk}-lower"], data[f"b-{second.pk}-upper"] = "80", "70"
    response = admin.post(reverse("region_scale_edit", kwargs={"scale": scale.pk}), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "bukan #rrggbb" in page and "perlu label" in page and "batas atas lebih kecil" in page
    assert Band.objects.get(pk=first.pk).color != "hijau"


def test_a_new_agency_is_a_plan_the_plan_checks_accept(world, admin):
    from sakip.web.plans.models.region import touch_region

    world.a.region.scales.filter(code="kategori-permendagri-54-2010").delete()
    touch_region(world.a.region)  # rows deleted here, not by a writer: the writers' stamp
    response = admin.post(reverse("region_agencies"), {
        "code": "dinkes", "name": "Dinas Kesehatan", "short_name": "",
        "plan_name": "Renstra 2019-2023", "start": 2019, "end": 2023})
    assert response.status_code == 400 and "kategori-permendagri-54-2010" in response.content.decode()
    assert not Agency.objects.filter(code="dinkes").exists()


def test_a_period_the_plan_checks_refuse_is_refused_on_the_admins_pages(world, admin):
    response = admin.post(reverse("region_agencies"), {
        "code": "dinkes", "name": "Dinas Kesehatan", "short_name": "",
        "plan_name": "Renstra", "start": 2023, "end": 2019})
    assert response.status_code == 400 and "sebelum tahun awal" in response.content.decode()
    sp = world.a.strategic_plan
    response = admin.post(reverse("agency_settings", kwargs={"agency": world.a.pk}), {
        "name": sp.name, "start": sp.start, "end": 2060, "baseline_year": sp.baseline_year,
        "rounding": "half_up", "achievement_places": 2, "negative_formula": "2t-r", "cap": "",
        "absorption_threshold": "80", "predicate_scale": sp.predicate_scale,
        "category_scale": sp.category_scale, "off_track_below": "80", "well_above": "120"})
    assert response.status_code == 400 and "lebih dari 10 tahun" in response.content.decode()
    assert plan_from_db(world.a).strategic_plan.end == sp.end
