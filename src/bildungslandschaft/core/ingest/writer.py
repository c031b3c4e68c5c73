"""Write an import atomically: stage, then swap in one transaction.

Ibis has no transaction API, so the swap is a handful of portable SQL statements run
through the connection inside BEGIN/COMMIT; the staging tables are written by Ibis.
"""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt
import pyarrow as pa
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Dataset
from bildungslandschaft.core.ingest.lineage import (
    ACTIVE,
    IMPORTS_TABLE,
    SUPERSEDED,
    ImportRecord,
    ensure_imports_table,
)


def fact_schema(dataset: Dataset) -> ibis.Schema:
    """Column layout of a dataset's fact table in the store."""
    fields: dict[str, dt.DataType] = {
        dim.id: dt.int64 if dim.type == "int" else dt.string for dim in dataset.dimensions
    }
    fields.update(
        {"measure": dt.string, "value": dt.float64, "flag": dt.string, "source_line": dt.int64, "import_id": dt.int64}
    )
    return ibis.schema(fields)


def ensure_fact_table(con: BaseBackend, dataset: Dataset) -> None:
    """Create the fact table of a dataset on first use."""
    if dataset.table_name not in con.list_tables():
        con.create_table(dataset.table_name, schema=fact_schema(dataset))


def next_import_id(con: BaseBackend) -> int:
    """The id of the next import."""
    ensure_imports_table(con)
    current = con.table(IMPORTS_TABLE).import_id.max().to_pyarrow().as_py()
    return int(current or 0) + 1


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _superseded_ids(con: BaseBackend, record: ImportRecord) -> tuple[int, ...]:
    imports = con.table(IMPORTS_TABLE)
    same_source = imports.filter(
        (imports.dataset == record.dataset) & (imports.source_key == record.source_key) & (imports.status == ACTIVE)
    )
    return tuple(int(value) for value in same_source.import_id.to_pyarrow().to_pylist())


def write_atomically(con: BaseBackend, dataset: Dataset, facts: pa.Table, record: ImportRecord) -> tuple[int, ...]:
    """Insert the facts and their lineage; supersede older versions of the same source."""
    ensure_imports_table(con)
    ensure_fact_table(con, dataset)
    old = _superseded_ids(con, record)
    stage_facts = f"_stage_facts_{record.import_id}"
    stage_record = f"_stage_import_{record.import_id}"
    # temporary tables die with the connection: an import killed mid-way leaves no staging debris
    con.create_table(stage_facts, facts, overwrite=True, temp=True)
    con.create_table(stage_record, record.to_arrow(), overwrite=True, temp=True)
    fact_table, imports = _quoted(dataset.table_name), _quoted(IMPORTS_TABLE)
    columns = ", ".join(_quoted(name) for name in fact_schema(dataset).names)
    statements = [
        f"INSERT INTO {fact_table} ({columns}) SELECT {columns} FROM {_quoted(stage_facts)}",
        f"INSERT INTO {imports} SELECT * FROM {_quoted(stage_record)}",
    ]
    if old:
        ids = ", ".join(str(int(value)) for value in old)
        statements[:0] = [
            f"DELETE FROM {fact_table} WHERE import_id IN ({ids})",
            f"UPDATE {imports} SET status = '{SUPERSEDED}', superseded_by = {int(record.import_id)} "
            f"WHERE import_id IN ({ids})",
        ]
    try:
        _run_transaction(con, statements)
    finally:
        con.drop_table(stage_facts, force=True)
        con.drop_table(stage_record, force=True)
    return old


def _run_transaction(con: BaseBackend, statements: list[str]) -> None:
    con.raw_sql("BEGIN")
    try:
        for statement in statements:
            con.raw_sql(statement)
    except Exception:
        con.raw_sql("ROLLBACK")
        raise
    con.raw_sql("COMMIT")
