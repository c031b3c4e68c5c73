"""Protection paths: the repair heuristic that turns any pattern into a protected one.

For an unmet requirement (primary cell ``p`` must move by ``level`` in one direction), an LP looks
for the cheapest additive shift ``z`` of the whole table with ``z_p = ±level`` that stays
non-negative; cells already suppressed cost nothing, others cost their weight per unit moved.
Suppressing every cell that ``z`` moves makes ``z`` a shift the attacker cannot exclude, so the
requirement is met; more suppression never hurts other requirements (the heuristic of Fischetti &
Salazar-González and of Kelly, Golden & Assad's network heuristics).
"""

from __future__ import annotations

from collections.abc import Sequence

import highspy

from bildungslandschaft.core.disclosure.attacker import TOLERANCE, Requirement
from bildungslandschaft.core.disclosure.highs import quiet_highs
from bildungslandschaft.core.disclosure.indexed import IndexedTable


class ProtectionPaths:
    """One LP over all cells (``up_i``, ``down_i`` per cell), re-costed as the pattern grows."""

    def __init__(self, table: IndexedTable, weights: Sequence[float], reach: float) -> None:
        self.table = table
        self.weights = weights
        n = len(table.keys)
        self.solver = quiet_highs()
        self.solver.setOptionValue("presolve", "off")
        self.solver.addVars(n, [0.0] * n, [reach] * n)  # up_i
        self.solver.addVars(n, [0.0] * n, [float(a) for a in table.counts])  # down_i
        for equation in table.equations:
            cells = [*equation.cells, *(n + c for c in equation.cells)]
            values = [*equation.coefficients, *(-v for v in equation.coefficients)]
            self.solver.addRow(0.0, 0.0, len(cells), cells, values)
        self.reach = reach

    def extend(self, pattern: Sequence[float], needs: Sequence[Requirement]) -> list[float]:
        """The pattern plus, for each requirement, the cells of a cheapest protection path."""
        n = len(self.table.keys)
        grown = list(pattern)
        costs = [0.0 if grown[i] > 0.5 else self.weights[i] for i in range(n)]
        self.solver.changeColsCost(2 * n, list(range(2 * n)), costs + costs)
        witnesses: list[dict[int, float]] = []
        for need in needs:
            # a shift found for an earlier requirement stays possible as the pattern grows
            if any(shift.get(need.cell, 0.0) * need.direction >= need.level - TOLERANCE for shift in witnesses):
                continue
            shift = self._path(need)
            witnesses.append(shift)
            if all(change <= self.table.counts[cell] + TOLERANCE for cell, change in shift.items()):
                witnesses.append({cell: -change for cell, change in shift.items()})  # the reverse shift fits too
            newly = [cell for cell in shift if grown[cell] < 0.5]
            for cell in newly:
                grown[cell] = 1.0
            if newly:
                zeros = [0.0] * len(newly)
                self.solver.changeColsCost(len(newly), newly, zeros)
                self.solver.changeColsCost(len(newly), [n + c for c in newly], zeros)
        return grown

    def _path(self, need: Requirement) -> dict[int, float]:
        """The cheapest shift (cell → change) that moves the primary cell as required."""
        n = len(self.table.keys)
        up, down = need.cell, n + need.cell
        moving, still = (up, down) if need.direction > 0 else (down, up)
        bounds = {up: self.reach, down: float(self.table.counts[need.cell])}
        self.solver.changeColBounds(moving, float(need.level), float(need.level))
        self.solver.changeColBounds(still, 0.0, 0.0)
        self.solver.run()
        status = self.solver.getModelStatus()
        values = list(self.solver.getSolution().col_value)
        self.solver.changeColBounds(moving, 0.0, bounds[moving])
        self.solver.changeColBounds(still, 0.0, bounds[still])
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"protection path LP ended with {self.solver.modelStatusToString(status)}")
        shift = {i: values[i] - values[n + i] for i in range(n)}
        return {i: change for i, change in shift.items() if abs(change) > TOLERANCE}
