"""Optimal secondary suppression (Sekundärgeheimhaltung) as a MILP solved with HiGHS.

Method (Fischetti & Salazar-González, "Models and algorithms for the 2-dimensional cell
suppression problem in statistical disclosure control", Math. Programming 84, 1999, and
"Solving the cell suppression problem on tabular data with linear constraints", Management
Science 47, 2001), the method behind τ-Argus's "OPT":

* A binary ``x_i`` per cell says whether it is suppressed; primary cells are fixed to 1. The
  objective is the number of suppressed cells (``"cells"``) or their summed count (``"total"``,
  ties broken towards fewer cells).
* The attacker knows every published cell and that the table adds up along each hierarchy; the
  suppressed cells are non-negative and at most ``reach`` above their count (``reach`` = grand total,
  at least the largest protection level). For each primary cell and each direction, an LP gives the
  attacker's extreme value (`attacker.py`).
* Benders-style cut generation: a master MILP over ``x`` starts with the single-equation cuts
  (every equation of a primary cell needs another suppressed cell that can move far enough); each
  master solution is checked by the attacker LPs, split into independent groups of suppressed cells;
  each unmet requirement adds the cut from its LP dual. The loop ends when the master's pattern meets
  every requirement. Since the master is a relaxation, that pattern is optimal when HiGHS proved the
  last master optimal; it is protected in any case.
* Singletons: a cell with count 1 knows itself. If an equation holds such a cell and another primary
  cell, at least two cells besides the singleton must be suppressed in that equation, so the one
  person cannot subtract themself and recover the other cell (the heuristic of sdcTable and τ-Argus).
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import highspy

from bildungslandschaft.core.disclosure.attacker import (
    TOLERANCE,
    AttackerProblem,
    Cut,
    Requirement,
    equation_cuts,
)
from bildungslandschaft.core.disclosure.highs import quiet_highs
from bildungslandschaft.core.disclosure.indexed import IndexedTable

Objective = Literal["cells", "total"]
OBJECTIVES: tuple[Objective, ...] = ("cells", "total")
RELAXATION_ROUNDS = 50
SAVED_PATTERNS = 5


@dataclass(frozen=True)
class SecondaryResult:
    """The suppressed cells (primary and secondary) and how the search went."""

    suppressed: frozenset[int]
    optimal: bool
    rounds: int
    cuts: int
    seconds: float


def suppress_secondary(
    table: IndexedTable,
    levels: Mapping[int, tuple[int, int]],
    objective: Objective = "cells",
    time_limit: float = 60.0,
    singletons: bool = True,
) -> SecondaryResult:
    """Find the cheapest suppression pattern that protects every primary cell.

    ``levels`` maps each primary cell number to its (lower, upper) protection distance. The result
    is always protected; ``optimal`` says whether HiGHS also proved it cheapest within
    ``time_limit`` seconds.
    """
    started = time.monotonic()
    needs = [
        Requirement(cell, direction, level)
        for cell, (lower, upper) in sorted(levels.items())
        for direction, level in ((1, upper), (-1, lower))
        if level > 0
    ]
    fixed = frozenset(levels)
    if not needs:
        return SecondaryResult(fixed, True, 0, 0, time.monotonic() - started)
    search = _Search(table, needs, fixed, objective)
    for need in needs:
        search.master.add_all(equation_cuts(table, need, fixed))
    if singletons:
        search.master.add_singleton_rows(fixed)
    search.relax()
    while True:
        remaining = time_limit - (time.monotonic() - started)
        patterns, optimal = search.master.solve(max(remaining, 1.0))
        search.rounds += 1
        if not patterns:
            # no master solution within the time: suppressing every cell always protects
            everything = frozenset(range(len(table.keys)))
            return search.result(everything, False, started)
        found = search.violated_cuts(patterns[0])
        if not found:
            chosen = frozenset(i for i, value in enumerate(patterns[0]) if value > 0.5)
            return search.result(chosen, optimal, started)
        for other in patterns[1:]:
            found += search.violated_cuts(other)
        search.master.add_all(found)
        search.relax()


class _Search:
    """The state of one cut-generation run: requirements, the attacker's reach and the master."""

    def __init__(
        self,
        table: IndexedTable,
        needs: Sequence[Requirement],
        fixed: frozenset[int],
        objective: Objective,
    ) -> None:
        self.table = table
        self.needs = needs
        self.fixed = fixed
        self.reach = float(max(max(table.counts), max(need.level for need in needs)))
        self.master = _Master(table, fixed, objective)
        self.rounds = 0
        self.by_cell: dict[int, list[Requirement]] = {}
        for need in needs:
            self.by_cell.setdefault(need.cell, []).append(need)

    def relax(self) -> None:
        """Add the cuts that fractional LP patterns violate: cheap rounds that spare MILP rounds."""
        for _ in range(RELAXATION_ROUNDS):
            self.rounds += 1
            found = self.violated_cuts(self.master.solve_relaxation())
            if not found:
                return
            self.master.add_all(found)

    def violated_cuts(self, pattern: Sequence[float]) -> list[Cut]:
        """Check every requirement on the pattern; return one cut for each unmet one."""
        support = [i for i, value in enumerate(pattern) if value > TOLERANCE]
        cuts = []
        for group in self.table.components(support):
            checked = [need for cell in group for need in self.by_cell.get(cell, [])]
            if not checked:
                continue
            attacker = AttackerProblem(self.table, group, pattern, self.reach)
            for need in checked:
                shift, duals = attacker.best_shift(need.cell, need.direction)
                if shift >= need.level - TOLERANCE:
                    continue
                cut = attacker.cut(need, duals, self.fixed)
                if cut.slack(pattern) >= -TOLERANCE:  # pragma: no cover - LP duals separate
                    raise RuntimeError(f"no cut separates the pattern for cell {need.cell}")
                cuts.append(cut)
        return cuts

    def result(self, chosen: frozenset[int], optimal: bool, started: float) -> SecondaryResult:
        """The run's outcome with its statistics."""
        seconds = time.monotonic() - started
        return SecondaryResult(chosen, optimal, self.rounds, self.master.count, seconds)


