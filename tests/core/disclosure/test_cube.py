"""Master tables limited to some aggregates: a citywide dimension never crossed with a place."""

from __future__ import annotations

from bildungslandschaft.core.disclosure.cube import build_master, citywide_only
from bildungslandschaft.core.disclosure.masters import audit_master, protect_master
from bildungslandschaft.core.disclosure.primary import CellStatus, PrimaryRules
from bildungslandschaft.core.disclosure.table import TOTAL

DIMS = ("stadtteil", "klassenstufe")
RECORDS = {
    ("01", "5"): 40,
    ("01", "6"): 2,
    ("02", "5"): 30,
    ("02", "6"): 25,
    ("03", "5"): 1,
    ("03", "6"): 33,
}


def test_citywide_dimension_is_kept_only_for_the_whole_city() -> None:
    table = build_master(DIMS, RECORDS, keep=citywide_only(DIMS, ["klassenstufe"], ["stadtteil"]))

    kept = set(table.indexed.keys)
    assert (TOTAL, "5") in kept and ("01", TOTAL) in kept and (TOTAL, TOTAL) in kept
    assert table.cell(("01", "6")) is None and table.count(("01", "6")) == 2
    # one equation per margin: the city by Stadtteil and the city by Klassenstufe, none across
    assert sorted(len(equation.cells) for equation in table.indexed.equations) == [3, 4]


def test_left_out_keys_are_withheld_and_the_kept_table_protects() -> None:
    table = build_master(DIMS, RECORDS, keep=citywide_only(DIMS, ["klassenstufe"], ["stadtteil"]))
    master = protect_master(table, PrimaryRules(min_count=3), "total")

    assert master.status(("01", "6")) is CellStatus.PRIMARY  # 2: small, in no protected table
    assert master.status(("02", "6")) is CellStatus.SECONDARY  # 25, but only per Stadtteil and Klassenstufe
    assert master.status((TOTAL, "6")) is CellStatus.SAFE
    assert audit_master(master).passed


def test_a_key_that_names_a_kept_cell_shares_its_status() -> None:
    """A school that alone teaches a grade: its grade count is the city's, and has the city's status."""
    records = {("01", "5"): 40, ("02", "5"): 30, ("02", "13"): 7}
    table = build_master(DIMS, records, keep=citywide_only(DIMS, ["klassenstufe"], ["stadtteil"]))
    master = protect_master(table, PrimaryRules(min_count=3), "total")

    assert table.cell(("02", "13")) == table.cell((TOTAL, "13"))
    assert master.status(("02", "13")) is master.status((TOTAL, "13"))
