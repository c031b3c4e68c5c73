"""Time the disclosure gate on the demo city: every master table, then every indicator.

Usage: .venv/bin/python benchmarks/disclosure/gate_all.py [DEMO.duckdb]

1. Protects the master table of every confidential measure for every year (the work done once
   per import state) and reports cells, primary/secondary suppressions and seconds.
2. Publishes all indicators for all years by year and by year × each allowed breakdown, through
   the same gate (statuses read from the cached masters).
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.disclosure.consistent import MasterGate
from bildungslandschaft.core.disclosure.primary import CellStatus
from bildungslandschaft.core.disclosure.publish import publish
from bildungslandschaft.core.engine import QueryError, Workspace
from bildungslandschaft.core.result import Query
from bildungslandschaft.core.store import connect


def main(path: str) -> None:
    catalog = load_catalog()
    workspace = Workspace(connect(path), catalog)
    gate = MasterGate(workspace)
    started = time.monotonic()
    for dataset in catalog.datasets.values():
        if dataset.id not in workspace.available or not dataset.disclosure.confidential:
            continue
        begun = time.monotonic()
        masters = gate.protect_all(dataset)
        statuses = Counter(status for master in masters for status in master.statuses)
        print(
            f"{dataset.id:24} {len(masters):3} Tabellen {sum(len(m.statuses) for m in masters):7} Zellen "
            f"U {statuses[CellStatus.PRIMARY]:5} M {statuses[CellStatus.SECONDARY]:5} "
            f"optimal {sum(m.optimal for m in masters):3} {time.monotonic() - begun:7.1f} s",
            flush=True,
        )
    masters_seconds = time.monotonic() - started
    print(f"Haupttabellen geschützt: {masters_seconds:.1f} s", flush=True)
    started = time.monotonic()
    outputs = 0
    for indicator in catalog.indicators.values():
        for extra in ("", *(dim for dim in indicator.breakdowns if dim != "year")):
            by = ("year", extra) if extra else ("year",)
            try:
                result = workspace.compute(Query(indicator.id, by, totals=True))
            except QueryError:
                continue
            publish(result, gate=gate)
            outputs += 1
    print(
        f"{outputs} Aufgliederungen aller {len(catalog.indicators)} Indikatoren veröffentlicht: "
        f"{time.monotonic() - started:.1f} s"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "var/demo.duckdb")
