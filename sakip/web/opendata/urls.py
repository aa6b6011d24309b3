"""The open-data addresses (docs/opendata.md), included under ``publik/data/``."""

from __future__ import annotations

from django.urls import path

from sakip.web.opendata import views

urlpatterns = [
    path("", views.index_page, name="opendata"),
    path("<slug:region>/index.json", views.region_json, name="opendata_region_json"),
    path("<slug:region>/index.csv", views.region_csv, name="opendata_region_csv"),
    path("<slug:region>/<slug:agency_code>/<int:year>.json", views.agency_year_json,
         name="opendata_json"),
    path("<slug:region>/<slug:agency_code>/<int:year>.csv", views.agency_year_csv,
         name="opendata_csv"),
    path("<slug:region>/<slug:agency_code>/<int:year>-anggaran.csv",
         views.agency_year_budget_csv, name="opendata_budget_csv"),
]
