"""Read a count table from any CSV file: `;` or `,` separated, with or without margins."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bildungslandschaft.core.disclosure.table import TOTAL, CountTable, Dimension, Key, TableError

_INTEGRAL = re.compile(r"^\s*(\d+)(?:[.,]0*)?\s*$")


@dataclass(frozen=True)
class CsvTable:
    """A count table read from CSV, with the separator found in the file."""

    table: CountTable
    delimiter: str


def parse_hierarchy(spec: str) -> tuple[str, str, tuple[str, ...]]:
    """``"Schulart:GYM=G8+G9"`` → (dimension, parent, children)."""
    match = re.fullmatch(r"\s*([^:=]+):([^:=]+)=([^:=]+)\s*", spec)
    if not match:
        raise TableError(f"Hierarchie '{spec}' hat nicht die Form MERKMAL:OBERCODE=CODE1+CODE2")
    children = tuple(code.strip() for code in match[3].split("+") if code.strip())
    return match[1].strip(), match[2].strip(), children


def read_count_table(
    path: Path,
    dims: Sequence[str],
    count: str,
    total: str = TOTAL,
    hierarchies: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
) -> CsvTable:
    """Read the cells ``dims`` → ``count`` from a CSV file and complete them with margins.

    Rows whose code is ``total`` are margins and must agree with the cells. ``hierarchies`` maps a
    dimension to its parent → children codes (subtotals). Raises `TableError` in German.
    """
    text = _read_text(path)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise TableError(f"{path.name} ist leer")
    delimiter = _sniff(lines[0])
    rows = list(csv.DictReader(lines, delimiter=delimiter))
    header = [name.strip() for name in next(csv.reader(lines[:1], delimiter=delimiter))]
    for column in (*dims, count):
        if column not in header:
            raise TableError(f"Spalte '{column}' fehlt in {path.name}")
    cells: dict[Key, int] = {}
    codes: dict[str, dict[str, None]] = {dim: {} for dim in dims}
    for line, row in enumerate(rows, start=2):
        clean = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        key = tuple(clean[dim] for dim in dims)
        if key in cells:
            raise TableError(f"{path.name}, Zeile {line}: Zelle ({', '.join(key)}) kommt doppelt vor")
        cells[key] = _count(clean[count], path, line, count)
        for dim, code in zip(dims, key, strict=True):
            codes[dim][code] = None
    hierarchies = hierarchies or {}
    dimensions = [Dimension.hierarchical(dim, hierarchies.get(dim, {}), codes[dim], total) for dim in dims]
    return CsvTable(CountTable.from_cells(dimensions, cells), delimiter)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TableError(f"Datei {path} nicht gefunden") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # German office files are often Windows-1252
        return raw.decode("cp1252")


def _sniff(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in ";,\t"}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _count(text: str, path: Path, line: int, column: str) -> int:
    match = _INTEGRAL.match(text)
    if not match:
        raise TableError(f"{path.name}, Zeile {line}: '{text}' in Spalte '{column}' ist keine Anzahl")
    return int(match[1])
