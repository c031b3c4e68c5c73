"""The Quellen und Lizenzen page: every attribution the portal owes, collected from the catalog."""

from __future__ import annotations

from bildungslandschaft.core.catalog.model import Catalog, Indicator
from bildungslandschaft.core.downloads import LICENCE
from bildungslandschaft.core.geo import ATTRIBUTION, LICENCE_URL

VENDORED = (("Vega, Vega-Lite, Vega-Embed, vega-interpreter", "BSD-3-Clause", "https://vega.github.io/"),)
ZENSUS = (
    "Zensus 2022, © Statistische Ämter des Bundes und der Länder, Datenlizenz Deutschland – Namensnennung – "
    "Version 2.0 (dl-de/by-2-0); Bevölkerung der Demostadt je Stadtteil aus dem 100-m-Gitter abgeleitet"
)


def attributions(catalog: Catalog) -> list[tuple[str, list[Indicator]]]:
    """Each distinct attribution with the indicators that carry it."""
    groups: dict[str, list[Indicator]] = {}
    for indicator in catalog.indicators.values():
        groups.setdefault(indicator.attribution, []).append(indicator)
    return sorted(groups.items())


def context(catalog: Catalog) -> dict[str, object]:
    return {
        "attributions": attributions(catalog),
        "datasets": sorted(catalog.datasets.values(), key=lambda dataset: dataset.title),
        "licence": LICENCE,
        "geo_attribution": ATTRIBUTION,
        "geo_licence_url": LICENCE_URL,
        "zensus": ZENSUS,
        "vendored": VENDORED,
    }
