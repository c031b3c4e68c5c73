"""On the demo city the gate withholds small cells, not the city's own figures."""

from __future__ import annotations

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.disclosure.consistent import gate_for
from bildungslandschaft.core.disclosure.masters import audit_master
from bildungslandschaft.core.disclosure.primary import CellStatus
from bildungslandschaft.core.disclosure.publish import Published, publish
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.result import Query
from bildungslandschaft.core.store import connect


def test_city_wide_rates_stay_published_while_small_stadtteile_are_withheld(demo_db: str, catalog: Catalog) -> None:
    space = Workspace(connect(demo_db), catalog)
    gate = gate_for(space)
    city = publish(space.compute(Query("childcare_rate_u3", ("year",), totals=True)), gate=gate)
    assert city.cells and all(cell.status is CellStatus.SAFE for cell in city.cells)

    by_stadtteil = publish(
        space.compute(Query("sgb2_children_rate", ("stadtteil",), {"year": ("2025",)}, totals=True)), gate=gate
    )
    withheld = [cell for cell in by_stadtteil.cells if cell.withheld]
    assert withheld, "the demo city has small Stadtteile"
    assert by_stadtteil.cell(stadtteil="_T").status is CellStatus.SAFE


def test_repeaters_of_a_school_have_one_status_in_every_breakdown(demo_db: str, catalog: Catalog) -> None:
    """Schools are in the master table of pupils and repeaters, so each count has one status."""
    space = Workspace(connect(demo_db), catalog)
    gate = gate_for(space)
    by_school = space.compute(Query("repeaters_rate", ("school",), {"year": ("2025",)}, totals=True))
    by_year = space.compute(Query("repeaters_rate", ("year", "school"), totals=True))

    statuses = {}
    for cell in by_school.cells:
        status = gate.term_status(by_school, cell, "num")
        assert status is not None
        statuses[cell.key["school"]] = status.status
    assert CellStatus.PRIMARY in statuses.values()
    for cell in by_year.cells:
        if str(cell.key["year"]) == "2025":
            found = gate.term_status(by_year, cell, "num")
            assert found is not None and found.status is statuses[cell.key["school"]], cell.key


def test_klassenstufe_is_published_for_the_city_and_withheld_per_place(demo_db: str, catalog: Catalog) -> None:
    """Klassenstufe is in the master table only city-wide: one status everywhere, withheld with a Stadtteil."""
    space = Workspace(connect(demo_db), catalog)
    gate = gate_for(space)

    def published(by: tuple[str, ...], where: dict[str, tuple[str, ...]]) -> Published:
        return publish(space.compute(Query("repeaters_rate", by, where, totals=True)), gate=gate)

    city = published(("klassenstufe",), {"year": ("2025",)})
    series = published(("year", "klassenstufe"), {})
    girls = published(("klassenstufe",), {"year": ("2025",), "geschlecht": ("w",)})
    by_sex = published(("geschlecht",), {"year": ("2025",), "klassenstufe": ("5",)})
    in_place = published(("klassenstufe",), {"year": ("2025",), "stadtteil": (_largest_stadtteil(city, space),)})

    master = gate.master(catalog.datasets["pupils_school"], "repeaters", "2025")
    assert master is not None and audit_master(master).passed
    assert city.cell(klassenstufe="_T").status is CellStatus.SAFE
    assert any(not cell.withheld for cell in city.cells if cell.key["klassenstufe"] != "_T")
    for cell in city.cells:
        assert series.cell(year="2025", klassenstufe=cell.key["klassenstufe"]).status is cell.status, cell.key
    # grade × Geschlecht is in the master table: the same cell in two breakdowns has one status
    assert girls.cell(klassenstufe="5").status is by_sex.cell(geschlecht="w").status
    by_grade = [cell for cell in in_place.cells if cell.key["klassenstufe"] != "_T"]
    assert len(by_grade) > 5 and all(cell.withheld for cell in by_grade)


def _largest_stadtteil(city: Published, space: Workspace) -> str:
    counts = space.compute(Query("pupils", ("stadtteil",), {"year": ("2025",)}))
    return str(max(counts.cells, key=lambda cell: cell.value or 0).key["stadtteil"])
