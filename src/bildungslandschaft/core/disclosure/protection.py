"""The single gate: protect a count table and say, per cell, what may be published."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from bildungslandschaft.core.disclosure.audit import AuditReport, audit
from bildungslandschaft.core.disclosure.indexed import IndexedTable
from bildungslandschaft.core.disclosure.primary import (
    SECRET,
    CellStatus,
    PrimaryRules,
    ProtectionLevels,
    primary_levels,
    primary_statuses,
)
from bildungslandschaft.core.disclosure.secondary import Objective, suppress_secondary
from bildungslandschaft.core.disclosure.table import CountTable, Key


@dataclass(frozen=True)
class ProtectedCell:
    """One cell as published: its codes, its status and its value or the marker ``.``."""

    key: Key
    status: CellStatus
    value: int | str


@dataclass(frozen=True)
class Protection:
    """A protected table: status and publishable value for every cell of ``table``.

    ``optimal`` is True when HiGHS proved the suppression pattern cheapest for the ``objective``
    (always True when nothing needs secondary suppression or with rounding).
    """

    table: CountTable
    rules: PrimaryRules
    levels: ProtectionLevels
    objective: Objective
    statuses: Mapping[Key, CellStatus]
    optimal: bool
    seconds: float

    def value(self, key: Key) -> int | str:
        """What to publish for the cell: the (rounded) count or the marker ``.``."""
        if self.rules.rounding_base is not None:
            return self.rules.rounded(self.table.counts[key])
        if self.statuses[key] is CellStatus.SAFE:
            return self.table.counts[key]
        return SECRET

    def cells(self) -> Iterator[ProtectedCell]:
        """Every cell in table order, margins included."""
        for key in self.table.cell_keys():
            yield ProtectedCell(key, self.statuses[key], self.value(key))

    def suppressed(self) -> frozenset[Key]:
        """The cells published as ``.``."""
        return frozenset(cell.key for cell in self.cells() if cell.value == SECRET)

    def suppressed_total(self) -> int:
        """Sum of the counts behind the marker ``.``."""
        return sum(self.table.counts[key] for key in self.suppressed())

    def count(self, status: CellStatus) -> int:
        """How many cells have the status."""
        return sum(1 for found in self.statuses.values() if found is status)

    def audit(self) -> AuditReport:
        """Attack the published table (see `audit.audit`)."""
        return audit(self.table, self.suppressed(), self.rules, self.levels)


def protect(
    table: CountTable,
    rules: PrimaryRules | None = None,
    objective: Objective = "cells",
    levels: ProtectionLevels | None = None,
    time_limit: float = 60.0,
    singletons: bool = True,
) -> Protection:
    """Apply the primary rules and, unless rounding, optimal secondary suppression.

    Cells get status ``S`` (safe, published), ``U`` (primary-unsafe) or ``M`` (suppressed to
    protect a ``U`` cell). With ``rules.rounding_base`` every cell is published rounded and no
    cell is suppressed. ``objective`` is ``"cells"`` (fewest suppressed cells) or ``"total"``
    (smallest suppressed sum of counts). See `secondary` for the method.
    """
    rules = rules or PrimaryRules()
    levels = levels or ProtectionLevels()
    statuses = primary_statuses(table, rules)
    if rules.rounding_base is not None:
        return Protection(table, rules, levels, objective, statuses, True, 0.0)
    indexed = IndexedTable.of(table)
    needed = {indexed.index[key]: level for key, level in primary_levels(table, rules, levels).items()}
    result = suppress_secondary(indexed, needed, objective, time_limit, singletons)
    for cell in result.suppressed:
        key = indexed.keys[cell]
        if statuses[key] is CellStatus.SAFE:
            statuses[key] = CellStatus.SECONDARY
    return Protection(table, rules, levels, objective, statuses, result.optimal, result.seconds)
