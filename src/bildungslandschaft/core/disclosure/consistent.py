"""One status per cell everywhere: statuses of any breakdown read from protected master tables.

Every published count (the numerator or denominator of a cell) is a cell of the master table of
its measure and year, or a sum of such cells (several years, or codes summed by a query filter).
A master cell keeps the status its table's protection gave it, whichever page, chart, download or
API shows it. A sum of several master cells is published only when every part is published (then
it is known anyway); otherwise it is withheld (``U`` when the sum itself is small, else ``M``).
Master tables are protected once per state of the store (the active import ids) and kept.

A ``citywide`` dimension (Klassenstufe of pupils) is in the master table only where no place
(Stadtteil, school) cuts the count; a count cut by both, or by a dimension that
``disclosure.dimensions`` leaves out, is in no protected table and is withheld.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from bildungslandschaft.core.catalog.model import Dataset, Term
from bildungslandschaft.core.disclosure.cube import build_master, citywide_only
from bildungslandschaft.core.disclosure.masters import (
    ProtectedMaster,
    group_code,
    hierarchy,
    load_records,
    master_dimensions,
    protect_master,
    recoding,
)
from bildungslandschaft.core.disclosure.primary import CellStatus, PrimaryRules
from bildungslandschaft.core.disclosure.secondary import Objective
from bildungslandschaft.core.disclosure.table import TOTAL, Key
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.result import Cell, Result


@dataclass(frozen=True)
class TermStatus:
    """The status of one count behind a published cell and the rules of its dataset."""

    status: CellStatus
    rules: PrimaryRules


@dataclass
class GateCaches:
    """Protected master tables and loaded records that may outlive one gate (see `MasterGate.share_caches`)."""

    masters: dict[MasterKey, ProtectedMaster | None] = field(default_factory=dict)
    records: dict[tuple[str, str, tuple[int, ...]], dict[str, dict[Key, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class MasterKey:
    """What identifies a protected master table (with the store's state it was computed on)."""

    dataset: str
    measure: str
    year: str
    imports: tuple[int, ...]
    rules: PrimaryRules
    catalog_version: str


class MasterGate:
    """Statuses for the cells of any result, from master tables protected once and cached."""

    def __init__(
        self,
        workspace: Workspace,
        default_rules: PrimaryRules | None = None,
        # "total": complementary cells are chosen by their counts, as statistical offices weigh
        # them; with "cells" a city-wide margin costs as little as a small inner cell, and the
        # path method withheld e.g. the city's Betreuungsquote U3 in every year
        objective: Objective = "total",
    ) -> None:
        self.workspace = workspace
        self.default_rules = default_rules or PrimaryRules()
        self.objective = objective
        self.masters: dict[MasterKey, ProtectedMaster | None] = {}
        self._records: dict[tuple[str, str, tuple[int, ...]], dict[str, dict[Key, int]]] = {}
        self._parents: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
        self._dims: dict[tuple[str, str], tuple[str, ...]] = {}
        self._lock = threading.RLock()
        self.seconds = 0.0  # spent protecting master tables
        self.shares_caches = False

    def share_caches(self, caches: GateCaches) -> None:
        """Keep master tables and records in ``caches`` (and use what they hold), e.g. across reopenings of a store.

        The keys carry import ids, rules and catalog version, so a new import never meets a stale table.
        """
        with self._lock:
            caches.masters.update(self.masters)
            caches.records.update(self._records)
            self.masters, self._records = caches.masters, caches.records
            self.shares_caches = True

    def rules_for(self, dataset: Dataset) -> PrimaryRules:
        """The primary rules of a dataset: its own settings, else the gate's defaults."""
        own, default = dataset.disclosure, self.default_rules
        return PrimaryRules(
            min_count=own.min_count or default.min_count,
            protect_zeros=own.protect_zeros or default.protect_zeros,
            rounding_base=own.rounding_base or default.rounding_base,
        )

    def term_status(self, result: Result, cell: Cell, term_name: str) -> TermStatus | None:
        """The status of a cell's numerator (``"num"``) or denominator (``"den"``).

        None when the count needs no protection (not a count of people, or no such term). A count
        the master tables leave out (see the module) is withheld.
        """
        found = self._confidential(result, term_name)
        if found is None:
            return None
        term, dataset = found
        rules = self.rules_for(dataset)
        count = cell.numerator if term_name == "num" else cell.denominator
        with self._lock:
            status = self._status(result, cell, term, dataset, rules, count)
        return TermStatus(status, rules)

    def _confidential(self, result: Result, term_name: str) -> tuple[Term, Dataset] | None:
        term = result.indicator.numerator if term_name == "num" else result.indicator.denominator
        if term is None or result.indicator.kind == "published" or not result.provenance.datasets:
            return None
        datasets = result.provenance.datasets
        dataset = self.workspace.catalog.datasets[datasets[0] if term_name == "num" else datasets[-1]]
        return (term, dataset) if term.measure in dataset.disclosure.confidential else None

    def _status(
        self, result: Result, cell: Cell, term: Term, dataset: Dataset, rules: PrimaryRules, count: float | None
    ) -> CellStatus:
        if rules.rounding_base is not None:
            return CellStatus.SAFE  # rounded on output instead of withheld
        dims = self.dims(dataset, term.measure)
        if _outside(result, cell, term, dataset, dims):
            return _withheld(rules, count)  # no table holds such a count
        nodes = self.nodes(dataset, term.measure)
        codes = [_codes(result, cell, term, dim, nodes) for dim in dims]
        records = self.records(dataset, term.measure)
        years = _codes(result, cell, term, "year", set())
        years = tuple(records) if years == (TOTAL,) else years
        found = [(self.master(dataset, term.measure, year), key) for year in years for key in itertools.product(*codes)]
        return _combined(rules, found)

    def dims(self, dataset: Dataset, measure: str) -> tuple[str, ...]:
        """The dimensions of a measure's master tables (see `masters.master_dimensions`)."""
        key = (dataset.id, measure)
        if key not in self._dims:
            self._dims[key] = master_dimensions(self.workspace.catalog, dataset, measure)
        return self._dims[key]

    def parents(self, dataset: Dataset, measure: str) -> dict[str, dict[str, str]]:
        """Code → parent per dimension of a measure's master tables (see `masters.hierarchy`)."""
        key = (dataset.id, measure)
        if key not in self._parents:
            self._parents[key] = hierarchy(self.workspace.catalog, dataset, measure)
        return self._parents[key]

    def nodes(self, dataset: Dataset, measure: str) -> set[str]:
        """The aggregate codes below the totals of a measure's master tables (groups and parents)."""
        return {parent for found in self.parents(dataset, measure).values() for parent in found.values()}

    def records(self, dataset: Dataset, measure: str) -> dict[str, dict[Key, int]]:
        """The inner counts of a measure per year (loaded once per import state)."""
        key = (dataset.id, measure, self.workspace.active_imports(dataset.id))
        if key not in self._records:
            catalog = self.workspace.catalog
            dims = self.dims(dataset, measure)
            self._records[key] = load_records(
                self.workspace, dataset, measure, dims, recoding(catalog, dataset, measure)
            )
        return self._records[key]

    def master(self, dataset: Dataset, measure: str, year: str) -> ProtectedMaster | None:
        """The protected master table of a measure and year (None when the year has no data)."""
        rules = self.rules_for(dataset)
        imports = self.workspace.active_imports(dataset.id)
        key = MasterKey(dataset.id, measure, year, imports, rules, self.workspace.catalog.version)
        if key not in self.masters:
            records = self.records(dataset, measure).get(year)
            if records is None:
                self.masters[key] = None
            else:
                started = time.monotonic()
                dims = self.dims(dataset, measure)
                keep = citywide_only(dims, dataset.disclosure.citywide, dataset.disclosure.places)
                table = build_master(dims, records, self.parents(dataset, measure), keep)
                self.masters[key] = protect_master(table, rules, self.objective)
                self.seconds += time.monotonic() - started
        return self.masters[key]

    def protect_all(self, dataset: Dataset) -> list[ProtectedMaster]:
        """Protect every master table of a dataset (all confidential measures, all years)."""
        found = []
        for measure in dataset.disclosure.confidential:
            for year in sorted(self.records(dataset, measure)):
                master = self.master(dataset, measure, year)
                if master is not None:
                    found.append(master)
        return found


def _codes(result: Result, cell: Cell, term: Term, dim: str, nodes: set[str]) -> tuple[str, ...]:
    """The master codes a cell's count covers in one dimension (several: a sum of cells)."""
    if dim in result.by and str(cell.key.get(dim, TOTAL)) != TOTAL:
        return (str(cell.key[dim]),)
    # not broken down, or its margin: the codes the filters let through (all: the total)
    lists = [tuple(str(code) for code in codes) for codes in (term.where.get(dim), result.where.get(dim)) if codes]
    if not lists:
        return (TOTAL,)
    allowed = tuple(code for code in lists[0] if all(code in other for other in lists[1:]))
    if len(allowed) > 1 and group_code(allowed) in nodes:
        return (group_code(allowed),)
    return allowed


def _outside(result: Result, cell: Cell, term: Term, dataset: Dataset, dims: Sequence[str]) -> list[str]:
    """The dimensions left out of the master tables that cut this count (by a filter or a breakdown)."""
    found = []
    for dim in dataset.dimension_ids:
        if dim == "year" or dim in dims:
            continue
        cut = bool(term.where.get(dim) or result.where.get(dim))
        if cut or (dim in result.by and str(cell.key.get(dim, TOTAL)) != TOTAL):
            found.append(dim)
    return found


def _combined(rules: PrimaryRules, found: Sequence[tuple[ProtectedMaster | None, Key]]) -> CellStatus:
    """The status of a sum of master cells: published only when every part is."""
    if not found:
        return _empty(rules)  # a filter no code passes: an empty set of people
    statuses = [master.status(key) if master else _empty(rules) for master, key in found]
    if len(statuses) == 1:
        return statuses[0]
    count = sum(master.table.count(key) for master, key in found if master)
    if rules.is_unsafe(count):
        return CellStatus.PRIMARY
    return CellStatus.SAFE if all(status is CellStatus.SAFE for status in statuses) else CellStatus.SECONDARY


def _withheld(rules: PrimaryRules, count: float | None) -> CellStatus:
    return CellStatus.PRIMARY if count is None or rules.is_unsafe(round(count)) else CellStatus.SECONDARY


def _empty(rules: PrimaryRules) -> CellStatus:
    return CellStatus.PRIMARY if rules.is_unsafe(0) else CellStatus.SAFE


_GATES_LOCK = threading.Lock()


def gate_for(workspace: Workspace, rules: PrimaryRules | None = None) -> MasterGate:
    """The one gate of a workspace (created once), so that every caller shares its master tables."""
    with _GATES_LOCK:
        found = getattr(workspace, "disclosure_gate", None)
        if not isinstance(found, MasterGate):
            found = MasterGate(workspace, rules)
            setattr(workspace, "disclosure_gate", found)  # noqa: B010 - kept with the workspace it serves
        if rules is not None:
            found.default_rules = rules
        return found
