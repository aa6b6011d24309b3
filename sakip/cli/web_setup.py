"""Starting Django for the commands that work on the web application's database (backup,
restore, serve): the settings from the environment (docs/web.md), a bad value reported as a
problem, never a traceback."""

from __future__ import annotations

import os

from sakip.io.problems import InputError, Problem


def start_django(data: str | None = None, *, signing: bool = True) -> None:
    """Set up Django for the data folder ``data`` (default SAKIP_DATA_DIR or ./.sakip).

    ``signing=False``: the command signs nothing (no session, no CSRF token), so a missing
    production secret key does not stop it.
    """
    if data is not None:
        if not os.path.isdir(data):
            raise InputError([Problem(
                "WEB_NO_DATA_FOLDER", f"folder data '{data}' tidak ada atau bukan folder",
                f"the data folder '{data}' does not exist or is not a folder")])
        os.environ["SAKIP_DATA_DIR"] = data
    if not signing:
        os.environ.setdefault("SAKIP_SECRET_KEY", "sakip-command-signs-nothing")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.web.settings")
    import django

    from sakip.web.config import ConfigError

    try:
        django.setup()
    except ConfigError as error:
        raise InputError([Problem(
            "WEB_CONFIG", f"pengaturan lingkungan tidak dapat dipakai: {error} (docs/web.md)",
            f"the environment's settings cannot be used: {error} (docs/web.md)")]) from None
