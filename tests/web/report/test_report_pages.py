"""The Bildungsbericht on the site: Clara (anonymous) reads it, Anna (staff) edits it, Ben (no staff rights) may not."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pypdf import PdfReader

from bildungslandschaft.web.report import demo
from bildungslandschaft.web.report.models import Chapter
from bildungslandschaft.web.staff.visibility import set_public

pytestmark = pytest.mark.django_db

PASSWORD = "ein-langes-passwort-123"
SCHOOLS = (
    "Einleitung.\n\n## Bildungserfolg\n\n"
    "::: chart indicator=leavers_without_hsa_share by=year :::\n\n"
    "::: sentence indicator=leavers_without_hsa_share :::\n"
)


@pytest.fixture
def anna(client: Client) -> Client:
    client.force_login(User.objects.create_user("anna", password=PASSWORD, is_staff=True))
    return client


@pytest.fixture
def ben(client: Client) -> Client:
    client.force_login(User.objects.create_user("ben", password=PASSWORD))
    return client


@pytest.fixture
def chapter(portal: str) -> Chapter:
    return Chapter.objects.create(slug="schulen", position=10, title="Allgemeinbildende Schulen", body=SCHOOLS)


def test_clara_reads_the_demo_report_with_contents_and_both_modules(client: Client, portal: str) -> None:
    demo.load()

    html = client.get("/bericht/").content.decode()

    assert '<nav class="bila-toc" aria-labelledby="inhalt-titel">' in html
    assert '<a href="#kapitel-2"><span class="bila-number">2</span> Modul 1: Frühkindliche Bildung</a>' in html
    assert '<h2 id="kapitel-3"><span class="bila-number">3</span> Modul 2: Allgemeinbildende Schulen</h2>' in html
    assert "Abbildung 1:</span>" in html and "Tabelle 1:</span>" in html
    assert "Hinweis: Diese Angabe fehlt" not in html
    assert 'href="/bericht/bericht.pdf"' in html


def test_demo_chapters_load_once_and_keep_staff_edits(portal: str) -> None:
    first = demo.load()
    Chapter.objects.filter(slug="einleitung").update(body="Eigener Text.\n")

    second = demo.load()

    assert first.startswith("Bildungsbericht: 3 Kapitel (3 neu)")
    assert second.startswith("Bildungsbericht: 3 Kapitel (0 neu)")
    assert Chapter.objects.get(slug="einleitung").body == "Eigener Text.\n"


def test_clara_downloads_the_pdf(client: Client, chapter: Chapter) -> None:
    response = client.get("/bericht/bericht.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Allgemeinbildende Schulen" in text and "Abbildung 1:" in text


def test_report_without_chapters_says_so(client: Client, portal: str) -> None:
    response = client.get("/bericht/")

    assert "Es ist noch kein Bildungsbericht veröffentlicht." in response.content.decode()
    assert client.get("/bericht/bericht.pdf").status_code == 404


def test_clara_is_sent_to_the_login_when_editing(client: Client, chapter: Chapter) -> None:
    response = client.get("/bericht/bearbeiten/schulen/")

    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")


def test_ben_without_staff_rights_is_refused(ben: Client, chapter: Chapter) -> None:
    assert ben.get("/bericht/bearbeiten/").status_code == 403
    assert (
        ben.post(
            "/bericht/bearbeiten/schulen/", {"title": "x", "slug": "schulen", "position": 1, "body": "x"}
        ).status_code
        == 403
    )
    assert Chapter.objects.get(slug="schulen").body == SCHOOLS


def test_anna_previews_a_change_without_saving_it(anna: Client, chapter: Chapter) -> None:
    body = SCHOOLS + "\n::: chart indicator=pupils by=schulart :::\n"

    response = anna.post(
        "/bericht/bearbeiten/schulen/",
        {"title": chapter.title, "slug": "schulen", "position": 10, "body": body, "vorschau": "1"},
    )

    html = response.content.decode()
    assert "Vorschau (nicht gespeichert)" in html
    assert "Abbildung 2:</span> Schüler:innen an allgemeinbildenden Schulen nach Schulart" in html
    assert Chapter.objects.get(slug="schulen").body == SCHOOLS


def test_anna_saves_and_the_public_report_changes_at_once(anna: Client, chapter: Chapter) -> None:
    before = anna.get("/bericht/").content.decode()
    body = SCHOOLS + "\nNeuer Absatz über Übergänge.\n"

    response = anna.post(
        "/bericht/bearbeiten/schulen/",
        {"title": chapter.title, "slug": "schulen", "position": 10, "body": body, "speichern": "1"},
    )

    assert response.status_code == 302
    assert "Neuer Absatz" not in before
    assert "Neuer Absatz über Übergänge." in anna.get("/bericht/").content.decode()
    assert Chapter.objects.get(slug="schulen").updated_by.username == "anna"


def test_anna_cannot_save_a_broken_directive_and_learns_the_line(anna: Client, chapter: Chapter) -> None:
    body = "Text.\n\n::: chart indicator=gibtsnicht :::\n"

    response = anna.post(
        "/bericht/bearbeiten/schulen/",
        {"title": chapter.title, "slug": "schulen", "position": 10, "body": body, "speichern": "1"},
    )

    assert response.status_code == 400
    assert "Zeile 3: unbekannter Indikator &#x27;gibtsnicht&#x27;" in response.content.decode()
    assert Chapter.objects.get(slug="schulen").body == SCHOOLS


def test_anna_adds_a_chapter(anna: Client, portal: str) -> None:
    response = anna.post(
        "/bericht/bearbeiten/neu/",
        {"title": "Ausblick", "slug": "ausblick", "position": 99, "body": "Was kommt.\n", "speichern": "1"},
    )

    assert response.status_code == 302
    assert "Ausblick" in anna.get("/bericht/bearbeiten/").content.decode()


def test_hidden_indicator_is_left_out_of_the_public_report(client: Client, chapter: Chapter) -> None:
    set_public("leavers_without_hsa_share", False)

    html = client.get("/bericht/").content.decode()

    assert "Abbildung 1:" not in html
    assert "der Indikator leavers_without_hsa_share ist derzeit nicht veröffentlicht" in html
