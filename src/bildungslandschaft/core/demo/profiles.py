"""Invented, but plausible, characteristics of the demo city's Stadtteile and its trends.

Nothing here is an official number: the social index, the settlement types and the
year series are set by hand to give the demo city a recognisable shape (inner city with
students, Gründerzeit quarters with young families, large housing estates with more
SGB-II receipt and older residents, suburbs with families). The Stadtteile themselves and
their 2022 population are real (see ``geo.py``).
"""

from __future__ import annotations

YEARS: tuple[int, ...] = tuple(range(2014, 2026))
BASE_YEAR = 2022  # Zensus 2022: the Stadtteil totals are real in this year

AGE_GROUPS: tuple[str, ...] = ("0_3", "3_6", "6_10", "10_15", "15_18", "18_25", "25_65", "65_")
#: City-wide age structure (share of residents), roughly that of an East German regional capital.
AGE_SHARES: tuple[float, ...] = (0.026, 0.027, 0.037, 0.044, 0.025, 0.075, 0.515, 0.251)
#: Share of women per age group.
FEMALE_SHARES: tuple[float, ...] = (0.487, 0.487, 0.487, 0.486, 0.484, 0.47, 0.485, 0.575)

#: Age multipliers per settlement type (same order as AGE_GROUPS).
SETTLEMENT: dict[str, tuple[float, ...]] = {
    "zentrum": (1.1, 1.0, 0.85, 0.75, 0.75, 1.9, 1.05, 0.7),
    "gruenderzeit": (1.3, 1.2, 1.05, 0.95, 0.9, 1.3, 1.05, 0.75),
    "platte": (0.9, 0.95, 1.0, 1.0, 1.0, 0.8, 0.9, 1.35),
    "vorort": (0.9, 1.0, 1.15, 1.25, 1.2, 0.65, 1.05, 1.0),
    "gemischt": (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
}

#: Stadtteil → (social index 0 = well-off … 1 = high SGB-II receipt, settlement type, yearly drift).
STADTTEILE: dict[str, tuple[float, str, float]] = {
    "alt_olvenstedt": (0.25, "vorort", 0.004),
    "alte_neustadt": (0.45, "zentrum", 0.006),
    "altstadt": (0.40, "zentrum", 0.004),
    "barleber_see": (0.15, "vorort", 0.0),
    "berliner_chaussee": (0.20, "vorort", 0.003),
    "beyendorf_sohlen": (0.08, "vorort", 0.004),
    "beyendorfer_grund": (0.05, "vorort", 0.0),
    "brueckfeld": (0.30, "gemischt", 0.002),
    "buckau": (0.45, "gruenderzeit", 0.008),
    "cracau": (0.30, "gemischt", 0.003),
    "diesdorf": (0.12, "vorort", 0.006),
    "fermersleben": (0.50, "gemischt", 0.0),
    "gewerbegebiet_nord": (0.40, "gemischt", 0.0),
    "grosser_silberberg": (0.10, "vorort", 0.0),
    "herrenkrug": (0.15, "vorort", 0.005),
    "hopfengarten": (0.05, "vorort", 0.006),
    "industriehafen": (0.40, "gemischt", 0.0),
    "kannenstieg": (0.75, "platte", -0.004),
    "kreuzhorst": (0.10, "vorort", 0.0),
    "leipziger_strasse": (0.50, "gemischt", 0.002),
    "lemsdorf": (0.25, "gemischt", 0.002),
    "neu_olvenstedt": (0.90, "platte", -0.005),
    "neue_neustadt": (0.70, "gruenderzeit", 0.004),
    "neustaedter_feld": (0.60, "platte", -0.004),
    "neustaedter_see": (0.85, "platte", -0.003),
    "nordwest": (0.20, "gemischt", 0.002),
    "ottersleben": (0.10, "vorort", 0.006),
    "pechau": (0.10, "vorort", 0.0),
    "prester": (0.15, "vorort", 0.003),
    "randau_calenberge": (0.10, "vorort", 0.0),
    "reform": (0.35, "platte", -0.002),
    "rothensee": (0.50, "gemischt", 0.0),
    "salbke": (0.55, "gemischt", 0.0),
    "stadtfeld_ost": (0.20, "gruenderzeit", 0.005),
    "stadtfeld_west": (0.35, "gemischt", 0.002),
    "sudenburg": (0.50, "gruenderzeit", 0.004),
    "suelzegrund": (0.30, "gemischt", 0.0),
    "werder": (0.15, "zentrum", 0.003),
    "westerhuesen": (0.40, "gemischt", 0.0),
    "zipkeleben": (0.10, "vorort", 0.0),
}

#: City population relative to the Zensus 2022 grid total.
CITY_INDEX: dict[int, float] = {
    2014: 0.965,
    2015: 0.978,
    2016: 0.988,
    2017: 0.990,
    2018: 0.990,
    2019: 0.986,
    2020: 0.981,
    2021: 0.980,
    2022: 1.0,
    2023: 1.002,
    2024: 0.998,
    2025: 0.994,
}

#: Births per year (index), used to age the child cohorts through the years.
BIRTHS: dict[int, float] = {
    2000: 0.82,
    2001: 0.82,
    2002: 0.84,
    2003: 0.85,
    2004: 0.86,
    2005: 0.87,
    2006: 0.88,
    2007: 0.91,
    2008: 0.93,
    2009: 0.94,
    2010: 0.97,
    2011: 0.98,
    2012: 1.0,
    2013: 1.01,
    2014: 1.03,
    2015: 1.05,
    2016: 1.07,
    2017: 1.05,
    2018: 1.02,
    2019: 0.98,
    2020: 0.96,
    2021: 0.94,
    2022: 0.88,
    2023: 0.81,
    2024: 0.77,
    2025: 0.74,
}
AGE_SPANS: dict[str, tuple[int, int]] = {
    "0_3": (0, 3),
    "3_6": (3, 6),
    "6_10": (6, 10),
    "10_15": (10, 15),
    "15_18": (15, 18),
}
#: Yearly change of the adult age groups (share per year, relative to 2022).
ADULT_DRIFT: dict[str, float] = {"18_25": -0.01, "25_65": -0.002, "65_": 0.007}

#: Share of foreign pupils relative to the calibration year (refugees 2015/16, Ukraine 2022).
FOREIGN_TREND: dict[int, float] = {
    2014: 0.35,
    2015: 0.45,
    2016: 0.60,
    2017: 0.68,
    2018: 0.72,
    2019: 0.75,
    2020: 0.78,
    2021: 0.80,
    2022: 0.93,
    2023: 1.0,
    2024: 1.04,
    2025: 1.06,
}

#: SGB-II receipt relative to 2019.
SGB2_TREND: dict[int, float] = {
    2014: 1.12,
    2015: 1.12,
    2016: 1.15,
    2017: 1.13,
    2018: 1.07,
    2019: 1.0,
    2020: 1.0,
    2021: 0.97,
    2022: 1.02,
    2023: 1.05,
    2024: 1.04,
    2025: 1.03,
}


def age_trend(group: str, year: int) -> float:
    """How the size of an age group moves with the years (1.0 in 2022)."""
    if group in AGE_SPANS:
        low, high = AGE_SPANS[group]

        def cohort(at: int) -> float:
            return sum(BIRTHS[max(2000, at - age)] for age in range(low, high)) / (high - low)

        return cohort(year) / cohort(BASE_YEAR)
    return 1.0 + ADULT_DRIFT[group] * (year - BASE_YEAR)


def social_index(stadtteil: str) -> float:
    return STADTTEILE[stadtteil][0]
