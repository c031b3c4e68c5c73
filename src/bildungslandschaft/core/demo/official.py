"""The demo city's official tables: three GENESIS CSV downloads and one GENESIS flat file.

They are aggregated from the same data as the city tables, so the totals per year agree
(pupils by Schulart, leavers by Abschluss, population by age group and sex). Where the
real table blocks a field (``x``: e.g. the 7. Klassenstufe at Grundschulen), the demo
blocks it too. The "Insgesamt" row and column are exact sums of the parts, except in the
calibration year: there they carry the real published totals, which Sachsen-Anhalt rounds
separately to multiples of 3 (pupils 24,435, leavers 1,917), exactly as the real download does.
"""

from __future__ import annotations

from collections.abc import Sequence

from bildungslandschaft.core.demo.formats import population_ffcsv
from bildungslandschaft.core.demo.genesis_tables import (
    KITA_KREIS,
    LABOUR,
    LEAVER_GROUPS,
    LEAVERS,
    PUPIL_ROWS,
    PUPILS,
    REGION,
    REGION_NAME,
    VOCATIONAL,
    Value,
    write_genesis,
)
from bildungslandschaft.core.demo.model import DemoCity
from bildungslandschaft.core.demo.profiles import YEARS

GenesisRows = list[tuple[Sequence[str], Sequence[Value]]]


def official_files(city: DemoCity) -> list[tuple[str, bytes]]:
    """(file name, content) of the official tables, in import order."""
    return [
        ("12411-02-03-4_flat.csv", _population(city)),
        ("13211-02-05-4.csv", write_genesis(LABOUR, _labour_rows(city), city.seed)),
        ("21111-01-03-4.csv", write_genesis(PUPILS, pupil_rows(city), city.seed)),
        ("21111-02-06-4.csv", write_genesis(LEAVERS, leaver_rows(city), city.seed)),
        ("21121-02-02-4.csv", write_genesis(VOCATIONAL, _vocational_rows(city), city.seed)),
        ("22541-01-01-4.csv", write_genesis(KITA_KREIS, kita_rows(city), city.seed)),
    ]


def _population(city: DemoCity) -> bytes:
    cells: dict[tuple[int, str, str], int] = {}
    for (year, _, group, sex), count in city.population.cells.items():
        cells[(year, group, sex)] = cells.get((year, group, sex), 0) + count
    return population_ffcsv(cells, REGION, "Magdeburg, Landeshauptstadt")


def pupil_rows(city: DemoCity) -> GenesisRows:
    """Rows of 21111-01-03-4: per year and Schulart, plus Insgesamt."""
    blocked = {
        code: {key for key, value in row.items() if value is None} for code, row in city.calibration.pupils.items()
    }
    blocked["_T"].discard("schools")  # the demo knows how many schools there are
    rows: GenesisRows = []
    for year in YEARS:
        sums: dict[str, dict[str, int]] = {
            code: dict.fromkeys(("schools", "insgesamt", "weiblich", "auslaendisch", "klasse_7", "klasse_11"), 0)
            for code, _ in PUPIL_ROWS
        }
        kinds = {school.number: school.schulart(year) for school in city.schools}
        for kind in kinds.values():
            if kind is not None:
                sums[kind]["schools"] += 1
        for (y, number, grade, sex, nationality), count in city.pupils.counts.items():
            kind = kinds[number]
            if y != year or kind is None:
                continue
            row = sums[kind]
            row["insgesamt"] += count
            row["weiblich"] += count if sex == "w" else 0
            row["auslaendisch"] += count if nationality == "auslaendisch" else 0
            row["klasse_7"] += count if grade == "7" else 0
            row["klasse_11"] += count if grade == "11" else 0
        for key in sums["_T"]:
            sums["_T"][key] = sum(sums[code][key] for code, _ in PUPIL_ROWS if code != "_T")
        if year == city.calibration.pupils_year:
            _publish_real_totals(sums["_T"], city.calibration.pupils["_T"])
        for code, label in PUPIL_ROWS:
            values: list[Value] = [None if key in blocked[code] else value for key, value in sums[code].items()]
            rows.append(((str(year), REGION, REGION_NAME, label), values))
    return rows


