"""What the portal pages show, built from `web.analytics.published` only (never a raw result)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bildungslandschaft.core import chart_text, charts
from bildungslandschaft.core.catalog.model import TOTAL, Indicator, Term
from bildungslandschaft.core.chart_data import cells_of, latest_year, time_rows, years
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.engine import QueryError
from bildungslandschaft.core.formatting import format_change
from bildungslandschaft.core.geo import stadtteil_geojson
from bildungslandschaft.core.labels import code_label, dimension_title, format_value
from bildungslandschaft.web import analytics
from bildungslandschaft.web.portal.tables import Table, breakdown_table, map_table, time_table
from bildungslandschaft.web.staff.visibility import public_only

#: Breakdowns shown as bar charts on the indicator page, where the indicator allows them.
BREAKDOWNS = ("schulart", "geschlecht", "foerderschwerpunkt", "abschluss", "altersgruppe", "programmbereich")
#: Key figures of the start page (shown when the store has data for them).
KEY_FIGURES = (
    "childcare_rate_u3",
    "pupils",
    "sen_rate",
    "leavers_without_hsa_share",
    "devices_per_pupil",
    "vhs_enrolments_per_1000",
)


@dataclass(frozen=True)
class Chart:
    """A chart with everything that makes it accessible: spec, sentence, table."""

    id: str
    title: str
    spec: dict[str, Any]
    description: str
    table: Table
    kind: str = "chart"

    @property
    def spec_id(self) -> str:
        return f"spec-{self.id}"


def series(indicator_id: str) -> Published | None:
    """The indicator by year, or None when the store has no data for it."""
    try:
        return analytics.published(indicator_id, ("year",))
    except QueryError:
        return None


def by_year(indicator_id: str, dim: str, year: str) -> Published | None:
    """The indicator by ``dim`` for one year, or None without data."""
    try:
        return analytics.published(indicator_id, ("year", dim), {"year": (year,)})
    except QueryError:
        return None


def time_chart(published: Published) -> Chart:
    title = f"{published.indicator.title}: Entwicklung"
    return Chart(
        "zeitreihe",
        title,
        charts.time_series_chart(published, title),
        chart_text.describe_time_series(published),
        time_table(published, f"Tabelle: {title}"),
    )


def breakdown_charts(indicator: Indicator, year: str) -> list[Chart]:
    found = []
    for dim in BREAKDOWNS:
        if dim not in indicator.breakdowns:
            continue
        published = by_year(indicator.id, dim, year)
        if published is None:
            continue
        title = f"{indicator.title} nach {dimension_title(dim)}, {year}"
        spec = charts.breakdown_chart(published, dim, title, year=year)
        description = chart_text.describe_breakdown(published, dim, year)
        found.append(Chart(dim, title, spec, description, breakdown_table(published, dim, year, f"Tabelle: {title}")))
    return found


def map_chart(indicator: Indicator, year: str) -> tuple[Chart, Published] | None:
    if "stadtteil" not in indicator.breakdowns:
        return None
    published = by_year(indicator.id, "stadtteil", year)
    if published is None:
        return None
    title = f"{indicator.title} nach Stadtteilen, {year}"
    spec = charts.stadtteil_map(published, stadtteil_geojson(), title, year=year)
    description = chart_text.describe_map(published, year)
    table = map_table(published, year, f"Tabelle: {title}")
    return Chart("karte", title, spec, description, table, kind="map"), published


@dataclass(frozen=True)
class KeyFigure:
    """A key figure of the start page: latest value, change against the previous year, a small trend."""

    indicator: Indicator
    year: str
    value: str
    change: str
    direction: str
    previous_year: str
    trend: str  # SVG polyline points


def key_figure(indicator: Indicator) -> KeyFigure | None:
    published = series(indicator.id)
    if published is None:
        return None
    rows = [row for row in time_rows(published) if row["value"] is not None]
    if not rows:
        return None
    last = rows[-1]
    previous = rows[-2] if len(rows) > 1 else None
    change, direction = "", ""
    if previous is not None:
        delta = float(last["value"]) - float(previous["value"])
        unit = " Prozentpunkte" if indicator.unit == "%" else ""
        change = format_change(delta, indicator.decimals) + unit
        direction = "up" if round(delta, indicator.decimals) > 0 else "down" if round(delta, indicator.decimals) else ""
    return KeyFigure(
        indicator,
        str(last["year"]),
        str(last["label"]),
        change,
        direction,
        str(previous["year"]) if previous else "",
        sparkline([float(row["value"]) for row in rows]),
    )


def sparkline(values: list[float], width: int = 120, height: int = 32) -> str:
    """Points of an SVG polyline scaled into ``width`` × ``height`` (2 px margin)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (width - 4) / max(1, len(values) - 1)
    return " ".join(
        f"{2 + index * step:.1f},{height - 2 - (value - low) / span * (height - 4):.1f}"
        for index, value in enumerate(values)
    )


