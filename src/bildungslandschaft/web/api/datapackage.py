"""The open data as a Frictionless Tabular Data Package: one CSV resource per indicator download.

Plain functions (no Django): the caller passes which indicators may be listed and how to turn a
download into a URL, so the description and the endpoints cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from bildungslandschaft.core.catalog.model import Catalog, Indicator
from bildungslandschaft.core.downloads import LICENCE
from bildungslandschaft.core.labels import dimension_title
from bildungslandschaft.web.api.values import csv_header

#: Breakdowns offered as downloads: the time series, and the Stadtteile where the indicator has them.
DOWNLOAD_BREAKDOWNS: tuple[tuple[str, ...], ...] = (("year",), ("year", "stadtteil"))

UrlFor = Callable[[Indicator, tuple[str, ...]], str]


def downloads(indicator: Indicator) -> list[tuple[str, ...]]:
    """The breakdowns of an indicator offered for download."""
    return [by for by in DOWNLOAD_BREAKDOWNS if all(dim in indicator.breakdowns for dim in by)]


def resource_name(indicator: Indicator, by: tuple[str, ...]) -> str:
    return "-".join([indicator.id.replace("_", "-"), *(dim.replace("_", "-") for dim in by)])


def field_schema(catalog: Catalog, indicator: Indicator, by: tuple[str, ...]) -> dict[str, Any]:
    """Table Schema of the CSV of one download (same columns as ``values.csv_header``)."""
    descriptions = {
        "wert": f"{indicator.title} ({indicator.unit}); leer, wenn geheim zu halten",
        "zaehler": "Zähler: die Anzahl, aus der der Wert berechnet ist",
        "nenner": "Nenner (bei Anteilen und Quoten)",
        "status": "S = veröffentlicht, U = Mindestfallzahl unterschritten, M = gesperrt zum Schutz einer anderen Zelle",
        "zeichen": "Zeichen der amtlichen Statistik, „.“ = Zahlenwert unbekannt oder geheim zu halten",
    }
    fields: list[dict[str, Any]] = []
    for name in csv_header(by):
        if name in by:
            fields.append({"name": name, "type": "string", "description": f"{dimension_title(name)} (Schlüssel)"})
        elif name.endswith("_bezeichnung"):
            fields.append({"name": name, "type": "string", "description": "Bezeichnung des Schlüssels"})
        elif name in {"wert", "zaehler", "nenner"}:
            fields.append({"name": name, "type": "number", "description": descriptions[name]})
        else:
            fields.append({"name": name, "type": "string", "description": descriptions[name]})
    fields[csv_header(by).index("status")]["constraints"] = {"required": True, "enum": ["S", "U", "M"]}
    return {"fields": fields, "missingValues": [""]}


def resource(catalog: Catalog, indicator: Indicator, by: tuple[str, ...], url_for: UrlFor) -> dict[str, Any]:
    title = indicator.title + (" nach " + " und ".join(dimension_title(dim) for dim in by) if by else "")
    return {
        "name": resource_name(indicator, by),
        "title": title,
        "description": indicator.definition,
        "path": url_for(indicator, by),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "doubleQuote": True, "header": True},
        "schema": field_schema(catalog, indicator, by),
        "sources": [{"title": indicator.attribution or indicator.source}],
        "licenses": [LICENCE],
    }


def data_package(
    catalog: Catalog, indicators: Iterable[Indicator], url_for: UrlFor, homepage: str = ""
) -> dict[str, Any]:
    """The ``datapackage.json`` listing every download of the given indicators."""
    resources = [resource(catalog, indicator, by, url_for) for indicator in indicators for by in downloads(indicator)]
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "bildungslandschaft-indikatoren",
        "title": "Bildungslandschaft – Indikatoren des kommunalen Bildungsmonitorings",
        "description": (
            "Alle veröffentlichten Indikatoren als CSV (Komma als Trennzeichen, Dezimalpunkt, UTF-8). "
            "Kleine Fallzahlen sind geheim gehalten (Wert leer, Zeichen „.“)."
        ),
        "version": catalog.version,
        "licenses": [LICENCE],
        "resources": resources,
    }
    if homepage:
        package["homepage"] = homepage
    return package
