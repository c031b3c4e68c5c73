"""IT equipment of the schools against the targets of the equipment strategy.

A target says which value an equipment indicator (e.g. devices per pupil) should reach by a
year. Per school, Schulart or Stadtteil we compare the latest value with the target: reached
or not, the gap that remains, and the share of the target reached. The summary counts the
units that reached the target; the city-wide series is classified with `core.goals`.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from bildungslandschaft.core.goals import GoalPath, Progress, classify


@dataclass(frozen=True)
class EquipmentTarget:
    """A target of the equipment strategy, e.g. 1,0 devices per pupil by 2026 (from 2019 on)."""

    indicator: str
    target_value: float
    target_year: int
    baseline_year: int


@dataclass(frozen=True)
class UnitStatus:
    """One school, Schulart or Stadtteil against the target."""

    unit: str
    value: float | None
    reached: bool | None
    gap: float | None  # what is still missing (0 when reached)
    share_of_target: float | None  # value / target, capped at 1

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class EquipmentSummary:
    units: int
    known: int
    reached: int
    median: float | None

    @property
    def reached_share(self) -> float | None:
        """Share of the units with a value that reached the target (0–1)."""
        return self.reached / self.known if self.known else None


def unit_status(unit: str, value: float | None, target: EquipmentTarget) -> UnitStatus:
    if value is None:
        return UnitStatus(unit, None, None, None, None)
    reached = value >= target.target_value
    share = min(value / target.target_value, 1.0) if target.target_value else 1.0
    return UnitStatus(unit, value, reached, max(target.target_value - value, 0.0), share)


def unit_statuses(values: Mapping[str, float | None], target: EquipmentTarget) -> list[UnitStatus]:
    """All units, the furthest from the target first, units without value last."""
    statuses = [unit_status(unit, value, target) for unit, value in values.items()]
    return sorted(statuses, key=lambda s: (s.value is None, s.share_of_target or 0.0, s.unit))


def summarise(statuses: list[UnitStatus]) -> EquipmentSummary:
    known = [s for s in statuses if s.value is not None]
    median = statistics.median(s.value for s in known if s.value is not None) if known else None
    return EquipmentSummary(len(statuses), len(known), sum(1 for s in known if s.reached), median)


def city_progress(target: EquipmentTarget, series: Mapping[int, float | None], decimals: int = 2) -> Progress:
    """The city-wide series against the straight path from the baseline year's value to the target."""
    baseline = series.get(target.baseline_year)
    if baseline is None:
        raise ValueError(f"kein veröffentlichter Wert im Basisjahr {target.baseline_year}")
    path = GoalPath(target.baseline_year, baseline, target.target_year, target.target_value)
    return classify(path, series, decimals=decimals)
