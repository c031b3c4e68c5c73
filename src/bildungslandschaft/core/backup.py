"""Backup of the analytics store: every table as Parquet, read in one transaction, plus a manifest.

The archive (tar.gz) holds ``manifest.json``, ``store/NNNN.parquet`` per table and the site
database written by the CLI (``cli_backup.py``). Restoring needs an empty target, so that a
restore never mixes two states. Works on every Ibis backend the platform supports.
"""

from __future__ import annotations

import hashlib
import json
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from ibis.backends import BaseBackend

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class BackupError(ValueError):
    """A backup cannot be written or restored; the message says why (German)."""


def dump_store(con: BaseBackend, folder: Path) -> dict[str, dict[str, Any]]:
    """Write every table of the store to ``folder/store``; return table → {file, rows}."""
    (folder / "store").mkdir(parents=True, exist_ok=True)
    tables: dict[str, dict[str, Any]] = {}
    transaction = con.name == "duckdb"  # one snapshot of all tables while an import may be running
    if transaction:
        con.raw_sql("BEGIN TRANSACTION")
    try:
        for index, name in enumerate(sorted(con.list_tables()), start=1):
            data = con.table(name).to_pyarrow()
            file = f"store/{index:04d}.parquet"
            pq.write_table(data, folder / file)
            tables[name] = {"file": file, "rows": data.num_rows}
    finally:
        if transaction:
            con.raw_sql("COMMIT")
    return tables


def load_store(con: BaseBackend, folder: Path, tables: Mapping[str, Mapping[str, Any]]) -> None:
    """Recreate the tables of a backup in an empty store."""
    existing = sorted(con.list_tables())
    if existing:
        raise BackupError(f"Zielspeicher ist nicht leer ({len(existing)} Tabellen, z. B. {existing[0]})")
    for name, entry in tables.items():
        data = pq.read_table(folder / str(entry["file"]))
        if data.num_rows != int(entry["rows"]):
            raise BackupError(f"Sicherung beschädigt: Tabelle {name} hat {data.num_rows} statt {entry['rows']} Zeilen")
        con.create_table(name, data)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_archive(archive: Path, folder: Path, manifest: dict[str, Any]) -> None:
    """Pack ``folder`` with its manifest (checksums of every file) into ``archive`` (tar.gz)."""
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.name != MANIFEST)
    manifest = {
        **manifest,
        "format": FORMAT_VERSION,
        "files": {str(path.relative_to(folder)): sha256_of(path) for path in files},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".part")
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(folder / MANIFEST, arcname=MANIFEST)
        for path in files:
            tar.add(path, arcname=str(path.relative_to(folder)))
    partial.replace(archive)  # a crash never leaves a half-written archive under the final name


def read_archive(archive: Path, folder: Path) -> dict[str, Any]:
    """Unpack ``archive`` into ``folder`` (no paths outside it) and check every file's checksum."""
    if not archive.is_file():
        raise BackupError(f"{archive}: Sicherungsdatei nicht gefunden")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{archive}: keine lesbare Sicherung ({error})") from None
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{archive}: keine Sicherung von Bildungslandschaft (manifest.json fehlt)")
    manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive}: Sicherungsformat {manifest.get('format')} wird nicht unterstützt")
    for name, expected in dict(manifest.get("files", {})).items():
        path = folder / name
        if not path.is_file() or sha256_of(path) != expected:
            raise BackupError(f"{archive}: Sicherung beschädigt, Prüfsumme von {name} stimmt nicht")
    return manifest
