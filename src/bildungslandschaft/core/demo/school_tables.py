"""The Schulverwaltung's tables per school: pupils, SEN, leavers, transitions, IT equipment.

School names are not part of the data sheets (the importer maps every column); they stand
in the register sheet "Schulverzeichnis" beside the data in the XLSX workbooks.
"""

from __future__ import annotations

from bildungslandschaft.core.demo.formats import CityTable, Row, Sheet
from bildungslandschaft.core.demo.model import DemoCity
from bildungslandschaft.core.demo.outcomes import leaver_schulart
from bildungslandschaft.core.demo.schools import FOCUS_LABELS, KINDS

SEX = {"m": "männlich", "w": "weiblich"}
NATIONALITY = {"deutsch": "deutsch", "auslaendisch": "ausländisch"}
ABSCHLUSS_LABELS = {
    "ohne_hsa": "ohne Hauptschulabschluss",
    "hsa": "mit Hauptschulabschluss",
    "msa": "mit Mittlerem Abschluss",
    "ahr": "mit allgemeiner Hochschulreife",
}
FSP_LABELS = {**FOCUS_LABELS, "kranke": "Kranke"}
SCHOOL_DIMENSIONS = {"Schuljahr": "year", "Schulnummer": "school", "Stadtteil": "stadtteil", "Schulart": "schulart"}


def _label(code: str) -> str:
    return KINDS[code][0]


def school_register(city: DemoCity) -> Sheet:
    rows: list[Row] = []
    for school in sorted(city.schools, key=lambda s: s.number):
        rows.append(
            (
                school.number,
                school.name,
                _label(school.kind),
                city.names[school.stadtteil],
                school.opened,
                school.closed or "",
                school.converted or "",
                FSP_LABELS[school.focus] if school.focus else "",
                f"{school.grades[0]}–{school.grades[-1]}",
            )
        )
    columns = (
        "Schulnummer",
        "Name",
        "Schulart",
        "Stadtteil",
        "seit",
        "geschlossen ab",
        "Gemeinschaftsschule ab",
        "Förderschwerpunkt",
        "Klassenstufen",
    )
    return Sheet("Schulverzeichnis", columns, rows)


def pupils_table(city: DemoCity) -> CityTable:
    schools = {school.number: school for school in city.schools}
    rows: list[Row] = []
    for key in sorted(city.pupils.counts, key=lambda k: (k[0], k[1], int(k[2]), k[3], k[4])):
        year, number, grade, sex, nationality = key
        school = schools[number]
        rows.append(
            (
                year,
                number,
                city.names[school.stadtteil],
                _label(school.schulart(year) or school.kind),
                grade,
                SEX[sex],
                NATIONALITY[nationality],
                city.pupils.counts[key],
                city.pupils.repeaters[key],
            )
        )
    columns = (
        "Schuljahr",
        "Schulnummer",
        "Stadtteil",
        "Schulart",
        "Klassenstufe",
        "Geschlecht",
        "Staatsangehörigkeit",
        "Schüler:innen",
        "Wiederholer:innen",
    )
    dims = {
        **SCHOOL_DIMENSIONS,
        "Klassenstufe": "klassenstufe",
        "Geschlecht": "geschlecht",
        "Staatsangehörigkeit": "staatsangehoerigkeit",
    }
    return CityTable(
        "schueler_schulen",
        "pupils_school",
        columns,
        rows,
        dims,
        {"Schüler:innen": {"measure": "pupils"}, "Wiederholer:innen": {"measure": "repeaters"}},
    )


