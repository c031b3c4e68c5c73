"""The gate between raw results and every output: `Published` is the only thing renderers accept.

`publish` decides, for every cell of a `Result`, whether its counts (numerator and, for ratios,
denominator) may be shown. With a `MasterGate` (the portal, ``bila compute --published``) every
count takes the status of its cell in the protected master table of its measure and year, so a
cell has the same status in every breakdown, page, download and API answer; only measures a
dataset declares ``confidential`` are protected. Without a gate, the result's own table (per year,
with its margins) is protected on its own, every whole-number count treated as confidential.
A ratio is withheld when its numerator or denominator is. Published figures of other offices
(``kind: published``) keep their own signs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bildungslandschaft.core.catalog.model import Indicator
from bildungslandschaft.core.disclosure.consistent import MasterGate
from bildungslandschaft.core.disclosure.primary import SECRET, CellStatus, PrimaryRules
from bildungslandschaft.core.disclosure.protection import protect
from bildungslandschaft.core.disclosure.table import TOTAL, CountTable, Dimension, Key
from bildungslandschaft.core.result import Cell, Provenance, Result

#: Explanation of every sign an output can show (Zeichenerklärung der amtlichen Statistik).
LEGEND: Mapping[str, str] = {
    SECRET: "Zahlenwert unbekannt oder geheim zu halten",
    "-": "nichts vorhanden (genau null)",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "...": "Angabe fällt später an",
    "()": "Aussagewert eingeschränkt, da der Zahlenwert statistisch relativ unsicher ist",
    "p": "vorläufige Zahl",
    "r": "berichtigte Zahl",
    "s": "geschätzte Zahl",
    "e": "endgültige Zahl",
}


@dataclass(frozen=True)
class PublishedCell:
    """One cell as it may be shown: value and counts, or withheld with a marker.

    ``status``: ``S`` published, ``U`` withheld by the minimum count, ``M`` withheld to protect
    another cell. When withheld, ``value``, ``numerator`` and ``denominator`` are None and
    ``flag`` is ``.``.
    """

    key: Mapping[str, str]
    value: float | None
    numerator: float | None
    denominator: float | None
    status: CellStatus
    flag: str | None

    @property
    def withheld(self) -> bool:
        return self.status is not CellStatus.SAFE


@dataclass(frozen=True)
class Published:
    """A result that passed the disclosure gate: safe to render anywhere."""

    indicator: Indicator
    by: tuple[str, ...]
    where: Mapping[str, tuple[str, ...]]
    cells: tuple[PublishedCell, ...]
    provenance: Provenance
    rules: PrimaryRules

    def cell(self, **key: str) -> PublishedCell:
        for cell in self.cells:
            if {dim: str(code) for dim, code in cell.key.items()} == key:
                return cell
        raise KeyError(f"keine Zelle {key} in {self.indicator.id}")

    def signs(self) -> dict[str, str]:
        """The signs this output shows, each with its explanation (for the legend)."""
        shown = {cell.flag for cell in self.cells if cell.flag}
        return {sign: text for sign, text in LEGEND.items() if sign in shown}


def publish(
    result: Result, rules: PrimaryRules | None = None, confidential: bool = True, gate: MasterGate | None = None
) -> Published:
    """Protect a raw result; ``confidential=False`` passes values of non-personal counts through.

    With ``gate`` the statuses come from the protected master tables (consistent everywhere);
    without, the result should hold its margins (``Query(totals=True)``) so that its own
    suppression pattern protects them too; margins missing from the result are added.
    """
    rules = rules or PrimaryRules()
    statuses: dict[int, CellStatus] = dict.fromkeys(range(len(result.cells)), CellStatus.SAFE)
    rounding: dict[int, int] = {}
    if confidential and result.indicator.kind != "published":
        for term in ("numerator", "denominator"):
            found = _own_statuses(result, term, rules) if gate is None else _gated(gate, result, term, rounding)
            for index, status in found.items():
                if status is not CellStatus.SAFE and statuses[index] is CellStatus.SAFE:
                    statuses[index] = status
    cells = tuple(
        _published_cell(result.indicator, cell, statuses[index], rounding.get(index))
        for index, cell in enumerate(result.cells)
    )
    return Published(result.indicator, result.by, result.where, cells, result.provenance, rules)


def _gated(gate: MasterGate, result: Result, term: str, rounding: dict[int, int]) -> dict[int, CellStatus]:
    """The master statuses of one term's counts; cells whose dataset rounds are noted in ``rounding``."""
    statuses = {}
    for index, cell in enumerate(result.cells):
        if getattr(cell, term) is None:
            continue
        found = gate.term_status(result, cell, "num" if term == "numerator" else "den")
        if found is None:
            continue  # not a count of people
        statuses[index] = found.status
        if found.rules.rounding_base is not None:
            rounding[index] = found.rules.rounding_base
    return statuses


