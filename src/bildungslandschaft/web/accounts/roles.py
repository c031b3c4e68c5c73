"""Roles of the portal as Django groups, and what each may see.

Public (anonymous) visitors see published figures only. A *school* account sees its own
school's figures unsuppressed and nothing else of the staff area. *Analysts* see raw results
(marked "intern") and may import; *publishers* may also publish; *admins* manage accounts
and read the audit log.
"""

from __future__ import annotations

from typing import Any

SCHOOL = "Schule"
ANALYST = "Analyse"
PUBLISHER = "Veröffentlichung"
ADMIN = "Administration"
ROLES = (SCHOOL, ANALYST, PUBLISHER, ADMIN)

#: German label of each role for pages and the audit log.
ROLE_LABELS = {
    "public": "Öffentlichkeit (nicht angemeldet)",
    SCHOOL: "Schule",
    ANALYST: "Analyse (Bildungsmonitoring)",
    PUBLISHER: "Veröffentlichung",
    ADMIN: "Administration",
}


def ensure_groups() -> None:
    """Create the role groups (idempotent)."""
    from django.contrib.auth.models import Group

    for name in ROLES:
        Group.objects.get_or_create(name=name)


def _groups(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return {group.name for group in user.groups.all()}


def is_admin(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active) or ADMIN in _groups(user)


def is_publisher(user: Any) -> bool:
    return is_admin(user) or PUBLISHER in _groups(user)


def is_analyst(user: Any) -> bool:
    """Analysts, publishers and admins see raw results in the staff area."""
    return is_publisher(user) or ANALYST in _groups(user)


def school_code(user: Any) -> str | None:
    """The school a school account belongs to, or None."""
    if SCHOOL not in _groups(user):
        return None
    profile = getattr(user, "school_account", None)
    return profile.school if profile is not None else None


def role_of(user: Any) -> str:
    """The highest role of a user (for display)."""
    if is_admin(user):
        return ADMIN
    groups = _groups(user)
    for role in (PUBLISHER, ANALYST, SCHOOL):
        if role in groups:
            return role
    return "public"
