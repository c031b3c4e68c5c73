"""The Kindertageseinrichtungen of the demo city: places and children per Kita, Kita-Sozialarbeit.

About 130 Kitas (codes K001 …), placed in proportion to the children living in each
Stadtteil. City-wide attendance follows invented rates (U3, 3–6, Hort) applied to the
population; children are apportioned to the Kitas within their approved places. Since
January 2020, 18 Kitas take part in "Soziale Arbeit in Kitas": those in the Stadtteile with
the highest SGB-II rate of children (2019), larger Kitas first.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from bildungslandschaft.core.demo.apportion import largest_remainder
from bildungslandschaft.core.demo.population import Population, child_sgb2_rate
from bildungslandschaft.core.demo.profiles import YEARS

SOCIAL_WORK_START = 2020
SOCIAL_WORK_KITAS = 18
#: Platzart → age group of the children in such places.
PLACE_GROUPS: dict[str, str] = {"krippe": "0_3", "kindergarten": "3_6", "hort": "6_10"}
#: Kita types: (count, platzarten, years in which some of them open).
KITA_TYPES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (80, ("krippe", "kindergarten")),
    (22, ("krippe", "kindergarten", "hort")),
    (28, ("hort",)),
)
LATE_OPENINGS: tuple[int, ...] = (2016, 2018, 2020, 2022)


@dataclass(frozen=True)
class Kita:
    code: str
    name: str
    stadtteil: str
    platzarten: tuple[str, ...]
    size: float
    occupancy: float
    opened: int = YEARS[0]


@dataclass(frozen=True)
class Kitas:
    register: list[Kita]
    social_work: frozenset[str]  # Kitas in the programme from SOCIAL_WORK_START on
    places: dict[tuple[int, str, str], int]  # (year, kita, platzart)
    children: dict[tuple[int, str, str], int]  # (year, kita, altersgruppe)

    def has_social_work(self, code: str, year: int) -> bool:
        return code in self.social_work and year >= SOCIAL_WORK_START


def attendance_rate(group: str, year: int) -> float:
    """Share of the age group attending a Kita or Hort (invented)."""
    step = year - YEARS[0]
    return {"0_3": 0.54 + 0.008 * step, "3_6": 0.925 + 0.002 * step, "6_10": 0.70 + 0.01 * step}[group]


def build_kitas(
    population: Population, sgb2: dict[tuple[int, str, str], int], names: dict[str, str], rng: random.Random
) -> Kitas:
    stadtteile = sorted(names)
    drafts: list[tuple[str, tuple[str, ...], float]] = []
    for count, platzarten in KITA_TYPES:
        groups = ("6_10",) if platzarten == ("hort",) else ("0_3", "3_6")
        weights = [
            sum(population.by_group(2022, code, group) for group in groups)
            if population.total(2022, code) >= 500
            else 0
            for code in stadtteile
        ]
        for code, n in zip(stadtteile, largest_remainder(count, weights), strict=True):
            drafts.extend((code, platzarten, math.exp(rng.gauss(0, 0.3))) for _ in range(n))
    drafts.sort(key=lambda draft: (draft[0], len(draft[1]) == 1, -draft[2]))
    late = dict(
        zip(
            rng.sample([i for i, d in enumerate(drafts) if len(d[1]) == 2], len(LATE_OPENINGS)),
            LATE_OPENINGS,
            strict=True,
        )
    )
    register: list[Kita] = []
    numbering: dict[tuple[str, bool], int] = {}
    for index, (code, platzarten, size) in enumerate(drafts):
        hort = platzarten == ("hort",)
        numbering[(code, hort)] = numbering.get((code, hort), 0) + 1
        name = f"{'Hort' if hort else 'Kita'} {names[code]} {numbering[(code, hort)]}"
        register.append(
            Kita(f"K{index + 1:03d}", name, code, platzarten, size, rng.uniform(0.88, 0.98), late.get(index, YEARS[0]))
        )
    social = _social_work(register, population, sgb2)
    places, children = _occupancy(register, population)
    return Kitas(register, social, places, children)


def _social_work(register: list[Kita], population: Population, sgb2: dict[tuple[int, str, str], int]) -> frozenset[str]:
    candidates = [kita for kita in register if kita.opened <= SOCIAL_WORK_START and "kindergarten" in kita.platzarten]
    rate = {
        kita.stadtteil: child_sgb2_rate(population, sgb2, SOCIAL_WORK_START - 1, kita.stadtteil) for kita in candidates
    }
    ranked = sorted(candidates, key=lambda kita: (-round(rate[kita.stadtteil], 6), -kita.size, kita.code))
    return frozenset(kita.code for kita in ranked[:SOCIAL_WORK_KITAS])


def _occupancy(
    register: list[Kita], population: Population
) -> tuple[dict[tuple[int, str, str], int], dict[tuple[int, str, str], int]]:
    places: dict[tuple[int, str, str], int] = {}
    children: dict[tuple[int, str, str], int] = {}
    for year in YEARS:
        active = [kita for kita in register if kita.opened <= year]
        for platzart, group in PLACE_GROUPS.items():
            offering = [kita for kita in active if platzart in kita.platzarten]
            demand = round(attendance_rate(group, year) * population.total(year, groups=(group,)))
            weight = sum(kita.size for kita in offering)
            caps = [max(1, round(demand * kita.size / weight / kita.occupancy)) for kita in offering]
            counts = largest_remainder(min(demand, sum(caps)), [kita.size for kita in offering], caps)
            for kita, cap, count in zip(offering, caps, counts, strict=True):
                places[(year, kita.code, platzart)] = cap
                children[(year, kita.code, group)] = count
    return places, children
