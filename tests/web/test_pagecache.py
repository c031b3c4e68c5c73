"""Public pages are cached whole for anonymous visitors, and hiding an indicator takes effect at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bildungslandschaft.web.staff.visibility import set_public

pytestmark = pytest.mark.django_db


def test_language_link_switches_and_returns_to_the_page(client: Client, portal: str) -> None:
    answer = client.get("/sprache/en/?next=/indikatoren/")
    assert answer.status_code == 302
    assert answer["Location"] == "/indikatoren/"
    assert '<html lang="en">' in client.get("/indikatoren/").content.decode()
    assert client.get("/sprache/en/?next=https://example.com/").get("Location") == "/"
    assert client.get("/sprache/fr/").status_code == 404


def test_public_pages_carry_no_csrf_token_so_they_can_be_shared(client: Client, portal: str) -> None:
    answer = client.get("/indikatoren/pupils/")
    assert answer.status_code == 200
    assert "csrfmiddlewaretoken" not in answer.content.decode()
    assert not answer.cookies


def test_anonymous_visitors_get_the_cached_page(client: Client, portal: str, monkeypatch: Any) -> None:
    first = client.get("/indikatoren/pupils/").content
    from bildungslandschaft.web.portal import views

    def broken(*args: object, **kwargs: object) -> None:
        raise AssertionError("the page should come from the cache")

    monkeypatch.setattr(views.figures, "series", broken)
    assert client.get("/indikatoren/pupils/").content == first


def test_hidden_indicator_leaves_the_portal_and_comes_back(client: Client, portal: str) -> None:
    assert "/indikatoren/sen_rate/" in client.get("/indikatoren/").content.decode()
    publisher = User.objects.create_superuser("pia", password="x" * 12)
    set_public("sen_rate", False, publisher)
    assert client.get("/indikatoren/sen_rate/").status_code == 404
    assert "/indikatoren/sen_rate/" not in client.get("/indikatoren/").content.decode()
    set_public("sen_rate", True, publisher)
    assert client.get("/indikatoren/sen_rate/").status_code == 200


def test_signed_in_people_get_fresh_pages(client: Client, portal: str) -> None:
    client.get("/indikatoren/pupils/")
    User.objects.create_user("anna", password="x" * 12)
    client.login(username="anna", password="x" * 12)
    page = client.get("/indikatoren/pupils/").content.decode()
    assert "Abmelden" in page
