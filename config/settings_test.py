"""Test settings: the same as production but faster (cheap hasher, in-memory e-mail)."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="thidua-test-media-"))

# django-axes stays on, as in production: a test signs in with ``client.force_login`` or
# through the login page; ``authenticate()`` needs the request (axes counts per address).

# The second factor is asked of those who enrolled one, as in production; which roles must
# enrol is left to the tests of that rule (thidua/accounts/tests/test_second_factor.py), so
# that the other tests sign in administrators and council members with a password alone.
THIDUA_SECOND_FACTOR_ROLES = frozenset()
