"""What happens to the pupils: special needs (SEN), leavers by Abschluss, transitions after grade 4.

Leavers of the calibration year equal the real values per Abschlussart (insgesamt and
weiblich, 21111-02-06-4); other years follow the size of the leaving cohorts. The year of
leavers is the Berichtsjahr of the Regionalstatistik: the year in which the school year ends.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bildungslandschaft.core.demo.apportion import largest_remainder
from bildungslandschaft.core.demo.calibration import Calibration
from bildungslandschaft.core.demo.profiles import YEARS, social_index
from bildungslandschaft.core.demo.pupils import Pupils
from bildungslandschaft.core.demo.schools import School

FOERDERSCHWERPUNKTE: tuple[str, ...] = (
    "lernen",
    "geistig",
    "emotional",
    "sprache",
    "koerperlich",
    "hoeren",
    "sehen",
    "kranke",
)
INCLUSIVE_MIX: tuple[float, ...] = (0.33, 0.02, 0.27, 0.14, 0.08, 0.07, 0.04, 0.05)
INCLUSION_RATES: dict[str, float] = {
    "grundschule": 0.035,
    "mehrere_bildungsgaenge": 0.07,
    "gesamtschule": 0.06,
    "gymnasium": 0.006,
    "waldorf": 0.03,
}
ABSCHLUESSE: tuple[str, ...] = ("ohne_hsa", "hsa", "msa", "ahr")
#: Propensity of a Schulart's leaving cohort to leave with an Abschluss (relative weights).
PROPENSITY: dict[str, tuple[float, float, float, float]] = {
    "mehrere_bildungsgaenge": (0.5, 0.8, 1.4, 0.0),
    "gesamtschule": (0.35, 0.45, 1.0, 1.0),
    "gymnasium": (0.01, 0.01, 0.08, 1.0),
    "waldorf": (0.05, 0.1, 0.5, 0.8),
    "foerderschule": (3.0, 0.8, 0.1, 0.0),
    "abendschule": (0.1, 0.6, 1.0, 0.5),
}
TRANSITION_TARGETS: tuple[str, ...] = (
    "gymnasium",
    "gesamtschule",
    "mehrere_bildungsgaenge",
    "waldorf",
    "foerderschule",
)


@dataclass(frozen=True)
class Outcomes:
    sen: dict[tuple[int, str, str, str], int]  # (year, school, foerderschwerpunkt, sex)
    leavers: dict[tuple[int, str, str, str], int]  # (year, school, abschluss, sex)
    fhr_schulisch: dict[int, tuple[int, int]]  # year → (insgesamt, weiblich), GENESIS only ("dar.")
    transitions: dict[tuple[int, str, str], int]  # (year, Grundschule, schulart_ziel)


def build_outcomes(schools: list[School], pupils: Pupils, calibration: Calibration, rng: random.Random) -> Outcomes:
    leavers, fhr = _leavers(schools, pupils, calibration, rng)
    return Outcomes(_sen(schools, pupils), leavers, fhr, _transitions(schools, pupils))


def _sen(schools: list[School], pupils: Pupils) -> dict[tuple[int, str, str, str], int]:
    result: dict[tuple[int, str, str, str], int] = {}
    for year in YEARS:
        trend = 0.75 + 0.035 * (year - 2014)
        for school in schools:
            schulart = school.schulart(year)
            if schulart is None or schulart == "abendschule":
                continue
            for sex in ("m", "w"):
                n = pupils.school_total(year, school.number, sex=sex)
                if schulart == "foerderschule":
                    total = n
                    weights = [
                        90.0 if fsp == school.focus else 10 * mix
                        for fsp, mix in zip(FOERDERSCHWERPUNKTE, INCLUSIVE_MIX, strict=True)
                    ]
                else:
                    rate = INCLUSION_RATES[schulart] * (0.7 + 0.8 * social_index(school.stadtteil)) * trend
                    total = min(n, round(n * rate * (1.45 if sex == "m" else 0.55)))
                    weights = list(INCLUSIVE_MIX)
                for fsp, count in zip(FOERDERSCHWERPUNKTE, largest_remainder(total, weights), strict=True):
                    if count:
                        result[(year, school.number, fsp, sex)] = count
    return result


def _cohort(school: School, pupils: Pupils, year: int, abschluss: str) -> float:
    """Size of the cohort that can leave a school with an Abschluss at the end of the school year."""
    source_year = max(YEARS[0], year - 1)
    if abschluss == "ahr":
        top = max(school.grades, key=int)
        return float(pupils.school_total(source_year, school.number, [top])) if int(top) >= 12 else 0.0
    grades = ["9", "10"] if school.kind != "abendschule" else ["10"]
    return pupils.school_total(source_year, school.number, grades) / (2 if school.kind != "abendschule" else 1)


def leaver_schulart(school: School, year: int) -> str | None:
    """The Schulart under which a school's leavers of a Berichtsjahr count (the school year that ended)."""
    return school.schulart(year - 1) if year > YEARS[0] else school.schulart(year)


