"""The PostgreSQL path against a real server: the site database and the analytics store.

Needs ``BILA_TEST_POSTGRES`` (a server URL, e.g. ``postgres://bila@127.0.0.1:54329/postgres``;
``.ci/postgres.sh`` starts one). Each test creates its own database and drops it afterwards.
Without the variable the tests are skipped locally, and fail in CI (``CI`` set) or with
``BILA_REQUIRE_POSTGRES=1``, so that a missing server cannot pass unnoticed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import ibis
import pytest
from tests.conftest import REGIONALSTATISTIK

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.engine import QueryError, Workspace
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.result import Query

MAGDEBURG = "15003"


def server_url() -> str:
    url = os.environ.get("BILA_TEST_POSTGRES", "")
    if url:
        return url
    required = os.environ.get("CI", "").lower() not in {"", "0", "false"} or (
        os.environ.get("BILA_REQUIRE_POSTGRES") == "1"
    )
    message = (
        "BILA_TEST_POSTGRES ist nicht gesetzt: kein PostgreSQL-Server für die Integrationstests "
        "(starten Sie einen mit `source .ci/postgres.sh`)"
    )
    if required:
        pytest.fail(message)
    pytest.skip(message)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """URL of a new, empty database on the test server (dropped afterwards)."""
    import psycopg

    server = server_url()
    name = f"bila_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


SITE_SCRIPT = """
import json, django
django.setup()
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from bildungslandschaft.web.staff.visibility import is_public

client = Client()
answers = {"vendor": connection.vendor, "api": client.get("/api/indikatoren").status_code}
User.objects.create_superuser("ada", password="ein-langes-passwort-123")
answers["login"] = client.login(username="ada", password="ein-langes-passwort-123")
answers["hide"] = client.post("/intern/indikatoren/", {"indikator": "sen_rate", "oeffentlich": "0"}).status_code
answers["public_after_hide"] = is_public("sen_rate")
answers["hidden_in_api"] = client.get("/api/indikatoren/sen_rate").status_code
answers["imports_page"] = client.get("/intern/importe/").status_code
print(json.dumps(answers))
"""


def run_site(database: str, tmp_path: Path, demo_db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BILA_SITE_DB": database,
        "BILA_DB": demo_db,
        "BILA_VAR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "bildungslandschaft.web.settings",
    }
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_site_database_migrates_and_serves_requests_on_postgresql(
    fresh_database: str, tmp_path: Path, demo_db: str
) -> None:
    # a copy: this test process may hold the session's demo store open, and DuckDB lets one process write
    demo_db = str(shutil.copy(demo_db, tmp_path / "demo.duckdb"))
    migrate = run_site(fresh_database, tmp_path, demo_db, "-m", "django", "migrate", "--noinput")
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    run = run_site(fresh_database, tmp_path, demo_db, "-c", SITE_SCRIPT)
    assert run.returncode == 0, run.stderr[-2000:]
    answers = json.loads(run.stdout.strip().splitlines()[-1])
    assert answers == {
        "vendor": "postgresql",
        "api": 200,
        "login": True,
        "hide": 302,
        "public_after_hide": False,
        "hidden_in_api": 404,
        "imports_page": 200,
    }


def import_real_files(con: ibis.BaseBackend, catalog: Catalog) -> None:
    for path in sorted(REGIONALSTATISTIK.glob("*.csv")):
        import_file(con, catalog, path, user="test")


def magdeburg_results(con: ibis.BaseBackend, catalog: Catalog) -> dict[str, list[tuple[object, ...]]]:
    """Every indicator the real files allow, for Magdeburg by year: (key, value, counts, flag)."""
    space = Workspace(con, catalog)
    results: dict[str, list[tuple[object, ...]]] = {}
    for indicator in catalog.indicators.values():
        if "region" not in indicator.breakdowns:
            continue
        try:
            result = space.compute(Query(indicator.id, ("year", "region"), {"region": (MAGDEBURG,)}))
        except QueryError:
            continue
        results[indicator.id] = [
            (dict(cell.key), cell.value, cell.numerator, cell.denominator, cell.flag) for cell in result.cells
        ]
    return results


def test_analytics_store_on_postgresql_gives_the_duckdb_results(fresh_database: str, catalog: Catalog) -> None:
    postgres = ibis.connect(fresh_database)
    duckdb = ibis.duckdb.connect()
    try:
        import_real_files(postgres, catalog)
        import_real_files(duckdb, catalog)
        share = Workspace(postgres, catalog).compute(
            Query("leavers_without_hsa_share", ("year", "region"), {"region": (MAGDEBURG,), "year": ("2023",)})
        )
        cell = share.cell(year=2023, region=MAGDEBURG)
        assert (cell.numerator, cell.denominator) == (222, 1917)
        assert cell.value == pytest.approx(222 / 1917 * 100)
        on_postgres, on_duckdb = magdeburg_results(postgres, catalog), magdeburg_results(duckdb, catalog)
        assert len(on_postgres) >= 5
        assert on_postgres == on_duckdb
    finally:
        postgres.disconnect()
        duckdb.disconnect()


def test_reimport_on_postgresql_changes_nothing(fresh_database: str, catalog: Catalog) -> None:
    con = ibis.connect(fresh_database)
    try:
        path = REGIONALSTATISTIK / "21111-02-06-4.csv"
        first = import_file(con, catalog, path, user="test")
        again = import_file(con, catalog, path, user="test")
        assert first.changed and not again.changed
        assert again.record.import_id == first.record.import_id
    finally:
        con.disconnect()
