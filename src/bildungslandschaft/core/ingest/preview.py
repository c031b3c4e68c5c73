"""Dry run of an import: what `import_file` would change, without writing anything.

The preview reads, validates and resolves the file exactly as the import does, then compares
its cells with the active version of the same source (the import it would supersede).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.ingest.lineage import ACTIVE, ImportRecord, list_imports
from bildungslandschaft.core.ingest.pipeline import active_same_file, read_bytes, read_source, resolve_facts
from bildungslandschaft.core.ingest.resolve import Rejection

CellKey = tuple[object, ...]
CellValue = tuple[object, object]


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do: dataset, rows read and rejected, cells new or changed."""

    file_name: str
    dataset: str
    dataset_title: str
    format: str
    encoding: str
    sha256: str
    rows_read: int
    rejections: tuple[Rejection, ...]
    cells: int
    cells_new: int
    cells_changed: int
    cells_unchanged: int
    cells_removed: int
    replaces: tuple[int, ...]
    already_imported: ImportRecord | None

    @property
    def changes_anything(self) -> bool:
        return self.already_imported is None


def preview_file(con: BaseBackend, catalog: Catalog, path: Path, *, mapping: Path | None = None) -> ImportPreview:
    """Dry run of `import_file`: raises the same `ImportFailed`, writes nothing."""
    data = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    source = read_source(path, data, catalog, mapping)
    facts = resolve_facts(path, source, catalog)
    replaces = active_versions(con, source.dataset.id, source.table.source_key)
    new = _cells(facts.to_arrow(0).to_pylist(), source.dataset.dimension_ids)
    old = _stored_cells(con, source.dataset.table_name, source.dataset.dimension_ids, replaces)
    common = new.keys() & old.keys()
    changed = sum(1 for key in common if not _same(new[key], old[key]))
    return ImportPreview(
        file_name=path.name,
        dataset=source.dataset.id,
        dataset_title=source.dataset.title,
        format=source.format,
        encoding=source.table.encoding,
        sha256=digest,
        rows_read=source.table.rows_read,
        rejections=tuple(facts.rejections),
        cells=facts.row_count,
        cells_new=len(new.keys() - old.keys()),
        cells_changed=changed,
        cells_unchanged=len(common) - changed,
        cells_removed=len(old.keys() - new.keys()),
        replaces=replaces,
        already_imported=active_same_file(con, source.dataset.id, digest, catalog.version),
    )


def active_versions(con: BaseBackend, dataset_id: str, source_key: str) -> tuple[int, ...]:
    """Ids of the active imports of this source (those a new import supersedes)."""
    return tuple(
        record.import_id
        for record in list_imports(con)
        if record.dataset == dataset_id and record.source_key == source_key and record.status == ACTIVE
    )


def _cells(rows: list[dict[str, object]], dims: tuple[str, ...]) -> dict[CellKey, CellValue]:
    return {(*(row[dim] for dim in dims), row["measure"]): (row["value"], row["flag"]) for row in rows}


def _stored_cells(
    con: BaseBackend, table_name: str, dims: tuple[str, ...], import_ids: tuple[int, ...]
) -> dict[CellKey, CellValue]:
    if not import_ids or table_name not in con.list_tables():
        return {}
    table = con.table(table_name)
    selected = table.filter(table.import_id.isin(list(import_ids))).select(*dims, "measure", "value", "flag")
    return _cells(selected.to_pyarrow().to_pylist(), dims)


def _same(new: CellValue, old: CellValue) -> bool:
    (new_value, new_flag), (old_value, old_flag) = new, old
    if new_flag != old_flag:
        return False
    if isinstance(new_value, int | float) and isinstance(old_value, int | float):
        return abs(new_value - old_value) < 1e-9
    return new_value == old_value
