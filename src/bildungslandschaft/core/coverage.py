"""Needs versus coverage of a program: where is need high and coverage low?

Method: every need indicator (e.g. SGB-II rate of children, share of foreign pupils) is
standardised over the Stadtteile as a z-score ((value − mean) / standard deviation), and the
*need index* of a Stadtteil is the mean of its z-scores over the indicators it has a value for.
Stadtteile are ranked by that index (1 = highest need). Need counts as *high* above the median
need index, coverage (e.g. share of Kita children reached by the program) as *high* above the
median coverage; the four combinations are the quadrants. "hoher Bedarf, geringe Abdeckung"
marks where the program should go next.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

PRIORITY = "hoher Bedarf, geringe Abdeckung"
QUADRANTS = (
    PRIORITY,
    "hoher Bedarf, hohe Abdeckung",
    "geringer Bedarf, hohe Abdeckung",
    "geringer Bedarf, geringe Abdeckung",
)
UNDETERMINED = "nicht bestimmbar"

Values = Mapping[str, float | None]


@dataclass(frozen=True)
class NeedCoverage:
    """One Stadtteil's need index, its rank, its coverage and its quadrant."""

    unit: str
    need: float
    rank: int
    coverage: float | None
    quadrant: str

    @property
    def priority(self) -> bool:
        return self.quadrant == PRIORITY


def z_scores(values: Values) -> dict[str, float]:
    """Standardise the known values (population standard deviation; all 0 when they do not vary)."""
    known = {unit: value for unit, value in values.items() if value is not None}
    if not known:
        return {}
    mean = statistics.fmean(known.values())
    spread = statistics.pstdev(known.values())
    return {unit: (value - mean) / spread if spread else 0.0 for unit, value in known.items()}


def need_index(indicators: Mapping[str, Values]) -> dict[str, float]:
    """Mean z-score per unit over the need indicators it has a value for."""
    scores: dict[str, list[float]] = {}
    for values in indicators.values():
        for unit, score in z_scores(values).items():
            scores.setdefault(unit, []).append(score)
    return {unit: statistics.fmean(found) for unit, found in sorted(scores.items())}


def rank(need: Mapping[str, float]) -> dict[str, int]:
    """Rank 1 for the highest need; ties share the better rank."""
    ordered = sorted(need.values(), reverse=True)
    return {unit: ordered.index(value) + 1 for unit, value in need.items()}


def needs_vs_coverage(need: Mapping[str, float], coverage: Values) -> list[NeedCoverage]:
    """Every unit with a need index, ranked, with its quadrant (median splits)."""
    if not need:
        return []
    ranks = rank(need)
    need_split = statistics.median(need.values())
    known = [value for unit, value in coverage.items() if value is not None and unit in need]
    coverage_split = statistics.median(known) if known else None
    rows = [
        NeedCoverage(
            unit,
            score,
            ranks[unit],
            coverage.get(unit),
            _quadrant(score, need_split, coverage.get(unit), coverage_split),
        )
        for unit, score in need.items()
    ]
    return sorted(rows, key=lambda row: (row.rank, row.unit))


def _quadrant(need: float, need_split: float, coverage: float | None, coverage_split: float | None) -> str:
    if coverage is None or coverage_split is None:
        return UNDETERMINED
    high_need = need > need_split
    high_coverage = coverage > coverage_split
    return {
        (True, False): QUADRANTS[0],
        (True, True): QUADRANTS[1],
        (False, True): QUADRANTS[2],
        (False, False): QUADRANTS[3],
    }[(high_need, high_coverage)]
