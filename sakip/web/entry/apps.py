from django.apps import AppConfig


class EntryConfig(AppConfig):
    name = "sakip.web.entry"
    label = "entry"
    verbose_name = "Isian data"
