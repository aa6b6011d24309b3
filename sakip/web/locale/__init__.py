"""Translations of the web application (LOCALE_PATHS). The msgids are Indonesian, the source
language; ``en/LC_MESSAGES/django.po`` holds the English. See :mod:`sakip.web.locale.compile`."""
