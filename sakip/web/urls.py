"""Every page of the web application. Each view is guarded by sakip.web.access (a test walks
this list with every persona)."""

from __future__ import annotations

from django.urls import include, path

from sakip.web import health
from sakip.web.accounts import manage, passwords
from sakip.web.accounts import views as accounts
from sakip.web.api import pages as api_pages
from sakip.web.api import urls as api_urls
from sakip.web.dashboards import region as region_dashboards
from sakip.web.dashboards import views as dashboards
from sakip.web.entry import budgets, documents, evidence, grids, structure
from sakip.web.entry import entry_workbook as entry_excel
from sakip.web.evaluation import downloads as lke_downloads
from sakip.web.evaluation import views as evaluation
from sakip.web.exchange import forms as form_downloads
from sakip.web.exchange import views as exchange
from sakip.web.monitoring import entry as monitoring
from sakip.web.monitoring import views as monitoring_views
from sakip.web.opendata import urls as opendata
from sakip.web.planning import urls as planning
from sakip.web.region import pemda as region_pemda
from sakip.web.region import workbook as region_workbook
from sakip.web.workflow import history, versions
from sakip.web.workflow import views as workflow

agency_year = [
    path("", dashboards.agency_dashboard, name="agency_dashboard"),
    path("target/", grids.targets, name="targets"),
    path("realisasi/", grids.actuals, name="actuals"),
    path("realisasi/<int:indicator>/", grids.actual_detail, name="actual_detail"),
    path("isian-excel/", entry_excel.page, name="entry_workbook"),
    path("isian-excel/unduh.xlsx", entry_excel.download, name="entry_workbook_download"),
    path("bukti/", evidence.evidence_list, name="evidence_list"),
    path("bukti/<int:evidence>/", evidence.download, name="evidence_file"),
    path("bukti/<int:evidence>/hapus/", evidence.delete, name="evidence_delete"),
    path("bukti/<int:evidence>/indikator/", evidence.links, name="evidence_links"),
    path("anggaran/", budgets.budgets, name="budgets"),
    path("belanja/", budgets.spending, name="spending"),
    path("rencana/", structure.overview, name="structure"),
    path("rencana/<slug:kind>/baru/", structure.create, name="structure_create"),
    path("rencana/<slug:kind>/<int:pk>/", structure.edit, name="structure_edit"),
    path("rencana/<slug:kind>/<int:pk>/hapus/", structure.delete, name="structure_delete"),
    path("profil/", structure.profile, name="agency_profile"),
    path("pk/", documents.agreements, name="agreements"),
    path("pk/<int:version>/", documents.agreement_edit, name="agreement_edit"),
    path("data-dukung/", documents.tables, name="tables"),
    path("data-dukung/<int:table>/", documents.table_edit, name="table_edit"),
    path("narasi/", documents.narratives, name="narratives"),
    path("alur/", workflow.overview, name="workflow"),
    path("alur/<slug:step>/", workflow.take_step, name="workflow_step"),
    path("riwayat/", history.history, name="history"),
    path("riwayat.csv", history.history_csv, name="history_csv"),
    path("riwayat.xlsx", history.history_xlsx, name="history_xlsx"),
    path("versi/", versions.versions, name="versions"),
    path("reviu/", workflow.review, name="review"),
    path("reviu/<slug:which>/", exchange.review_paper, name="review_paper"),
    path("pertukaran/", exchange.overview, name="exchange"),
    path("unduh/rencana.yaml", exchange.plan_file, name="plan_file"),
    path("unduh/workbook.xlsx", exchange.workbook_export, name="workbook_export"),
    path("impor/", exchange.workbook_import, name="workbook_import"),
    path("impor-sipd/", exchange.sipd_import, name="sipd_import"),
    path("laporan.<slug:fmt>", exchange.report, name="report"),
    path("formulir/<slug:form>-<int:quarter>.<slug:fmt>", form_downloads.download,
         name="form_download"),
    path("periode/", monitoring.periods, name="periods"),
    path("periode/<slug:period>/", monitoring.period_entry, name="period_entry"),
    path("periode/<slug:period>/bukti/<int:indicator>/", monitoring.period_evidence,
         name="period_evidence"),
    path("lke/", evaluation.page, name="lke"),
    path("lke/<slug:step>/", evaluation.take_step, name="lke_step"),
    path("lke/unduh.<slug:fmt>", lke_downloads.download, name="lke_download"),
    *planning.agency_year,
]

