"""A user's own password: changing it when signed in, and resetting a forgotten one by e-mail
(Django's PasswordChangeView and PasswordReset* views with our templates; docs/web.md,
"Accounts"). The e-mail goes out through settings.EMAIL_BACKEND: SMTP when SAKIP_EMAIL_HOST is
set, else printed to the console (the demo). Each change is written to the audit trail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from sakip.web.access import Action, membership, public, requires
from sakip.web.accounts import throttle
from sakip.web.workflow.audit import Trail


def audit_password(user: Any, by: Any, how: str) -> None:
    """An audit entry for a password changed by its owner (``how``: "diganti", "diatur ulang")."""
    member = membership(user)
    if member is None:
        return
    trail = Trail(None, by, region=member.region)
    trail.change(f"pengguna:{user.username}", "Akun", "password", None, f"({how})")
    trail.save()


class ChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit_password(form.user, form.user, "diganti oleh pemilik akun")
        return response


class ResetView(auth_views.PasswordResetView):
    """Asks for the e-mail address; says the same whether or not an account has it."""

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.html"
    success_url = reverse_lazy("password_reset_done")
    form_class = PasswordResetForm

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"]
        if throttle.reset_blocked(self.request, email):
            form.add_error(None, _(
                "Terlalu banyak permintaan tautan atur ulang kata sandi. Coba lagi dalam "
                "%(minutes)s menit atau hubungi Admin Pemda.")
                % {"minutes": settings.LOGIN_WINDOW_MINUTES})
            return self.form_invalid(form)
        throttle.record_reset(self.request, email)
        return super().form_valid(form)

    @property
    def extra_email_context(self) -> dict[str, Any]:  # type: ignore[override]
        return {"site_url": settings.SITE_URL}  # SAKIP_SITE_URL, else the request's host


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit_password(form.user, form.user, "diatur ulang lewat surel")
        return response


password_change = requires(Action.SIGNED_IN)(ChangeView.as_view())
password_change_done = requires(Action.SIGNED_IN)(auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/password_change_done.html"))
password_reset = public(ResetView.as_view())
password_reset_done = public(auth_views.PasswordResetDoneView.as_view(
    template_name="registration/password_reset_done.html"))
password_reset_confirm = public(ResetConfirmView.as_view())
password_reset_complete = public(auth_views.PasswordResetCompleteView.as_view(
    template_name="registration/password_reset_complete.html"))
