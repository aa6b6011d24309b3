"""Django settings. Every value that differs between installations comes from the environment
through :mod:`sakip.web.config` (documented in docs/web.md); nothing else is read here."""

from __future__ import annotations

from pathlib import Path

from sakip.web import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()

DEBUG = config.flag("SAKIP_DEBUG")
DEMO = config.flag("SAKIP_DEMO")
SECRET_KEY = config.secret_key(DEBUG, DEMO)
ALLOWED_HOSTS = config.listing("SAKIP_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = config.listing("SAKIP_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "sakip.web.plans",
    "sakip.web.accounts",
    "sakip.web.workflow",
    "sakip.web.entry",
    "sakip.web.dashboards",
    "sakip.web.exchange",
    "sakip.web.monitoring",
    "sakip.web.evaluation",
    "sakip.web.api",
    "ninja",  # the API docs page's own Swagger UI files (sakip/web/api/api.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "sakip.web.replica.ReplicaMiddleware",  # GET pages read from a replica when one is set
    "sakip.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sakip.web.accounts.language.LanguageMiddleware",  # not Accept-Language: docs/web.md
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sakip.web.urls"
WSGI_APPLICATION = "sakip.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sakip.web.accounts.context.membership",
            ],
            "builtins": ["sakip.web.templatetags.sakip_tags", "sakip.web.templatetags.people",
                         "django.templatetags.i18n"],
        },
    }
]

DATABASES = {"default": config.database()}
if (_replica := config.replica()) is not None:  # reads of GET pages (sakip/web/replica.py)
    DATABASES["replica"] = _replica
DATABASE_ROUTERS = ["sakip.web.replica.ReplicaRouter"]
REPLICA_PIN_SECONDS = config.integer("SAKIP_REPLICA_PIN_SECONDS")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Dashboard parts kept under the agencies' and regions' stamps (sakip/web/measuring.py:
# page_key): a write gives a new key, so any backend serves nothing stale. Per process by
# default (~32 KB a dashboard); several workers or servers may share Redis (docs/deploy.md).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                      "LOCATION": "sakip", "OPTIONS": {"MAX_ENTRIES": 500}},
          # the navigation of the pages, rendered once per role, agency, year and language
          # (templates base.html, agency_base.html): small, many, and keyed by all they show
          "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                        "LOCATION": "sakip-fragments", "OPTIONS": {"MAX_ENTRIES": 5000}}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]  # docs/web.md, "Bahasa"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # an anonymous visitor's choice sticks (docs/web.md)
LOCALE_PATHS = [BASE_DIR / "locale"]  # msgids are Indonesian; locale/en holds the English
TIME_ZONE = config.raw("SAKIP_TIME_ZONE") or "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # numbers are formatted by sakip.io.idnum, never by templates

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"  # `python -m sakip.web collectstatic` (optional: finders serve too)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # the data folder is ours; whitenoise expects it
MEDIA_ROOT = DATA_DIR / "bukti"  # evidence files; served only through an access-checked view

MAX_UPLOAD_BYTES = config.integer("SAKIP_MAX_UPLOAD_MB") * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000  # a realisation grid of a large agency
LOGIN_ATTEMPTS = config.integer("SAKIP_LOGIN_ATTEMPTS")
LOGIN_WINDOW_MINUTES = config.integer("SAKIP_LOGIN_WINDOW_MINUTES")
TRUSTED_PROXY_HEADER = config.request_header("SAKIP_TRUSTED_PROXY_HEADER")  # META key or ""

# E-mail notifications (sakip.web.monitoring.notify; docs/monitoring.md): SMTP when a host is
# set, else printed to the console.
EMAIL_HOST = config.raw("SAKIP_EMAIL_HOST") or ""
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "django.core.mail.backends.console.EmailBackend")
EMAIL_PORT = config.integer("SAKIP_EMAIL_PORT")
EMAIL_HOST_USER = config.raw("SAKIP_EMAIL_USER") or ""
EMAIL_HOST_PASSWORD = config.raw("SAKIP_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = config.flag("SAKIP_EMAIL_TLS")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = config.raw("SAKIP_EMAIL_FROM") or "sakip@localhost"
SITE_URL = (config.raw("SAKIP_SITE_URL") or "").rstrip("/")

# Security headers (SecurityMiddleware, XFrameOptionsMiddleware, sakip.web.security).
HTTPS = config.flag("SAKIP_HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS  # names under Sakip's own host, e.g. *.sakip.x.go.id
# The HSTS preload list takes a registrable domain (belitungkab.go.id), a decision for the whole
# domain, not for one application on it: `check --deploy` need not ask for it (docs/deploy.md).
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
CSRF_FAILURE_VIEW = "sakip.web.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
