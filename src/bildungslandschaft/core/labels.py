"""Human-readable names of dimensions, codes and values for everything that renders a `Published`."""

from __future__ import annotations

from functools import lru_cache

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.model import TOTAL, Catalog, Classification, Indicator
from bildungslandschaft.core.formatting import format_number

#: Short German names of the dimensions (the classification titles are for the catalog reference).
DIMENSION_TITLES = {
    "year": "Jahr",
    "region": "Gebiet",
    "stadtteil": "Stadtteil",
    "school": "Schule",
    "schulart": "Schulart",
    "klassenstufe": "Klassenstufe",
    "geschlecht": "Geschlecht",
    "staatsangehoerigkeit": "Staatsangehörigkeit",
    "altersgruppe": "Altersgruppe",
    "abschluss": "Abschlussart",
    "foerderschwerpunkt": "Förderschwerpunkt",
}


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The shipped catalog, loaded once per process."""
    return load_catalog()


def classification_for(dim: str, catalog: Catalog | None = None) -> Classification | None:
    """The code list of a breakdown dimension (looked up through the datasets that have it)."""
    catalog = catalog or default_catalog()
    for dataset in catalog.datasets.values():
        dimension = dataset.dimension(dim)
        if dimension is not None:
            return catalog.classifications.get(dimension.classification)
    return None


def dimension_title(dim: str, catalog: Catalog | None = None) -> str:
    if dim in DIMENSION_TITLES:
        return DIMENSION_TITLES[dim]
    classification = classification_for(dim, catalog)
    return classification.title.split(" (")[0] if classification else dim


def code_label(dim: str, code: str, catalog: Catalog | None = None) -> str:
    """``stadtteil``/``neustaedter_see`` → ``Neustädter See``; totals read ``Insgesamt``."""
    if code == TOTAL:
        return "Stadt insgesamt" if dim == "stadtteil" else "Insgesamt"
    if dim == "year":
        return code
    classification = classification_for(dim, catalog)
    return classification.label_of(code) if classification else code


def code_order(dim: str, catalog: Catalog | None = None) -> list[str]:
    """The codes of a dimension in the order of its code list (charts and tables follow it)."""
    classification = classification_for(dim, catalog)
    return [entry.code for entry in classification.codes] if classification else []


def format_value(indicator: Indicator, value: float | None, flag: str | None = None) -> str:
    """A value as shown to people: ``11,7 %``, ``21.368``; withheld values show their sign."""
    text = format_number(value, indicator.decimals, flag)
    if value is not None and indicator.unit == "%":
        return text.replace(" ", " % ", 1) if flag and flag not in {"-", "0", "e"} else f"{text} %"
    return text


def unit_title(indicator: Indicator) -> str:
    """The unit as an axis or column title (``%`` reads ``Anteil in %``)."""
    return "Anteil in %" if indicator.unit == "%" else indicator.unit
