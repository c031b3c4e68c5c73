"""Turn raw cells into coded facts of a dataset, collecting rejected rows with reasons."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from bildungslandschaft.core.catalog.model import Catalog, Dataset
from bildungslandschaft.core.flags import SignError, parse_cell, worst_flag
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.records import RawTable


@dataclass(frozen=True)
class Rejection:
    """A source line that was not imported, and why."""

    line: int
    reason: str


@dataclass
class Facts:
    """Coded facts ready for the store, plus the rejections."""

    dataset: Dataset
    columns: dict[str, list[object]]
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return len(self.columns["value"])

    def to_arrow(self, import_id: int) -> pa.Table:
        """The facts as an Arrow table in the store's column layout."""
        arrays: dict[str, pa.Array] = {}
        for dim in self.dataset.dimensions:
            kind = pa.int64() if dim.type == "int" else pa.string()
            arrays[dim.id] = pa.array(self.columns[dim.id], type=kind)
        arrays["measure"] = pa.array(self.columns["measure"], type=pa.string())
        arrays["value"] = pa.array(self.columns["value"], type=pa.float64())
        arrays["flag"] = pa.array(self.columns["flag"], type=pa.string())
        arrays["source_line"] = pa.array(self.columns["source_line"], type=pa.int64())
        arrays["import_id"] = pa.array([import_id] * self.row_count, type=pa.int64())
        return pa.table(arrays)


def resolve(
    path: Path,
    table: RawTable,
    dataset: Dataset,
    catalog: Catalog,
    *,
    constants: dict[str, str] | None = None,
    zero_is_rounded: bool = True,
    derivations: list[Derivation] | None = None,
) -> Facts:
    """Resolve labels to codes and parse values; unknown codes reject the line."""
    names = [*dataset.dimension_ids, "measure", "value", "flag", "source_line"]
    facts = Facts(dataset, {name: [] for name in names})
    rejected: dict[int, str] = {}
    for cell in table.cells:
        if cell.line in rejected:
            continue
        coordinates = {**(constants or {}), **cell.coordinates}
        codes, problem = _codes(coordinates, dataset, catalog)
        if problem is not None:
            rejected[cell.line] = problem
            continue
        try:
            parsed = parse_cell(cell.raw, zero_is_rounded=zero_is_rounded)
        except SignError as error:
            raise ImportFailed(path, f"Feld {cell.raw!r} für {_describe(codes)}: {error}", cell.line) from None
        for name, code in codes.items():
            facts.columns[name].append(int(code) if _is_int(dataset, name) else code)
        facts.columns["value"].append(parsed.value)
        facts.columns["flag"].append(parsed.flag)
        facts.columns["source_line"].append(cell.line)
    facts.rejections = [Rejection(line, reason) for line, reason in sorted(rejected.items())]
    _check_duplicates(path, facts)
    for rule in derivations or ():
        _derive(facts, rule)
    return facts


def _derive(facts: Facts, rule: Derivation) -> None:
    """Add cells computed from others, e.g. männlich = Insgesamt − weiblich.

    The derived value is unknown when any part is unknown; it carries the worst flag.
    """
    dim = rule.dimension
    others = [name for name in [*facts.dataset.dimension_ids, "measure"] if name != dim]
    groups: dict[tuple[object, ...], dict[str, int]] = {}
    for index, code in enumerate(facts.columns[dim]):
        key = tuple(facts.columns[name][index] for name in others)
        groups.setdefault(key, {})[str(code)] = index
    for members in groups.values():
        if rule.code in members or rule.source not in members or not all(code in members for code in rule.minus):
            continue
        parts = [members[rule.source], *(members[code] for code in rule.minus)]
        values = [facts.columns["value"][index] for index in parts]
        base = parts[0]
        for name in facts.columns:
            facts.columns[name].append(facts.columns[name][base])
        facts.columns[dim][-1] = rule.code
        numbers = [value for value in values if isinstance(value, float)]
        known = len(numbers) == len(values)
        facts.columns["value"][-1] = numbers[0] - sum(numbers[1:]) if known else None
        facts.columns["flag"][-1] = worst_flag([_flag(facts.columns["flag"][index]) for index in parts])


def _flag(value: object) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Derivation:
    """``code`` of ``dimension`` is ``source`` minus the ``minus`` codes (all else equal)."""

    dimension: str
    code: str
    source: str
    minus: tuple[str, ...]


def derivations_from(spec: dict[str, object]) -> list[Derivation]:
    """Read ``derive:`` entries of a source mapping: ``{dimension, code, from, minus}``."""
    rules = spec.get("derive") or []
    result: list[Derivation] = []
    for entry in rules if isinstance(rules, list) else []:
        minus = entry.get("minus", [])
        result.append(
            Derivation(
                str(entry["dimension"]), str(entry["code"]), str(entry["from"]), tuple(str(code) for code in minus)
            )
        )
    return result


def _codes(coordinates: dict[str, str], dataset: Dataset, catalog: Catalog) -> tuple[dict[str, str], str | None]:
    codes: dict[str, str] = {}
    for dim in dataset.dimensions:
        label = coordinates.get(dim.id)
        if label is None:
            if dim.total is None:
                return codes, f"Dimension {dim.id} fehlt"
            label = dim.total
        code = catalog.classifications[dim.classification].resolve(label)
        if code is None:
            return codes, f"{dim.id}: unbekannter Wert {label!r}"
        codes[dim.id] = code
    measure = coordinates.get("measure", "")
    if dataset.measure(measure) is None:
        return codes, f"unbekannte Messgröße {measure!r}"
    codes["measure"] = measure
    extra = set(coordinates) - set(dataset.dimension_ids) - {"measure"}
    if extra:
        return codes, f"Zuordnung nennt Dimensionen, die {dataset.id} nicht hat: {', '.join(sorted(extra))}"
    return codes, None


def _is_int(dataset: Dataset, name: str) -> bool:
    dim = dataset.dimension(name)
    return dim is not None and dim.type == "int"


def _describe(codes: dict[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in codes.items())


def _check_duplicates(path: Path, facts: Facts) -> None:
    keys = [*facts.dataset.dimension_ids, "measure"]
    rows = zip(*(facts.columns[key] for key in keys), strict=True)
    counts = Counter(rows)
    duplicate = next((key for key, count in counts.items() if count > 1), None)
    if duplicate is not None:
        lines = [
            facts.columns["source_line"][index]
            for index, key in enumerate(zip(*(facts.columns[k] for k in keys), strict=True))
            if key == duplicate
        ]
        described = ", ".join(f"{k}={v}" for k, v in zip(keys, duplicate, strict=True))
        raise ImportFailed(path, f"Zelle doppelt ({described}) in den Zeilen {lines}", int(str(lines[-1])))
