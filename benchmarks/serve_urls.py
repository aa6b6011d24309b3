"""The application's URLs plus ``/bare/``: a view that returns a few bytes, the floor of
benchmarks/bench_serve.py."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from sakip.web.urls import urlpatterns as application


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bare/", bare), *application]
