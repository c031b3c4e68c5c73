"""The real geography of the demo city: Magdeburg's 40 Stadtteile and their Zensus 2022 population.

Both inputs are real open data (see ``data/SOURCES.md``): the Stadtteil polygons from
OpenStreetMap (ODbL) and the Zensus 2022 population on the 100 m grid (dl-de/by-2-0).
The package ships the polygons and the *derived* Stadtteil totals; deriving them again
needs the grid file, which the package does not ship (tests read it from ``../shared``).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

DATA_PACKAGE = "bildungslandschaft.core.demo"
STADTTEILE_FILE = "stadtteile_osm.geojson"
POPULATION_FILE = "zensus2022_stadtteile.csv"

POPULATION_HEADER = (
    "# Einwohner:innen je Stadtteil (Magdeburg) am 15.05.2022, abgeleitet aus dem Zensus 2022,\n"
    "# Bevölkerung im 100-m-Gitter (Zellmittelpunkt im Stadtteil; Zellen außerhalb aller Stadtteile\n"
    "# zählen zum nächstgelegenen Stadtteil). Quelle: Zensus 2022, © Statistische Ämter des Bundes\n"
    "# und der Länder, dl-de/by-2-0; Stadtteilgrenzen © OpenStreetMap-Mitwirkende (ODbL).\n"
    "# Erzeugt mit bildungslandschaft.core.demo.geo.derive_stadtteil_population.\n"
)

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def stadtteil_code(name: str) -> str:
    """The catalog code of a Stadtteil: the slug of its name (``Neustädter See`` → ``neustaedter_see``)."""
    text = name.translate(_TRANSLITERATION).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = "".join(char if char.isalnum() else "_" for char in text)
    return "_".join(part for part in slug.split("_") if part)


def data_file(name: str) -> Path:
    """A file shipped in the package data folder."""
    return Path(str(resources.files(DATA_PACKAGE) / "data" / name))


def load_stadtteile(path: Path | None = None) -> dict[str, tuple[str, Any]]:
    """Stadtteil polygons (lon/lat) by code: code → (name, shapely geometry)."""
    from shapely.geometry import shape

    raw = json.loads((path or data_file(STADTTEILE_FILE)).read_text(encoding="utf-8"))
    result: dict[str, tuple[str, Any]] = {}
    for feature in raw["features"]:
        name = str(feature["properties"]["name"])
        result[stadtteil_code(name)] = (name, shape(feature["geometry"]))
    return dict(sorted(result.items()))


def derive_stadtteil_population(grid_path: Path, stadtteile_path: Path) -> dict[str, int]:
    """Zensus 2022 population per Stadtteil from the 100 m grid (EPSG:3035) by spatial join.

    Each grid cell counts, with its ``einwohner``, to the Stadtteil whose polygon contains
    the cell's centroid (reprojected to lon/lat with pyproj). Cells whose centroid falls in
    no Stadtteil (the grid extract crosses the city boundary) are assigned to the *nearest*
    Stadtteil polygon, so the Stadtteil totals add up to the grid total. Every Stadtteil
    appears in the result, with 0 if no cell falls into it.
    """
    from pyproj import Transformer
    from shapely import STRtree, points

    stadtteile = load_stadtteile(stadtteile_path)
    codes = list(stadtteile)
    geometries = [stadtteile[code][1] for code in codes]
    grid = json.loads(grid_path.read_text(encoding="utf-8"))
    eastings: list[float] = []
    northings: list[float] = []
    residents: list[int] = []
    for feature in grid["features"]:
        ring = feature["geometry"]["coordinates"][0]
        xs = [float(point[0]) for point in ring[:-1]]
        ys = [float(point[1]) for point in ring[:-1]]
        eastings.append(sum(xs) / len(xs))
        northings.append(sum(ys) / len(ys))
        value = feature["properties"].get("einwohner")
        residents.append(round(float(value)) if value is not None else 0)
    transformer = Transformer.from_crs("EPSG:3035", "OGC:CRS84", always_xy=True)
    lons, lats = transformer.transform(eastings, northings)
    centroids = points(list(lons), list(lats))
    tree = STRtree(geometries)
    inside_cells, inside_polygons = tree.query(centroids, predicate="within")
    owner: dict[int, int] = {}
    for cell, polygon in zip(inside_cells.tolist(), inside_polygons.tolist(), strict=True):
        owner.setdefault(int(cell), int(polygon))
    for cell in range(len(residents)):
        if cell not in owner:
            owner[cell] = int(tree.nearest(centroids[cell]))
    totals = dict.fromkeys(codes, 0)
    for cell, count in enumerate(residents):
        totals[codes[owner[cell]]] += count
    return totals


def population_csv(population: dict[str, int], names: dict[str, str]) -> str:
    """The shipped CSV text: header comment, then ``stadtteil,name,einwohner`` sorted by code."""
    buffer = io.StringIO()
    buffer.write(POPULATION_HEADER)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["stadtteil", "name", "einwohner"])
    for code in sorted(population):
        writer.writerow([code, names[code], population[code]])
    return buffer.getvalue()


def read_population_csv(path: Path | None = None) -> dict[str, int]:
    """The shipped Zensus 2022 population per Stadtteil (code → residents)."""
    text = (path or data_file(POPULATION_FILE)).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["stadtteil"]: int(row["einwohner"]) for row in csv.DictReader(lines)}
