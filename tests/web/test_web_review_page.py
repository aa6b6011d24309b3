"""The review page in words (the check's review step, not its code) and the agency's replies to
the inspectorate's notes (issue 17 point 6; docs/web.md, "Reviu")."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sakip.review import criteria
from sakip.web.access import Action, can
from sakip.web.workflow.models import AgencyYear, AuditEntry, ReviewNote, ReviewReply
from tests.web.world import YEAR


def _url(world, year: int = YEAR) -> str:
    return reverse("review", kwargs={"agency": world.a.pk, "year": year})


def _note(world, inspector, text: str = "Lengkapi bukti dukung IKU-02.") -> ReviewNote:
    assert inspector.post(_url(world), {"catatan": text}).status_code == 302
    return ReviewNote.objects.filter(agency_year__agency=world.a).latest("id")


def test_a_finding_says_what_was_checked_in_words_with_its_code_small(world, inspector):
    page = inspector.get(_url(world)).content.decode()
    row = re.search(r'<tr id="temuan-1".*?</tr>', page, re.S)[0]
    cell = re.search(r'<td class="check">(.*?)</td>', row, re.S)[1]
    code = re.search(r"<code[^>]*>([A-Z_]+)</code>", cell)[1]
    assert criteria.step_of(code).text.id in cell
    assert re.search(rf"<td>{code}</td>", page) is None  # no bare code as the check's name


def test_the_check_is_english_in_english(world, inspector):
    inspector.post(reverse("set_language"), {"language": "en"})
    page = inspector.get(_url(world)).content.decode()
    cell = re.search(r'<td class="check">(.*?)</td>', page, re.S)[1]
    code = re.search(r"<code[^>]*>([A-Z_]+)</code>", cell)[1]
    assert criteria.step_of(code).text.en in cell


@pytest.mark.parametrize("who", ["operator_a", "head_a"])
def test_the_agency_replies_to_a_note_and_the_reply_is_shown_under_it(world, inspector, who):
    users = get_user_model()
    users.objects.filter(username=who).update(first_name="Sri Wahyuni")
    note = _note(world, inspector)
    client = world.client(who)
    response = client.post(_url(world), {"aksi": "balas", "nomor": note.pk,
                                         "balasan": "  Bukti diunggah 3 Maret.  "})
    assert response.status_code == 302
    reply = ReviewReply.objects.get(note=note)
    assert reply.text == "Bukti diunggah 3 Maret." and reply.author.username == who
    page = inspector.get(_url(world)).content.decode()
    item = re.search(rf'<li id="catatan-{note.pk}">.*?</li>\s*</ul>', page, re.S)[0]
    assert "Bukti diunggah 3 Maret." in item and f"Sri Wahyuni ({who})" in item
    entry = AuditEntry.objects.get(key=f"reviu:{YEAR}:catatan:{note.pk}")
    assert entry.user.username == who and entry.new == "Bukti diunggah 3 Maret."
    assert entry.agency_id == world.a.pk and entry.year == YEAR


def test_the_reply_form_is_offered_to_the_agency_only(world, inspector, operator_a, admin):
    _note(world, inspector)
    assert 'name="balasan"' in operator_a.get(_url(world)).content.decode()
    assert 'name="balasan"' not in inspector.get(_url(world)).content.decode()
    assert 'name="balasan"' not in admin.get(_url(world)).content.decode()


@pytest.mark.parametrize("who", ["inspector", "admin", "operator_b"])
def test_others_may_not_reply(world, inspector, who):
    note = _note(world, inspector)
    response = world.client(who).post(_url(world), {"aksi": "balas", "nomor": note.pk,
                                                    "balasan": "x"})
    assert response.status_code == 403 and not ReviewReply.objects.exists()


def test_an_empty_or_foreign_reply_is_refused_with_a_message(world, inspector, operator_a):
    note = _note(world, inspector)
    empty = operator_a.post(_url(world), {"aksi": "balas", "nomor": note.pk, "balasan": "  "})
    assert empty.status_code == 400 and "Balasan tidak boleh kosong." in empty.content.decode()
    other_year = operator_a.post(_url(world, YEAR + 1), {"aksi": "balas", "nomor": note.pk,
                                                        "balasan": "x"})
    assert other_year.status_code == 404
    garbage = operator_a.post(_url(world), {"aksi": "balas", "nomor": "x", "balasan": "x"})
    assert garbage.status_code == 404 and not ReviewReply.objects.exists()


def test_the_agency_replies_after_approval_too(world, inspector, operator_a):
    note = _note(world, inspector)
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state="approved")
    state = AgencyYear.objects.get(agency=world.a, year=YEAR)
    operator = get_user_model().objects.get(username="operator_a")
    assert can(operator, Action.RESPOND, world.a, YEAR, state=state)
    assert operator_a.post(_url(world), {"aksi": "balas", "nomor": note.pk,
                                         "balasan": "Sudah."}).status_code == 302
