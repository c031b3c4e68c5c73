"""Pupils per school × year × Klassenstufe × Geschlecht × Staatsangehörigkeit, plus repeaters.

In the calibration year the city totals per Schulart (insgesamt, weiblich, ausländisch,
7. and 11. Klassenstufe) equal the real Regionalstatistik values: each total is split over
the cells with the largest remainder method, weiblich and ausländisch with caps so that no
cell gets more girls or foreign pupils than it has pupils. Other years follow the schools'
expected sizes (cohort trends from the births series, own trend per school).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bildungslandschaft.core.demo.apportion import largest_remainder, stochastic_round
from bildungslandschaft.core.demo.calibration import Calibration
from bildungslandschaft.core.demo.profiles import FOREIGN_TREND, YEARS, age_trend, social_index
from bildungslandschaft.core.demo.schools import School

SCHULARTEN: tuple[str, ...] = (
    "grundschule",
    "mehrere_bildungsgaenge",
    "gymnasium",
    "gesamtschule",
    "waldorf",
    "foerderschule",
    "abendschule",
)
#: Relative size of grades (default 1.0); the other years keep the calibration-year shares.
GRADE_WEIGHTS: dict[str, dict[str, float]] = {
    "gymnasium": {"11": 0.92, "12": 0.88},
    "gesamtschule": {"11": 0.3, "12": 0.28, "13": 0.26},
    "waldorf": {"12": 0.8, "13": 0.6},
    "foerderschule": {"1": 0.3, "2": 0.4, "3": 0.6, "4": 0.8},
    "abendschule": {"13": 0.8},
}
REPEAT_RATES: dict[str, float] = {
    "grundschule": 0.012,
    "mehrere_bildungsgaenge": 0.045,
    "gymnasium": 0.012,
    "gesamtschule": 0.028,
    "waldorf": 0.004,
    "foerderschule": 0.01,
    "abendschule": 0.05,
}

Key = tuple[int, str, str, str, str]  # year, school number, grade, sex, nationality


ALL_GRADES: tuple[str, ...] = tuple(str(grade) for grade in range(1, 14))


@dataclass(frozen=True)
class Pupils:
    """``counts[key]`` pupils and ``repeaters[key]`` of them repeating the grade."""

    counts: dict[Key, int]
    repeaters: dict[Key, int]
    _index: dict[tuple[int, str, str, str], int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[tuple[int, str, str, str], int] = {}
        for (year, number, grade, sex, _), count in self.counts.items():
            key = (year, number, grade, sex)
            index[key] = index.get(key, 0) + count
        object.__setattr__(self, "_index", index)

    def school_total(self, year: int, number: str, grades: Iterable[str] | None = None, sex: str | None = None) -> int:
        """Pupils of a school in a year, optionally only some grades or one sex."""
        sexes = (sex,) if sex is not None else ("m", "w")
        return sum(self._index.get((year, number, grade, s), 0) for grade in (grades or ALL_GRADES) for s in sexes)


def expected_size(school: School, year: int, calibration_year: int) -> float:
    """Expected pupils of a school in a year (before the calibration scaling)."""
    kind = school.kind
    if kind in ("grundschule", "waldorf"):
        trend = age_trend("6_10", year) / age_trend("6_10", calibration_year)
    elif kind == "foerderschule":
        trend = 1 + 0.02 * (calibration_year - year)
    elif kind == "abendschule":
        trend = 1 + 0.025 * (calibration_year - year)
    else:
        trend = age_trend("10_15", year) / age_trend("10_15", calibration_year)
    return school.size * trend * (1 + school.slope * (year - calibration_year))


def _share(calibration: Calibration, schulart: str, column: str) -> float:
    """Share of a column (weiblich, ausländisch) in the calibration year."""
    row = calibration.pupils[schulart]
    return float(row[column] or 0) / float(row["insgesamt"] or 1)


def build_pupils(schools: list[School], calibration: Calibration, rng: random.Random) -> Pupils:
    """All pupils of all schools and years."""
    counts: dict[Key, int] = {}
    base_year = calibration.pupils_year
    scale: dict[str, float] = {}
    for schulart in SCHULARTEN:
        present = [s for s in schools if s.schulart(base_year) == schulart]
        expected = sum(expected_size(s, base_year, base_year) for s in present)
        scale[schulart] = float(calibration.pupils[schulart]["insgesamt"] or 0) / expected if expected else 1.0
    for year in YEARS:
        for schulart in SCHULARTEN:
            present = [s for s in schools if s.schulart(year) == schulart]
            if not present:
                continue
            sizes = [expected_size(s, year, base_year) * scale[s.kind] for s in present]
            if year == base_year:
                row = calibration.pupils[schulart]
                total, women, foreign = (int(row[key] or 0) for key in ("insgesamt", "weiblich", "auslaendisch"))
                fixed = {grade: row[f"klasse_{grade}"] for grade in ("7", "11")}
            else:
                total = round(sum(sizes) * (1 + rng.gauss(0, 0.004)))
                women = min(total, max(0, round(total * _share(calibration, schulart, "weiblich") + rng.gauss(0, 3))))
                foreign = min(total, round(total * _share(calibration, schulart, "auslaendisch") * FOREIGN_TREND[year]))
                fixed = {}
            cells = _grade_cells(present, sizes, schulart, total, fixed)
            _split(counts, year, cells, present, women, foreign, rng)
    return Pupils(counts, _repeaters(counts, schools, rng))


def _grade_cells(
    present: list[School], sizes: list[float], schulart: str, total: int, fixed: Mapping[str, object]
) -> dict[tuple[str, str], int]:
    """Pupils per (school, grade): first the grade totals, then the schools."""
    extra = GRADE_WEIGHTS.get(schulart, {})
    grades = sorted({g for s in present for g in s.grades}, key=int)

    def share(school: School, grade: str) -> float:
        if grade not in school.grades:
            return 0.0
        weights = [extra.get(g, 1.0) for g in school.grades]
        return extra.get(grade, 1.0) / sum(weights)

    weights = {g: sum(size * share(s, g) for s, size in zip(present, sizes, strict=True)) for g in grades}
    given = {g: int(str(v)) for g, v in fixed.items() if v is not None and g in weights}
    free = [g for g in grades if g not in given]
    grade_totals = dict(given)
    grade_totals.update(
        zip(free, largest_remainder(total - sum(given.values()), [weights[g] for g in free]), strict=True)
    )
    cells: dict[tuple[str, str], int] = {}
    for grade in grades:
        parts = largest_remainder(
            grade_totals[grade], [size * share(s, grade) for s, size in zip(present, sizes, strict=True)]
        )
        for school, count in zip(present, parts, strict=True):
            if grade in school.grades:
                cells[(school.number, grade)] = count
    return cells


def _split(
    counts: dict[Key, int],
    year: int,
    cells: dict[tuple[str, str], int],
    present: list[School],
    women: int,
    foreign: int,
    rng: random.Random,
) -> None:
    """Split (school, grade) cells by sex, then by nationality, hitting both totals exactly."""
    by_number = {s.number: s for s in present}
    bias = {s.number: (rng.uniform(0.9, 1.1), 0.4 + 1.4 * social_index(s.stadtteil)) for s in present}
    keys = list(cells)
    female = largest_remainder(women, [cells[k] * bias[k[0]][0] for k in keys], [cells[k] for k in keys])
    sexed: list[tuple[str, str, str, int]] = []
    for (number, grade), girls in zip(keys, female, strict=True):
        sexed.append((number, grade, "w", girls))
        sexed.append((number, grade, "m", cells[(number, grade)] - girls))
    weights = [
        n * bias[number][1] * (1.0 if by_number[number].kind != "gymnasium" else 0.8) for number, _, _, n in sexed
    ]
    foreign_parts = largest_remainder(foreign, weights, [n for *_, n in sexed])
    for (number, grade, sex, n), aliens in zip(sexed, foreign_parts, strict=True):
        counts[(year, number, grade, sex, "deutsch")] = n - aliens
        counts[(year, number, grade, sex, "auslaendisch")] = aliens


def _repeaters(counts: dict[Key, int], schools: list[School], rng: random.Random) -> dict[Key, int]:
    kinds = {(s.number, y): s.schulart(y) for s in schools for y in YEARS}
    result: dict[Key, int] = {}
    for key, n in counts.items():
        year, number, grade, sex, nationality = key
        rate = REPEAT_RATES[kinds[(number, year)] or "grundschule"]
        rate *= (1.3 if sex == "m" else 0.7) * (1.6 if nationality == "auslaendisch" else 1.0)
        rate *= 0.5 if grade in ("1", "12", "13") else 1.0
        rate *= 1.4 if year == 2020 else 1.0
        result[key] = min(n, stochastic_round(n * rate, rng))
    return result
