"""The open data description lists every download, and each download matches its schema."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

import pytest
from django.test import Client

from bildungslandschaft.web.staff.visibility import set_public

pytestmark = pytest.mark.django_db


def resources(client: Client) -> list[dict[str, object]]:
    response = client.get("/api/datapackage.json")
    assert response.status_code == 200
    package = response.json()
    assert package["profile"] == "tabular-data-package"
    return list(package["resources"])


def test_every_indicator_with_data_is_listed_with_its_stadtteil_download(client: Client, portal: str) -> None:
    names = {str(item["name"]) for item in resources(client)}
    assert "leavers-without-hsa-share-year" in names
    assert "leavers-without-hsa-share-year-stadtteil" in names
    assert "youth-unemployment-rate-year-stadtteil" not in names  # no Stadtteil breakdown in the catalog


def test_each_download_answers_with_the_columns_of_its_schema(client: Client, portal: str) -> None:
    for item in resources(client)[:6]:
        url = urlsplit(str(item["path"]))
        response = client.get(f"{url.path}?{url.query}")
        assert response.status_code == 200, item["name"]
        header = next(csv.reader(io.StringIO(response.content.decode("utf-8"))))
        assert header == [field["name"] for field in item["schema"]["fields"]]  # type: ignore[index]


def test_hidden_indicator_is_not_listed(client: Client, portal: str) -> None:
    set_public("leavers_without_hsa_share", False)
    names = {str(item["name"]) for item in resources(client)}
    assert not any(name.startswith("leavers-without-hsa-share-") for name in names)
