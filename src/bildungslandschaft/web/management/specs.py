"""Vega-Lite specs of the management pages: the path to a target, needs versus coverage, offers.

Self-contained specs (inline data) with the portal's look (`core.charts.base_config`); every
chart comes with a data table on its page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bildungslandschaft.core.charts import BAR_COLOUR, NO_DATA_FILL, SCHEMA, base_config
from bildungslandschaft.core.coverage import QUADRANTS, UNDETERMINED, NeedCoverage
from bildungslandschaft.core.goals import GoalPath

PATH_COLOUR = "#b3470d"
QUADRANT_COLOURS = ["#b3470d", "#1b5e9e", "#7fb2da", "#c9d3de", NO_DATA_FILL]
OFFER_COLOUR = "#19774b"


def _spec(title: str, **parts: Any) -> dict[str, Any]:
    # the <svg> carries role="img" and a label; the data table beside it is the text alternative
    config = {**base_config(), "aria": False, "mark": {"aria": False}}
    return {"$schema": SCHEMA, "title": title, "config": config, **parts}


def goal_path_chart(title: str, unit: str, path: GoalPath, observed: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Observed values (published, with labels) as a line, the planned path dashed, the target as a point."""
    planned = [
        {"year": str(path.baseline_year), "value": path.baseline_value, "series": "Zielpfad"},
        {"year": str(path.target_year), "value": path.target_value, "series": "Zielpfad"},
    ]
    years = sorted({str(row["year"]) for row in observed} | {str(path.baseline_year), str(path.target_year)})
    x = {"field": "year", "type": "ordinal", "title": "Jahr", "scale": {"domain": years}, "axis": {"labelAngle": 0}}
    y = {"field": "value", "type": "quantitative", "title": unit, "scale": {"zero": False}}
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": ["beobachtet", "Zielpfad"], "range": [BAR_COLOUR, PATH_COLOUR]},
        "legend": {"orient": "bottom"},
    }
    return _spec(
        title,
        width=520,
        height=240,
        encoding={"x": x, "y": y, "color": colour},
        layer=[
            {
                "data": {"values": [_observed(row) for row in observed if row["value"] is not None]},
                "mark": {"type": "line", "point": {"filled": True, "size": 60}, "strokeWidth": 2.5},
                "encoding": {"tooltip": [{"field": "year", "title": "Jahr"}, {"field": "label", "title": "Wert"}]},
            },
            {
                "data": {"values": planned},
                "mark": {"type": "line", "strokeDash": [6, 4], "strokeWidth": 2, "point": {"size": 60}},
                "encoding": {"tooltip": [{"field": "year", "title": "Jahr"}, {"field": "value", "title": "Pfad"}]},
            },
        ],
    )


def _observed(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"year": str(row["year"]), "value": row["value"], "label": row["label"], "series": "beobachtet"}


def needs_map(geojson: Mapping[str, Any], rows: Sequence[NeedCoverage], title: str) -> dict[str, Any]:
    """The Stadtteile coloured by their quadrant of needs versus coverage."""
    by_code = {row.unit: row for row in rows}
    features = []
    for feature in geojson["features"]:
        code = str(feature["properties"]["stadtteil"])
        row = by_code.get(code)
        quadrant = row.quadrant if row else UNDETERMINED
        rank = f"Rang {row.rank}" if row else "–"
        properties = {**feature["properties"], "quadrant": quadrant, "rank": rank}
        features.append({"type": "Feature", "properties": properties, "geometry": feature["geometry"]})
    domain = [*QUADRANTS, UNDETERMINED]
    return _spec(
        title,
        width=560,
        height=460,
        projection={"type": "mercator"},
        data={"values": {"type": "FeatureCollection", "features": features}, "format": {"property": "features"}},
        mark={"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.8},
        encoding={
            "color": {
                "field": "properties.quadrant",
                "type": "nominal",
                "title": "Bedarf und Abdeckung",
                "scale": {"domain": domain, "range": QUADRANT_COLOURS},
                "legend": {"orient": "bottom", "columns": 2, "symbolType": "square", "symbolStrokeColor": "#666"},
            },
            "tooltip": [
                {"field": "properties.name", "title": "Stadtteil"},
                {"field": "properties.quadrant", "title": "Einordnung"},
                {"field": "properties.rank", "title": "Bedarfsrang"},
            ],
        },
    )


def offers_map(geojson: Mapping[str, Any], points: Sequence[Mapping[str, Any]], title: str) -> dict[str, Any]:
    """The Stadtteile as background, one point per offer with coordinates."""
    return _spec(
        title,
        width=560,
        height=460,
        projection={"type": "mercator"},
        layer=[
            {
                "data": {"values": dict(geojson), "format": {"property": "features"}},
                "mark": {"type": "geoshape", "fill": "#e8edf2", "stroke": "#8a96a3", "strokeWidth": 0.6},
                "encoding": {"tooltip": [{"field": "properties.name", "title": "Stadtteil"}]},
            },
            {
                "data": {"values": list(points)},
                "mark": {"type": "circle", "size": 70, "color": OFFER_COLOUR, "opacity": 0.85, "stroke": "#ffffff"},
                "encoding": {
                    "longitude": {"field": "lon", "type": "quantitative"},
                    "latitude": {"field": "lat", "type": "quantitative"},
                    "tooltip": [
                        {"field": "title", "title": "Angebot"},
                        {"field": "actor", "title": "Akteur"},
                        {"field": "stadtteil", "title": "Stadtteil"},
                    ],
                },
            },
        ],
    )
