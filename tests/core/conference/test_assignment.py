"""The optimal assignment on instances small enough to check by hand, and two realistic sizes."""

from __future__ import annotations

from tests.core.conference.conftest import block, event, person

from bildungslandschaft.core.conference import assign, parse_instance, violations
from bildungslandschaft.core.conference.synthetic import magdeburg_conference, synthetic_conference


def test_assign_two_sessions_gives_the_scarce_seat_to_who_ranked_it():
    # a has 2 seats, b 1; Clara ranked only a, so b would be her rank 3 (unranked = W + 1)
    instance = event(
        "a b", [block("b1", a=2, b=1)], [person("anna", "a", "b"), person("ben", "a", "b"), person("clara", "a")]
    )

    result = assign(instance)

    assert result.optimal
    assert result.assignment["clara"] == {"b1": "b1-a"}
    assert sorted(seats["b1"] for seats in result.assignment.values()) == ["b1-a", "b1-a", "b1-b"]
    assert (result.worst_rank, result.sum_of_ranks) == (2, 4)
    assert result.rank_histogram == {"1": 2, "2": 1}
    assert result.fill == {"b1-a": {"assigned": 2, "capacity": 2}, "b1-b": {"assigned": 1, "capacity": 1}}


def test_assign_minimises_worst_rank_before_sum():
    # the least sum is 6 (Anna c, Ben a, Clara b at rank 3, Deniz d), but it leaves Clara at rank 3;
    # worst rank 2 is possible: Anna b, Deniz c, and Ben and Clara share a and d, sum 7
    instance = event(
        "a b c d",
        [block("b1", a=1, b=1, c=1, d=1)],
        [
            person("anna", "c", "b", "d", "a"),
            person("ben", "a", "d", "b", "c"),
            person("clara", "a", "d", "b", "c"),
            person("deniz", "d", "c", "a", "b"),
        ],
    )

    result = assign(instance)

    assert result.status == "optimal"
    assert (result.worst_rank, result.sum_of_ranks) == (2, 7)
    assert result.assignment["anna"] == {"b1": "b1-b"}
    assert result.assignment["deniz"] == {"b1": "b1-c"}
    assert {result.assignment["ben"]["b1"], result.assignment["clara"]["b1"]} == {"b1-a", "b1-d"}


def test_assign_counts_an_unranked_workshop_as_w_plus_one():
    instance = event("a b c", [block("b1", a=1, b=1)], [person("anna", "a"), person("ben", "a")])

    result = assign(instance)

    assert result.worst_rank == 4
    assert result.rank_histogram == {"1": 1, "2": 0, "3": 0, "4": 1}


def test_assign_prefers_a_last_ranked_workshop_to_an_unranked_one():
    instance = event("a b", [block("b1", a=1, b=1)], [person("anna", "a"), person("ben", "a", "b")])

    result = assign(instance)

    assert result.assignment == {"anna": {"b1": "b1-a"}, "ben": {"b1": "b1-b"}}


def test_assign_keeps_pinned_seats_and_leaves_them_out_of_the_ranks():
    # Anna speaks in b (unranked for her); Ben then gets a although both prefer it
    instance = event(
        "a b", [block("b1", a=1, b=2)], [person("anna", "a", pinned={"b1": "b1-b"}), person("ben", "a", "b")]
    )

    result = assign(instance)

    assert result.assignment == {"anna": {"b1": "b1-b"}, "ben": {"b1": "b1-a"}}
    assert (result.worst_rank, result.sum_of_ranks, result.rank_histogram) == (1, 1, {"1": 1})


def test_assign_never_gives_an_excluded_workshop_even_when_others_are_unranked():
    instance = event("a b c", [block("b1", a=1, b=1, c=1)], [person("anna", "a", excluded=["b"]), person("ben", "a")])

    result = assign(instance)

    assert result.assignment["anna"] == {"b1": "b1-c"}
    assert result.assignment["ben"] == {"b1": "b1-a"}


def test_assign_never_repeats_a_workshop_across_blocks():
    # a runs in both blocks and is everybody's favourite: each person gets it at most once
    instance = event(
        "a b",
        [block("b1", a=2, b=2), block("b2", a=2, b=2)],
        [person("anna", "a", "b"), person("ben", "a", "b")],
    )

    result = assign(instance)

    workshops = {who: sorted(seat[-1] for seat in seats.values()) for who, seats in result.assignment.items()}
    assert workshops == {"anna": ["a", "b"], "ben": ["a", "b"]}
    assert result.rank_histogram == {"1": 2, "2": 2}


def test_assign_respects_capacity_when_everyone_wants_the_same_session():
    people = [person(f"p{number}", "a", "b", "c") for number in range(5)]
    instance = event("a b c", [block("b1", a=2, b=2, c=1)], people)

    result = assign(instance)

    assert {seat: fill["assigned"] for seat, fill in result.fill.items()} == {"b1-a": 2, "b1-b": 2, "b1-c": 1}
    assert result.rank_histogram == {"1": 2, "2": 2, "3": 1}


def test_assign_only_seats_people_in_the_blocks_they_registered_for():
    instance = event(
        "a b",
        [block("b1", a=1), block("b2", b=1)],
        [person("anna", "a", "b", blocks=["b2"]), person("ben", "a", blocks=["b1"])],
    )

    result = assign(instance)

    assert result.assignment == {"anna": {"b2": "b2-b"}, "ben": {"b1": "b1-a"}}


def test_assign_without_participants_is_trivially_optimal():
    instance = event("a", [block("b1", a=0)], [])

    result = assign(instance)

    assert (result.status, result.assignment, result.worst_rank, result.fill["b1-a"]["assigned"]) == (
        "optimal",
        {},
        0,
        0,
    )


def test_assign_seed_conference_with_120_participants_is_optimal_and_valid():
    instance = parse_instance(magdeburg_conference(participants=120))

    result = assign(instance)

    assert result.optimal
    assert violations(instance, result.assignment) == []
    assert sum(fill["assigned"] for fill in result.fill.values()) == 120


def test_assign_300_participants_in_three_blocks_is_optimal_and_valid():
    instance = parse_instance(synthetic_conference(participants=300, blocks=3, sessions=6, seed=7))

    result = assign(instance)

    assert result.optimal
    assert violations(instance, result.assignment) == []
    assert sum(result.rank_histogram.values()) == 900