def _published_cell(indicator: Indicator, cell: Cell, status: CellStatus, base: int | None) -> PublishedCell:
    key = {dim: str(code) for dim, code in cell.key.items()}
    if status is not CellStatus.SAFE:
        return PublishedCell(key, None, None, None, status, SECRET)
    if base is None:
        return PublishedCell(key, cell.value, cell.numerator, cell.denominator, status, cell.flag)
    numerator, denominator = _rounded(cell.numerator, base), _rounded(cell.denominator, base)
    return PublishedCell(key, _value(indicator, numerator, denominator), numerator, denominator, status, cell.flag)


def _rounded(count: float | None, base: int) -> float | None:
    return None if count is None else float(PrimaryRules(rounding_base=base).rounded(round(count)))


def _value(indicator: Indicator, numerator: float | None, denominator: float | None) -> float | None:
    """The cell's value recomputed from rounded counts (as the engine computes it)."""
    if numerator is None:
        return None
    if indicator.denominator is None:
        return numerator if indicator.kind == "count" else numerator * indicator.factor
    if not denominator:
        return None
    return numerator / denominator * indicator.factor


def _own_statuses(result: Result, term: str, rules: PrimaryRules) -> dict[int, CellStatus]:
    """Without a gate: protect one term's counts in the result's own table, per slice of non-additive dimensions."""
    additive = tuple(dim for dim in result.by if dim != "year")
    slices: dict[tuple[str, ...], dict[Key, tuple[int, int]]] = defaultdict(dict)
    for index, cell in enumerate(result.cells):
        count = getattr(cell, term)
        if count is None or count != int(count):
            continue
        fixed = tuple(str(cell.key[dim]) for dim in result.by if dim not in additive)
        slices[fixed][tuple(str(cell.key[dim]) for dim in additive)] = (index, int(count))
    statuses: dict[int, CellStatus] = {}
    for cells in slices.values():
        statuses.update(_protect_slice(additive, cells, rules))
    return statuses


def _protect_slice(
    dims: tuple[str, ...], cells: Mapping[Key, tuple[int, int]], rules: PrimaryRules
) -> dict[int, CellStatus]:
    if not dims:
        return {index: _single_status(count, rules) for index, count in cells.values()}
    dimensions = tuple(Dimension.flat(dim, _codes(key[axis] for key in cells)) for axis, dim in enumerate(dims))
    inner = {key: count for key, (_, count) in cells.items() if TOTAL not in key}
    table = CountTable.from_cells(dimensions, inner)
    if any(table.counts.get(key) != count for key, (_, count) in cells.items()):
        # margins that do not add up (e.g. unknown cells left out): protect each cell on its own
        return {index: _single_status(count, rules) for index, count in cells.values()}
    protection = protect(table, rules)
    return {index: protection.statuses[key] for key, (index, _) in cells.items()}


def _codes(codes: Iterable[str]) -> list[str]:
    return [code for code in dict.fromkeys(codes) if code != TOTAL]


def _single_status(count: int, rules: PrimaryRules) -> CellStatus:
    return CellStatus.PRIMARY if rules.is_unsafe(count) else CellStatus.SAFE
