"""Residents and SGB-II recipients per Stadtteil, age group, sex and year.

The Stadtteil totals of 2022 are the real Zensus 2022 numbers; the other years move with
an invented city trend and a drift per Stadtteil. Age structure and sexes are split with
the largest remainder method, so every Stadtteil total is met exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bildungslandschaft.core.demo.apportion import largest_remainder, split_share
from bildungslandschaft.core.demo.profiles import (
    AGE_GROUPS,
    AGE_SHARES,
    BASE_YEAR,
    CITY_INDEX,
    FEMALE_SHARES,
    SETTLEMENT,
    SGB2_TREND,
    STADTTEILE,
    YEARS,
    age_trend,
)

SGB2_GROUPS: tuple[str, ...] = ("0_3", "3_6", "6_10", "10_15", "15_18", "18_25", "25_65")
CHILD_GROUPS: tuple[str, ...] = ("0_3", "3_6", "6_10", "10_15")


@dataclass(frozen=True)
class Population:
    """``cells[(year, stadtteil, altersgruppe, geschlecht)]`` = residents."""

    cells: dict[tuple[int, str, str, str], int]

    def total(self, year: int, stadtteil: str | None = None, groups: tuple[str, ...] = AGE_GROUPS) -> int:
        return sum(
            count
            for (y, st, group, _), count in self.cells.items()
            if y == year and group in groups and (stadtteil is None or st == stadtteil)
        )

    def by_group(self, year: int, stadtteil: str, group: str) -> int:
        return self.cells[(year, stadtteil, group, "m")] + self.cells[(year, stadtteil, group, "w")]


def build_population(zensus: dict[str, int], rng: random.Random) -> Population:
    """Residents per year × Stadtteil × age group × sex, real in 2022."""
    noise = {code: rng.uniform(-0.002, 0.002) for code in sorted(zensus)}
    cells: dict[tuple[int, str, str, str], int] = {}
    for year in YEARS:
        for code in sorted(zensus):
            _, settlement, drift = STADTTEILE[code]
            factor = CITY_INDEX[year] * (1 + (drift + noise[code]) * (year - BASE_YEAR))
            total = round(zensus[code] * factor) if year != BASE_YEAR else zensus[code]
            weights = [
                share * multiplier * age_trend(group, year)
                for group, share, multiplier in zip(AGE_GROUPS, AGE_SHARES, SETTLEMENT[settlement], strict=True)
            ]
            for group, count, female in zip(AGE_GROUPS, largest_remainder(total, weights), FEMALE_SHARES, strict=True):
                women, men = split_share(count, female)
                cells[(year, code, group, "m")] = men
                cells[(year, code, group, "w")] = women
    return Population(cells)


def sgb2_rate(stadtteil: str, group: str, year: int) -> float:
    """Share of residents living in SGB-II Bedarfsgemeinschaften (invented, by social index)."""
    index = STADTTEILE[stadtteil][0]
    if group in CHILD_GROUPS:
        base = 0.03 + 0.50 * index**1.4
    elif group == "15_18":
        base = 0.03 + 0.42 * index**1.4
    elif group == "18_25":
        base = 0.03 + 0.25 * index**1.3
    else:
        base = 0.02 + 0.20 * index**1.3
    return float(min(0.8, base * SGB2_TREND[year]))


def build_sgb2(population: Population) -> dict[tuple[int, str, str], int]:
    """SGB-II recipients per year × Stadtteil × age group (no 65+: they get Grundsicherung)."""
    result: dict[tuple[int, str, str], int] = {}
    stadtteile = sorted({code for _, code, _, _ in population.cells})
    for year in YEARS:
        for code in stadtteile:
            for group in SGB2_GROUPS:
                residents = population.by_group(year, code, group)
                result[(year, code, group)] = min(residents, round(residents * sgb2_rate(code, group, year)))
    return result


def child_sgb2_rate(population: Population, sgb2: dict[tuple[int, str, str], int], year: int, stadtteil: str) -> float:
    """SGB-II rate of children under 15 in a Stadtteil (as the indicator sgb2_children_rate)."""
    children = sum(population.by_group(year, stadtteil, group) for group in CHILD_GROUPS)
    recipients = sum(sgb2[(year, stadtteil, group)] for group in CHILD_GROUPS)
    return recipients / children if children else 0.0
