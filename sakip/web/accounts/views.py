"""Signing in and out, the language switch, the home page, the list of published reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from sakip.web.access import membership, public
from sakip.web.accounts import language, throttle
from sakip.web.accounts.models import Role
from sakip.web.measuring import default_year
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy("Nama pengguna atau kata sandi salah."),
        "inactive": gettext_lazy("Akun ini tidak aktif."),
    }
    # Django's own field (stripped, NFKC-normalised): the throttle keys the name the same way
    username = UsernameField(label=gettext_lazy("Nama pengguna"), max_length=150,
                             widget=forms.TextInput(attrs={"autofocus": True,
                                                           "autocomplete": "username"}))
    password = forms.CharField(label=gettext_lazy("Kata sandi"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


@public
@never_cache
@csrf_protect
def login(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    form = LoginForm(request, data=request.POST or None)
    status, blocked = 200, ""
    if request.method == "POST":
        username = request.POST.get("username", "")
        if throttle.blocked(request, username):
            form = LoginForm(request)
            blocked = gettext("Terlalu banyak percobaan masuk yang gagal. Tunggu beberapa menit lalu "
                              "coba lagi.")
            status = 429
        elif form.is_valid():
            throttle.record(request, username, True)
            auth.login(request, form.get_user())
            return redirect(next_url or "home")
        else:
            throttle.record(request, username, False)
            status = 400
    return TemplateResponse(request, "accounts/login.html",
                            {"form": form, "next": next_url, "blocked": blocked}, status=status)


@public
def set_language(request: HttpRequest) -> HttpResponse:
    """The switch in the page header: Django's own view (a POST of ``language`` and ``next``
    sets the language cookie), and the choice kept for the signed-in user (docs/web.md)."""
    response = i18n.set_language(request)
    if request.method == "POST":
        language.remember(request, request.POST.get("language", ""))
    return response


@public
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return redirect("home")


@public
def home(request: HttpRequest) -> HttpResponse:
    member = membership(request.user)
    if member is not None and member.agency is not None:
        return redirect("agency_dashboard", agency=member.agency_id,
                        year=default_year(member.agency))
    if member is not None and member.role in (Role.ADMIN, Role.INSPECTOR):
        agencies = member.region.agencies.select_related("strategic_plan")
        years = [default_year(a) for a in agencies]
        return redirect("region_dashboard", year=max(years) if years else timezone.now().year)
    return redirect("public_list")


PUBLIC_PAGE_SIZE = 25


class PublicFilter(forms.Form):
    """The public list's search and filters (a GET form; every field optional)."""

    q = forms.CharField(label=gettext_lazy("Cari"), max_length=100, required=False,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": gettext_lazy(
                            "nama perangkat daerah atau pemerintah daerah")}))
    tahun = forms.TypedChoiceField(label=gettext_lazy("Tahun"), coerce=int, required=False,
                                   empty_value=None)
    opd = forms.ModelChoiceField(label=gettext_lazy("Perangkat daerah"), required=False,
                                 queryset=Agency.objects.none(),
                                 empty_label=gettext_lazy("semua perangkat daerah"))

    def __init__(self, *args: Any, published: QuerySet[AgencyYear], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        years = sorted(set(published.values_list("year", flat=True)), reverse=True)
        self.fields["tahun"].choices = [("", gettext("semua tahun")),  # type: ignore[attr-defined]
                                        *((y, str(y)) for y in years)]
        self.fields["opd"].queryset = (  # type: ignore[attr-defined]
            Agency.objects.filter(years__in=published).distinct().order_by("name"))

    def apply(self, published: QuerySet[AgencyYear]) -> QuerySet[AgencyYear]:
        if not self.is_valid():
            return published.none()
        data = self.cleaned_data
        if data.get("q"):
            words = data["q"].split()
            for word in words:
                published = published.filter(Q(agency__name__icontains=word)
                                             | Q(agency__short_name__icontains=word)
                                             | Q(agency__code__icontains=word)
                                             | Q(agency__region__name__icontains=word))
        if data.get("tahun") is not None:
            published = published.filter(year=data["tahun"])
        if data.get("opd") is not None:
            published = published.filter(agency=data["opd"])
        return published


@public
def public_list(request: HttpRequest) -> HttpResponse:
    """The published years, searchable and filtered by year and agency, 25 a page."""
    published = (AgencyYear.objects.filter(published=True)
                 .select_related("agency", "agency__region").order_by("-year", "agency__name"))
    form = PublicFilter(request.GET or None, published=published)
    found = form.apply(published) if form.is_bound else published
    page = Paginator(found, PUBLIC_PAGE_SIZE).get_page(request.GET.get("halaman"))
    return TemplateResponse(request, "accounts/public.html", {
        "published": page.object_list, "page": page, "form": form,
        "filtered": form.is_bound and any(form.data.get(n) for n in form.fields),
        "any_published": published.exists()},
        status=400 if form.errors else 200)
