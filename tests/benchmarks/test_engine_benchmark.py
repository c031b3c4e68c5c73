"""Smoke test of benchmarks/engine: the three variants agree on ~20,000 synthetic rows.

A correctness test, not a timing test: the engine, hand-written pandas and hand-written DuckDB
SQL must give the same numbers for every indicator × breakdown of the benchmark workload.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks" / "engine" / "engine_bench.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("engine_bench_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _bench()


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    from bildungslandschaft.core.catalog.loader import load_catalog

    return load_catalog()


def test_workload_is_the_microdata_part_of_the_catalog(bench: ModuleType, catalog) -> None:  # type: ignore[no-untyped-def]
    jobs = bench.workload(catalog)
    indicators = {job.indicator for job in jobs}
    expected = {"pupils", "leavers", "leavers_without_hsa_share", "sen_rate", "inclusion_share", "repeaters_rate"}
    assert expected <= indicators
    assert "pupils_per_school" not in indicators  # its denominator (schools) is no microdata measure
    assert set(bench.SQL_TERMS) == indicators  # every indicator has its hand-written SQL
    assert ("year", "schulart") not in {job.by for job in jobs if job.indicator == "sen_rate"}  # not allowed


def test_generated_data_has_the_columns_of_the_dataset(bench: ModuleType, catalog) -> None:  # type: ignore[no-untyped-def]
    table = bench.generate(2_000, seed=1)
    assert table.column_names == list(catalog.datasets["pupils_micro"].dimension_ids)
    assert table.equals(bench.generate(2_000, seed=1))  # deterministic
    abschluss = set(table.column("abschluss").to_pylist())
    assert "kein_abgang" in abschluss and abschluss <= {"kein_abgang", *bench.LEAVER_CODES}
    stadtteile = {code.code for code in catalog.classifications["stadtteil"].codes}
    assert set(table.column("stadtteil").to_pylist()) <= stadtteile


def test_engine_pandas_and_sql_agree(bench: ModuleType, catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import ibis
    import pandas as pd

    from bildungslandschaft.core.engine import available_datasets

    parquet = bench.write_parquet(20_000, tmp_path, seed=7)
    database = tmp_path / "bench.duckdb"
    bench.load_duckdb(parquet, database)
    con = ibis.duckdb.connect(str(database))
    try:
        available = available_datasets(con, catalog)
        assert bench.DATASET in available
        jobs = bench.workload(catalog)
        df = pd.read_parquet(parquet)
        engine = bench.run_all(lambda job: bench.run_engine_job(con, catalog, job, available), jobs)
        sql = bench.run_all(lambda job: bench.run_sql_job(con.con, job), jobs)
        pandas = bench.run_all(lambda job: bench.run_pandas_job(df, job), jobs)
        cells = bench.compare(engine, sql, "sql")
        assert bench.compare(engine, pandas, "pandas") == cells
        assert cells > 1_000
        # the diagnostic rewrite of the generated SQL does not change a number either
        generated = {job: bench.compiled_sql(con, catalog, job, available) for job in jobs[:8]}
        for sql_text in generated.values():
            assert con.con.execute(sql_text).fetchall() == con.con.execute(bench.without_darunter(sql_text)).fetchall()
    finally:
        con.disconnect()
