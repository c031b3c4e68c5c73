"""The three GENESIS tables of the demo: layout as in the real Regionaldatenbank downloads.

A spec holds the title block, the row label columns and, per value column, its stacked
header (one text per header row, ``""`` where the real file leaves the field empty) and
an id used by the generator and the calibration file. ``write_genesis`` renders a table in
the download format: Windows-1252, ``;``, LF, title block, stacked headers, data rows,
``__________``, footnotes, licence and "Stand" line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bildungslandschaft.core.ingest.genesis import FOOTER_SEPARATOR

REGION = "15003"
REGION_NAME = "      Magdeburg, kreisfreie Stadt, Landeshauptstadt"
DEMO_TITLE = "Demodaten (synthetisch, keine amtlichen Zahlen) - nur Magdeburg (15003)"

Value = int | float | str | None  # int/float: number; str: special sign ("-", "x"); None: "x"


@dataclass(frozen=True)
class Column:
    id: str
    header: tuple[str, ...]


@dataclass(frozen=True)
class GenesisSpec:
    code: str
    first_line: str
    title: tuple[str, ...]
    label_columns: int
    columns: tuple[Column, ...]
    footnote: str
    copyright_year: int

    def header_paths(self) -> list[str]:
        """Joined header path per value column, as the reader joins them."""
        return [" > ".join(part for part in column.header if part) for column in self.columns]


_PUPILS = "Schülerinnen und Schüler an allgemeinbildenden Schulen"
_KS = "Klassenstufe / Jahrgangsstufe / Schulbesuchsjahr"
PUPILS = GenesisSpec(
    code="21111-01-03-4",
    first_line="GENESIS-Tabelle: 21111-01-03-4",
    title=(
        "Schulen, Schülerinnen und Schüler nach Schularten -",
        "Stichtag: Schuljahresbeginn - regionale Tiefe: Kreise und",
        "krfr. Städte",
        DEMO_TITLE,
        "Statistik der allgemeinbildenden Schulen",
    ),
    label_columns=4,
    columns=(
        Column("schools", ("Allgemeinbildende Schulen", "", "", "Anzahl")),
        Column("insgesamt", (_PUPILS, "Geschlecht", "Insgesamt", "Anzahl")),
        Column("weiblich", (_PUPILS, "Geschlecht", "weiblich", "Anzahl")),
        Column("auslaendisch", (_PUPILS, "Nationalität", "ausländisch", "Anzahl")),
        Column("klasse_7", (_PUPILS, _KS, "7. Klassenstufe", "Anzahl")),
        Column("klasse_11", (_PUPILS, _KS, "11. Jahrgangsstufe / Einführungsphase", "Anzahl")),
    ),
    footnote="Schuljahr: Das Berichtsjahr bezeichnet das Schuljahr, das im Herbst beginnt.",
    copyright_year=2025,
)

#: Row labels of 21111-01-03-4 in the order of the real file, with their schulart codes.
PUPIL_ROWS: tuple[tuple[str, str], ...] = (
    ("vorschule", "Vorschulbereich"),
    ("grundschule", "Grundschulen"),
    ("orientierungsstufe", "Schulartunabhängige Orientierungsstufe"),
    ("hauptschule", "Hauptschulen"),
    ("mehrere_bildungsgaenge", "Schularten mit mehreren Bildungsgängen"),
    ("realschule", "Realschulen"),
    ("gymnasium", "Gymnasien"),
    ("gesamtschule", "Integrierte Gesamtschulen"),
    ("waldorf", "Freie Waldorfschulen"),
    ("foerderschule", "Sonderschulen/Förderschulen"),
    ("abendschule", "Abendschulen und Kollegs"),
    ("_T", "Insgesamt"),
)

_LEAVERS = "Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss"
LEAVER_GROUPS: tuple[tuple[str, str], ...] = (
    ("_T", "Insgesamt"),
    ("ohne_hsa", "ohne Hauptschulabschluss"),
    ("hsa", "mit Hauptschulabschluss"),
    ("msa", "mit Mittlerem Abschluss"),
    ("fhr_schulisch", "dar. schulischer Teil der Fachhochschulreife"),
    ("fhr", "mit Fachhochschulreife"),
    ("ahr", "mit allgemeiner Hochschulreife"),
)
LEAVERS = GenesisSpec(
    code="21111-02-06-4",
    first_line="GENESIS-Tabelle: 21111-02-06-4",
    title=(
        "Absolvierende/Abgehende allgemeinbildender Schulen nach",
        "Geschlecht und Abschlussarten - Schuljahr - regionale Tiefe:",
        "Kreise und krfr. Städte",
        DEMO_TITLE,
        "Statistik der allgemeinbildenden Schulen",
        "Absolvierende/Abgehende (Anzahl)",
    ),
    label_columns=3,
    columns=tuple(
        Column(f"{code}:{sex}", (_LEAVERS, label, sex_label))
        for code, label in LEAVER_GROUPS
        for sex, sex_label in (("insgesamt", "Insgesamt"), ("weiblich", "weiblich"))
    ),
    footnote="Die Angabe des Berichtsjahres bezieht sich auf das Jahr, in dem das Schuljahr endet.",
    copyright_year=2025,
)

_AL = "Arbeitslose"
_QUOTE_ALL = "Arbeitslosenquote bez. auf alle zivile Erwerbsp."
LABOUR = GenesisSpec(
    code="13211-02-05-4",
    first_line="Tabelle: 13211-02-05-4",
    title=(
        "Arbeitslose nach ausgewählten Personengruppen sowie",
        "Arbeitslosenquoten - Jahresdurchschnitt - (ab 2009)",
        "regionale Tiefe:",
        "Kreise und krfr. Städte",
        DEMO_TITLE,
        "Arbeitsmarktstatistik der Bundesagentur für Arbeit",
    ),
    label_columns=3,
    columns=(
        Column("unemployed", (_AL, "", "Anzahl")),
        Column("unemployed_auslaendisch", (_AL, "ausländisch", "Anzahl")),
        Column("unemployed_schwerbehindert", (_AL, "schwerbehindert", "Anzahl")),
        Column("unemployed_15_20", (_AL, "15 bis unter 20 Jahre", "Anzahl")),
        Column("unemployed_15_25", (_AL, "15 bis unter 25 Jahre", "Anzahl")),
        Column("unemployed_55_65", (_AL, "55 bis unter 65 Jahre", "Anzahl")),
        Column("unemployed_langzeit", (_AL, "langzeitarbeitslos", "Anzahl")),
        Column("rate_dependent", ("Arbeitslosenquote bez. abh. zivile Erwerbspers.", "", "Prozent")),
        Column("rate", (_QUOTE_ALL, "", "Prozent")),
        Column("rate_maenner", (_QUOTE_ALL, "Männer", "Prozent")),
        Column("rate_frauen", (_QUOTE_ALL, "Frauen", "Prozent")),
        Column("rate_auslaendisch", (_QUOTE_ALL, "ausländisch", "Prozent")),
        Column("rate_15_25", (_QUOTE_ALL, "15 bis unter 25 Jahre", "Prozent")),
    ),
    footnote="Quelle der Originaltabelle: Arbeitsmarktstatistik der Bundesagentur für Arbeit (BA).",
    copyright_year=2026,
)


_VOC = "Absolvierende/Abgehende"
_NACHR = "nachrichtl.: zus.erw.schul.Teil d. Fachhochs.reife"
VOCATIONAL_GROUPS: tuple[tuple[str, str], ...] = (
    ("hsa", "mit Hauptschulabschluss"),
    ("msa", "mit Mittlerem Abschluss"),
    ("fhr", "Fachhochschulreife"),
    ("ahr", "Allg. Hochschulreife-einschl.fachge.Hochschulreife"),
)
_SEXES = (("insgesamt", "Insgesamt"), ("weiblich", "weiblich"))
VOCATIONAL = GenesisSpec(
    code="21121-02-02-4",
    first_line="GENESIS-Tabelle: 21121-02-02-4",
    title=(
        "Absolvierende/Abgehende beruflicher Schulen nach Geschlecht und Abschlussarten - Schuljahr - "
        "regionale Tiefe: Kreise und krfr. Städte",
        DEMO_TITLE,
        "Statistik der beruflichen Schulen",
    ),
    label_columns=3,
    columns=(
        *(Column(f"_T:{sex}", (_VOC, "Geschlecht", label, "", "", "Anzahl")) for sex, label in _SEXES),
        *(
            Column(f"{code}:{sex}", (_VOC, "davon mit", group, "Geschlecht", label, "Anzahl"))
            for code, group in VOCATIONAL_GROUPS
            for sex, label in _SEXES
        ),
        *(
            Column(f"fhr_schulisch_nachr:{sex}", (_NACHR, "Geschlecht", label, "", "", "Anzahl"))
            for sex, label in _SEXES
        ),
    ),
    footnote="Allgemeinbildende Abschlüsse, die an beruflichen Schulen erworben wurden.",
    copyright_year=2025,
)

_KITA = "Tageseinrichtungen für Kinder"
KITA_KREIS = GenesisSpec(
    code="22541-01-01-4",
    first_line="Tabelle: 22541-01-01-4",
    title=(
        "Einrichtungen, genehmigte Plätze, tätige Personen - Stichtag 31.12. - regionale Tiefe: Kreise und "
        "krfr. Städte (bis 2002)",
        DEMO_TITLE + ", in der Demo fortgeschrieben",
        "Statistik der Kinder und tätigen Personen in Tageseinrichtungen",
    ),
    label_columns=3,
    columns=(
        Column("kitas", (_KITA, _KITA, "Insgesamt", "Anzahl")),
        Column("kitas:kindergarten", (_KITA, _KITA, "Kindergärten", "Anzahl")),
        Column("kitas:hort", (_KITA, _KITA, "Horte", "Anzahl")),
        Column("kitas:krippe", (_KITA, _KITA, "Kinderkrippen", "Anzahl")),
        Column("kitas:andere", (_KITA, _KITA, "anderweitige Einrichtungen", "Anzahl")),
        Column("places", ("Verfügbare Plätze", _KITA, "Insgesamt", "Anzahl")),
        Column("places:krippe", ("Verfügbare Plätze", _KITA, "Plätze für Krippenkinder", "Anzahl")),
        Column("places:kindergarten", ("Verfügbare Plätze", _KITA, "Plätze für Kindergartenkinder", "Anzahl")),
        Column("places:hort", ("Verfügbare Plätze", _KITA, "Plätze für Hortkinder", "Anzahl")),
        Column("staff", ("Tätige Personen", _KITA, "Insgesamt", "Anzahl")),
        Column("staff:kindergarten", ("Tätige Personen", _KITA, "Kindergärten", "Anzahl")),
    ),
    footnote="Die amtliche Reihe endet 2002; die Demo schreibt sie aus dem Kita-Verzeichnis der Demostadt fort.",
    copyright_year=2026,
)


def format_value(value: Value) -> str:
    """A cell as GENESIS writes it: ``-`` for zero, ``x`` for blocked, decimal comma."""
    if value is None:
        return "x"
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return "-" if value == 0 else f"{value:.1f}".replace(".", ",")
    return "-" if value == 0 else str(value)


def write_genesis(spec: GenesisSpec, rows: Sequence[tuple[Sequence[str], Sequence[Value]]], seed: int) -> bytes:
    """The table as a GENESIS CSV download (bytes in Windows-1252)."""
    width = spec.label_columns + len(spec.columns)
    pad = ";" * (width - 1)
    lines = [spec.first_line]
    lines += [f"{line}{pad}" for line in spec.title]
    depth = len(spec.columns[0].header)
    for level in range(depth):
        lines.append(";" * spec.label_columns + ";".join(column.header[level] for column in spec.columns))
    for labels, values in rows:
        if len(labels) != spec.label_columns or len(values) != len(spec.columns):
            raise ValueError(f"{spec.code}: Zeile {labels} passt nicht zum Tabellenkopf")
        lines.append(";".join([*labels, *(format_value(value) for value in values)]))
    lines.append(FOOTER_SEPARATOR)
    lines.append('"zu ""gesamte Tabelle"":')
    lines.append("Demodaten: synthetische Werte der Demostadt von Bildungslandschaft")
    lines.append(f"(Seed {seed}), keine amtlichen Zahlen. Das Kalibrierungsjahr trifft")
    lines.append("die Summen der Regionaldatenbank für Magdeburg (15003).")
    lines.append(f'{spec.footnote}"')
    lines.append(f'"© Statistische Ämter des Bundes und der Länder, Deutschland, {spec.copyright_year}.')
    lines.append("Dieses Werk ist lizenziert unter der Datenlizenz Deutschland")
    lines.append('- Namensnennung - Version 2.0."')
    lines.append(f"Stand: Demodaten (Seed {seed})")
    return ("\n".join(lines) + "\n").encode("cp1252")
