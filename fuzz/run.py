"""Fuzz the import readers: atheris (coverage-guided, libFuzzer) when installed, else a random mutation runner.

    .venv/bin/python fuzz/run.py genesis --seconds 120          # one target
    .venv/bin/python fuzz/run.py all --seconds 60 --engine random

Targets (tests/core/ingest/fuzz_targets.py): genesis, ffcsv, table_csv, table_xlsx, each behind the
import guard. A finding is any exception other than ImportFailed, or an ImportFailed whose message
is not German; atheris stores the input as fuzz/findings/crash-*, the random runner as
fuzz/findings/<target>-<n>.bin. Exit code 1 when something was found.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the targets live beside the tests that share them

FUZZ = REPO / "fuzz"
NAMES = ("genesis", "ffcsv", "table_csv", "table_xlsx")


def corpus(name: str) -> Path:
    """The target's corpus folder, seeded with its demo file."""
    from tests.core.ingest.fuzz_targets import targets

    folder = FUZZ / "corpus" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "seed").write_bytes(targets()[name].seed)
    return folder


def run_atheris(name: str, seconds: int) -> dict[str, object]:
    """One target under atheris in this process (atheris ends the process: call via `fuzz_one`)."""
    import atheris

    with atheris.instrument_imports(include=["bildungslandschaft", "openpyxl", "csv"]):
        from tests.core.ingest.fuzz_targets import run_reader, targets

    targets()  # build the seeds before the clock starts

    def one_input(data: bytes) -> None:
        run_reader(name, data)

    findings = FUZZ / "findings"
    findings.mkdir(exist_ok=True)
    args = [
        sys.argv[0],
        str(corpus(name)),
        f"-max_total_time={seconds}",
        "-print_final_stats=1",
        "-rss_limit_mb=2048",
        "-timeout=20",
        f"-artifact_prefix={findings}/{name}-",
    ]
    atheris.Setup(args, one_input)
    atheris.Fuzz()
    return {}


def run_random(name: str, seconds: int, seed: int = 2026) -> dict[str, object]:
    """Random edits of the seed and random bytes, as many as fit in ``seconds``."""
    from tests.core.ingest.fuzz_targets import mutate, run_reader, targets

    rng = random.Random(seed)  # noqa: S311 - reproducible test inputs, not secrets
    base = targets()[name].seed
    findings = FUZZ / "findings"
    executions, crashes, kinds = 0, 0, set()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if rng.random() < 0.1:
            data = rng.randbytes(rng.randint(0, 2000))
        else:
            edits = [
                (
                    rng.choice(["flip", "insert", "delete", "cut"]),
                    rng.randint(0, 1 << 20),
                    rng.randbytes(rng.randint(1, 8)),
                )
                for _ in range(rng.randint(1, 6))
            ]
            data = mutate(base, edits)
        executions += 1
        try:
            run_reader(name, data)
        except Exception as error:  # every other exception is what we are looking for
            crashes += 1
            kind = f"{type(error).__name__}: {traceback.extract_tb(error.__traceback__)[-1].name}"
            if kind not in kinds:
                kinds.add(kind)
                findings.mkdir(exist_ok=True)
                (findings / f"{name}-{crashes}.bin").write_bytes(data)
                print(f"FINDING {name}: {kind}: {error}", file=sys.stderr)
    return {
        "target": name,
        "engine": "random",
        "seconds": seconds,
        "executions": executions,
        "crashes": crashes,
        "distinct": sorted(kinds),
    }


def fuzz_one(name: str, seconds: int, engine: str) -> dict[str, object]:
    if engine == "random":
        return run_random(name, seconds)
    # atheris exits the process when done: run it in a child and read libFuzzer's final stats
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, __file__, name, "--seconds", str(seconds), "--engine", "atheris-child"],
        capture_output=True,
        text=True,
        check=False,
    )
    stats = {
        line.split(":")[2].strip(): line.split(":")[-1].strip()
        for line in child.stderr.splitlines()
        if line.startswith("stat::")
    }
    crashed = child.returncode != 0
    if crashed:
        print(child.stderr[-3000:], file=sys.stderr)
    return {
        "target": name,
        "engine": "atheris",
        "seconds": round(time.monotonic() - started),
        "executions": int(stats.get("number_of_executed_units", 0)),
        "crashes": int(crashed),
        "corpus_units_added": stats.get("new_units_added", "?"),
        "exit_code": child.returncode,
    }


def atheris_available() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=[*NAMES, "all"])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--engine", choices=["auto", "atheris", "random", "atheris-child"], default="auto")
    args = parser.parse_args()
    if args.engine == "atheris-child":
        run_atheris(args.target, args.seconds)
        return 0
    engine = args.engine if args.engine != "auto" else ("atheris" if atheris_available() else "random")
    names = NAMES if args.target == "all" else (args.target,)
    results = [fuzz_one(name, args.seconds, engine) for name in names]
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 1 if any(result["crashes"] for result in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
