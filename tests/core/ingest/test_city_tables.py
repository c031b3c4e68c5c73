"""City tables (CSV, XLSX) with a mapping file, and the GENESIS flat file (ffcsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ibis.backends import BaseBackend
from openpyxl import Workbook

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.engine import compute
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.result import Query

MAPPING = """\
dataset: leavers_school
sheet: Abgänge
dimensions:
  Schuljahr: year
  Schulnummer: school
  Stadtteil: stadtteil
  Schulart: schulart
  Abschluss: abschluss
  Geschlecht: geschlecht
constants:
  region: "15003"
values:
  Anzahl: {measure: leavers}
"""
ROWS = [
    ["Schuljahr", "Schulnummer", "Stadtteil", "Schulart", "Abschluss", "Geschlecht", "Anzahl"],
    [2023, "10001", "Altstadt", "Sekundarschule", "ohne Hauptschulabschluss", "männlich", 4],
    [2023, "10001", "Altstadt", "Sekundarschule", "mit Mittlerem Abschluss", "männlich", 30],
    [2023, "10001", "Altstadt", "Sekundarschule", "ohne Hauptschulabschluss", "weiblich", 0],
    [2023, "10001", "Altstadt", "Sekundarschule", "mit Mittlerem Abschluss", "weiblich", 26],
    [2023, "20002", "Sudenburg", "Gymnasium", "mit allgemeiner Hochschulreife", "weiblich", 50],
]


def write_csv(folder: Path, rows: list[list[object]], name: str = "abgaenge.csv") -> Path:
    path = folder / name
    path.write_text("\n".join(";".join(str(value) for value in row) for row in rows) + "\n", encoding="utf-8")
    (folder / f"{path.stem}.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return path


def write_xlsx(folder: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Abgänge"
    for row in rows:
        sheet.append(row)
    path = folder / "abgaenge.xlsx"
    workbook.save(path)
    (folder / "abgaenge.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return path


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_city_table_imports_with_mapping(store: BaseBackend, catalog: Catalog, tmp_path: Path, writer: object) -> None:
    path = writer(tmp_path, ROWS)  # type: ignore[operator]

    outcome = import_file(store, catalog, path)

    assert outcome.record.dataset == "leavers_school"
    assert outcome.record.cells_imported == 5
    result = compute(store, catalog, Query("leavers_without_hsa_share", ("stadtteil",), {}))
    altstadt = result.cell(stadtteil="altstadt")
    assert (altstadt.numerator, altstadt.denominator) == (4.0, 60.0)
    assert result.cell(stadtteil="sudenburg").value == 0.0


def test_city_table_zero_is_a_plain_zero(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    import_file(store, catalog, write_csv(tmp_path, ROWS))
    flags = store.table("fact_leavers_school").flag.to_pyarrow().to_pylist()
    assert flags == [None] * 5


def test_city_table_unknown_label_is_rejected_with_reason(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    rows = [*ROWS, [2023, "10001", "Atlantis", "Gymnasium", "mit allgemeiner Hochschulreife", "weiblich", 3]]

    outcome = import_file(store, catalog, write_csv(tmp_path, rows))

    assert outcome.record.rows_rejected == 1
    assert outcome.record.rejection_list() == [{"line": 7, "reason": "stadtteil: unbekannter Wert 'Atlantis'"}]


def test_city_table_unknown_column_fails(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    rows = [[*ROWS[0], "Bemerkung"], *[[*row, ""] for row in ROWS[1:]]]
    with pytest.raises(ImportFailed, match="unbekannte Spalten: Bemerkung"):
        import_file(store, catalog, write_csv(tmp_path, rows))
    assert "fact_leavers_school" not in store.list_tables()


def test_city_table_text_in_count_fails_with_line(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    rows = [*ROWS[:3], [2023, "10001", "Altstadt", "Sekundarschule", "mit Hauptschulabschluss", "weiblich", "viele"]]
    with pytest.raises(ImportFailed, match=r"abgaenge.csv:4: .*'viele'"):
        import_file(store, catalog, write_csv(tmp_path, rows))


def test_xlsx_that_is_not_a_workbook_fails_clearly(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "abgaenge.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "abgaenge.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    with pytest.raises(ImportFailed, match="XLSX-Datei nicht lesbar"):
        import_file(store, catalog, path)


FFCSV_HEADER = (
    "statistics_code;statistics_label;time_code;time_label;time;"
    "1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;"
    "2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;"
    "3_variable_code;3_variable_label;3_variable_attribute_code;3_variable_attribute_label;"
    "value;value_unit;value_variable_code;value_variable_label;value_q"
)


def ffcsv_line(age: str, sex: str, value: str, quality: str = "") -> str:
    return (
        f"12411-02-03-4;Bevölkerung;JAHR;Jahr;2023;KREISE;Kreise;15003;Magdeburg;"
        f"ALTX20;Altersgruppen;{age};{age};GES;Geschlecht;{sex};{sex};{value};Anzahl;BEVSTD;Bevölkerungsstand;{quality}"
    )


def test_ffcsv_imports_and_sums_leaves(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    lines = [
        FFCSV_HEADER,
        ffcsv_line("ALT000B03", "GESM", "3120"),
        ffcsv_line("ALT000B03", "GESW", "2980", "p"),
        ffcsv_line("ALT003B06", "GESM", "3301"),
        ffcsv_line("ALT003B06", "GESW", "."),
    ]
    path = tmp_path / "12411-02-03-4_flat.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    import_file(store, catalog, path)

    result = compute(store, catalog, Query("children_under_6", ("year", "geschlecht"), {}, dataset="population_kreis"))
    assert result.cell(year=2023, geschlecht="m").value == 6421.0
    female = result.cell(year=2023, geschlecht="w")
    assert (female.value, female.flag) == (None, ".")
    flags = dict(
        zip(*(store.table("fact_population_kreis")[c].to_pyarrow().to_pylist() for c in ("value", "flag")), strict=True)
    )
    assert flags[2980.0] == "p"


def test_ffcsv_unknown_variable_fails(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "flat.csv"
    path.write_text(
        FFCSV_HEADER + "\n" + ffcsv_line("ALT000B03", "GESM", "1").replace("ALTX20", "ALTX99") + "\n", encoding="utf-8"
    )
    with pytest.raises(ImportFailed, match=r"flat.csv:2: unbekanntes Merkmal 'ALTX99'"):
        import_file(store, catalog, path)
