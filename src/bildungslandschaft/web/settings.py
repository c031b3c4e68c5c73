"""Django settings of the portal. Every value comes from the environment (see docs/settings.md).

Development defaults: DEBUG on, SQLite in var/site.sqlite3. `settings_production` hardens them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from bildungslandschaft.core.settings import env_int, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = env_path("BILA_VAR", Path("var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("BILA_SECRET_KEY", "unsicher-nur-fuer-entwicklung-" + "x" * 40)
DEBUG = env_str("BILA_DEBUG", "1") == "1"
ALLOWED_HOSTS = [host.strip() for host in env_str("BILA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "bildungslandschaft.web.accounts",
    "bildungslandschaft.web.portal",
    "bildungslandschaft.web.report",
    "bildungslandschaft.web.api",
    "bildungslandschaft.web.conference",
    "bildungslandschaft.web.management",
    "bildungslandschaft.web.staff",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bildungslandschaft.web.language.GermanFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "bildungslandschaft.web.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "bildungslandschaft.web.urls"
WSGI_APPLICATION = "bildungslandschaft.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bildungslandschaft.web.context.site",
            ],
        },
    },
]


def database_from_url(url: str) -> dict[str, object]:
    """A Django database setting from ``sqlite:///path`` or ``postgres://user:pw@host:port/name``."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path.removeprefix("/")) or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parsed.path.removeprefix("/"),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
        }
    raise ValueError(f"BILA_SITE_DB={url!r}: erwartet sqlite:///pfad oder postgres://…")


DATABASES = {"default": database_from_url(env_str("BILA_SITE_DB", f"sqlite:///{VAR_DIR / 'site.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"

# Sessions and CSRF (settings_production adds the Secure flags and HSTS): cookies never reach
# scripts or other sites, a session ends with the browser or after 8 hours.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
#: Content-Security-Policy (web/csp.py): "report" (development), "enforce" (production) or "off".
BILA_CSP_MODE = env_str("BILA_CSP_MODE", "report")

# Uploads: form data without files stays small; files stream to disk past 2.5 MiB and stop at the limit.
BILA_UPLOAD_MAX_MB = env_int("BILA_UPLOAD_MAX_MB", 200, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_HANDLERS = [
    "bildungslandschaft.web.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
LOGIN_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # shared CSS/JS (bila/…): not inside an app
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bila"},
}

EMAIL_BACKEND = env_str("BILA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("BILA_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = env_str("BILA_EMAIL_FROM", "bildungsbuero@example.org")

#: The analytics store the portal reads (Ibis URL or DuckDB file); `bila serve --db` sets it.
BILA_ANALYTICS_DB = env_str("BILA_DB", "var/bila.duckdb")
#: Minimum count of the disclosure gate for the portal.
BILA_MIN_COUNT = env_int("BILA_MIN_COUNT", 3, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
