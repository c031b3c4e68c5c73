"""The conference in a real browser: registration flow, axe-core on every page type, the program PDF as image."""

from __future__ import annotations

import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from tests.web.conference.conftest import make_event

from bildungslandschaft.web.conference import demo
from bildungslandschaft.web.conference.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def shot(page: Any, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"konferenz-{name}.png"), full_page=full)


def test_registration_flow_without_javascript_tricks(live_server: Any, page: Any, axe: Any) -> None:
    event = make_event(capacity=30)
    page.goto(f"{live_server.url}/{event.slug}/")
    page.get_by_role("link", name="Jetzt anmelden").click()
    assert axe(page) == []
    page.get_by_label("Name", exact=True).fill("Clara Beispiel")
    page.get_by_label("E-Mail").fill("clara@example.org")
    page.get_by_label("Session I: Bildungsleitbild").select_option(label="1. Wunsch")
    page.get_by_label("Session II: Datendschungel").first.select_option(label="1. Wunsch")  # same rank twice
    page.get_by_label("Session III: Kita-Sozialarbeit").select_option(label="1. Wunsch")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").check()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    assert page.get_by_text("Der 1. Wunsch ist in diesem Block schon vergeben.").is_visible()
    assert axe(page) == []  # the page with errors, too
    page.get_by_label("Session II: Datendschungel").first.select_option(label="2. Wunsch")
    page.get_by_label("Session II: Datendschungel").nth(1).select_option(label="1. Wunsch")
    page.get_by_label("Session III: Kita-Sozialarbeit").select_option(label="für mich nicht möglich")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").check()
    shot(page, "anmeldung")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    assert page.get_by_role("heading", name="Meine Anmeldung").is_visible()
    assert page.get_by_text("Die Plätze werden noch verteilt.").is_visible()
    assert axe(page) == []
    registration = Registration.objects.get(email="clara@example.org")
    assert registration.excluded == ["c"]
    assert any(registration.token in message.body for message in mail.outbox)
    page.get_by_role("link", name="Von der Veranstaltung abmelden").click()
    assert axe(page) == []
    page.get_by_role("button", name="Ja, verbindlich abmelden").click()
    assert page.get_by_text("Sie sind abgemeldet.").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/veranstaltungen/",
        "/bildungskonferenz-magdeburg/",
        "/bildungskonferenz-magdeburg/sessions/datendschungel/",
        "/bildungskonferenz-magdeburg/dokumentation/",
    ],
)
def test_conference_pages_have_no_axe_violations(live_server: Any, page: Any, axe: Any, path: str) -> None:
    demo._load_magdeburg()
    page.goto(live_server.url + path)
    assert page.locator("h1").first.is_visible()
    assert axe(page) == []
    shot(page, path.strip("/").replace("/", "_") or "start")


def test_program_side_by_side_on_wide_screens_stacked_on_phones(live_server: Any, page: Any) -> None:
    demo._load_magdeburg()
    page.goto(f"{live_server.url}/bildungskonferenz-magdeburg/")
    boxes = [card.bounding_box() for card in page.locator(".parallel > li").all()]
    assert len(boxes) == 4 and len({round(box["y"]) for box in boxes}) == 1  # one row on 1280 px
    page.set_viewport_size({"width": 390, "height": 844})
    boxes = [card.bounding_box() for card in page.locator(".parallel > li").all()]
    assert len({round(box["x"]) for box in boxes}) == 1  # one column on a phone
    shot(page, "programm-handy")


def test_staff_assignment_page_passes_axe(live_server: Any, page: Any, axe: Any) -> None:
    event = make_event(capacity=30)
    User.objects.create_user("anna", "anna@example.org", "ein-langes-passwort", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/?next=/{event.slug}/intern/zuteilung/")
    page.get_by_label("Benutzername").fill("anna")
    page.get_by_label("Passwort").fill("ein-langes-passwort")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("button", name="Optimale Zuteilung berechnen").click()
    assert page.get_by_text("beweisbar optimal").is_visible()
    assert axe(page) == []
    shot(page, "zuteilung")
    page.goto(f"{live_server.url}/{event.slug}/intern/")
    assert axe(page) == []


def test_program_pdf_renders_to_an_image(live_server: Any, tmp_path: Path) -> None:
    demo._load_magdeburg()
    pdf = tmp_path / "programm.pdf"
    with urllib.request.urlopen(f"{live_server.url}/bildungskonferenz-magdeburg/programm.pdf") as response:
        pdf.write_bytes(response.read())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "seite")], check=True)
    pages = sorted(tmp_path.glob("seite*.png"))
    assert pages and pages[0].stat().st_size > 10_000
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "konferenz-programm-pdf.png").write_bytes(pages[0].read_bytes())
