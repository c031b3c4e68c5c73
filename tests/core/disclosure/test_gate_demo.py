"""On the demo city the gate withholds small cells, not the city's own figures."""

from __future__ import annotations

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.disclosure.consistent import gate_for
from bildungslandschaft.core.disclosure.primary import CellStatus
from bildungslandschaft.core.disclosure.publish import publish
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
