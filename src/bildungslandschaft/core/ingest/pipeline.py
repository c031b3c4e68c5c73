"""One import: detect the format, read, validate, resolve codes, write atomically with lineage."""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog, Dataset
from bildungslandschaft.core.ingest import ffcsv, genesis, guard, table
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.lineage import ImportRecord, list_imports
from bildungslandschaft.core.ingest.records import RawTable
from bildungslandschaft.core.ingest.resolve import Facts, derivations_from, resolve
from bildungslandschaft.core.ingest.text import decode
from bildungslandschaft.core.ingest.writer import next_import_id, write_atomically
from bildungslandschaft.core.settings import env_str


@dataclass(frozen=True)
class ImportOutcome:
    """The result of importing one file: its lineage record and whether anything changed."""

    record: ImportRecord
    changed: bool
    superseded: tuple[int, ...] = ()


def mapping_path_for(path: Path) -> Path:
    """Where the mapping file of a city table lives by convention: beside it."""
    return path.with_name(f"{path.stem}.mapping.yaml")


@dataclass(frozen=True)
class SourceRead:
    """A file read in its format, with what resolving its cells needs."""

    format: str
    dataset: Dataset
    table: RawTable
    spec: dict[str, Any]

    @property
    def zero_is_rounded(self) -> bool:
        # GENESIS writes a true zero as "-"; city tables write 0.
        return self.format != "table"


def read_source(path: Path, data: bytes, catalog: Catalog, mapping: Path | None) -> SourceRead:
    """Detect the format and read the file."""
    if not data.startswith(table.XLSX_MAGIC):
        decode(path, data)  # a wrong encoding is named as such, before format detection
    if genesis.looks_like_genesis(data):
        code = genesis.table_code_of(path, data)
        dataset, spec = _source_for(path, catalog, "genesis", code)
        return SourceRead("genesis", dataset, genesis.read_genesis(path, data, spec), spec)
    if ffcsv.looks_like_ffcsv(data):
        code = ffcsv.statistics_code_of(path, data)
        dataset, spec = _source_for(path, catalog, "ffcsv", code)
        return SourceRead("ffcsv", dataset, ffcsv.read_ffcsv(path, data, spec), spec)
    mapping_file = mapping or mapping_path_for(path)
    if not mapping_file.exists():
        raise ImportFailed(
            path,
            "Format nicht erkannt: weder GENESIS-Tabelle noch ffcsv, und keine Zuordnungsdatei "
            f"{mapping_file.name} (für Stadttabellen CSV/XLSX)",
        )
    spec = _load_mapping(mapping_file)
    named = catalog.datasets.get(str(spec.get("dataset")))
    if named is None:
        raise ImportFailed(mapping_file, f"unbekannter Datensatz {spec.get('dataset')!r}")
    return SourceRead("table", named, table.read_table(path, data, spec), spec)


def _source_for(path: Path, catalog: Catalog, fmt: str, code: str) -> tuple[Dataset, dict[str, Any]]:
    for dataset in catalog.datasets.values():
        for source in dataset.sources:
            if source.format == fmt and source.table == code:
                return dataset, dict(source.spec)
    raise ImportFailed(path, f"Tabelle {code} ist im Katalog keinem Datensatz zugeordnet ({fmt})")


def _load_mapping(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ImportFailed(path, f"Zuordnungsdatei ist kein gültiges YAML: {error}") from None
    if not isinstance(loaded, dict):
        raise ImportFailed(path, "Zuordnungsdatei: erwartet eine Zuordnung auf oberster Ebene")
    return loaded


def import_file(
    con: BaseBackend,
    catalog: Catalog,
    path: Path,
    *,
    mapping: Path | None = None,
    user: str | None = None,
) -> ImportOutcome:
    """Import one file; all or nothing. Re-importing the same file changes nothing."""
    data = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    source = read_source(path, data, catalog, mapping)
    existing = active_same_file(con, source.dataset.id, digest, catalog.version)
    if existing is not None:
        return ImportOutcome(existing, changed=False)
    facts = resolve_facts(path, source, catalog)
    record = _record(con, catalog, path, source, facts, digest, user)
    superseded = write_atomically(con, source.dataset, facts.to_arrow(record.import_id), record)
    return ImportOutcome(record, changed=True, superseded=superseded)


def resolve_facts(path: Path, source: SourceRead, catalog: Catalog) -> Facts:
    """Code the cells of a read file; a file without a single importable cell fails."""
    constants = {str(key): str(value) for key, value in dict(source.spec.get("constants", {})).items()}
    facts = resolve(
        path,
        source.table,
        source.dataset,
        catalog,
        constants=constants,
        zero_is_rounded=source.zero_is_rounded,
        derivations=derivations_from(source.spec),
    )
    if facts.row_count == 0:
        first = facts.rejections[0].reason if facts.rejections else "-"
        raise ImportFailed(path, f"keine Zeile importierbar; erste Ablehnung: {first}")
    return facts


def read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise ImportFailed(path, "Datei nicht gefunden")
    limits = guard.Limits.from_env()
    guard.check_size(path, path.stat().st_size, limits)
    data = path.read_bytes()
    guard.sniff(path, data, limits)  # type by content, zip bombs, encoding: before any reader runs
    return data


def active_same_file(con: BaseBackend, dataset_id: str, digest: str, catalog_version: str) -> ImportRecord | None:
    """The active import of exactly this file under this catalog version, if any.

    A changed catalog (e.g. a corrected mapping) re-reads the same file as a new version.
    """
    return next(
        (
            rec
            for rec in list_imports(con)
            if rec.dataset == dataset_id
            and rec.sha256 == digest
            and rec.status == "aktiv"
            and rec.catalog_version == catalog_version
        ),
        None,
    )


def _record(
    con: BaseBackend,
    catalog: Catalog,
    path: Path,
    source: SourceRead,
    facts: Facts,
    digest: str,
    user: str | None,
) -> ImportRecord:
    rejections = [{"line": item.line, "reason": item.reason} for item in facts.rejections]
    return ImportRecord(
        import_id=next_import_id(con),
        dataset=source.dataset.id,
        source_key=source.table.source_key,
        file_name=path.name,
        sha256=digest,
        format=source.format,
        encoding=source.table.encoding,
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        user=user or env_str("BILA_USER", _login()),
        rows_read=source.table.rows_read,
        cells_imported=facts.row_count,
        rows_rejected=len(rejections),
        rejections=json.dumps(rejections, ensure_ascii=False),
        catalog_version=catalog.version,
    )


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unbekannt"
