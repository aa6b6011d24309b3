from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "sakip.web.plans"
    label = "plans"
    verbose_name = "Rencana kinerja"
