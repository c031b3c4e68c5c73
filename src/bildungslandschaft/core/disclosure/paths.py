"""Secondary suppression for large master tables: protection paths without the MILP.

For every primary cell and direction, `heuristic.ProtectionPaths` finds the cheapest additive shift
of the whole table that moves the cell as far as required; suppressing every cell the shift moves
makes that shift invisible to an attacker, so the requirement is met by construction (one LP per
requirement that no earlier shift already covers). Singletons first get two more suppressions in
each equation they share with another primary cell, as in `secondary`. The result protects but
is not proven minimal; `audit` checks it independently.
"""

from __future__ import annotations

from collections.abc import Mapping

from bildungslandschaft.core.disclosure.attacker import Requirement
from bildungslandschaft.core.disclosure.heuristic import ProtectionPaths
from bildungslandschaft.core.disclosure.indexed import IndexedTable
from bildungslandschaft.core.disclosure.master import singleton_rows


def suppress_by_paths(table: IndexedTable, levels: Mapping[int, tuple[int, int]], objective: str) -> frozenset[int]:
    """Primary cells (``levels``: cell → (lower, upper)) plus the cells of their protection paths."""
    if not levels:
        return frozenset()
    n = len(table.counts)
    tie_break = 1.0 / (2 * (n + 1))
    weights = [1.0 if objective == "cells" else float(count) + tie_break for count in table.counts]
    needs = [
        Requirement(cell, direction, level)
        for cell, (lower, upper) in sorted(levels.items())
        for direction, level in ((1, upper), (-1, lower))
        if level > 0
    ]
    pattern = [1.0 if cell in levels else 0.0 for cell in range(n)]
    for row in singleton_rows(table, frozenset(levels)):
        cheapest = sorted(row.cells, key=lambda cell: (pattern[cell] < 0.5, weights[cell]))
        for cell in cheapest[:2]:
            pattern[cell] = 1.0
    reach = float(max(*table.counts, *(need.level for need in needs), 1))
    grown = ProtectionPaths(table, weights, reach).extend(pattern, needs)
    return frozenset(cell for cell, value in enumerate(grown) if value > 0.5)
