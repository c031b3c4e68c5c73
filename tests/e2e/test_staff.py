"""Anna imports a file through the staff area in a real browser; every staff page type passes axe-core."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import real_file

from bildungslandschaft.web import analytics
from bildungslandschaft.web.accounts.roles import PUBLISHER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("BILA_SCREENSHOTS")
PASSWORD = "ein-langes-passwort-123"
LEAVERS = "21111-02-06-4.csv"


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"intern_{name}.png"), full_page=True)


@pytest.fixture
def empty_store(tmp_path: Path, settings: Any) -> Iterator[None]:
    settings.BILA_ANALYTICS_DB = str(tmp_path / "store.duckdb")
    settings.MEDIA_ROOT = tmp_path / "media"
    analytics.reset()
    yield
    analytics.reset()


def log_in(live_server: Any, page: Any, target: str, username: str = "anna", role: str | None = None) -> None:
    from django.contrib.auth.models import Group, User

    from bildungslandschaft.web.accounts import roles

    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    if role is not None:
        roles.ensure_groups()
        user.groups.add(Group.objects.get(name=role))
    page.goto(f"{live_server.url}/konto/anmelden/?next={target}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{target}")


def test_anna_uploads_previews_and_commits_an_import(live_server: Any, page: Any, axe: Any, empty_store: None) -> None:
    log_in(live_server, page, "/intern/")
    assert axe(page) == []
    page.get_by_role("link", name="Datei importieren").first.click()
    page.wait_for_url("**/intern/import/")
    shot(page, "import")
    assert axe(page) == []
    page.set_input_files("input[name=datei]", str(real_file(LEAVERS)))
    page.get_by_role("button", name="Hochladen und Vorschau zeigen").click()
    page.wait_for_selector("text=Was der Import ändern würde")
    shot(page, "vorschau")
    assert axe(page) == []
    assert "school_leavers_kreis" in page.content()
    page.get_by_role("button", name="Import übernehmen").click()
    page.wait_for_url("**/intern/importe/")
    shot(page, "importe")
    assert axe(page) == []
    assert page.locator("tbody tr").count() == 1
    assert LEAVERS in page.locator("tbody tr").first.inner_text()


def test_indicator_publishing_page_has_no_axe_violations(
    live_server: Any, page: Any, axe: Any, empty_store: None
) -> None:
    log_in(live_server, page, "/intern/indikatoren/", "paula", PUBLISHER)
    page.get_by_role("button", name="Förderquote verbergen").click()
    page.wait_for_selector(".messages")
    shot(page, "indikatoren")
    assert axe(page) == []
    assert page.locator(".badge:not(.ok)").count() == 1
