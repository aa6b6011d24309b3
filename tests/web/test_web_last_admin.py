"""A region always keeps an active admin: its last one cannot be deactivated or lose the role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sakip.web.accounts.models import Membership, Role
from sakip.web.workflow.models import AuditEntry


def edit(client, user, **changes):  # type: ignore[no-untyped-def]
    member = Membership.objects.get(user=user)
    data = {"username": user.username, "full_name": user.first_name, "role": member.role,
            "agency": member.agency_id or "", "password": "", "active": "on"}
    data.update(changes)
    if data["active"] is None:
        del data["active"]
    return client.post(reverse("region_user_edit", kwargs={"user": user.pk}), data)


@pytest.mark.parametrize("change", [{"active": None}, {"role": Role.INSPECTOR.value},
                                    {"role": Role.OPERATOR.value, "agency": "a"}])
def test_the_last_active_admin_cannot_leave_the_region_without_one(world, admin,
                                                                   django_user_model, change):
    me = django_user_model.objects.get(username="admin")
    if change.get("agency") == "a":
        change = {**change, "agency": world.a.pk}
    before = AuditEntry.objects.count()
    response = edit(admin, me, **change)
    assert response.status_code == 400
    assert "satu-satunya Admin Pemda yang aktif" in response.content.decode()
    me.refresh_from_db()
    assert me.is_active and Membership.objects.get(user=me).role == Role.ADMIN
    assert AuditEntry.objects.count() == before


def test_the_message_is_translated(world, admin, django_user_model):
    me = django_user_model.objects.get(username="admin")
    admin.cookies["django_language"] = "en"
    response = edit(admin, me, active=None)
    assert response.status_code == 400 and "only active admin" in response.content.decode()


def test_with_another_active_admin_an_admin_may_step_down(world, admin, django_user_model):
    other = django_user_model.objects.get(username="inspector")
    Membership.objects.filter(user=other).update(role=Role.ADMIN)
    me = django_user_model.objects.get(username="admin")
    assert edit(admin, me, active=None).status_code == 302
    me.refresh_from_db()
    assert not me.is_active


def test_an_inactive_second_admin_does_not_count(world, admin, django_user_model):
    other = django_user_model.objects.get(username="inspector")
    Membership.objects.filter(user=other).update(role=Role.ADMIN)
    django_user_model.objects.filter(pk=other.pk).update(is_active=False)
    me = django_user_model.objects.get(username="admin")
    assert edit(admin, me, role=Role.INSPECTOR.value).status_code == 400


def test_an_admin_still_edits_their_own_name_and_password(world, admin, django_user_model):
    me = django_user_model.objects.get(username="admin")
    assert edit(admin, me, full_name="Admin Baru").status_code == 302
    me.refresh_from_db()
    assert me.first_name == "Admin Baru" and me.is_active
