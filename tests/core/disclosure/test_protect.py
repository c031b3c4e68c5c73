"""Secondary suppression through `protect`: hand-checked tables, objectives, singletons."""

from __future__ import annotations

import itertools

from bildungslandschaft.core.disclosure import (
    SECRET,
    CellStatus,
    CountTable,
    Dimension,
    PrimaryRules,
    Protection,
    audit,
    protect,
)


def two_by_two(small: int = 1) -> CountTable:
    dims = [Dimension.flat("stadtteil", ["Nord", "Sued"]), Dimension.flat("geschlecht", ["w", "m"])]
    cells = {("Nord", "w"): small, ("Nord", "m"): 5, ("Sued", "w"): 6, ("Sued", "m"): 7}
    return CountTable.from_cells(dims, cells)


def statuses(protection: Protection) -> dict[tuple[str, ...], str]:
    return {cell.key: cell.status.value for cell in protection.cells()}


def test_protect_two_by_two_with_a_one_needs_three_complementary_cells() -> None:
    protection = protect(two_by_two())

    assert protection.count(CellStatus.PRIMARY) == 1
    assert protection.count(CellStatus.SECONDARY) == 3
    assert protection.optimal
    assert protection.value(("Nord", "w")) == SECRET


def test_protect_three_is_the_fewest_for_the_two_by_two_by_brute_force() -> None:
    table = two_by_two()
    others = [key for key in table.cell_keys() if key != ("Nord", "w")]

    smallest = next(
        size
        for size in range(len(others) + 1)
        for extra in itertools.combinations(others, size)
        if audit(table, {("Nord", "w"), *extra}).passed
    )

    assert smallest == 3


def test_protect_publishes_everything_without_small_counts() -> None:
    protection = protect(two_by_two(small=4))

    assert set(statuses(protection).values()) == {"S"}
    assert protection.value(("_T", "_T")) == 22


def test_protect_by_total_avoids_the_big_margins() -> None:
    table = two_by_two()

    by_cells = protect(table, objective="cells")
    by_total = protect(table, objective="total")

    # inner cells 1+5+6+7 = 19 beat the margins 1+6+7+19 = 33
    assert by_total.suppressed_total() == 19
    assert by_total.suppressed_total() <= by_cells.suppressed_total()
    assert by_total.audit().passed


def test_protect_single_child_hides_the_identical_subtotal() -> None:
    stadtteil = Dimension.hierarchical("stadtteil", {"Nord": ("N1",)}, ["S1", "S2"])
    schulart = Dimension.flat("schulart", ["GS", "GY"])
    cells = {("N1", "GS"): 1, ("N1", "GY"): 9, ("S1", "GS"): 8, ("S1", "GY"): 4, ("S2", "GS"): 6, ("S2", "GY"): 5}
    table = CountTable.from_cells([stadtteil, schulart], cells)

    protection = protect(table)

    # Nord = N1 always: the subtotal is as small as its only child and hidden with it
    assert protection.value(("Nord", "GS")) == SECRET
    assert protection.value(("N1", "GS")) == SECRET
    assert protection.audit().passed


def test_protect_singletons_get_a_third_cell_in_their_row() -> None:
    dims = [Dimension.flat("schulart", ["GS", "HS", "GY"])]
    table = CountTable.from_cells(dims, {("GS",): 1, ("HS",): 1, ("GY",): 10})
    rules = PrimaryRules(min_count=2)

    plain = protect(table, rules, singletons=False)
    guarded = protect(table, rules)

    # each singleton knows itself: with only the two ones hidden, one would reveal the other
    assert plain.suppressed() == {("GS",), ("HS",)}
    assert len(guarded.suppressed()) == 3


def test_protect_rounding_publishes_every_cell_rounded() -> None:
    protection = protect(two_by_two(), PrimaryRules(rounding_base=5))

    assert [protection.value(key) for key in [("Nord", "w"), ("Sued", "m"), ("_T", "_T")]] == [0, 5, 20]
    assert protection.statuses[("Nord", "w")] is CellStatus.PRIMARY


def test_protect_zeros_when_asked() -> None:
    protection = protect(two_by_two(small=0), PrimaryRules(protect_zeros=True))

    assert protection.statuses[("Nord", "w")] is CellStatus.PRIMARY
    assert protection.count(CellStatus.SECONDARY) == 3
    assert protection.audit().passed
