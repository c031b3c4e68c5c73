"""The demo imported through the normal importers: calibrated, consistent, every indicator computes."""

from __future__ import annotations

import pytest
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.demo import DemoSummary
from bildungslandschaft.core.demo.calibration import load_calibration
from bildungslandschaft.core.demo.profiles import YEARS
from bildungslandschaft.core.engine import compute
from bildungslandschaft.core.result import Query

CALIBRATION = load_calibration()
SCHULARTEN = [code for code in CALIBRATION.pupils if code != "_T" and CALIBRATION.pupils[code]["insgesamt"]]


def _values(
    store: BaseBackend, catalog: Catalog, indicator: str, by: tuple[str, ...], year: int, dataset: str
) -> dict[tuple[object, ...], float | None]:
    result = compute(store, catalog, Query(indicator, by, {"year": (str(year),)}, dataset=dataset))
    return {tuple(cell.key[dim] for dim in by): cell.value for cell in result.cells}


def test_run_demo_imports_every_file_without_rejections(
    demo_import: tuple[BaseBackend, DemoSummary], catalog: Catalog
) -> None:
    _, summary = demo_import
    assert len(summary.imports) == len(summary.files) == 17
    assert summary.rejected == 0
    assert summary.cells > 80_000
    fed = {record.dataset for record in summary.imports}
    assert fed == {ds.id for ds in catalog.datasets.values() if ds.sources}


@pytest.mark.parametrize("dataset", ["pupils_school", "pupils_kreis"])
def test_pupils_2023_by_schulart_equal_the_real_values(demo_store: BaseBackend, catalog: Catalog, dataset: str) -> None:
    year = CALIBRATION.pupils_year
    total = _values(demo_store, catalog, "pupils", ("schulart",), year, dataset)
    women = _values(demo_store, catalog, "pupils", ("schulart", "geschlecht"), year, dataset)
    foreign = _values(demo_store, catalog, "pupils", ("schulart", "staatsangehoerigkeit"), year, dataset)
    for schulart in SCHULARTEN:
        real = CALIBRATION.pupils[schulart]
        assert total[(schulart,)] == real["insgesamt"], schulart
        assert women[(schulart, "w")] == real["weiblich"], schulart
        assert foreign[(schulart, "auslaendisch")] == real["auslaendisch"], schulart


def test_pupils_2023_by_klassenstufe_equal_the_real_values(demo_store: BaseBackend, catalog: Catalog) -> None:
    values = _values(
        demo_store, catalog, "pupils", ("schulart", "klassenstufe"), CALIBRATION.pupils_year, "pupils_school"
    )
    for schulart in SCHULARTEN:
        for grade in ("7", "11"):
            real = CALIBRATION.pupils[schulart][f"klasse_{grade}"]
            if real is not None:
                assert values.get((schulart, grade), 0) == real, (schulart, grade)


@pytest.mark.parametrize("dataset", ["leavers_school", "school_leavers_kreis"])
def test_leavers_2023_by_abschluss_and_geschlecht_equal_the_real_values(
    demo_store: BaseBackend, catalog: Catalog, dataset: str
) -> None:
    year = CALIBRATION.leavers_year
    total = _values(demo_store, catalog, "leavers", ("abschluss",), year, dataset)
    women = _values(demo_store, catalog, "leavers", ("abschluss", "geschlecht"), year, dataset)
    for abschluss in ("ohne_hsa", "hsa", "msa", "ahr"):
        real = CALIBRATION.leavers[abschluss]
        assert total[(abschluss,)] == real["insgesamt"], abschluss
        assert women[(abschluss, "w")] == real["weiblich"], abschluss
    assert total.get(("fhr",), 0) == 0


def test_leavers_total_differs_from_published_total_only_by_rounding(demo_store: BaseBackend, catalog: Catalog) -> None:
    # Sachsen-Anhalt rounds every published cell to a multiple of 3, totals included: the real
    # "Insgesamt" (1917) is not the sum of its parts (1920). The demo stores exact sums.
    year = CALIBRATION.leavers_year
    total = _values(demo_store, catalog, "leavers", (), year, "leavers_school")[()]
    parts = sum(int(CALIBRATION.leavers[a]["insgesamt"] or 0) for a in ("ohne_hsa", "hsa", "msa", "ahr"))
    assert total == parts
    assert abs(total - int(CALIBRATION.leavers["_T"]["insgesamt"] or 0)) <= 3


