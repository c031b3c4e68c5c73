"""Golden SQL per indicator and backend: any change to the generated SQL is visible in review.

Regenerate after an intended change with ``BILA_UPDATE_GOLDEN=1 make test`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import ibis
import pytest

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.engine import compile_query
from bildungslandschaft.core.ingest.writer import fact_schema
from bildungslandschaft.core.result import Query

GOLDEN = Path(__file__).parent / "golden"
CATALOG = load_catalog()
DIALECTS = ("duckdb", "sqlite")


def unbound_tables() -> dict[str, ibis.Table]:
    tables = {}
    for dataset in CATALOG.datasets.values():
        if dataset.kind == "aggregate":
            tables[dataset.id] = ibis.table(fact_schema(dataset), name=dataset.table_name)
        else:
            schema = {dim.id: "int64" if dim.type == "int" else "string" for dim in dataset.dimensions}
            tables[dataset.id] = ibis.table(schema, name=dataset.table_name)
    return tables


def representative_query(indicator_id: str) -> Query:
    indicator = CATALOG.indicator(indicator_id)
    by = tuple(dim for dim in indicator.breakdowns if dim in {"year", "stadtteil"})[:2] or indicator.breakdowns[:1]
    return Query(indicator_id, by, {}, totals="stadtteil" in by)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("indicator_id", sorted(CATALOG.indicators))
def test_golden_sql(indicator_id: str, dialect: str) -> None:
    available = {ds for ds, d in CATALOG.datasets.items() if d.kind == "aggregate"}
    expression, _ = compile_query(CATALOG, unbound_tables(), representative_query(indicator_id), available)
    sql = ibis.to_sql(expression, dialect=dialect).strip() + "\n"
    path = GOLDEN / f"{indicator_id}.{dialect}.sql"
    if os.environ.get("BILA_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(sql, encoding="utf-8")
    assert path.exists(), f"golden file missing: run BILA_UPDATE_GOLDEN=1 pytest {__file__}"
    assert sql == path.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_an_indicator() -> None:
    expected = {f"{indicator}.{dialect}.sql" for indicator in CATALOG.indicators for dialect in DIALECTS}
    assert {path.name for path in GOLDEN.glob("*.sql")} == expected
