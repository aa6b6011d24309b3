"""A user's role in a region (and agency), and login attempts for throttling."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip.web.plans.models import Agency, Region
from sakip.web.plans.models.choices import choices

Role = choices("Role", [
    ("ADMIN", "admin", _("Admin Pemda")),
    ("OPERATOR", "operator", _("Operator OPD")),
    ("HEAD", "head", _("Kepala OPD")),
    ("INSPECTOR", "inspector", _("Inspektorat")),
])


AGENCY_ROLES = (Role.OPERATOR, Role.HEAD)


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="membership")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="members")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="members")
    role = models.CharField("peran", max_length=10, choices=Role.choices)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(role__in=[r.value for r in AGENCY_ROLES], agency__isnull=False)
                           | (~models.Q(role__in=[r.value for r in AGENCY_ROLES])
                              & models.Q(agency__isnull=True))),
                name="agency_role_has_agency"),
        ]

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


class LoginAttempt(models.Model):
    username = models.CharField(max_length=150, db_index=True)
    address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    success = models.BooleanField(default=False)


class LanguagePreference(models.Model):
    """The language a user chose with the switch in the page header (docs/web.md, "Bahasa"):
    kept per account, so it follows the user to another browser; anonymous visitors keep theirs
    in the language cookie. Without a choice the site is Indonesian."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="language_preference")
    language = models.CharField(max_length=10)
