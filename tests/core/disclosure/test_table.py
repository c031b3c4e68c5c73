"""Count tables: margins are added or checked, hierarchies become additivity constraints."""

from __future__ import annotations

import pytest

from bildungslandschaft.core.disclosure import CountTable, Dimension, TableError


def stadtteil_schulart() -> CountTable:
    stadtteil = Dimension.hierarchical("stadtteil", {"Nord": ("N1", "N2")}, ["Sued"])
    schulart = Dimension.flat("schulart", ["GS", "GY"])
    cells = {("N1", "GS"): 4, ("N1", "GY"): 1, ("N2", "GS"): 7, ("N2", "GY"): 2, ("Sued", "GS"): 5, ("Sued", "GY"): 6}
    return CountTable.from_cells([stadtteil, schulart], cells)


def test_from_cells_adds_margins_and_subtotals() -> None:
    table = stadtteil_schulart()

    assert table.counts[("Nord", "GS")] == 11
    assert table.counts[("_T", "GY")] == 9
    assert table.counts[("_T", "_T")] == 25
    assert len(table.counts) == 5 * 3  # _T, Nord, N1, N2, Sued × _T, GS, GY


def test_from_cells_accepts_matching_margins() -> None:
    dims = [Dimension.flat("a", ["x", "y"])]

    table = CountTable.from_cells(dims, {("x",): 2, ("y",): 3, ("_T",): 5})

    assert table.counts[("_T",)] == 5


def test_from_cells_rejects_a_margin_that_does_not_add_up() -> None:
    dims = [Dimension.flat("a", ["x", "y"])]

    with pytest.raises(TableError, match=r"Randsumme \(_T\) ist 6, die Summe ihrer Zellen ergibt 5"):
        CountTable.from_cells(dims, {("x",): 2, ("y",): 3, ("_T",): 6})


def test_from_cells_rejects_unknown_codes_and_negative_counts() -> None:
    dims = [Dimension.flat("a", ["x"])]

    with pytest.raises(TableError, match="unbekannter Code 'z'"):
        CountTable.from_cells(dims, {("z",): 1})
    with pytest.raises(TableError, match="negative Anzahl"):
        CountTable.from_cells(dims, {("x",): -1})


def test_hierarchical_rejects_a_code_with_two_parents() -> None:
    with pytest.raises(TableError, match="'b' hat mehrere Oberpositionen"):
        Dimension.hierarchical("d", {"P": ("a", "b"), "Q": ("b", "c")})


def test_additivity_holds_for_every_constraint() -> None:
    table = stadtteil_schulart()

    rules = table.additivity()

    # stadtteil: _T = Nord + Sued and Nord = N1 + N2, for 3 schulart codes; schulart: _T = GS + GY for 5 codes
    assert len(rules) == 2 * 3 + 5
    assert all(table.counts[r.total] == sum(table.counts[p] for p in r.parts) for r in rules)
