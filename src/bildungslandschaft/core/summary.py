"""Key figures of every indicator: latest year, value and change against the year before."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog, Indicator
from bildungslandschaft.core.engine import QueryError, available_datasets, compute
from bildungslandschaft.core.result import Query


@dataclass(frozen=True)
class KeyFigure:
    """One indicator's latest city-wide value and its previous-year value."""

    indicator: Indicator
    year: int | None
    value: float | None
    previous: float | None
    flag: str | None
    problem: str | None = None  # why nothing could be computed

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


def key_figure(con: BaseBackend, catalog: Catalog, indicator: Indicator, available: set[str]) -> KeyFigure:
    """The time series of one indicator, reduced to its last two years."""
    if "year" not in indicator.breakdowns:
        return KeyFigure(indicator, None, None, None, None, "ohne Zeitreihe")
    try:
        result = compute(con, catalog, Query(indicator.id, ("year",)), available)
    except QueryError as error:
        return KeyFigure(indicator, None, None, None, None, str(error))
    cells = sorted(result.cells, key=lambda cell: int(str(cell.key["year"])))
    if not cells:
        return KeyFigure(indicator, None, None, None, None, "keine Werte")
    last = cells[-1]
    previous = cells[-2].value if len(cells) > 1 else None
    return KeyFigure(indicator, int(str(last.key["year"])), last.value, previous, last.flag)


def key_figures(
    con: BaseBackend, catalog: Catalog, progress: Callable[[Indicator], None] | None = None
) -> list[KeyFigure]:
    """Key figures of every indicator in catalog order."""
    available = available_datasets(con, catalog)
    figures = []
    for indicator in catalog.indicators.values():
        if progress is not None:
            progress(indicator)
        figures.append(key_figure(con, catalog, indicator, available))
    return figures
