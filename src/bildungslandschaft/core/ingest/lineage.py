"""Lineage: one record per import (file hash, time, user, rows read and rejected)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import ibis
import ibis.expr.datatypes as dt
import pyarrow as pa
from ibis.backends import BaseBackend

IMPORTS_TABLE = "bila_imports"
ACTIVE = "aktiv"
SUPERSEDED = "ersetzt"

IMPORTS_SCHEMA = ibis.schema(
    {
        "import_id": dt.int64,
        "dataset": dt.string,
        "source_key": dt.string,
        "file_name": dt.string,
        "sha256": dt.string,
        "format": dt.string,
        "encoding": dt.string,
        "imported_at": dt.string,
        "user": dt.string,
        "rows_read": dt.int64,
        "cells_imported": dt.int64,
        "rows_rejected": dt.int64,
        "rejections": dt.string,
        "catalog_version": dt.string,
        "status": dt.string,
        "superseded_by": dt.int64,
    }
)


@dataclass(frozen=True)
class ImportRecord:
    """What the store remembers about one import."""

    import_id: int
    dataset: str
    source_key: str
    file_name: str
    sha256: str
    format: str
    encoding: str
    imported_at: str
    user: str
    rows_read: int
    cells_imported: int
    rows_rejected: int
    rejections: str
    catalog_version: str
    status: str = ACTIVE
    superseded_by: int | None = None

    def rejection_list(self) -> list[dict[str, object]]:
        loaded: list[dict[str, object]] = json.loads(self.rejections or "[]")
        return loaded

    def to_arrow(self) -> pa.Table:
        row = asdict(self)
        return pa.Table.from_pylist([row], schema=IMPORTS_SCHEMA.to_pyarrow())


def ensure_imports_table(con: BaseBackend) -> None:
    """Create the lineage table on first use."""
    if IMPORTS_TABLE not in con.list_tables():
        con.create_table(IMPORTS_TABLE, schema=IMPORTS_SCHEMA)


def list_imports(con: BaseBackend) -> list[ImportRecord]:
    """All imports, newest first."""
    if IMPORTS_TABLE not in con.list_tables():
        return []
    table = con.table(IMPORTS_TABLE).order_by(ibis.desc("import_id"))
    return [ImportRecord(**row) for row in table.to_pyarrow().to_pylist()]
