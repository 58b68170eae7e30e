"""Settings of Thi đua: one module, driven by the environment, SQLite by default.

Environment:
- ``DATABASE_URL``: ``sqlite:///path`` or ``postgres://user@host:5432/name``; default the
  project's SQLite file ``db.sqlite3``.
- ``SECRET_KEY``: required when ``DEBUG`` is off.
- ``DEBUG``: ``1``/``0`` (default ``1`` for the local demo).
- ``ALLOWED_HOSTS``: comma-separated (default ``127.0.0.1,localhost``).
- ``THIDUA_HTTPS``: ``1`` when served over HTTPS behind a reverse proxy (secure cookies, HSTS,
  redirect to https); ``THIDUA_HSTS_SECONDS`` (default a year); ``CSRF_TRUSTED_ORIGINS``.
- ``LOG_LEVEL`` (default ``WARNING``), ``THIDUA_LOG_STREAM`` (``stdout`` or ``stderr``).
- ``THIDUA_VAR_DIR``: the folder of static files, uploads and backups (default ``var/``).
- ``THIDUA_LOGIN_FAILURE_LIMIT`` (5), ``THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT`` (20),
  ``THIDUA_LOGIN_COOLOFF_MINUTES`` (15): the sign-in lock-out.
- ``THIDUA_SESSION_IDLE_MINUTES`` (30), ``THIDUA_SESSION_MAX_HOURS`` (12): when a session ends.
- ``EMAIL_URL`` or ``EMAIL_HOST`` and its companions: the mail server for password resets
  (printed on the console when none is named); ``DEFAULT_FROM_EMAIL``.

Every variable with its use in production: docs/deploy.md.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "thidua-local-demo-key-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "auditlog",
    "ninja",  # Swagger UI for /api/docs from its own static files, never a CDN
    "django_tasks",
    "thidua.common.vendor_apps.TasksConfig",
    # axes: sign-in throttling and lock-out; see "Sign-in protection" below
    "thidua.common.vendor_apps.AxesConfig",
    # django-otp: the second factor (an authenticator app's codes, recovery codes); see
    # "Second factor" below
    "django_otp",
    "thidua.common.vendor_apps.TotpConfig",
    "thidua.common.vendor_apps.StaticTokensConfig",
    "thidua.common",
    "thidua.accounts",
    "thidua.orgs",
    "thidua.emulation",
    "thidua.awards",
    "thidua.reports",
    "thidua.portal",
    "thidua.api",
    "thidua.dataio",
    "thidua.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Issue 14: a session ends when idle or too old; a password an administrator gave must be
    # changed before any other page.
    "thidua.accounts.middleware.SessionLifetimeMiddleware",
    "thidua.accounts.middleware.ForcedPasswordChangeMiddleware",
    "thidua.accounts.middleware.SecondFactorMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "thidua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.web.context.navigation",
            ],
            "builtins": ["thidua.web.templatetags.vn"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A kept connection is tested before a request uses it: a restart of PostgreSQL
        # then costs one reconnect, not an error page.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the background import and the web pages read and write together.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- Passwords (issue 14) ------------------------------------------------------------------
# Argon2 first (argon2-cffi): what OWASP recommends. The others stay so that existing hashes
# still verify; Django rehashes a password with the first hasher at its next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Django's four validators, with Vietnamese sentences (thidua/accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"thidua.accounts.passwords.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
# A reset link is good for two hours (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60

LANGUAGE_CODE = "vi"
# What Django and the third-party apps leave untranslated in Vietnamese (the admin's newer
# strings, the apps' model names): thidua/locale, compiled by `make setup`.
LOCALE_PATHS = [BASE_DIR / "thidua" / "locale"]
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

# What the app writes (collected static files, uploads, backups) lives under one folder:
# `var/` of the checkout for the demo, /var/lib/thidua on a server (docs/deploy.md).
VAR_DIR = Path(os.environ.get("THIDUA_VAR_DIR") or BASE_DIR / "var")
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "thidua" / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
# Where `thidua backup` writes its archives unless told otherwise.
BACKUP_DIR = VAR_DIR / "backups"

SESSION_COOKIE_HTTPONLY = True

# --- Sessions (issue 14) ----------------------------------------------------------------------
# A session ends after THIDUA_SESSION_IDLE_MINUTES without a request, and in any case
# THIDUA_SESSION_MAX_HOURS after sign-in (thidua.accounts.middleware); the cookie lasts no
# longer. Each session is listed on the person's Tài khoản page (accounts.UserSession).
THIDUA_SESSION_IDLE_MINUTES = env_int("THIDUA_SESSION_IDLE_MINUTES", 30)
THIDUA_SESSION_MAX_HOURS = env_int("THIDUA_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = THIDUA_SESSION_MAX_HOURS * 60 * 60
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag instead

# --- Production over HTTPS (issues 14 and 17) ---------------------------------------------
# Every setting that `thidua check --deploy` looks at lives in this block, so hardening has
# one place. `THIDUA_HTTPS=1` when browsers reach the site over https through the reverse
# proxy on the same machine (docs/deploy.md). Off by default: the demo at http://127.0.0.1
# would lose its session, since a browser does not send a Secure cookie over http.
HTTPS = env_bool("THIDUA_HTTPS", default=False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# A monitoring probe asks the app itself (http://127.0.0.1:8000/healthz), past the proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The proxy tells the scheme the browser used. Trusted only with THIDUA_HTTPS, where the app
# listens on the loopback address and only the proxy can reach it (config/gunicorn.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# Likewise the browser's address, which the proxy appends to X-Forwarded-For: the portal's
# rate limits count it (thidua/common/client.py). Without the proxy the header is anyone's
# to write, and the connection's own address is the one counted.
THIDUA_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR" if HTTPS else None
# Browsers then refuse plain http to this host (and its subdomains) for a year. "preload" in
# the header only allows the domain's owner to ask browsers to ship it; nothing is sent.
SECURE_HSTS_SECONDS = env_int("THIDUA_HSTS_SECONDS", 365 * 24 * 3600) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Origins other than the site's own address whose forms may post here (scheme included).
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# --- end of the production block -----------------------------------------------------------

# One line per record (time, level, logger, process, message). The servers log to stdout
# (config/gunicorn.py, the worker's unit); a command keeps stdout for its own output (a scan's
# JSON, an import's counts), so its records go to stderr.
LOGGING = logging_config(
    stream=os.environ.get("THIDUA_LOG_STREAM") or "stderr",
    level=os.environ.get("LOG_LEVEL") or "WARNING",
    # Django's own records reach the root handler only, not also its DEBUG-time console.
    loggers={"django": {"handlers": [], "level": "INFO", "propagate": True}},
)

AUDITLOG_INCLUDE_ALL_MODELS = False

# Long work (workbook imports) runs in the background: jobs wait in the database and
# `thidua db_worker` (started by `make run`) carries them out.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The public portal (issue 14): what one address may ask of each kind of page, as (requests,
# seconds), counted in the database (thidua/portal/services/rate_limits.py). A sent comment
# counts whether its answer was right or not; each showing of the form makes a question row.
THIDUA_PORTAL_RATE_LIMITS = {
    "comment": (10, 60 * 60),
    "form": (60, 10 * 60),
    "lookup": (60, 10 * 60),
    "verify": (60, 10 * 60),
}


# --- E-mail (password reset links) ----------------------------------------------------------
# Printed on the console unless a server is named: EMAIL_URL=smtp://user:pass@host:587 (or
# smtps:// for SSL on 465), or EMAIL_HOST with EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL. DEFAULT_FROM_EMAIL names the sender.
def email_settings(environ: dict[str, str]) -> dict[str, object]:
    url = urlsplit(environ.get("EMAIL_URL", ""))
    if url.scheme and url.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL: expected smtp:// or smtps://, not {url.scheme}")
    host = url.hostname or environ.get("EMAIL_HOST", "")
    if not host:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    ssl = url.scheme == "smtps" or env_bool("EMAIL_USE_SSL", default=False)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": url.port or int(environ.get("EMAIL_PORT") or (465 if ssl else 587)),
        "EMAIL_HOST_USER": unquote(url.username or environ.get("EMAIL_HOST_USER", "")),
        "EMAIL_HOST_PASSWORD": unquote(url.password or environ.get("EMAIL_HOST_PASSWORD", "")),
        "EMAIL_USE_SSL": ssl,
        "EMAIL_USE_TLS": not ssl and env_bool("EMAIL_USE_TLS", default=True),
        "EMAIL_TIMEOUT": 20,
    }


globals().update(email_settings(dict(os.environ)))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Thi đua <thidua@localhost>")


# --- Second factor (issue 14): django-otp -------------------------------------------------
# Whoever has an authenticator app enrolled gives its code after the password; the roles
# named here must enrol before any other page (a comma-separated list of "admin" — which
# covers staff accounts —, "council", "officer"; empty for none: the demo of `make run`).
THIDUA_SECOND_FACTOR_ROLES = frozenset(
    role.strip()
    for role in os.environ.get("THIDUA_SECOND_FACTOR_ROLES", "admin,council").split(",")
    if role.strip()
)
# The name an authenticator app shows next to the codes.
OTP_TOTP_ISSUER = os.environ.get("THIDUA_SECOND_FACTOR_ISSUER", "Thi đua")


# --- Sign-in protection (issue 14): django-axes -------------------------------------------
# Five wrong passwords for one account from one address lock that pair for the cool-off; an
# address alone is locked only after AXES_ADDRESS_FAILURE_LIMIT (one ward office signs in
# from one address, and one officer's typos must not lock out the others). Every attempt,
# success and failure, is kept (AccessLog, AccessFailureLog) and shown at Quản trị → Đăng
# nhập. Behind the reverse proxy the client's address is the one the proxy saw, read as the
# portal's rate limits read it (thidua.common.client.client_ip).
AXES_FAILURE_LIMIT = env_int("THIDUA_LOGIN_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("THIDUA_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "thidua.accounts.signin.SignInHandler"
AXES_LOCKOUT_CALLABLE = "thidua.accounts.views.signin.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "thidua.common.client.client_ip"
