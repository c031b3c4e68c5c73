"""IT equipment against the targets of the equipment strategy, from published figures (`core.equipment`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bildungslandschaft.core.equipment import EquipmentSummary, EquipmentTarget, city_progress, summarise, unit_statuses
from bildungslandschaft.core.goals import GoalPath, Progress, Status
from bildungslandschaft.core.labels import code_label, format_value, unit_title
from bildungslandschaft.web.management import figures, specs
from bildungslandschaft.web.management.models import EquipmentTarget as TargetModel

PUBLIC_LEVELS = ("schulart", "stadtteil")


@dataclass(frozen=True)
class TargetProgress:
    target: TargetModel
    title: str
    progress: Progress
    chart: dict[str, Any] | None
    series: list[dict[str, Any]]
    levels: dict[str, tuple[EquipmentSummary, list[dict[str, Any]]]]


def _core_target(target: TargetModel) -> EquipmentTarget:
    return EquipmentTarget(target.indicator, target.target_value, target.target_year, target.baseline_year)


def target_progress(target: TargetModel, levels: tuple[str, ...] = PUBLIC_LEVELS) -> TargetProgress:
    """City-wide progress and, per level (Schulart, Stadtteil, school), each unit against the target."""
    indicator = figures.indicator(target.indicator)
    series = figures.city_series(target.indicator)
    core = _core_target(target)
    if indicator is None or series.get(target.baseline_year) is None:
        missing = Progress(Status.NO_DATA, None, None, None, "Für das Basisjahr liegt kein veröffentlichter Wert vor.")
        return TargetProgress(target, indicator.title if indicator else target.indicator, missing, None, [], {})
    progress = city_progress(core, series, indicator.decimals)
    rows = [
        {"year": year, "value": value, "label": format_value(indicator, value, None if value is not None else ".")}
        for year, value in sorted(series.items())
    ]
    path = _path(target, series)
    chart = specs.goal_path_chart(indicator.title, unit_title(indicator), path, rows)
    found: dict[str, tuple[EquipmentSummary, list[dict[str, Any]]]] = {}
    for level in levels:
        year, values = figures.latest_by(target.indicator, level)
        statuses = unit_statuses(values, core)
        table = [
            {
                "name": code_label(level, s.unit),
                "code": s.unit,
                "value": format_value(indicator, s.value, None if s.value is not None else "."),
                "reached": s.reached,
                "share": "–" if s.share_of_target is None else f"{round(s.share_of_target * 100)} %",
                "year": year,
            }
            for s in statuses
        ]
        found[level] = (summarise(statuses), table)
    return TargetProgress(target, indicator.title, progress, chart, rows, found)


def _path(target: TargetModel, series: figures.Series) -> GoalPath:
    baseline = series[target.baseline_year]
    assert baseline is not None
    return GoalPath(target.baseline_year, baseline, target.target_year, target.target_value)
