"""Who may use the staff area: importing needs staff status or the analyst role, publishing the publisher role."""

from __future__ import annotations

from typing import Any

from bildungslandschaft.web.accounts.access import role_required
from bildungslandschaft.web.accounts.roles import is_analyst, is_publisher


def can_import(user: Any) -> bool:
    return bool(user.is_active and (user.is_staff or is_analyst(user)))


def can_publish(user: Any) -> bool:
    return bool(user.is_active and (user.is_staff or is_publisher(user)))


importer_required = role_required(can_import)
publisher_required = role_required(can_publish)
