"""Every page of the skeleton answers in German."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/indikatoren/", "/bericht/", "/konto/anmelden/"])
def test_page_answers_in_german(client: Client, portal: str, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="de">' in response.content.decode()


@pytest.mark.django_db
def test_german_even_for_english_browsers_until_switched(client: Client, portal: str) -> None:
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="de">' in page
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert switched.status_code == 302
    assert '<html lang="en">' in client.get("/").content.decode()
