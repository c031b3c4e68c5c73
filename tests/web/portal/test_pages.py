"""Clara, an anonymous citizen, reads the portal over the demo city with the Django test client."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_start_page_shows_key_figures_with_change_and_all_seven_themes(client: Client, portal: str) -> None:
    html = page(client, "/")
    assert "Förderquote" in html
    assert "gegenüber 2024" in html
    for theme in (
        "Frühkindliche Bildung",
        "Allgemeinbildende Schulen",
        "Inklusion",
        "Abschlüsse",
        "Digitalisierung",
        "Weiterbildung",
        "Rahmenbedingungen",
    ):
        assert theme in html
    assert 'value="neustaedter_see"' in html


def test_catalog_search_finds_indicators_without_javascript(client: Client, portal: str) -> None:
    html = page(client, "/indikatoren/?q=förderquote")
    assert "/indikatoren/sen_rate/" in html
    assert "/indikatoren/pupils/" not in html


def test_catalog_filters_by_theme(client: Client, portal: str) -> None:
    html = page(client, "/indikatoren/?thema=inklusion")
    assert "/indikatoren/inclusion_rate/" in html
    assert "/indikatoren/childcare_rate_u3/" not in html


def test_indicator_page_has_definition_charts_map_table_and_downloads(client: Client, portal: str) -> None:
    html = page(client, "/indikatoren/leavers_without_hsa_share/?jahr=2024")
    assert "Absolvierende/Abgehende" in html  # denominator in words
    assert 'type="application/json"' in html and 'id="spec-karte"' in html and 'id="spec-schulart"' in html
    assert 'aria-describedby="text-zeitreihe"' in html
    assert "Karte der 40 Stadtteile 2024" in html
    assert "© OpenStreetMap-Mitwirkende" in html
    assert "daten.csv?nach=stadtteil&amp;jahr=2024" in html
    assert "<script>" not in html  # no inline script: a strict CSP is possible


def test_indicator_page_answers_404_for_an_unknown_indicator(client: Client, portal: str) -> None:
    assert client.get("/indikatoren/gibt_es_nicht/").status_code == 404


def test_csv_download_matches_the_map_year(client: Client, portal: str) -> None:
    response = client.get("/indikatoren/sen_rate/daten.csv?nach=stadtteil&jahr=2024")
    assert response["Content-Disposition"] == 'attachment; filename="sen_rate_stadtteil_2024.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Jahr", "Stadtteil", "Stadtteil (Schlüssel)"]
    assert {row[0] for row in rows[1:]} == {"2024"}
    assert len(rows) > 10


def test_download_rejects_breakdowns_the_indicator_does_not_allow(client: Client, portal: str) -> None:
    assert client.get("/indikatoren/unemployment_rate/daten.csv?nach=stadtteil&jahr=2024").status_code == 404
    assert client.get("/indikatoren/sen_rate/daten.exe").status_code == 404


def test_datapackage_points_at_the_downloads(client: Client, portal: str) -> None:
    package = json.loads(page(client, "/indikatoren/sen_rate/datapackage.json"))
    paths = [resource["path"] for resource in package["resources"]]
    assert paths == [
        "http://testserver/indikatoren/sen_rate/daten.csv",
        "http://testserver/indikatoren/sen_rate/daten.xlsx",
        "http://testserver/indikatoren/sen_rate/daten.json",
    ]


def test_stadtteil_profile_compares_with_the_city(client: Client, portal: str) -> None:
    html = page(client, "/stadtteile/altstadt/")
    assert "<h1>Altstadt</h1>" in html
    assert "Stadt insgesamt" in html and "Förderquote" in html
    assert 'id="spec-lage"' in html


def test_unknown_stadtteil_is_404(client: Client, portal: str) -> None:
    assert client.get("/stadtteile/atlantis/").status_code == 404


def test_comparison_of_two_stadtteile_and_two_years(client: Client, portal: str) -> None:
    html = page(client, "/vergleich/?a=altstadt&b=buckau")
    assert "Abstand Buckau zur Stadt" in html
    html = page(client, "/vergleich/?indikator=sen_rate&jahr_a=2015&jahr_b=2024")
    assert "Der Wert sank von" in html or "Der Wert stieg von" in html


def test_comparison_explains_an_incomplete_choice(client: Client, portal: str) -> None:
    assert "Bitte wählen Sie zwei Stadtteile" in page(client, "/vergleich/?a=altstadt")


def test_sources_page_names_licences(client: Client, portal: str) -> None:
    html = page(client, "/quellen/")
    assert "dl-de-by-2.0" in html and "Open Database License" in html and "Zensus 2022" in html


def test_english_switch_translates_the_interface(client: Client, portal: str) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = page(client, "/")
    assert '<html lang="en">' in html
    assert "Key figures" in html and "Skip to content" in html
    assert "Pupils at general schools" in html


def test_cached_page_parts_follow_the_language(client: Client, portal: str) -> None:
    assert "<h1>Schüler:innen an allgemeinbildenden Schulen</h1>" in page(client, "/indikatoren/pupils/")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = page(client, "/indikatoren/pupils/")
    assert '<h1><span lang="en">Pupils at general schools</span></h1>' in html
    assert "Download data" in html


def test_catalog_filters_by_area_of_the_monitoring(client: Client, portal: str) -> None:
    html = page(client, "/indikatoren/?bereich=E")
    assert "/indikatoren/vocational_hsa_share/" in html
    assert "/indikatoren/leavers_hsa_share/" not in html
