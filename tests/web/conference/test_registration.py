"""Clara registers with ranked wishes, gets an e-mail, sees her page, downloads her data and cancels."""

from __future__ import annotations

import json

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from tests.web.conference.conftest import form_data

from bildungslandschaft.web.conference import seats
from bildungslandschaft.web.conference.models import Event, Registration

pytestmark = pytest.mark.django_db


def register(client: Client, event: Event, name: str = "Clara Beispiel", **ranks: str) -> Registration:
    response = client.post(f"/{event.slug}/anmeldung/", form_data(event, name, **ranks))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Registration.objects.get(name=name)


def test_registration_form_has_a_rank_select_per_session(client: Client, event: Event) -> None:
    page = client.get(f"/{event.slug}/anmeldung/").content.decode()
    assert page.count("<select") == 4
    assert "für mich nicht möglich" in page
    assert page.count("<fieldset") == 2


def test_registration_stores_rankings_per_block_and_exclusions(client: Client, event: Event) -> None:
    registration = register(client, event, r1_a="2", r1_b="1", r2_b="1", r2_c="x")
    first, second = event.blocks.order_by("start")
    assert registration.rankings == {str(first.pk): ["b", "a"], str(second.pk): ["b"]}
    assert registration.excluded == ["c"]


def test_registration_sends_confirmation_with_personal_link(client: Client, event: Event) -> None:
    registration = register(client, event, r1_a="1", r2_c="1")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clara@example.org"]
    assert f"/{event.slug}/ich/{registration.token}/" in mail.outbox[0].body


def test_same_rank_twice_in_a_block_is_refused(client: Client, event: Event) -> None:
    response = client.post(f"/{event.slug}/anmeldung/", form_data(event, r1_a="1", r1_b="1", r2_c="1"))
    assert response.status_code == 200
    assert "Der 1. Wunsch ist in diesem Block schon vergeben." in response.content.decode()
    assert not Registration.objects.exists()


def test_excluding_every_session_of_a_block_is_refused(client: Client, event: Event) -> None:
    response = client.post(f"/{event.slug}/anmeldung/", form_data(event, r1_a="x", r1_b="x", r2_c="1"))
    assert "Mindestens eine Session muss für Sie möglich sein." in response.content.decode()


def test_wish_and_exclusion_of_the_same_workshop_is_refused(client: Client, event: Event) -> None:
    response = client.post(f"/{event.slug}/anmeldung/", form_data(event, r1_b="1", r2_b="x", r2_c="1"))
    assert "„Datendschungel“ ist in einem Block gewünscht und in einem anderen" in response.content.decode()


def test_registration_without_consent_is_refused(client: Client, event: Event) -> None:
    data = form_data(event, r1_a="1", r2_c="1")
    del data["consent"]
    response = client.post(f"/{event.slug}/anmeldung/", data)
    assert "Ohne Einwilligung" in response.content.decode()


def test_closed_registration_is_refused(client: Client, event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(registration_open=False)
    assert client.get(f"/{event.slug}/anmeldung/").status_code == 403


def test_personal_page_waits_for_publication(client: Client, event: Event) -> None:
    registration = register(client, event, r1_a="1", r2_c="1")
    page = client.get(f"/{event.slug}/ich/{registration.token}/").content.decode()
    assert "Die Plätze werden noch verteilt." in page


def test_personal_page_with_wrong_token_is_404(client: Client, event: Event) -> None:
    register(client, event, r1_a="1", r2_c="1")
    assert client.get(f"/{event.slug}/ich/falsch/").status_code == 404


def test_late_registration_after_publication_gets_best_free_seat_and_calendar(client: Client, event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(assignment_published_at=timezone.now())
    registration = register(client, event, r1_a="1", r1_b="2", r2_b="1", r2_c="2")
    seated = {str(seat.session.workshop.key) for seat in registration.seats.select_related("session__workshop")}
    assert seated == {"a", "b"}
    page = client.get(f"/{event.slug}/ich/{registration.token}/").content.decode()
    assert "Raum 1" in page
    calendar = icalendar.Calendar.from_ical(client.get(f"/{event.slug}/ich/{registration.token}/kalender.ics").content)
    titles = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert titles == [
        "Begrüßung und Eröffnung",
        "Kaffeepause und Raumwechsel",
        "Session I: Bildungsleitbild",
        "Session II: Datendschungel",
    ]


def test_personal_data_download_is_complete(client: Client, event: Event) -> None:
    registration = register(client, event, r1_a="1", r2_c="1")
    data = json.loads(client.get(f"/{event.slug}/ich/{registration.token}/meine-daten.json").content)
    assert data["email"] == "clara@example.org"
    assert data["organisation"] == "Grundschule Nord"
    assert data["ausgeschlossen"] == []


def test_cancellation_moves_the_waitlist_up_by_preference(client: Client, event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(assignment_published_at=timezone.now())
    seated = [register(client, event, f"Person {n}", r1_a="1", r2_c="1") for n in (1, 2)]  # fill Session I
    content = register(client, event, "Zufrieden Anders", r1_b="1", r1_a="2", r2_c="1")  # in b, her 1st wish
    fan = register(client, event, "Wartend Fan", r1_a="1", r2_c="1")  # a is full: seated in b, unranked
    assert fan.seats.get(block__start="10:00").session.workshop.key == "b"
    mail.outbox.clear()
    response = Client().post(f"/{event.slug}/ich/{seated[0].token}/abmelden/")
    assert response.status_code == 302
    assert fan.seats.get(block__start="10:00").session.workshop.key == "a"
    assert content.seats.get(block__start="10:00").session.workshop.key == "b"
    assert sorted(m.to[0] for m in mail.outbox) == [
        "person@example.org",
        "wartend@example.org",
        "zufrieden@example.org",
    ]


def test_cancellation_gives_the_seat_to_someone_without_one_first(client: Client, event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(assignment_published_at=timezone.now())
    first = [register(client, event, f"Person {n}", r1_a="1", r1_b="2", r2_c="1") for n in (1, 2, 3, 4)]
    late = register(client, event, "Sven Spät", r1_b="1", r2_c="1")  # both sessions at 10.00 full
    assert not late.seats.filter(block__start="10:00").exists()
    seats.cancel(first[0])  # frees a seat in a
    assert late.seats.filter(block__start="10:00").exists()


def test_cancel_asks_before_it_acts(client: Client, event: Event) -> None:
    registration = register(client, event, r1_a="1", r2_c="1")
    page = client.get(f"/{event.slug}/ich/{registration.token}/abmelden/").content.decode()
    assert "Ja, verbindlich abmelden" in page
    registration.refresh_from_db()
    assert registration.cancelled_at is None
    seats.cancel(registration)
    registration.refresh_from_db()
    assert registration.cancelled_at is not None


def test_personal_page_shows_the_waiting_list_per_block(client: Client, event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(assignment_published_at=timezone.now())
    for n in (1, 2, 3, 4):
        register(client, event, f"Person{n} Test", r1_a="1", r1_b="2", r2_c="1")  # fills 10.00 completely
    late = register(client, event, "Sven Spaet", r1_a="1", r2_c="1")
    page = client.get(f"/{event.slug}/ich/{late.token}/").content.decode()
    assert page.count("Warteliste: Derzeit ist kein Platz frei.") == 1  # 10.00 full, 11.30 has room
    assert "Session III: Kita-Sozialarbeit" in page
