"""IT equipment: Clara sees Schularten and Stadtteile, Anna every school, Ben only his own school."""

from __future__ import annotations

import pytest
from django.test import Client

from bildungslandschaft.core.labels import code_label, format_value
from bildungslandschaft.web import analytics
from bildungslandschaft.web.management.models import EquipmentTarget

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(site: str) -> EquipmentTarget:
    return EquipmentTarget.objects.create(
        indicator="devices_per_pupil",
        label="Ein Gerät je Schüler:in",
        baseline_year=2019,
        target_year=2028,
        target_value=1.0,
    )


def _latest_school_values() -> dict[str, str]:
    published = analytics.published("devices_per_pupil", ("year", "school"))
    year = max(c.key["year"] for c in published.cells if c.key["year"] != "_T")
    indicator = published.indicator
    return {
        c.key["school"]: format_value(indicator, c.value, c.flag)
        for c in published.cells
        if c.key["year"] == year and c.key["school"] != "_T"
    }


def test_clara_sees_schularten_and_stadtteile_but_no_school(client: Client, target: EquipmentTarget) -> None:
    page = client.get("/steuerung/it-ausstattung/").content.decode()
    assert "Endgeräte je Schüler:in je Schulart" in page
    assert "Endgeräte je Schüler:in je Stadtteil" in page
    assert "je Schule" not in page
    assert code_label("schulart", "grundschule") in page


def test_anna_sees_every_school(anna: Client, target: EquipmentTarget) -> None:
    page = anna.get("/steuerung/it-ausstattung/").content.decode()
    schools = _latest_school_values()
    assert "Endgeräte je Schüler:in je Schule" in page
    assert page.count('<tr><th scope="row">') >= len(schools)


def test_ben_sees_only_his_own_school(ben: Client, target: EquipmentTarget) -> None:
    page = ben.get("/steuerung/it-ausstattung/").content.decode()
    table = page.split("Endgeräte je Schüler:in je Schule")[1].split("</table>")[0]
    assert table.count('<tr><th scope="row">') == 1
    assert _latest_school_values()["13592"] in table


def test_city_progress_is_classified_against_the_target(client: Client, target: EquipmentTarget) -> None:
    page = client.get("/steuerung/it-ausstattung/").content.decode()
    assert "Zielwert 1,00 (2028)" in page
    assert 'data-target="it-grafik-1"' in page
