"""``python -m sakip.web COMMAND``: Django's management commands (migrate, createsuperuser …);
``notify-deadlines`` is ``notify_deadlines`` (docs/monitoring.md)."""

import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.web.settings")
ALIASES = {"notify-deadlines": "notify_deadlines"}
arguments = [ALIASES.get(argument, argument) if index == 0 else argument
             for index, argument in enumerate(sys.argv[1:])]
execute_from_command_line([f"{sys.executable} -m sakip.web", *arguments])
