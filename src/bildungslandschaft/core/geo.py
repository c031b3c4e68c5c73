"""The Stadtteil polygons for maps: the shipped OpenStreetMap boundaries, keyed by the catalog's codes.

Polygons are simplified (about 10 m) and rounded to keep pages small, and oriented clockwise as
d3-geo (Vega) expects for spherical polygons. Licence: ODbL, "© OpenStreetMap-Mitwirkende".
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from bildungslandschaft.core.demo.geo import STADTTEILE_FILE, data_file, stadtteil_code

#: Attribution to show wherever the polygons are drawn (ODbL 1.0).
ATTRIBUTION = "Stadtteilgrenzen © OpenStreetMap-Mitwirkende, Open Database License (ODbL) 1.0"
LICENCE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
TOLERANCE = 0.0001  # degrees, about 7 m east-west and 11 m north-south here
DIGITS = 5
HATCH_SPACING = 0.0025  # degrees between hatch lines of withheld Stadtteile


def stadtteil_geojson() -> dict[str, Any]:
    """FeatureCollection of the 40 Stadtteile with properties ``stadtteil`` (catalog code) and ``name``."""
    return dict(json.loads(_geojson_text()))


@lru_cache(maxsize=1)
def _geojson_text() -> str:
    from shapely.geometry import mapping, shape

    raw = json.loads(data_file(STADTTEILE_FILE).read_text(encoding="utf-8"))
    features = []
    for feature in raw["features"]:
        name = str(feature["properties"]["name"])
        geometry = _clockwise(shape(feature["geometry"]).simplify(TOLERANCE, preserve_topology=True))
        features.append(
            {
                "type": "Feature",
                "properties": {"stadtteil": stadtteil_code(name), "name": name},
                "geometry": _rounded(mapping(geometry)),
            }
        )
    features.sort(key=lambda feature: feature["properties"]["name"])
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def _clockwise(geometry: Any) -> Any:
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.geometry.polygon import orient

    if isinstance(geometry, Polygon):
        return orient(geometry, sign=-1.0)
    return MultiPolygon([orient(part, sign=-1.0) for part in geometry.geoms])


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, DIGITS)
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


def hatch_lines(geometry: dict[str, Any], spacing: float = HATCH_SPACING) -> dict[str, Any]:
    """Diagonal hatch lines clipped to a polygon (GeoJSON geometry), to mark withheld areas."""
    from shapely.geometry import LineString, MultiLineString, mapping, shape

    area = shape(geometry)
    west, south, east, north = area.bounds
    lines = []
    offset = west - (north - south)
    while offset < east:
        lines.append(LineString([(offset, south), (offset + (north - south), north)]))
        offset += spacing
    clipped = MultiLineString(lines).intersection(area)
    return dict(_rounded(mapping(clipped)))


def label_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """A point inside the polygon (lon, lat) where a sign can be written."""
    from shapely.geometry import shape

    point = shape(geometry).representative_point()
    return round(point.x, DIGITS), round(point.y, DIGITS)


def stadtteil_names() -> dict[str, str]:
    """Catalog code → name of every Stadtteil with a polygon."""
    return {f["properties"]["stadtteil"]: f["properties"]["name"] for f in stadtteil_geojson()["features"]}
