"""The optimal assignment of participants to parallel sessions, solved exactly with HiGHS.

Model: a binary ``x[p, s]`` for each participant ``p`` and each session ``s`` open to them in a
block they attend (`Instance.choices`: not excluded, the pinned one where pinned).

* one session per participant and attended block: ``sum_s x[p, s] = 1``;
* capacity: ``sum_p x[p, s] <= capacity(s)``;
* no workshop twice: for each participant and workshop offered in several blocks, ``sum <= 1``;
* pinned seats: the only open session of that block, so the first row fixes them.

Objective, lexicographic and solved in two stages (no weights, so no big-M trade-off):

1. the smallest threshold ``t`` such that a valid assignment gives nobody a rank worse than ``t``
   (columns with rank > t get upper bound 0; binary search between the best rank each person can
   get at all and the worst rank of a first feasible solution);
2. with ``t`` fixed, the smallest sum of ranks.

Ranks count from 1 (first wish); a workshop the participant did not rank counts as W + 1. Pinned
seats (e.g. speakers) are fixed, not chosen: they count in neither stage nor in the reported ranks.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt

from bildungslandschaft.core.conference.diagnosis import GENERAL, explain_infeasibility
from bildungslandschaft.core.conference.instance import Instance
from bildungslandschaft.core.conference.report import AssignmentResult, summarise
from bildungslandschaft.core.disclosure.highs import quiet_highs

INF = highspy.kHighsInf
OPTIMAL = highspy.HighsModelStatus.kOptimal
INFEASIBLE = highspy.HighsModelStatus.kInfeasible
UNPROVEN_WORST_RANK = "Time limit reached (worst rank not proven minimal)"
# the sum of ranks is an integer: a gap below 1 proves optimality
INTEGER_GAP = 0.999


@dataclass(frozen=True)
class _Outcome:
    """One HiGHS solve: its status text, and the chosen columns when a solution exists."""

    status: highspy.HighsModelStatus
    text: str
    chosen: npt.NDArray[np.bool_] | None


class _Model:
    """The assignment MILP in one HiGHS instance, re-solved with other bounds and costs per stage."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.participant: list[str] = []
        self.block: list[str] = []
        self.session: list[str] = []
        ranks: list[int] = []
        pinned: list[bool] = []
        one_each: list[list[int]] = []
        per_session: dict[str, list[int]] = defaultdict(list)
        rows_unique: list[list[int]] = []
        for person in instance.participants:
            per_workshop: dict[str, list[int]] = defaultdict(list)
            for block in person.blocks:
                row = []
                for session in instance.choices(person, block):
                    column = len(ranks)
                    self.participant.append(person.id)
                    self.block.append(block)
                    self.session.append(session.id)
                    ranks.append(instance.rank(person, session.workshop))
                    pinned.append(person.pinned_session(block) is not None)
                    row.append(column)
                    per_session[session.id].append(column)
                    per_workshop[session.workshop].append(column)
                one_each.append(row)
            rows_unique += [columns for columns in per_workshop.values() if len(columns) > 1]
        self.ranks = np.array(ranks, dtype=np.int64)
        self.free = ~np.array(pinned, dtype=np.bool_)
        self.every_block_open = all(one_each)
        # nobody can do better than their best open rank: the lower end of the search
        lowest = [min(ranks[column] for column in row) for row in one_each if row and not pinned[row[0]]]
        self.best_possible = max(lowest, default=0)
        self.solver = quiet_highs()
        n = len(ranks)
        self.solver.addVars(n, np.zeros(n), np.ones(n))
        self.solver.changeColsIntegrality(
            n, np.arange(n), np.full(n, int(highspy.HighsVarType.kInteger), dtype=np.uint8)
        )
        sessions = instance.sessions
        self._add_rows(one_each, [1.0] * len(one_each), [1.0] * len(one_each))
        self._add_rows([per_session[s.id] for s in sessions], [-INF] * len(sessions), [s.capacity for s in sessions])
        self._add_rows(rows_unique, [-INF] * len(rows_unique), [1.0] * len(rows_unique))
        self.solver.setOptionValue("mip_rel_gap", 0.0)
        self.solver.setOptionValue("mip_abs_gap", INTEGER_GAP)

    def _add_rows(self, rows: list[list[int]], lower: Sequence[float], upper: Sequence[float]) -> None:
        if not rows:
            return
        starts = np.cumsum([0] + [len(row) for row in rows[:-1]], dtype=np.int32)
        indices = np.array([column for row in rows for column in row], dtype=np.int32)
        self.solver.addRows(
            len(rows), np.array(lower), np.array(upper), len(indices), starts, indices, np.ones(len(indices))
        )

    def solve(
        self, threshold: int, minimise_sum: bool, seconds: float, start: npt.NDArray[np.bool_] | None
    ) -> _Outcome:
        """Find a valid assignment with no free rank above ``threshold``; optimal in the sum if asked."""
        n = len(self.ranks)
        upper = np.where(self.free & (self.ranks > threshold), 0.0, 1.0)
        self.solver.changeColsBounds(n, np.arange(n, dtype=np.int32), np.zeros(n), upper)
        costs = np.where(self.free, self.ranks, 0).astype(np.float64) if minimise_sum else np.zeros(n)
        self.solver.changeColsCost(n, np.arange(n, dtype=np.int32), costs)
        self.solver.setOptionValue("time_limit", max(seconds, 0.01))
        if start is not None:
            solution = highspy.HighsSolution()
            solution.col_value = start.astype(np.float64).tolist()
            self.solver.setSolution(solution)
        self.solver.run()
        status = self.solver.getModelStatus()
        has_solution = self.solver.getInfo().primal_solution_status == 2  # 2: feasible
        chosen = np.array(self.solver.getSolution().col_value) > 0.5 if has_solution else None
        return _Outcome(status, self.solver.modelStatusToString(status), chosen)

    def worst(self, chosen: npt.NDArray[np.bool_]) -> int:
        """The worst rank among the free seats of a solution."""
        ranks = self.ranks[chosen & self.free]
        return int(ranks.max()) if ranks.size else 0

    def assignment(self, chosen: npt.NDArray[np.bool_]) -> dict[str, dict[str, str]]:
        """The solution as {participant: {block: session}}."""
        seats: dict[str, dict[str, str]] = {person.id: {} for person in self.instance.participants}
        for column in np.flatnonzero(chosen):
            seats[self.participant[column]][self.block[column]] = self.session[column]
        return seats


