"""`bila backup` / `bila restore`: both stores round-trip with equal table contents, into empty targets only."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import ibis
import pytest

BILA = [sys.executable, "-c", "from bildungslandschaft.cli import app; app()"]
ACCOUNTS_DEMO = "import django; django.setup(); from bildungslandschaft.web.accounts.demo import load; print(load())"


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env={**os.environ, **env}, check=False, timeout=300)


def site_tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as con:
        names = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def store_tables(path: Path) -> dict[str, list[dict[str, object]]]:
    con = ibis.duckdb.connect(str(path))
    try:
        return {name: sorted(con.table(name).to_pyarrow().to_pylist(), key=repr) for name in sorted(con.list_tables())}
    finally:
        con.disconnect()


@pytest.fixture
def live(tmp_path: Path, demo_db: str) -> dict[str, str]:
    """A site database with the demo accounts and an audit log, and a copy of the demo city's store."""
    store = tmp_path / "live.duckdb"
    shutil.copy(demo_db, store)
    env = {
        "BILA_DB": str(store),
        "BILA_SITE_DB": f"sqlite:///{tmp_path / 'live.sqlite3'}",
        "BILA_VAR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "bildungslandschaft.web.settings",
    }
    assert run(env, *BILA, "serve", "--no-run").returncode == 0
    assert "Demokonten" in run(env, sys.executable, "-c", ACCOUNTS_DEMO).stdout
    return env


def test_backup_and_restore_round_trip_both_stores(live: dict[str, str], tmp_path: Path) -> None:
    live_site = Path(live["BILA_SITE_DB"].removeprefix("sqlite:///"))
    site_before, store_before = site_tables(live_site), store_tables(Path(live["BILA_DB"]))
    archive = tmp_path / "sicherung.tar.gz"
    made = run(live, *BILA, "backup", str(archive))
    assert made.returncode == 0, made.stderr

    new_site, new_store = tmp_path / "neu.sqlite3", tmp_path / "neu.duckdb"
    restored = run(live, *BILA, "restore", str(archive), "--db", str(new_store), "--site-db", f"sqlite:///{new_site}")
    assert restored.returncode == 0, restored.stderr

    assert store_tables(new_store) == store_before
    assert site_tables(new_site) == site_before
    assert len(site_before["auth_user"]) >= 4
    audit = site_tables(live_site)["bila_accounts_auditevent"]
    assert [row for row in audit if "bila backup" in str(row)] != []  # the backup itself is in the audit log


def test_restore_refuses_a_store_that_is_not_empty(live: dict[str, str], tmp_path: Path) -> None:
    archive = tmp_path / "sicherung.tar.gz"
    assert run(live, *BILA, "backup", str(archive)).returncode == 0
    refused = run(live, *BILA, "restore", str(archive), "--site-db", f"sqlite:///{tmp_path / 'leer.sqlite3'}")
    assert refused.returncode == 1
    assert "nicht leer" in refused.stderr


def test_damaged_archive_is_refused_with_a_clear_message(live: dict[str, str], tmp_path: Path) -> None:
    archive = tmp_path / "kaputt.tar.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00 kaputt")
    refused = run(
        live,
        *BILA,
        "restore",
        str(archive),
        "--db",
        str(tmp_path / "n.duckdb"),
        "--site-db",
        f"sqlite:///{tmp_path / 'n.sqlite3'}",
    )
    assert refused.returncode == 1
    assert "keine lesbare Sicherung" in refused.stderr
