"""The five real Regionalstatistik files import, and their numbers come back exactly.

Expected values are read in the test itself with plain string handling from the raw
file, independent of the importer.
"""

from __future__ import annotations

import pytest
from ibis.backends import BaseBackend
from tests.conftest import REGIONALSTATISTIK, real_file

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.engine import compute
from bildungslandschaft.core.ingest.genesis import parse_genesis
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.result import Query

FILES = {
    "13211-02-05-4.csv": "labour_market_kreis",
    "21111-01-03-4.csv": "pupils_kreis",
    "21111-02-06-4.csv": "school_leavers_kreis",
    "21121-02-02-4.csv": "vocational_leavers_kreis",
    "22541-01-01-4.csv": "kita_kreis",
}


def raw_row(name: str, prefix: str) -> list[str]:
    """The fields of the first data line starting with ``prefix``, read by hand."""
    text = (REGIONALSTATISTIK / name).read_bytes().decode("cp1252")
    line = next(line for line in text.splitlines() if line.startswith(prefix))
    return line.split(";")


def number(text: str) -> float:
    return float(text.replace(",", "."))


@pytest.mark.parametrize(("name", "dataset"), sorted(FILES.items()))
def test_import_real_file_reads_every_data_row(store: BaseBackend, catalog: Catalog, name: str, dataset: str) -> None:
    outcome = import_file(store, catalog, real_file(name))
    data_rows = [
        line
        for line in (REGIONALSTATISTIK / name).read_bytes().decode("cp1252").split("__________")[0].splitlines()
        if line[:1].isdigit()
    ]
    assert outcome.record.dataset == dataset
    assert outcome.record.rows_read == len(data_rows)
    assert outcome.record.rows_rejected == 0
    assert outcome.record.encoding == "cp1252"


def test_magdeburg_leavers_without_hsa_share_2023(store: BaseBackend, catalog: Catalog) -> None:
    fields = raw_row("21111-02-06-4.csv", "2023;15003;")
    total, without = number(fields[3]), number(fields[5])
    import_file(store, catalog, real_file("21111-02-06-4.csv"))

    result = compute(store, catalog, Query("leavers_without_hsa_share", ("region",), {"region": ("15003",)}))

    cell = result.cell(region="15003")
    assert (cell.numerator, cell.denominator) == (without, total) == (222.0, 1917.0)
    assert cell.value == pytest.approx(without / total * 100)
    assert round(cell.value, 1) == 11.6


def test_magdeburg_leavers_by_sex_derives_male_from_total_minus_female(store: BaseBackend, catalog: Catalog) -> None:
    fields = raw_row("21111-02-06-4.csv", "2023;15003;")
    import_file(store, catalog, real_file("21111-02-06-4.csv"))

    result = compute(store, catalog, Query("leavers", ("geschlecht",), {"region": ("15003",)}))

    assert result.cell(geschlecht="w").value == number(fields[4])
    assert result.cell(geschlecht="m").value == number(fields[3]) - number(fields[4])


def test_magdeburg_pupils_by_schulart_match_file(store: BaseBackend, catalog: Catalog) -> None:
    text = (REGIONALSTATISTIK / "21111-01-03-4.csv").read_bytes().decode("cp1252")
    expected = {
        line.split(";")[3]: number(line.split(";")[5])
        for line in text.splitlines()
        if line.startswith("2023;15003;") and line.split(";")[5] != "-"
    }
    import_file(store, catalog, real_file("21111-01-03-4.csv"))

    result = compute(store, catalog, Query("pupils", ("schulart",), {"region": ("15003",)}, totals=True))

    labels = catalog.classifications["schulart"]
    got = {labels.label_of(str(cell.key["schulart"])): cell.value for cell in result.cells if cell.value}
    assert got == expected
    assert got["Insgesamt"] == 24435.0


def test_exclusion_rate_magdeburg_is_pupils_at_special_schools_over_all(store: BaseBackend, catalog: Catalog) -> None:
    import_file(store, catalog, real_file("21111-01-03-4.csv"))

    cell = compute(store, catalog, Query("special_school_share", ("region",), {"region": ("15003",)})).cell(
        region="15003"
    )

    assert (cell.numerator, cell.denominator) == (1380.0, 24435.0)


def test_schools_total_marked_x_is_unknown_not_zero(store: BaseBackend, catalog: Catalog) -> None:
    fields = raw_row("21111-01-03-4.csv", "2023;15003;      Magdeburg, kreisfreie Stadt, Landeshauptstadt;Insgesamt")
    assert fields[4] == "x"
    import_file(store, catalog, real_file("21111-01-03-4.csv"))

    result = compute(store, catalog, Query("schools", ("region",), {"region": ("15003",)}))

    cell = result.cell(region="15003")
    assert cell.value is None
    assert cell.flag == "x"


def test_youth_unemployment_rate_keeps_decimal_comma(store: BaseBackend, catalog: Catalog) -> None:
    fields = raw_row("13211-02-05-4.csv", "2025;15003;")
    import_file(store, catalog, real_file("13211-02-05-4.csv"))

    cell = compute(store, catalog, Query("youth_unemployment_rate", ("year", "region"), {"region": ("15003",)})).cells[
        0
    ]

    assert cell.value == number(fields[-1]) == 8.5
    assert cell.key == {"year": 2025, "region": "15003"}


def test_secret_dot_in_a_rate_stays_unknown(store: BaseBackend, catalog: Catalog) -> None:
    fields = raw_row("13211-02-05-4.csv", "2025;071;")
    assert fields[11] == "."
    import_file(store, catalog, real_file("13211-02-05-4.csv"))

    result = compute(store, catalog, Query("unemployment_rate", ("region",), {"region": ("071",)}))

    cell = result.cell(region="071")
    assert cell.value is None
    assert cell.flag == "."


def test_historical_key_15303_counts_for_magdeburg_2002(store: BaseBackend, catalog: Catalog) -> None:
    old = raw_row("22541-01-01-4.csv", "31.12.2002;15303;")
    new = raw_row("22541-01-01-4.csv", "31.12.2002;15003;")
    assert set(new[3:]) == {"-"}
    import_file(store, catalog, real_file("22541-01-01-4.csv"))

    result = compute(store, catalog, Query("kita_places", ("year", "region"), {"region": ("15003",)}))

    assert [dict(cell.key) for cell in result.cells] == [{"year": 2002, "region": "15003"}]
    assert result.cells[0].value == number(old[8]) == 10801.0


def test_vocational_memo_column_is_not_summed_into_total(store: BaseBackend, catalog: Catalog) -> None:
    fields = raw_row("21121-02-02-4.csv", "2023;15003;")
    import_file(store, catalog, real_file("21121-02-02-4.csv"))

    cell = compute(store, catalog, Query("vocational_leavers", ("region",), {"region": ("15003",)})).cell(
        region="15003"
    )

    assert cell.value == number(fields[3]) == 687.0


def test_footnotes_never_become_data() -> None:
    parsed = parse_genesis(real_file("21111-01-03-4.csv"), real_file("21111-01-03-4.csv").read_bytes())
    text = (REGIONALSTATISTIK / "21111-01-03-4.csv").read_bytes().decode("cp1252")
    footer_start = text.splitlines().index("__________") + 1
    assert all(line < footer_start for line, _ in parsed.rows)
    assert parsed.table_code == "21111-01-03-4"
    assert "Schularten" in parsed.title
