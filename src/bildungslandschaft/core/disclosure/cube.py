"""The master table of one measure and year: every aggregate a breakdown can publish, and its sums.

Inner records (one count per combination of codes, e.g. school × Abschluss × Geschlecht with the
school's Stadtteil and Schulart) are summed up every dimension's hierarchy (code → parent → … →
total ``_T``), in every combination. Dimensions may depend on each other (a school lies in one
Stadtteil and has one Schulart): two keys that sum exactly the same records are one cell (the
school's total is also its Stadtteil-and-Schulart cell), so the table holds no impossible cells.
Every hierarchy gives linear equations (parent = sum of its children, other codes fixed); together
they are all an attacker can know about how the published cells relate.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from bildungslandschaft.core.disclosure.indexed import Equation, IndexedTable
from bildungslandschaft.core.disclosure.table import TOTAL, Key


@dataclass(frozen=True)
class MasterTable:
    """The cells of a master table (numbered as in ``indexed``) and every key that names one."""

    dims: tuple[str, ...]
    indexed: IndexedTable
    aliases: Mapping[Key, int]
    left_out: Mapping[Key, int] = field(default_factory=dict)  # key → count of the aggregates not kept

    def cell(self, key: Key) -> int | None:
        """The number of the cell with this key (codes in ``dims`` order), None when it holds nothing."""
        return self.aliases.get(key)

    def count(self, key: Key) -> int:
        """The count of the cell (0 for keys that no record contributes to)."""
        cell = self.cell(key)
        return self.left_out.get(key, 0) if cell is None else self.indexed.counts[cell]


def citywide_only(dims: Sequence[str], citywide: Sequence[str], places: Sequence[str]) -> Callable[[Key], bool]:
    """The aggregates a master table keeps when ``citywide`` dimensions are never crossed with ``places``."""
    wide = [axis for axis, dim in enumerate(dims) if dim in citywide]
    place = [axis for axis, dim in enumerate(dims) if dim in places]

    def keep(key: Key) -> bool:
        return all(key[axis] == TOTAL for axis in wide) or all(key[axis] == TOTAL for axis in place)

    return keep


def build_master(
    dims: Sequence[str],
    records: Mapping[Key, int],
    parents: Mapping[str, Mapping[str, str]] | None = None,
    keep: Callable[[Key], bool] | None = None,
) -> MasterTable:
    """The master table over ``records`` (inner cells, keyed in ``dims`` order).

    ``parents`` maps, per dimension, a code to its parent code (a hierarchy below the total).
    ``keep`` limits the table to some aggregates (see `citywide_only`); a cell stays when any key
    naming it is kept, and only equations whose cells all stay bind the table. Left-out keys are
    published nowhere: the gate withholds them.
    """
    parents = parents or {}
    # the store returns rows in no fixed order (parallel aggregation): sort, so that every process
    # numbers the cells alike and the protection finds the same pattern (one status everywhere)
    records = dict(sorted(records.items()))
    chains = [_chains(codes, parents.get(dim, {})) for dim, codes in zip(dims, _codes(dims, records), strict=True)]
    counts: dict[Key, int] = defaultdict(int)
    prints: dict[Key, int] = defaultdict(int)
    draw = random.Random(len(records)).getrandbits  # noqa: S311 - a fingerprint, not a secret
    for key, count in records.items():
        mark = draw(62)
        for aggregate in itertools.product(*(chain[code] for chain, code in zip(chains, key, strict=True))):
            counts[aggregate] += count
            prints[aggregate] = (prints[aggregate] + mark) & (2**64 - 1)
    return _numbered(tuple(dims), counts, prints, [_children(chain) for chain in chains], keep)


def _codes(dims: Sequence[str], records: Mapping[Key, int]) -> list[list[str]]:
    return [list(dict.fromkeys(key[axis] for key in records)) for axis in range(len(dims))]


def _chains(codes: Sequence[str], parents: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each code with its ancestors up to the total (cycles and unknown parents end at the total)."""
    chains = {}
    for code in codes:
        chain = [code]
        while (parent := parents.get(chain[-1])) is not None and parent != TOTAL and parent not in chain:
            chain.append(parent)
        chains[code] = (*chain, TOTAL)
    return chains


def _children(chains: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    kids: dict[str, dict[str, None]] = defaultdict(dict)
    for chain in chains.values():
        for child, parent in itertools.pairwise(chain):
            kids[parent][child] = None
    return {parent: tuple(codes) for parent, codes in kids.items()}


def _numbered(
    dims: tuple[str, ...],
    counts: Mapping[Key, int],
    prints: Mapping[Key, int],
    children: Sequence[Mapping[str, tuple[str, ...]]],
    keep: Callable[[Key], bool] | None = None,
) -> MasterTable:
    """Merge keys that sum the same records into one cell and write the equations between cells."""
    by_print: dict[tuple[int, int], list[Key]] = defaultdict(list)
    for key, mark in prints.items():
        by_print[(mark, counts[key])].append(key)
    keys: list[Key] = []
    aliases: dict[Key, int] = {}
    left_out: dict[Key, int] = {}
    for group in by_print.values():
        if keep is not None and not any(keep(key) for key in group):
            left_out.update({key: counts[key] for key in group})
            continue
        number = len(keys)
        keys.append(min(group, key=lambda key: (sum(code == TOTAL for code in key), key)))
        aliases.update(dict.fromkeys(group, number))
    equations = _equations(counts, aliases, children)
    holding: list[list[int]] = [[] for _ in keys]
    for number, equation in enumerate(equations):
        for cell in equation.cells:
            holding[cell].append(number)
    indexed = IndexedTable(
        keys=tuple(keys),
        index={key: number for number, key in enumerate(keys)},
        counts=tuple(counts[key] for key in keys),
        equations=tuple(equations),
        equations_of_cell=tuple(tuple(rows) for rows in holding),
    )
    return MasterTable(dims, indexed, aliases, left_out)


def _equations(
    counts: Mapping[Key, int], aliases: Mapping[Key, int], children: Sequence[Mapping[str, tuple[str, ...]]]
) -> list[Equation]:
    seen: set[tuple[int, tuple[int, ...]]] = set()
    equations = []
    for key in counts:
        if key not in aliases:
            continue  # left out
        total = aliases[key]
        for axis, code in enumerate(key):
            kids = children[axis].get(code)
            if not kids:
                continue
            found = [child for kid in kids if (child := (*key[:axis], kid, *key[axis + 1 :])) in counts]
            if any(child not in aliases for child in found):
                continue  # a part is left out: the sum binds no published cells
            parts = tuple(sorted({aliases[child] for child in found}))
            if parts == (total,) or (total, parts) in seen:
                continue
            seen.add((total, parts))
            equations.append(Equation((total, *parts), (1.0, *(-1.0 for _ in parts))))
    return equations
