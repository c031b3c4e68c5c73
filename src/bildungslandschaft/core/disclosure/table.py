"""Count tables with margins (Randsummen) and the additivity constraints that link their cells.

A table has one `Dimension` per classification (e.g. Stadtteil, Schulart). Each dimension knows its
hierarchy as a parent → children mapping; the total code (default ``_T``) is the root. Every cell of
the table is keyed by a tuple of codes, one per dimension, and the table holds every combination,
margins and subtotals included. `CountTable.from_cells` adds the margins when the input has only inner
cells, and checks them when it has them.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

TOTAL = "_T"

Key = tuple[str, ...]


class TableError(ValueError):
    """A table that cannot be protected as given; the message is German and names the cause."""


@dataclass(frozen=True)
class Additivity:
    """One linear constraint: the ``total`` cell equals the sum of the ``parts`` cells."""

    total: Key
    parts: tuple[Key, ...]


@dataclass(frozen=True)
class Dimension:
    """One classification of a table with its hierarchy of codes.

    ``children`` maps every aggregate code (the total and any subtotal) to the codes it adds up;
    codes that appear in no list are leaves (inner codes). Build it with `flat` or `hierarchical`.
    """

    name: str
    children: Mapping[str, tuple[str, ...]]
    total: str = TOTAL

    @classmethod
    def flat(cls, name: str, codes: Iterable[str], total: str = TOTAL) -> Dimension:
        """A dimension whose total is the sum of all ``codes``."""
        leaves = tuple(dict.fromkeys(code for code in codes if code != total))
        return cls.hierarchical(name, {}, leaves, total)

    @classmethod
    def hierarchical(
        cls,
        name: str,
        children: Mapping[str, Sequence[str]],
        codes: Iterable[str] = (),
        total: str = TOTAL,
    ) -> Dimension:
        """A dimension from a parent → children mapping; codes without a parent belong to the total."""
        tree = {parent: tuple(kids) for parent, kids in children.items() if parent != total}
        has_parent = {kid for kids in tree.values() for kid in kids}
        known = [*tree, *(kid for kids in tree.values() for kid in kids), *codes]
        top = [*children.get(total, ())]
        top += [code for code in known if code not in has_parent and code != total]
        tree[total] = tuple(dict.fromkeys(top))
        dimension = cls(name, tree, total)
        dimension.check()
        return dimension

    def check(self) -> None:
        """Raise `TableError` when the hierarchy is not a tree rooted in the total."""
        seen: set[str] = set()
        for parent, kids in self.children.items():
            if not kids:
                raise TableError(f"Dimension {self.name}: '{parent}' hat keine Unterpositionen")
            for kid in kids:
                if kid in seen:
                    raise TableError(f"Dimension {self.name}: '{kid}' hat mehrere Oberpositionen")
                seen.add(kid)
        if self.total in seen:
            raise TableError(f"Dimension {self.name}: die Gesamtsumme '{self.total}' ist Unterposition")
        if len(self.codes) != len(seen) + 1:
            raise TableError(f"Dimension {self.name}: die Hierarchie enthält einen Zyklus")

    @cached_property
    def codes(self) -> tuple[str, ...]:
        """All codes, the total first, each parent before its children (depth first)."""
        order: list[str] = []
        stack = [self.total]
        while stack:
            code = stack.pop()
            order.append(code)
            stack.extend(reversed(self.children.get(code, ())))
        return tuple(order)

    @cached_property
    def leaves(self) -> tuple[str, ...]:
        """The inner codes, which are no aggregate of other codes."""
        return tuple(code for code in self.codes if code not in self.children)


@dataclass(frozen=True)
class CountTable:
    """A complete count table: one non-negative count for every combination of codes."""

    dimensions: tuple[Dimension, ...]
    counts: Mapping[Key, int]

    @classmethod
    def from_cells(cls, dimensions: Sequence[Dimension], cells: Mapping[Key, int]) -> CountTable:
        """Complete inner cells to the full table with margins; given margins must add up.

        Missing inner cells count as 0. Raises `TableError` for unknown codes, negative counts and
        margins that disagree with the sum of their cells.
        """
        dims = tuple(dimensions)
        inner: dict[Key, int] = {}
        for key, count in cells.items():
            _check_cell(dims, key, count)
            if all(code not in dim.children for code, dim in zip(key, dims, strict=True)):
                inner[key] = count
        counts = _with_margins(dims, inner)
        for key, count in cells.items():
            if counts[key] != count:
                raise TableError(f"Randsumme {_show(key)} ist {count}, die Summe ihrer Zellen ergibt {counts[key]}")
        return cls(dims, counts)

    def cell_keys(self) -> tuple[Key, ...]:
        """Every cell key, in the order of the dimensions' codes."""
        return tuple(itertools.product(*(dim.codes for dim in self.dimensions)))

    def additivity(self) -> tuple[Additivity, ...]:
        """Every constraint parent = sum of children along one dimension, other codes fixed."""
        return tuple(self._iter_additivity())

    def _iter_additivity(self) -> Iterator[Additivity]:
        for axis, dim in enumerate(self.dimensions):
            others = [d.codes if i != axis else ("",) for i, d in enumerate(self.dimensions)]
            for rest in itertools.product(*others):
                for parent, kids in dim.children.items():
                    yield Additivity(_replace(rest, axis, parent), tuple(_replace(rest, axis, kid) for kid in kids))


def _replace(key: Key, axis: int, code: str) -> Key:
    return (*key[:axis], code, *key[axis + 1 :])


def _show(key: Key) -> str:
    return "(" + ", ".join(key) + ")"


def _check_cell(dims: tuple[Dimension, ...], key: Key, count: int) -> None:
    if len(key) != len(dims):
        raise TableError(f"Zelle {_show(key)} hat {len(key)} Merkmale, die Tabelle {len(dims)}")
    for code, dim in zip(key, dims, strict=True):
        if code != dim.total and code not in dim.children and code not in dim.leaves:
            raise TableError(f"Dimension {dim.name}: unbekannter Code '{code}'")
    if count < 0:
        raise TableError(f"Zelle {_show(key)} hat die negative Anzahl {count}")


def _with_margins(dims: tuple[Dimension, ...], inner: Mapping[Key, int]) -> dict[Key, int]:
    """Sum inner cells up every dimension's hierarchy, one dimension after the other."""
    counts: dict[Key, int] = {key: inner.get(key, 0) for key in itertools.product(*(dim.leaves for dim in dims))}
    for axis, dim in enumerate(dims):
        groups: dict[Key, dict[str, int]] = defaultdict(dict)
        for key, count in counts.items():
            groups[_replace(key, axis, "")][key[axis]] = count
        for rest, by_code in groups.items():
            for code in reversed(dim.codes):
                if code in dim.children:
                    by_code[code] = sum(by_code[kid] for kid in dim.children[code])
                counts[_replace(rest, axis, code)] = by_code[code]
    return counts
