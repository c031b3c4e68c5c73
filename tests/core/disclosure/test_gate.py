"""The consistent gate on a small hand-checked school-leavers table.

Altstadt has 2 leavers without Hauptschulabschluss (all male) at its one school; every other count is
at least 3. Whichever breakdown shows that count, it must be ".", and so must the complementary
cells that keep the row and column sums from giving it back.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import ibis
import pyarrow as pa
import pytest
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.model import Catalog, Disclosure
from bildungslandschaft.core.catalog.yamlsource import CatalogError
from bildungslandschaft.core.disclosure.consistent import MasterGate
from bildungslandschaft.core.disclosure.masters import audit_master, master_dimensions
from bildungslandschaft.core.disclosure.primary import SECRET, CellStatus
from bildungslandschaft.core.disclosure.publish import Published, publish
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.result import Query

# (stadtteil, school, schulart, abschluss, geschlecht): count
LEAVERS = {
    ("altstadt", "101", "mehrere_bildungsgaenge", "ohne_hsa", "m"): 2,
    ("altstadt", "101", "mehrere_bildungsgaenge", "hsa", "m"): 6,
    ("altstadt", "101", "mehrere_bildungsgaenge", "hsa", "w"): 5,
    ("altstadt", "101", "mehrere_bildungsgaenge", "msa", "m"): 20,
    ("altstadt", "101", "mehrere_bildungsgaenge", "msa", "w"): 22,
    ("sudenburg", "201", "mehrere_bildungsgaenge", "ohne_hsa", "m"): 4,
    ("sudenburg", "201", "mehrere_bildungsgaenge", "ohne_hsa", "w"): 3,
    ("sudenburg", "201", "mehrere_bildungsgaenge", "hsa", "m"): 9,
    ("sudenburg", "201", "mehrere_bildungsgaenge", "hsa", "w"): 7,
    ("sudenburg", "201", "mehrere_bildungsgaenge", "msa", "m"): 30,
    ("sudenburg", "201", "mehrere_bildungsgaenge", "msa", "w"): 33,
    ("cracau", "301", "gymnasium", "ohne_hsa", "m"): 3,
    ("cracau", "301", "gymnasium", "ohne_hsa", "w"): 4,
    ("cracau", "301", "gymnasium", "msa", "m"): 8,
    ("cracau", "301", "gymnasium", "msa", "w"): 9,
    ("cracau", "301", "gymnasium", "ahr", "m"): 40,
    ("cracau", "301", "gymnasium", "ahr", "w"): 44,
}


FACT_SCHEMA = pa.schema(
    [
        ("year", pa.int64()),
        ("region", pa.string()),
        ("stadtteil", pa.string()),
        ("school", pa.string()),
        ("schulart", pa.string()),
        ("geschlecht", pa.string()),
        ("measure", pa.string()),
        ("value", pa.float64()),
        ("flag", pa.string()),
        ("source_line", pa.int64()),
        ("import_id", pa.int64()),
    ]
)


def leavers_table(rows: dict[tuple[str, ...], int]) -> pa.Table:
    dims = ("stadtteil", "school", "schulart", "abschluss", "geschlecht")
    records = [
        {
            "year": 2025,
            "region": "15003",
            **dict(zip(dims, key, strict=True)),
            "measure": "leavers",
            "value": float(count),
            "flag": None,
            "source_line": line,
            "import_id": 1,
        }
        for line, (key, count) in enumerate(rows.items(), 2)
    ]
    return pa.Table.from_pylist(records, schema=FACT_SCHEMA.append(pa.field("abschluss", pa.string())))


@pytest.fixture
def small_city(catalog: Catalog) -> Workspace:
    con: BaseBackend = ibis.duckdb.connect()
    con.create_table("fact_leavers_school", leavers_table(LEAVERS))
    equipment = [
        {
            "year": 2025,
            "region": "15003",
            "stadtteil": "altstadt",
            "school": "101",
            "schulart": "gymnasium",
            "geraetetyp": "tablet",
            "measure": "devices",
            "value": 1.0,
            "flag": None,
            "source_line": 2,
            "import_id": 2,
        }
    ]
    schema = FACT_SCHEMA.append(pa.field("geraetetyp", pa.string()))
    con.create_table("fact_it_equipment_school", pa.Table.from_pylist(equipment, schema=schema))
    return Workspace(con, catalog)


def shown(workspace: Workspace, indicator: str, by: tuple[str, ...], **where: str) -> Published:
    query = Query(indicator, ("year", *by), {"year": ("2025",), **{k: (v,) for k, v in where.items()}}, totals=True)
    return publish(workspace.compute(query), gate=MasterGate(workspace))


def withheld(published: Published) -> set[tuple[tuple[str, str], ...]]:
    return {
        tuple(sorted((k, v) for k, v in cell.key.items() if k != "year")) for cell in published.cells if cell.withheld
    }


def test_gate_withholds_two_leavers_without_hsa_in_every_breakdown(small_city: Workspace) -> None:
    by_abschluss = shown(small_city, "leavers", ("stadtteil", "abschluss"))
    share = shown(small_city, "leavers_without_hsa_share", ("stadtteil",))
    filtered = shown(small_city, "leavers", ("abschluss",), stadtteil="altstadt")
    by_school = shown(small_city, "leavers", ("school", "abschluss"))
    finest = shown(small_city, "leavers", ("stadtteil", "abschluss", "geschlecht"))

    assert by_abschluss.cell(year="2025", stadtteil="altstadt", abschluss="ohne_hsa").status is CellStatus.PRIMARY
    assert by_abschluss.cell(year="2025", stadtteil="altstadt", abschluss="ohne_hsa").flag == SECRET
    assert share.cell(year="2025", stadtteil="altstadt").value is None
    assert filtered.cell(year="2025", abschluss="ohne_hsa").withheld
    assert by_school.cell(year="2025", school="101", abschluss="ohne_hsa").withheld
    assert finest.cell(year="2025", stadtteil="altstadt", abschluss="ohne_hsa", geschlecht="m").withheld


def test_gate_withholds_the_complement_in_the_same_row_and_column(small_city: Workspace) -> None:
    table = shown(small_city, "leavers", ("stadtteil", "abschluss"))
    share = shown(small_city, "leavers_without_hsa_share", ("stadtteil",))
    hidden = withheld(table)

    in_row = {key for key in hidden if ("stadtteil", "altstadt") in key and ("abschluss", "ohne_hsa") not in key}
    in_column = {key for key in hidden if ("abschluss", "ohne_hsa") in key and ("stadtteil", "altstadt") not in key}
    assert in_row and in_column
    # the same complementary count is withheld in the share: its numerator is that cell
    for key in in_column:
        stadtteil = dict(key)["stadtteil"]
        assert share.cell(year="2025", stadtteil=stadtteil).withheld


def test_gate_gives_a_cell_the_same_status_in_every_breakdown(small_city: Workspace) -> None:
    gate = MasterGate(small_city)
    outputs = [
        (("stadtteil", "abschluss"), {}),
        (("abschluss",), {"stadtteil": ("altstadt",)}),
        (("stadtteil",), {"abschluss": ("ohne_hsa",)}),
        (("stadtteil", "geschlecht"), {"abschluss": ("ohne_hsa",)}),
    ]
    seen: dict[tuple[str, str], CellStatus] = {}
    for by, where in outputs:
        query = Query("leavers", ("year", *by), {"year": ("2025",), **where}, totals=True)
        published = publish(small_city.compute(query), gate=gate)
        for cell in published.cells:
            key = {"stadtteil": "_T", "abschluss": "_T", "geschlecht": "_T"}
            key.update({dim: codes[0] for dim, codes in where.items()})
            key.update({dim: code for dim, code in cell.key.items() if dim != "year"})
            assert seen.setdefault((key["stadtteil"], key["abschluss"] + key["geschlecht"]), cell.status) == cell.status


def test_gate_master_passes_the_attacker_audit(small_city: Workspace, catalog: Catalog) -> None:
    gate = MasterGate(small_city)
    master = gate.master(catalog.datasets["leavers_school"], "leavers", "2025")

    assert master is not None
    assert audit_master(master).passed
    # the school and its Stadtteil-and-Schulart cell are one cell, not two
    assert master.table.cell(("15003", "altstadt", "101", "_T", "_T", "_T")) == master.table.cell(
        ("15003", "altstadt", "101", "mehrere_bildungsgaenge", "_T", "_T")
    )


def test_gate_audit_finds_a_leak_when_a_complement_is_published(small_city: Workspace, catalog: Catalog) -> None:
    master = MasterGate(small_city).master(catalog.datasets["leavers_school"], "leavers", "2025")
    assert master is not None
    opened = tuple(CellStatus.SAFE if status is CellStatus.SECONDARY else status for status in master.statuses)

    report = audit_master(dataclasses.replace(master, statuses=opened))

    assert not report.passed


def test_gate_publishes_counts_that_are_not_about_people(small_city: Workspace) -> None:
    devices = shown(small_city, "devices", ("school",))

    assert devices.cell(year="2025", school="101").value == 1.0
    assert not any(cell.withheld for cell in devices.cells)


def test_gate_rounds_instead_of_suppressing_when_configured(small_city: Workspace, catalog: Catalog) -> None:
    dataset = catalog.datasets["leavers_school"]
    rounded = dataclasses.replace(dataset, disclosure=Disclosure(confidential=("leavers",), rounding_base=5))
    small_city.catalog = dataclasses.replace(catalog, datasets={**catalog.datasets, dataset.id: rounded})

    table = shown(small_city, "leavers", ("stadtteil", "abschluss"))

    assert not any(cell.withheld for cell in table.cells)
    assert table.cell(year="2025", stadtteil="altstadt", abschluss="ohne_hsa").value == 0
    assert all(cell.value is not None and cell.value % 5 == 0 for cell in table.cells)


def test_gate_withholds_counts_cut_by_a_dimension_the_master_table_leaves_out(
    small_city: Workspace, catalog: Catalog
) -> None:
    dataset = catalog.datasets["leavers_school"]
    narrow = dataclasses.replace(dataset, disclosure=Disclosure(confidential=("leavers",), dimensions=("stadtteil",)))
    small_city.catalog = dataclasses.replace(catalog, datasets={**catalog.datasets, dataset.id: narrow})

    by_sex = shown(small_city, "leavers", ("geschlecht",))
    by_stadtteil = shown(small_city, "leavers", ("stadtteil",))

    assert by_sex.cell(year="2025", geschlecht="_T").status is CellStatus.SAFE
    assert by_sex.cell(year="2025", geschlecht="w").status is CellStatus.SECONDARY  # 127 girls: in no table
    assert not any(cell.withheld for cell in by_stadtteil.cells)


def test_gate_master_covers_what_indicators_break_down_or_filter(catalog: Catalog) -> None:
    sen = master_dimensions(catalog, catalog.datasets["sen_pupils_school"], "sen_pupils")

    assert "schulart" in sen  # the inclusion rate filters general schools
    assert "school" not in sen  # no indicator of pupils with special needs shows single schools


def _yaml_with(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("disclosure:\n  confidential: [leavers]\n", block, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("disclosure:\n  confidential: [abgaenge]\n", r"disclosure\.confidential: unbekannte Messgröße 'abgaenge'"),
        ("disclosure:\n  confidential: [leavers]\n  min_count: 0\n", r"disclosure\.min_count: die Mindestfallzahl"),
        ("disclosure:\n  confidential: [leavers]\n  rounding_base: 1\n", r"disclosure\.rounding_base: die Rundungsb"),
        ("disclosure:\n  confidential: [leavers]\n  dimensions: [bezirk]\n", r"disclosure\.dimensions: 'bezirk'"),
        ("disclosure:\n  confidential: [leavers]\n  sperren: ja\n", r"disclosure\.sperren: unbekanntes Feld"),
        ("disclosure:\n  confidential: [leavers]\n  citywide: [geschlecht]\n", r"disclosure\.places: citywide braucht"),
        (
            "disclosure:\n  confidential: [leavers]\n  citywide: [klasse]\n  places: [stadtteil]\n",
            r"disclosure\.citywide: 'klasse' ist keine Dimension",
        ),
    ],
)
def test_catalog_names_file_line_and_field_of_a_wrong_disclosure(
    tmp_path: Path, block: str, message: str, catalog_dir: Path
) -> None:
    path = catalog_dir / "datasets" / "leavers_school.yaml"
    _yaml_with(path, block)

    with pytest.raises(CatalogError, match=rf"leavers_school\.yaml:\d+: {message}"):
        load_catalog(catalog_dir)


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    import shutil

    from bildungslandschaft.core.catalog.loader import default_catalog_dir

    target = tmp_path / "catalog"
    shutil.copytree(default_catalog_dir(), target)
    return target


def test_gate_margin_of_a_filtered_breakdown_is_the_filtered_cell(small_city: Workspace) -> None:
    # by Stadtteil, filtered to Altstadt: the margin row holds Altstadt's 2, not the city's 9
    table = shown(small_city, "leavers", ("stadtteil",), abschluss="ohne_hsa")
    filtered = publish(
        small_city.compute(
            Query(
                "leavers",
                ("year", "stadtteil"),
                {"year": ("2025",), "abschluss": ("ohne_hsa",), "stadtteil": ("altstadt",)},
                totals=True,
            )
        ),
        gate=MasterGate(small_city),
    )

    assert table.cell(year="2025", stadtteil="altstadt").withheld
    assert all(cell.withheld for cell in filtered.cells)


def test_gate_gives_the_same_pattern_in_every_process(small_city: Workspace, catalog: Catalog) -> None:
    dataset = catalog.datasets["leavers_school"]

    first = MasterGate(small_city).master(dataset, "leavers", "2025")
    second = MasterGate(small_city).master(dataset, "leavers", "2025")

    assert first is not None and second is not None
    assert first.statuses == second.statuses
