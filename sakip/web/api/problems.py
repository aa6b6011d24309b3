"""Errors as RFC 9457 problem details (``application/problem+json``): ``type``, ``title``,
``status``, ``detail``, and ``problems`` — each ``{code, message, location}`` with the same
stable codes as the command line and the pages (:class:`sakip.io.problems.Problem`).

``title``, ``detail`` and the messages are Indonesian, or English when the request asks for it
(``Accept-Language: en``); the codes never change with the language.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse

from sakip.io.problems import Problem
from sakip.web.labels import language

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "urn:sakip:problem:"  # + the code: a stable identifier, documented in docs/api.md

log = logging.getLogger("sakip.web.api")

# status → (Indonesian title, English title)
TITLES: dict[int, tuple[str, str]] = {
    400: ("Permintaan tidak dapat dibaca", "Bad request"),
    401: ("Perlu token yang sah", "A valid token is required"),
    403: ("Tidak diizinkan", "Forbidden"),
    404: ("Tidak ditemukan", "Not found"),
    405: ("Metode tidak diizinkan", "Method not allowed"),
    409: ("Bertentangan dengan keadaan data", "Conflict with the data's state"),
    422: ("Isian ditolak", "Input refused"),
    500: ("Kesalahan server", "Server error"),
    503: ("Belum tersedia di server ini", "Not available on this server"),
}


def english() -> bool:
    return language() == "en"


class ApiError(Exception):
    """An answer other than success: raised anywhere in an endpoint, rendered by :func:`render`."""

    def __init__(self, status: int, code: str, detail_id: str, detail_en: str, *,
                 problems: Iterable[Problem] = (), extra: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(f"{status} {code}: {detail_en}")
        self.status = status
        self.code = code
        self.detail_id = detail_id
        self.detail_en = detail_en
        self.problems = list(problems)
        self.extra = extra or {}
        self.headers = headers or {}


def location(problem: Problem) -> str | None:
    return problem.where_in("en" if english() else "id") or None


def problem_item(problem: Problem) -> dict[str, Any]:
    return {"code": problem.code,
            "message": problem.message_en if english() else problem.message_id,
            "location": location(problem)}


def body(error: ApiError) -> dict[str, Any]:
    title_id, title_en = TITLES.get(error.status, ("Galat", "Error"))
    items = [problem_item(p) for p in error.problems] or [{
        "code": error.code, "message": error.detail_en if english() else error.detail_id,
        "location": None}]
    return {"type": TYPE_BASE + error.code,
            "title": title_en if english() else title_id, "status": error.status,
            "detail": error.detail_en if english() else error.detail_id,
            "code": error.code, "problems": items, **error.extra}


def render(error: ApiError) -> HttpResponse:
    response = HttpResponse(json.dumps(body(error), ensure_ascii=False, default=str),
                            status=error.status, content_type=CONTENT_TYPE)
    for name, value in error.headers.items():
        response[name] = value
    return response


def unauthorized() -> ApiError:
    return ApiError(401, "API_TOKEN_REQUIRED",
                    "Kirim token API yang sah: Authorization: Bearer <token>",
                    "Send a valid API token: Authorization: Bearer <token>",
                    headers={"WWW-Authenticate": 'Bearer realm="sakip"'})


def invalid_token() -> ApiError:
    return ApiError(401, "API_TOKEN_INVALID",
                    "token API tidak dikenal, sudah dicabut, atau penggunanya nonaktif",
                    "the API token is unknown, revoked, or its user is inactive",
                    headers={"WWW-Authenticate": 'Bearer realm="sakip", error="invalid_token"'})


def forbidden() -> ApiError:
    return ApiError(403, "API_FORBIDDEN", "peran Anda tidak mengizinkan ini",
                    "your role does not allow this")


def not_found(what_id: str, what_en: str) -> ApiError:
    return ApiError(404, "API_NOT_FOUND", f"{what_id} tidak ditemukan", f"{what_en} not found")


def validation(errors: list[dict[str, Any]]) -> ApiError:
    """Ninja's request validation errors (pydantic's list) as located problems."""
    problems = []
    for error in errors[:100]:
        where = ".".join(str(part) for part in error.get("loc", ()))
        message = str(error.get("msg", ""))
        problems.append(Problem("API_INVALID_INPUT", f"isian tidak sah: {message}",
                                f"invalid input: {message}", path=where or None))
    return ApiError(422, "API_INVALID_INPUT", "isian permintaan tidak sah",
                    "the request's input is invalid", problems=problems)


def server_error(request: HttpRequest, error: Exception) -> ApiError:
    log.exception("API error on %s %s", request.method, request.path, exc_info=error)
    return ApiError(500, "API_SERVER_ERROR",
                    "kesalahan di server; sudah dicatat. Coba lagi atau laporkan.",
                    "a server error; it was logged. Try again or report it.")