urlpatterns = [
    path("", accounts.home, name="home"),
    path("masuk/", accounts.login, name="login"),
    path("keluar/", accounts.logout, name="logout"),
    path("bahasa/", accounts.set_language, name="set_language"),
    path("health/", health.health, name="health"),
    path("akun/kata-sandi/", passwords.password_change, name="password_change"),
    path("akun/kata-sandi/selesai/", passwords.password_change_done, name="password_change_done"),
    path("lupa-sandi/", passwords.password_reset, name="password_reset"),
    path("lupa-sandi/terkirim/", passwords.password_reset_done, name="password_reset_done"),
    path("lupa-sandi/selesai/", passwords.password_reset_complete, name="password_reset_complete"),
    path("lupa-sandi/<uidb64>/<token>/", passwords.password_reset_confirm,
         name="password_reset_confirm"),
    path("akun/token-api/", api_pages.token_page, name="api_tokens"),
    path("api/v1/", api_urls.urls),
    path("publik/", accounts.public_list, name="public_list"),
    path("publik/<int:agency>/<int:year>/", dashboards.public_dashboard, name="public_dashboard"),
    path("publik/<int:agency>/<int:year>/laporan.<slug:fmt>", exchange.public_report,
         name="public_report"),
    path("publik/data/", include(opendata)),
    path("wilayah/<int:year>/", region_dashboards.region_dashboard, name="region_dashboard"),
    path("wilayah/<int:year>/isian-excel/", region_workbook.page, name="region_workbook"),
    path("wilayah/<int:year>/lkjip-pemda.<slug:fmt>", region_pemda.report, name="region_report"),
    path("wilayah/<int:year>/isian-excel/unduh.xlsx", region_workbook.download,
         name="region_workbook_download"),
    path("wilayah/perangkat-daerah/", manage.agencies, name="region_agencies"),
    path("wilayah/pengguna/", manage.users, name="region_users"),
    path("wilayah/pengguna/<int:user>/", manage.user_edit, name="region_user_edit"),
    path("wilayah/skala/", manage.scales, name="region_scales"),
    path("wilayah/keutuhan/", versions.integrity, name="region_integrity"),
    path("wilayah/skala/<int:scale>/", manage.scale_edit, name="region_scale_edit"),
    path("wilayah/riwayat/", history.region_history, name="region_history"),
    path("wilayah/riwayat.csv", history.region_history_csv, name="region_history_csv"),
    path("wilayah/riwayat.xlsx", history.region_history_xlsx, name="region_history_xlsx"),
    path("wilayah/jadwal/<int:year>/", monitoring_views.windows_page, name="region_windows"),
    path("wilayah/keterlambatan/<int:year>/", monitoring_views.late_page, name="region_late"),
    path("tugas/", monitoring_views.tasks, name="tasks"),
    path("wilayah/lke/<int:year>/", evaluation.region_page, name="region_lke"),
    path("wilayah/", include(planning.region)),
    path("opd/<int:agency>/", dashboards.agency_home, name="agency_home"),
    path("opd/<int:agency>/pengaturan/", manage.agency_settings, name="agency_settings"),
    path("opd/<int:agency>/<int:year>/", include(agency_year)),
]

handler404 = "sakip.web.errors.not_found"
handler500 = "sakip.web.errors.server_error"
