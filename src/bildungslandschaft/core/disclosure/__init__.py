"""Statistical disclosure control for count tables (Geheimhaltung): the gate before publishing.

`protect` applies the primary rules (`PrimaryRules`: minimum count, zeros, rounding) and optimal
secondary suppression (HiGHS MILP with attacker cuts, see `secondary`); `audit` attacks a
published table with LPs and reports primary cells that leak. Cells are keyed by tuples of codes
of a `CountTable`; margins use the total code ``_T``.
"""

from __future__ import annotations

from bildungslandschaft.core.disclosure.audit import AuditReport, Interval, Leak, audit
from bildungslandschaft.core.disclosure.primary import (
    SECRET,
    CellStatus,
    PrimaryRules,
    ProtectionLevels,
    ratio_is_protected,
)
from bildungslandschaft.core.disclosure.protection import ProtectedCell, Protection, protect
from bildungslandschaft.core.disclosure.secondary import OBJECTIVES, Objective
from bildungslandschaft.core.disclosure.table import TOTAL, CountTable, Dimension, TableError

__all__ = [
    "OBJECTIVES",
    "SECRET",
    "TOTAL",
    "AuditReport",
    "CellStatus",
    "CountTable",
    "Dimension",
    "Interval",
    "Leak",
    "Objective",
    "PrimaryRules",
    "ProtectedCell",
    "Protection",
    "ProtectionLevels",
    "TableError",
    "audit",
    "protect",
    "ratio_is_protected",
]
