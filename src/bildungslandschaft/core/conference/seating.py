"""Seats of a live event: registrations with a ranking per block → assignment instance and back.

The registration form asks for a ranking of the parallel sessions of each block. The solver
works on one ranking of workshops per person; `merged_ranking` interleaves the block rankings
(all first wishes, then all second wishes, …), so that the solver's sum of ranks is, up to a
constant, the sum of the per-block ranks and its worst rank is governed by the worst per-block
rank. Reports shown to organisers use the per-block ranks (`rank_report`).

Between the optimal assignment and the event, seats change one by one: a late registration gets
the best free seat (`best_free_seat`), a cancellation frees seats that go to the waiting person
who wants them most, and a person who moves up frees a seat in turn (`next_from_waitlist`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bildungslandschaft.core.conference.instance import Instance, parse_instance

Seats = Mapping[str, Mapping[str, str]]  # registration -> block -> session


@dataclass(frozen=True)
class Offer:
    """One session: a workshop in a block, with its capacity (smaller of limit and room)."""

    id: str
    block: str
    workshop: str
    capacity: int


@dataclass(frozen=True)
class Wish:
    """What one registration asks for: rankings per block, vetoes, blocks attended, pinned seats."""

    id: str
    rankings: Mapping[str, tuple[str, ...]]  # block -> workshops, best first
    blocks: tuple[str, ...]
    excluded: frozenset[str] = frozenset()
    pinned: Mapping[str, str] = field(default_factory=dict)  # block -> session

    def rank(self, block: str, workshop: str) -> int | None:
        """1 for the first wish in ``block``; None when the workshop was not ranked there."""
        ranking = self.rankings.get(block, ())
        return ranking.index(workshop) + 1 if workshop in ranking else None


@dataclass(frozen=True)
class RankReport:
    """How many seats are 1st, 2nd, … wishes in their block, the worst, and the fill of every session."""

    profile: dict[int, int]  # rank -> seats; rank 0 = not ranked
    worst: int | None  # worst per-block rank of a chosen seat (0 = someone got an unranked one)
    fill: dict[str, tuple[int, int]]  # session -> (seated, capacity)
    waiting: dict[str, int]  # block -> registrations without a seat there

    @property
    def seated(self) -> int:
        return sum(self.profile.values())


def merged_ranking(rankings: Mapping[str, Sequence[str]], blocks: Sequence[str]) -> tuple[str, ...]:
    """One ranking of workshops from per-block rankings: position by position, blocks in order."""
    merged: list[str] = []
    longest = max((len(rankings.get(block, ())) for block in blocks), default=0)
    for position in range(longest):
        for block in blocks:
            ranking = rankings.get(block, ())
            if position < len(ranking) and ranking[position] not in merged:
                merged.append(ranking[position])
    return tuple(merged)


def build_instance(workshops: Sequence[str], offers: Sequence[Offer], wishes: Sequence[Wish]) -> Instance:
    """The solver's instance (checked like a file would be) from sessions and registrations."""
    block_order = list(dict.fromkeys(offer.block for offer in offers))
    document = {
        "workshops": list(workshops),
        "blocks": [
            {
                "id": block,
                "sessions": [
                    {"id": o.id, "workshop": o.workshop, "capacity": o.capacity} for o in offers if o.block == block
                ],
            }
            for block in block_order
        ],
        "participants": [
            {
                "id": wish.id,
                "ranking": [
                    w
                    for w in merged_ranking(wish.rankings, [b for b in block_order if b in wish.blocks])
                    if w not in wish.excluded
                ],
                "excluded": sorted(wish.excluded),
                "pinned": dict(wish.pinned),
                "blocks": [block for block in block_order if block in wish.blocks],
            }
            for wish in wishes
        ],
    }
    return parse_instance(document)


def occupancy(seats: Seats) -> Counter[str]:
    """Seated people per session."""
    return Counter(session for by_block in seats.values() for session in by_block.values())


def _eligible(wish: Wish, offer: Offer, offers: Mapping[str, Offer], seats: Seats) -> bool:
    taken = {offers[s].workshop for b, s in seats.get(wish.id, {}).items() if b != offer.block and s in offers}
    return offer.block in wish.blocks and offer.workshop not in wish.excluded and offer.workshop not in taken


def _preference(wish: Wish, offer: Offer) -> int:
    rank = wish.rank(offer.block, offer.workshop)
    return rank if rank is not None else 10**6  # unranked after every ranked one


def best_free_seat(wish: Wish, block: str, offers: Sequence[Offer], seats: Seats) -> str | None:
    """The session of ``block`` this person ranks best among those with a free seat; None if all are full."""
    by_id = {offer.id: offer for offer in offers}
    used = occupancy(seats)
    free = [
        offer
        for offer in offers
        if offer.block == block and used[offer.id] < offer.capacity and _eligible(wish, offer, by_id, seats)
    ]
    if not free:
        return None
    return min(free, key=lambda offer: _preference(wish, offer)).id


def next_from_waitlist(session: str, offers: Sequence[Offer], wishes: Sequence[Wish], seats: Seats) -> str | None:
    """Who gets a free seat in ``session`` (``wishes`` in order of registration).

    First those without a seat in its block, the one who ranks the session best; then those seated
    (not pinned) in a session of the block they rank worse, again best rank first. Earlier
    registration breaks ties. A person who moves frees a seat in turn (the caller repeats).
    """
    by_id = {offer.id: offer for offer in offers}
    offer = by_id[session]
    if occupancy(seats)[session] >= offer.capacity:
        return None

    def priority(wish: Wish) -> tuple[int, int] | None:
        if not _eligible(wish, offer, by_id, seats):
            return None
        current = seats.get(wish.id, {}).get(offer.block)
        if current is None:
            return (0, _preference(wish, offer))
        if offer.block in wish.pinned or _preference(wish, by_id[current]) <= _preference(wish, offer):
            return None
        return (1, _preference(wish, offer))

    ranked = [(key, wish.id) for wish in wishes if (key := priority(wish)) is not None]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None  # min is stable: first registered wins


def rank_report(offers: Sequence[Offer], wishes: Sequence[Wish], seats: Seats) -> RankReport:
    """Per-block ranks of the chosen (not pinned) seats, the worst of them, fill and waiting list."""
    by_id = {offer.id: offer for offer in offers}
    profile: Counter[int] = Counter()
    waiting: Counter[str] = Counter()
    for wish in wishes:
        mine = seats.get(wish.id, {})
        for block in wish.blocks:
            if block not in mine:
                waiting[block] += 1
            elif block not in wish.pinned:
                profile[wish.rank(block, by_id[mine[block]].workshop) or 0] += 1
    used = occupancy(seats)
    ranked = [rank for rank in profile if rank > 0]
    worst = 0 if profile[0] else max(ranked, default=None)
    return RankReport(
        profile=dict(sorted(profile.items())),
        worst=worst,
        fill={offer.id: (used[offer.id], offer.capacity) for offer in offers},
        waiting=dict(waiting),
    )
