from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sakip.web.accounts"
    label = "accounts"
    verbose_name = "Akun"
