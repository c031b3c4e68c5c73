"""Master tables from the catalog and the store, protected once: the source of every cell's status.

For one confidential measure of a dataset and one year, the master table holds every aggregate the
portal can publish: all dimensions of the dataset's ``disclosure.dimensions`` (default: all but the
year) with their hierarchies, plus the code groups that indicators sum (``altersgruppe: [0_3, 3_6]``
becomes a node ``0_3+3_6`` under the total), so that such sums are cells protected like any other.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bildungslandschaft.core.catalog.model import Catalog, Dataset, Indicator, Term
from bildungslandschaft.core.compile import TermPlan, indicator_expression
from bildungslandschaft.core.disclosure.audit import AuditReport, hidden_intervals, leaks
from bildungslandschaft.core.disclosure.cube import MasterTable
from bildungslandschaft.core.disclosure.paths import suppress_by_paths
from bildungslandschaft.core.disclosure.primary import CellStatus, PrimaryRules, ProtectionLevels
from bildungslandschaft.core.disclosure.secondary import Objective, suppress_secondary
from bildungslandschaft.core.disclosure.table import TOTAL, Key
from bildungslandschaft.core.engine import Workspace

GROUP_JOIN = "+"
REST = "_R"  # the merged codes no indicator filters by


@dataclass(frozen=True)
class ProtectedMaster:
    """A master table with the status of every cell after primary and secondary protection."""

    table: MasterTable
    rules: PrimaryRules
    statuses: tuple[CellStatus, ...]
    optimal: bool
    seconds: float

    def status(self, key: Key) -> CellStatus:
        """The status of the cell with this key; a key no record reaches is an empty cell.

        A key the table leaves out (`cube.citywide_only`) is withheld: no protected table holds it.
        """
        cell = self.table.cell(key)
        if cell is None and key in self.table.left_out:
            return CellStatus.PRIMARY if self.rules.is_unsafe(self.table.left_out[key]) else CellStatus.SECONDARY
        if cell is None:
            return CellStatus.PRIMARY if self.rules.is_unsafe(0) else CellStatus.SAFE
        return self.statuses[cell]

    def suppressed(self) -> frozenset[int]:
        """Numbers of the cells published as ``.``."""
        return frozenset(cell for cell, status in enumerate(self.statuses) if status is not CellStatus.SAFE)


def protect_master(
    table: MasterTable,
    rules: PrimaryRules,
    objective: Objective = "cells",
    time_limit: float = 5.0,
    levels: ProtectionLevels | None = None,
    exact: bool = False,
) -> ProtectedMaster:
    """Primary rules and secondary suppression on a master table.

    The result always protects. By default the protection paths decide (the same pattern on every
    run); with ``exact`` the MILP searches the cheapest pattern within ``time_limit`` – not for the
    gate: stopped by the time limit, its pattern depends on the machine's load, and two processes
    (web workers, CLI, report) could publish different patterns of the same table.
    With ``rules.rounding_base`` nothing is suppressed (every count is rounded on output).
    """
    started = time.monotonic()
    counts = table.indexed.counts
    statuses = [CellStatus.PRIMARY if rules.is_unsafe(count) else CellStatus.SAFE for count in counts]
    if rules.rounding_base is not None:  # every count is published rounded, none withheld
        return ProtectedMaster(table, rules, (CellStatus.SAFE,) * len(counts), True, time.monotonic() - started)
    levels = levels or ProtectionLevels()
    needed = {
        cell: levels.required(count, rules) for cell, count in enumerate(counts) if statuses[cell] is CellStatus.PRIMARY
    }
    if not exact:
        suppressed, optimal = suppress_by_paths(table.indexed, needed, objective), not needed
    else:
        result = suppress_secondary(table.indexed, needed, objective, time_limit)
        suppressed, optimal = result.suppressed, result.optimal
    for cell in suppressed:
        if statuses[cell] is CellStatus.SAFE:
            statuses[cell] = CellStatus.SECONDARY
    return ProtectedMaster(table, rules, tuple(statuses), optimal, time.monotonic() - started)


def master_dimensions(catalog: Catalog, dataset: Dataset, measure: str) -> tuple[str, ...]:
    """The dimensions of a measure's master tables: all the portal can publish for it.

    These are the dimensions of the dataset that any indicator counting this measure breaks down or
    filters by (the year aside: one master table per year), limited to ``disclosure.dimensions``
    when the dataset sets them, and its ``citywide`` dimensions (kept only without a place).
    """
    used: set[str] = set()
    for indicator in _counting(catalog, dataset, measure):
        used.update(indicator.breakdowns)
        for term in (indicator.numerator, indicator.denominator):
            if term is not None and term.measure == measure:
                used.update(term.where)
    allowed = (*(dataset.disclosure.dimensions or dataset.dimension_ids), *dataset.disclosure.citywide)
    return tuple(dim for dim in dataset.dimension_ids if dim in used and dim in allowed and dim != "year")


def group_code(codes: Iterable[str]) -> str:
    """The code of a node that sums several codes (``0_3+3_6``)."""
    return GROUP_JOIN.join(sorted(codes))


def hierarchy(catalog: Catalog, dataset: Dataset, measure: str) -> dict[str, dict[str, str]]:
    """Parents (code → parent) per dimension: the classification's, then the code sums of indicators.

    Indicators that sum codes of this measure (``altersgruppe: [0_3, 3_6]``) make a node of the sum.
    Only sums that nest (any two disjoint or one inside the other) and touch no code with a parent
    in the classification become nodes; any other sum stays a derived value (see `consistent`).
    """
    parents: dict[str, dict[str, str]] = {}
    for dimension in dataset.dimensions:
        entries = catalog.classifications[dimension.classification].codes
        parents[dimension.id] = {
            entry.code: entry.parent for entry in entries if entry.parent not in (None, TOTAL) and not entry.darunter
        }
    sums: dict[str, set[frozenset[str]]] = defaultdict(set)
    for indicator in catalog.indicators.values():
        for term in (indicator.numerator, indicator.denominator):
            if term is None or term.measure != measure:
                continue
            for dim, codes in term.where.items():
                if dim in parents and len(set(codes)) > 1 and not set(codes) & set(parents[dim]):
                    sums[dim].add(frozenset(codes))
    for dim, groups in sums.items():
        parents[dim].update(_nested_parents(groups))
    return {dim: found for dim, found in parents.items() if found}


def _nested_parents(groups: Iterable[frozenset[str]]) -> dict[str, str]:
    kept: list[frozenset[str]] = []
    for group in sorted(groups, key=lambda codes: (-len(codes), sorted(codes))):
        if all(group <= other or not group & other for other in kept):
            kept.append(group)
    parents: dict[str, str] = {}
    for group in kept:
        enclosing = [other for other in kept if group < other]
        if enclosing:
            parents[group_code(group)] = group_code(sorted(enclosing, key=_size)[0])
    for code in {code for group in kept for code in group}:
        parents[code] = group_code(sorted((group for group in kept if code in group), key=_size)[0])
    return parents


def recoding(catalog: Catalog, dataset: Dataset, measure: str) -> dict[str, dict[str, str]]:
    """Codes to merge in dimensions that indicators only filter by, never break down by.

    When the code sets that indicators filter such a dimension by are disjoint, only those sets can
    ever be published: each becomes one code (``a+b``), every other code the rest `REST`. This keeps
    master tables small (Schulart only as allgemeine Schulen vs. the rest for inclusion rates).
    """
    broken_down: set[str] = set()
    filters: dict[str, set[frozenset[str]]] = defaultdict(set)
    for indicator in _counting(catalog, dataset, measure):
        broken_down.update(indicator.breakdowns)
        for term in (indicator.numerator, indicator.denominator):
            if term is not None and term.measure == measure:
                for dim, codes in term.where.items():
                    filters[dim].add(frozenset(codes))
    recoded: dict[str, dict[str, str]] = {}
    for dim, sets in filters.items():
        if dim in broken_down or sum(len(codes) for codes in sets) != len(frozenset().union(*sets)):
            continue
        recoded[dim] = {code: group_code(codes) for codes in sets for code in codes}
    return recoded


def _counting(catalog: Catalog, dataset: Dataset, measure: str) -> list[Indicator]:
    """The indicators that may count this measure from this dataset."""
    return [
        indicator
        for indicator in catalog.indicators.values()
        if (not indicator.datasets or dataset.id in indicator.datasets)
        and any(term is not None and term.measure == measure for term in (indicator.numerator, indicator.denominator))
    ]


def load_records(
    workspace: Workspace,
    dataset: Dataset,
    measure: str,
    dims: Sequence[str],
    recoded: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, dict[Key, int]]:
    """The inner counts of a measure per year (as text) and key over ``dims``, through the engine's rules.

    ``recoded`` merges codes per dimension (see `recoding`); unlisted codes become `REST`.
    """
    recoded = recoded or {}
    plan = TermPlan("num", Term(measure), dataset)
    by = ("year", *dims)
    expression = indicator_expression({dataset.id: workspace.table(dataset.id)}, workspace.catalog, [plan], by, {})
    records: dict[str, dict[Key, int]] = defaultdict(dict)
    for row in expression.to_pyarrow().to_pylist():
        if row.get("num_unknown") or row.get("num_sum") is None:
            continue  # a sign from the source (".", "x" …) is published as the source has it
        key = tuple(_recode(recoded.get(dim), str(row[dim])) for dim in dims)
        year = records[str(row["year"])]
        year[key] = year.get(key, 0) + round(row["num_sum"])
    return dict(records)


def _size(group: frozenset[str]) -> int:
    return len(group)


def _recode(codes: Mapping[str, str] | None, code: str) -> str:
    return code if codes is None else codes.get(code, REST)


def audit_master(master: ProtectedMaster, levels: ProtectionLevels | None = None) -> AuditReport:
    """Attack a protected master table from its published cells alone (see `audit`).

    The attacker knows every cell with status ``S`` (whatever breakdown shows it) and every sum
    relation of the table; for each withheld cell two LPs give its feasible interval.
    """
    indexed = master.table.indexed
    published = {
        indexed.keys[cell]: count
        for cell, count in enumerate(indexed.counts)
        if master.statuses[cell] is CellStatus.SAFE
    }
    hidden = [cell for cell, status in enumerate(master.statuses) if status is not CellStatus.SAFE]
    intervals = hidden_intervals(indexed, hidden, published)
    counts = ((indexed.keys[cell], count) for cell, count in enumerate(indexed.counts))
    return AuditReport(intervals, leaks(counts, intervals, master.rules, levels))
