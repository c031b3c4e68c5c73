"""Shared fixtures: the catalog, the real files in ../shared, fresh stores per backend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
