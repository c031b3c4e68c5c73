"""The comparison mechanisms keep the rules, and the optimum is never worse than they are."""

from __future__ import annotations

from bildungslandschaft.core.conference import assign, parse_instance, violations
from bildungslandschaft.core.conference.baselines import (
    first_come_first_served,
    quality,
    random_serial_dictatorship,
)
from bildungslandschaft.core.conference.synthetic import synthetic_conference

TWO_BLOCKS = {
    "workshops": ["a", "b"],
    "blocks": [
        {
            "id": "b1",
            "sessions": [{"id": "a1", "workshop": "a", "capacity": 1}, {"id": "b1", "workshop": "b", "capacity": 1}],
        },
        {
            "id": "b2",
            "sessions": [{"id": "a2", "workshop": "a", "capacity": 1}, {"id": "b2", "workshop": "b", "capacity": 1}],
        },
    ],
    "participants": [{"id": "p1", "ranking": ["a", "b"]}, {"id": "p2", "ranking": ["a", "b"]}],
}


def test_first_come_first_served_gives_the_early_bird_its_wish_first() -> None:
    instance = parse_instance(TWO_BLOCKS)
    seats = first_come_first_served(instance)
    assert seats["p1"] == {"b1": "a1", "b2": "b2"}
    assert seats["p2"] == {"b1": "b1", "b2": "a2"}
    assert violations(instance, seats) == []
    assert quality(instance, seats).first == 2


def test_baselines_keep_the_rules_and_the_optimum_is_at_least_as_good() -> None:
    instance = parse_instance(synthetic_conference(200, 3, 8, seed=3, slack=1.1))
    optimal = assign(instance)
    best = quality(instance, optimal.assignment)
    for seats in (first_come_first_served(instance), random_serial_dictatorship(instance, seed=1)):
        found = quality(instance, seats)
        if found.unseated == 0:
            assert violations(instance, seats) == []
        assert best.worst_rank <= found.worst_rank or found.unseated > 0
        assert best.unseated == 0
