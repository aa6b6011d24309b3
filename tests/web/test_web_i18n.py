"""The web application in Indonesian (the default) and English (docs/web.md, "Bahasa").

The catalogue is sakip/web/locale/en/LC_MESSAGES/django.po; its .mo is committed and compiled
with Babel (python -m sakip.web.locale.compile), so these tests guard that both are current.
"""

from __future__ import annotations

import io

import pytest
from babel.messages.mofile import read_mo
from django.urls import reverse
from django.utils import translation

from sakip.web.locale import compile as catalogue
from tests.web.language import english
from tests.web.world import YEAR


def test_every_msgid_of_the_templates_and_views_has_an_english_translation():
    po = catalogue.read("en")
    missing = [str(m) for m, _, where in (*catalogue.template_messages(),
                                          *catalogue.python_messages())
               if not po.get(m if isinstance(m, str) else m[0]) or not po.get(
                   m if isinstance(m, str) else m[0]).string]
    assert missing == [], f"run python -m sakip.web.locale.compile and translate: {missing}"
    assert catalogue.untranslated(po) == []


def test_the_po_lists_exactly_the_msgids_of_the_sources():
    current = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalogue.read("en") if m.id}
    wanted = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalogue.extracted() if m.id}
    assert current == wanted, "run python -m sakip.web.locale.compile"


def test_the_committed_mo_is_compiled_from_the_po():
    path = catalogue.po_path("en").with_suffix(".mo")
    committed = read_mo(io.BytesIO(path.read_bytes()))
    fresh = read_mo(io.BytesIO(catalogue.mo_bytes(catalogue.read("en"))))
    as_dict = lambda catalog: {(str(m.id), m.context): m.string for m in catalog if m.id}  # noqa: E731
    assert as_dict(committed) == as_dict(fresh), "run python -m sakip.web.locale.compile"


def test_no_translate_tag_holds_a_percent_sign():
    # {% translate "x %" %} is looked up as "x %" but extracted as "x %%": keep % outside the tag
    import re

    for path in (catalogue.WEB / "templates").rglob("*.html"):
        for text in re.findall(r'{%\s*translate\s+"([^"]*)"', path.read_text()):
            assert "%" not in text, (path.name, text)


def test_indonesian_is_the_default(world, head_a):
    response = head_a.get(reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR}))
    text = response.content.decode()
    assert f"Capaian kinerja {YEAR}" in text and '<html lang="id">' in text
    assert "Rata-rata capaian IKU" in text and "English" in text  # the switch offers English


@pytest.mark.parametrize("how", ["cookie", "switch"])
def test_english_by_the_cookie_or_by_the_switch(world, head_a, how):
    url = reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})
    if how == "cookie":
        response = english(head_a).get(url)
    else:
        switched = head_a.post(reverse("set_language"), {"language": "en", "next": url})
        assert switched.status_code == 302 and switched["Location"] == url
        response = head_a.get(url)
    text = response.content.decode()
    assert f"Performance achievement {YEAR}" in text and '<html lang="en">' in text
    assert "Average IKU achievement" in text and "Dashboard" in text and "Workflow" in text
    assert "Capaian kinerja" not in text and "Bahasa Indonesia" in text
    assert "Budget absorption by programme" in text


def test_english_workflow_state_buttons_and_messages(world, operator_a):
    operator_a.post(reverse("set_language"), {"language": "en"})
    url = reverse("workflow", kwargs={"agency": world.a.pk, "year": YEAR})
    text = operator_a.get(url).content.decode()
    assert f"Data workflow {YEAR}" in text and "Submit for verification" in text
    response = operator_a.post(reverse("workflow_step", kwargs={"agency": world.a.pk, "year": YEAR,
                                                                 "step": "ajukan"}), follow=True)
    text = response.content.decode()
    assert "Status updated." in text and "Submitted" in text


def test_numbers_keep_the_indonesian_format_in_english(world, head_a):
    url = reverse("budgets", kwargs={"agency": world.a.pk, "year": YEAR})
    text = english(head_a).get(url).content.decode()
    assert "Activity budgets" in text and "5.054.687.243" in text  # the hint's example, and Rp figures


def test_the_audit_trail_stays_indonesian_when_the_user_works_in_english(world, operator_a):
    from sakip.web.workflow.models import AuditEntry

    operator_a.post(reverse("set_language"), {"language": "en"})
    operator_a.post(reverse("workflow_step", kwargs={"agency": world.a.pk, "year": YEAR,
                                                     "step": "ajukan"}))
    entry = AuditEntry.objects.filter(agency=world.a, field="state").first()
    assert entry is not None and entry.new == "Diajukan" and entry.label.startswith("Status data")


def test_gettext_of_a_choice_label_follows_the_active_language():
    from sakip.web.workflow.models import State

    with translation.override("en"):
        assert str(State.APPROVED.label) == "Approved (locked)"
    with translation.override("id"):
        assert str(State.APPROVED.label) == "Disetujui (terkunci)"
