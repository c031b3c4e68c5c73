"""Raw results of the engine. Never shown as they are: the disclosure gate comes first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bildungslandschaft.core.catalog.model import Indicator


@dataclass(frozen=True)
class Query:
    """What to compute: an indicator, its breakdown and filters."""

    indicator: str
    by: tuple[str, ...] = ()
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    totals: bool = False
    dataset: str | None = None  # force the numerator's dataset


@dataclass(frozen=True)
class Cell:
    """One value of a result with the counts behind it.

    ``key`` maps each breakdown dimension to its code; ``_T`` marks a total (margin).
    ``numerator`` and ``denominator`` are the summed counts the value comes from; the
    disclosure gate decides on them.
    """

    key: Mapping[str, object]
    value: float | None
    numerator: float | None
    denominator: float | None
    flag: str | None
    source_cells: int = 0


@dataclass(frozen=True)
class Provenance:
    """Where a result comes from."""

    indicator: str
    datasets: tuple[str, ...]
    import_ids: tuple[int, ...]
    catalog_version: str
    backend: str
    computed_at: str


@dataclass(frozen=True)
class Result:
    """A computed indicator: raw cells plus provenance. Internal: never published directly."""

    indicator: Indicator
    by: tuple[str, ...]
    where: Mapping[str, tuple[str, ...]]
    cells: tuple[Cell, ...]
    provenance: Provenance

    def cell(self, **key: object) -> Cell:
        """The cell with exactly this key (for tests and report sentences)."""
        for cell in self.cells:
            if dict(cell.key) == key:
                return cell
        raise KeyError(f"keine Zelle {key} in {self.indicator.id}")
