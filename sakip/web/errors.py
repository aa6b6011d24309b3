"""Error pages, in the language of the request."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    response = TemplateResponse(
        request, "errors/403.html",
        {"reason": gettext("Formulir kedaluwarsa atau tidak sah (CSRF). Muat ulang halaman lalu "
                           "coba lagi; tidak ada data yang diubah.")}, status=403)
    return response.render()


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return TemplateResponse(request, "errors/404.html", {}, status=404).render()


def server_error(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "errors/500.html", {}, status=500).render()
