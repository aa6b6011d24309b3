from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "sakip.web.dashboards"
    label = "dashboards"
    verbose_name = "Dasbor"
