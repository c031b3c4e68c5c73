"""Further demo series: school IT equipment, Volkshochschule courses, unemployment (13211).

All invented but shaped like the real developments: the DigitalPakt Schule and the
Corona device programmes from 2020, fibre connections from 2020 on, the Corona dip of the
VHS in 2020/21. Unemployment of the calibration year (2025) equals the real values for
Magdeburg (13211-02-05-4); other years follow an invented index.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bildungslandschaft.core.demo.apportion import largest_remainder
from bildungslandschaft.core.demo.calibration import Calibration, Number
from bildungslandschaft.core.demo.profiles import YEARS
from bildungslandschaft.core.demo.pupils import Pupils
from bildungslandschaft.core.demo.schools import School

DEVICES_PER_PUPIL: dict[int, float] = {
    2014: 0.06,
    2015: 0.065,
    2016: 0.07,
    2017: 0.08,
    2018: 0.09,
    2019: 0.11,
    2020: 0.22,
    2021: 0.38,
    2022: 0.45,
    2023: 0.52,
    2024: 0.58,
    2025: 0.62,
}
DISPLAY_SHARE: dict[int, float] = {
    2014: 0.03,
    2015: 0.04,
    2016: 0.06,
    2017: 0.08,
    2018: 0.11,
    2019: 0.15,
    2020: 0.25,
    2021: 0.38,
    2022: 0.50,
    2023: 0.60,
    2024: 0.68,
    2025: 0.74,
}
VHS_PLACES: dict[str, float] = {
    "altstadt": 0.45,
    "stadtfeld_ost": 0.08,
    "sudenburg": 0.06,
    "neue_neustadt": 0.06,
    "neu_olvenstedt": 0.05,
    "buckau": 0.05,
    "leipziger_strasse": 0.05,
    "cracau": 0.04,
    "ottersleben": 0.04,
    "reform": 0.04,
    "neustaedter_see": 0.04,
    "alte_neustadt": 0.04,
}
#: Programmbereich → (share of courses, hours per course, enrolments per course).
VHS_AREAS: dict[str, tuple[float, float, float]] = {
    "politik": (0.08, 10, 14),
    "kultur": (0.20, 22, 9),
    "gesundheit": (0.30, 18, 10),
    "sprachen": (0.30, 40, 10),
    "beruf": (0.07, 25, 9),
    "grundbildung": (0.05, 80, 10),
}
VHS_COURSES: dict[int, float] = {
    2014: 1330,
    2015: 1350,
    2016: 1380,
    2017: 1390,
    2018: 1400,
    2019: 1410,
    2020: 780,
    2021: 850,
    2022: 1190,
    2023: 1330,
    2024: 1400,
    2025: 1430,
}
UNEMPLOYMENT_INDEX: dict[int, float] = {
    2014: 1.22,
    2015: 1.17,
    2016: 1.08,
    2017: 0.99,
    2018: 0.90,
    2019: 0.85,
    2020: 0.95,
    2021: 0.93,
    2022: 0.89,
    2023: 0.93,
    2024: 0.97,
    2025: 1.0,
}
VOCATIONAL_INDEX: dict[int, float] = {
    2014: 1.3,
    2015: 1.25,
    2016: 1.2,
    2017: 1.15,
    2018: 1.1,
    2019: 1.06,
    2020: 1.02,
    2021: 1.0,
    2022: 0.98,
    2023: 1.0,
    2024: 1.01,
    2025: 1.02,
}
FOREIGN_UNEMPLOYED: dict[int, float] = {
    2014: 0.09,
    2015: 0.12,
    2016: 0.18,
    2017: 0.22,
    2018: 0.23,
    2019: 0.22,
    2020: 0.23,
    2021: 0.23,
    2022: 0.25,
    2023: 0.27,
    2024: 0.28,
    2025: 0.29,
}


@dataclass(frozen=True)
class Equipment:
    laptop: int
    tablet: int
    desktop: int
    classrooms: int
    displays: int
    bandwidth: int


def build_equipment(schools: list[School], pupils: Pupils, rng: random.Random) -> dict[tuple[int, str], Equipment]:
    """IT inventory per (year, school)."""
    result: dict[tuple[int, str], Equipment] = {}
    for school in schools:
        factor, display_factor = rng.uniform(0.7, 1.3), rng.uniform(0.7, 1.25)
        fibre_year, upgrade_year = rng.randint(2020, 2027), rng.randint(2016, 2019)
        tablet_bias = 2.0 if school.kind in ("grundschule", "foerderschule") else 1.0
        reference = max((pupils.school_total(y, school.number) for y in YEARS), default=0)
        classrooms = max(4, round(reference / 22 * rng.uniform(1.0, 1.2)) + rng.randint(2, 6))
        for year in YEARS:
            if school.schulart(year) is None:
                continue
            n = pupils.school_total(year, school.number)
            devices = round(n * DEVICES_PER_PUPIL[year] * factor)
            desktop_share = max(0.2, 0.8 - 0.06 * (year - 2014))
            tablet_share = (0.05 + (0.25 if year >= 2020 else 0.0)) * tablet_bias
            laptop, tablet, desktop = largest_remainder(devices, [1 - desktop_share, tablet_share, desktop_share])
            displays = min(classrooms, round(classrooms * DISPLAY_SHARE[year] * display_factor))
            bandwidth = 1000 if year >= fibre_year else 100 if year >= upgrade_year else 16
            result[(year, school.number)] = Equipment(laptop, tablet, desktop, classrooms, displays, bandwidth)
    return result


def build_vhs(rng: random.Random) -> dict[tuple[int, str, str], tuple[int, int, int]]:
    """(year, Stadtteil, Programmbereich) → (courses, hours, enrolments)."""
    result: dict[tuple[int, str, str], tuple[int, int, int]] = {}
    for year in YEARS:
        for place, place_share in VHS_PLACES.items():
            for area, (share, hours, enrolments) in VHS_AREAS.items():
                courses = round(VHS_COURSES[year] * place_share * share * rng.uniform(0.85, 1.15))
                if place != "altstadt" and area == "grundbildung":
                    courses = 0
                if courses:
                    result[(year, place, area)] = (
                        courses,
                        round(courses * hours * rng.uniform(0.9, 1.1)),
                        round(courses * enrolments * rng.uniform(0.85, 1.1)),
                    )
    return result


def build_labour(calibration: Calibration, rng: random.Random) -> dict[int, dict[str, Number]]:
    """Values of 13211-02-05-4 per year; the calibration year is real."""
    real = calibration.labour
    result: dict[int, dict[str, Number]] = {}
    for year in YEARS:
        if year == calibration.labour_year:
            result[year] = dict(real)
            continue
        index = UNEMPLOYMENT_INDEX[year]
        values: dict[str, Number] = {}
        total = round(int(real["unemployed"] or 0) * index)
        for key, value in real.items():
            if isinstance(value, float):
                values[key] = round(value * index * rng.uniform(0.97, 1.03), 1)
            elif key == "unemployed":
                values[key] = total
            elif key == "unemployed_auslaendisch":
                values[key] = round(total * FOREIGN_UNEMPLOYED[year])
            else:
                values[key] = round(int(value or 0) * index * rng.uniform(0.95, 1.05))
        result[year] = values
    return result


def build_vocational(calibration: Calibration, rng: random.Random) -> dict[int, dict[str, tuple[int, int]]]:
    """21121-02-02-4 per year: Abschluss → (insgesamt, weiblich); ``_T`` is the sum of the four."""
    result: dict[int, dict[str, tuple[int, int]]] = {}
    for year in YEARS:
        values: dict[str, tuple[int, int]] = {}
        for code, real in calibration.vocational.items():
            total, women = int(real["insgesamt"] or 0), int(real["weiblich"] or 0)
            if year != calibration.vocational_year:
                total = round(total * VOCATIONAL_INDEX[year] * rng.uniform(0.93, 1.07))
                women = min(total, round(total * women / max(1, int(real["insgesamt"] or 0)) * rng.uniform(0.95, 1.05)))
            values[code] = (total, women)
        parts = [values[code] for code in ("hsa", "msa", "fhr", "ahr")]
        values["_T"] = (sum(part[0] for part in parts), sum(part[1] for part in parts))
        result[year] = values
    return result
