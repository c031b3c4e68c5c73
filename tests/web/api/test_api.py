"""The JSON API as Clara (anonymous citizen) and a data journalist's script use it."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from bildungslandschaft.core.engine import compute
from bildungslandschaft.core.result import Query
from bildungslandschaft.core.store import connect
from bildungslandschaft.web import analytics
from bildungslandschaft.web.staff.visibility import set_public

pytestmark = pytest.mark.django_db

VALUES = "/api/indikatoren/leavers_without_hsa_share/werte"


def get_json(client: Client, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_areas_list_the_catalog_areas_with_their_indicators(client: Client, portal: str) -> None:
    areas = {area["id"]: area for area in get_json(client, "/api/bereiche")}
    assert set(areas) == set(analytics.catalog().areas)
    assert "leavers_without_hsa_share" in areas["D"]["indikatoren"]


def test_indicator_metadata_names_definition_terms_and_attribution(client: Client, portal: str) -> None:
    document = get_json(client, "/api/indikatoren/leavers_without_hsa_share")
    indicator = analytics.catalog().indicator("leavers_without_hsa_share")
    assert document["titel"] == indicator.title
    assert document["zaehler"]["merkmal"] == indicator.numerator.measure
    assert document["nenner"]["merkmal"] == indicator.denominator.measure  # type: ignore[union-attr]
    assert document["namensnennung"] == indicator.attribution
    assert "stadtteil" in document["aufgliederungen"]


def test_indicator_list_filters_by_area_and_search_text(client: Client, portal: str) -> None:
    in_area = get_json(client, "/api/indikatoren?bereich=C")
    assert in_area and {item["bereich"] for item in in_area} == {"C"}
    found = get_json(client, "/api/indikatoren?suche=Volkshochschule")
    assert found and all(item["bereich"] == "G" for item in found)


def test_values_are_the_gate_s_cells_and_the_raw_values_where_published(client: Client, portal: str) -> None:
    document = get_json(client, f"{VALUES}?by=year,stadtteil&year=2023")
    query = ("leavers_without_hsa_share", ("year", "stadtteil"), {"year": ("2023",)})
    gate = analytics.published(*query)
    con = connect(portal)
    raw = compute(con, analytics.catalog(), Query(*query, totals=True))
    con.disconnect()
    assert document["aufgliederung"] == ["year", "stadtteil"]
    assert [(row["schluessel"], row["wert"], row["status"]) for row in document["werte"]] == [
        (dict(cell.key), cell.value, str(cell.status)) for cell in gate.cells
    ]
    raw_values = {(str(cell.key["year"]), str(cell.key["stadtteil"])): cell.value for cell in raw.cells}
    for row in document["werte"]:
        if row["status"] == "S":
            assert row["wert"] == raw_values[(row["schluessel"]["year"], row["schluessel"]["stadtteil"])]


def test_withheld_cells_are_null_with_their_sign_and_the_legend(client: Client, portal: str) -> None:
    document = get_json(client, f"{VALUES}?by=year,school&year=2023")
    withheld = [row for row in document["werte"] if row["status"] != "S"]
    assert withheld, "the demo city has schools with small counts"
    assert all(row["wert"] is None and row["zaehler"] is None and row["zeichen"] == "." for row in withheld)
    assert document["zeichenerklaerung"]["."] == "Zahlenwert unbekannt oder geheim zu halten"


def test_totals_carry_the_total_key_and_a_label(client: Client, portal: str) -> None:
    document = get_json(client, f"{VALUES}?by=year,stadtteil&year=2023")
    totals = [row for row in document["werte"] if row["schluessel"]["stadtteil"] == "_T"]
    assert len(totals) == 1
    assert totals[0]["bezeichnungen"]["stadtteil"] == "Stadt insgesamt"


def test_unknown_indicator_answers_404_in_german(client: Client, portal: str) -> None:
    document = get_json(client, "/api/indikatoren/gibt_es_nicht/werte", status=404)
    assert document == {"fehler": "Unbekannter Indikator: gibt_es_nicht"}


def test_breakdown_not_allowed_answers_400_naming_the_allowed_ones(client: Client, portal: str) -> None:
    document = get_json(client, f"{VALUES}?by=kita", status=400)
    assert document["fehler"].startswith("Aufgliederung nach kita ist für leavers_without_hsa_share nicht möglich")
    assert "stadtteil" in document["fehler"]


def test_more_than_three_breakdowns_answer_400(client: Client, portal: str) -> None:
    document = get_json(client, f"{VALUES}?by=year,stadtteil,schulart,geschlecht", status=400)
    assert document["fehler"].startswith("Höchstens 3 Aufgliederungen")


def test_unknown_filter_value_answers_400(client: Client, portal: str) -> None:
    document = get_json(client, f"{VALUES}?stadtteil=atlantis", status=400)
    assert "atlantis" in document["fehler"]


def test_hidden_indicator_disappears_from_catalog_and_values(client: Client, portal: str) -> None:
    set_public("leavers_without_hsa_share", False)
    listed = [item["id"] for item in get_json(client, "/api/indikatoren")]
    assert "leavers_without_hsa_share" not in listed
    get_json(client, VALUES, status=404)
    set_public("leavers_without_hsa_share", True)
    get_json(client, VALUES, status=200)


def test_csv_download_matches_the_json_values(client: Client, portal: str) -> None:
    response = client.get(f"{VALUES}.csv?by=year,stadtteil")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    document = get_json(client, f"{VALUES}?by=year,stadtteil")
    assert len(rows) == len(document["werte"])
    for row, cell in zip(rows, document["werte"], strict=True):
        assert row["stadtteil"] == cell["schluessel"]["stadtteil"]
        assert row["wert"] == ("" if cell["wert"] is None else str(cell["wert"]).removesuffix(".0"))
        assert row["status"] == cell["status"]


def test_stadtteile_are_geojson_with_40_features(client: Client) -> None:
    response = client.get("/api/stadtteile")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    document = response.json()
    assert document["type"] == "FeatureCollection"
    assert len(document["features"]) == 40
    assert "OpenStreetMap" in document["namensnennung"]


def test_openapi_document_describes_every_endpoint_in_german(client: Client) -> None:
    document = get_json(client, "/api/openapi.json")
    paths = document["paths"]
    for path in ("/api/bereiche", "/api/indikatoren", "/api/indikatoren/{indikator_id}/werte", "/api/stadtteile"):
        assert path in paths
    parameters = {param["name"] for param in paths["/api/indikatoren/{indikator_id}/werte"]["get"]["parameters"]}
    assert {"by", "year", "stadtteil", "schulart"} <= parameters
    assert "Geheimhaltung" in document["info"]["description"]
