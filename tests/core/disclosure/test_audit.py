"""The attacker audit: exact intervals, leaks of naive suppression, and protect() always passing."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bildungslandschaft.core.disclosure import CountTable, Dimension, Interval, PrimaryRules, audit, protect
from bildungslandschaft.core.disclosure.attacker import AttackerProblem, Requirement, dual_cut
from bildungslandschaft.core.disclosure.indexed import IndexedTable


def two_by_two() -> CountTable:
    dims = [Dimension.flat("a", ["x", "y"]), Dimension.flat("b", ["u", "v"])]
    return CountTable.from_cells(dims, {("x", "u"): 1, ("x", "v"): 5, ("y", "u"): 6, ("y", "v"): 7})


def test_audit_catches_a_naive_single_suppression() -> None:
    report = audit(two_by_two(), {("x", "u")})

    assert not report.passed
    assert report.leaks[0].interval == Interval(1, 1)


def test_audit_catches_a_row_only_suppression() -> None:
    report = audit(two_by_two(), {("x", "u"), ("x", "v")})

    assert [leak.key for leak in report.leaks] == [("x", "u")]


def test_audit_intervals_of_the_inner_rectangle_are_exact() -> None:
    report = audit(two_by_two(), {("x", "u"), ("x", "v"), ("y", "u"), ("y", "v")})

    # x_u = t, x_v = 6 - t, y_u = 7 - t, y_v = 6 + t with all four >= 0
    assert report.intervals[("x", "u")] == Interval(0, 6)
    assert report.intervals[("y", "v")] == Interval(6, 12)
    assert report.passed


def test_audit_reports_unbounded_intervals_as_infinite() -> None:
    report = audit(two_by_two(), {("x", "u"), ("x", "_T"), ("_T", "u"), ("_T", "_T")})

    assert report.intervals[("x", "u")] == Interval(0, float("inf"))


def test_dual_cut_equals_the_attacker_lp_optimum() -> None:
    indexed = IndexedTable.of(two_by_two())
    hidden = [indexed.index[k] for k in [("x", "u"), ("x", "v"), ("_T", "u")]]
    pattern = [1.0 if i in hidden else 0.0 for i in range(len(indexed.keys))]
    attacker = AttackerProblem(indexed, hidden, pattern, reach=19.0)
    need = Requirement(indexed.index[("x", "u")], 1, 2)

    shift, duals = attacker.best_shift(need.cell, need.direction)
    cut = dual_cut(indexed, need, dict(zip(attacker.rows, duals, strict=True)), 19.0, fixed=())

    assert shift == 0.0  # the row x fixes x_u once x_T is published
    assert cut.slack(pattern) == -2.0


@st.composite
def small_tables(draw: st.DrawFn) -> CountTable:
    """2-D tables up to 4×4 and 3-D up to 2×2×3 inner cells; some with a subtotal P = c0 + c1."""
    shape = draw(st.sampled_from([[2, 2], [2, 3], [3, 3], [3, 4], [4, 4], [2, 2, 2], [2, 2, 3]]))
    dims = []
    for i, n in enumerate(shape):
        codes = [f"c{j}" for j in range(n)]
        subtotal = n >= 3 and draw(st.booleans())
        dims.append(Dimension.hierarchical(f"d{i}", {"P": ("c0", "c1")} if subtotal else {}, codes))
    keys = list(itertools.product(*(dim.leaves for dim in dims)))
    counts = draw(st.lists(st.sampled_from([0, 1, 1, 2, 3, 4, 6, 9, 15]), min_size=len(keys), max_size=len(keys)))
    return CountTable.from_cells(dims, dict(zip(keys, counts, strict=True)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=small_tables(), objective=st.sampled_from(["cells", "total"]), protect_zeros=st.booleans())
def test_protect_always_passes_the_audit(table: CountTable, objective: str, protect_zeros: bool) -> None:
    rules = PrimaryRules(protect_zeros=protect_zeros)

    protection = protect(table, rules, objective, time_limit=5)  # type: ignore[arg-type]
    report = protection.audit()

    assert report.passed, report.leaks
    assert all(protection.value(key) == "." for key, n in table.counts.items() if rules.is_unsafe(n))
