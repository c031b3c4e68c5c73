"""The engine: an indicator, a breakdown and filters in; a raw ``Result`` out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import ibis.expr.types as ir
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.model import Catalog, Dataset, Indicator, Term
from bildungslandschaft.core.compile import TermPlan, with_totals
from bildungslandschaft.core.flags import SEVERITY
from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.core.result import Cell, Provenance, Query, Result

_FLAG_BY_SEVERITY = {severity: flag for flag, severity in sorted(SEVERITY.items(), key=lambda item: -item[1])}


class QueryError(ValueError):
    """The query cannot be answered (unknown breakdown, no data, …)."""


def available_datasets(con: BaseBackend, catalog: Catalog) -> set[str]:
    """Datasets whose fact table exists in the store and holds rows."""
    tables = set(con.list_tables())
    return {
        dataset.id
        for dataset in catalog.datasets.values()
        if dataset.table_name in tables and con.table(dataset.table_name).count().to_pyarrow().as_py() > 0
    }


def resolve_filters(
    catalog: Catalog, indicator: Indicator, where: Mapping[str, Iterable[str]]
) -> dict[str, tuple[str, ...]]:
    """Check filter dimensions and turn labels into codes (``schulart=Gymnasien`` → gymnasium)."""
    resolved: dict[str, tuple[str, ...]] = {}
    for dim, values in where.items():
        if dim not in indicator.breakdowns:
            raise QueryError(
                f"{indicator.id}: Filter nach {dim!r} nicht möglich (erlaubt: {', '.join(indicator.breakdowns)})"
            )
        classification = _classification_for(catalog, dim)
        codes = []
        for value in values:
            code = classification.resolve(value) if classification else value
            if code is None:
                raise QueryError(f"{dim}: unbekannter Wert {value!r}")
            codes.append(code)
        resolved[dim] = tuple(codes)
    return resolved


def _classification_for(catalog: Catalog, dim: str) -> Any:
    for dataset in catalog.datasets.values():
        dimension = dataset.dimension(dim)
        if dimension is not None:
            return catalog.classifications[dimension.classification]
    return None


def _fits(dataset: Dataset, term: Term, dims: Iterable[str]) -> bool:
    return dataset.measure(term.measure) is not None and all(dataset.dimension(dim) for dim in [*dims, *term.where])


def plan_terms(catalog: Catalog, indicator: Indicator, query: Query, available: set[str]) -> list[TermPlan]:
    """Choose the dataset for numerator and denominator."""
    order = [catalog.datasets[name] for name in indicator.datasets] or list(catalog.datasets.values())
    if query.dataset:
        order = [catalog.datasets[query.dataset]]
    needed = [*query.by, *query.where]
    numerator = next((ds for ds in order if ds.id in available and _fits(ds, indicator.numerator, needed)), None)
    if numerator is None:
        raise QueryError(_no_data_message(catalog, indicator.numerator, needed))
    plans = [TermPlan("num", indicator.numerator, numerator)]
    if indicator.denominator is not None:
        plans.append(
            TermPlan("den", indicator.denominator, _denominator(catalog, indicator, numerator, query, available))
        )
    return plans


def _denominator(
    catalog: Catalog, indicator: Indicator, numerator: Dataset, query: Query, available: set[str]
) -> Dataset:
    term = indicator.denominator
    assert term is not None
    if _fits(numerator, term, query.by):
        return numerator
    candidates = [ds for ds in catalog.datasets.values() if ds.id in available and _fits(ds, term, ())]
    if not candidates:
        raise QueryError(_no_data_message(catalog, term, ()))
    shared = set(numerator.dimension_ids)
    return max(
        candidates,
        key=lambda ds: (sum(1 for dim in query.by if ds.dimension(dim)), len(shared & set(ds.dimension_ids))),
    )


def _no_data_message(catalog: Catalog, term: Term, needed: Iterable[str]) -> str:
    providers = [ds.id for ds in catalog.datasets_with_measure(term.measure)]
    dims = ", ".join(needed) or "-"
    return (
        f"keine Daten für {term.measure!r} mit den Dimensionen {dims}; "
        f"importieren Sie einen dieser Datensätze: {', '.join(providers)}"
    )


def check_breakdowns(indicator: Indicator, by: tuple[str, ...]) -> None:
    """Refuse a breakdown the catalog does not allow for this indicator."""
    for dim in by:
        if dim not in indicator.breakdowns:
            allowed = ", ".join(indicator.breakdowns)
            raise QueryError(f"{indicator.id}: Aufgliederung nach {dim!r} nicht möglich (erlaubt: {allowed})")


def compile_query(
    catalog: Catalog, tables: Mapping[str, ir.Table], query: Query, available: set[str]
) -> tuple[ir.Table, list[TermPlan]]:
    """The Ibis expression for a query (used for execution and for golden SQL)."""
    indicator = catalog.indicator(query.indicator)
    check_breakdowns(indicator, query.by)
    plans = plan_terms(catalog, indicator, query, available)
    expression = with_totals(tables, catalog, plans, query.by, query.where, query.totals)
    return expression.order_by(list(query.by)) if query.by else expression, plans


class Workspace:
    """A store and a catalog, with what stays the same between computations cached.

    Long-running callers (web site, benchmark, ``bila demo``) keep one workspace; after an
    import, call ``refresh()``.
    """

    def __init__(self, con: BaseBackend, catalog: Catalog, available: set[str] | None = None) -> None:
        self.con = con
        self.catalog = catalog
        self._available = available
        self._tables: dict[str, ir.Table] = {}
        self._imports: dict[str, tuple[int, ...]] | None = None

    def refresh(self) -> None:
        """Forget cached table lists and lineage (after an import)."""
        self._available, self._tables, self._imports = None, {}, None

    @property
    def available(self) -> set[str]:
        if self._available is None:
            self._available = available_datasets(self.con, self.catalog)
        return self._available

    def table(self, dataset_id: str) -> ir.Table:
        if dataset_id not in self._tables:
            self._tables[dataset_id] = self.con.table(self.catalog.datasets[dataset_id].table_name)
        return self._tables[dataset_id]

    def active_imports(self, dataset_id: str) -> tuple[int, ...]:
        if self._imports is None:
            imports: dict[str, list[int]] = {}
            for record in list_imports(self.con):
                if record.status == "aktiv":
                    imports.setdefault(record.dataset, []).append(record.import_id)
            self._imports = {name: tuple(sorted(ids)) for name, ids in imports.items()}
        return self._imports.get(dataset_id, ())

    def compute(self, query: Query) -> Result:
        """Compute an indicator from the store."""
        catalog = self.catalog
        indicator = catalog.indicator(query.indicator)
        check_breakdowns(indicator, query.by)
        where = resolve_filters(catalog, indicator, query.where)
        query = Query(query.indicator, query.by, where, query.totals, query.dataset)
        plans = plan_terms(catalog, indicator, query, self.available)
        tables = {plan.dataset.id: self.table(plan.dataset.id) for plan in plans}
        expression, plans = compile_query(catalog, tables, query, self.available)
        rows = expression.to_pyarrow().to_pylist()
        cells = [_cell(indicator, query.by, row) for row in rows]
        cells.sort(key=_code_order(catalog, plans[0].dataset, query.by))
        return Result(indicator, query.by, query.where, tuple(cells), self._provenance(indicator, plans))

    def _provenance(self, indicator: Indicator, plans: list[TermPlan]) -> Provenance:
        datasets = tuple(dict.fromkeys(plan.dataset.id for plan in plans))
        return Provenance(
            indicator=indicator.id,
            datasets=datasets,
            import_ids=tuple(import_id for dataset in datasets for import_id in self.active_imports(dataset)),
            catalog_version=self.catalog.version,
            backend=self.con.name,
            computed_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )


def compute(con: BaseBackend, catalog: Catalog, query: Query, available: set[str] | None = None) -> Result:
    """Compute one indicator (a one-off workspace; keep a ``Workspace`` for many)."""
    return Workspace(con, catalog, available).compute(query)


def _code_order(catalog: Catalog, dataset: Dataset, by: tuple[str, ...]) -> Any:
    """Sort cells as the code lists are ordered (Insgesamt first), unlisted codes after by value."""
    positions: dict[str, dict[str, int]] = {}
    for dim in by:
        if dataset.dimension(dim):
            codes = catalog.classification_of(dataset, dim).codes
            positions[dim] = {code.code: index for index, code in enumerate(codes)}

    def key(cell: Cell) -> tuple[tuple[int, str], ...]:
        order = []
        for dim in by:
            code = cell.key[dim]
            known = positions.get(dim, {})
            order.append((known.get(str(code), len(known)), f"{code:>12}" if isinstance(code, int) else str(code)))
        return tuple(order)

    return key


def _cell(indicator: Indicator, by: tuple[str, ...], row: Mapping[str, Any]) -> Cell:
    numerator, num_flag = _term_value(row, "num")
    if indicator.kind == "published" and (row.get("num_rows") or 0) > 1:
        return Cell({dim: row[dim] for dim in by}, None, None, None, "x", int(row["num_rows"]))
    denominator, den_flag = (None, None)
    if indicator.denominator is not None:
        denominator, den_flag = _term_value(row, "den")
    flag = _worse(num_flag, den_flag)
    value = _value(indicator, numerator, denominator)
    if value is None and flag is None:
        flag = "x"  # division by zero: no meaningful value
    if indicator.kind == "published":
        numerator = None
    rows = int((row.get("num_rows") or 0) + (row.get("den_rows") or 0))
    return Cell({dim: row[dim] for dim in by}, value, numerator, denominator, flag, rows)


def _term_value(row: Mapping[str, Any], name: str) -> tuple[float | None, str | None]:
    severity = row.get(f"{name}_severity") or 0
    flag = _FLAG_BY_SEVERITY.get(int(severity))
    if (row.get(f"{name}_unknown") or 0) > 0:
        return None, flag or "."
    total = row.get(f"{name}_sum")
    return (float(total) if total is not None else 0.0), flag


def _worse(first: str | None, second: str | None) -> str | None:
    if first is None or (second is not None and SEVERITY.get(second, 0) > SEVERITY.get(first, 0)):
        return second
    return first


def _value(indicator: Indicator, numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None:
        return None
    if indicator.denominator is None:
        return numerator * indicator.factor if indicator.kind != "count" else numerator
    if denominator is None or denominator == 0:
        return None
    return numerator / denominator * indicator.factor
