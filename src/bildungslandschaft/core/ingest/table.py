"""Reader for city tables (XLSX or CSV) described by a small mapping file.

A mapping file (YAML) names the dataset, the columns that hold dimensions, constants
for dimensions the file does not hold (e.g. ``region: "15003"``) and the value columns,
each with the coordinates of its cells::

    dataset: pupils_school
    sheet: Schüler          # XLSX only; default: the first sheet
    dimensions: {Schuljahr: year, Schulnummer: school, Geschlecht: geschlecht}
    constants: {region: "15003"}
    values:
      Schüler:innen: {measure: pupils}
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.guard import XLSX_ERRORS
from bildungslandschaft.core.ingest.records import RawCell, RawTable
from bildungslandschaft.core.ingest.text import decode

XLSX_MAGIC = b"PK\x03\x04"


def read_table(path: Path, data: bytes, mapping: dict[str, Any]) -> RawTable:
    """Read a CSV or XLSX city table per its mapping."""
    rows: list[tuple[int, list[object]]]
    if data.startswith(XLSX_MAGIC):
        rows, encoding = _xlsx_rows(path, data, mapping.get("sheet")), "xlsx"
    else:
        text, encoding = decode(path, data, preferred="utf-8")
        rows = [(line, list(fields)) for line, fields in _csv_rows(text)]
    if not rows:
        raise ImportFailed(path, "Tabelle ist leer")
    header_line, header = rows[0]
    names = [str(name).strip() for name in header]
    dimensions: dict[str, str] = {str(k): str(v) for k, v in dict(mapping.get("dimensions", {})).items()}
    values: dict[str, dict[str, str]] = {
        str(k): {str(a): str(b) for a, b in dict(v).items()} for k, v in dict(mapping.get("values", {})).items()
    }
    _check_header(path, header_line, names, dimensions, values)
    cells: list[RawCell] = []
    for line, row in rows[1:]:
        if len(row) != len(names):
            raise ImportFailed(path, f"erwartet {len(names)} Felder, gefunden {len(row)}", line)
        record = dict(zip(names, (_text(value) for value in row), strict=True))
        labels = {dim: record[column] for column, dim in dimensions.items()}
        for column, coordinates in values.items():
            cells.append(RawCell(line, {**labels, **coordinates}, record[column]))
    return RawTable(str(mapping.get("source", path.stem)), path.name, encoding, cells, len(rows) - 1)


def _check_header(
    path: Path, line: int, names: list[str], dimensions: dict[str, str], values: dict[str, dict[str, str]]
) -> None:
    expected = set(dimensions) | set(values)
    missing = sorted(expected - set(names))
    if missing:
        raise ImportFailed(path, f"Spalten fehlen: {', '.join(missing)}", line)
    unknown = sorted(set(names) - expected)
    if unknown:
        raise ImportFailed(path, f"unbekannte Spalten: {', '.join(unknown)} (nicht in der Zuordnung)", line)


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(reader.line_num, row) for row in reader if any(field.strip() for field in row)]


def _xlsx_rows(path: Path, data: bytes, sheet: object) -> list[tuple[int, list[object]]]:
    from bildungslandschaft.core.ingest.xlsx import load_sheet

    try:
        return load_sheet(data, str(sheet) if sheet else None)
    except XLSX_ERRORS as error:
        raise ImportFailed(path, f"XLSX-Datei nicht lesbar: {error or type(error).__name__}") from None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return str(value).replace(".", ",")
    return str(value).strip()
