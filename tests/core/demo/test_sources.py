"""The real inputs shipped with the package agree with the real files in ../shared."""

from __future__ import annotations

from tests.conftest import REAL, real_file

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.demo.calibration import calibration_yaml, extract_reference, load_calibration
from bildungslandschaft.core.demo.geo import (
    data_file,
    derive_stadtteil_population,
    load_stadtteile,
    population_csv,
    read_population_csv,
)

MAGDEBURG = REAL / "magdeburg"


def test_shipped_geojson_is_byte_identical_to_the_real_file() -> None:
    assert data_file("stadtteile_osm.geojson").read_bytes() == (MAGDEBURG / "stadtteile_osm.geojson").read_bytes()


def test_stadtteil_codes_match_the_catalog(catalog: Catalog) -> None:
    codes = {code.code for code in catalog.classifications["stadtteil"].codes} - {"_T"}
    stadtteile = load_stadtteile()
    assert set(stadtteile) == codes
    for code, (name, _) in stadtteile.items():
        assert catalog.classifications["stadtteil"].resolve(name) == code


def test_zensus_derivation_from_the_grid_equals_the_shipped_csv() -> None:
    derived = derive_stadtteil_population(
        MAGDEBURG / "zensus2022_bevoelkerung_100m_magdeburg.geojson", MAGDEBURG / "stadtteile_osm.geojson"
    )
    assert derived == read_population_csv()
    names = {code: name for code, (name, _) in load_stadtteile().items()}
    assert population_csv(derived, names) == data_file("zensus2022_stadtteile.csv").read_text(encoding="utf-8")


def test_zensus_derivation_keeps_every_resident_of_the_grid() -> None:
    # 4,531 cells with 241,374 residents; cells outside all polygons go to the nearest one.
    population = read_population_csv()
    assert sum(population.values()) == 241_374
    assert len(population) == 40
    assert population["stadtfeld_ost"] > 20_000


def test_shipped_calibration_equals_the_real_regionalstatistik_files() -> None:
    real = extract_reference(
        real_file("21111-01-03-4.csv"),
        real_file("21111-02-06-4.csv"),
        real_file("13211-02-05-4.csv"),
        real_file("21121-02-02-4.csv"),
    )
    assert load_calibration() == real
    assert calibration_yaml(real) == data_file("calibration_15003.yaml").read_text(encoding="utf-8")


def test_shipped_calibration_holds_the_known_magdeburg_values() -> None:
    calibration = load_calibration()
    assert calibration.pupils["gymnasium"]["insgesamt"] == 7242
    assert calibration.pupils["grundschule"]["auslaendisch"] == 1920
    assert calibration.leavers["ohne_hsa"] == {"insgesamt": 222, "weiblich": 81}
    assert calibration.leavers["fhr"] == {"insgesamt": 0, "weiblich": 0}
