"""Production settings: the development settings, hardened. Secrets come only from the environment.

    DJANGO_SETTINGS_MODULE=bildungslandschaft.web.settings_production
    BILA_SECRET_KEY=<50+ random characters>  BILA_ALLOWED_HOSTS=bildung.example.org

``python -m django check --deploy --settings bildungslandschaft.web.settings_production``
passes with these (a test runs it). See docs/security.md.
"""

from __future__ import annotations

import os

from bildungslandschaft.core.settings import SettingError, env_int, env_str
from bildungslandschaft.web.settings import *  # noqa: F403 - production = development settings + the lines below
from bildungslandschaft.web.settings import SECRET_KEY, VAR_DIR

if not os.environ.get("BILA_SECRET_KEY", "").strip() or SECRET_KEY.startswith("unsicher-"):
    raise SettingError("BILA_SECRET_KEY fehlt: im Betrieb ist ein zufälliger geheimer Schlüssel Pflicht")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise SettingError("BILA_SECRET_KEY ist zu kurz: mindestens 50 zufällige Zeichen")
if not os.environ.get("BILA_ALLOWED_HOSTS", "").strip():
    raise SettingError("BILA_ALLOWED_HOSTS fehlt: die Hostnamen des Portals, kommagetrennt")

DEBUG = False
BILA_CSP_MODE = "enforce"

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = env_int("BILA_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload directive only takes effect if someone submits the apex domain to the browsers' list
# (hstspreload.org); on a subdomain such as bildung.<stadt>.de it is consent, not enrolment.
SECURE_HSTS_PRELOAD = True
if env_str("BILA_BEHIND_PROXY", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The login rate limit counts in the cache: every server process must see the same counts.
# A file cache under BILA_VAR is shared by all processes on one machine and needs no setup.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.security": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