def sen_table(city: DemoCity) -> CityTable:
    schools = {school.number: school for school in city.schools}
    rows: list[Row] = []
    for (year, number, fsp, sex), count in sorted(city.outcomes.sen.items()):
        school = schools[number]
        rows.append(
            (
                year,
                number,
                city.names[school.stadtteil],
                _label(school.schulart(year) or school.kind),
                FSP_LABELS[fsp],
                SEX[sex],
                count,
            )
        )
    column = "Schüler:innen mit sonderpädagogischem Förderbedarf"
    return CityTable(
        "foerderbedarf_schulen",
        "sen_pupils_school",
        ("Schuljahr", "Schulnummer", "Stadtteil", "Schulart", "Förderschwerpunkt", "Geschlecht", column),
        rows,
        {**SCHOOL_DIMENSIONS, "Förderschwerpunkt": "foerderschwerpunkt", "Geschlecht": "geschlecht"},
        {column: {"measure": "sen_pupils"}},
    )


def leavers_table(city: DemoCity) -> CityTable:
    schools = {school.number: school for school in city.schools}
    order = list(ABSCHLUSS_LABELS)
    rows: list[Row] = []
    for (year, number, abschluss, sex), count in sorted(
        city.outcomes.leavers.items(), key=lambda i: (i[0][0], i[0][1], order.index(i[0][2]), i[0][3])
    ):
        school = schools[number]
        rows.append(
            (
                year,
                number,
                city.names[school.stadtteil],
                _label(leaver_schulart(school, year) or school.kind),
                ABSCHLUSS_LABELS[abschluss],
                SEX[sex],
                count,
            )
        )
    dims = {
        "Abgangsjahr": "year",
        "Schulnummer": "school",
        "Stadtteil": "stadtteil",
        "Schulart": "schulart",
        "Abschluss": "abschluss",
        "Geschlecht": "geschlecht",
    }
    return CityTable(
        "abgaenge_schulen",
        "leavers_school",
        (*dims, "Absolvierende/Abgehende"),
        rows,
        dims,
        {"Absolvierende/Abgehende": {"measure": "leavers"}},
        xlsx_sheet="Abgänge",
        extra_sheets=(school_register(city),),
    )


def transitions_table(city: DemoCity) -> CityTable:
    schools = {school.number: school for school in city.schools}
    rows: list[Row] = [
        (year, number, city.names[schools[number].stadtteil], _label(target), count)
        for (year, number, target), count in sorted(city.outcomes.transitions.items())
    ]
    return CityTable(
        "uebergaenge_grundschulen",
        "transitions_school",
        ("Schuljahr", "Schulnummer", "Stadtteil", "Schulart der aufnehmenden Schule", "Übergänge"),
        rows,
        {
            "Schuljahr": "year",
            "Schulnummer": "school",
            "Stadtteil": "stadtteil",
            "Schulart der aufnehmenden Schule": "schulart_ziel",
        },
        {"Übergänge": {"measure": "transitions"}},
    )


def equipment_table(city: DemoCity) -> CityTable:
    schools = {school.number: school for school in city.schools}
    rows: list[Row] = []
    for (year, number), item in sorted(city.equipment.items()):
        school = schools[number]
        rows.append(
            (
                year,
                number,
                city.names[school.stadtteil],
                _label(school.schulart(year) or school.kind),
                item.laptop,
                item.tablet,
                item.desktop,
                item.classrooms,
                item.displays,
                item.bandwidth,
                1,
            )
        )
    values = {
        "Laptops/Notebooks": {"measure": "devices", "geraetetyp": "laptop"},
        "Tablets": {"measure": "devices", "geraetetyp": "tablet"},
        "Stationäre PCs": {"measure": "devices", "geraetetyp": "desktop"},
        "Unterrichtsräume": {"measure": "classrooms", "geraetetyp": "_T"},
        "davon mit interaktiver Tafel": {"measure": "classrooms_with_display", "geraetetyp": "_T"},
        "Bandbreite (Mbit/s)": {"measure": "bandwidth_mbit", "geraetetyp": "_T"},
        "Inventarmeldung": {"measure": "schools_reporting", "geraetetyp": "_T"},
    }
    return CityTable(
        "it_ausstattung",
        "it_equipment_school",
        (*SCHOOL_DIMENSIONS, *values),
        rows,
        dict(SCHOOL_DIMENSIONS),
        values,
        xlsx_sheet="Inventar",
        extra_sheets=(school_register(city),),
    )