class _Master:
    """The master MILP over the suppression decisions, growing by cuts."""

    def __init__(self, table: IndexedTable, fixed: frozenset[int], objective: Objective) -> None:
        self.table = table
        self.solver = quiet_highs()
        n = len(table.keys)
        tie_break = 1.0 / (n + 1)
        costs = [
            1.0 if objective == "cells" else float(count) + tie_break for count in table.counts
        ]
        lower = [1.0 if i in fixed else 0.0 for i in range(n)]
        self.solver.addVars(n, lower, [1.0] * n)
        self.solver.changeColsCost(n, list(range(n)), costs)
        self.solver.changeColsIntegrality(n, list(range(n)), [highspy.HighsVarType.kInteger] * n)
        self.solver.setOptionValue("mip_rel_gap", 0.0)
        self.solver.setOptionValue("mip_improving_solution_save", True)
        self.solver.setOptionValue("mip_abs_gap", 0.999 if objective == "cells" else float(__import__("os").environ.get("GAP", tie_break / 2)))
        self.seen: set[tuple[tuple[int, ...], tuple[float, ...], float]] = set()
        self.count = 0

    def add_all(self, cuts: Sequence[Cut]) -> None:
        """Add the cuts that are neither trivial nor already present."""
        for cut in cuts:
            if cut.bound <= TOLERANCE or math.isinf(cut.bound):
                continue
            signature = (cut.cells, tuple(round(c, 9) for c in cut.coefficients), round(cut.bound, 9))
            if signature in self.seen:
                continue
            self.seen.add(signature)
            self.solver.addRow(cut.bound, highspy.kHighsInf, len(cut.cells), cut.cells, cut.coefficients)
            self.count += 1

    def add_singleton_rows(self, fixed: frozenset[int]) -> None:
        """Two more suppressions beside a singleton in each equation it shares with a primary cell."""
        for cell in fixed:
            if self.table.counts[cell] != 1:
                continue
            for number in self.table.equations_of_cell[cell]:
                others = [c for c in self.table.equations[number].cells if c != cell]
                if len(others) < 2 or not any(c in fixed for c in others):
                    continue
                self.add_all([Cut(tuple(others), (1.0,) * len(others), 2.0)])

    def solve_relaxation(self) -> list[float]:
        """The optimal pattern of the LP relaxation (fractional suppressions)."""
        n = len(self.table.keys)
        every = list(range(n))
        self.solver.changeColsIntegrality(n, every, [highspy.HighsVarType.kContinuous] * n)
        self.solver.run()
        pattern = list(self.solver.getSolution().col_value)
        self.solver.changeColsIntegrality(n, every, [highspy.HighsVarType.kInteger] * n)
        return pattern

    def solve(self, seconds: float) -> tuple[list[list[float]], bool]:
        """The master's best pattern first, then other improving ones found on the way (as 0/1),
        and whether the best is proved optimal."""
        self.solver.setOptionValue("time_limit", seconds)
        self.solver.run()
        status = self.solver.getModelStatus()
        if self.solver.getInfo().primal_solution_status != 2:  # 2: a feasible solution exists
            return [], False
        found = [self.solver.getSolution().col_value]
        found += [saved.col_value for saved in self.solver.getSavedMipSolutions()[-SAVED_PATTERNS:]]
        patterns = [[1.0 if v > 0.5 else 0.0 for v in values] for values in found]
        return patterns, status == highspy.HighsModelStatus.kOptimal
