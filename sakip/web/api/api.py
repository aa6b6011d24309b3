"""The API object: its routers, its authentication (auth.py), its errors as problem details
(problems.py), and its OpenAPI schema (served at /api/v1/openapi.json, browsable at /api/v1/docs).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from sakip.web.api import problems, reads, writes  # noqa: F401  (writes adds to reads.router)
from sakip.web.api.auth import AUTH
from sakip.web.api.problems import ApiError

DESCRIPTION = """The REST API of Sakip (docs/api.md). Send a personal token, made on the page
*Token API* (`/akun/token-api/`), as `Authorization: Bearer <token>`: the call acts with your roles,
under the same access rule as the pages. Without a token you read what the public pages show:
published years. Errors are RFC 9457 problem details with the same problem codes as the command
line. Decimals are strings ("12.5"). Messages are Indonesian; `Accept-Language: en` for English."""

PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "code", "problems"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "code": {"type": "string"},
        "problems": {"type": "array", "items": {
            "type": "object", "required": ["code", "message", "location"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                           "location": {"type": ["string", "null"]}}}},
    },
}
PROBLEM_STATUSES = {"400": "Bad request", "401": "No valid token (anonymous: not public)",
                    "403": "The access rule refuses it", "404": "No such agency, year or file",
                    "409": "Locked year, or a conflict with a newer revision",
                    "422": "Input refused, with located problems",
                    "503": "A format this server cannot produce"}


class Docs(Swagger):
    """Swagger UI from the application's own static files (ninja's, "ninja" being an installed
    app) and no inline script: the site's Content-Security-Policy allows only 'self'."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        return render(request, "api/docs.html", {"swagger_settings": json.dumps(self.settings),
                                                 "api": api})


class Api(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Ninja's schema, plus: a token is optional everywhere (``{}``: anonymous), and every
        refusal is documented as ``application/problem+json``."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                if "security" in operation and {} not in operation["security"]:
                    operation["security"].append({})
                responses = operation.setdefault("responses", {})
                for status, text in PROBLEM_STATUSES.items():
                    if status == "409" and method != "post":
                        continue
                    if status == "503" and "report" not in path:
                        continue
                    responses.setdefault(status, {"description": text, "content": {
                        problems.CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}})
        return schema


api = Api(title="Sakip API", version="1", description=DESCRIPTION, auth=AUTH,
          urls_namespace="api", docs_url="/docs", openapi_url="/openapi.json", docs=Docs())
api.add_router("", reads.router)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
    return problems.render(error)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return problems.render(problems.validation(list(error.errors)))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return problems.render(problems.unauthorized())


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problems.render(problems.not_found("alamat", "address"))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    status = error.status_code
    return problems.render(ApiError(status, "API_BAD_REQUEST" if status < 500 else "API_SERVER_ERROR",
                                    str(error.message), str(error.message)))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, error: Exception) -> HttpResponse:
    return problems.render(problems.server_error(request, error))
