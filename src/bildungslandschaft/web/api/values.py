"""Published values as the API shows them: codes with labels, withheld cells as ``null`` with ``.``.

Plain functions over `Published` and the catalog (no Django): the JSON endpoint and the CSV
download of the open data use the same rows, so both always show the same cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bildungslandschaft.core.catalog.model import Catalog, Indicator
from bildungslandschaft.core.disclosure.publish import Published, PublishedCell
from bildungslandschaft.core.labels import code_label

DEFAULT_BY = ("year",)
#: More dimensions at once make tables nobody reads and cost the disclosure gate a lot of time.
MAX_BREAKDOWNS = 3


class BadRequest(ValueError):
    """A request the API cannot answer as asked (shown to the user as 400 with this message)."""


def parse_by(indicator: Indicator, text: str | None) -> tuple[str, ...]:
    """``by=year,stadtteil`` → ``("year", "stadtteil")``, checked against the allowed breakdowns."""
    if text is None or not text.strip():
        return tuple(dim for dim in DEFAULT_BY if dim in indicator.breakdowns)
    dims = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if len(dims) > MAX_BREAKDOWNS:
        raise BadRequest(f"Höchstens {MAX_BREAKDOWNS} Aufgliederungen auf einmal (z. B. by=year,stadtteil,geschlecht)")
    unknown = [dim for dim in dims if dim not in indicator.breakdowns]
    if unknown:
        raise BadRequest(
            f"Aufgliederung nach {', '.join(unknown)} ist für {indicator.id} nicht möglich "
            f"(erlaubt: {', '.join(indicator.breakdowns)})"
        )
    return dims


def parse_filters(indicator: Indicator, params: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Filters from query parameters named like dimensions (``year=2022,2023``); other names are ignored."""
    where: dict[str, tuple[str, ...]] = {}
    for dim in indicator.breakdowns:
        text = params.get(dim)
        if text is None or not text.strip():
            continue
        where[dim] = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    return where


def cell_row(catalog: Catalog, cell: PublishedCell) -> dict[str, Any]:
    """One published cell as the API shows it."""
    return {
        "schluessel": dict(cell.key),
        "bezeichnungen": {dim: code_label(dim, code, catalog) for dim, code in cell.key.items()},
        "wert": cell.value,
        "zaehler": cell.numerator,
        "nenner": cell.denominator,
        "status": str(cell.status),
        "zeichen": cell.flag,
    }


def values_document(catalog: Catalog, published: Published) -> dict[str, Any]:
    """The whole answer of ``/indikatoren/{id}/werte``."""
    indicator, provenance = published.indicator, published.provenance
    return {
        "indikator": indicator.id,
        "titel": indicator.title,
        "einheit": indicator.unit,
        "nachkommastellen": indicator.decimals,
        "aufgliederung": list(published.by),
        "filter": {dim: list(codes) for dim, codes in published.where.items()},
        "werte": [cell_row(catalog, cell) for cell in published.cells],
        "zeichenerklaerung": published.signs(),
        "mindestfallzahl": published.rules.min_count,
        "quelle": indicator.source,
        "namensnennung": indicator.attribution,
        "herkunft": {
            "datensaetze": list(provenance.datasets),
            "importe": list(provenance.import_ids),
            "katalogversion": provenance.catalog_version,
            "berechnet_am": provenance.computed_at,
        },
    }


def csv_header(by: Iterable[str]) -> list[str]:
    """Columns of the open-data CSV of a breakdown (described the same way in datapackage.json)."""
    dims = list(by)
    return [*dims, *(f"{dim}_bezeichnung" for dim in dims), "wert", "zaehler", "nenner", "status", "zeichen"]


def csv_rows(catalog: Catalog, published: Published) -> list[list[object]]:
    """The open-data CSV rows: machine-readable (decimal point, empty for withheld values)."""
    rows: list[list[object]] = []
    for cell in published.cells:
        codes = [cell.key[dim] for dim in published.by]
        labels = [code_label(dim, cell.key[dim], catalog) for dim in published.by]
        numbers = [_number(cell.value), _number(cell.numerator), _number(cell.denominator)]
        rows.append([*codes, *labels, *numbers, str(cell.status), cell.flag or ""])
    return rows


def _number(value: float | None) -> object:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value
