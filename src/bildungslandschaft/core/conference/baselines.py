"""What conferences do without optimisation, for comparison with `assign`.

* **First come, first served** (the sign-up of pretalx and most registration tools): people sign up
  in registration order and, block by block, take the best-ranked session that still has a seat.
  The choice in one block does not look ahead, so a person may use up a favourite that was the only
  good option in a later block.
* **Random serial dictatorship**: a random order of people; each in turn takes the best bundle of
  sessions still open for them, going down their ranking and placing each wish in any block where
  it still fits.

Both keep every rule of the event (capacity, exclusions, pins, no workshop twice). A person who
finds no seat in a block at all stays without one there; `quality` counts them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bildungslandschaft.core.conference.instance import Instance, Participant, Session

Seats = dict[str, dict[str, str]]


@dataclass(frozen=True)
class Quality:
    """How good an assignment is for the people (over seats chosen, pins left out)."""

    seats: int
    first: int  # seats in the person's first wish
    top3: int  # seats in one of the first three wishes
    unranked: int  # seats in a workshop the person did not rank
    unseated: int  # person-blocks without a seat
    worst_rank: int

    def share(self, count: int) -> float:
        return count / self.seats if self.seats else 0.0


def first_come_first_served(instance: Instance) -> Seats:
    """Registration order; each person picks block by block, the best open session now."""
    free = Counter({session.id: session.capacity for session in instance.sessions})
    seats: Seats = {}
    for participant in instance.participants:
        taken: dict[str, str] = {}
        for block in participant.blocks:
            options = _open(instance, participant, block, taken, free)
            if options:
                best = min(options, key=lambda session: instance.rank(participant, session.workshop))
                _take(taken, free, block, best)
        seats[participant.id] = taken
    return seats


def random_serial_dictatorship(instance: Instance, seed: int = 0) -> Seats:
    """A random order; each person takes their wishes in turn wherever they still fit, then fills up."""
    order = list(instance.participants)
    random.Random(seed).shuffle(order)  # noqa: S311 - a lottery for a comparison, not a secret
    free = Counter({session.id: session.capacity for session in instance.sessions})
    seats: Seats = {}
    for participant in order:
        taken: dict[str, str] = {}
        wishes = [*participant.ranking, *(w for w in instance.workshops if w not in participant.ranking)]
        for workshop in wishes:
            for block in participant.blocks:
                if block in taken:
                    continue
                fitting = [s for s in _open(instance, participant, block, taken, free) if s.workshop == workshop]
                if fitting:
                    _take(taken, free, block, fitting[0])
                    break
        seats[participant.id] = taken
    return {participant.id: seats[participant.id] for participant in instance.participants}


def quality(instance: Instance, seats: Mapping[str, Mapping[str, str]]) -> Quality:
    """First wishes, top three, unranked and missing seats of an assignment."""
    sessions = {session.id: session for session in instance.sessions}
    ranks: list[int] = []
    unseated = 0
    for participant in instance.participants:
        for block in participant.blocks:
            seat = seats.get(participant.id, {}).get(block)
            if seat is None:
                unseated += 1
            elif participant.pinned_session(block) is None:
                ranks.append(instance.rank(participant, sessions[seat].workshop))
    return Quality(
        seats=len(ranks),
        first=sum(1 for rank in ranks if rank == 1),
        top3=sum(1 for rank in ranks if rank <= 3),
        unranked=sum(1 for rank in ranks if rank == instance.unranked),
        unseated=unseated,
        worst_rank=max(ranks, default=0),
    )


def _open(
    instance: Instance, participant: Participant, block: str, taken: Mapping[str, str], free: Counter[str]
) -> Sequence[Session]:
    """Sessions of the block this person may still take: seat left, workshop not yet attended."""
    sessions = {session.id: session for session in instance.sessions}
    attended = {sessions[seat].workshop for seat in taken.values()}
    return [
        session
        for session in instance.choices(participant, block)
        if free[session.id] > 0 and session.workshop not in attended
    ]


def _take(taken: dict[str, str], free: Counter[str], block: str, session: Session) -> None:
    taken[block] = session.id
    free[session.id] -= 1
