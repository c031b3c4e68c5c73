"""Bildungsmanagement in a real browser: every page type passes axe-core; search and submission work."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

# the management fixtures: a copy of the demo store with the program's activity file, and the demo content
from tests.web.management.conftest import PASSWORD, _user, demo_content, management_db, site  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_content")]
SHOTS = os.environ.get("BILA_SCREENSHOTS")


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    "path",
    [
        "/steuerung/",
        "/steuerung/leitbild/",
        "/steuerung/programme/",
        "/steuerung/programme/kita-sozialarbeit/",
        "/steuerung/it-ausstattung/",
        "/steuerung/angebote/",
        "/steuerung/angebote/melden/",
    ],
)
def test_page_has_no_axe_violations(live_server: Any, page: Any, axe: Any, path: str) -> None:
    page.goto(live_server.url + path)
    if page.locator(".chart-canvas").count():
        page.wait_for_selector(".chart-canvas svg", timeout=15000)
    shot(page, path.strip("/").replace("/", "_") or "steuerung")
    assert axe(page) == []


def test_offer_detail_and_moderation_have_no_axe_violations(live_server: Any, page: Any, axe: Any) -> None:
    from bildungslandschaft.web.management.models import Offer

    published = Offer.objects.filter(status=Offer.PUBLISHED).first()
    assert published is not None
    page.goto(f"{live_server.url}/steuerung/angebote/{published.pk}/")
    assert axe(page) == []
    _user("anna", "Analyse")
    page.goto(live_server.url + "/konto/anmelden/?next=/steuerung/angebote/moderation/")
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/steuerung/angebote/moderation/")
    shot(page, "moderation")
    assert axe(page) == []


def test_clara_searches_offers_with_filters(live_server: Any, page: Any) -> None:
    page.goto(live_server.url + "/steuerung/angebote/")
    page.fill("#suche-q", "Robotik")
    page.select_option("#suche-thema", "mint")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url("**/steuerung/angebote/?*")
    heading = page.locator("#treffer").inner_text()
    titles = page.locator(".offer-list h3").all_inner_texts()
    assert titles and all(title.startswith("Robotik-AG") for title in titles)
    assert heading.startswith(f"{len(titles)} Angebot")
    page.wait_for_selector("#angebote-karte svg", timeout=15000)
    shot(page, "angebote_suche")


def test_clara_submits_an_offer_that_waits_for_moderation(live_server: Any, page: Any) -> None:
    from bildungslandschaft.web.management.models import Offer

    page.goto(live_server.url + "/steuerung/angebote/melden/")
    page.get_by_label("Name des Akteurs (Einrichtung, Verein …)").fill("Schachclub Sudenburg")
    page.get_by_label("Art des Akteurs").select_option("verein")
    page.get_by_label("Titel").fill("Schach für Kinder")
    page.get_by_label("Beschreibung").fill("Jeden Dienstag ab 16 Uhr.")
    page.get_by_label("Zielgruppe").select_option("kinder")
    page.get_by_label("Thema").select_option("mint")
    page.get_by_label("Stadtteil").select_option("sudenburg")
    page.get_by_label("Adresse").fill("Halberstädter Straße 100")
    page.get_by_label("kostenfrei").check()
    page.get_by_label("Kontakt", exact=False).first.fill("schach@example.org")
    page.get_by_label("E-Mail der einreichenden Person").fill("vorstand@example.org")
    page.click("text=Angebot zur Prüfung senden")
    page.wait_for_url("**/steuerung/angebote/")
    assert "erscheint nach der Prüfung" in page.locator(".messages").inner_text()
    assert Offer.objects.get(title="Schach für Kinder").status == Offer.PENDING
    assert "Schach für Kinder" not in page.locator(".offer-list").inner_text()
