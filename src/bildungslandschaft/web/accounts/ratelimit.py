"""Login rate limiting: after 5 failed logins for one account name from one address, 15 minutes lock.

Counted in Django's cache (a shared cache such as Redis or the database cache is needed
when several server processes run; see docs/security.md).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
LOCKED_MESSAGE = (
    "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung für dieses Konto ist von Ihrem Gerät aus "
    "für 15 Minuten gesperrt. Bitte versuchen Sie es später erneut oder wenden Sie sich an die Administration."
)


def _key(username: str, ip: str | None) -> str:
    raw = f"{username.strip().casefold()}|{ip or '-'}"
    return "login-failures:" + hashlib.sha256(raw.encode()).hexdigest()


def is_locked(username: str, ip: str | None) -> bool:
    return int(cache.get(_key(username, ip), 0)) >= MAX_FAILURES


def register_failure(username: str, ip: str | None) -> int:
    """Count one failure; the lock runs 15 minutes from the last failure. Returns the count."""
    key = _key(username, ip)
    failures = int(cache.get(key, 0)) + 1
    cache.set(key, failures, timeout=LOCK_SECONDS)
    return failures


def reset(username: str, ip: str | None) -> None:
    cache.delete(_key(username, ip))
