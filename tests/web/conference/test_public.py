"""Clara reads the program, a session page and downloads the program in every format."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from tests.web.conference.conftest import make_event

from bildungslandschaft.web.conference.models import Documentation, Event, Photo

pytestmark = pytest.mark.django_db


def test_events_list_links_the_event(client: Client, event: Event) -> None:
    response = client.get("/veranstaltungen/")
    assert response.status_code == 200
    assert f'href="/{event.slug}/"' in response.content.decode()


def test_program_shows_time_column_and_parallel_sessions(client: Client, event: Event) -> None:
    page = client.get(f"/{event.slug}/").content.decode()
    assert '<time datetime="' in page and "09.30 Uhr" in page
    assert page.count('<ul class="parallel"') == 2
    assert "mit Josephine Kosak (Bildungsmonitoring)" in page
    assert "Raum 2 (nicht stufenlos)" in page


def test_program_links_the_directory_of_offers(client: Client, event: Event) -> None:
    assert 'href="/steuerung/angebote/"' in client.get(f"/{event.slug}/").content.decode()


def test_session_page_lists_every_run_with_room(client: Client, event: Event) -> None:
    page = client.get(f"/{event.slug}/sessions/b/").content.decode()
    assert "<h1>Datendschungel</h1>" in page
    assert page.count("<tr><td>") == 2


def test_unknown_event_is_404(client: Client, db: None) -> None:
    assert client.get("/gibt-es-nicht/").status_code == 404


def test_event_slug_may_not_take_a_portal_path(db: None) -> None:
    event = Event(slug="indikatoren", title="X", date="2026-01-01", venue="Y")
    with pytest.raises(ValidationError, match="bereits eine Adresse"):
        event.full_clean()


def test_frab_json_export_names_the_sessions(client: Client, event: Event) -> None:
    response = client.get(f"/{event.slug}/programm.json")
    document = json.loads(response.content)
    rooms = document["schedule"]["conference"]["days"][0]["rooms"]
    assert [e["title"] for e in rooms["Raum 2"]] == ["Session II: Datendschungel", "Session III: Kita-Sozialarbeit"]


def test_ical_export_of_the_program(client: Client, event: Event) -> None:
    response = client.get(f"/{event.slug}/programm.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(list(calendar.walk("VEVENT"))) == 6  # welcome, break and 4 sessions
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_xml_and_csv_exports(client: Client, event: Event) -> None:
    assert client.get(f"/{event.slug}/programm.xml").content.startswith(b"<?xml")
    csv_text = client.get(f"/{event.slug}/programm.csv").content.decode()
    assert csv_text.splitlines()[0] == "Datum;Beginn;Ende;Raum;Art;Titel;Mitwirkende"


def test_program_pdf_is_a_pdf(client: Client, event: Event) -> None:
    response = client.get(f"/{event.slug}/programm.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_documentation_page_without_entries(client: Client, event: Event) -> None:
    assert "erscheint nach der Veranstaltung" in client.get(f"/{event.slug}/dokumentation/").content.decode()


def test_two_events_do_not_leak_sessions(client: Client, event: Event) -> None:
    other = make_event("andere-konferenz")
    other.workshops.filter(key="c").update(title="Nur anderswo")
    assert "Nur anderswo" not in client.get(f"/{event.slug}/").content.decode()


def test_documentation_photo_has_alt_text_and_is_served(
    client: Client, event: Event, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "steelblue").save(buffer, "PNG")
    entry = Documentation.objects.create(event=event, heading="Session II", summary="Wir haben diskutiert.")
    photo = Photo.objects.create(
        documentation=entry,
        image=SimpleUploadedFile("tafel.png", buffer.getvalue(), content_type="image/png"),
        alt_text="Pinnwand mit der Pro- und Contraliste",
    )
    page = client.get(f"/{event.slug}/dokumentation/").content.decode()
    assert f'src="/{event.slug}/dokumentation/foto/{photo.pk}/" alt="Pinnwand mit der Pro- und Contraliste"' in page
    assert b"".join(client.get(f"/{event.slug}/dokumentation/foto/{photo.pk}/").streaming_content) == buffer.getvalue()
    assert client.get(f"/{event.slug}/dokumentation.pdf").content.startswith(b"%PDF")


def test_event_time_zone_must_be_an_iana_zone(db: None) -> None:
    event = Event(slug="zonen", title="X", date="2026-01-01", venue="Y", timezone="Mitteleuropa")
    with pytest.raises(ValidationError, match="keine IANA-Zeitzone"):
        event.full_clean()
