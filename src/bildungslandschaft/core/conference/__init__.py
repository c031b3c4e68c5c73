"""Conference module core: the optimal assignment of participants to parallel sessions.

`load_instance` reads the JSON format (`instance`), `assign` solves the lexicographic objective
(least worst rank, then least sum of ranks) exactly with HiGHS (`assignment`), and an infeasible
instance is explained in German (`diagnosis`).
"""

from __future__ import annotations

from bildungslandschaft.core.conference.assignment import assign
from bildungslandschaft.core.conference.diagnosis import explain_infeasibility
from bildungslandschaft.core.conference.instance import (
    Block,
    Instance,
    InstanceError,
    Participant,
    Session,
    load_instance,
    parse_instance,
)
from bildungslandschaft.core.conference.report import AssignmentResult, summarise, violations

__all__ = [
    "AssignmentResult",
    "Block",
    "Instance",
    "InstanceError",
    "Participant",
    "Session",
    "assign",
    "explain_infeasibility",
    "load_instance",
    "parse_instance",
    "summarise",
    "violations",
]
