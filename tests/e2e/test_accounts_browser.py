"""Ben (school account) and Ada (admin) in a real browser: login form, closed pages, axe-core, enforced CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.web.accounts.conftest import PASSWORD, make_user

from bildungslandschaft.web.accounts import audit, roles
from bildungslandschaft.web.accounts.demo import demo_school
from bildungslandschaft.web.accounts.models import AuditEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(base + "/konto/anmelden/?next=/konto/")  # the account page, not the (heavier) start page
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/konto/")


def test_ben_logs_in_and_reads_his_school_page(live_server: Any, portal: str, page: Any, axe: Any) -> None:
    make_user("ben", roles.SCHOOL, school=demo_school())
    page.goto(live_server.url + "/konto/anmelden/")
    assert axe(page) == []
    log_in(page, live_server.url, "ben")
    page.goto(live_server.url + "/konto/schule/")
    assert page.get_by_role("heading", name="Zahlen Ihrer Schule").is_visible()
    assert page.locator("table tbody tr").count() >= 3
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "konto-schule.png"), full_page=True)
    assert axe(page) == []


def test_wrong_password_five_times_locks_with_a_german_message(live_server: Any, page: Any) -> None:
    make_user("anna", roles.ANALYST)
    for _ in range(5):
        page.goto(live_server.url + "/konto/anmelden/")
        page.get_by_label("Benutzername").fill("anna")
        page.get_by_label("Passwort").fill("falsch-falsch")
        page.get_by_role("button", name="Anmelden").click()
    assert page.get_by_role("alert").inner_text().startswith("Zu viele fehlgeschlagene Anmeldeversuche")


def test_ada_reads_the_audit_log_and_anna_the_internal_view(live_server: Any, portal: str, page: Any, axe: Any) -> None:
    make_user("ada", "superuser")
    audit.record(None, AuditEvent.IMPORT, "schueler_schulen.csv → pupils_school", username="anna")
    log_in(page, live_server.url, "ada")
    page.goto(live_server.url + "/konto/protokoll/")
    assert page.get_by_role("cell", name="schueler_schulen.csv → pupils_school").is_visible()
    page.screenshot(path=str(SHOTS / "konto-protokoll.png"), full_page=True)
    assert axe(page) == []
    page.goto(live_server.url + "/konto/intern/?indikator=repeaters_rate&nach=schulart")
    assert page.get_by_text("Intern – nicht zur Veröffentlichung").is_visible()
    page.screenshot(path=str(SHOTS / "konto-intern.png"), full_page=True)
    assert axe(page) == []


def test_account_pages_need_nothing_the_enforced_policy_forbids(
    live_server: Any, portal: str, page: Any, settings: Any
) -> None:
    settings.BILA_CSP_MODE = "enforce"
    make_user("ada", "superuser")
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    log_in(page, live_server.url, "ada")
    for path in ("/konto/", "/konto/protokoll/", "/konto/intern/"):
        response = page.goto(live_server.url + path)
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert refused == []
