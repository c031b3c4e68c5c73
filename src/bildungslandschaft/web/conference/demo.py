"""Demo content: the seed's Magdeburg conference (program and documentation) and a larger synthetic one.

`load()` is idempotent: an event that exists already is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from bildungslandschaft.core.conference.synthetic import synthetic_conference
from bildungslandschaft.web.conference import demo_magdeburg as seed
from bildungslandschaft.web.conference import seats
from bildungslandschaft.web.conference.models import (
    Block,
    Documentation,
    DocumentationLink,
    Event,
    ProgramItem,
    Registration,
    Room,
    Session,
    Speaker,
    Workshop,
)

LARGE_SLUG = "bildungskonferenz-2027"
LARGE_WORKSHOPS = [
    ("uebergaenge", "Übergänge gestalten: von der Kita in die Grundschule"),
    ("schulsozialarbeit", "Schulsozialarbeit im Netzwerk"),
    ("ganztag", "Ganztag gemeinsam planen: Schule, Hort und Vereine"),
    ("berufsorientierung", "Berufsorientierung mit Betrieben aus dem Stadtteil"),
    ("sprachfoerderung", "Sprachförderung im Alltag von Kita und Schule"),
    ("bildungsdaten", "Bildungsdaten lesen und nutzen: der Bildungsbericht im Stadtteil"),
]
LARGE_BLOCKS = [
    ("10:30", "11:30", "Sessions am Vormittag"),
    ("12:30", "13:30", "Sessions am Mittag"),
    ("14:00", "15:00", "Sessions am Nachmittag"),
]


def hhmm(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def load() -> str:
    magdeburg = _load_magdeburg()
    large = _load_large()
    return f"Bildungskonferenz: {magdeburg}; {large}"


@transaction.atomic
def _load_magdeburg() -> str:
    if Event.objects.filter(slug=seed.SLUG).exists():
        return f"„{seed.TITLE}“ schon vorhanden"
    event = Event.objects.create(
        slug=seed.SLUG,
        title=seed.TITLE,
        date=dt.date.fromisoformat(seed.DATE),
        venue=seed.VENUE,
        registration_open=False,
        subtitle="Praxisberichte aus der kommunalen Bildungslandschaft",
        privacy_contact="Landeshauptstadt Magdeburg, Stabsstelle Bildung und Wissenschaft",
    )
    rooms = {name: Room.objects.create(event=event, name=name, capacity=size) for name, size in seed.ROOMS}
    speakers = {n: Speaker.objects.create(event=event, name=n, affiliation=a) for n, a in seed.SPEAKERS.items()}
    start, end, title = seed.BLOCK
    block = Block.objects.create(event=event, title=title, start=hhmm(start), end=hhmm(end))
    for begin, finish, kind, label, item_title, names, room in seed.PROGRAM:
        item = ProgramItem.objects.create(
            event=event,
            start=hhmm(begin),
            end=hhmm(finish),
            kind=kind,
            label=label,
            title=item_title,
            room=rooms.get(room),
            block=block if kind == "sessions" else None,
        )
        item.speakers.set([speakers[n] for n in names])
    workshops = {}
    for key, label, workshop_title, names, room in seed.SESSIONS:
        workshop = Workshop.objects.create(event=event, key=key, label=label, title=workshop_title)
        workshop.speakers.set([speakers[n] for n in names])
        Session.objects.create(workshop=workshop, block=block, room=rooms[room])
        workshops[key] = workshop
    for order, (heading, subheading, key, quote, quote_by, summary) in enumerate(seed.DOCUMENTATION, start=1):
        entry = Documentation.objects.create(
            event=event,
            order=order,
            heading=heading,
            subheading=subheading,
            workshop=workshops.get(key),
            quote=quote,
            quote_by=quote_by,
            summary=summary,
        )
        if key == "datendschungel":
            entry.results_title, entry.results_note, entry.results = (
                seed.PRO_CONTRA_TITLE,
                seed.PRO_CONTRA_NOTE,
                seed.PRO_CONTRA,
            )
            entry.save()
        if key == "it-ausstattung":
            DocumentationLink.objects.create(documentation=entry, title="Moodle-Kurs zur Session IV", url=seed.MOODLE)
    return f"„{seed.TITLE}“ mit Programm und Dokumentation angelegt"


def _load_large() -> str:
    if Event.objects.filter(slug=LARGE_SLUG).exists():
        return "große Demokonferenz schon vorhanden"
    instance = synthetic_conference(participants=300, blocks=3, sessions=4, seed=2027)
    with transaction.atomic():
        event = _large_event(instance)
        _large_registrations(event, instance)
    outcome = seats.compute_assignment(event, time_limit=60)
    Event.objects.filter(pk=event.pk).update(assignment_published_at=timezone.now())
    quality = "optimal" if outcome.result is not None and outcome.result.optimal else "nicht optimal"
    return f"„{event.title}“ mit 300 Anmeldungen und Zuteilung ({quality}) angelegt"


def _large_event(instance: dict[str, object]) -> Event:
    event = Event.objects.create(
        slug=LARGE_SLUG,
        title="Bildungskonferenz 2027: Bildung im Stadtteil",
        date=dt.date(2027, 3, 17),
        venue="Altes Rathaus, Magdeburg",
        subtitle="Drei Runden paralleler Sessions – wählen Sie Ihre Favoriten",
        purge_after_days=90,
        privacy_contact="Bildungsbüro der Stadt (Demo)",
    )
    hall = Room.objects.create(event=event, name="Ratsdiele", capacity=350)
    blocks_raw = instance["blocks"]
    assert isinstance(blocks_raw, list)
    capacity = blocks_raw[0]["sessions"][0]["capacity"]
    rooms = [
        Room.objects.create(event=event, name=f"Raum {n}", capacity=capacity, step_free=n != 4) for n in range(1, 5)
    ]
    titles = dict(LARGE_WORKSHOPS)
    keys = {f"w{n:02d}": key for n, (key, _) in enumerate(LARGE_WORKSHOPS, start=1)}
    workshops = {
        code: Workshop.objects.create(event=event, key=key, label=f"Workshop {n}", title=titles[key])
        for n, (code, key) in enumerate(keys.items(), start=1)
    }
    items = [
        ("09:30", "10:00", "begruessung", "Begrüßung", hall),
        ("10:00", "10:30", "impuls", "Impuls: Bildung im Stadtteil", hall),
    ]
    for number, (raw, (start, end, title)) in enumerate(zip(blocks_raw, LARGE_BLOCKS, strict=True)):
        block = Block.objects.create(event=event, title=title, start=hhmm(start), end=hhmm(end))
        ProgramItem.objects.create(
            event=event, start=block.start, end=block.end, kind="sessions", title=title, block=block
        )
        for slot, session in enumerate(raw["sessions"]):
            Session.objects.create(workshop=workshops[session["workshop"]], block=block, room=rooms[slot])
        if number == 0:
            ProgramItem.objects.create(
                event=event, start=hhmm("11:30"), end=hhmm("12:30"), kind="pause", title="Mittagspause"
            )
    items += [
        ("13:30", "14:00", "pause", "Kaffeepause und Raumwechsel", None),
        ("15:00", "15:30", "podium", "Podium: Was nehmen wir mit?", hall),
    ]
    for start, end, kind, title, room in items:
        ProgramItem.objects.create(event=event, start=hhmm(start), end=hhmm(end), kind=kind, title=title, room=room)
    return event


def _large_registrations(event: Event, instance: dict[str, object]) -> None:
    rng = random.Random(2027)  # noqa: S311 - demo names, not secrets
    keys = {f"w{n:02d}": key for n, (key, _) in enumerate(LARGE_WORKSHOPS, start=1)}
    blocks = list(event.blocks.prefetch_related("sessions__workshop"))
    organisations = ["Grundschule", "Gemeinschaftsschule", "Kita", "Volkshochschule", "Jugendamt", "Verein", "Hort"]
    people = instance["participants"]
    assert isinstance(people, list)
    now = timezone.now()
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Teilnehmer:in {number:03d}",
            email=f"teilnehmende-{number:03d}@example.org",
            organisation=f"{rng.choice(organisations)} (Demo)",
            rankings={
                str(block.pk): [
                    keys[code]
                    for code in person["ranking"]
                    if keys[code] in {s.workshop.key for s in block.sessions.all()}
                ]
                for block in blocks
            },
            excluded=[keys[code] for code in person.get("excluded", [])],
            consent_at=now,
        )
        for number, person in enumerate(people, start=1)
    )
