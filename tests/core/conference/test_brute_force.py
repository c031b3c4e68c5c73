"""On random small instances, HiGHS agrees with enumerating every possible assignment."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from bildungslandschaft.core.conference import Instance, assign, parse_instance, violations


@st.composite
def small_instances(draw: st.DrawFn) -> Instance:
    """≤ 4 workshops, ≤ 2 blocks of ≤ 3 sessions, ≤ 4 participants with rankings, vetoes, pins, blocks."""
    workshops = [f"w{number}" for number in range(draw(st.integers(1, 4)))]
    blocks = []
    for block_number in range(draw(st.integers(1, 2))):
        count = draw(st.integers(1, 3))
        sessions = [
            {
                "id": f"b{block_number}s{n}",
                "workshop": draw(st.sampled_from(workshops)),
                "capacity": draw(st.sampled_from([2, 1, 3, 0])),
            }
            for n in range(count)
        ]
        blocks.append({"id": f"b{block_number}", "sessions": sessions})
    people = []
    for number in range(draw(st.integers(1, 4))):
        order = draw(st.permutations(workshops))
        ranked = draw(st.integers(0, len(order)))
        excluded = draw(st.lists(st.sampled_from(order[ranked:]), max_size=1)) if ranked < len(order) else []
        attended = draw(st.lists(st.sampled_from([b["id"] for b in blocks]), unique=True, min_size=1))
        entry: dict[str, object] = {"id": f"p{number}", "ranking": order[:ranked], "excluded": excluded}
        entry["blocks"] = attended
        if draw(st.integers(0, 4)) == 0:
            chosen = draw(st.sampled_from(attended))
            sessions = next(b["sessions"] for b in blocks if b["id"] == chosen)
            entry["pinned"] = {chosen: draw(st.sampled_from(sessions))["id"]}  # type: ignore[index]
        people.append(entry)
    return parse_instance({"workshops": workshops, "blocks": blocks, "participants": people})


def best_by_enumeration(instance: Instance) -> tuple[int, int] | None:
    """(worst rank, sum of ranks) of the lexicographically best valid assignment, or None."""
    per_person = []
    for participant in instance.participants:
        options = itertools.product(*(instance.block(b).sessions for b in participant.blocks))
        per_person.append([dict(zip(participant.blocks, (s.id for s in combo), strict=True)) for combo in options])
    best: tuple[int, int] | None = None
    sessions = {session.id: session for session in instance.sessions}
    for combination in itertools.product(*per_person):
        assignment = {p.id: seats for p, seats in zip(instance.participants, combination, strict=True)}
        if not keeps_the_rules(instance, assignment):
            continue
        ranks = [
            instance.rank(p, sessions[assignment[p.id][b]].workshop)
            for p in instance.participants
            for b in p.blocks
            if p.pinned_session(b) is None
        ]
        value = (max(ranks, default=0), sum(ranks))
        best = value if best is None or value < best else best
    return best


def keeps_the_rules(instance: Instance, assignment: dict[str, dict[str, str]]) -> bool:
    """The rules written out once more, independently of `violations`."""
    sessions = {session.id: session for session in instance.sessions}
    load = Counter(seat for seats in assignment.values() for seat in seats.values())
    if any(load[s.id] > s.capacity for s in instance.sessions):
        return False
    for participant in instance.participants:
        seats = assignment[participant.id]
        workshops = [sessions[seat].workshop for seat in seats.values()]
        if len(set(workshops)) < len(workshops) or set(workshops) & participant.excluded:
            return False
        if any(seats[block] != seat for block, seat in participant.pinned):
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(small_instances())
def test_assign_matches_brute_force_on_small_instances(instance: Instance):
    expected = best_by_enumeration(instance)

    result = assign(instance)

    if expected is None:
        assert (result.status, result.feasible) == ("infeasible", False)
        assert result.explanation
    else:
        assert result.optimal
        assert violations(instance, result.assignment) == []
        assert (result.worst_rank, result.sum_of_ranks) == expected