@dataclass(frozen=True)
class StadtteilRow:
    """One indicator in a Stadtteil profile: the Stadtteil's value against the city's."""

    indicator: Indicator
    year: str
    values: list[str]
    city: str
    differences: list[str]


def stadtteil_rows(codes: list[str]) -> list[StadtteilRow]:
    """Every indicator with a Stadtteil breakdown, latest year, for the given Stadtteile and the city."""
    found = []
    for indicator in public_only(analytics.catalog().indicators.values()):
        if "stadtteil" not in indicator.breakdowns:
            continue
        published = series(indicator.id)
        year = latest_year(published) if published else None
        by_stadtteil = by_year(indicator.id, "stadtteil", year) if year else None
        if year is None or by_stadtteil is None:
            continue
        cells = {str(c.key["stadtteil"]): c for c in cells_of(by_stadtteil, ("stadtteil",), {"year": year})}
        city = next(iter(cells_of(by_stadtteil, (), {"year": year})), None)
        found.append(
            StadtteilRow(
                indicator,
                year,
                [_label(indicator, cells.get(code)) for code in codes],
                _label(indicator, city),
                [_difference(indicator, cells.get(code), city) for code in codes],
            )
        )
    return found


def _label(indicator: Indicator, cell: PublishedCell | None) -> str:
    return "–" if cell is None else format_value(indicator, cell.value, cell.flag)


def _difference(
    indicator: Indicator, cell: PublishedCell | None, city: PublishedCell | None, counts: bool = False
) -> str:
    if (
        (indicator.kind == "count" and not counts)
        or cell is None
        or city is None
        or cell.value is None
        or city.value is None
    ):
        return ""
    unit = " Pp." if indicator.unit == "%" else ""
    return format_change(cell.value - city.value, indicator.decimals) + unit


def year_values(indicator: Indicator, year_a: str, year_b: str) -> list[tuple[str, str, str, str]]:
    """Rows (area, value in year a, value in year b, change): the city and, where allowed, its Stadtteile."""
    dim = "stadtteil" if "stadtteil" in indicator.breakdowns else None
    rows = []
    found: dict[str, dict[str, PublishedCell]] = {}
    for year in (year_a, year_b):
        published = by_year(indicator.id, dim, year) if dim else series(indicator.id)
        if published is None:
            continue
        for cell in published.cells:
            if str(cell.key.get("year")) == year:
                found.setdefault(str(cell.key.get(dim, TOTAL)) if dim else TOTAL, {})[year] = cell
    for code in sorted(found, key=lambda code: (code != TOTAL, code_label("stadtteil", code))):
        a, b = found[code].get(year_a), found[code].get(year_b)
        rows.append(
            (
                code_label("stadtteil", code),
                _label(indicator, a),
                _label(indicator, b),
                _difference(indicator, b, a, counts=True),
            )
        )
    return rows


def indicator_years(indicator_id: str) -> list[str]:
    published = series(indicator_id)
    return years(published) if published else []


def term_text(term: Term) -> str:
    """``Schüler:innen (Staatsangehörigkeit: ausländisch)``: a numerator or denominator in words."""
    catalog = analytics.catalog()
    datasets = catalog.datasets_with_measure(term.measure)
    measure = datasets[0].measure(term.measure) if datasets else None
    text = measure.title if measure else term.measure
    conditions = [
        f"{dimension_title(dim)}: {', '.join(code_label(dim, code) for code in codes)}"
        for dim, codes in term.where.items()
    ]
    return f"{text} ({'; '.join(conditions)})" if conditions else text
