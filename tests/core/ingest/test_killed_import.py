"""An import killed with SIGKILL while it writes leaves the store exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import ibis
import pytest

from bildungslandschaft.core.demo import build_demo

BILA = [sys.executable, "-c", "from bildungslandschaft.cli import app; app()"]
PUPILS = "schueler_schulen.csv"


def snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    con = ibis.duckdb.connect(str(path))
    try:
        return {name: sorted(con.table(name).to_pyarrow().to_pylist(), key=repr) for name in sorted(con.list_tables())}
    finally:
        con.disconnect()


def bigger(source: Path, copies: int) -> bytes:
    """The demo's pupils table with the schools repeated under new Schulnummern: same layout, more rows."""
    header, *rows = source.read_text(encoding="utf-8").splitlines()
    out = [header]
    for copy in range(copies):
        for row in rows:
            year, school, rest = row.split(";", 2)
            out.append(f"{year};{int(school) + 100000 * copy};{rest}")
    return ("\n".join(out) + "\n").encode("utf-8")


def run_bila(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BILA_DB": str(store)}
    return subprocess.run([*BILA, *args], capture_output=True, text=True, env=env, check=False, timeout=300)


@pytest.mark.slow
def test_import_killed_while_writing_leaves_the_store_unchanged(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    build_demo(demo)
    store = tmp_path / "store.duckdb"
    assert run_bila(store, "import", str(demo / PUPILS)).returncode == 0
    before = snapshot(store)
    big = tmp_path / "big" / PUPILS
    big.parent.mkdir()
    big.write_bytes(bigger(demo / PUPILS, copies=4))
    (big.parent / "schueler_schulen.mapping.yaml").write_bytes((demo / "schueler_schulen.mapping.yaml").read_bytes())
    wal = Path(f"{store}.wal")

    process = subprocess.Popen(
        [*BILA, "import", str(big)],
        env={**os.environ, "BILA_DB": str(store)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while process.poll() is None and not wal.exists():
        time.sleep(0.002)
    writing = wal.exists()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    assert writing, "the import ended before it wrote anything: make the file bigger"
    assert process.returncode == -signal.SIGKILL
    assert snapshot(store) == before
    # and the next import of the same file works as if nothing had happened
    assert run_bila(store, "import", str(big)).returncode == 0
    assert snapshot(store) != before
