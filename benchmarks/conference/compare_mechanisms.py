"""Optimal assignment next to first come, first served and random serial dictatorship, in one run.

    PYTHONPATH=src .venv/bin/python benchmarks/conference/compare_mechanisms.py [--participants 5000] [--seed 0]

Instance: `synthetic_conference(participants, 3 blocks, 8 sessions)`: 12 workshops, each in two
blocks, skewed popularity, six ranked wishes, one in ten excludes one more workshop, capacity
1.1 × the even share. Prints a Markdown table (shares over seats; worst rank; seconds).
"""

from __future__ import annotations

import argparse
import time

from bildungslandschaft.core.conference import assign, parse_instance, violations
from bildungslandschaft.core.conference.baselines import (
    Quality,
    first_come_first_served,
    quality,
    random_serial_dictatorship,
)
from bildungslandschaft.core.conference.synthetic import synthetic_conference


def row(name: str, found: Quality, seconds: float, note: str = "") -> str:
    return (
        f"| {name} | {found.share(found.first):.1%} | {found.share(found.top3):.1%} | "
        f"{found.share(found.unranked):.1%} | {found.unseated} | {found.worst_rank} | {seconds:.2f} | {note} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slack", type=float, default=1.1)
    args = parser.parse_args()
    instance = parse_instance(synthetic_conference(args.participants, 3, 8, seed=args.seed, slack=args.slack))
    print(f"{args.participants} Teilnehmende, 3 Blöcke × 8 Sitzungen, 12 Workshops, Kapazitätsreserve {args.slack}")
    print("| Verfahren | 1. Wunsch | Top 3 | nicht gewählt | ohne Platz | schlechtester Rang | s | |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    started = time.perf_counter()
    optimal = assign(instance, time_limit=900)
    seconds = time.perf_counter() - started
    assert violations(instance, optimal.assignment) == []
    print(row("optimal (HiGHS)", quality(instance, optimal.assignment), seconds, optimal.status))
    for name, run in (
        ("first come, first served", lambda: first_come_first_served(instance)),
        ("random serial dictatorship", lambda: random_serial_dictatorship(instance, args.seed)),
    ):
        started = time.perf_counter()
        seats = run()
        seconds = time.perf_counter() - started
        print(row(name, quality(instance, seats), seconds))


if __name__ == "__main__":
    main()
