"""Seats of an event: the optimal assignment, pins, late registrations and the waiting list.

The rules live in ``core.conference``; this module maps models to its plain data and back.
Ids in the core are the primary keys as text (registration, block, session) and workshop keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from bildungslandschaft.core.conference import AssignmentResult, InstanceError, assign
from bildungslandschaft.core.conference.seating import (
    Offer,
    RankReport,
    Wish,
    best_free_seat,
    build_instance,
    next_from_waitlist,
    rank_report,
)
from bildungslandschaft.web.conference.models import Event, Registration, Seat, Session


def active_registrations(event: Event) -> list[Registration]:
    return list(event.registrations.filter(cancelled_at__isnull=True).order_by("created_at", "pk"))


def sessions_of(event: Event) -> list[Session]:
    return list(Session.objects.filter(block__event=event).select_related("workshop", "block", "room"))


def offers_of(sessions: list[Session]) -> list[Offer]:
    return [Offer(str(s.pk), str(s.block_id), s.workshop.key, s.capacity) for s in sessions]


def wish_of(registration: Registration, blocks: list[str], pinned: dict[str, str] | None = None) -> Wish:
    rankings = {block: tuple(registration.rankings.get(block, ())) for block in blocks}
    return Wish(str(registration.pk), rankings, tuple(blocks), frozenset(registration.excluded), pinned or {})


def seat_map(event: Event) -> dict[str, dict[str, str]]:
    seats: dict[str, dict[str, str]] = {}
    for seat in Seat.objects.filter(block__event=event, registration__cancelled_at__isnull=True):
        seats.setdefault(str(seat.registration_id), {})[str(seat.block_id)] = str(seat.session_id)
    return seats


def pins_of(event: Event) -> dict[str, dict[str, str]]:
    pins: dict[str, dict[str, str]] = {}
    for seat in Seat.objects.filter(block__event=event, pinned=True, registration__cancelled_at__isnull=True):
        pins.setdefault(str(seat.registration_id), {})[str(seat.block_id)] = str(seat.session_id)
    return pins


def block_ids(event: Event) -> list[str]:
    return [str(pk) for pk in event.blocks.filter(sessions__isnull=False).distinct().values_list("pk", flat=True)]


def wishes_of(event: Event) -> list[Wish]:
    blocks, pins = block_ids(event), pins_of(event)
    return [wish_of(r, blocks, pins.get(str(r.pk))) for r in active_registrations(event)]


@dataclass(frozen=True)
class Outcome:
    """What a solve did: the solver's result, or a German reason why there is none."""

    result: AssignmentResult | None
    problem: str = ""


def compute_assignment(event: Event, time_limit: float = 30.0) -> Outcome:
    """Solve the event's assignment optimally and store it; pinned seats stay as they are."""
    sessions = sessions_of(event)
    if not sessions:
        return Outcome(None, "Diese Veranstaltung hat keine parallelen Sessions.")
    wishes = wishes_of(event)
    workshops = list(event.workshops.values_list("key", flat=True))
    try:
        result = assign(build_instance(workshops, offers_of(sessions), wishes), time_limit=time_limit)
    except InstanceError as error:
        return Outcome(None, f"Die Anmeldedaten passen nicht zusammen: {error}")
    if not result.feasible:
        reason = "; ".join(result.explanation) or f"HiGHS: {result.status}"
        return Outcome(result, f"Keine zulässige Zuteilung: {reason}")
    _store(event, result.assignment)
    return Outcome(result)


@transaction.atomic
def _store(event: Event, assignment: dict[str, dict[str, str]]) -> None:
    Seat.objects.filter(block__event=event, pinned=False).delete()
    pinned = {(str(r), str(b)) for r, b in Seat.objects.filter(block__event=event).values_list("registration", "block")}
    Seat.objects.bulk_create(
        Seat(registration_id=int(person), block_id=int(block), session_id=int(session))
        for person, by_block in assignment.items()
        for block, session in by_block.items()
        if (person, block) not in pinned
    )


def report_of(event: Event) -> RankReport:
    return rank_report(offers_of(sessions_of(event)), wishes_of(event), seat_map(event))


@transaction.atomic
def pin(registration: Registration, session: Session) -> None:
    """Put a person into a session for good (speaker, moderation, a wish granted by hand)."""
    Seat.objects.update_or_create(
        registration=registration, block=session.block, defaults={"session": session, "pinned": True}
    )


def unpin(seat: Seat) -> None:
    seat.pinned = False
    seat.save(update_fields=["pinned"])


def seat_late(registration: Registration) -> list[Seat]:
    """After publication: the best free seat in every block; a block without one puts the person on the waiting list."""
    event = registration.event
    sessions = sessions_of(event)
    offers, blocks = offers_of(sessions), block_ids(event)
    wish = wish_of(registration, blocks)
    created = []
    with transaction.atomic():
        for block in blocks:
            seats = seat_map(event)
            chosen = best_free_seat(wish, block, offers, seats)
            if chosen is not None:
                created.append(
                    Seat.objects.create(registration=registration, block_id=int(block), session_id=int(chosen))
                )
    return created


def cancel(registration: Registration) -> list[Seat]:
    """Cancel a registration; its freed seats move the waiting list up by preference. Returns the new seats."""
    with transaction.atomic():
        freed = list(registration.seats.values_list("session_id", flat=True))
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["cancelled_at"])
        registration.seats.all().delete()
        return [seat for session in freed for seat in fill_from_waitlist(registration.event, session)]


def fill_from_waitlist(event: Event, session_id: int) -> list[Seat]:
    """Give free seats to waiting people, the most eager first; whoever moves up frees a seat in turn."""
    if event.assignment_published_at is None:
        return []  # before publication the next solve seats everybody
    sessions = {s.pk: s for s in sessions_of(event)}
    offers, blocks, pins = offers_of(list(sessions.values())), block_ids(event), pins_of(event)
    registrations = {str(r.pk): r for r in active_registrations(event)}
    wishes = [wish_of(r, blocks, pins.get(key)) for key, r in registrations.items()]
    changed: list[Seat] = []
    to_fill = [session_id]
    while to_fill:
        session = sessions[to_fill[0]]
        winner = next_from_waitlist(str(session.pk), offers, wishes, seat_map(event))
        if winner is None:
            to_fill.pop(0)
            continue
        seat, created = Seat.objects.get_or_create(
            registration=registrations[winner], block=session.block, defaults={"session": session}
        )
        if not created:
            to_fill.append(seat.session_id)  # the seat left behind
            seat.session = session
            seat.save(update_fields=["session"])
        changed.append(seat)
    return changed
