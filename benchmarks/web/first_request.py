"""First page views after a (re)start: gunicorn with and without preparing the disclosure gate, one run.

Starts gunicorn (``--preload``, 2 workers) over a copy of the demo store twice, alternately per round:
once with ``BILA_PREPARE_DISCLOSURE=1`` (the master tables are protected before the workers fork),
once without (each worker protects them on its first request). Reports the time until gunicorn
answers and the first four requests of an indicator page (both workers). See README.md.

Usage: .venv/bin/python benchmarks/web/first_request.py [--db var/demo.duckdb] [--rounds 2]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BIN, REPO, fetch, free_port, site_env, wait_until_up  # noqa: E402


def one_start(env: dict[str, str], page: str, prepare: bool) -> tuple[float, list[float]]:
    """Seconds until gunicorn answers, and the durations of the first four requests of ``page``."""
    port = free_port()
    command = [str(BIN / "gunicorn"), "--preload", "--workers=2", f"--bind=127.0.0.1:{port}", "--log-level=warning"]
    started = time.monotonic()
    process = subprocess.Popen(
        [*command, "bildungslandschaft.web.wsgi:application"],
        env={**env, "BILA_PREPARE_DISCLOSURE": "1" if prepare else "0"},
        cwd=REPO,
    )
    try:
        wait_until_up(port, process)
        ready = time.monotonic() - started
        durations = []
        for _ in range(4):
            begun = time.monotonic()
            fetch(port, page)
            durations.append(time.monotonic() - begun)
        return ready, durations
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="var/demo.duckdb")
    parser.add_argument("--indicator", default="sen_rate")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bila-first-request-"))
    store = work / "demo.duckdb"
    shutil.copy(REPO / args.db, store)
    env = site_env(store, work)
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v0"], env=env, check=True, cwd=REPO)
    page = f"/indikatoren/{args.indicator}/"
    results: dict[bool, list[tuple[float, list[float]]]] = {False: [], True: []}
    for _ in range(args.rounds):
        for prepare in (False, True):
            results[prepare].append(one_start(env, page, prepare))
    print(f"{page}, gunicorn --preload, 2 Worker, Median aus {args.rounds} Starts je Variante")
    print("| Variante | bis gunicorn antwortet | 1. Aufruf | 2. Aufruf | 3. Aufruf | 4. Aufruf |")
    print("|---|---:|---:|---:|---:|---:|")
    for prepare, label in ((False, "ohne Vorbereitung"), (True, "BILA_PREPARE_DISCLOSURE=1")):
        ready = statistics.median(r for r, _ in results[prepare])
        calls = [statistics.median(d[i] for _, d in results[prepare]) for i in range(4)]
        print(f"| {label} | {ready:.1f} s | " + " | ".join(f"{c:.2f} s" for c in calls) + " |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
