"""Reader for Regionalstatistik / GENESIS tables as downloaded (CSV, Windows-1252).

Layout of such a file: a title block (table code, wrapped title lines), stacked column
headers (rows whose first field is empty), data rows (time; region key; region name;
further row labels; values), then a line ``__________`` followed by footnotes, the
licence and the "Stand" line. Footnote lines can look like data, so nothing after the
separator is read as data.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from bildungslandschaft.core.catalog.model import normalise_label
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.records import RawCell, RawTable
from bildungslandschaft.core.ingest.text import decode

FOOTER_SEPARATOR = "__________"
TABLE_CODE = re.compile(r"^(?:GENESIS-)?Tabelle:\s*(?P<code>[0-9A-Za-z][0-9A-Za-z\-_.]*)\s*$")
TIME = re.compile(r"^(?:\d{2}\.\d{2}\.)?(?P<year>\d{4})(?:/\d{2,4})?$")
IGNORED = "-"


@dataclass(frozen=True)
class GenesisFile:
    """The structure of a GENESIS CSV before mapping to a dataset."""

    table_code: str
    title: str
    headers: list[str]  # one joined header path per value column
    rows: list[tuple[int, list[str]]]  # (line, fields)
    encoding: str
    label_columns: int


def looks_like_genesis(data: bytes) -> bool:
    """True if the file starts like a GENESIS table download."""
    head = data[:200].decode("latin-1", errors="replace").lstrip("\ufeff")
    first = head.split("\n", 1)[0].split(";", 1)[0].strip()
    return TABLE_CODE.match(first) is not None


def table_code_of(path: Path, data: bytes) -> str:
    """The GENESIS table code named in the first line."""
    text, _ = decode(path, data)
    first = text.split("\n", 1)[0].split(";", 1)[0].strip().lstrip("\ufeff")
    match = TABLE_CODE.match(first)
    if match is None:
        raise ImportFailed(path, "erste Zeile nennt keine Tabelle (erwartet 'GENESIS-Tabelle: <Code>')", 1)
    return match.group("code")


def parse_genesis(path: Path, data: bytes) -> GenesisFile:
    """Split a GENESIS CSV into title, column headers and data rows."""
    text, encoding = decode(path, data)
    reader = csv.reader(text.split("\n"), delimiter=";", quotechar='"')
    code = table_code_of(path, data)
    title: list[str] = []
    header_rows: list[list[str]] = []
    rows: list[tuple[int, list[str]]] = []
    finished = False
    for fields in reader:
        line = reader.line_num
        first = fields[0].strip() if fields else ""
        if first.startswith(FOOTER_SEPARATOR):
            finished = True
            break
        if line == 1 or not any(field.strip() for field in fields):
            continue
        if rows or TIME.match(first):
            rows.append((line, fields))
        elif first == "":
            header_rows.append(fields)
        elif header_rows:
            raise ImportFailed(path, f"unerwartete Zeile zwischen Kopf und Daten: {first!r} ist keine Zeitangabe", line)
        else:
            title.append(" ".join(field for field in fields if field.strip()))
    if not finished:
        raise ImportFailed(
            path, f"Datei unvollständig: Trennlinie '{FOOTER_SEPARATOR}' vor den Fußnoten fehlt (abgeschnitten?)"
        )
    if not header_rows:
        raise ImportFailed(path, "keine Spaltenköpfe gefunden")
    if not rows:
        raise ImportFailed(path, "keine Datenzeilen gefunden")
    return _structure(path, code, " ".join(title), header_rows, rows, encoding)


def _structure(
    path: Path,
    code: str,
    title: str,
    header_rows: list[list[str]],
    rows: list[tuple[int, list[str]]],
    encoding: str,
) -> GenesisFile:
    width = max(len(row) for row in header_rows)
    label_columns = next(
        (index for index in range(width) if any(index < len(row) and row[index].strip() for row in header_rows)),
        width,
    )
    headers = [
        " > ".join(row[index].strip() for row in header_rows if index < len(row) and row[index].strip())
        for index in range(label_columns, width)
    ]
    for line, fields in rows:
        if len(fields) != width:
            raise ImportFailed(path, f"erwartet {width} Felder je Zeile, gefunden {len(fields)}", line)
    return GenesisFile(code, title, headers, rows, encoding, label_columns)


def _header_matches(header: str, pattern: str) -> bool:
    parts = [normalise_label(part) for part in header.split(" > ")]
    wanted = [normalise_label(part) for part in pattern.split(">")]
    return len(wanted) <= len(parts) and parts[len(parts) - len(wanted) :] == wanted


def _column_map(path: Path, parsed: GenesisFile, spec: dict[str, object]) -> list[dict[str, str]]:
    columns = spec.get("columns")
    if not isinstance(columns, list):
        raise ImportFailed(path, "Zuordnung ohne 'columns'")
    mapped: list[dict[str, str]] = []
    for header in parsed.headers:
        hits = [entry for entry in columns if _header_matches(header, str(entry["header"]))]
        if len(hits) != 1:
            problem = "unbekannte Spalte" if not hits else "mehrdeutige Spalte"
            raise ImportFailed(path, f"{problem} {header!r} in Tabelle {parsed.table_code}")
        mapped.append({str(key): str(value) for key, value in dict(hits[0]["cell"]).items()})
    return mapped


def read_genesis(path: Path, data: bytes, spec: dict[str, object]) -> RawTable:
    """Read a GENESIS CSV and assign every value cell its coordinates per ``spec``."""
    parsed = parse_genesis(path, data)
    row_dims = [str(dim) for dim in list(spec.get("rows", []))]  # type: ignore[call-overload]
    if len(row_dims) != parsed.label_columns:
        raise ImportFailed(
            path,
            f"erwartet {len(row_dims)} Beschriftungsspalten ({', '.join(row_dims)}), gefunden {parsed.label_columns}",
        )
    column_cells = _column_map(path, parsed, spec)
    cells: list[RawCell] = []
    for line, fields in parsed.rows:
        labels = {dim: _row_label(dim, fields[index]) for index, dim in enumerate(row_dims) if dim != IGNORED}
        for offset, coordinates in enumerate(column_cells):
            raw = fields[parsed.label_columns + offset]
            cells.append(RawCell(line, {**labels, **coordinates}, raw))
    return RawTable(parsed.table_code, parsed.title, parsed.encoding, cells, len(parsed.rows))


def _row_label(dimension: str, text: str) -> str:
    if dimension == "year":
        match = TIME.match(text.strip())
        return match.group("year") if match else text.strip()
    return text.strip()
