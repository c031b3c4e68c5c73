"""The city's own tables (Schulverwaltung, Jugendamt, Statistikstelle, VHS) as CSV/XLSX with mappings.

German column headers and German labels for codes, as a city office would export them;
the catalog's classifications resolve the labels. School and Kita names are not part of
the data sheets (the importer maps every column); they stand in a register sheet beside
the data in the XLSX workbooks.
"""

from __future__ import annotations

from bildungslandschaft.core.demo.formats import CityTable, Row, Sheet
from bildungslandschaft.core.demo.kitas import PLACE_GROUPS, Kitas
from bildungslandschaft.core.demo.model import DemoCity
from bildungslandschaft.core.demo.profiles import YEARS
from bildungslandschaft.core.demo.school_tables import (
    SEX,
    equipment_table,
    leavers_table,
    pupils_table,
    sen_table,
    transitions_table,
)

AGE_LABELS = {
    "0_3": "unter 3 Jahre",
    "3_6": "3 bis unter 6 Jahre",
    "6_10": "6 bis unter 10 Jahre",
    "10_15": "10 bis unter 15 Jahre",
    "15_18": "15 bis unter 18 Jahre",
    "18_25": "18 bis unter 25 Jahre",
    "25_65": "25 bis unter 65 Jahre",
    "65_": "65 Jahre und älter",
}
PROGRAMM_LABELS = {
    "politik": "Politik – Gesellschaft – Umwelt",
    "kultur": "Kultur – Gestalten",
    "gesundheit": "Gesundheit",
    "sprachen": "Sprachen",
    "beruf": "Qualifikationen für das Arbeitsleben",
    "grundbildung": "Grundbildung – Schulabschlüsse",
}


def city_tables(city: DemoCity) -> list[CityTable]:
    """All city tables, one per table-format dataset of the catalog."""
    return [
        _population(city),
        _sgb2(city),
        pupils_table(city),
        sen_table(city),
        leavers_table(city),
        transitions_table(city),
        equipment_table(city),
        _kita_places(city),
        _kita_children(city),
        _vhs(city),
    ]


def _population(city: DemoCity) -> CityTable:
    rows: list[Row] = [
        (year, city.names[code], AGE_LABELS[group], SEX[sex], count)
        for (year, code, group, sex), count in sorted(city.population.cells.items())
    ]
    return CityTable(
        "bevoelkerung_stadtteile",
        "population_stadtteil",
        ("Jahr", "Stadtteil", "Altersgruppe", "Geschlecht", "Einwohner:innen"),
        rows,
        {"Jahr": "year", "Stadtteil": "stadtteil", "Altersgruppe": "altersgruppe", "Geschlecht": "geschlecht"},
        {"Einwohner:innen": {"measure": "population"}},
    )


def _sgb2(city: DemoCity) -> CityTable:
    rows: list[Row] = [
        (year, city.names[code], AGE_LABELS[group], count) for (year, code, group), count in sorted(city.sgb2.items())
    ]
    column = "Personen in SGB-II-Bedarfsgemeinschaften"
    return CityTable(
        "sgb2_stadtteile",
        "sgb2_stadtteil",
        ("Jahr", "Stadtteil", "Altersgruppe", column),
        rows,
        {"Jahr": "year", "Stadtteil": "stadtteil", "Altersgruppe": "altersgruppe"},
        {column: {"measure": "sgb2_recipients"}},
    )


def kita_register(kitas: Kitas, names: dict[str, str]) -> Sheet:
    rows: list[Row] = [
        (
            kita.code,
            kita.name,
            names[kita.stadtteil],
            ", ".join(kita.platzarten),
            kita.opened,
            "seit 01/2020" if kita.code in kitas.social_work else "",
        )
        for kita in kitas.register
    ]
    return Sheet("Kita-Verzeichnis", ("Kita-Nr.", "Name", "Stadtteil", "Platzarten", "seit", "Kita-Sozialarbeit"), rows)


def _kita_dims() -> dict[str, str]:
    return {"Jahr": "year", "Kita-Nr.": "kita", "Stadtteil": "stadtteil", "Kita-Sozialarbeit": "kita_sozialarbeit"}


def _kita_places(city: DemoCity) -> CityTable:
    kitas = city.kitas
    rows: list[Row] = []
    for year in YEARS:
        for kita in kitas.register:
            if kita.opened > year:
                continue
            places = [kitas.places.get((year, kita.code, platzart), 0) for platzart in PLACE_GROUPS]
            rows.append(
                (
                    year,
                    kita.code,
                    city.names[kita.stadtteil],
                    "ja" if kitas.has_social_work(kita.code, year) else "nein",
                    *places,
                    1,
                )
            )
    values = {
        "Krippenplätze": {"measure": "kita_places", "platzart": "krippe"},
        "Kindergartenplätze": {"measure": "kita_places", "platzart": "kindergarten"},
        "Hortplätze": {"measure": "kita_places", "platzart": "hort"},
        "Einrichtung": {"measure": "kitas", "platzart": "_T"},
    }
    return CityTable(
        "kita_plaetze",
        "kita_places_city",
        (*_kita_dims(), *values),
        rows,
        _kita_dims(),
        values,
        xlsx_sheet="Plätze",
        extra_sheets=(kita_register(kitas, city.names),),
    )


def _kita_children(city: DemoCity) -> CityTable:
    kitas = city.kitas
    by_code = {kita.code: kita for kita in kitas.register}
    rows: list[Row] = []
    for (year, code, group), count in sorted(kitas.children.items()):
        kita = by_code[code]
        rows.append(
            (
                year,
                code,
                city.names[kita.stadtteil],
                "ja" if kitas.has_social_work(code, year) else "nein",
                AGE_LABELS[group],
                count,
            )
        )
    return CityTable(
        "kita_kinder",
        "kita_children_city",
        (*_kita_dims(), "Altersgruppe", "Betreute Kinder"),
        rows,
        {**_kita_dims(), "Altersgruppe": "altersgruppe"},
        {"Betreute Kinder": {"measure": "kita_children"}},
        xlsx_sheet="Kinder",
        extra_sheets=(kita_register(kitas, city.names),),
    )


def _vhs(city: DemoCity) -> CityTable:
    order = list(PROGRAMM_LABELS)
    rows: list[Row] = [
        (year, city.names[place], PROGRAMM_LABELS[area], *numbers)
        for (year, place, area), numbers in sorted(
            city.vhs.items(), key=lambda i: (i[0][0], i[0][1], order.index(i[0][2]))
        )
    ]
    values = {
        "Kurse": {"measure": "vhs_courses"},
        "Unterrichtsstunden": {"measure": "vhs_hours"},
        "Belegungen": {"measure": "vhs_enrolments"},
    }
    return CityTable(
        "vhs_kurse",
        "vhs_city",
        ("Jahr", "Stadtteil (Kursort)", "Programmbereich", *values),
        rows,
        {"Jahr": "year", "Stadtteil (Kursort)": "stadtteil", "Programmbereich": "programmbereich"},
        values,
    )
