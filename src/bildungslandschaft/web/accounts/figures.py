"""Raw figures for the closed areas: a school's own figures and the analysts' internal view.

These are the only places where a raw `Result` reaches a page, and only for the roles that
may see it (checked in the views): a school sees its own figures, analysts see everything,
marked "intern". Public outputs go through `web.analytics.published` as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from bildungslandschaft.core.disclosure.primary import CellStatus
from bildungslandschaft.core.engine import QueryError
from bildungslandschaft.core.formatting import format_number
from bildungslandschaft.core.labels import code_label, dimension_title
from bildungslandschaft.core.result import Query, Result
from bildungslandschaft.web import analytics

YEARS_SHOWN = 5
STATUS_LABELS = {"S": "veröffentlicht", "U": "gesperrt (Mindestfallzahl)", "M": "gesperrt (Sekundärsperrung)"}


@dataclass(frozen=True)
class FigureRow:
    """One indicator of one school, a value per year shown ("–" where there is none)."""

    indicator: str
    title: str
    unit: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class InternalRow:
    """One raw cell with what the disclosure gate would do with it."""

    labels: tuple[str, ...]
    value: str
    numerator: str
    denominator: str
    status: str


def school_indicators() -> list[str]:
    return [ind.id for ind in analytics.catalog().indicators.values() if "school" in ind.breakdowns]


def school_figures(school: str) -> tuple[list[int], list[FigureRow]]:
    """Every school-level indicator of one school by year (the latest years), unsuppressed."""
    found: list[tuple[Result, dict[int, str]]] = []
    for indicator in school_indicators():
        result = _raw(indicator, ("year",), {"school": (school,)})
        if result is None:
            continue
        values = {
            int(str(cell.key["year"])): format_number(cell.value, result.indicator.decimals, cell.flag)
            for cell in result.cells
            if str(cell.key.get("year")).isdigit()
        }
        if values:
            found.append((result, values))
    years = sorted({year for _, values in found for year in values})[-YEARS_SHOWN:]
    rows = [
        FigureRow(res.indicator.id, res.indicator.title, res.indicator.unit, tuple(vals.get(y, "–") for y in years))
        for res, vals in found
    ]
    return years, rows


def internal_rows(indicator: str, by: tuple[str, ...]) -> tuple[Result, list[InternalRow]]:
    """Raw cells of an indicator with the status the gate gives them (for analysts)."""
    with analytics._lock:
        result = analytics.workspace().compute(Query(indicator, by, {}, totals=True))
    gate = analytics.published(indicator, by)
    status = {tuple(str(code) for code in cell.key.values()): cell.status for cell in gate.cells}
    decimals = result.indicator.decimals
    catalog = analytics.catalog()
    rows = []
    for cell in result.cells:
        codes = tuple(str(code) for code in cell.key.values())
        shown = status.get(codes, CellStatus.SAFE)
        rows.append(
            InternalRow(
                labels=tuple(code_label(dim, str(code), catalog) for dim, code in cell.key.items()),
                value=format_number(cell.value, decimals, cell.flag),
                numerator=format_number(cell.numerator),
                denominator=format_number(cell.denominator),
                status=STATUS_LABELS.get(str(shown.value), str(shown.value)),
            )
        )
    return result, rows


def dimension_titles(result: Result) -> list[str]:
    """German column titles of a result's breakdown ("Jahr", "Schulart" …)."""
    return [dimension_title(dim, analytics.catalog()) for dim in result.by]


def _raw(indicator: str, by: tuple[str, ...], where: dict[str, tuple[str, ...]]) -> Result | None:
    try:
        with analytics._lock:
            return analytics.workspace().compute(Query(indicator, by, where))
    except (QueryError, KeyError):
        return None
