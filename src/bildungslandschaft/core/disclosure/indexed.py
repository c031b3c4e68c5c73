"""A count table as numbered cells and sparse equations, the form the solvers work on."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bildungslandschaft.core.disclosure.table import CountTable, Key


@dataclass(frozen=True)
class Equation:
    """``total - sum(parts) = 0`` over cell numbers: coefficient +1 for the total, -1 for parts."""

    cells: tuple[int, ...]
    coefficients: tuple[float, ...]


@dataclass(frozen=True)
class IndexedTable:
    """Cells numbered 0..n-1 with their counts, the equations and which equations hold each cell."""

    keys: tuple[Key, ...]
    index: Mapping[Key, int]
    counts: tuple[int, ...]
    equations: tuple[Equation, ...]
    equations_of_cell: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, table: CountTable) -> IndexedTable:
        """Number the cells of ``table`` in key order (absent counts as 0) and translate its equations."""
        keys = table.cell_keys()
        index = {key: number for number, key in enumerate(keys)}
        equations = tuple(
            Equation(
                (index[rule.total], *(index[part] for part in rule.parts)),
                (1.0, *(-1.0 for _ in rule.parts)),
            )
            for rule in table.additivity()
        )
        holding: list[list[int]] = [[] for _ in keys]
        for number, equation in enumerate(equations):
            for cell in equation.cells:
                holding[cell].append(number)
        return cls(
            keys,
            index,
            tuple(table.counts.get(key, 0) for key in keys),
            equations,
            tuple(tuple(rows) for rows in holding),
        )

    def components(self, cells: Iterable[int]) -> list[list[int]]:
        """Split ``cells`` into groups that share no equation (each group is one attacker problem)."""
        chosen = set(cells)
        parent = {cell: cell for cell in chosen}

        def root(cell: int) -> int:
            while parent[cell] != cell:
                parent[cell] = parent[parent[cell]]
                cell = parent[cell]
            return cell

        for cell in chosen:
            for number in self.equations_of_cell[cell]:
                for other in self.equations[number].cells:
                    if other in chosen:
                        parent[root(other)] = root(cell)
        groups: dict[int, list[int]] = {}
        for cell in sorted(chosen):
            groups.setdefault(root(cell), []).append(cell)
        return list(groups.values())

    def equations_touching(self, cells: Iterable[int]) -> list[int]:
        """Numbers of the equations that hold at least one of ``cells``, ascending."""
        return sorted({number for cell in cells for number in self.equations_of_cell[cell]})
