"""``python -m sakip.web COMMAND``: Django's management commands (migrate, createsuperuser …)."""

import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.web.settings")
execute_from_command_line([f"{sys.executable} -m sakip.web", *sys.argv[1:]])
