"""The disclosure gate prepared before the first request: in `bila serve` and under ``gunicorn --preload``."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bildungslandschaft.web import analytics


@pytest.mark.django_db
def test_prepared_gate_protects_nothing_more_for_any_page(portal: str) -> None:
    seen: list[tuple[str, int]] = []

    tables = analytics.prepare_disclosure(lambda dataset, count: seen.append((dataset, count)))

    assert tables == sum(count for _, count in seen) > 100
    assert [dataset for dataset, _ in seen] == analytics.confidential_datasets()
    spent = analytics.gate().seconds
    analytics.published("sen_rate", ("year", "stadtteil"))
    analytics.published("leavers_without_hsa_share", ("year", "school"))
    assert analytics.gate().seconds == spent, "a master table was protected on request"

    analytics.release()  # as before a fork: a new connection finds the same tables
    analytics.published("foreign_pupils_share", ("year", "stadtteil"))
    assert analytics.gate().seconds == 0.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=120) as response:
        return int(response.status)


def test_gunicorn_preload_serves_prepared_workers_and_stops_cleanly(tmp_path: Path, demo_db: str) -> None:
    """Workers forked after the preparation serve pages and exit at once (no solver or DuckDB thread crossed)."""
    store = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, store)
    port = _free_port()
    env = {
        **os.environ,
        "BILA_DB": f"duckdb://{store}?read_only=true",
        "BILA_SITE_DB": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "BILA_VAR": str(tmp_path / "var"),
        "BILA_PREPARE_DISCLOSURE": "1",
        "DJANGO_SETTINGS_MODULE": "bildungslandschaft.web.settings",
    }
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v0"], env=env, check=True, timeout=300)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                str(gunicorn),
                "--preload",
                "-w",
                "2",
                "--graceful-timeout",
                "20",
                "-b",
                f"127.0.0.1:{port}",
                "bildungslandschaft.web.wsgi",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 300
            while True:
                try:
                    _get(f"http://127.0.0.1:{port}/quellen/")
                    break
                except OSError:
                    assert server.poll() is None, log.read_text()
                    assert time.monotonic() < deadline, "gunicorn antwortet nicht"
                    time.sleep(0.5)
            statuses = [_get(f"http://127.0.0.1:{port}/indikatoren/sen_rate/") for _ in range(4)]
        finally:
            stopping = time.monotonic()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=120)
    text = log.read_text()
    assert statuses == [200] * 4
    assert "SIGABRT" not in text and "SIGKILL" not in text and "terminate called" not in text, text
    assert time.monotonic() - stopping < 15, f"workers hung at exit:\n{text}"
