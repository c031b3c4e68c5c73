"""The event's program as plain data: rows for the page and PDF, `Program` for the exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bildungslandschaft.core.conference.exports import Program, ProgramEntry
from bildungslandschaft.web.conference.models import Event, ProgramItem, Session

SESSION_NUMBER_OFFSET = 1_000_000  # program items and sessions share frab's numeric id space


@dataclass(frozen=True)
class ProgramRow:
    """One line of the printed program: a time, an item, and its parallel sessions if any."""

    item: ProgramItem
    sessions: list[Session]


def program_rows(event: Event) -> list[ProgramRow]:
    items = event.program.select_related("room", "block").prefetch_related("speakers")
    sessions = list(
        Session.objects.filter(block__event=event)
        .select_related("workshop", "room", "block")
        .prefetch_related("workshop__speakers")
    )
    return [
        ProgramRow(item, [s for s in sessions if s.block_id == item.block_id] if item.block_id else [])
        for item in items
    ]


def moment(event: Event, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(event.date, time, tzinfo=ZoneInfo(event.timezone))


def program_of(event: Event, base_url: str = "") -> Program:
    """Program items as entries; a block of parallel sessions becomes one entry per session."""
    entries: list[ProgramEntry] = []
    for row in program_rows(event):
        item = row.item
        if row.sessions:
            entries += [session_entry(event, session, base_url) for session in row.sessions]
            continue
        title = f"{item.label}: {item.title}" if item.label else item.title
        entries.append(
            ProgramEntry(
                number=item.pk,
                uid=f"{base_url}/{event.slug}/#punkt-{item.pk}",
                title=title,
                start=moment(event, item.start),
                end=moment(event, item.end),
                room=item.room.name if item.room else event.venue,
                kind=item.get_kind_display(),
                speakers=tuple(s.name for s in item.speakers.all()),
                url=f"{base_url}/{event.slug}/" if base_url else "",
            )
        )
    rooms = tuple(event.rooms.values_list("name", flat=True))
    return Program(
        event.slug,
        event.title,
        event.timezone,
        tuple(entries),
        f"{base_url}/{event.slug}/" if base_url else "",
        rooms=rooms,
    )


def session_entry(event: Event, session: Session, base_url: str = "") -> ProgramEntry:
    url = f"{base_url}/{event.slug}/sessions/{session.workshop.key}/"
    return ProgramEntry(
        number=SESSION_NUMBER_OFFSET + session.pk,
        uid=f"{url}#session-{session.pk}",
        title=str(session.workshop),
        start=moment(event, session.block.start),
        end=moment(event, session.block.end),
        room=session.room.name,
        kind="Session",
        speakers=tuple(s.name for s in session.workshop.speakers.all()),
        abstract=session.workshop.description,
        track=session.block.title,
        url=url if base_url else "",
    )
