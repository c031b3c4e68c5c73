"""The attacker subproblem of secondary suppression and the cuts derived from its LP dual.

For a suppression pattern ``x`` (1 = cell suppressed) the attacker shifts the suppressed cells by
``z`` with ``A z = 0`` (the table stays additive), ``-a_i x_i <= z_i <= reach x_i`` (counts stay
non-negative; ``reach`` is the a-priori upper bound on any shift). A primary cell ``p`` is protected
upwards when ``max z_p >= upper`` and downwards when ``max -z_p >= lower``.

When the maximum falls short, the LP dual ``y`` gives a linear inequality in ``x`` that every
protecting pattern satisfies but the current one violates (Fischetti & Salazar-González 1999):
with ``r = c - A^T y`` (``c`` the LP cost), ``sum_i (r_i^- reach + r_i^+ a_i) x_i >= level``.
Weak duality makes the inequality valid for any ``y``; the optimal ``y`` makes it violated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import highspy

from bildungslandschaft.core.disclosure.highs import quiet_highs
from bildungslandschaft.core.disclosure.indexed import IndexedTable

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Requirement:
    """Primary cell ``cell`` must be able to move by ``level`` in ``direction`` (+1 up, -1 down)."""

    cell: int
    direction: int
    level: int


@dataclass(frozen=True)
class Cut:
    """``sum(coefficients[k] * x[cells[k]]) >= bound`` over the free suppression decisions."""

    cells: tuple[int, ...]
    coefficients: tuple[float, ...]
    bound: float

    def slack(self, pattern: Sequence[float]) -> float:
        """How far the pattern satisfies the cut (negative: violated)."""
        return sum(c * pattern[i] for i, c in zip(self.cells, self.coefficients, strict=True)) - self.bound


class AttackerProblem:
    """The deviation LP over one group of suppressed cells, reused for each of its primary cells."""

    def __init__(self, table: IndexedTable, group: Sequence[int], pattern: Sequence[float], reach: float) -> None:
        self.table = table
        self.rows = table.equations_touching(group)
        self.column = {cell: k for k, cell in enumerate(group)}
        self.solver = quiet_highs()
        self.solver.setOptionValue("presolve", "off")  # hot starts from the last basis instead
        self.solver.setOptionValue("simplex_strategy", 4)  # a new cost keeps the basis primal feasible
        lp = highspy.HighsLp()
        lp.num_col_ = len(group)
        lp.num_row_ = len(self.rows)
        lp.col_cost_ = [0.0] * len(group)
        lp.col_lower_ = [-table.counts[cell] * pattern[cell] for cell in group]
        lp.col_upper_ = [reach * pattern[cell] for cell in group]
        lp.row_lower_ = [0.0] * len(self.rows)
        lp.row_upper_ = [0.0] * len(self.rows)
        entries: list[list[tuple[int, float]]] = [[] for _ in group]
        for r, number in enumerate(self.rows):
            equation = table.equations[number]
            for cell, coefficient in zip(equation.cells, equation.coefficients, strict=True):
                if cell in self.column:
                    entries[self.column[cell]].append((r, coefficient))
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = _starts(entries)
        lp.a_matrix_.index_ = [r for column in entries for r, _ in column]
        lp.a_matrix_.value_ = [v for column in entries for _, v in column]
        self.solver.passModel(lp)
        self.reach = reach

    def best_shift(self, cell: int, direction: int) -> tuple[float, list[float]]:
        """The largest shift of ``cell`` in ``direction`` and the row duals that prove it."""
        k = self.column[cell]
        self.solver.changeColCost(k, -float(direction))
        self.solver.run()
        status = self.solver.getModelStatus()
        shift = -self.solver.getInfo().objective_function_value
        duals = list(self.solver.getSolution().row_dual)
        self.solver.changeColCost(k, 0.0)
        if status == highspy.HighsModelStatus.kUnbounded:
            return float("inf"), []
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"attacker LP ended with {self.solver.modelStatusToString(status)}")
        return shift, duals

    def cut(self, need: Requirement, duals: Sequence[float], fixed: Collection[int]) -> Cut:
        """The Benders cut for an unmet requirement from the row duals of `best_shift`."""
        return dual_cut(self.table, need, dict(zip(self.rows, duals, strict=True)), self.reach, fixed)


def dual_cut(
    table: IndexedTable,
    need: Requirement,
    duals: dict[int, float],
    reach: float,
    fixed: Collection[int],
) -> Cut:
    """Turn equation multipliers into a cut; ``fixed`` cells (suppressed for sure) move to the bound."""
    reduced: dict[int, float] = defaultdict(float)
    reduced[need.cell] = -float(need.direction)
    for number, multiplier in duals.items():
        equation = table.equations[number]
        for cell, coefficient in zip(equation.cells, equation.coefficients, strict=True):
            reduced[cell] -= coefficient * multiplier
    bound = float(need.level)
    capacities: dict[int, float] = {}
    for cell, r in reduced.items():
        capacity = -r * reach if r < 0 else r * table.counts[cell]
        if capacity <= TOLERANCE:
            continue
        if cell in fixed:
            bound -= capacity
        else:
            capacities[cell] = capacity
    cells = tuple(sorted(capacities))
    # a binary covering inequality stays valid when coefficients are capped at its bound
    return Cut(cells, tuple(min(capacities[c], bound) for c in cells), bound)


def equation_cuts(table: IndexedTable, need: Requirement, fixed: Collection[int]) -> list[Cut]:
    """The cuts of single equations: another cell of each equation of the primary must move."""
    cuts = []
    for number in table.equations_of_cell[need.cell]:
        equation = table.equations[number]
        own = equation.coefficients[equation.cells.index(need.cell)]
        multiplier = -float(need.direction) / own
        cut = dual_cut(table, need, {number: multiplier}, float("inf"), fixed)
        cuts.append(cut)
    return cuts


def _starts(columns: Sequence[Sequence[object]]) -> list[int]:
    starts = [0]
    for column in columns:
        starts.append(starts[-1] + len(column))
    return starts
