"""The page where a signed-in user creates and revokes their own API tokens. A new token's
secret is shown once, in the answer to the POST that made it; only its digest is kept."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from sakip.web.access import Action, requires
from sakip.web.api import tokens
from sakip.web.api.models import Token


@requires(Action.SIGNED_IN)
def token_page(request: HttpRequest) -> HttpResponse:
    secret = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("aksi", "")
        if action == "buat":
            name = (request.POST.get("nama") or "").strip()
            if not name or len(name) > 100:
                messages.error(request, gettext("Beri token nama (paling banyak 100 karakter)."))
                status = 400
            elif tokens.active_count(request.user) >= tokens.MAX_ACTIVE:
                messages.error(request, gettext("Sudah ada %(count)s token aktif; cabut yang tidak "
                                                "dipakai dahulu.") % {"count": tokens.MAX_ACTIVE})
                status = 400
            else:
                secret = tokens.create(request.user, name)[1]
                status = 201
        elif action == "cabut":
            raw = request.POST.get("token", "")
            if raw.isdigit() and len(raw) < 18 and tokens.revoke(request.user, int(raw)):
                messages.success(request, gettext("Token dicabut; aplikasi yang memakainya tidak "
                                                  "dapat masuk lagi."))
                return redirect("api_tokens")
            messages.error(request, gettext("Token tidak ditemukan atau sudah dicabut."))
            status = 400
        else:
            messages.error(request, gettext("Aksi tidak dikenal."))
            status = 400
    return TemplateResponse(request, "api/tokens.html", {
        "tokens": Token.objects.filter(user=request.user), "secret": secret,
        "api_docs": reverse("api:openapi-view"), "api_schema": reverse("api:openapi-json"),
        "max_active": tokens.MAX_ACTIVE,
    }, status=status)