def test_official_demo_tables_publish_the_real_2023_totals(demo_store: BaseBackend, catalog: Catalog) -> None:
    pupils = _values(demo_store, catalog, "pupils", (), CALIBRATION.pupils_year, "pupils_kreis")[()]
    share = compute(
        demo_store,
        catalog,
        Query(
            "leavers_without_hsa_share", (), {"year": (str(CALIBRATION.leavers_year),)}, dataset="school_leavers_kreis"
        ),
    ).cells[0]
    assert pupils == CALIBRATION.pupils["_T"]["insgesamt"] == 24435
    assert (share.numerator, share.denominator) == (222.0, 1917.0)


def test_vocational_and_labour_market_equal_the_real_values(demo_store: BaseBackend, catalog: Catalog) -> None:
    vocational = _values(
        demo_store,
        catalog,
        "vocational_leavers",
        ("abschluss",),
        CALIBRATION.vocational_year,
        "vocational_leavers_kreis",
    )
    for abschluss in ("hsa", "msa", "fhr", "ahr"):
        assert vocational[(abschluss,)] == CALIBRATION.vocational[abschluss]["insgesamt"]
    year = CALIBRATION.labour_year
    assert (
        _values(demo_store, catalog, "unemployed", (), year, "labour_market_kreis")[()]
        == CALIBRATION.labour["unemployed"]
    )
    assert _values(demo_store, catalog, "unemployment_rate", (), year, "labour_market_kreis")[()] == pytest.approx(9.2)


@pytest.mark.parametrize(
    ("indicator", "by", "city", "official"),
    [
        ("pupils", ("year", "schulart"), "pupils_school", "pupils_kreis"),
        ("pupils", ("year", "geschlecht"), "pupils_school", "pupils_kreis"),
        ("leavers", ("year", "abschluss"), "leavers_school", "school_leavers_kreis"),
        ("population", ("year", "altersgruppe", "geschlecht"), "population_stadtteil", "population_kreis"),
        ("kita_places", ("year", "platzart"), "kita_places_city", "kita_kreis"),
        ("kitas", ("year",), "kita_places_city", "kita_kreis"),
    ],
)
def test_official_tables_agree_with_city_tables_every_year(
    demo_store: BaseBackend, catalog: Catalog, indicator: str, by: tuple[str, ...], city: str, official: str
) -> None:
    def values(dataset: str) -> dict[tuple[object, ...], float | None]:
        # Official tables also list empty Schularten (0) and the "darunter" position fhr_schulisch,
        # and have no "männlich" column; the city tables have only what exists.
        result = compute(demo_store, catalog, Query(indicator, by, dataset=dataset))
        return {
            tuple(cell.key[dim] for dim in by): cell.value
            for cell in result.cells
            if cell.value and cell.key.get("geschlecht") != "m" and cell.key.get("abschluss") != "fhr_schulisch"
        }

    city_values, official_values = values(city), values(official)
    assert city_values.keys() == official_values.keys()
    for key, value in city_values.items():
        # In the calibration year the official totals are the real ones, rounded to multiples of 3.
        tolerance = 3 if key[0] == CALIBRATION.pupils_year and indicator in {"pupils", "leavers"} else 0
        assert abs((value or 0) - (official_values[key] or 0)) <= tolerance, key


def test_kita_social_work_in_18_kitas_since_2020_and_none_before(demo_store: BaseBackend, catalog: Catalog) -> None:
    result = compute(demo_store, catalog, Query("kitas", ("year", "kita_sozialarbeit"), dataset="kita_places_city"))
    with_social_work = {cell.key["year"]: cell.value for cell in result.cells if cell.key["kita_sozialarbeit"] == "ja"}
    assert with_social_work == {year: 18 for year in YEARS if year >= 2020}


def test_every_indicator_computes_by_year_after_the_demo_import(demo_store: BaseBackend, catalog: Catalog) -> None:
    for indicator in catalog.indicators:
        result = compute(demo_store, catalog, Query(indicator, ("year",)))
        years = [cell.key["year"] for cell in result.cells]
        measure = catalog.indicators[indicator].numerator.measure
        program = any(ds.id == "program_activity" for ds in catalog.datasets_with_measure(measure))  # since 2020
        first = 2020 if program else YEARS[0]
        assert [year for year in years if year >= first] == [year for year in YEARS if year >= first], indicator
        assert set(years) <= set(YEARS), indicator
        assert all(cell.value is not None and cell.flag is None for cell in result.cells), indicator
