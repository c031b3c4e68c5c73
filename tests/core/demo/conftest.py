"""One demo city per test session: built into a temporary folder and imported into DuckDB."""

from __future__ import annotations

from pathlib import Path

import ibis
import pytest
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.demo import DemoSummary, run_demo

SEED = 2023


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="session")
def demo_import(demo_dir: Path, catalog: Catalog) -> tuple[BaseBackend, DemoSummary]:
    con = ibis.duckdb.connect()
    return con, run_demo(con, catalog, demo_dir, SEED)


@pytest.fixture(scope="session")
def demo_store(demo_import: tuple[BaseBackend, DemoSummary]) -> BaseBackend:
    return demo_import[0]