def _weights(schools: list[School], pupils: Pupils, year: int, abschluss: str) -> list[float]:
    position = ABSCHLUESSE.index(abschluss)
    weights = []
    for school in schools:
        schulart = leaver_schulart(school, year)
        if schulart is None or schulart == "grundschule":
            weights.append(0.0)
            continue
        index = social_index(school.stadtteil)
        modifier = (
            (0.6 + 0.8 * index)
            if abschluss in ("ohne_hsa", "hsa")
            else (1.2 - 0.4 * index if abschluss == "ahr" else 1.0)
        )
        weights.append(_cohort(school, pupils, year, abschluss) * PROPENSITY[schulart][position] * modifier)
    return weights


def _leavers(
    schools: list[School], pupils: Pupils, calibration: Calibration, rng: random.Random
) -> tuple[dict[tuple[int, str, str, str], int], dict[int, tuple[int, int]]]:
    base_year = calibration.leavers_year
    reference = {a: sum(_weights(schools, pupils, base_year, a)) for a in ABSCHLUESSE}
    result: dict[tuple[int, str, str, str], int] = {}
    fhr: dict[int, tuple[int, int]] = {}
    for year in YEARS:
        for abschluss in ABSCHLUESSE:
            real = calibration.leavers[abschluss]
            weights = _weights(schools, pupils, year, abschluss)
            if year == base_year:
                total, women = int(real["insgesamt"] or 0), int(real["weiblich"] or 0)
            else:
                total = round(
                    int(real["insgesamt"] or 0) * sum(weights) / reference[abschluss] * rng.uniform(0.96, 1.04)
                )
                share = int(real["weiblich"] or 0) / max(1, int(real["insgesamt"] or 0))
                women = min(total, max(0, round(total * share * rng.uniform(0.95, 1.05))))
            parts = largest_remainder(total, weights)
            bias = [n * rng.uniform(0.85, 1.15) for n in parts]
            girls = largest_remainder(women, bias, parts)
            for school, n, w in zip(schools, parts, girls, strict=True):
                if n:
                    result[(year, school.number, abschluss, "w")] = w
                    result[(year, school.number, abschluss, "m")] = n - w
        real_fhr = calibration.leavers["fhr_schulisch"]
        if year == base_year:
            fhr[year] = (int(real_fhr["insgesamt"] or 0), int(real_fhr["weiblich"] or 0))
        else:
            ratio = sum(_weights(schools, pupils, year, "ahr")) / reference["ahr"]
            total = round(int(real_fhr["insgesamt"] or 0) * ratio * rng.uniform(0.9, 1.1))
            fhr[year] = (total, round(total * 0.4))
    return result, fhr


def _transitions(schools: list[School], pupils: Pupils) -> dict[tuple[int, str, str], int]:
    result: dict[tuple[int, str, str], int] = {}
    for year in YEARS:
        for school in schools:
            if school.schulart(year) != "grundschule":
                continue
            fourth = pupils.school_total(year, school.number, ["4"])
            index = social_index(school.stadtteil)
            sek = (0.12 if year < 2016 else 0.08 if year < 2018 else 0.05) * (0.5 + index)
            gym = 0.60 - 0.35 * index + 0.004 * (year - 2014)
            foerder = 0.01 + 0.015 * index
            shares = [gym, 1 - gym - sek - 0.012 - foerder, sek, 0.012, foerder]
            for target, count in zip(TRANSITION_TARGETS, largest_remainder(fourth, shares), strict=True):
                result[(year, school.number, target)] = count
    return result
