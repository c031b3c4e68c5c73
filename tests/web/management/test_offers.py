"""The directory of offers: Clara searches and submits, Anna moderates, everyone exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bildungslandschaft.web.management.models import Actor, Offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db: object) -> Actor:
    return Actor.objects.create(name="Stadtbibliothek", kind="bibliothek")


def offer(actor: Actor, title: str, **fields: object) -> Offer:
    values: dict[str, object] = {
        "description": "Ein Angebot.",
        "target_group": "kinder",
        "topic": "sprache",
        "stadtteil": "altstadt",
        "address": "Breiter Weg 1",
        "contact": "info@example.org",
        "status": Offer.PUBLISHED,
        "free": True,
    }
    values.update(fields)
    return Offer.objects.create(actor=actor, title=title, **values)


def titles(client: Client, query: str) -> list[str]:
    page = client.get(f"/steuerung/angebote/?{query}").content.decode()
    return [part.split("</a>")[0].split(">")[-1] for part in page.split('<h3><a href="/steuerung/angebote/')[1:]]


def test_clara_finds_offers_by_every_word_of_her_search(client: Client, library: Actor) -> None:
    offer(library, "Vorlesestunde", description="Bilderbücher für Kinder")
    offer(library, "Sprachcafé", description="Deutsch üben")
    assert titles(client, "q=bilderbücher") == ["Vorlesestunde"]
    assert titles(client, "q=stadtbibliothek+deutsch") == ["Sprachcafé"]
    assert titles(client, "q=") == ["Sprachcafé", "Vorlesestunde"]


def test_filters_combine(client: Client, library: Actor) -> None:
    club = Actor.objects.create(name="Jugendclub", kind="jugendclub")
    offer(library, "Vorlesen", age_min=3, age_max=6, stadtteil="buckau")
    offer(club, "Robotik", topic="mint", target_group="jugendliche", age_min=10, age_max=16, free=False, costs="20 €")
    offer(club, "Bandprobe", topic="kultur", target_group="jugendliche", accessibility="ja")
    assert titles(client, "alter=12") == ["Bandprobe", "Robotik"]
    assert titles(client, "thema=mint") == ["Robotik"]
    assert titles(client, "stadtteil=buckau") == ["Vorlesen"]
    assert titles(client, "art=jugendclub&kostenfrei=1") == ["Bandprobe"]
    assert titles(client, "barrierefrei=1") == ["Bandprobe"]
    assert titles(client, "alter=abc") == ["Bandprobe", "Robotik", "Vorlesen"]


def test_pending_and_rejected_offers_stay_hidden(client: Client, library: Actor) -> None:
    offer(library, "Geprüft")
    waiting = offer(library, "Wartet", status=Offer.PENDING)
    offer(library, "Abgelehnt", status=Offer.REJECTED)
    assert titles(client, "") == ["Geprüft"]
    assert client.get(f"/steuerung/angebote/{waiting.pk}/").status_code == 404
    assert "Wartet" not in client.get("/steuerung/angebote/angebote.json").content.decode()


def submission(**changes: str) -> dict[str, str]:
    data = {
        "actor_name": "Lesewelt e. V.",
        "actor_kind": "verein",
        "title": "Lesepatenschaften",
        "description": "Ehrenamtliche lesen mit Grundschulkindern.",
        "target_group": "kinder",
        "age_min": "6",
        "age_max": "10",
        "topic": "sprache",
        "stadtteil": "sudenburg",
        "address": "Halberstädter Straße 1",
        "accessibility": "ja",
        "free": "on",
        "contact": "lesen@example.org",
        "submitter_email": "vorstand@example.org",
    }
    data.update(changes)
    return data


def test_submitted_offer_waits_for_moderation_then_anna_publishes_it(client: Client, anna: Client) -> None:
    response = client.post("/steuerung/angebote/melden/", submission(), follow=True)
    assert "erscheint nach der Prüfung" in response.content.decode()
    submitted = Offer.objects.get(title="Lesepatenschaften")
    assert submitted.status == Offer.PENDING
    assert submitted.actor.kind == "verein"
    assert submitted.latitude is not None  # placed inside its Stadtteil
    assert titles(client, "") == []

    queue = anna.get("/steuerung/angebote/moderation/").content.decode()
    assert "Lesepatenschaften" in queue
    anna.post(f"/steuerung/angebote/moderation/{submitted.pk}/", {"decision": "published", "note": "geprüft"})

    assert titles(client, "") == ["Lesepatenschaften"]


def test_invalid_submission_explains_each_error_in_german(client: Client) -> None:
    page = client.post(
        "/steuerung/angebote/melden/", submission(age_min="12", age_max="6", free="", latitude="48,1")
    ).content.decode()
    assert "Das Höchstalter muss mindestens so groß sein wie das Mindestalter." in page
    assert "Bitte Kosten angeben oder „kostenfrei“ ankreuzen." in page
    assert "Bitte Breiten- und Längengrad zusammen angeben" in page
    assert not Offer.objects.exists()


def test_clara_and_ben_cannot_moderate(client: Client, ben: Client, library: Actor) -> None:
    waiting = offer(library, "Wartet", status=Offer.PENDING)
    assert client.get("/steuerung/angebote/moderation/").status_code == 302
    assert ben.get("/steuerung/angebote/moderation/").status_code == 403
    assert ben.post(f"/steuerung/angebote/moderation/{waiting.pk}/", {"decision": "published"}).status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == Offer.PENDING


def test_csv_export_is_neutralised_and_follows_the_filters(client: Client, library: Actor) -> None:
    offer(library, '=HYPERLINK("http://böse")', topic="mint")
    offer(library, "Vorlesen")
    response = client.get("/steuerung/angebote/angebote.csv?thema=mint")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Titel", "Akteur"]
    assert [row[1] for row in rows[1:]] == ['\'=HYPERLINK("http://böse")']
    assert response["Content-Disposition"] == 'attachment; filename="bildungsangebote.csv"'


def test_json_export_has_german_labels(client: Client, library: Actor) -> None:
    offer(library, "Vorlesen", age_min=3, age_max=6)
    data = json.loads(client.get("/steuerung/angebote/angebote.json").content)
    (record,) = data["offers"]
    assert (record["title"], record["topic"], record["age_range"], record["stadtteil"]) == (
        "Vorlesen",
        "Sprache und Lesen",
        "3 bis 6 Jahre",
        "Altstadt",
    )


def test_map_points_are_escaped_inside_the_script(client: Client, library: Actor) -> None:
    offer(library, "</script><script>alert(1)</script>", latitude=52.13, longitude=11.63)
    page = client.get("/steuerung/angebote/").content.decode()
    spec = page.split('class="vega-spec" data-target="angebote-karte"')[1].split("</script>")[0]
    assert "\\u003C/script\\u003E" in spec


def test_submissions_from_one_address_are_limited_per_hour(client: Client) -> None:
    from django.core.cache import cache

    from bildungslandschaft.web.management.directory import SUBMISSIONS_PER_HOUR

    cache.clear()
    for number in range(SUBMISSIONS_PER_HOUR):
        client.post("/steuerung/angebote/melden/", submission(title=f"Angebot {number}"))
    response = client.post("/steuerung/angebote/melden/", submission(title="Eins zu viel"))
    assert response.status_code == 429
    assert "zu viele Meldungen" in response.content.decode()
    assert Offer.objects.count() == SUBMISSIONS_PER_HOUR
    cache.clear()


def test_staff_edit_offers_and_the_leitbild_in_the_admin(db: object) -> None:
    admin = Client()
    admin.force_login(User.objects.create_superuser("ada", password="ein-langes-passwort-123"))
    for url in (
        "/admin/bila_management/offer/",
        "/admin/bila_management/leitbild/add/",
        "/admin/bila_management/goal/add/",
        "/admin/bila_management/program/add/",
        "/admin/bila_management/equipmenttarget/add/",
    ):
        assert admin.get(url).status_code == 200, url
