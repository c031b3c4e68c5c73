"""The invented schools of the demo city: Schulnummer, name, Stadtteil, Schulart, grades.

The number of schools per Schulart in the calibration year equals the real count for
Magdeburg (21111-01-03-4); the schools themselves, their names and places are synthetic.
Sekundarschulen are Schulart ``mehrere_bildungsgaenge`` in the statistics, Gemeinschafts-
schulen ``gesamtschule``; two Sekundarschulen become Gemeinschaftsschulen during the series,
one Grundschule opens and one Förderschule closes.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from bildungslandschaft.core.demo.apportion import largest_remainder
from bildungslandschaft.core.demo.profiles import STADTTEILE

FIRST_YEAR = 2014

#: Schulart → (label in city files, name prefix, grades, mean pupils in the calibration year).
KINDS: dict[str, tuple[str, str, tuple[str, ...], float]] = {
    "grundschule": ("Grundschule", "Grundschule", tuple(str(g) for g in range(1, 5)), 226.0),
    "mehrere_bildungsgaenge": ("Sekundarschule", "Sekundarschule", tuple(str(g) for g in range(5, 11)), 296.0),
    "gymnasium": ("Gymnasium", "Gymnasium", tuple(str(g) for g in range(5, 13)), 658.0),
    "gesamtschule": ("Gemeinschaftsschule", "Gemeinschaftsschule", tuple(str(g) for g in range(5, 11)), 455.0),
    "waldorf": ("Freie Waldorfschule", "Freie Waldorfschule", tuple(str(g) for g in range(1, 14)), 597.0),
    "foerderschule": ("Förderschule", "Förderschule", tuple(str(g) for g in range(1, 11)), 138.0),
    "abendschule": ("Abendschule", "Abendschule und Kolleg", ("10", "12", "13"), 94.0),
}
OBERSTUFE = ("11", "12", "13")

#: Förderschulen by their main Förderschwerpunkt (10 open in the calibration year, one more until 2016).
FOERDER_FOCUS: tuple[str, ...] = (
    "lernen",
    "lernen",
    "lernen",
    "geistig",
    "geistig",
    "emotional",
    "sprache",
    "koerperlich",
    "hoeren",
    "sehen",
    "lernen",
)

NAME_POOL: tuple[str, ...] = (
    "Am Lindenhof",
    "An der Elbe",
    "Am Stadtpark",
    "Am Wasserturm",
    "Im Grünen Winkel",
    "Am Sternsee",
    "Am Mühlenberg",
    "An der Schrote",
    "Am Anger",
    "Am Birkenweg",
    "Am Fliederhof",
    "Am Lerchenfeld",
    "An den Eichen",
    "Am Rosengarten",
    "Am Kastanienhof",
    "Am Elbdamm",
    "Am Sonnenhang",
    "An der Sülze",
    "Am Ahornweg",
    "Am Brunnenhof",
    "Am Weinberg",
    "Am Kirschberg",
    "An der Windmühle",
    "Am Nordpark",
    "Am Westring",
    "Am Hopfenhof",
    "Am Spielplatz",
    "Am Holunderweg",
    "Am Kiefernweg",
    "Am Pappelhain",
    "Am Schilfteich",
    "Am Storchennest",
    "Am Regenbogen",
    "Am Lindenplatz",
    "Am Uhrturm",
    "An der Börde",
    "Am Hafenbecken",
    "Am Goldberg",
    "Am Wiesengrund",
    "Am Heidering",
    "Am Lessingplatz",
    "Am Marktbrunnen",
    "Am Eulenturm",
    "Am Glockenturm",
    "Am Feldrain",
    "Am Taubenhof",
    "Am Kranichweg",
    "Am Eichenhain",
    "Am Schwanenteich",
    "Am Drosselweg",
    "Am Wachtelberg",
    "Am Hasengrund",
    "Am Erlenbruch",
    "Am Auenwald",
    "Am Lilienhof",
    "Am Sandberg",
    "Am Falkenweg",
    "Am Ulmenhof",
    "Am Zedernweg",
    "Am Weidenufer",
    "Am Rotdornweg",
    "Am Obstgarten",
    "Am Buchenring",
    "Am Tannenhof",
    "Am Mohnfeld",
    "Am Mittelweg",
    "Am Ginsterweg",
    "Am Seerosenteich",
    "Am Grenzweg",
    "Am Krähenberg",
    "Am Südring",
    "Am Ostpark",
    "Am Fuchsbau",
    "Am Lärchenweg",
    "Am Schloßpark",
    "Am Brückenkopf",
    "Am Mühlgraben",
    "Am Hirschweg",
    "Am Kornfeld",
    "Am Salbeiweg",
)


@dataclass(frozen=True)
class School:
    """One school of the demo city."""

    number: str
    name: str
    stadtteil: str
    kind: str  # Schulart in the latest year
    size: float  # expected pupils in the calibration year (before scaling)
    grades: tuple[str, ...]
    opened: int = FIRST_YEAR
    closed: int | None = None  # first year without the school
    converted: int | None = None  # Sekundarschule until the year before, then Gemeinschaftsschule
    focus: str | None = None  # main Förderschwerpunkt of a Förderschule
    slope: float = 0.0  # own trend per year

    def schulart(self, year: int) -> str | None:
        """The Schulart in a school year, or None if the school is not open."""
        if year < self.opened or (self.closed is not None and year >= self.closed):
            return None
        if self.converted is not None and year < self.converted:
            return "mehrere_bildungsgaenge"
        return self.kind


def _places(count: int, weights: dict[str, float]) -> list[str]:
    """Stadtteile for ``count`` schools in proportion to weights (each Stadtteil repeated)."""
    codes = sorted(weights)
    counts = largest_remainder(count, [weights[code] for code in codes])
    return [code for code, n in zip(codes, counts, strict=True) for _ in range(n)]


def build_schools(zensus: dict[str, int], rng: random.Random, names: dict[str, str]) -> list[School]:
    """The register of all schools that exist in any year of the series."""

    def weight(kind: str, code: str) -> float:
        index = STADTTEILE[code][0]
        people = zensus[code] if zensus[code] >= 1500 else 0
        factor = {"gymnasium": 1.3 - index, "gesamtschule": 0.5 + index, "mehrere_bildungsgaenge": 0.3 + index}
        return people * factor.get(kind, 1.0)

    plan: list[tuple[str, int, dict[str, object]]] = [
        ("grundschule", 37, {}),
        ("grundschule", 1, {"opened": 2019}),
        ("mehrere_bildungsgaenge", 3, {}),
        ("gesamtschule", 2, {"converted": None}),
        ("gesamtschule", 8, {}),
        ("gesamtschule", 2, {"oberstufe": True}),
        ("gymnasium", 11, {}),
        ("waldorf", 1, {}),
        ("foerderschule", 11, {}),
        ("abendschule", 3, {}),
    ]
    pool = list(NAME_POOL)
    rng.shuffle(pool)
    numbers = rng.sample(range(10000, 100000), 90)
    schools: list[School] = []
    conversions = iter((2016, 2018))
    for kind, count, options in plan:
        _, prefix, grades, mean = KINDS[kind]
        spots = _places(count, {code: weight(kind, code) for code in zensus})
        rng.shuffle(spots)
        for index in range(count):
            number = str(numbers[len(schools)])
            stadtteil = spots[index]
            focus = None
            closed = None
            school_grades = grades + OBERSTUFE if options.get("oberstufe") else grades
            size = mean * math.exp(rng.gauss(0, 0.25)) * (1.6 if options.get("oberstufe") else 1.0)
            if kind == "foerderschule":
                focus = FOERDER_FOCUS[index]
                closed = 2017 if index == 10 else None
                school_grades = tuple(str(g) for g in range(1, 5)) if focus == "sprache" else grades
            name = _name(kind, prefix, stadtteil, names, pool, focus)
            schools.append(
                School(
                    number=number,
                    name=name,
                    stadtteil=stadtteil,
                    kind=kind,
                    size=size,
                    grades=school_grades,
                    opened=int(str(options.get("opened", FIRST_YEAR))),
                    closed=closed,
                    converted=next(conversions) if "converted" in options else None,
                    focus=focus,
                    slope=rng.uniform(-0.015, 0.015),
                )
            )
    return schools


FOCUS_LABELS = {
    "lernen": "Lernen",
    "geistig": "Geistige Entwicklung",
    "emotional": "Emotionale und soziale Entwicklung",
    "sprache": "Sprache",
    "koerperlich": "Körperliche und motorische Entwicklung",
    "hoeren": "Hören",
    "sehen": "Sehen",
}


def _name(kind: str, prefix: str, stadtteil: str, names: dict[str, str], pool: list[str], focus: str | None) -> str:
    if kind == "waldorf":
        return "Freie Waldorfschule Magdeburg (Demo)"
    if kind == "abendschule":
        return f"Abendschule und Kolleg {pool.pop()}"
    if focus is not None:
        return f"Förderschule {FOCUS_LABELS[focus]} {pool.pop()}"
    return f"{prefix} {pool.pop()} ({names[stadtteil]})"
