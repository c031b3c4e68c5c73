"""A small conference to test with, and its cast: Anna (staff), Clara (citizen who registers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bildungslandschaft.web.conference.models import Block, Event, ProgramItem, Room, Session, Speaker, Workshop


def make_event(slug: str = "testkonferenz", capacity: int = 2, date: dt.date | None = None) -> Event:
    """Two blocks (10.00, 11.30) with the workshops a, b, c; b runs in both blocks; rooms of ``capacity`` seats."""
    event = Event.objects.create(
        slug=slug, title="Testkonferenz", date=date or dt.date.today() + dt.timedelta(days=30), venue="Rathaus"
    )
    hall = Room.objects.create(event=event, name="Ratsdiele", capacity=100)
    r1 = Room.objects.create(event=event, name="Raum 1", capacity=capacity)
    r2 = Room.objects.create(event=event, name="Raum 2", capacity=capacity, step_free=False)
    kosak = Speaker.objects.create(event=event, name="Josephine Kosak", affiliation="Bildungsmonitoring")
    first = Block.objects.create(event=event, title="Runde 1", start=dt.time(10), end=dt.time(11))
    second = Block.objects.create(event=event, title="Runde 2", start=dt.time(11, 30), end=dt.time(12, 30))
    workshops = {}
    for key, label, title in (
        ("a", "Session I", "Bildungsleitbild"),
        ("b", "Session II", "Datendschungel"),
        ("c", "Session III", "Kita-Sozialarbeit"),
    ):
        workshops[key] = Workshop.objects.create(event=event, key=key, label=label, title=title)
    workshops["b"].speakers.add(kosak)
    Session.objects.create(workshop=workshops["a"], block=first, room=r1)
    Session.objects.create(workshop=workshops["b"], block=first, room=r2)
    Session.objects.create(workshop=workshops["b"], block=second, room=r1)
    Session.objects.create(workshop=workshops["c"], block=second, room=r2)
    ProgramItem.objects.create(
        event=event,
        start=dt.time(9, 30),
        end=dt.time(10),
        kind="begruessung",
        title="Begrüßung und Eröffnung",
        room=hall,
    )
    ProgramItem.objects.create(
        event=event, start=dt.time(10), end=dt.time(11), kind="sessions", title="Runde 1", block=first
    )
    ProgramItem.objects.create(
        event=event, start=dt.time(11), end=dt.time(11, 30), kind="pause", title="Kaffeepause und Raumwechsel"
    )
    ProgramItem.objects.create(
        event=event, start=dt.time(11, 30), end=dt.time(12, 30), kind="sessions", title="Runde 2", block=second
    )
    return event


@pytest.fixture
def event(db: Any) -> Event:
    return make_event()


@pytest.fixture
def anna(db: Any) -> Client:
    """Anna organises the conference (staff)."""
    user = User.objects.create_user("anna", "anna@example.org", "ein-langes-passwort", is_staff=True)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ben(db: Any) -> Client:
    """Ben has an account but is no staff."""
    user = User.objects.create_user("ben", "ben@example.org", "ein-langes-passwort")
    client = Client()
    client.force_login(user)
    return client


def form_data(event: Event, name: str = "Clara Beispiel", **ranks: str) -> dict[str, str]:
    """A valid registration: ``ranks`` maps 'block-number_key' like ``r1_a='1'`` to a rank or 'x'."""
    blocks = list(event.blocks.order_by("start"))
    data = {
        "name": name,
        "email": f"{name.split(maxsplit=1)[0].lower()}@example.org",
        "organisation": "Grundschule Nord",
        "accessibility_needs": "",
        "consent": "on",
    }
    for spec, value in ranks.items():
        number, key = spec[1:].split("_")
        data[f"rang_{blocks[int(number) - 1].pk}_{key}"] = value
    return data
