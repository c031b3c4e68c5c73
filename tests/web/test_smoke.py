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
