"""Fuzz targets shared by the hypothesis tests (test_properties.py) and the atheris harness (fuzz/run.py).

Each target feeds bytes to one reader the way an import would: the GENESIS CSV reader, the
GENESIS flat-file reader, the city-table reader for CSV and for XLSX (each with the mapping of
a demo file), and the whole import into an in-memory store. Any input must give a successful
read or an ``ImportFailed`` whose message is German; anything else is a finding.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ibis
import yaml

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.demo import build_demo
from bildungslandschaft.core.ingest import ffcsv, genesis, guard, table
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.pipeline import import_file

SEED_LINES = 15
#: Words of which a German error message holds at least one (a crude but honest check).
GERMAN = re.compile(
    r"\b(Datei|Zeile|Zeilen|erwartet|fehlt|fehlen|nicht|keine?|unbekannte?|Kodierung|Spalten?|Tabelle|Format|"
    r"Wert|leer|gefunden|Felder|abgelehnt|Kopf|Code|Zuordnung|unvollständig|Jahr|ungültig|doppelt|enthält|"
    r"lesbar|Datensatz|Merkmal|Einheit|Zelle|Kennung|zu groß)\b"
)


@dataclass(frozen=True)
class Target:
    """One reader with the file name and spec of its seed."""

    name: str
    file_name: str
    seed: bytes
    run: Callable[[Path, bytes], object]


def _spec(catalog: Catalog, fmt: str, code: str) -> dict[str, Any]:
    for dataset in catalog.datasets.values():
        for source in dataset.sources:
            if source.format == fmt and source.table == code:
                return dict(source.spec)
    raise LookupError(f"no {fmt} source {code} in the catalog")


def _head(data: bytes, lines: int = SEED_LINES) -> bytes:
    return b"\n".join(data.split(b"\n")[:lines]) + b"\n"


def _small_xlsx(data: bytes, sheet: str) -> bytes:
    from openpyxl import Workbook, load_workbook

    source = load_workbook(io.BytesIO(data), read_only=True)
    rows = list(source[sheet].iter_rows(values_only=True))[:SEED_LINES]
    source.close()
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def demo_files() -> dict[str, bytes]:
    """The demo city's source files (built once per process into a temporary folder)."""
    folder = Path(tempfile.mkdtemp(prefix="bila-fuzz-seeds-"))
    build_demo(folder)
    return {path.name: path.read_bytes() for path in folder.iterdir()}


@lru_cache(maxsize=1)
def targets() -> dict[str, Target]:
    catalog = load_catalog()
    files = demo_files()
    pupils = yaml.safe_load(files["schueler_schulen.mapping.yaml"])
    leavers = yaml.safe_load(files["abgaenge_schulen.mapping.yaml"])
    genesis_spec = _spec(catalog, "genesis", "21111-02-06-4")
    ffcsv_spec = _spec(catalog, "ffcsv", "12411-02-03-4")
    found = [
        Target(
            "genesis",
            "21111-02-06-4.csv",
            files["21111-02-06-4.csv"],
            lambda path, data: genesis.read_genesis(path, data, genesis_spec),
        ),
        Target(
            "ffcsv",
            "12411-02-03-4_flat.csv",
            _head(files["12411-02-03-4_flat.csv"]),
            lambda path, data: ffcsv.read_ffcsv(path, data, ffcsv_spec),
        ),
        Target(
            "table_csv",
            "schueler_schulen.csv",
            _head(files["schueler_schulen.csv"]),
            lambda path, data: table.read_table(path, data, pupils),
        ),
        Target(
            "table_xlsx",
            "abgaenge_schulen.xlsx",
            _small_xlsx(files["abgaenge_schulen.xlsx"], leavers["sheet"]),
            lambda path, data: table.read_table(path, data, leavers),
        ),
    ]
    return {target.name: target for target in found}


def mutate(seed: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for kind, where, chunk in edits:
        at = where % (len(data) + 1)
        if kind == "flip" and data:
            data[at % len(data)] ^= chunk[0] or 1
        elif kind == "insert":
            data[at:at] = chunk
        elif kind == "delete":
            del data[at : at + len(chunk)]
        elif kind == "cut":
            del data[at:]
    return bytes(data)


def run_reader(name: str, data: bytes) -> None:
    """Feed ``data`` to one reader behind the import guard; raise AssertionError on a finding."""
    target = targets()[name]
    path = Path(target.file_name)
    try:
        guard.sniff(path, data)
        target.run(path, data)
    except ImportFailed as error:
        check_message(error)


def run_import(name: str, data: bytes) -> None:
    """Import ``data`` under the seed's file name (with its mapping) into a fresh in-memory store."""
    target = targets()[name]
    with tempfile.TemporaryDirectory(prefix="bila-fuzz-") as folder:
        path = Path(folder) / target.file_name
        path.write_bytes(data)
        mapping = demo_files().get(f"{path.stem}.mapping.yaml")
        if mapping is not None:
            path.with_name(f"{path.stem}.mapping.yaml").write_bytes(mapping)
        try:
            import_file(ibis.duckdb.connect(), _catalog(), path, user="fuzz")
        except ImportFailed as error:
            check_message(error)


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    return load_catalog()


def check_message(error: ImportFailed) -> None:
    assert error.reason.strip(), f"empty message: {error!r}"
    assert GERMAN.search(error.reason), f"message does not look German: {error.reason!r}"
