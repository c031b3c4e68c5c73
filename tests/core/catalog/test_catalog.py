"""The catalog loads into value objects; a broken file names file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bildungslandschaft.core.catalog.loader import default_catalog_dir, load_catalog
from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.catalog.yamlsource import CatalogError

REQUIRED_IDS = {
    "pupils",
    "leavers",
    "leavers_without_hsa_share",
    "special_school_share",
    "foreign_pupils_share",
    "youth_unemployment_rate",
}


def test_catalog_has_the_indicators_other_modules_rely_on(catalog: Catalog) -> None:
    assert set(catalog.indicators) >= REQUIRED_IDS


def test_catalog_has_at_least_30_indicators_in_every_area(catalog: Catalog) -> None:
    assert len(catalog.indicators) >= 30
    assert {indicator.area for indicator in catalog.indicators.values()} == set(catalog.areas)


def test_catalog_topics_cover_the_monitoring_scope(catalog: Catalog) -> None:
    ids = set(catalog.indicators)
    expected = {
        "population",
        "sgb2_children_rate",
        "youth_unemployment_rate",
        "childcare_rate_u3",
        "childcare_rate_3_6",
        "kita_places",
        "kita_social_work_reach_share",
        "sen_rate",
        "special_school_share",
        "inclusion_share",
        "gymnasium_transition_rate",
        "repeaters_rate",
        "devices_per_pupil",
        "display_classroom_share",
        "bandwidth_per_school",
        "vhs_courses",
        "vhs_enrolments",
    }
    assert expected <= ids


def test_catalog_value_objects_are_frozen(catalog: Catalog) -> None:
    indicator = catalog.indicator("pupils")
    with pytest.raises(AttributeError):
        indicator.title = "x"  # type: ignore[misc]


def test_every_indicator_has_titles_source_and_attribution(catalog: Catalog) -> None:
    for indicator in catalog.indicators.values():
        assert indicator.title and indicator.title_en and indicator.definition
        assert indicator.attribution.startswith("Quelle:")
        assert indicator.breakdowns, indicator.id


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(default_catalog_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(
        number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_unknown_field_names_file_line_and_field(catalog_copy: Path) -> None:
    path = catalog_copy / "indicators" / "d_allgemeinbildende_schulen.yaml"
    edit(
        path,
        "    topic: Abschlüsse\n    definition: >\n      Abgehende ohne",
        "    topic: Abschlüsse\n    titel: doppelt\n    definition: >\n      Abgehende ohne",
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog_copy)
    assert str(caught.value).startswith(f"{path}:{line_of(path, 'titel: doppelt')}: indicators[")
    assert "titel: unbekanntes Feld" in str(caught.value)


def test_missing_required_field_is_named(catalog_copy: Path) -> None:
    path = catalog_copy / "indicators" / "g_weiterbildung.yaml"
    edit(path, "    unit: Kurse\n", "")
    with pytest.raises(CatalogError, match=r"g_weiterbildung.yaml:\d+: indicators\[0\]\.unit: Pflichtfeld fehlt"):
        load_catalog(catalog_copy)


def test_unknown_measure_is_named(catalog_copy: Path) -> None:
    path = catalog_copy / "indicators" / "g_weiterbildung.yaml"
    edit(path, "numerator: {measure: vhs_courses}", "numerator: {measure: vhs_kurse}")
    with pytest.raises(CatalogError, match=r"numerator: kein Datensatz liefert die Messgröße 'vhs_kurse'"):
        load_catalog(catalog_copy)


def test_unknown_code_in_filter_is_named(catalog_copy: Path) -> None:
    path = catalog_copy / "indicators" / "d_allgemeinbildende_schulen.yaml"
    edit(path, "where: {schulart: foerderschule}", "where: {schulart: sonderschule}")
    with pytest.raises(CatalogError, match=r"Code 'sonderschule' fehlt in Klassifikation schulart"):
        load_catalog(catalog_copy)


def test_wrong_type_is_named(catalog_copy: Path) -> None:
    path = catalog_copy / "indicators" / "dig_digitalisierung.yaml"
    edit(path, "    decimals: 2\n", "    decimals: zwei\n")
    with pytest.raises(
        CatalogError, match=r"dig_digitalisierung.yaml:\d+: indicators\[1\]\.decimals: erwartet ganze Zahl"
    ):
        load_catalog(catalog_copy)


def test_yaml_syntax_error_names_line(catalog_copy: Path) -> None:
    path = catalog_copy / "datasets" / "vhs_city.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - {id: broken\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"vhs_city.yaml:\d+: YAML-Syntaxfehler"):
        load_catalog(catalog_copy)


def test_unknown_classification_in_dataset(catalog_copy: Path) -> None:
    path = catalog_copy / "datasets" / "vhs_city.yaml"
    edit(path, "  - {id: programmbereich}", "  - {id: programm}")
    with pytest.raises(
        CatalogError, match=rf"{path}:\d+: dimensions\[3\]\.classification: unbekannte Klassifikation 'programm'"
    ):
        load_catalog(catalog_copy)


def test_duplicate_indicator_id_is_rejected(catalog_copy: Path) -> None:
    path = catalog_copy / "indicators" / "g_weiterbildung.yaml"
    edit(path, "  - id: vhs_hours", "  - id: vhs_courses")
    with pytest.raises(CatalogError, match=r"id: 'vhs_courses' ist schon definiert"):
        load_catalog(catalog_copy)


def test_catalog_version_changes_with_content(catalog_copy: Path) -> None:
    before = load_catalog(catalog_copy).version
    path = catalog_copy / "indicators" / "g_weiterbildung.yaml"
    edit(path, "Breite des Weiterbildungsangebots.", "Breite des Angebots.")
    assert load_catalog(catalog_copy).version != before
