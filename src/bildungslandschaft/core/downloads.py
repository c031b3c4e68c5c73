"""Published → downloadable files: CSV (German Excel), XLSX, JSON and a Frictionless ``datapackage.json``.

CSV follows what German spreadsheet users open without an import dialog: ``;`` as separator,
decimal comma, UTF-8 with BOM, CRLF. Every text cell passes `neutralise` (no formula injection).
Values are rounded to one decimal more than the page shows; counts stay whole numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bildungslandschaft.core.disclosure.publish import LEGEND, Published, PublishedCell
from bildungslandschaft.core.labels import code_label, dimension_title
from bildungslandschaft.core.spreadsheet import neutralise

LICENCE = {
    "name": "dl-de-by-2.0",
    "path": "https://www.govdata.de/dl-de/by-2-0",
    "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
}
VALUE_COLUMNS = ("Wert", "Zeichen", "Zähler", "Nenner", "Einheit")
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


@dataclass(frozen=True)
class Column:
    """One column of a download: its header, its Frictionless type and description."""

    name: str
    type: str
    description: str


def columns(published: Published) -> list[Column]:
    found = []
    for dim in published.by:
        title = dimension_title(dim)
        if dim == "year":
            found.append(Column(title, "string", "Jahr (Schuljahr: Jahr des Beginns)"))
            continue
        found.append(Column(title, "string", f"{title} (Bezeichnung; „Insgesamt“ ist die Summe)"))
        found.append(Column(f"{title} (Schlüssel)", "string", f"Schlüssel aus der Klassifikation {dim}"))
    indicator = published.indicator
    return [
        *found,
        Column("Wert", "number", f"{indicator.title} in {indicator.unit}; leer, wenn geheim gehalten"),
        Column("Zeichen", "string", "Zeichen der amtlichen Statistik, siehe Zeichenerklärung"),
        Column("Zähler", "number", "gezählte Fälle (Zähler des Indikators)"),
        Column("Nenner", "number", "Bezugsgröße (Nenner des Indikators), leer bei Anzahlen"),
        Column("Einheit", "string", "Einheit des Werts"),
    ]


def records(published: Published) -> Iterator[list[object]]:
    """One list per cell in column order; numbers as numbers, withheld values as None."""
    for cell in published.cells:
        yield [*_key_values(published, cell), *_value_values(published, cell)]


def _key_values(published: Published, cell: PublishedCell) -> list[object]:
    found: list[object] = []
    for dim in published.by:
        code = str(cell.key[dim])
        found.append(code if dim == "year" else code_label(dim, code))
        if dim != "year":
            found.append(code)
    return found


def _value_values(published: Published, cell: PublishedCell) -> list[object]:
    digits = published.indicator.decimals + 1
    value = None if cell.value is None else round(cell.value, digits)
    return [value, cell.flag or "", _count(cell.numerator), _count(cell.denominator), published.indicator.unit]


def _count(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == int(value) else value


def german_number(value: object) -> object:
    """``11.5`` → ``11,5`` for the CSV; text passes through."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return str(value).replace(".", ",")


def to_csv(published: Published) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(column.name) for column in columns(published)])
    for record in records(published):
        writer.writerow([german_number(neutralise(value)) if value is not None else "" for value in record])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(published: Published) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Daten"
    sheet.append([column.name for column in columns(published)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records(published):
        sheet.append([neutralise(value) for value in record])
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("Erläuterungen")
    for line in explanation(published):
        notes.append([neutralise(text) for text in line])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def explanation(published: Published) -> list[tuple[str, str]]:
    """Title, definition, source, licence and the legend of signs (the XLSX notes sheet)."""
    indicator = published.indicator
    lines = [
        ("Indikator", indicator.title),
        ("Definition", indicator.definition),
        ("Einheit", indicator.unit),
        ("Quelle", indicator.source),
        ("Namensnennung", indicator.attribution),
        ("Lizenz", f"{LICENCE['title']} ({LICENCE['path']})"),
        ("Stand", published.provenance.computed_at),
        ("Geheimhaltung", f"Werte aus weniger als {published.rules.min_count} Fällen werden nicht veröffentlicht."),
    ]
    lines += [(f"Zeichen {sign}", text) for sign, text in LEGEND.items()]
    return lines


def to_json(published: Published) -> bytes:
    indicator = published.indicator
    names = [column.name for column in columns(published)]
    document = {
        "indikator": {"id": indicator.id, "titel": indicator.title, "einheit": indicator.unit},
        "definition": indicator.definition,
        "quelle": indicator.source,
        "namensnennung": indicator.attribution,
        "lizenz": LICENCE,
        "zeichen": dict(LEGEND),
        "gliederung": list(published.by),
        "filter": {dim: list(codes) for dim, codes in published.where.items()},
        "stand": published.provenance.computed_at,
        "daten": [dict(zip(names, record, strict=True)) for record in records(published)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def render(published: Published, fmt: str) -> bytes:
    """The file in one of `FORMATS` (``csv``, ``xlsx``, ``json``)."""
    renderers = {"csv": to_csv, "xlsx": to_xlsx, "json": to_json}
    if fmt not in renderers:
        raise ValueError(f"unbekanntes Format {fmt!r} (erlaubt: {', '.join(renderers)})")
    return renderers[fmt](published)


def datapackage(published: Published, name: str, paths: dict[str, str]) -> dict[str, Any]:
    """A Frictionless Data Package describing the downloads (``paths``: format → URL or file name)."""
    indicator = published.indicator
    fields = [{"name": c.name, "type": c.type, "description": c.description} for c in columns(published)]
    resources = []
    for fmt, path in paths.items():
        mediatype, extension = FORMATS[fmt]
        resource: dict[str, Any] = {
            "name": f"{name}-{extension}",
            "path": path,
            "format": extension,
            "mediatype": mediatype.split(";")[0],
            "schema": {"fields": fields, "missingValues": [""]},
        }
        if fmt == "csv":
            resource["encoding"] = "utf-8-sig"
            resource["dialect"] = {"delimiter": ";", "lineTerminator": "\r\n", "header": True}
            resource["schema"]["fields"] = [
                {**field, "decimalChar": ","} if field["type"] == "number" else field for field in fields
            ]
        resources.append(resource)
    return {
        "profile": "data-package",
        "name": name,
        "title": indicator.title,
        "description": f"{indicator.definition} {indicator.interpretation}".strip(),
        "keywords": [indicator.topic, indicator.area],
        "licenses": [LICENCE],
        "sources": [{"title": indicator.attribution}, {"title": indicator.source}],
        "created": published.provenance.computed_at,
        "version": published.provenance.catalog_version,
        "resources": resources,
    }
