"""Reader for the GENESIS flat file format (ffcsv): one value per line.

Columns: ``statistics_code; statistics_label; time_code; time_label; time;``
``N_variable_code; N_variable_label; N_variable_attribute_code; N_variable_attribute_label``
for each classifying variable N, then ``value; value_unit; value_variable_code;
value_variable_label`` and optionally ``value_q`` (quality flag). UTF-8, ``;``, decimal comma.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.records import RawCell, RawTable
from bildungslandschaft.core.ingest.text import decode

REQUIRED = ("statistics_code", "time", "value", "value_variable_code")
VARIABLE = re.compile(r"^(?P<n>\d+)_variable_code$")


def looks_like_ffcsv(data: bytes) -> bool:
    """True if the first line is an ffcsv header."""
    first = data[:300].decode("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0]
    return first.startswith("statistics_code;")


def statistics_code_of(path: Path, data: bytes) -> str:
    """The table (statistics) code of the first data line."""
    text, _ = decode(path, data, preferred="utf-8")
    rows = list(csv.reader(text.split("\n")[:2], delimiter=";"))
    if len(rows) < 2 or "statistics_code" not in rows[0]:
        raise ImportFailed(path, "keine Datenzeile nach dem Kopf der ffcsv-Datei", 2)
    return rows[1][rows[0].index("statistics_code")].strip()


def read_ffcsv(path: Path, data: bytes, spec: dict[str, object]) -> RawTable:
    """Read an ffcsv file, mapping variables and value variables per ``spec``."""
    text, encoding = decode(path, data, preferred="utf-8")
    reader = csv.reader(text.split("\n"), delimiter=";")
    header = [name.strip().lstrip("\ufeff") for name in next(reader, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFailed(path, f"Spalten fehlen im ffcsv-Kopf: {', '.join(missing)}", 1)
    variables = _mapping(spec, "variables")
    values = _mapping(spec, "values")
    position = {name: index for index, name in enumerate(header)}
    numbers = sorted(int(match.group("n")) for name in header if (match := VARIABLE.match(name)))
    unpaired = [f"{n}_variable_attribute_code" for n in numbers if f"{n}_variable_attribute_code" not in position]
    if unpaired:
        raise ImportFailed(path, f"Spalten fehlen im ffcsv-Kopf: {', '.join(unpaired)}", 1)
    cells: list[RawCell] = []
    code = ""
    rows = 0
    for fields in reader:
        if not any(field.strip() for field in fields):
            continue
        line = reader.line_num
        if len(fields) != len(header):
            raise ImportFailed(path, f"erwartet {len(header)} Felder, gefunden {len(fields)}", line)
        rows += 1
        code = fields[position["statistics_code"]].strip()
        coordinates = {"year": _year(path, fields[position["time"]], line)}
        for number in numbers:
            variable = fields[position[f"{number}_variable_code"]].strip()
            if variable not in variables:
                raise ImportFailed(path, f"unbekanntes Merkmal {variable!r} (Spalte {number}_variable_code)", line)
            attribute = fields[position[f"{number}_variable_attribute_code"]].strip()
            coordinates[variables[variable]] = attribute
        value_code = fields[position["value_variable_code"]].strip()
        if value_code not in values:
            raise ImportFailed(path, f"unbekannte Wertvariable {value_code!r}", line)
        coordinates["measure"] = values[value_code]
        raw = fields[position["value"]].strip()
        quality = fields[position["value_q"]].strip() if "value_q" in position else ""
        if quality and quality not in {"e", ""} and raw not in {"-", ".", "x", "/", "..."}:
            raw = f"{raw}{quality}" if quality in {"p", "r", "s"} else raw
        cells.append(RawCell(line, coordinates, raw))
    if rows == 0:
        raise ImportFailed(path, "keine Datenzeilen")
    return RawTable(code, code, encoding, cells, rows)


def _mapping(spec: dict[str, object], name: str) -> dict[str, str]:
    raw = spec.get(name, {})
    if not isinstance(raw, dict):
        return {}
    return {str(key): str(value) for key, value in raw.items()}


def _year(path: Path, text: str, line: int) -> str:
    match = re.search(r"(\d{4})", text)
    if match is None:
        raise ImportFailed(path, f"Zeitangabe {text!r} enthält kein Jahr", line)
    return match.group(1)
