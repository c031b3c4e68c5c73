"""Benchmark of the indicator engine on pupil microdata: engine vs hand-written pandas vs hand-written SQL.

Usage (from the repository root)::

    .venv/bin/python benchmarks/engine/run.py --rows 1000000 10000000

For every size: generate synthetic microdata (numpy, fixed seed) into a Parquet file under
benchmarks/out/, load it into a DuckDB file as ``fact_pupils_micro``, measure the peak memory
of each variant in a fresh process, check that the three variants give identical numbers, then
time them interleaved (median of ``--repeats``) and write the results into README.md between
the result markers (the prose around them is kept).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import engine_bench as eb  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
README = HERE / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
MAIN = ("engine", "sql", "pandas")
DIAGNOSTIC = ("engine_cli", "engine_sql_only", "engine_sql_no_darunter", "engine_compile")
DESCRIPTION = {
    "engine": "engine: one `Workspace(con, catalog).compute(Query(…))` reused, as a service runs it",
    "sql": "hand-written DuckDB SQL (FILTER), same connection",
    "pandas": "hand-written pandas (masks + groupby)",
    "engine_cli": "diag.: engine with `available=None` (as the CLI calls it)",
    "engine_sql_only": "diag.: the engine's generated SQL, precompiled, run raw",
    "engine_sql_no_darunter": "diag.: the same generated SQL without the darunter clause",
    "engine_compile": "diag.: engine compile only (Ibis expr → SQL), no execution",
}


def paths(rows: int, seed: int) -> tuple[Path, Path]:
    parquet = OUT / f"pupils_micro_{rows}_s{seed}_v{eb.GENERATOR_VERSION}.parquet"
    return parquet, OUT / f"pupils_micro_{rows}.duckdb"


def rss_bytes() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def maxrss_bytes() -> int:
    """getrusage ru_maxrss. Caveat (Linux): it keeps the high-water mark of the parent's memory
    image that the child had before exec, so in a child it is at least the parent's RSS; hence
    the reports use VmHWM, which belongs to the process's own address space."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kilobytes


