"""What an assignment achieves (ranks, fill) and whether it keeps every rule of the event."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from bildungslandschaft.core.conference.instance import Instance

Assignment = Mapping[str, Mapping[str, str]]  # participant -> block -> session


@dataclass(frozen=True)
class AssignmentResult:
    """The outcome of `assign`: the seats, their quality, and whether HiGHS proved them optimal.

    ``status`` is ``"optimal"``, ``"infeasible"`` (then ``explanation`` says why) or the HiGHS
    model status of the solve that stopped early (e.g. ``"Time limit reached"``).
    """

    status: str
    optimal: bool
    assignment: dict[str, dict[str, str]] = field(default_factory=dict)
    worst_rank: int | None = None
    sum_of_ranks: int | None = None
    rank_histogram: dict[str, int] = field(default_factory=dict)
    fill: dict[str, dict[str, int]] = field(default_factory=dict)
    explanation: tuple[str, ...] = ()

    @property
    def feasible(self) -> bool:
        """Whether everyone got a seat in every block they registered for."""
        return self.worst_rank is not None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of the CLI output."""
        document: dict[str, object] = {
            "assignment": self.assignment,
            "worst_rank": self.worst_rank,
            "sum_of_ranks": self.sum_of_ranks,
            "rank_histogram": self.rank_histogram,
            "fill": self.fill,
            "status": self.status,
            "optimal": self.optimal,
        }
        if self.explanation:
            document["explanation"] = list(self.explanation)
        return document


def summarise(instance: Instance, assignment: Assignment, status: str, optimal: bool) -> AssignmentResult:
    """Ranks, histogram (every rank from 1 to the worst, zeros included) and fill of an assignment.

    The ranks are those of the chosen seats; pinned seats are given, not chosen, and left out.
    """
    sessions = {session.id: session for session in instance.sessions}
    ranks = [
        instance.rank(participant, sessions[assignment[participant.id][block]].workshop)
        for participant in instance.participants
        for block in participant.blocks
        if participant.pinned_session(block) is None
    ]
    worst = max(ranks, default=0)
    counted = Counter(ranks)
    seated = Counter(session for seats in assignment.values() for session in seats.values())
    return AssignmentResult(
        status=status,
        optimal=optimal,
        assignment={p.id: {b: assignment[p.id][b] for b in p.blocks} for p in instance.participants},
        worst_rank=worst,
        sum_of_ranks=sum(ranks),
        rank_histogram={str(rank): counted[rank] for rank in range(1, worst + 1)},
        fill={s.id: {"assigned": seated[s.id], "capacity": s.capacity} for s in instance.sessions},
    )


def violations(instance: Instance, assignment: Assignment) -> list[str]:
    """Every broken rule of an assignment, in German; empty when it is valid."""
    sessions = {session.id: session for session in instance.sessions}
    broken: list[str] = []
    for participant in instance.participants:
        who = f"Teilnehmer:in {participant.id}"
        seats = assignment.get(participant.id, {})
        if sorted(seats) != sorted(participant.blocks):
            broken.append(f"{who}: Blöcke {sorted(seats)} statt {sorted(participant.blocks)}")
            continue
        workshops = [sessions[seat].workshop for seat in seats.values() if seat in sessions]
        if len(workshops) < len(seats) or any(sessions[seat].block != block for block, seat in seats.items()):
            broken.append(f"{who}: Sitzung gehört nicht zum Block")
            continue
        if len(set(workshops)) < len(workshops):
            broken.append(f"{who}: ein Workshop doppelt")
        if participant.excluded & set(workshops):
            broken.append(f"{who}: ausgeschlossener Workshop {sorted(participant.excluded & set(workshops))}")
        for block, seat in participant.pinned:
            if seats[block] != seat:
                broken.append(f"{who}: Festsetzung {block}={seat} nicht eingehalten")
    seated = Counter(session for seats in assignment.values() for session in seats.values())
    broken += [f"Sitzung {s.id}: {seated[s.id]} > {s.capacity}" for s in instance.sessions if seated[s.id] > s.capacity]
    return broken
