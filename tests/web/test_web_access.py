"""The access rule, proven for every page: each URL pattern × each persona.

A new URL pattern without an entry in MATRIX fails ``test_every_url_pattern_has_a_rule``; a
view without the access decorator fails ``test_every_view_is_guarded``.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sakip.web.plans.models import ANNUAL, Actual, AgreementVersion, Indicator
from sakip.web.workflow.models import AuditEntry, Evidence
from tests.web.world import PERSONAS, YEAR

READERS = {"admin", "inspector", "operator_a", "head_a"}
EVERYONE = set(PERSONAS)
ADMIN = {"admin"}
EDITORS = {"operator_a"}
REVIEWERS = {"admin", "inspector"}
NOBODY: set[str] = set()

# pattern name: (personas allowed to GET it, personas allowed to POST to it or None for no POST)
MATRIX: dict[str, tuple[set[str], set[str] | None]] = {
    "home": (EVERYONE, None),
    "login": (EVERYONE, None),
    "logout": (NOBODY, None),  # POST only
    "public_list": (EVERYONE, None),
    "health": (EVERYONE, None),
    "set_language": (EVERYONE, None),  # POST: anyone, tested in test_web_i18n
    # issue 17: own password, reset by e-mail (sakip/web/accounts/passwords.py)
    "password_change": (EVERYONE - {"anonymous"}, EVERYONE - {"anonymous"}),
    "password_change_done": (EVERYONE - {"anonymous"}, None),
    "password_reset": (EVERYONE, EVERYONE),
    "password_reset_done": (EVERYONE, None),
    "password_reset_confirm": (EVERYONE, EVERYONE),  # an invalid link: the page says so
    "password_reset_complete": (EVERYONE, None),
    "public_dashboard": (READERS, None),  # unpublished: members of the region who may read A
    "public_report": (READERS, None),
    "region_dashboard": (REVIEWERS, None),
    "region_agencies": (ADMIN, ADMIN),
    "region_users": (ADMIN, ADMIN),
    "region_user_edit": (ADMIN, ADMIN),
    "region_scales": (ADMIN, None),
    "region_scale_edit": (ADMIN, ADMIN),
    "region_history": (ADMIN, None),
    "region_integrity": (ADMIN, None),
    "region_history_csv": (ADMIN, None),
    "region_history_xlsx": (ADMIN, None),
    "agency_home": (READERS, None),
    "agency_settings": (ADMIN, ADMIN),
    "agency_dashboard": (READERS, None),
    "targets": (READERS, EDITORS),
    "actuals": (READERS, EDITORS),
    "actual_detail": (READERS, EDITORS),
    "entry_workbook": (READERS, EDITORS),
    "entry_workbook_download": (READERS, None),
    "evidence_list": (READERS, EDITORS),
    "evidence_file": (READERS, None),
    "evidence_delete": (EDITORS, EDITORS),
    "evidence_links": (EDITORS, EDITORS),
    "budgets": (READERS, EDITORS),
    "spending": (READERS, EDITORS),
    "structure": (READERS, None),
    "structure_create": (EDITORS, EDITORS),
    "structure_edit": (READERS, EDITORS),
    "structure_delete": (EDITORS, EDITORS),
    "agency_profile": (READERS, EDITORS),
    "agreements": (READERS, EDITORS),
    "agreement_edit": (READERS, EDITORS),
    "tables": (READERS, EDITORS),
    "table_edit": (READERS, EDITORS),
    "narratives": (READERS, EDITORS),
    "workflow": (READERS, None),
    "workflow_step": (NOBODY, {"operator_a", "head_a"}),  # "ajukan": submit
    "history": (READERS, None),
    "versions": (READERS, None),
    "history_csv": (READERS, None),
    "history_xlsx": (READERS, None),
    "review": (READERS, {"inspector"}),
    "review_paper": (READERS, None),
    "exchange": (READERS, None),
    "plan_file": (READERS, None),
    "workbook_export": (READERS, None),
    "workbook_import": (EDITORS, EDITORS),
    "sipd_import": (EDITORS, EDITORS),
    "report": (READERS, None),
    "form_download": (READERS, None),
    "periods": (READERS, None),
    "period_entry": (READERS, EDITORS),
    "period_evidence": (READERS, EDITORS),  # GET: back to the period's page
    "region_windows": (ADMIN, ADMIN),
    "region_late": (REVIEWERS, None),
    "tasks": (EVERYONE - {"anonymous"}, EVERYONE - {"anonymous"}),
    # issue 13: planning (sakip/web/planning)
    "planning": (READERS, None),
    "planning_tree": (READERS, None),
    "planning_tree_download": (READERS, None),
    "planning_agreements": (READERS, None),
    "planning_agreement_download": (READERS, None),
    "region_rpjmd": (EVERYONE - {"anonymous"}, None),  # the user's own region's RPJMD
    "region_rpjmd_upload": (ADMIN, ADMIN),
    "planning_logic": (READERS, None),
    "planning_definitions": (READERS, None),
    "planning_renstra": (READERS, None),
    "planning_sources": (READERS, None),
    "region_logic": (REVIEWERS, None),
    # issue 14: the yearly evaluation (sakip/web/evaluation)
    "lke": (READERS, {"operator_a", "head_a", "inspector"}),  # the party of the current stage
    "lke_step": (READERS, {"operator_a", "head_a"}),  # "kirim": the agency's; GET: the page
    "region_lke": (REVIEWERS, None),
    "lke_download": (READERS, None),
    # issue 16: open data (sakip/web/opendata): public; a year not published is 404 for everyone
    "opendata": (EVERYONE, None),
    "opendata_region_json": (EVERYONE, None),
    "opendata_region_csv": (EVERYONE, None),
    "opendata_json": (EVERYONE, None),
    "opendata_csv": (EVERYONE, None),
    "opendata_budget_csv": (EVERYONE, None),
    # issue 16: the API's token page (the API's endpoints: tests/web/test_api_access.py)
    "api_tokens": (EVERYONE - {"anonymous"}, EVERYONE - {"anonymous"}),
    # issue 18: the region entry workbook (all agencies at once)
    "region_workbook": (ADMIN, ADMIN),
    "region_workbook_download": (ADMIN, None),
    "region_report": (REVIEWERS, None),  # the LKjIP Pemda
}


def patterns(resolvers=None, prefix=""):
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "api":
            continue  # the REST API answers with problem details: tests/web/test_api_access.py
        if isinstance(entry, URLResolver):
            yield from patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry


def test_every_url_pattern_has_a_rule():
    names = {p.name for p in patterns()}
    assert None not in names, "every URL pattern is named"
    assert names == set(MATRIX), f"missing: {names - set(MATRIX)}, stale: {set(MATRIX) - names}"


def test_every_view_is_guarded():
    for pattern in patterns():
        view = pattern.callback
        assert hasattr(view, "access"), f"{pattern.name}: not wrapped by requires() or public()"


@pytest.fixture
def kwargs(world, django_user_model):
    a = world.a
    iku = Indicator.objects.get(agency=a, code="IKU-02")
    actual = Actual.objects.get(indicator=iku, year=YEAR, period=ANNUAL, month=ANNUAL)
    evidence = Evidence(actual=actual, name="bukti.pdf", kind="pdf", size=9)
    evidence.file.save("bukti.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    agency_year = {"agency": a.pk, "year": YEAR}
    return {
        "public_dashboard": agency_year, "public_report": {**agency_year, "fmt": "html"},
        "region_dashboard": {"year": YEAR},
        "region_user_edit": {"user": django_user_model.objects.get(username="operator_b").pk},
        "region_scale_edit": {"scale": a.region.scales.first().pk},
        "agency_home": {"agency": a.pk}, "agency_settings": {"agency": a.pk},
        "actual_detail": {**agency_year, "indicator": iku.pk},
        "evidence_file": {**agency_year, "evidence": evidence.pk},
        "evidence_delete": {**agency_year, "evidence": evidence.pk},
        "evidence_links": {**agency_year, "evidence": evidence.pk},
        "structure_create": {**agency_year, "kind": "indikator"},
        "structure_edit": {**agency_year, "kind": "indikator", "pk": iku.pk},
        "structure_delete": {**agency_year, "kind": "indikator", "pk": iku.pk},
        "agreement_edit": {**agency_year,
                           "version": AgreementVersion.objects.filter(agency=a, year=YEAR).first().pk},
        "table_edit": {**agency_year, "table": a.tables.first().pk},
        "workflow_step": {**agency_year, "step": "ajukan"},
        "report": {**agency_year, "fmt": "html"},
        "form_download": {**agency_year, "form": "e81", "quarter": 0, "fmt": "xlsx"},
        "review_paper": {**agency_year, "which": "xlsx"},
        "period_entry": {**agency_year, "period": "tw1"},
        "period_evidence": {**agency_year, "period": "tw1", "indicator": iku.pk},
        "region_windows": {"year": YEAR}, "region_late": {"year": YEAR},
        "planning_tree_download": {**agency_year, "fmt": "svg"},
        "planning_sources": {**agency_year, "what": "IKU-02"},
        "region_logic": {"year": YEAR},
        "region_workbook": {"year": YEAR}, "region_workbook_download": {"year": YEAR},
        "region_report": {"year": YEAR, "fmt": "html"},
        "planning_agreement_download": {**agency_year, "unit": "kepala", "fmt": "xlsx"},
        "lke_step": {**agency_year, "step": "kirim"}, "region_lke": {"year": YEAR},
        "lke_download": {**agency_year, "fmt": "xlsx"},
        "password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "opendata_region_json": {"region": "kabupaten-belitung"},
        "opendata_region_csv": {"region": "kabupaten-belitung"},
        **{name: {"region": "kabupaten-belitung", "agency_code": a.code, "year": YEAR}
           for name in ("opendata_json", "opendata_csv", "opendata_budget_csv")},
    }, agency_year


def url_of(name, kwargs):
    specific, agency_year = kwargs
    args = specific.get(name)
    if args is None:
        try:
            return reverse(name)
        except Exception:
            args = agency_year
    return reverse(name, kwargs=args)


def refused(response, persona):
    if persona == "anonymous":
        return response.status_code == 302 and "/masuk/" in response["Location"]
    return response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_reading_a_page_is_allowed_exactly_to_its_personas(world, kwargs, name, persona):
    response = world.client(persona).get(url_of(name, kwargs))
    if name in ("logout", "workflow_step"):
        assert response.status_code == 405
        return
    allowed = persona in MATRIX[name][0]
    if allowed:
        assert not refused(response, persona), (name, persona, response.status_code)
        assert response.status_code < 500
    else:
        assert refused(response, persona), (name, persona, response.status_code)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(n for n, (_, post) in MATRIX.items() if post is not None))
def test_writing_is_refused_to_everyone_else_and_changes_nothing(world, kwargs, name, persona):
    if persona in MATRIX[name][1]:
        return  # what an allowed persona's write does is tested where the page is tested
    before = AuditEntry.objects.count()
    response = world.client(persona).post(url_of(name, kwargs), {"alasan": "x"})
    assert refused(response, persona), (name, persona, response.status_code)
    assert AuditEntry.objects.count() == before


def test_another_agencys_operator_reads_nothing_of_agency_a(world):
    client = world.client("operator_b")
    for name in ("agency_dashboard", "actuals", "targets", "budgets", "history", "plan_file"):
        response = client.get(reverse(name, kwargs={"agency": world.a.pk, "year": YEAR}))
        assert response.status_code == 403, name
        assert b"IKU-02" not in response.content


def test_the_operator_of_agency_b_may_edit_agency_b(world):
    client = world.client("operator_b")
    response = client.get(reverse("actuals", kwargs={"agency": world.b.pk, "year": YEAR}))
    assert response.status_code == 200
    assert b'name="a-' in response.content and b"disabled" not in response.content.split(b"<tbody>")[1][:2000]
