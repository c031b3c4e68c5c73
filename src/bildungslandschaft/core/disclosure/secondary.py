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
* Benders-style cut generation: a master MILP over ``x`` (`master.py`) starts with the
  single-equation cuts (every equation of a primary cell needs another suppressed cell that can
  move far enough). A pattern is checked by the attacker LPs, split into independent groups of
  suppressed cells; each unmet requirement adds the cut from its LP dual. Cheap rounds on the LP
  relaxation collect cuts first; then each master MILP solution is checked, a repair adds the
  cheapest protection path for each unmet requirement (`heuristic.py`), and pruning drops the
  cells the repaired pattern does not need.
* The search keeps the cheapest protected pattern seen. It stops when the master's proven lower
  bound reaches that cost (optimal) or when the time is up; the result is protected in either
  case, and ``optimal`` says which.
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

from bildungslandschaft.core.disclosure.attacker import (
    TOLERANCE,
    AttackerProblem,
    Cut,
    Requirement,
    equation_cuts,
)
from bildungslandschaft.core.disclosure.heuristic import ProtectionPaths
from bildungslandschaft.core.disclosure.indexed import IndexedTable
from bildungslandschaft.core.disclosure.master import Master, singleton_rows

Objective = Literal["cells", "total"]
OBJECTIVES: tuple[Objective, ...] = ("cells", "total")
RELAXATION_ROUNDS = 50
PRUNE_WITHIN = 1.05
RELAXATION_SHARE = 0.3  # of the time limit, at most, for the first LP rounds


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
    rows = singleton_rows(table, fixed) if singletons else []
    search = _Search(table, needs, fixed, objective, started + time_limit, rows)
    search.relax_until = started + RELAXATION_SHARE * time_limit
    for need in needs:
        search.master.add_all(equation_cuts(table, need, fixed))
    search.master.add_all(rows)
    chosen, optimal = search.run()
    seconds = time.monotonic() - started
    return SecondaryResult(chosen, optimal, search.rounds, search.master.count, seconds)


class _Search:
    """One cut-generation run: requirements, the attacker's reach, the master, the best pattern."""

    def __init__(
        self,
        table: IndexedTable,
        needs: Sequence[Requirement],
        fixed: frozenset[int],
        objective: Objective,
        deadline: float,
        singletons: Sequence[Cut],
    ) -> None:
        self.table = table
        self.singletons = singletons
        self.fixed = fixed
        self.deadline = deadline
        self.reach = float(max(*table.counts, *(need.level for need in needs)))
        self.master = Master(table, fixed, objective)
        self.paths = ProtectionPaths(table, self.master.costs, self.reach)
        self.rounds = 0
        self.relax_until = deadline
        self.by_cell: dict[int, list[Requirement]] = {}
        for need in needs:
            self.by_cell.setdefault(need.cell, []).append(need)

    def run(self) -> tuple[frozenset[int], bool]:
        """The best protected pattern found and whether it is proved optimal."""
        self.relax()
        self.relax_until = self.deadline  # only the first LP rounds are held to their share of the time
        primaries = [1.0 if i in self.fixed else 0.0 for i in range(len(self.table.keys))]
        best = self.prune(self.repair(primaries))
        while time.monotonic() < self.deadline:
            self.rounds += 1
            outcome = self.master.solve(self.deadline - time.monotonic())
            for pattern in outcome.patterns:
                found = self.violated_cuts(pattern)
                self.master.add_all(found)
                if not found and self.master.cost(pattern) < self.master.cost(best):
                    best = pattern
            if outcome.lower_bound >= self.master.cost(best) - self.master.gap:
                return _chosen(best), True
            if outcome.patterns and time.monotonic() < self.deadline:
                candidate = self.repair(outcome.patterns[0])
                # pruning costs many LPs: only for repaired patterns close to the best one
                if self.master.cost(candidate) < PRUNE_WITHIN * self.master.cost(best):
                    candidate = self.prune(candidate)
                if self.master.cost(candidate) < self.master.cost(best):
                    best = candidate
            self.relax()
        return _chosen(best), False

    def relax(self) -> None:
        """Add the cuts that fractional LP patterns violate: cheap rounds that spare MILP rounds."""
        for _ in range(RELAXATION_ROUNDS):
            until = min(self.deadline, self.relax_until)
            if time.monotonic() >= until:
                return
            self.rounds += 1
            pattern = self.master.solve_relaxation()
            if not self.master.add_all([cut for _, cut in self.unmet(pattern, until=until)]):
                return

    def repair(self, pattern: Sequence[float]) -> list[float]:
        """Add protection paths to a 0/1 pattern until the attacker LPs find it protected."""
        repaired = list(pattern)
        for row in self.singletons:
            cheapest = sorted(row.cells, key=lambda i: (repaired[i] < 0.5, self.master.costs[i]))
            for cell in cheapest[:2]:
                repaired[cell] = 1.0
        while unmet := self.unmet(repaired):
            self.master.add_all([cut for _, cut in unmet])
            repaired = self.paths.extend(repaired, [need for need, _ in unmet])
        return repaired

    def prune(self, pattern: Sequence[float]) -> list[float]:
        """Drop secondary cells, dearest first, as long as the pattern stays protected."""
        pruned = list(pattern)
        secondary = [i for i, x in enumerate(pruned) if x > 0.5 and i not in self.fixed]
        for cell in sorted(secondary, key=lambda i: -self.master.costs[i]):
            if time.monotonic() >= self.deadline:
                break
            pruned[cell] = 0.0
            if self.master.breaks_a_cut(pruned, cell):  # singleton rows are among the cuts
                pruned[cell] = 1.0
                continue
            pruned[cell] = 1.0
            group = next(g for g in self.table.components(_chosen(pruned)) if cell in g)
            pruned[cell] = 0.0
            if self.unmet(pruned, [c for c in group if c != cell]):
                pruned[cell] = 1.0
        return pruned

    def violated_cuts(self, pattern: Sequence[float]) -> list[Cut]:
        """One cut for each requirement the pattern does not meet."""
        return [cut for _, cut in self.unmet(pattern)]

    def unmet(
        self, pattern: Sequence[float], within: Sequence[int] | None = None, until: float = math.inf
    ) -> list[tuple[Requirement, Cut]]:
        """Check the requirements on the pattern (only among ``within`` cells if given).

        With ``until``, checking stops at that time and returns what it found so far.
        """
        support = [i for i, value in enumerate(pattern) if value > TOLERANCE]
        if within is not None:
            support = [i for i in within if pattern[i] > TOLERANCE]
        found: list[tuple[Requirement, Cut]] = []
        for group in self.table.components(support):
            checked = [need for cell in group for need in self.by_cell.get(cell, [])]
            if not checked:
                continue
            attacker = AttackerProblem(self.table, group, pattern, self.reach)
            for need in checked:
                if time.monotonic() >= until:
                    return found
                shift, duals = attacker.best_shift(need.cell, need.direction)
                if shift >= need.level - TOLERANCE:
                    continue
                # the cut separates the pattern by LP duality; should rounding ever spoil that,
                # the requirement still counts as unmet and the repair still protects it
                found.append((need, attacker.cut(need, duals, self.fixed)))
        return found


def _chosen(pattern: Sequence[float]) -> frozenset[int]:
    return frozenset(i for i, value in enumerate(pattern) if value > 0.5)
