"""Infeasible instances end in status "infeasible" and a German sentence naming the cause."""

from __future__ import annotations

from tests.core.conference.conftest import block, event, person

from bildungslandschaft.core.conference import assign
from bildungslandschaft.core.conference.diagnosis import GENERAL


def test_assign_explains_a_block_with_too_few_seats():
    people = [person(f"p{number:02d}", "a") for number in range(45)]
    instance = event("a b", [block("b1", a=20, b=20)], people)

    result = assign(instance)

    assert (result.status, result.optimal, result.feasible) == ("infeasible", False, False)
    assert result.explanation == ("Block b1 hat insgesamt 40 Plätze, aber 45 Teilnehmende sind angemeldet",)
    assert result.assignment == {}


def test_assign_explains_a_participant_who_excluded_every_session_of_a_block():
    instance = event(
        "a b c", [block("b1", a=5, b=5), block("b2", c=5)], [person("p3", "c", excluded=["a", "b"]), person("p4", "a")]
    )

    result = assign(instance)

    assert result.explanation == ("Teilnehmer:in p3 hat jede Sitzung von Block b1 ausgeschlossen",)


def test_assign_explains_a_block_left_empty_by_exclusions_and_a_pin_elsewhere():
    instance = event(
        "a b", [block("b1", a=5, b=5), block("b2", a=5)], [person("p1", "a", excluded=["b"], pinned={"b2": "b2-a"})]
    )

    result = assign(instance)

    assert result.explanation == (
        "Teilnehmer:in p1 kann in Block b1 keine Sitzung besuchen: jeder Workshop dort ist ausgeschlossen "
        "oder in einem anderen Block festgesetzt",
    )


def test_assign_explains_a_pin_on_an_excluded_workshop():
    instance = event("a b", [block("b1", a=5, b=5)], [person("p1", "b", excluded=["a"], pinned={"b1": "b1-a"})])

    result = assign(instance)

    assert result.explanation == (
        "Teilnehmer:in p1 ist in Sitzung b1-a festgesetzt, hat Workshop a aber ausgeschlossen",
    )


def test_assign_explains_the_same_workshop_pinned_twice():
    instance = event(
        "a b", [block("b1", a=5, b=5), block("b2", a=5, b=5)], [person("p1", pinned={"b1": "b1-a", "b2": "b2-a"})]
    )

    result = assign(instance)

    assert result.explanation == ("Teilnehmer:in p1 ist in mehreren Blöcken im selben Workshop a festgesetzt",)


def test_assign_explains_more_pins_than_seats():
    people = [person(name, pinned={"b1": "b1-a"}) for name in ("anna", "ben", "clara")]
    instance = event("a b", [block("b1", a=2, b=5)], people)

    result = assign(instance)

    assert result.explanation == (
        "Sitzung b1-a hat 2 Plätze, aber 3 Teilnehmende sind dort festgesetzt (anna, ben, clara)",
    )


def test_assign_explains_too_few_distinct_workshops_across_blocks():
    # only workshop a runs in both blocks: nobody can attend two different workshops
    instance = event("a b", [block("b1", a=5), block("b2", a=5)], [person("p1", "a")])

    result = assign(instance)

    assert result.explanation == (
        "Teilnehmer:in p1 braucht in den Blöcken b1, b2 je einen anderen Workshop, zur Wahl stehen aber nur 1: a",
    )


def test_assign_explains_a_group_squeezed_by_exclusions():
    people = [person(f"p{number}", "a", excluded=["b"]) for number in range(1, 4)] + [person("p4", "b")]
    instance = event("a b", [block("b1", a=2, b=5)], people)

    result = assign(instance)

    assert result.explanation == (
        "In Block b1 kommen 3 Teilnehmende (p1, p2, p3) nur für die Sitzungen b1-a in Frage, "
        "die zusammen 2 Plätze haben",
    )


def test_assign_falls_back_to_a_general_sentence_for_an_interplay_of_rules():
    # both must take a in b1 (its only session), so in b2 both need b, which has one seat
    instance = event("a b", [block("b1", a=2), block("b2", a=1, b=1)], [person("anna", "a"), person("ben", "a")])

    result = assign(instance)

    assert (result.status, result.explanation) == ("infeasible", (GENERAL,))


def test_assign_names_at_most_five_people_in_a_sentence():
    people = [person(f"p{number}", pinned={"b1": "b1-a"}) for number in range(1, 9)]
    instance = event("a", [block("b1", a=1)], people)

    result = assign(instance)

    assert "p1, p2, p3, p4, p5 und 3 weitere" in result.explanation[0]
