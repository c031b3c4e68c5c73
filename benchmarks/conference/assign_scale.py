"""Time the optimal session assignment on synthetic conferences and write the results to README.md.

    .venv/bin/python benchmarks/conference/assign_scale.py [--participants 300 1000 2000] [--no-readme]

Instances come from `synthetic_conference` (seeded): 3 blocks × 8 sessions, 12 workshops each
offered in two blocks, six ranked wishes per person, one in ten excludes one more workshop.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import highspy

from bildungslandschaft.core.conference import assign, parse_instance, violations
from bildungslandschaft.core.conference.synthetic import synthetic_conference

HERE = Path(__file__).resolve().parent
BLOCKS, SESSIONS = 3, 8


def measure(participants: int, slack: float, repeats: int, seed: int) -> dict[str, object]:
    """Median seconds of `assign` (loading excluded) and what it found."""
    instance = parse_instance(synthetic_conference(participants, BLOCKS, SESSIONS, seed=seed, slack=slack))
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = assign(instance, time_limit=600)
        seconds.append(time.perf_counter() - started)
    assert violations(instance, result.assignment) == []
    return {
        "participants": participants,
        "slack": slack,
        "seconds": statistics.median(seconds),
        "status": result.status,
        "worst_rank": result.worst_rank,
        "sum_of_ranks": result.sum_of_ranks,
        "first_wishes": result.rank_histogram.get("1", 0),
        "seats": sum(result.rank_histogram.values()),
    }


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| participants | capacity slack | seconds (median) | status | worst rank | sum of ranks "
        "| rank-1 seats / seats |",
        "|---:|---:|---:|---|---:|---:|---:|",
    ]
    for row in rows:
        share = f"{row['first_wishes']} / {row['seats']}"
        lines.append(
            f"| {row['participants']} | {row['slack']} | {row['seconds']:.2f} | {row['status']} "
            f"| {row['worst_rank']} | {row['sum_of_ranks']} | {share} |"
        )
    return "\n".join(lines)


def readme(rows: list[dict[str, object]], command: str) -> str:
    machine = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    return f"""# Benchmark: optimal assignment of participants to parallel sessions

```
{command}
```

Synthetic conferences (`bildungslandschaft.core.conference.synthetic.synthetic_conference`, seed 0):
{BLOCKS} blocks × {SESSIONS} parallel sessions; 12 workshops, each offered in two blocks (so "no workshop
twice" binds); capacity per session = slack × participants / {SESSIONS}, rounded up; every person ranks
six workshops (skewed popularity), one in ten excludes one more. Unranked workshops count as rank W + 1 = 13.
Timed: `assign(instance)` (model build, stage 1 binary search on the worst rank, stage 2 least sum),
median of the repeats; loading the JSON is not timed. Every result is checked with `violations`.

Machine: {machine}, HiGHS {highspy.Highs().version()}, measured {time.strftime("%Y-%m-%d")}.
The machine was shared with other jobs; figures are indicative.

{table(rows)}

Slack 1.0 means exactly as many seats as people per block: the hardest case, where stage 1 must
prove that a smaller worst rank is impossible (an infeasible MIP, the slowest single solve).
Rank-1 seats are at most one per person: a person's first wish is one workshop, attended once.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[300, 1000, 2000])
    parser.add_argument("--slack", type=float, nargs="+", default=[1.1, 1.0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-readme", action="store_true", help="print only, do not rewrite README.md")
    args = parser.parse_args()
    rows = []
    for participants in args.participants:
        for slack in args.slack:
            row = measure(participants, slack, args.repeats, args.seed)
            print(row, file=sys.stderr)
            rows.append(row)
    print(table(rows))
    if not args.no_readme:
        command = " ".join([".venv/bin/python", "benchmarks/conference/assign_scale.py", *sys.argv[1:]])
        (HERE / "README.md").write_text(readme(rows, command), encoding="utf-8")


if __name__ == "__main__":
    main()
