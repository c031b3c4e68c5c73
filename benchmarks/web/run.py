"""Indicator page (dynamic, cached) vs the same page as a pre-rendered static file, same server, one run.

Serves the portal with gunicorn over the demo store, saves the rendered indicator page into the
static folder (served by WhiteNoise in the same gunicorn), then loads both URLs alternately with
``wrk`` (or the threaded Python load generator when wrk is missing). See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

from loadgen import run_load  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def site_env(db: Path, work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "BILA_DB": f"duckdb://{db}?read_only=true",  # read-only: every worker process opens the file
        "BILA_SITE_DB": f"sqlite:///{work / 'site.sqlite3'}",
        "BILA_VAR": str(work / "var"),
        "BILA_DEBUG": "0",
        "BILA_SECRET_KEY": "benchmark-" + "k" * 50,
        "DJANGO_SETTINGS_MODULE": "bildungslandschaft.web.settings",
    }


@contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int, threads: int) -> Iterator[None]:
    command = [
        str(BIN / "gunicorn"),
        "bildungslandschaft.web.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--log-level=warning",
    ]
    process = subprocess.Popen(command, env=env, cwd=REPO)
    try:
        wait_until_up(port, process)
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(port: int, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn beendet (Code {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn antwortet nicht")


def fetch(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as response:
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        return bytes(response.read())


def warm_up(port: int, path: str, parallel: int) -> None:
    """Every worker computes the page's results once (cached per process) before anything is timed."""
    with ThreadPoolExecutor(parallel * 2) as pool:
        list(pool.map(lambda _: fetch(port, path), range(parallel * 4)))


def measure(tool: str, port: int, path: str, seconds: int, connections: int) -> dict[str, float]:
    if tool == "wrk":
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout=30s", "-s", str(HERE / "latency.lua")]
        output = subprocess.run(
            [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
        ).stdout
        line = next(line for line in output.splitlines() if line.startswith("JSON "))
        data = json.loads(line.removeprefix("JSON "))
        if data["errors"] or data["non_2xx"]:
            raise SystemExit(f"{path}: {data['errors']} Fehler, {data['non_2xx']} Antworten ohne 2xx")
        return {
            "rps": data["requests"] / (data["duration_us"] / 1e6),
            "p50_ms": data["p50_us"] / 1000,
            "p95_ms": data["p95_us"] / 1000,
        }
    load = run_load("127.0.0.1", port, path, seconds, connections)
    if load.errors:
        raise SystemExit(f"{path}: {load.errors} Fehler")
    return {"rps": load.throughput, "p50_ms": load.percentile(50), "p95_ms": load.percentile(95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="var/demo.duckdb", help="Demo-Speicher (wird mit `bila demo` erzeugt)")
    parser.add_argument("--indicator", default="leavers_without_hsa_share")
    parser.add_argument("--seconds", type=int, default=15, help="Dauer einer Messung")
    parser.add_argument("--rounds", type=int, default=3, help="abwechselnde Messrunden je Variante")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--json", type=Path, help="Ergebnis zusätzlich als JSON schreiben")
    args = parser.parse_args()
    tool = ("wrk" if shutil.which("wrk") else "python") if args.tool == "auto" else args.tool

    db = (REPO / args.db).resolve()
    if not db.exists():
        subprocess.run([str(BIN / "bila"), "demo", "--db", str(db)], check=True, cwd=REPO)
    work = Path(tempfile.mkdtemp(prefix="bila-web-bench-"))
    env = site_env(db, work)
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v0"], env=env, check=True, cwd=REPO)
    page = f"/indikatoren/{args.indicator}/"
    static = f"/static/bench/{args.indicator}.html"
    port = free_port()

    with gunicorn(env, port, args.workers, args.threads):
        html = fetch(port, page)
    target = work / "var" / "static" / "bench" / f"{args.indicator}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(html)  # WhiteNoise indexes the static folder when the server starts

    results: dict[str, list[dict[str, float]]] = {"dynamisch": [], "statisch": []}
    with gunicorn(env, port, args.workers, args.threads):
        assert fetch(port, static) == html
        warm_up(port, page, args.workers * args.threads)
        for path in (page, static):
            measure(tool, port, path, 3, args.connections)
        for _ in range(args.rounds):
            for label, path in (("dynamisch", page), ("statisch", static)):
                results[label].append(measure(tool, port, path, args.seconds, args.connections))
    shutil.rmtree(work, ignore_errors=True)
    report(args, tool, len(html), results)


def report(args: argparse.Namespace, tool: str, size: int, results: dict[str, list[dict[str, float]]]) -> None:
    summary = {
        label: {key: statistics.median(run[key] for run in runs) for key in ("rps", "p50_ms", "p95_ms")}
        for label, runs in results.items()
    }
    ratio = summary["dynamisch"]["rps"] / summary["statisch"]["rps"]
    print(
        f"Werkzeug {tool}, {args.workers} gunicorn-Worker × {args.threads} Thread(s), {args.connections} Verbindungen, "
        f"{args.rounds} Runden × {args.seconds} s je Variante, Seite {size:,} Bytes (Median der Runden)\n"
    )
    print("| Variante | Anfragen/s | p50 | p95 |\n|---|---:|---:|---:|")
    for label, row in summary.items():
        print(f"| {label} | {row['rps']:.0f} | {row['p50_ms']:.1f} ms | {row['p95_ms']:.1f} ms |")
    verdict = "erreicht" if ratio >= 0.5 else "verfehlt"
    print(f"\nDurchsatz dynamisch ÷ statisch: {ratio:.2f} (Ziel ≥ 0,5: {verdict})")
    if args.json:
        args.json.write_text(json.dumps({"tool": tool, "ratio": ratio, "summary": summary, "runs": results}, indent=1))


if __name__ == "__main__":
    main()
