"""Compile an indicator into an Ibis expression (no backend-specific code here).

The rules that make sums correct on official tables:
- a dimension that is neither broken down nor filtered is summed over, unless the data
  store its totals (``total: _T``), in which case the stored total is taken;
- a broken-down dimension with stored totals does not show the total row as a group;
- "darunter" codes (parts of another code) are never summed with their siblings;
- ratios divide summed numerators by summed denominators (never averaged percentages);
- a value that rests on an unknown cell (``.``, ``x``, ``/``, ``...``) is unknown.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from bildungslandschaft.core.catalog.model import TOTAL, Catalog, Dataset, Measure, Term
from bildungslandschaft.core.flags import SEVERITY

Filters = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class TermPlan:
    """A term bound to the dataset that provides it."""

    name: str  # "num" or "den"
    term: Term
    dataset: Dataset


def dimension_column(
    table: ir.Table, catalog: Catalog, dataset: Dataset, dim_id: str, harmonise: bool = True
) -> ir.Column:
    """The dimension column, with historical keys mapped to their current key.

    Only additive measures are harmonised: counts under an old key add up to the new
    key, a published rate does not.
    """
    column: ir.Column = table[dim_id]
    successors = catalog.classification_of(dataset, dim_id).successors()
    if successors and harmonise:
        column = column.substitute(successors)
    return column


def _codes(dataset: Dataset, dim_id: str, codes: tuple[str, ...]) -> list[object]:
    dim = dataset.dimension(dim_id)
    if dim is not None and dim.type == "int":
        return [int(code) for code in codes]
    return list(codes)


# An atomic row condition: (kind, dimension, codes); kind is "in", "not_in" or "measure".
Atom = tuple[str, str, tuple[str, ...]]


def term_conditions(catalog: Catalog, plan: TermPlan, by: tuple[str, ...], where: Filters) -> frozenset[Atom]:
    """Which rows of the dataset count for this term in this breakdown, as atomic conditions."""
    dataset = plan.dataset
    measure = _measure_of(plan)
    atoms: set[Atom] = set()
    if dataset.kind == "aggregate":
        atoms.add(("measure", "measure", (measure.id,)))
    for dim in dataset.dimensions:
        chosen = [
            codes for codes in (plan.term.where.get(dim.id), where.get(dim.id), measure.condition.get(dim.id)) if codes
        ]
        if chosen:
            # One test per dimension: the codes all restrictions allow (term, query filter, measure).
            atoms.add(("in", dim.id, tuple(code for code in chosen[0] if all(code in codes for codes in chosen[1:]))))
        elif dim.id in by:
            if dim.total is not None:
                atoms.add(("not_in", dim.id, (dim.total,)))
        elif dim.total is not None:
            atoms.add(("in", dim.id, (dim.total,)))
        elif dataset.kind == "aggregate":
            # A microdata row has exactly one code per dimension, so no "darunter" row exists there.
            darunter = tuple(code.code for code in catalog.classifications[dim.classification].codes if code.darunter)
            if darunter:
                atoms.add(("not_in", dim.id, darunter))
    return frozenset(atoms)


def shared_conditions(terms: list[frozenset[Atom]]) -> frozenset[Atom]:
    """Conditions every row of any term meets: a pre-filter that keeps every counted row.

    Identical conditions are shared as they are; "in" conditions on the same dimension in
    every term are widened to the union of their codes.
    """
    shared = set(frozenset.intersection(*terms))
    for dim in {atom[1] for atom in terms[0] if atom[0] == "in"}:
        lists = [next((atom[2] for atom in term if atom[0] == "in" and atom[1] == dim), None) for term in terms]
        if all(codes is not None for codes in lists) and not any(("in", dim, codes) in shared for codes in lists):
            union = tuple(dict.fromkeys(code for codes in lists if codes for code in codes))
            shared.add(("in", dim, union))
    return frozenset(shared)


def condition_expression(
    table: ir.Table, catalog: Catalog, dataset: Dataset, atoms: frozenset[Atom], harmonise: bool
) -> ir.BooleanValue | None:
    """The Ibis expression of a set of conditions (None when there is nothing to test)."""
    parts: list[ir.BooleanValue] = []
    for kind, dim, codes in sorted(atoms):
        if kind == "measure":
            parts.append(table.measure == codes[0])
            continue
        column = dimension_column(table, catalog, dataset, dim, harmonise)
        values = _codes(dataset, dim, codes)
        if kind == "in":
            parts.append(column.isin(values) if values else ibis.literal(False))
        else:
            parts.append(~column.isin(values))
    return functools.reduce(operator.and_, parts) if parts else None


def _measure_of(plan: TermPlan) -> Measure:
    measure = plan.dataset.measure(plan.term.measure)
    assert measure is not None
    return measure


def _value(table: ir.Table, plan: TermPlan) -> ir.NumericValue:
    measure = _measure_of(plan)
    if plan.dataset.kind == "aggregate" or measure.column is None:
        return table.value
    return table[measure.column].cast("float64")


def term_metrics(table: ir.Table, plan: TermPlan, predicate: ir.BooleanValue | None) -> dict[str, ir.Scalar]:
    """Sum, unknown parts, worst flag and contributing rows of one term (``None``: every row)."""
    name = plan.name
    rows = table.count(where=predicate)
    if plan.dataset.kind == "microdata":
        # Microdata have no special signs: each row is one person, counted or summed.
        total = rows.cast("float64") if _measure_of(plan).column is None else _value(table, plan).sum(where=predicate)
        return {f"{name}_sum": total, f"{name}_rows": rows}
    severity = table.flag.cases(*SEVERITY.items(), else_=0)
    unknown = table.value.isnull() if predicate is None else predicate & table.value.isnull()
    return {
        f"{name}_sum": _value(table, plan).sum(where=predicate),
        f"{name}_rows": rows,
        # a count, not a sum of a cast boolean: PostgreSQL cannot cast boolean to bigint
        f"{name}_unknown": table.count(where=unknown),
        f"{name}_severity": severity.max(where=predicate),
    }


def _grouped(table: ir.Table, catalog: Catalog, plans: list[TermPlan], by: tuple[str, ...], where: Filters) -> ir.Table:
    dataset = plans[0].dataset
    additive = all(_measure_of(plan).additive for plan in plans)
    relevant_where = {dim: codes for dim, codes in where.items() if dataset.dimension(dim)}
    terms = [term_conditions(catalog, plan, by, relevant_where) for plan in plans]
    shared = shared_conditions(terms)
    prefilter = condition_expression(table, catalog, dataset, shared, additive)
    relevant = table if prefilter is None else table.filter(prefilter)
    keys = {dim: dimension_column(relevant, catalog, dataset, dim, additive) for dim in by if dataset.dimension(dim)}
    metrics: dict[str, ir.Scalar] = {}
    for plan, atoms in zip(plans, terms, strict=True):
        # Only what the pre-filter does not already guarantee, bound to the filtered relation.
        own = condition_expression(relevant, catalog, dataset, atoms - shared, additive)
        metrics.update(term_metrics(relevant, plan, own))
    if not keys:
        return relevant.aggregate(**metrics)
    return relevant.group_by(**keys).aggregate(**metrics)


def indicator_expression(
    tables: Mapping[str, ir.Table],
    catalog: Catalog,
    plans: list[TermPlan],
    by: tuple[str, ...],
    where: Filters,
) -> ir.Table:
    """One breakdown of an indicator as an Ibis table expression."""
    numerator = plans[0]
    if len(plans) == 1 or plans[1].dataset.id == numerator.dataset.id:
        table = tables[numerator.dataset.id]
        return _grouped(table, catalog, plans, by, where)
    denominator = plans[1]
    num = _grouped(tables[numerator.dataset.id], catalog, [numerator], by, where)
    shared = tuple(dim for dim in by if denominator.dataset.dimension(dim))
    den = _grouped(tables[denominator.dataset.id], catalog, [denominator], shared, where)
    if not shared:
        return num.cross_join(den)
    den = den.rename({f"{dim}__den": dim for dim in shared})
    joined = num.outer_join(den, [num[dim] == den[f"{dim}__den"] for dim in shared])
    only_num = [dim for dim in by if dim not in shared]
    columns: dict[str, ir.Value] = {dim: ibis.coalesce(joined[dim], joined[f"{dim}__den"]) for dim in shared}
    columns.update({dim: joined[dim] for dim in only_num})
    for metric in joined.columns:
        if metric.startswith(("num_", "den_")):
            columns[metric] = joined[metric]
    return joined.select(**columns)


def with_totals(
    tables: Mapping[str, ir.Table],
    catalog: Catalog,
    plans: list[TermPlan],
    by: tuple[str, ...],
    where: Filters,
    totals: bool,
) -> ir.Table:
    """The breakdown, and with ``totals`` every margin over the non-year dimensions."""
    parts = [indicator_expression(tables, catalog, plans, by, where)]
    if totals:
        for omitted in _margins(catalog, plans[0].dataset, by):
            kept = tuple(dim for dim in by if dim not in omitted)
            part = indicator_expression(tables, catalog, plans, kept, where)
            part = part.mutate(**{dim: ibis.literal(TOTAL, "string") for dim in omitted})
            parts.append(part)
        names = parts[0].columns
        parts = [part.select(*names) for part in parts]
    expression = parts[0]
    for part in parts[1:]:
        expression = expression.union(part)
    return expression


def _margins(catalog: Catalog, dataset: Dataset, by: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Non-empty subsets of the dimensions to sum out: those whose code list has a total.

    Years, region keys of mixed levels and single schools have no total code, so no
    margin is formed over them.
    """
    totalable = [
        dim for dim in by if dataset.dimension(dim) and catalog.classification_of(dataset, dim).code(TOTAL) is not None
    ]
    subsets: list[tuple[str, ...]] = []
    for mask in range(1, 2 ** len(totalable)):
        subsets.append(tuple(dim for index, dim in enumerate(totalable) if mask >> index & 1))
    return subsets
