"""Django settings for the test suite: the application's own, with a test key and a fast
password hasher. SAKIP_DATABASE_URL selects PostgreSQL as it does in production."""

import os
import tempfile

os.environ.setdefault("SAKIP_SECRET_KEY", "tests-only-this-key-protects-nothing")
os.environ.setdefault("SAKIP_DATA_DIR", tempfile.mkdtemp(prefix="sakip-tests-"))

from sakip.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