def assign(instance: Instance, time_limit: float = 60.0) -> AssignmentResult:
    """The lexicographically best assignment: least worst rank, then least sum of ranks.

    ``optimal`` is true when HiGHS proved both stages optimal within ``time_limit`` seconds; an
    infeasible instance gives status ``"infeasible"`` and German sentences in ``explanation``.
    """
    deadline = time.monotonic() + time_limit
    model = _Model(instance)
    if not model.every_block_open:
        return _infeasible(instance)
    if not model.ranks.size:  # nobody to seat: HiGHS would call the model empty, not optimal
        return summarise(instance, model.assignment(np.zeros(0, dtype=np.bool_)), "optimal", True)
    first = model.solve(instance.unranked, False, deadline - time.monotonic(), None)
    if first.status == INFEASIBLE:
        return _infeasible(instance)
    if first.chosen is None:
        return AssignmentResult(status=first.text, optimal=False)
    best, lower, upper = first.chosen, model.best_possible, model.worst(first.chosen)
    proven = first.status == OPTIMAL
    while lower < upper:  # stage 1: binary search on the worst rank
        middle = (lower + upper) // 2
        probe = model.solve(middle, False, deadline - time.monotonic(), None)
        if probe.chosen is not None:
            best, upper = probe.chosen, model.worst(probe.chosen)
        elif probe.status == INFEASIBLE:
            lower = middle + 1
        else:  # out of time: keep the best threshold found, unproven
            proven, lower = False, upper
    final = model.solve(upper, True, deadline - time.monotonic(), best)  # stage 2
    chosen = final.chosen if final.chosen is not None else best
    optimal = proven and final.status == OPTIMAL
    if optimal:
        status = "optimal"
    elif final.status != OPTIMAL:
        status = final.text
    else:  # the sum is optimal for a worst rank that could not be proven least in time
        status = UNPROVEN_WORST_RANK
    return summarise(instance, model.assignment(chosen), status, optimal)


def _infeasible(instance: Instance) -> AssignmentResult:
    return AssignmentResult(
        status="infeasible", optimal=False, explanation=explain_infeasibility(instance) or (GENERAL,)
    )
