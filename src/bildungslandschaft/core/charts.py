"""Published → Vega-Lite specs: time series, breakdown bars, Stadtteil choropleth and locator maps.

Specs are self-contained (inline data values, German number locale in ``config``) so that the
browser (vega-embed with the expression interpreter) and ``vl_convert.vegalite_to_svg`` (PDF)
render the same chart. Values are formatted in Python (``label``), tooltips show those strings.
Only `Published` values go in: withheld cells show the sign ``.``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bildungslandschaft.core.chart_data import (
    breakdown_rows,
    latest_year,
    map_classes,
    series_dim,
    time_rows,
)
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.labels import dimension_title, unit_title

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
#: Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinguishable with colour blindness.
SERIES_COLOURS = ["#1b5e9e", "#b3470d", "#19774b", "#8e3b8f", "#5c5c00", "#3d3d3d", "#a3186b", "#00697a"]
BAR_COLOUR = "#1b5e9e"
CLASS_COLOURS = {
    1: ["#2b72b0"],
    2: ["#9ecae1", "#1b5e9e"],
    3: ["#c6dbef", "#5a9fcf", "#0b4a8b"],
    4: ["#c6dbef", "#7fb2da", "#2b72b0", "#083d77"],
    5: ["#deebf7", "#9ecae1", "#5a9fcf", "#2171b5", "#08306b"],
}
WITHHELD_FILL = "#8c8c8c"
NO_DATA_FILL = "#f4f4f4"
HIGHLIGHT_FILL = "#b3470d"
GERMAN_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]}


def base_config() -> dict[str, Any]:
    """Shared look: German number locale, readable font sizes, no chart border."""
    return {
        # the page labels the chart (role="img", caption, sentence, table): marks stay out of the a11y tree
        "aria": False,
        "locale": {"number": GERMAN_NUMBERS},
        "font": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#1a1a1a", "titleColor": "#1a1a1a"},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260, "titleLimit": 320},
        "title": {"fontSize": 15, "anchor": "start", "color": "#1a1a1a"},
        "view": {"stroke": None},
    }


def _spec(title: str, **parts: Any) -> dict[str, Any]:
    return {"$schema": SCHEMA, "title": title, "config": base_config(), **parts}


def time_series_chart(published: Published, title: str) -> dict[str, Any]:
    """Line chart over the years; one line per category when the result has a second dimension."""
    rows = time_rows(published)
    dim = series_dim(published)
    y_title = unit_title(published.indicator)
    tooltip = [
        {"field": "year", "title": "Jahr"},
        *([{"field": "series", "title": dimension_title(dim)}] if dim else []),
        {"field": "label", "title": "Wert"},
    ]
    encoding: dict[str, Any] = {
        "x": {"field": "year", "type": "ordinal", "title": "Jahr", "axis": {"labelAngle": 0}},
        "y": {"field": "value", "type": "quantitative", "title": y_title},
        "tooltip": tooltip,
    }
    if dim:
        series = list(dict.fromkeys(str(row["series"]) for row in rows))
        encoding["color"] = {
            "field": "series",
            "type": "nominal",
            "title": dimension_title(dim),
            "scale": {"domain": series, "range": SERIES_COLOURS[: len(series)]},
            "sort": series,
        }
    line = {"mark": {"type": "line", "point": {"size": 60, "filled": True}, "strokeWidth": 2.5, "color": BAR_COLOUR}}
    secret = {
        "transform": [{"filter": "datum.value === null"}],
        "mark": {"type": "text", "dy": -4, "fontSize": 16, "fontWeight": "bold"},
        "encoding": {"x": encoding["x"], "y": {"datum": 0}, "text": {"value": "."}, "tooltip": tooltip},
    }
    return _spec(
        title,
        width=560,
        height=260,
        data={"values": rows},
        encoding=encoding,
        layer=[line, secret],
    )


def breakdown_chart(published: Published, dim: str, title: str, *, year: str | None = None) -> dict[str, Any]:
    """Horizontal bars per category of ``dim`` for one year (the latest by default), city value as a rule."""
    year = year or latest_year(published)
    rows, total = breakdown_rows(published, dim, year)
    order = [str(row["category"]) for row in rows]
    tooltip = [{"field": "category", "title": dimension_title(dim)}, {"field": "label", "title": "Wert"}]
    y = {"field": "category", "type": "nominal", "title": None, "sort": order, "axis": {"labelLimit": 340}}
    x = {"field": "value", "type": "quantitative", "title": unit_title(published.indicator)}
    layers: list[dict[str, Any]] = [
        {
            "mark": {"type": "bar", "color": BAR_COLOUR, "height": {"band": 0.7}},
            "encoding": {"y": y, "x": x, "tooltip": tooltip},
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "color": "#1a1a1a"},
            "encoding": {"y": y, "x": {**x, "field": "text_x"}, "text": {"field": "label"}, "tooltip": tooltip},
        },
    ]
    if total is not None and total["value"] is not None and published.indicator.kind != "count":
        layers.append(
            {
                "data": {"values": [total]},
                "mark": {"type": "rule", "color": "#b3470d", "strokeDash": [6, 4], "strokeWidth": 2},
                "encoding": {
                    "x": {"field": "value", "type": "quantitative"},
                    "tooltip": [{"field": "category", "title": "Vergleich"}, {"field": "label", "title": "Wert"}],
                },
            }
        )
    return _spec(
        title,
        width=520,
        height={"step": 26},
        data={"values": rows},
        layer=layers,
    )


def stadtteil_map(
    published: Published, geojson: Mapping[str, Any], title: str, *, year: str | None = None
) -> dict[str, Any]:
    """Choropleth of the Stadtteile in quantile classes; withheld Stadtteile grey with the sign ``.``."""
    year = year or latest_year(published)
    classes = map_classes(published, year)
    features = [_map_feature(feature, classes.by_code) for feature in geojson["features"]]
    present = {feature["properties"]["klasse"] for feature in features}
    extra = [(classes.secret_label, WITHHELD_FILL), (classes.no_data_label, NO_DATA_FILL)]
    extra = [(label, colour) for label, colour in extra if label in present]
    domain = [*classes.labels, *(label for label, _ in extra)]
    colours = [*CLASS_COLOURS.get(len(classes.labels), []), *(colour for _, colour in extra)]
    tooltip = [{"field": "properties.name", "title": "Stadtteil"}, {"field": "properties.label", "title": "Wert"}]
    shapes = {
        "mark": {"type": "geoshape", "stroke": "#6b6b6b", "strokeWidth": 0.5},
        "encoding": {
            "color": {
                "field": "properties.klasse",
                "type": "ordinal",
                "title": classes.legend_title,
                "scale": {"domain": domain, "range": colours},
                "legend": {"orient": "right", "symbolType": "square", "symbolStrokeColor": "#666"},
            },
            "tooltip": tooltip,
        },
    }
    hatch = {
        "data": {"values": _hatch_features(features)},
        "mark": {"type": "geoshape", "filled": False, "stroke": "#ffffff", "strokeWidth": 1},
        "encoding": {"tooltip": tooltip},
    }
    signs = {
        "data": {"values": [_sign_point(feature) for feature in features if feature["properties"]["secret"]]},
        "mark": {"type": "text", "fontSize": 18, "fontWeight": "bold", "color": "#000000", "dy": -4},
        "encoding": {
            "longitude": {"field": "lon", "type": "quantitative"},
            "latitude": {"field": "lat", "type": "quantitative"},
            "text": {"value": "."},
            "tooltip": [
                {"field": "properties.name", "title": "Stadtteil"},
                {"field": "properties.label", "title": "Wert"},
            ],
        },
    }
    return _spec(
        title,
        width=560,
        height=460,
        projection={"type": "mercator"},
        data={"values": {"type": "FeatureCollection", "features": features}, "format": {"property": "features"}},
        layer=[shapes, hatch, signs],
    )


def locator_map(geojson: Mapping[str, Any], code: str, title: str) -> dict[str, Any]:
    """The city's Stadtteile with one of them highlighted (Stadtteil profile)."""
    features = [
        {**feature, "properties": {**feature["properties"], "hier": feature["properties"]["stadtteil"] == code}}
        for feature in geojson["features"]
    ]
    return _spec(
        title,
        width=320,
        height=280,
        projection={"type": "mercator"},
        data={"values": {"type": "FeatureCollection", "features": features}, "format": {"property": "features"}},
        mark={"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.7},
        encoding={
            "color": {
                "condition": {"test": "datum.properties.hier", "value": HIGHLIGHT_FILL},
                "value": "#c9d3de",
            },
            "tooltip": [{"field": "properties.name", "title": "Stadtteil"}],
        },
    )


def _map_feature(feature: Mapping[str, Any], values: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    properties = dict(feature["properties"])
    found = values.get(str(properties["stadtteil"]))
    properties.update(found or {"klasse": "keine Daten", "label": "keine Daten", "value": None, "secret": False})
    return {"type": "Feature", "properties": properties, "geometry": feature["geometry"]}


def _hatch_features(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from bildungslandschaft.core.geo import hatch_lines

    return [
        {"type": "Feature", "properties": feature["properties"], "geometry": hatch_lines(feature["geometry"])}
        for feature in features
        if feature["properties"]["secret"]
    ]


def _sign_point(feature: Mapping[str, Any]) -> dict[str, Any]:
    from bildungslandschaft.core.geo import label_point

    lon, lat = label_point(feature["geometry"])
    return {"lon": lon, "lat": lat, "name": feature["properties"]["name"], "properties": feature["properties"]}
