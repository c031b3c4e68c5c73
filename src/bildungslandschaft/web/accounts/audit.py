"""The audit log's one entry point: ``record(user, action, detail)``.

Other apps call it for what must be traceable (imports, publications, staff exports);
logins, failed logins and role changes are recorded by the signals in ``signals.py``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bildungslandschaft.web.accounts.models import AuditEvent

ACTIONS = {code for code, _ in AuditEvent.ACTIONS}


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address as the server saw it (REMOTE_ADDR; a proxy must set it correctly)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    user: Any, action: str, detail: str = "", *, request: HttpRequest | None = None, username: str = ""
) -> AuditEvent:
    """Write one audit entry; ``user`` may be None or anonymous (then ``username`` names who tried)."""
    if action not in ACTIONS:
        raise ValueError(f"unbekannte Aktion im Protokoll: {action!r} (erlaubt: {', '.join(sorted(ACTIONS))})")
    known = user if getattr(user, "is_authenticated", False) else None
    name = known.get_username() if known is not None else username
    return AuditEvent.objects.create(
        user=known, username=name[:150], action=action, detail=detail, ip=client_ip(request)
    )
