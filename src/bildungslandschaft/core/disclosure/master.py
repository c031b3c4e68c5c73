"""The master MILP of secondary suppression: binary decisions per cell, growing by cuts."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from bildungslandschaft.core.disclosure.attacker import TOLERANCE, Cut
from bildungslandschaft.core.disclosure.highs import quiet_highs
from bildungslandschaft.core.disclosure.indexed import IndexedTable

SAVED_PATTERNS = 5


@dataclass(frozen=True)
class MasterOutcome:
    """Patterns the master found (best first, 0/1) and the proven lower bound on the cost."""

    patterns: list[list[float]]
    lower_bound: float


class Master:
    """The master MILP over the suppression decisions ``x``; cells in ``fixed`` are always 1.

    Costs: ``"cells"`` counts suppressed cells; ``"total"`` sums their counts plus a tie-break below
    one half in total, so that among equally small totals the pattern with fewer cells wins.
    """

    def __init__(self, table: IndexedTable, fixed: Collection[int], objective: str) -> None:
        self.table = table
        self.solver = quiet_highs()
        n = len(table.keys)
        tie_break = 1.0 / (2 * (n + 1))
        self.costs = [1.0 if objective == "cells" else float(count) + tie_break for count in table.counts]
        every = list(range(n))
        self.solver.addVars(n, [1.0 if i in fixed else 0.0 for i in every], [1.0] * n)
        self.solver.changeColsCost(n, every, self.costs)
        self.solver.changeColsIntegrality(n, every, _integrality(n, highspy.HighsVarType.kInteger))
        self.solver.setOptionValue("mip_rel_gap", 0.0)
        # integral cell counts or totals: a gap below 1 (1/2 with the tie-break) proves optimality
        self.gap = 0.999 if objective == "cells" else 0.49
        self.solver.setOptionValue("mip_abs_gap", self.gap)
        self.solver.setOptionValue("mip_improving_solution_save", True)
        self.seen: set[tuple[tuple[int, ...], tuple[float, ...], float]] = set()
        self.count = 0
        self.cuts_of_cell: dict[int, list[Cut]] = {}

    def cost(self, pattern: Sequence[float]) -> float:
        """The objective value of a 0/1 pattern."""
        return sum(c for c, x in zip(self.costs, pattern, strict=True) if x > 0.5)

    def add_all(self, cuts: Sequence[Cut]) -> int:
        """Add the cuts that are neither trivial nor already present; return how many were new."""
        added = 0
        for cut in cuts:
            if cut.bound <= TOLERANCE or math.isinf(cut.bound):
                continue
            signature = (cut.cells, tuple(round(c, 9) for c in cut.coefficients), round(cut.bound, 9))
            if signature in self.seen:
                continue
            self.seen.add(signature)
            for cell in cut.cells:
                self.cuts_of_cell.setdefault(cell, []).append(cut)
            self.solver.addRow(cut.bound, highspy.kHighsInf, len(cut.cells), list(cut.cells), list(cut.coefficients))
            added += 1
        self.count += added
        return added

    def breaks_a_cut(self, pattern: Sequence[float], cell: int) -> bool:
        """True when a known cut on ``cell`` is violated by the pattern (a cheap test before LPs)."""
        return any(cut.slack(pattern) < -TOLERANCE for cut in self.cuts_of_cell.get(cell, ()))

    def solve_relaxation(self) -> list[float]:
        """The optimal pattern of the LP relaxation (fractional suppressions)."""
        n = len(self.table.keys)
        every = list(range(n))
        self.solver.setOptionValue("time_limit", highspy.kHighsInf)
        self.solver.changeColsIntegrality(n, every, _integrality(n, highspy.HighsVarType.kContinuous))
        self.solver.run()
        pattern = list(self.solver.getSolution().col_value)
        self.solver.changeColsIntegrality(n, every, _integrality(n, highspy.HighsVarType.kInteger))
        return pattern

    def solve(self, seconds: float) -> MasterOutcome:
        """Solve the MILP within ``seconds``.

        No starting solution is passed: with one, HiGHS 1.16 reported the better optimum's value
        but returned the starting solution as its result.
        """
        self.solver.setOptionValue("time_limit", seconds)
        self.solver.run()
        info = self.solver.getInfo()
        if info.primal_solution_status != 2:  # 2: a feasible solution exists
            return MasterOutcome([], -math.inf)
        found = [self.solver.getSolution().col_value]
        found += [saved.col_value for saved in self.solver.getSavedMipSolutions()[-SAVED_PATTERNS:]]
        patterns = [[1.0 if v > 0.5 else 0.0 for v in values] for values in found]
        return MasterOutcome(patterns, info.mip_dual_bound)


def _integrality(n: int, kind: highspy.HighsVarType) -> np.ndarray[tuple[int], np.dtype[np.uint8]]:
    return np.full(n, int(kind), dtype=np.uint8)


def singleton_rows(table: IndexedTable, fixed: Collection[int]) -> list[Cut]:
    """Two more suppressions beside a singleton in each equation it shares with a primary cell."""
    rows = []
    for cell in sorted(fixed):
        if table.counts[cell] != 1:
            continue
        for number in table.equations_of_cell[cell]:
            others = tuple(c for c in table.equations[number].cells if c != cell)
            if len(others) >= 2 and any(c in fixed for c in others):
                rows.append(Cut(others, (1.0,) * len(others), 2.0))
    return rows
