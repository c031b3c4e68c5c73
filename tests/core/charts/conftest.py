"""Published results built by hand: the charts and downloads get exactly the cells a test needs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.disclosure.primary import CellStatus, PrimaryRules
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.result import Provenance

Row = tuple[dict[str, str], float | None, float | None, float | None]
MakePublished = Callable[..., Published]


@pytest.fixture
def make_published(catalog: Catalog) -> MakePublished:
    """``make_published("sen_rate", ("year",), [({"year": "2023"}, 9.0, 9, 100), …])``; value None = withheld."""

    def make(indicator: str, by: tuple[str, ...], rows: list[Row]) -> Published:
        cells = tuple(
            PublishedCell(key, value, numerator, denominator, CellStatus.SAFE, None)
            if value is not None
            else PublishedCell(key, None, None, None, CellStatus.PRIMARY, ".")
            for key, value, numerator, denominator in rows
        )
        provenance = Provenance(indicator, ("test",), (1,), catalog.version, "duckdb", "2026-11-27T00:00:00")
        return Published(catalog.indicator(indicator), by, {}, cells, provenance, PrimaryRules())

    return make
