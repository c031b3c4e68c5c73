"""The whole demo city in memory, generated from a seed.

Each part draws from its own random stream (seeded with the seed and the part's name),
so changing one part does not shift the random numbers of the others, and the same seed
always gives the same city.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bildungslandschaft.core.demo.calibration import Calibration, Number, load_calibration
from bildungslandschaft.core.demo.geo import load_stadtteile, read_population_csv
from bildungslandschaft.core.demo.kitas import Kitas, build_kitas
from bildungslandschaft.core.demo.outcomes import Outcomes, build_outcomes
from bildungslandschaft.core.demo.population import Population, build_population, build_sgb2
from bildungslandschaft.core.demo.pupils import Pupils, build_pupils
from bildungslandschaft.core.demo.schools import School, build_schools
from bildungslandschaft.core.demo.services import (
    Equipment,
    build_equipment,
    build_labour,
    build_vhs,
    build_vocational,
)


@dataclass(frozen=True)
class DemoCity:
    seed: int
    calibration: Calibration
    names: dict[str, str]  # Stadtteil code → name
    zensus: dict[str, int]
    population: Population
    sgb2: dict[tuple[int, str, str], int]
    schools: list[School]
    pupils: Pupils
    outcomes: Outcomes
    kitas: Kitas
    equipment: dict[tuple[int, str], Equipment]
    vhs: dict[tuple[int, str, str], tuple[int, int, int]]
    labour: dict[int, dict[str, Number]]
    vocational: dict[int, dict[str, tuple[int, int]]]


def _stream(seed: int, name: str) -> random.Random:
    return random.Random(f"bildungslandschaft-demo:{seed}:{name}")  # noqa: S311 - reproducible demo data, not secrets


def generate_city(seed: int = 2023) -> DemoCity:
    """Generate the demo city (no files yet)."""
    calibration = load_calibration()
    names = {code: name for code, (name, _) in load_stadtteile().items()}
    zensus = read_population_csv()
    population = build_population(zensus, _stream(seed, "population"))
    sgb2 = build_sgb2(population)
    schools = build_schools(zensus, _stream(seed, "schools"), names)
    pupils = build_pupils(schools, calibration, _stream(seed, "pupils"))
    return DemoCity(
        seed=seed,
        calibration=calibration,
        names=names,
        zensus=zensus,
        population=population,
        sgb2=sgb2,
        schools=schools,
        pupils=pupils,
        outcomes=build_outcomes(schools, pupils, calibration, _stream(seed, "outcomes")),
        kitas=build_kitas(population, sgb2, names, _stream(seed, "kitas")),
        equipment=build_equipment(schools, pupils, _stream(seed, "equipment")),
        vhs=build_vhs(_stream(seed, "vhs")),
        labour=build_labour(calibration, _stream(seed, "labour")),
        vocational=build_vocational(calibration, _stream(seed, "vocational")),
    )
