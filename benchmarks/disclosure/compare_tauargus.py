"""Our secondary suppression next to τ-Argus OPT (pytauargus's native engine) on the same tables.

Both get the same table (margins included), the same primary cells (minimum count 3, zeros
published) and the same protection levels (`ProtectionLevels()` defaults, given to τ-Argus as
LowerProtLevel/UpperProtLevel with status "U"). Objective "cells" is τ-Argus cost "-1" (unity),
"total" is τ-Argus's default cost (the cell value). Our audit attacks both patterns.

    PYTHONPATH=src .venv/bin/python benchmarks/disclosure/compare_tauargus.py [--quick] [--huge]
        [--time-limit 60] [--only TEXT]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import random
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from pytauargus.engine import Engine

from bildungslandschaft.core.disclosure import (
    CountTable,
    Dimension,
    PrimaryRules,
    ProtectionLevels,
    audit,
    protect,
)
from bildungslandschaft.core.disclosure.reader import read_count_table

SDC = Path(__file__).resolve().parents[3] / "shared" / "data" / "sdc"
LEVELS = ProtectionLevels()
TAU_TOTAL = "Total"
GUARDED_UP_TO = 5000


def real_tables() -> Iterator[tuple[str, CountTable, PrimaryRules]]:
    """sdcTable microdata1 (region × gender), the sdcTable vignette table, τ-Argus's pp.tab (FreqVar)."""
    micro = Counter()
    with (SDC / "csv" / "sdcTable_microdata1.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            micro[(row["region"], row["gender"])] += 1
    dims = [Dimension.flat("region", sorted({k[0] for k in micro})), Dimension.flat("gender", ["male", "female"])]
    yield "sdcTable microdata1", CountTable.from_cells(dims, dict(micro)), PrimaryRules(min_count=3)
    vignette = read_count_table(
        SDC / "csv" / "sdcTable_vignette_completedat.csv",
        ["V1", "V2", "V3"],
        "Freq",
        total="Tot",
        hierarchies={"V1": {"B": ("Ba", "Bb", "Bc")}},
    )
    # every inner Freq is at least 3 here: a minimum count of 10 gives the table primary cells
    yield "sdcTable vignette (Mindestfallzahl 10)", vignette.table, PrimaryRules(min_count=10)
    yield "τ-Argus pp.tab", pp_table(), PrimaryRules(min_count=3)


def pp_table() -> CountTable:
    """Size × Region with the region hierarchy of region2.hrc; the count is FreqVar."""
    folder = SDC / "tauargus" / "tableinput"
    regions: dict[str, list[str]] = {}
    parent = ""
    for line in (folder / "region2.hrc").read_text(encoding="utf-8").splitlines():
        if line.startswith("@"):
            regions[parent].append(line[1:].strip())
        elif line.strip():
            parent = line.strip()
            regions[parent] = []
    cells = {}
    for line in (folder / "pp.tab").read_text(encoding="utf-8").splitlines():
        size, region, _value, freq, *_ = (field.strip().strip('"').strip() for field in line.split(";"))
        cells[(size.replace("Total", "_T"), region.replace("Total", "_T"))] = int(freq)
    sizes = sorted({k[0] for k in cells} - {"_T"}, key=int)
    region_codes = sorted({k[1] for k in cells} - {"_T"})
    dims = [Dimension.flat("Size", sizes), Dimension.hierarchical("Region", regions, region_codes)]
    return CountTable.from_cells(dims, cells)


def generated_tables(quick: bool, huge: bool = False) -> Iterator[tuple[str, CountTable, PrimaryRules]]:
    """Random count tables like education statistics: exponential counts, mean 12 (about 22 % below 3)."""
    shapes = [("2-D 10×10", [10, 10], {}), ("3-D Stadtteil 30 × Schulart 8 × Geschlecht 2", [30, 8, 2], {})]
    bezirke = {f"B{b}": tuple(f"S{b}{s}" for s in range(6)) for b in range(8)}
    shapes.append(("hierarchisch: 8 Bezirke/48 Stadtteile × Schulart 12 × Geschlecht 2", [48, 12, 2], bezirke))
    if not quick:
        shapes += [("2-D 100×100", [100, 100], {}), ("2-D 100×100, Mittelwert 60", [100, 100], {})]
    if huge:  # neither method finishes this one in reasonable time (see README)
        shapes += [("3-D 40×20×10", [40, 20, 10], {})]
    for title, shape, tree in shapes:
        rng = random.Random(2026)
        mean = 60 if "Mittelwert 60" in title else 12
        dims = []
        for i, n in enumerate(shape):
            if i == 0 and tree:
                dims.append(Dimension.hierarchical("d0", tree))
            else:
                dims.append(Dimension.flat(f"d{i}", [f"c{j}" for j in range(n)]))
        leaves = itertools.product(*(dim.leaves for dim in dims))
        table = CountTable.from_cells(dims, {key: int(rng.expovariate(1 / mean)) for key in leaves})
        yield f"{title} ({len(table.counts)} Zellen)", table, PrimaryRules(min_count=3)


def run_tauargus(
    table: CountTable, rules: PrimaryRules, objective: str, minutes: int
) -> tuple[frozenset[tuple[str, ...]], float]:
    """Write .tab/.rda/.hrc/.arb for τ-Argus, run OPT, and read the suppressed cells back.

    Codes are renamed to equal-width numbers ("0001"...) so that τ-Argus's code padding cannot differ
    between the .tab and the .hrc files; the total is "Total".
    """
    names = [f"v{i}" for i in range(len(table.dimensions))]
    to_tau = [
        {code: (TAU_TOTAL if code == dim.total else f"{n:04d}") for n, code in enumerate(dim.codes)}
        for dim in table.dimensions
    ]
    back = [{tau: code for code, tau in mapping.items()} for mapping in to_tau]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_tab(table, rules, to_tau, folder / "t.tab")
        _write_rda(table, names, to_tau, folder)
        cost = "-1" if objective == "cells" else ""
        spec = "".join(f'"{n}"' for n in names)
        (folder / "t.arb").write_text(
            f'<OPENTABLEDATA> "{folder / "t.tab"}"\n<OPENMETADATA> "{folder / "t.rda"}"\n'
            f'<SPECIFYTABLE> {spec}|"Count"||{cost}\n<READTABLE> 1\n<SUPPRESS> OPT(1,{minutes})\n'
            f'<WRITETABLE> (1,2,AS+,"{folder / "out.csv"}")\n',
            encoding="utf-8",
        )
        started = time.monotonic()
        with contextlib.chdir(folder):  # τ-Argus writes its solver logs into the working directory
            Engine().run_batch(str(folder / "t.arb"))
        seconds = time.monotonic() - started
        suppressed = set()
        with (folder / "out.csv").open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if row[0] == "v0" or not row[-1].isdigit():
                    continue
                if 3 <= int(row[-1]) <= 12:  # unsafe (3-9), protected (10) or secondary (11, 12)
                    codes = row[: len(names)]
                    suppressed.add(tuple(back[i][c.strip()] for i, c in enumerate(codes)))
    return frozenset(suppressed), seconds


def _write_tab(table: CountTable, rules: PrimaryRules, to_tau: list[dict[str, str]], path: Path) -> None:
    lines = []
    for key, count in table.counts.items():
        unsafe = rules.is_unsafe(count)
        lower, upper = LEVELS.required(count, rules) if unsafe else (0, 0)
        codes = ";".join(f'"{to_tau[i][c]}"' for i, c in enumerate(key))
        lines.append(f"{codes};{count};{count};{'U' if unsafe else 'S'};{lower};{upper}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_rda(table: CountTable, names: list[str], to_tau: list[dict[str, str]], folder: Path) -> None:
    parts = ['   <SEPARATOR> ";"', "   <SAFE> S", "   <UNSAFE> U", "   <PROTECT> P"]
    for name, dim, mapping in zip(names, table.dimensions, to_tau, strict=True):
        parts += [f'{name} "5"', "    <RECODEABLE>", f'    <TOTCODE> "{TAU_TOTAL}"']
        if len(dim.children) > 1:
            (folder / f"{name}.hrc").write_text(_hrc(dim, mapping), encoding="utf-8")
            parts += [
                "    <HIERARCHICAL>",
                f'    <HIERCODELIST> "{folder / f"{name}.hrc"}"',
                '    <HIERLEADSTRING> "@"',
            ]
    parts += ["Count", "    <NUMERIC>", "    <DECIMALS> 0", "Freq", "    <FREQUENCY>", "Status", "    <STATUS>"]
    parts += ["LPL", "    <NUMERIC> <LOWERPL>", "UPL", "    <NUMERIC> <UPPERPL>"]
    (folder / "t.rda").write_text("\n".join(parts) + "\n", encoding="utf-8")


def _hrc(dim: Dimension, mapping: dict[str, str]) -> str:
    lines: list[str] = []

    def walk(code: str, depth: int) -> None:
        for kid in dim.children.get(code, ()):
            lines.append("@" * depth + mapping[kid])
            walk(kid, depth + 1)

    walk(dim.total, 0)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the two largest generated tables")
    parser.add_argument(
        "--time-limit", type=int, default=60, help="seconds for each method (τ-Argus: minutes, rounded up)"
    )
    parser.add_argument("--huge", action="store_true", help="add the 3-D 40×20×10 table (9,471 cells)")
    parser.add_argument("--only", default="", help="run only the tables whose title contains this text")
    args = parser.parse_args()
    minutes = max(1, -(-args.time_limit // 60))
    print(
        "| Tabelle | Ziel | primär | wir: sekundär | wir: Summe | wir: s | optimal | Audit "
        "| τ-Argus: sekundär | τ-Argus: Summe | τ-Argus: s | Audit τ-Argus | wir mit Singleton-Regel: sekundär |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for title, table, rules in [*real_tables(), *generated_tables(args.quick, args.huge)]:
        if args.only not in title:
            continue
        primary = {key for key, count in table.counts.items() if rules.is_unsafe(count)}
        for objective in ("cells", "total"):
            # τ-Argus OPT has no singleton rule for tabular input: compare the same model first
            ours = protect(table, rules, objective, LEVELS, time_limit=args.time_limit, singletons=False)  # type: ignore[arg-type]
            ours_audit = "bestanden" if ours.audit().passed else "LECK"
            guarded_note = "–"  # the largest tables take long enough once
            if len(table.counts) <= GUARDED_UP_TO:
                guarded = protect(table, rules, objective, LEVELS, time_limit=args.time_limit)  # type: ignore[arg-type]
                guarded_note = f"{len(guarded.suppressed() - primary)}{'' if guarded.optimal else ' (nicht optimal)'}"
            try:
                tau_hidden, tau_seconds = run_tauargus(table, rules, objective, minutes)
                report = audit(table, tau_hidden, rules, LEVELS)
                tau_audit = "bestanden" if report.passed else f"{len(report.leaks)} Lecks"
                tau_total = sum(table.counts[k] for k in tau_hidden)
                tau = (str(len(tau_hidden - primary)), str(tau_total), f"{tau_seconds:.1f}", tau_audit)
            except Exception as error:
                tau = ("Fehler", str(error)[:60], "", "")
            print(
                f"| {title} | {objective} | {len(primary)} | {len(ours.suppressed() - primary)} "
                f"| {ours.suppressed_total()} | {ours.seconds:.1f} | {'ja' if ours.optimal else 'nein'} | {ours_audit} "
                f"| {' | '.join(tau)} | {guarded_note} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
