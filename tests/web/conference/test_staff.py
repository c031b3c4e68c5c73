"""Anna assigns seats optimally, pins a speaker, publishes, and prints lists and badges; Ben may not."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.test import Client
from pypdf import PdfReader
from tests.web.conference.conftest import form_data

from bildungslandschaft.web.conference.models import Event, Registration, Seat, Session

pytestmark = pytest.mark.django_db


def register_many(event: Event, wishes: list[dict[str, str]]) -> list[Registration]:
    client = Client()
    for number, ranks in enumerate(wishes, start=1):
        response = client.post(f"/{event.slug}/anmeldung/", form_data(event, f"Person{number} Test", **ranks))
        assert response.status_code == 302
    mail.outbox.clear()
    return list(Registration.objects.order_by("pk"))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("url", ["intern/", "intern/zuteilung/", "intern/anmeldungen.csv", "intern/namensschilder.pdf"])
def test_staff_pages_refuse_ben(ben: Client, event: Event, url: str) -> None:
    response = ben.get(f"/{event.slug}/{url}")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_anna_computes_the_optimal_assignment_and_sees_the_report(anna: Client, event: Event) -> None:
    register_many(event, [{"r1_a": "1", "r2_c": "1"}] * 3 + [{"r1_b": "1", "r2_b": "1"}])
    response = anna.post(f"/{event.slug}/intern/zuteilung/berechnen/", follow=True)
    page = response.content.decode()
    assert "beweisbar optimal" in page
    assert Seat.objects.count() == 8
    sessions_a = Seat.objects.filter(session__workshop__key="a").count()
    assert sessions_a == 2  # capacity of Raum 1
    assert "<td>1. Wunsch</td>" in page
    assert mail.outbox == []  # nothing is sent before publication


def test_pinned_seat_survives_a_new_solve(anna: Client, event: Event) -> None:
    people = register_many(event, [{"r1_a": "1", "r2_c": "1"}] * 4)
    session_b = Session.objects.get(workshop__key="b", block__start="10:00")
    anna.post(f"/{event.slug}/intern/zuteilung/festsetzen/", {"registration": people[0].pk, "session": session_b.pk})
    anna.post(f"/{event.slug}/intern/zuteilung/berechnen/")
    seat = Seat.objects.get(registration=people[0], block=session_b.block)
    assert seat.session == session_b and seat.pinned


def test_infeasible_assignment_is_explained(anna: Client, event: Event) -> None:
    register_many(event, [{"r1_a": "1", "r1_b": "x", "r2_c": "1"}] * 3)  # a has 2 seats, b excluded by all
    page = anna.post(f"/{event.slug}/intern/zuteilung/berechnen/", follow=True).content.decode()
    assert "Keine zulässige Zuteilung" in page
    assert not Seat.objects.exists()


def test_publish_sends_every_participant_their_sessions(anna: Client, event: Event) -> None:
    register_many(event, [{"r1_a": "1", "r2_c": "1"}, {"r1_b": "1", "r2_b": "1"}])
    anna.post(f"/{event.slug}/intern/zuteilung/berechnen/")
    anna.post(f"/{event.slug}/intern/zuteilung/veroeffentlichen/")
    assert len(mail.outbox) == 2
    assert "Session I: Bildungsleitbild – Raum: Raum 1" in mail.outbox[0].body


def test_publish_before_solving_is_refused(anna: Client, event: Event) -> None:
    page = anna.post(f"/{event.slug}/intern/zuteilung/veroeffentlichen/", follow=True).content.decode()
    assert "Bitte zuerst die Zuteilung berechnen." in page
    event.refresh_from_db()
    assert event.assignment_published_at is None


def test_registrations_csv_is_neutralised(anna: Client, event: Event) -> None:
    Client().post(f"/{event.slug}/anmeldung/", {**form_data(event, r1_a="1", r2_c="1"), "organisation": "=SUMME(A1)"})
    text = anna.get(f"/{event.slug}/intern/anmeldungen.csv").content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("Nr.;Name;E-Mail;Organisation")
    assert ";'=SUMME(A1);" in row


def test_attendance_list_and_badges_name_the_people(anna: Client, event: Event) -> None:
    register_many(event, [{"r1_a": "1", "r2_c": "1"}])
    anna.post(f"/{event.slug}/intern/zuteilung/berechnen/")
    session_a = Session.objects.get(workshop__key="a")
    attendance = pdf_text(anna.get(f"/{event.slug}/intern/anwesenheit/{session_a.pk}.pdf").content)
    assert "Person1 Test" in attendance and "Unterschrift" in attendance
    badges = pdf_text(anna.get(f"/{event.slug}/intern/namensschilder.pdf").content)
    assert "Person1 Test" in badges and "Grundschule Nord" in badges
