"""The demo has the seed's conference exactly; `bila events purge` removes personal data after the deadline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from django.test import Client
from tests.web.conference.conftest import form_data, make_event
from typer.testing import CliRunner

from bildungslandschaft.cli import app
from bildungslandschaft.web.conference import demo
from bildungslandschaft.web.conference.models import Event, Registration, Seat
from bildungslandschaft.web.conference.program import program_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def magdeburg(db: None) -> Event:
    demo._load_magdeburg()
    return Event.objects.get(slug="bildungskonferenz-magdeburg")


def test_magdeburg_program_is_the_seed_program(magdeburg: Event) -> None:
    rows = [(f"{row.item.start:%H.%M}", row.item.title) for row in program_rows(magdeburg)]
    assert rows == [
        ("10.00", "Begrüßung und Eröffnung"),
        ("10.15", "Einführung in den Tag"),
        ("10.20", "Der Weg zur kommunalen Bildungslandschaft – am Beispiel der Landeshauptstadt Erfurt"),
        (
            "10.45",
            "Den Schulabschluss schaffen: Schulerfolg und Schulabbruch an Sekundar- und "
            "Gemeinschaftsschulen in Sachsen-Anhalt",
        ),
        ("11.10", "Kaffeepause und Raumwechsel"),
        ("11.30", "Parallele interaktive Sessions: Praxisberichte aus der kommunalen Bildungslandschaft"),
        ("12.30", "Kaffeepause und Raumwechsel"),
        ("12.45", "Podiumsgespräch zu den Ergebnissen"),
        ("13.15", "Verabschiedung und Möglichkeiten zum weiteren Austausch"),
    ]


def test_magdeburg_parallel_sessions_and_speakers(magdeburg: Event) -> None:
    block = next(row for row in program_rows(magdeburg) if row.sessions)
    sessions = [
        (s.workshop.label, s.workshop.title, [sp.name for sp in s.workshop.speakers.order_by("name")])
        for s in block.sessions
    ]
    assert sessions == [
        (
            "Session I",
            "Bildungsleitbild – Entstehung, Wirkung und Nutzen: Gelingensfaktoren aus der Praxis",
            ["Torsten Haß"],
        ),
        ("Session II", "Safari durch den Datendschungel - vom Papiertiger zur Bildungslandschaft", ["Josephine Kosak"]),
        (
            "Session III",
            "Erfolgreiche Kita-Sozialarbeit – Startschuss unter Pandemiebedingungen",
            ["Djamila Sauerhering", "Marlen Ulonska"],
        ),
        ("Session IV", "Zeitgemäße IT-Ausstattung für die Schulpraxis", ["Daniela Küllertz"]),
    ]


def test_magdeburg_podium_is_in_the_ratsdiele(client: Client, magdeburg: Event) -> None:
    page = client.get("/bildungskonferenz-magdeburg/").content.decode()
    assert "Podiumsgespräch zu den Ergebnissen" in page
    assert "Dr. Lutz Trümper (Oberbürgermeister der Landeshauptstadt Magdeburg)" in page


def test_magdeburg_documentation_has_results_and_moodle_link(client: Client, magdeburg: Event) -> None:
    page = client.get("/bildungskonferenz-magdeburg/dokumentation/").content.decode()
    assert "Pro- und Contraliste" in page
    assert 'href="https://bildungsportal.magdeburg.de/moodle/course/view.php?id=57"' in page
    assert "Einigkeit herrschte darin" in page
    assert page.count('class="doc-entry"') == 9


def test_demo_load_is_idempotent(magdeburg: Event) -> None:
    assert "schon vorhanden" in demo._load_magdeburg()
    assert Event.objects.filter(slug="bildungskonferenz-magdeburg").count() == 1


@pytest.mark.slow
def test_large_demo_seats_300_registrations_optimally(db: None) -> None:
    summary = demo._load_large()
    assert "optimal" in summary and "nicht optimal" not in summary
    assert Registration.objects.filter(event__slug=demo.LARGE_SLUG).count() == 300
    assert Seat.objects.filter(block__event__slug=demo.LARGE_SLUG).count() == 900


def past_event_with_people() -> Event:
    event = make_event("vergangen", capacity=5)
    client = Client()
    for name in ("Clara Beispiel", "Dora Test"):
        client.post(f"/{event.slug}/anmeldung/", form_data(event, name, r1_a="1", r2_c="1"))
    Registration.objects.filter(name="Dora Test").update(cancelled_at=dt.datetime.now(dt.UTC))
    Event.objects.filter(pk=event.pk).update(date=dt.date.today() - dt.timedelta(days=91), purge_after_days=90)
    return event


def test_purge_dry_run_changes_nothing() -> None:
    past_event_with_people()
    result = CliRunner().invoke(app, ["events", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "1 Anmeldungen würden anonymisiert, 1 abgemeldete würden gelöscht" in result.output
    assert Registration.objects.filter(name="Clara Beispiel").exists()


def test_purge_anonymises_and_deletes_after_the_deadline(client: Client) -> None:
    event = past_event_with_people()
    token = Registration.objects.get(name="Clara Beispiel").token
    result = CliRunner().invoke(app, ["events", "purge"])
    assert result.exit_code == 0, result.output
    assert list(Registration.objects.values_list("name", "organisation")) == [("anonymisiert", "")]
    assert client.get(f"/{event.slug}/ich/{token}/").status_code == 404


def test_purge_keeps_data_within_the_deadline() -> None:
    event = past_event_with_people()
    Event.objects.filter(pk=event.pk).update(purge_after_days=365)
    result = CliRunner().invoke(app, ["events", "purge"])
    assert "Keine Personendaten mit abgelaufener Frist." in result.output
    assert Registration.objects.count() == 2


def test_magdeburg_exports_are_valid_against_the_c3voc_schemas(client: Client, magdeburg: Event) -> None:
    schemas = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "schemas" / "c3voc-schedule"
    xml = client.get("/bildungskonferenz-magdeburg/programm.xml").content.decode()
    xmlschema.XMLSchema(schemas / "schedule.xml.xsd").validate(xml)
    document = json.loads(client.get("/bildungskonferenz-magdeburg/programm.json").content)
    jsonschema.validate(document, json.loads((schemas / "schema.json").read_text(encoding="utf-8")))
    rooms = document["schedule"]["conference"]["days"][0]["rooms"]
    assert [event["start"] for event in rooms["Ratsdiele"]] == ["10:00", "10:15", "10:20", "10:45", "12:45", "13:15"]
    assert rooms["Raum 2"][0]["persons"][0]["name"] == "Josephine Kosak"
