from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "sakip.web.exchange"
    label = "exchange"
    verbose_name = "Impor, ekspor, laporan"
