from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "sakip.web.monitoring"
    label = "monitoring"
    verbose_name = "Pemantauan"
