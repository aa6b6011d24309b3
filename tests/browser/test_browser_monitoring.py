"""In a real browser: a period whose entry window closed refuses entry, and an off-track value
is refused until its causes (faktor penghambat, rencana tindak lanjut) are given (issue 12)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from sakip.core.periods import Period
from sakip.web.monitoring import windows
from sakip.web.plans.models import Actual, Agency, Indicator

YEAR = 2020


def _admin():  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username="admin")


def _by_year_only(agency: Agency, code: str) -> None:
    """The indicator's periods of the year removed: the test enters its own (the example's demo
    periods may change)."""
    from sakip.core import records as r
    from sakip.web.plans.convert import plan_from_db
    from sakip.web.plans.write import write

    plan = plan_from_db(agency)
    edits = [r.Remove(kind, key) for kind in (r.TARGET, r.ACTUAL)
             for key, _ in r.records_of(plan, kind)
             if key[0] == code and key[1] == YEAR and (key[2] or key[3])]
    if edits:
        assert not write(agency, _admin(), edits).refused


def test_a_closed_period_refuses_entry(person):
    agency = Agency.objects.get(code="dspppa")
    _by_year_only(agency, "IKU-06")
    kla = Indicator.objects.get(agency=agency, code="IKU-06")
    operator = person("operator_a")
    page = operator.page
    url = f"/opd/{agency.pk}/{YEAR}/periode/tw3/"
    assert operator.go(url) == 200
    assert "Simpan realisasi periode" in page.inner_text("main")
    # the admin closes the third quarter while the operator has the page open
    windows.set_deadline(agency.region, YEAR, Period.of(3, None),
                         timezone.now() - timedelta(minutes=1), _admin(), "batas TW III")
    page.fill(f"input[name=p-{kla.pk}-v]", "70")
    page.click("text=Simpan realisasi periode")
    page.wait_for_load_state()
    beside = page.inner_text("tr[data-code=IKU-06] .field-error")
    assert "masa pengisian Triwulan III 2020 ditutup" in beside
    assert "belum ada yang disimpan" in page.inner_text(".messages")
    assert not Actual.objects.filter(indicator=kla, year=YEAR, period=3, month=0,
                                     value=70).exists()
    # opened again, the page is read-only and says why
    assert operator.go(url) == 200
    assert "ditutup pada" in page.inner_text("#window")
    assert page.locator(f"input[name=p-{kla.pk}-v]").is_disabled()
    assert page.locator("text=Simpan realisasi periode").count() == 0
    assert [e for e in operator.errors if "status of 400" not in e] == []


def test_an_off_track_value_demands_its_causes(person):
    agency = Agency.objects.get(code="dspppa")
    _by_year_only(agency, "IKU-06")
    kla = Indicator.objects.get(agency=agency, code="IKU-06")
    annual = kla.targets.get(year=YEAR, period=0, month=0).value
    operator = person("operator_a")
    page = operator.page
    assert operator.go(f"/opd/{agency.pk}/{YEAR}/periode/tw1/") == 200
    p = f"p-{kla.pk}-"
    assert page.locator(f"textarea[name={p}o]").count() == 0  # no causes asked yet
    page.fill(f"input[name={p}t]", str(annual).replace(".", ","))
    page.fill(f"input[name={p}v]", "20")
    page.fill("#alasan", "realisasi TW I")
    page.click("text=Simpan realisasi periode")
    page.wait_for_load_state()
    # refused: the message beside the field the check asks for, which now shows
    causes = page.locator("tr.causes[data-code=IKU-06]")
    assert "faktor penghambat" in causes.locator(".field-error").first.inner_text()
    assert "Di bawah target" in page.inner_text("tr[data-code=IKU-06] .track")
    assert not Actual.objects.filter(indicator=kla, year=YEAR, period=1, month=0,
                                     value=20).exists()
    page.fill(f"textarea[name={p}o]", "penilaian KLA tertunda karena pandemi")
    page.fill(f"textarea[name={p}f]", "koordinasi ulang dengan Kementerian PPPA")
    page.click("text=Simpan realisasi periode")
    page.wait_for_load_state()
    assert "tersimpan" in page.inner_text(".messages")
    saved = Actual.objects.get(indicator=kla, year=YEAR, period=1, month=0)
    assert saved.value == 20 and saved.obstacles == "penilaian KLA tertunda karena pandemi"
    assert saved.follow_up == "koordinasi ulang dengan Kementerian PPPA"
    assert page.input_value(f"textarea[name={p}o]") == "penilaian KLA tertunda karena pandemi"
    assert [e for e in operator.errors if "status of 400" not in e] == []