def hwm_bytes() -> int:
    """Peak resident set size of this process's address space (VmHWM, kept by the kernel)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return maxrss_bytes()


class Context:
    """Everything the variants need, set up outside any timing."""

    def __init__(self, parquet: Path, database: Path, variants: tuple[str, ...], read_only: bool = False) -> None:
        from bildungslandschaft.core.catalog.loader import load_catalog

        self.catalog = load_catalog()
        self.jobs = eb.workload(self.catalog)
        self.runners: dict[str, Callable[[eb.Job], Any]] = {}
        if {"engine", "engine_cli", "engine_sql_only", "engine_compile"} & set(variants):
            import ibis

            from bildungslandschaft.core.engine import available_datasets

            self.con = ibis.duckdb.connect(str(database), read_only=read_only)
            self.available = available_datasets(self.con, self.catalog)
            assert eb.DATASET in self.available, "fact_pupils_micro missing or empty"
            from bildungslandschaft.core.engine import Workspace

            workspace = Workspace(self.con, self.catalog, self.available)
            self.runners["engine"] = lambda job: eb.run_workspace_job(workspace, job)
            self.runners["engine_cli"] = lambda job: eb.run_engine_job(self.con, self.catalog, job, None)
            self.runners["engine_compile"] = lambda job: eb.compiled_sql(self.con, self.catalog, job, self.available)
            if "engine_sql_only" in variants:
                self.sqls = {job: eb.compiled_sql(self.con, self.catalog, job, self.available) for job in self.jobs}
                self.lean = {job: eb.without_darunter(sql) for job, sql in self.sqls.items()}
            self.runners["engine_sql_only"] = lambda job: self.con.con.execute(self.sqls[job]).fetchall()
            self.runners["engine_sql_no_darunter"] = lambda job: self.con.con.execute(self.lean[job]).fetchall()
            self.raw = self.con.con  # the DuckDB connection underneath the Ibis backend
        if "sql" in variants:
            if not hasattr(self, "raw"):
                import duckdb

                self.raw = duckdb.connect(str(database), read_only=read_only)
            self.runners["sql"] = lambda job: eb.run_sql_job(self.raw, job)
        if "pandas" in variants:
            import pandas as pd

            started = time.perf_counter()
            self.df = pd.read_parquet(parquet)
            self.pandas_load_s = time.perf_counter() - started
            self.runners["pandas"] = lambda job: eb.run_pandas_job(self.df, job)

    def close(self) -> None:
        if hasattr(self, "con"):
            self.con.disconnect()
        elif hasattr(self, "raw"):
            self.raw.close()


# --------------------------------------------------------------------------------------------
# Memory: one fresh process per variant
# --------------------------------------------------------------------------------------------


def memory_worker(variant: str, rows: int, seed: int) -> None:
    """Runs in a child process: set up one variant, run the whole workload once, print JSON."""
    import psutil

    parquet, database = paths(rows, seed)
    rss_start = rss_bytes()
    ctx = Context(parquet, database, (variant,), read_only=True)
    rss_loaded = rss_bytes()
    hwm_loaded = hwm_bytes()
    process = psutil.Process()
    peak = [rss_loaded]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            done.wait(0.002)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    for job in ctx.jobs:
        ctx.runners[variant](job)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    print(
        json.dumps(
            {
                "variant": variant,
                "rss_start": rss_start,
                "rss_loaded": rss_loaded,
                "hwm_loaded": hwm_loaded,
                "peak_workload_sampled": max(peak[0], rss_bytes()),
                "hwm_total": hwm_bytes(),
                "ru_maxrss_total": maxrss_bytes(),
                "single_pass_s": elapsed,
            }
        )
    )


def measure_memory(rows: int, seed: int) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for variant in MAIN:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--memory-worker",
            variant,
            "--rows",
            str(rows),
            "--seed",
            str(seed),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(f"memory worker {variant} failed:\n{done.stderr}")
        results[variant] = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"  memory {variant:7s}: after load {results[variant]['rss_loaded'] / 2**20:7.0f} MiB, "
            f"peak in workload {results[variant]['peak_workload_sampled'] / 2**20:7.0f} MiB, "
            f"VmHWM {results[variant]['hwm_total'] / 2**20:7.0f} MiB",
            flush=True,
        )
    return results


# --------------------------------------------------------------------------------------------
# One size: prepare, verify, time
# --------------------------------------------------------------------------------------------


def run_size(rows: int, seed: int, repeats: int, memory: bool, regenerate: bool) -> dict[str, Any]:
    print(f"== {rows:,} rows", flush=True)
    parquet, database = paths(rows, seed)
    started = time.perf_counter()
    eb.write_parquet(rows, OUT, seed, regenerate)
    generate_s = time.perf_counter() - started
    started = time.perf_counter()
    eb.load_duckdb(parquet, database)
    load_s = time.perf_counter() - started
    print(
        f"  data: {parquet.name} ({parquet.stat().st_size / 2**20:.0f} MiB, {generate_s:.1f} s), "
        f"DuckDB load {load_s:.1f} s",
        flush=True,
    )

    mem = measure_memory(rows, seed) if memory else {}

    ctx = Context(parquet, database, MAIN + DIAGNOSTIC)
    threads = ctx.raw.execute("SELECT current_setting('threads')").fetchone()[0]

    # warm-up pass of every variant doubles as the verification (before any timing is reported)
    reference = eb.run_all(ctx.runners["engine"], ctx.jobs)
    cells = eb.compare(reference, eb.run_all(ctx.runners["sql"], ctx.jobs), "sql")
    assert cells == eb.compare(reference, eb.run_all(ctx.runners["pandas"], ctx.jobs), "pandas")
    assert cells == eb.compare(reference, eb.run_all(ctx.runners["engine_cli"], ctx.jobs), "engine_cli")
    raw_rows = eb.run_all(ctx.runners["engine_sql_only"], ctx.jobs)
    assert raw_rows == eb.run_all(ctx.runners["engine_sql_no_darunter"], ctx.jobs), "darunter clause changed a result"
    eb.run_all(ctx.runners["engine_compile"], ctx.jobs)
    darunter_queries = sum(1 for job in ctx.jobs if ctx.lean[job] != ctx.sqls[job])
    print(f"  verified: {len(ctx.jobs)} queries, {cells} cells identical (tolerance 1e-9)", flush=True)

    variants = MAIN + DIAGNOSTIC
    totals: dict[str, list[float]] = {v: [] for v in variants}
    per_job: dict[str, dict[eb.Job, list[float]]] = {v: {job: [] for job in ctx.jobs} for v in variants}
    # interleaved per query: each query runs in every variant back to back (rotating order), so that
    # bursts of load from other work on the shared machine hit all variants alike
    for rep in range(repeats):
        rep_total = dict.fromkeys(variants, 0.0)
        for index, job in enumerate(ctx.jobs):
            shift = (rep + index) % len(variants)
            for variant in variants[shift:] + variants[:shift]:
                started = time.perf_counter()
                ctx.runners[variant](job)
                seconds = time.perf_counter() - started
                per_job[variant][job].append(seconds)
                rep_total[variant] += seconds
        for variant in variants:
            totals[variant].append(rep_total[variant])
        print(f"  rep {rep + 1}/{repeats}: " + ", ".join(f"{v} {totals[v][-1]:.2f}s" for v in variants), flush=True)
    sql_texts = {f"{job.indicator} by {','.join(job.by)}": ctx.sqls[job] for job in ctx.jobs}
    ctx.close()

    median = {v: statistics.median(totals[v]) for v in variants}
    job_median = {
        v: {f"{j.indicator} by {','.join(j.by)}": statistics.median(t) for j, t in per_job[v].items()} for v in variants
    }
    return {
        "rows": rows,
        "parquet": str(parquet.relative_to(ROOT)),
        "parquet_mib": parquet.stat().st_size / 2**20,
        "generate_s": generate_s,
        "duckdb_load_s": load_s,
        "pandas_read_parquet_s": ctx.pandas_load_s,
        "duckdb_threads": threads,
        "queries": len(ctx.jobs),
        "cells": cells,
        "indicators": sorted({job.indicator for job in ctx.jobs}),
        "darunter_queries": darunter_queries,
        "repeats": repeats,
        "totals": totals,
        "median": median,
        "job_median": job_median,
        "memory": mem,
        "generated_sql": sql_texts,
    }


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import duckdb
    import ibis
    import numpy
    import pandas
    import psutil
    import pyarrow
    import sqlglot

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "ram_gib": psutil.virtual_memory().total / 2**30,
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            "ibis-framework": ibis.__version__,
            "duckdb": duckdb.__version__,
            "sqlglot": sqlglot.__version__,
            "pandas": pandas.__version__,
            "numpy": numpy.__version__,
            "pyarrow": pyarrow.__version__,
        },
        "loadavg_start": os.getloadavg(),
        "engine_source": engine_source(),
    }


def engine_source() -> str:
    """Which engine was measured: the commit and, as the tree may be modified, hashes of the engine files."""
    import hashlib

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False, cwd=ROOT)
        return done.stdout.strip()

    files = ["src/bildungslandschaft/core/compile.py", "src/bildungslandschaft/core/engine.py"]
    dirty = git("status", "--porcelain", "--", *files)
    hashes = ", ".join(
        f"{Path(f).name} sha256:{hashlib.sha256((ROOT / f).read_bytes()).hexdigest()[:12]}" for f in files
    )
    return f"commit {git('rev-parse', '--short', 'HEAD')}{' + uncommitted changes' if dirty else ''} ({hashes})"


def _mib(value: float | None) -> str:
    return "–" if value is None else f"{value / 2**20:,.0f}"


def markdown(command: str, info: dict[str, Any], sizes: list[dict[str, Any]]) -> str:
    lines = [
        f"Command: `{command}`  ",
        f"Measured: {info['date']} · {info['nproc']} cores ({info['cpu']}) · {info['ram_gib']:.0f} GiB RAM · "
        f"{info['os']} · Python {info['python']} · "
        + ", ".join(f"{name} {version}" for name, version in info["versions"].items())
        + f" · load average at start {info['loadavg_start'][0]:.2f}, at end {info['loadavg_end'][0]:.2f} "
        "(the 2 cores are shared with other work)  ",
        f"Engine measured: {info['engine_source']}",
        "",
    ]
    for size in sizes:
        med = size["median"]
        n = size["queries"]
        lines += [
            f"### {size['rows']:,} rows",
            "",
            f"{n} queries ({len(size['indicators'])} indicators × allowed breakdowns), {size['cells']:,} cells, "
            f"identical in all three variants (tolerance 1e-9). Median of {size['repeats']} runs of the whole "
            "workload, interleaved per query (each query runs in every variant back to back, rotating order). "
            f"DuckDB threads: {size['duckdb_threads']}; pandas is single-threaded. "
            f"Parquet {size['parquet_mib']:.0f} MiB; pandas `read_parquet` {size['pandas_read_parquet_s']:.1f} s "
            "(once, not timed); DuckDB load "
            f"{size['duckdb_load_s']:.1f} s (once, not timed).",
            "",
            f"| variant | median s ({n} queries) | min s | Σ per-query medians s | ms per query | "
            "RSS MiB: after setup / peak in workload / VmHWM |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for variant in MAIN + DIAGNOSTIC:
            mem = size["memory"].get(variant)
            memory = (
                f"{_mib(mem['rss_loaded'])} / {_mib(mem['peak_workload_sampled'])} / {_mib(mem['hwm_total'])}"
                if mem
                else ""
            )
            lines.append(
                f"| {DESCRIPTION[variant]} | {med[variant]:.3f} | {min(size['totals'][variant]):.3f} | "
                f"{sum(size['job_median'][variant].values()):.3f} | "
                f"{med[variant] / n * 1000:.1f} | {memory} |"
            )
        speedup = med["pandas"] / med["engine"]
        versus_sql = med["engine"] / med["sql"]
        lines += [
            "",
            f"- engine vs pandas: **{speedup:.1f}× faster** (goal ≥ 10×: {'met' if speedup >= 10 else '**missed**'})",
            f"- engine vs hand-written SQL: **{versus_sql:.2f}× the SQL time** "
            f"(goal ≤ 1.5×: {'met' if versus_sql <= 1.5 else '**missed**'})",
            f"- split of the engine time: compile {med['engine_compile']:.3f} s, generated SQL alone "
            f"{med['engine_sql_only']:.3f} s ({med['engine_sql_only'] / med['sql']:.2f}× the hand-written SQL), "
            f"rest (con.table, provenance, result building) ≈ "
            f"{med['engine'] - med['engine_compile'] - med['engine_sql_only']:.3f} s",
            f"- without the darunter clause (present in {size['darunter_queries']} of {n} generated queries) the "
            f"generated SQL takes {med['engine_sql_no_darunter']:.3f} s "
            f"({med['engine_sql_no_darunter'] / med['sql']:.2f}× the hand-written SQL)",
        ]
        jobs = size["job_median"]
        worst = sorted(jobs["sql"], key=lambda j: jobs["engine_sql_only"][j] / jobs["sql"][j], reverse=True)[:3]
        lines.append(
            "- generated vs hand-written SQL, worst queries: "
            + "; ".join(
                f"{j} {jobs['engine_sql_only'][j] * 1000:.0f} ms vs {jobs['sql'][j] * 1000:.0f} ms" for j in worst
            )
        )
        lines.append("")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    current = README.read_text(encoding="utf-8") if README.exists() else f"# Engine benchmark\n\n{START}\n{END}\n"
    if START not in current or END not in current:
        current = current.rstrip() + f"\n\n## Results\n\n{START}\n{END}\n"
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20251126)
    parser.add_argument("--no-memory", action="store_true", help="skip the per-process memory measurement")
    parser.add_argument("--no-readme", action="store_true", help="do not update README.md")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the Parquet files")
    parser.add_argument("--memory-worker", choices=MAIN, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_worker:
        memory_worker(args.memory_worker, args.rows[0], args.seed)
        return

    info = machine()
    info["date"] = time.strftime("%Y-%m-%d %H:%M %Z")
    sizes = [run_size(rows, args.seed, args.repeats, not args.no_memory, args.regenerate) for rows in args.rows]
    info["loadavg_end"] = os.getloadavg()
    command = " ".join([".venv/bin/python", "benchmarks/engine/run.py", *sys.argv[1:]])
    text = markdown(command, info, sizes)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "engine_benchmark.json").write_text(
        json.dumps({"command": command, "machine": info, "sizes": sizes}, indent=2, default=str), encoding="utf-8"
    )
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