def leaver_rows(city: DemoCity) -> GenesisRows:
    """Rows of 21111-02-06-4: per year, Abschlussart × (insgesamt, weiblich)."""
    rows: GenesisRows = []
    for year in YEARS:
        totals: dict[str, list[int]] = {code: [0, 0] for code, _ in LEAVER_GROUPS}
        for (y, _, abschluss, sex), count in city.outcomes.leavers.items():
            if y == year:
                totals[abschluss][0] += count
                totals[abschluss][1] += count if sex == "w" else 0
                totals["_T"][0] += count
                totals["_T"][1] += count if sex == "w" else 0
        totals["fhr_schulisch"] = list(city.outcomes.fhr_schulisch[year])
        if year == city.calibration.leavers_year:
            real = city.calibration.leavers["_T"]
            totals["_T"] = [int(real["insgesamt"] or 0), int(real["weiblich"] or 0)]
        values: list[Value] = [value for code, _ in LEAVER_GROUPS for value in totals[code]]
        rows.append(((str(year), REGION, REGION_NAME), values))
    return rows


def _labour_rows(city: DemoCity) -> GenesisRows:
    return [
        ((str(year), REGION, REGION_NAME), [city.labour[year][column.id] for column in LABOUR.columns])
        for year in YEARS
    ]


def _vocational_rows(city: DemoCity) -> GenesisRows:
    rows: GenesisRows = []
    for year in YEARS:
        values: list[Value] = []
        for column in VOCATIONAL.columns:
            code, sex = column.id.split(":")
            values.append(city.vocational[year][code][0 if sex == "insgesamt" else 1])
        rows.append(((str(year), REGION, REGION_NAME), values))
    return rows


#: Kita type (its platzarten) → Einrichtungsart of the old Kita statistics.
EINRICHTUNGSART: dict[tuple[str, ...], str] = {
    ("hort",): "hort",
    ("krippe",): "krippe",
    ("kindergarten",): "kindergarten",
}
#: Staff per child by age group (full and part time, leadership included; invented).
STAFF_PER_CHILD = {"0_3": 0.23, "3_6": 0.115, "6_10": 0.065}


def kita_rows(city: DemoCity) -> GenesisRows:
    """Rows of 22541-01-01-4 from the demo Kita register (Kitas, places, staff; at 31.12.)."""
    rows: GenesisRows = []
    kitas = city.kitas
    for year in YEARS:
        sums = dict.fromkeys((column.id for column in KITA_KREIS.columns), 0.0)
        for kita in kitas.register:
            if kita.opened > year:
                continue
            kind = EINRICHTUNGSART.get(kita.platzarten, "andere")
            sums["kitas"] += 1
            sums[f"kitas:{kind}"] += 1
            for platzart in kita.platzarten:
                places = kitas.places[(year, kita.code, platzart)]
                sums["places"] += places
                sums[f"places:{platzart}"] += places
            staff = sum(
                kitas.children.get((year, kita.code, group), 0) * ratio for group, ratio in STAFF_PER_CHILD.items()
            )
            sums["staff"] += round(staff)
            sums["staff:kindergarten"] += round(staff) if kind == "kindergarten" else 0
        rows.append(((f"31.12.{year}", REGION, REGION_NAME), [int(sums[column.id]) for column in KITA_KREIS.columns]))
    return rows


def _publish_real_totals(row: dict[str, int], real: dict[str, int | float | None]) -> None:
    """Use the real rounded totals where the real table publishes a number."""
    for key, value in real.items():
        if value is not None and key in row:
            row[key] = int(value)
