"""Rows behind charts, maps and their tables: a `Published` cut into what one chart shows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bildungslandschaft.core.catalog.model import TOTAL
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.labels import code_label, code_order, format_value, unit_title

MAX_CLASSES = 5
WITHHELD_CLASS = "geheim (.)"
NO_DATA_CLASS = "keine Daten"


def years(published: Published) -> list[str]:
    """The years of a result, oldest first."""
    if "year" not in published.by:
        return []
    return sorted({str(cell.key["year"]) for cell in published.cells if cell.key["year"] != TOTAL})


def latest_year(published: Published) -> str | None:
    found = years(published)
    return found[-1] if found else None


def series_dim(published: Published) -> str | None:
    """The dimension that splits a time series into lines (the first one besides the year)."""
    return next((dim for dim in published.by if dim != "year"), None)


def cells_of(published: Published, vary: tuple[str, ...], fixed: Mapping[str, str]) -> list[PublishedCell]:
    """Cells where ``vary`` dims are not totals, ``fixed`` dims have their code, all others are totals."""
    found = []
    for cell in published.cells:
        key = cell.key
        if all(key.get(dim) == code for dim, code in fixed.items()) and all(
            (key[dim] != TOTAL) if dim in vary else (key[dim] == TOTAL or dim in fixed) for dim in published.by
        ):
            found.append(cell)
    return found


def shown(cell: PublishedCell) -> bool:
    """False for empty categories (nothing counted, nothing to divide by): they are left out of charts."""
    if cell.withheld:
        return True
    return not (not cell.value and not cell.numerator and not cell.denominator)


def row(published: Published, cell: PublishedCell) -> dict[str, Any]:
    """The fields every chart row carries: value (None when withheld) and its German label."""
    return {
        "value": cell.value,
        "label": format_value(published.indicator, cell.value, cell.flag),
        "flag": cell.flag or "",
        "secret": cell.withheld,
    }


def time_rows(published: Published) -> list[dict[str, Any]]:
    """One row per year (and category of the series dimension, totals included as "Insgesamt")."""
    dim = series_dim(published)
    rows = []
    for cell in published.cells:
        year = str(cell.key.get("year", ""))
        others = [d for d in published.by if d not in {"year", dim}]
        if year in {"", TOTAL} or any(cell.key[d] != TOTAL for d in others) or not shown(cell):
            continue
        series = code_label(dim, str(cell.key[dim])) if dim else ""
        rows.append({"year": year, "series": series, "code": str(cell.key[dim]) if dim else "", **row(published, cell)})
    order = _order(dim) if dim else {}
    return sorted(rows, key=lambda item: (item["year"], order.get(item["code"], len(order))))


def breakdown_rows(
    published: Published, dim: str, year: str | None
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Rows per category of ``dim`` for one year in code-list order, and the total row (or None)."""
    fixed = {"year": year} if year and "year" in published.by else {}
    rows, total = [], None
    order = _order(dim)
    for cell in cells_of(published, (), fixed) + cells_of(published, (dim,), fixed):
        code = str(cell.key[dim])
        item = {"code": code, "category": code_label(dim, code), **row(published, cell)}
        item["text_x"] = cell.value or 0
        if code == TOTAL:
            total = item
        elif shown(cell):
            rows.append(item)
    rows.sort(key=lambda item: order.get(str(item["code"]), len(order)))
    return rows, total


def _order(dim: str) -> dict[str, int]:
    return {code: index for index, code in enumerate(code_order(dim))}


@dataclass(frozen=True)
class MapClasses:
    """Quantile classes of the Stadtteil values of one year, with the value of each Stadtteil."""

    labels: list[str]
    by_code: dict[str, dict[str, Any]] = field(default_factory=dict)
    legend_title: str = ""
    secret_label: str = WITHHELD_CLASS
    no_data_label: str = NO_DATA_CLASS


def map_classes(published: Published, year: str | None, classes: int = MAX_CLASSES) -> MapClasses:
    """Classify the Stadtteile by quantiles; equal values always share a class."""
    fixed = {"year": year} if year and "year" in published.by else {}
    cells = cells_of(published, ("stadtteil",), fixed)
    values = sorted(cell.value for cell in cells if cell.value is not None and not cell.withheld)
    thresholds = quantile_thresholds(values, classes)
    members: dict[int, list[float]] = {}
    for value in values:
        members.setdefault(class_index(value, thresholds), []).append(value)
    indicator = published.indicator
    labels = [_class_label(published, min(found), max(found)) for _, found in sorted(members.items())]
    index_of = {number: position for position, number in enumerate(sorted(members))}
    by_code = {}
    for cell in cells:
        item = row(published, cell)
        if cell.withheld:
            item["klasse"] = WITHHELD_CLASS
        elif cell.value is None:
            item["klasse"] = NO_DATA_CLASS
        else:
            item["klasse"] = labels[index_of[class_index(cell.value, thresholds)]]
        by_code[str(cell.key["stadtteil"])] = item
    title = f"{unit_title(indicator)}, {year}" if year else unit_title(indicator)
    return MapClasses(labels, by_code, f"{title} (Quantile)")


def _class_label(published: Published, low: float, high: float) -> str:
    low_text, high_text = format_value(published.indicator, low), format_value(published.indicator, high)
    return low_text if low_text == high_text else f"{low_text} bis {high_text}"


def quantile_thresholds(values: list[float], classes: int) -> list[float]:
    """Lower bounds of classes 2..k from sorted values (nearest rank), without duplicates."""
    if not values:
        return []
    count = len(values)
    found = [values[min(count - 1, math.ceil(step * count / classes))] for step in range(1, classes)]
    return sorted({value for value in found if value > values[0]})


def class_index(value: float, thresholds: list[float]) -> int:
    return sum(1 for threshold in thresholds if value >= threshold)
