"""Primary rules: which cells of a count table may not be published as they are.

A cell with ``0 < count < min_count`` is primary-unsafe (status ``U``). Zeros stay published unless
``protect_zeros`` is set. With ``rounding_base`` every cell is published rounded to that base instead
of suppressing cells. `ProtectionLevels` says how wide the attacker's interval around a primary cell
must be; secondary suppression (`secondary.py`) enforces it and the audit (`audit.py`) checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bildungslandschaft.core.disclosure.table import CountTable, Key

SECRET = "."  # noqa: S105 - the official marker, not a password
"""The marker for a suppressed cell: "Zahlenwert unbekannt oder geheim zu halten"."""


class CellStatus(StrEnum):
    """Status of a cell after protection, with τ-Argus's letters."""

    SAFE = "S"
    PRIMARY = "U"
    SECONDARY = "M"


@dataclass(frozen=True)
class PrimaryRules:
    """Minimum count rule for count tables about people (Mindestfallzahl).

    ``min_count``: smallest count that may be published (default 3).
    ``protect_zeros``: treat empty cells as unsafe too (default: zeros are published).
    ``rounding_base``: publish every cell rounded to this base (e.g. 3 or 5) instead of suppressing.
    """

    min_count: int = 3
    protect_zeros: bool = False
    rounding_base: int | None = None

    def __post_init__(self) -> None:
        if self.min_count < 1:
            raise ValueError(f"Die Mindestfallzahl muss mindestens 1 sein, nicht {self.min_count}")
        if self.rounding_base is not None and self.rounding_base < 2:
            raise ValueError(f"Die Rundungsbasis muss mindestens 2 sein, nicht {self.rounding_base}")

    def is_unsafe(self, count: int) -> bool:
        """True when the count may not be published as it is."""
        return 0 < count < self.min_count or (count == 0 and self.protect_zeros)

    def rounded(self, count: int) -> int:
        """The count rounded half up to the rounding base (unchanged without a base)."""
        if self.rounding_base is None:
            return count
        base = self.rounding_base
        return (count + base // 2) // base * base


@dataclass(frozen=True)
class ProtectionLevels:
    """How far the attacker's interval around a primary cell must reach, in counts.

    The attacker's interval ``[low, high]`` around a primary cell with count ``a`` must satisfy
    ``low <= a - lower`` and ``high >= a + upper``. The defaults (``None``) mean: the interval
    reaches down to 0 and up to the minimum count, so nobody can tell an empty cell from a
    publishable one (``lower = a``, ``upper = max(min_count - a, 1)``).
    """

    lower: int | None = None
    upper: int | None = None

    def __post_init__(self) -> None:
        for level in (self.lower, self.upper):
            if level is not None and level < 0:
                raise ValueError(f"Schutzabstände dürfen nicht negativ sein, nicht {level}")

    def required(self, count: int, rules: PrimaryRules) -> tuple[int, int]:
        """The (lower, upper) distance the interval around ``count`` must reach."""
        lower = count if self.lower is None else min(self.lower, count)
        upper = max(rules.min_count - count, 1) if self.upper is None else self.upper
        return lower, upper


def primary_statuses(table: CountTable, rules: PrimaryRules) -> dict[Key, CellStatus]:
    """Status ``U`` for every primary-unsafe cell and ``S`` for all others."""
    return {
        key: CellStatus.PRIMARY if rules.is_unsafe(count) else CellStatus.SAFE for key, count in table.counts.items()
    }


def primary_levels(table: CountTable, rules: PrimaryRules, levels: ProtectionLevels) -> dict[Key, tuple[int, int]]:
    """The required (lower, upper) protection distances of every primary-unsafe cell."""
    return {key: levels.required(count, rules) for key, count in table.counts.items() if rules.is_unsafe(count)}


def ratio_is_protected(numerator: CellStatus, denominator: CellStatus) -> bool:
    """A ratio (e.g. a share) must be withheld when its numerator or denominator cell is."""
    return numerator is not CellStatus.SAFE or denominator is not CellStatus.SAFE
