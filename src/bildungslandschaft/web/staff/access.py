"""Who may use the staff area: importing needs staff status or the analyst role; publishing needs the
publisher role (admins and superusers have it), as analysts only import and prepare (docs/staff.md)."""

from __future__ import annotations

from typing import Any

from bildungslandschaft.web.accounts.access import role_required
from bildungslandschaft.web.accounts.roles import is_analyst, is_publisher


def can_import(user: Any) -> bool:
    return bool(user.is_active and (user.is_staff or is_analyst(user)))


def can_publish(user: Any) -> bool:
    return bool(user.is_active and is_publisher(user))


importer_required = role_required(can_import)
publisher_required = role_required(can_publish)
