"""Why no assignment exists: the simple causes, each named with the people, blocks and sessions involved.

The checks are necessary conditions, tried from the most local to the most global. When the
solver proves infeasibility and none of them fires, the cause is an interplay (e.g. capacities
together with "no workshop twice" across blocks) and a general sentence says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from bildungslandschaft.core.conference.instance import Instance, Participant, Session

GENERAL = (
    "Keine zulässige Zuteilung: Kapazitäten, Ausschlüsse, Festsetzungen und „kein Workshop doppelt“ "
    "lassen sich zusammen nicht erfüllen, obwohl jede Bedingung einzeln erfüllbar ist"
)
LISTED = 5  # name at most this many participants in one sentence


def explain_infeasibility(instance: Instance) -> tuple[str, ...]:
    """Sentences (German) naming simple reasons why no assignment can exist; empty if none is found."""
    reasons = [
        reason for participant in instance.participants for reason in _participant_reasons(instance, participant)
    ]
    reasons += list(_pinned_over_capacity(instance))
    reasons += list(_block_capacity(instance))
    if not reasons:  # group shortages only matter when nothing more basic is wrong
        reasons += list(_group_capacity(instance))
    return tuple(reasons)


def _participant_reasons(instance: Instance, participant: Participant) -> Iterator[str]:
    who = f"Teilnehmer:in {participant.id}"
    pinned = [_session(instance, session_id) for _, session_id in participant.pinned]
    workshops = [session.workshop for session in pinned]
    contradictions = [
        f"{who} ist in Sitzung {session.id} festgesetzt, hat Workshop {session.workshop} aber ausgeschlossen"
        for session in pinned
        if session.workshop in participant.excluded
    ] + [
        f"{who} ist in mehreren Blöcken im selben Workshop {workshop} festgesetzt"
        for workshop in sorted({w for w in workshops if workshops.count(w) > 1})
    ]
    if contradictions:  # the checks below would only restate them
        yield from contradictions
        return
    options = {block: instance.choices(participant, block) for block in participant.blocks}
    empty = [block for block, sessions in options.items() if not sessions]
    for block in empty:
        if all(session.workshop in participant.excluded for session in instance.block(block).sessions):
            yield f"{who} hat jede Sitzung von Block {block} ausgeschlossen"
        else:
            yield (
                f"{who} kann in Block {block} keine Sitzung besuchen: jeder Workshop dort ist ausgeschlossen "
                "oder in einem anderen Block festgesetzt"
            )
    if empty:
        return
    short = _hall_violation({block: {s.workshop for s in sessions} for block, sessions in options.items()})
    if short is not None:
        blocks, workshops_left = short
        yield (
            f"{who} braucht in den Blöcken {', '.join(blocks)} je einen anderen Workshop, "
            f"zur Wahl stehen aber nur {len(workshops_left)}: {', '.join(sorted(workshops_left)) or '–'}"
        )


def _hall_violation(options: dict[str, set[str]]) -> tuple[list[str], set[str]] | None:
    """Blocks that together offer fewer distinct workshops than there are blocks, if any (Hall's theorem)."""
    matched: dict[str, str] = {}  # workshop -> block

    def augment(block: str, seen: set[str]) -> bool:
        for workshop in sorted(options[block]):
            if workshop in seen:
                continue
            seen.add(workshop)
            if workshop not in matched or augment(matched[workshop], seen):
                matched[workshop] = block
                return True
        return False

    for block in options:
        seen: set[str] = set()
        if augment(block, seen):
            continue
        # the blocks reachable from the unmatched one by alternating paths lack workshops
        reached = {block} | {matched[workshop] for workshop in seen}
        return [b for b in options if b in reached], seen
    return None


def _pinned_over_capacity(instance: Instance) -> Iterator[str]:
    pinned: dict[str, list[str]] = defaultdict(list)
    for participant in instance.participants:
        for _, session_id in participant.pinned:
            pinned[session_id].append(participant.id)
    for session in instance.sessions:
        people = pinned.get(session.id, [])
        if len(people) > session.capacity:
            yield (
                f"Sitzung {session.id} hat {session.capacity} Plätze, aber {len(people)} Teilnehmende sind dort "
                f"festgesetzt ({_names(people)})"
            )


def _block_capacity(instance: Instance) -> Iterator[str]:
    for block in instance.blocks:
        registered = sum(block.id in participant.blocks for participant in instance.participants)
        capacity = sum(session.capacity for session in block.sessions)
        if capacity < registered:
            yield f"Block {block.id} hat insgesamt {capacity} Plätze, aber {registered} Teilnehmende sind angemeldet"


def _group_capacity(instance: Instance) -> Iterator[str]:
    """A group of participants whose open sessions in a block have fewer seats than the group has people."""
    for block in instance.blocks:
        open_to: dict[str, frozenset[str]] = {
            participant.id: frozenset(s.id for s in instance.choices(participant, block.id))
            for participant in instance.participants
            if block.id in participant.blocks
        }
        capacity = {session.id: session.capacity for session in block.sessions}
        for sessions in sorted(set(open_to.values()), key=sorted):
            group = [pid for pid, mine in open_to.items() if mine <= sessions]
            seats = sum(capacity[s] for s in sessions)
            if len(group) > seats:
                yield (
                    f"In Block {block.id} kommen {len(group)} Teilnehmende ({_names(group)}) nur für die Sitzungen "
                    f"{', '.join(sorted(sessions))} in Frage, die zusammen {seats} Plätze haben"
                )


def _session(instance: Instance, session_id: str) -> Session:
    return next(session for session in instance.sessions if session.id == session_id)


def _names(ids: list[str]) -> str:
    shown = ", ".join(ids[:LISTED])
    return shown if len(ids) <= LISTED else f"{shown} und {len(ids) - LISTED} weitere"
