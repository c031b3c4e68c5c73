"""Seats between registrations and the solver: rankings per block, late seats, the waiting list."""

from __future__ import annotations

from bildungslandschaft.core.conference import assign, violations
from bildungslandschaft.core.conference.seating import (
    Offer,
    Wish,
    best_free_seat,
    build_instance,
    merged_ranking,
    next_from_waitlist,
    rank_report,
)

OFFERS = [
    Offer("a1", "b1", "a", 1),
    Offer("b1", "b1", "b", 2),
    Offer("a2", "b2", "a", 2),
    Offer("c2", "b2", "c", 1),
]


def wish(name: str, b1: tuple[str, ...], b2: tuple[str, ...] = (), **kwargs: object) -> Wish:
    blocks = ("b1", "b2") if b2 else ("b1",)
    return Wish(name, {"b1": b1, "b2": b2}, blocks, **kwargs)  # type: ignore[arg-type]


def test_merged_ranking_interleaves_blocks() -> None:
    assert merged_ranking({"b1": ("a", "b"), "b2": ("c", "a")}, ["b1", "b2"]) == ("a", "c", "b")


def test_build_instance_solves_to_a_valid_assignment() -> None:
    wishes = [wish("anna", ("a", "b"), ("c", "a")), wish("ben", ("a", "b"), ("a", "c")), wish("clara", ("b", "a"))]
    instance = build_instance(["a", "b", "c"], OFFERS, wishes)
    result = assign(instance)
    assert result.optimal
    assert violations(instance, result.assignment) == []
    report = rank_report(OFFERS, wishes, result.assignment)
    assert report.seated == 5
    assert report.fill["a1"] == (1, 1)


def test_excluded_workshop_leaves_the_merged_ranking() -> None:
    instance = build_instance(["a", "b", "c"], OFFERS, [wish("anna", ("a", "b"), excluded=frozenset({"a"}))])
    assert instance.participants[0].ranking == ("b",)


def test_best_free_seat_skips_full_sessions() -> None:
    seats = {"ben": {"b1": "a1"}}
    assert best_free_seat(wish("clara", ("a", "b")), "b1", OFFERS, seats) == "b1"


def test_best_free_seat_avoids_a_workshop_seated_in_another_block() -> None:
    seats = {"clara": {"b1": "a1"}}
    assert best_free_seat(wish("clara", ("a", "b"), ("a", "c")), "b2", OFFERS, seats) == "c2"


def test_best_free_seat_none_when_everything_is_full() -> None:
    seats = {"x": {"b1": "a1"}, "y": {"b1": "b1"}, "z": {"b1": "b1"}}
    assert best_free_seat(wish("clara", ("a", "b")), "b1", OFFERS, seats) is None


def test_waitlist_gives_a_freed_seat_to_who_ranks_it_best() -> None:
    wishes = [wish("early", ("b", "a")), wish("late", ("a", "b"))]
    assert next_from_waitlist("a1", OFFERS, wishes, {}) == "late"


def test_waitlist_breaks_ties_by_registration_order() -> None:
    wishes = [wish("early", ("a",)), wish("late", ("a",))]
    assert next_from_waitlist("a1", OFFERS, wishes, {}) == "early"


def test_waitlist_skips_excluded_and_full() -> None:
    wishes = [wish("veto", ("b",), excluded=frozenset({"a"}))]
    assert next_from_waitlist("a1", OFFERS, wishes, {}) is None
    assert next_from_waitlist("a1", OFFERS, [wish("w", ("a",))], {"x": {"b1": "a1"}}) is None


def test_rank_report_counts_waiting_and_unranked() -> None:
    wishes = [wish("anna", ("a",)), wish("ben", ("a",))]
    report = rank_report(OFFERS, wishes, {"anna": {"b1": "b1"}})
    assert report.profile == {0: 1}
    assert report.worst == 0
    assert report.waiting == {"b1": 1}


def test_waitlist_moves_a_seated_person_up_to_a_better_session() -> None:
    wishes = [wish("content", ("b", "a")), wish("improver", ("a", "b"))]
    seats = {"content": {"b1": "b1"}, "improver": {"b1": "b1"}}
    assert next_from_waitlist("a1", OFFERS, wishes, seats) == "improver"


def test_waitlist_prefers_someone_without_a_seat_over_an_improvement() -> None:
    wishes = [wish("improver", ("a", "b")), wish("seatless", ("b", "a"))]
    assert next_from_waitlist("a1", OFFERS, wishes, {"improver": {"b1": "b1"}}) == "seatless"


def test_waitlist_never_moves_a_pinned_seat() -> None:
    pinned = Wish("speaker", {"b1": ("a", "b")}, ("b1",), pinned={"b1": "b1"})
    assert next_from_waitlist("a1", OFFERS, [pinned], {"speaker": {"b1": "b1"}}) is None
