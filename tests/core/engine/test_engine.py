"""The engine on every supported Ibis backend: same code, same numbers."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.engine import QueryError, compute
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.result import Query

LEAVERS_MAPPING = """\
dataset: leavers_school
dimensions:
  {Jahr: year, Schule: school, Stadtteil: stadtteil, Schulart: schulart, Abschluss: abschluss, Geschlecht: geschlecht}
constants: {region: "15003"}
values: {Anzahl: {measure: leavers}}
"""
# Two schools: 1 of 10 and 30 of 100 leave without Hauptschulabschluss.
LEAVERS = [
    (2023, "10001", "altstadt", "mehrere_bildungsgaenge", "ohne_hsa", "m", "1"),
    (2023, "10001", "altstadt", "mehrere_bildungsgaenge", "msa", "m", "9"),
    (2023, "20002", "altstadt", "gesamtschule", "ohne_hsa", "w", "30"),
    (2023, "20002", "altstadt", "gesamtschule", "msa", "w", "70"),
    (2022, "10001", "altstadt", "mehrere_bildungsgaenge", "ohne_hsa", "m", "2"),
    (2022, "10001", "altstadt", "mehrere_bildungsgaenge", "msa", "m", "8"),
    (2023, "30003", "sudenburg", "gymnasium", "ahr", "w", "40"),
    (2023, "30003", "sudenburg", "gymnasium", "ohne_hsa", "m", "."),
]


def import_rows(
    store: BaseBackend, catalog: Catalog, folder: Path, mapping: str, header: str, rows: list[tuple[object, ...]]
) -> None:
    path = folder / "tabelle.csv"
    path.write_text(header + "\n" + "\n".join(";".join(map(str, row)) for row in rows) + "\n", encoding="utf-8")
    (folder / "tabelle.mapping.yaml").write_text(mapping, encoding="utf-8")
    import_file(store, catalog, path)


@pytest.fixture
def leavers_store(any_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> BaseBackend:
    import_rows(
        any_store,
        catalog,
        tmp_path,
        LEAVERS_MAPPING,
        "Jahr;Schule;Stadtteil;Schulart;Abschluss;Geschlecht;Anzahl",
        LEAVERS,
    )
    return any_store


def test_ratio_divides_summed_counts_not_averaged_percentages(leavers_store: BaseBackend, catalog: Catalog) -> None:
    result = compute(
        leavers_store, catalog, Query("leavers_without_hsa_share", ("year", "stadtteil"), {"year": ("2023",)})
    )

    altstadt = result.cell(year=2023, stadtteil="altstadt")
    assert (altstadt.numerator, altstadt.denominator) == (31.0, 110.0)
    assert altstadt.value == pytest.approx(31 / 110 * 100)


def test_unknown_cell_makes_its_aggregates_unknown(leavers_store: BaseBackend, catalog: Catalog) -> None:
    result = compute(leavers_store, catalog, Query("leavers_without_hsa_share", ("stadtteil",), {"year": ("2023",)}))

    sudenburg = result.cell(stadtteil="sudenburg")
    assert (sudenburg.value, sudenburg.numerator, sudenburg.flag) == (None, None, ".")


def test_time_series_by_year(leavers_store: BaseBackend, catalog: Catalog) -> None:
    result = compute(leavers_store, catalog, Query("leavers", ("year",), {"stadtteil": ("altstadt",)}))

    assert [(cell.key["year"], cell.value) for cell in result.cells] == [(2022, 10.0), (2023, 110.0)]


def test_totals_add_margins_for_each_dimension(leavers_store: BaseBackend, catalog: Catalog) -> None:
    query = Query(
        "leavers",
        ("stadtteil", "geschlecht"),
        {"year": ("2023",), "schulart": ("mehrere_bildungsgaenge", "gesamtschule")},
        totals=True,
    )

    cells = {
        (cell.key["stadtteil"], cell.key["geschlecht"]): cell.value
        for cell in compute(leavers_store, catalog, query).cells
    }

    assert cells == {
        ("altstadt", "m"): 10.0,
        ("altstadt", "w"): 100.0,
        ("altstadt", "_T"): 110.0,
        ("_T", "m"): 10.0,
        ("_T", "w"): 100.0,
        ("_T", "_T"): 110.0,
    }


def test_filter_accepts_labels_as_written_in_sources(leavers_store: BaseBackend, catalog: Catalog) -> None:
    by_label = compute(leavers_store, catalog, Query("leavers", ("year",), {"schulart": ("Gymnasien",)}))
    assert [cell.value for cell in by_label.cells] == [None]
    assert by_label.cells[0].flag == "."


def test_breakdown_outside_the_catalog_is_refused(leavers_store: BaseBackend, catalog: Catalog) -> None:
    with pytest.raises(QueryError, match="Aufgliederung nach 'abschluss' nicht möglich"):
        compute(leavers_store, catalog, Query("leavers_without_hsa_share", ("abschluss",)))


def test_missing_data_says_which_dataset_to_import(leavers_store: BaseBackend, catalog: Catalog) -> None:
    with pytest.raises(QueryError, match=r"importieren Sie einen dieser Datensätze: .*population_stadtteil"):
        compute(leavers_store, catalog, Query("population", ("year",)))


POPULATION_MAPPING = """\
dataset: population_stadtteil
dimensions: {Jahr: year, Stadtteil: stadtteil, Alter: altersgruppe, Geschlecht: geschlecht}
constants: {region: "15003"}
values: {Einwohner: {measure: population}}
"""
SGB2_MAPPING = """\
dataset: sgb2_stadtteil
dimensions: {Jahr: year, Stadtteil: stadtteil, Alter: altersgruppe}
constants: {region: "15003"}
values: {Personen: {measure: sgb2_recipients}}
"""


def test_ratio_across_two_datasets_joins_on_the_breakdown(
    any_store: BaseBackend, catalog: Catalog, tmp_path: Path
) -> None:
    population = [
        (2023, st, age, sex, n)
        for st, n in (("altstadt", 100), ("sudenburg", 50))
        for age in ("0_3", "10_15", "25_65")
        for sex in ("m", "w")
    ]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    import_rows(
        any_store, catalog, tmp_path / "a", POPULATION_MAPPING, "Jahr;Stadtteil;Alter;Geschlecht;Einwohner", population
    )
    sgb2 = [(2023, "altstadt", "0_3", 40), (2023, "altstadt", "10_15", 20), (2023, "altstadt", "25_65", 99)]
    import_rows(any_store, catalog, tmp_path / "b", SGB2_MAPPING, "Jahr;Stadtteil;Alter;Personen", sgb2)

    result = compute(any_store, catalog, Query("sgb2_children_rate", ("stadtteil",)))

    altstadt = result.cell(stadtteil="altstadt")
    assert (altstadt.numerator, altstadt.denominator) == (60.0, 400.0)
    sudenburg = result.cell(stadtteil="sudenburg")
    assert (sudenburg.numerator, sudenburg.denominator, sudenburg.value) == (0.0, 200.0, 0.0)
    assert result.provenance.datasets == ("sgb2_stadtteil", "population_stadtteil")


def micro_table(rows: list[tuple[str, str, str]]) -> pa.Table:
    """Pupil rows (school, stadtteil, abschluss) with the other columns constant."""
    n = len(rows)
    return pa.table(
        {
            "year": pa.array([2023] * n, pa.int64()),
            "region": ["15003"] * n,
            "stadtteil": [r[1] for r in rows],
            "school": [r[0] for r in rows],
            "schulart": ["mehrere_bildungsgaenge"] * n,
            "klassenstufe": ["9"] * n,
            "geschlecht": ["m"] * n,
            "staatsangehoerigkeit": ["deutsch"] * n,
            "foerderschwerpunkt": ["ohne"] * n,
            "abschluss": [r[2] for r in rows],
            "wiederholer": ["nein"] * n,
        }
    )


def test_microdata_and_aggregates_give_the_same_numbers(
    any_store: BaseBackend, catalog: Catalog, tmp_path: Path
) -> None:
    counts = {
        ("10001", "altstadt", "ohne_hsa"): 3,
        ("10001", "altstadt", "msa"): 17,
        ("10001", "altstadt", "kein_abgang"): 200,
        ("20002", "sudenburg", "hsa"): 5,
    }
    rows = [key for key, n in counts.items() for _ in range(n)]
    any_store.create_table("fact_pupils_micro", micro_table(rows))
    aggregated = [
        (2023, school, st, "mehrere_bildungsgaenge", ab, "m", n)
        for (school, st, ab), n in counts.items()
        if ab != "kein_abgang"
    ]
    import_rows(
        any_store,
        catalog,
        tmp_path,
        LEAVERS_MAPPING,
        "Jahr;Schule;Stadtteil;Schulart;Abschluss;Geschlecht;Anzahl",
        aggregated,
    )

    for indicator in ("leavers_without_hsa_share", "leavers"):
        query = Query(indicator, ("stadtteil",))
        micro = compute(any_store, catalog, Query(query.indicator, query.by, dataset="pupils_micro"))
        aggregate = compute(any_store, catalog, Query(query.indicator, query.by, dataset="leavers_school"))
        assert [(c.key, c.value, c.numerator, c.denominator) for c in micro.cells] == [
            (c.key, c.value, c.numerator, c.denominator) for c in aggregate.cells
        ]
    assert compute(any_store, catalog, Query("leavers", (), dataset="pupils_micro")).cells[0].value == 25.0


def test_filter_outside_a_measures_condition_gives_no_cells(any_store: BaseBackend, catalog: Catalog) -> None:
    any_store.create_table("fact_pupils_micro", micro_table([("10001", "altstadt", "kein_abgang")] * 3))

    result = compute(
        any_store, catalog, Query("leavers", ("stadtteil",), {"abschluss": ("kein_abgang",)}, dataset="pupils_micro")
    )

    assert result.cells == ()
