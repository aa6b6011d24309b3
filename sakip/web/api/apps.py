from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sakip.web.api"
    label = "api"
    verbose_name = "API"
