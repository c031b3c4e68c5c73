"""Shared fixtures: the catalog, the real files in ../shared, fresh stores per backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ibis
import pytest
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.model import Catalog

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REAL = SHARED / "data" / "real"
REGIONALSTATISTIK = REAL / "regionalstatistik"

BACKENDS: dict[str, Callable[[], BaseBackend]] = {
    "duckdb": ibis.duckdb.connect,
    "sqlite": ibis.sqlite.connect,
}


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def store() -> BaseBackend:
    """An empty in-memory DuckDB store."""
    return ibis.duckdb.connect()


@pytest.fixture(params=sorted(BACKENDS))
def any_store(request: pytest.FixtureRequest) -> BaseBackend:
    """An empty store on each Ibis backend the engine must support."""
    return BACKENDS[request.param]()


def real_file(name: str) -> Path:
    path = REGIONALSTATISTIK / name
    if not path.exists():
        pytest.fail(f"real data file missing: {path}")
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo city imported once per test session into its own DuckDB file (path returned)."""
    from bildungslandschaft.core.demo import run_demo
    from bildungslandschaft.core.store import connect

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.duckdb"
    con = connect(str(path))
    run_demo(con, load_catalog(), folder / "files")
    con.disconnect()
    return str(path)


@pytest.fixture
def portal(demo_db: str, settings: Any) -> Iterator[str]:
    """Point the portal at the demo store; results cached in one test do not leak into another."""
    from bildungslandschaft.web import analytics

    settings.BILA_ANALYTICS_DB = demo_db
    analytics.reset()
    yield demo_db
    analytics.reset()
