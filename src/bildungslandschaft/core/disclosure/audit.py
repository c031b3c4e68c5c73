"""Attacker audit: what can someone compute about the suppressed cells from a published table?

The attacker knows every published cell, the structure of the table (all margins add up along
each hierarchy) and that counts are non-negative; there is no upper bound. For every suppressed
cell two LPs (HiGHS) give the smallest and largest value consistent with that knowledge. A
primary cell leaks when its interval does not reach ``count - lower`` and ``count + upper``
(`ProtectionLevels`). This module is independent of the secondary suppression's own attacker model
(value form here, deviation form there), so the audit also checks that implementation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import highspy

from bildungslandschaft.core.disclosure.highs import quiet_highs
from bildungslandschaft.core.disclosure.indexed import IndexedTable
from bildungslandschaft.core.disclosure.primary import PrimaryRules, ProtectionLevels
from bildungslandschaft.core.disclosure.table import CountTable, Key

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Interval:
    """The values an attacker cannot exclude for a cell (``high`` may be infinite)."""

    low: float
    high: float


@dataclass(frozen=True)
class Leak:
    """A primary cell whose attacker interval is narrower than its protection requires."""

    key: Key
    count: int
    interval: Interval
    must_reach: Interval


@dataclass(frozen=True)
class AuditReport:
    """Attacker intervals of all suppressed cells and the leaks among the primary cells."""

    intervals: Mapping[Key, Interval]
    leaks: tuple[Leak, ...]

    @property
    def passed(self) -> bool:
        """True when no primary cell leaks."""
        return not self.leaks


def audit(
    table: CountTable,
    suppressed: Collection[Key],
    rules: PrimaryRules | None = None,
    levels: ProtectionLevels | None = None,
) -> AuditReport:
    """Attack the table published without the ``suppressed`` cells and report the leaks.

    The intervals are computed from the published cells only; the true counts serve solely to
    decide whether a primary cell's interval is wide enough.
    """
    hidden = set(suppressed)
    published = {key: count for key, count in table.counts.items() if key not in hidden}
    intervals = attacker_intervals(table, published)
    return AuditReport(intervals, leaks(table.counts.items(), intervals, rules, levels))


def leaks(
    counts: Iterable[tuple[Key, int]],
    intervals: Mapping[Key, Interval],
    rules: PrimaryRules | None = None,
    levels: ProtectionLevels | None = None,
) -> tuple[Leak, ...]:
    """The primary cells whose attacker interval does not reach their protection interval.

    Counts published rounded (``rules.rounding_base``) are protected by the rounding: none leaks.
    """
    rules = rules or PrimaryRules()
    levels = levels or ProtectionLevels()
    found = []
    for key, count in counts:
        if not rules.is_unsafe(count) or rules.rounding_base is not None:
            continue
        lower, upper = levels.required(count, rules)
        must = Interval(count - lower, count + upper)
        seen = intervals.get(key, Interval(count, count))
        if seen.low > must.low + TOLERANCE or seen.high < must.high - TOLERANCE:
            found.append(Leak(key, count, seen, must))
    return tuple(found)


def attacker_intervals(table: CountTable, published: Mapping[Key, int]) -> dict[Key, Interval]:
    """Min and max of every cell missing from ``published`` over all tables that agree with it.

    Only the table's structure (``table.dimensions``) and the ``published`` values are used.
    """
    indexed = IndexedTable.of(CountTable(table.dimensions, {}))
    return hidden_intervals(indexed, [cell for cell, key in enumerate(indexed.keys) if key not in published], published)


def hidden_intervals(indexed: IndexedTable, hidden: Sequence[int], published: Mapping[Key, int]) -> dict[Key, Interval]:
    """The attacker's interval of each ``hidden`` cell of an indexed table, from the ``published`` cells."""
    intervals: dict[Key, Interval] = {}
    for group in indexed.components(hidden):
        solver = _feasible_tables(indexed, group, published)
        for k, cell in enumerate(group):
            intervals[indexed.keys[cell]] = Interval(_extreme(solver, k, 1.0), -_extreme(solver, k, -1.0))
    return intervals


def _feasible_tables(indexed: IndexedTable, group: Sequence[int], published: Mapping[Key, int]) -> highspy.Highs:
    """The LP whose points are the attacker's candidate values of the hidden ``group``."""
    column = {cell: k for k, cell in enumerate(group)}
    solver = quiet_highs()
    solver.setOptionValue("presolve", "off")  # keeps "unbounded" apart from "infeasible"
    solver.setOptionValue("simplex_strategy", 4)  # primal simplex: hot start after a cost change
    solver.addVars(len(group), [0.0] * len(group), [highspy.kHighsInf] * len(group))
    for number in indexed.equations_touching(group):
        equation = indexed.equations[number]
        known = 0.0
        columns, values = [], []
        for cell, coefficient in zip(equation.cells, equation.coefficients, strict=True):
            if cell in column:
                columns.append(column[cell])
                values.append(coefficient)
            else:
                known += coefficient * published[indexed.keys[cell]]
        solver.addRow(-known, -known, len(columns), columns, values)
    return solver


def _extreme(solver: highspy.Highs, column: int, sense: float) -> float:
    """Minimum of ``sense * value`` of the column; ``-inf`` when unbounded."""
    solver.changeColCost(column, sense)
    solver.run()
    status = solver.getModelStatus()
    value = solver.getInfo().objective_function_value
    solver.changeColCost(column, 0.0)
    if status == highspy.HighsModelStatus.kUnbounded:
        return -float("inf")
    if status != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"attacker LP ended with {solver.modelStatusToString(status)}")
    return float(value)
