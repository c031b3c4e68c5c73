"""Needs versus coverage of a program per Stadtteil, from published figures (see `core.coverage`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bildungslandschaft.core.coverage import NeedCoverage, need_index, needs_vs_coverage
from bildungslandschaft.core.geo import stadtteil_geojson, stadtteil_names
from bildungslandschaft.core.labels import format_value
from bildungslandschaft.web.management import figures, specs
from bildungslandschaft.web.management.models import Program


@dataclass(frozen=True)
class Measure:
    """One need or coverage indicator with the year its values are from."""

    id: str
    title: str
    year: int | None
    values: dict[str, float | None]


@dataclass(frozen=True)
class NeedsAnalysis:
    needs: list[Measure]
    coverage: Measure
    rows: list[NeedCoverage]
    table: list[dict[str, Any]]
    chart: dict[str, Any]

    @property
    def priority(self) -> list[dict[str, Any]]:
        return [row for row in self.table if row["priority"]]


def measure(indicator_id: str) -> Measure:
    indicator = figures.indicator(indicator_id)
    year, values = figures.latest_by(indicator_id, "stadtteil")
    return Measure(indicator_id, indicator.title if indicator else indicator_id, year, values)


def analyse(program: Program) -> NeedsAnalysis:
    needs = [measure(ident) for ident in program.need_indicator_ids()]
    coverage = measure(program.coverage_indicator)
    rows = needs_vs_coverage(need_index({m.id: m.values for m in needs}), coverage.values)
    names = stadtteil_names()
    table = [_table_row(row, names, needs, coverage) for row in rows]
    chart = specs.needs_map(stadtteil_geojson(), rows, f"Bedarf und Abdeckung: {program.name}")
    return NeedsAnalysis(needs, coverage, rows, table, chart)


def _label(indicator_id: str, value: float | None) -> str:
    indicator = figures.indicator(indicator_id)
    if indicator is None:
        return "–"
    return format_value(indicator, value, "." if value is None else None)


def _table_row(row: NeedCoverage, names: dict[str, str], needs: list[Measure], coverage: Measure) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "code": row.unit,
        "name": names.get(row.unit, row.unit),
        "need": f"{row.need:+.2f}".replace(".", ","),
        "needs": [_label(m.id, m.values.get(row.unit)) for m in needs],
        "coverage": _label(coverage.id, coverage.values.get(row.unit)),
        "quadrant": row.quadrant,
        "priority": row.priority,
    }
