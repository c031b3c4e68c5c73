"""Writers for the city tables (CSV or XLSX with a mapping file) and the GENESIS flat file.

Every writer returns bytes and is deterministic: the XLSX container gets fixed zip
timestamps and fixed document properties, so the same seed gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

FIXED_TIME = datetime(2026, 1, 1)  # document timestamp of the demo files (naive UTC, as openpyxl expects)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
Row = tuple[object, ...]


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[str, ...]
    rows: Sequence[Row]


@dataclass(frozen=True)
class CityTable:
    """A city table plus how the importer maps it (see core/ingest/table.py)."""

    stem: str
    dataset: str
    columns: tuple[str, ...]
    rows: Sequence[Row]
    dimensions: dict[str, str]  # column → dimension
    values: dict[str, dict[str, str]]  # column → coordinates (measure and fixed dimensions)
    xlsx_sheet: str | None = None  # write as XLSX with this data sheet; None: CSV
    extra_sheets: tuple[Sheet, ...] = field(default_factory=tuple)  # e.g. a register of names (not imported)
    constants: dict[str, str] = field(default_factory=lambda: {"region": "15003"})

    @property
    def file_name(self) -> str:
        return f"{self.stem}.xlsx" if self.xlsx_sheet else f"{self.stem}.csv"

    def mapping(self) -> dict[str, Any]:
        mapping: dict[str, Any] = {"dataset": self.dataset}
        if self.xlsx_sheet:
            mapping["sheet"] = self.xlsx_sheet
        mapping["dimensions"] = dict(self.dimensions)
        mapping["constants"] = dict(self.constants)
        mapping["values"] = {column: dict(coordinates) for column, coordinates in self.values.items()}
        return mapping


def mapping_yaml(table: CityTable) -> bytes:
    header = (
        f"# Zuordnung der Stadttabelle {table.file_name} zum Datensatz {table.dataset}.\n"
        "# Demodaten: synthetische Werte der Demostadt, keine amtlichen Zahlen.\n"
    )
    body = yaml.safe_dump(table.mapping(), allow_unicode=True, sort_keys=False, width=120)
    return (header + body).encode("utf-8")


def table_bytes(table: CityTable) -> bytes:
    if table.xlsx_sheet:
        return xlsx_bytes([Sheet(table.xlsx_sheet, table.columns, table.rows), *table.extra_sheets])
    return csv_bytes(table.columns, table.rows)


def csv_bytes(columns: Sequence[str], rows: Sequence[Row]) -> bytes:
    """Semicolon-separated UTF-8, as a German spreadsheet export."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An XLSX workbook, normalised so that equal content gives equal bytes."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Bildungslandschaft (Demodaten)"
    workbook.properties.created = FIXED_TIME
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append(list(sheet.columns))
        for row in sheet.rows:
            worksheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _normalised_zip(buffer.getvalue())


def _normalised_zip(data: bytes) -> bytes:
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{stamp}\g<2>", text)
                content = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return target_buffer.getvalue()


FFCSV_COLUMNS: tuple[str, ...] = (
    "statistics_code",
    "statistics_label",
    "time_code",
    "time_label",
    "time",
    "1_variable_code",
    "1_variable_label",
    "1_variable_attribute_code",
    "1_variable_attribute_label",
    "2_variable_code",
    "2_variable_label",
    "2_variable_attribute_code",
    "2_variable_attribute_label",
    "3_variable_code",
    "3_variable_label",
    "3_variable_attribute_code",
    "3_variable_attribute_label",
    "value",
    "value_unit",
    "value_variable_code",
    "value_variable_label",
    "value_q",
)
AGE_CODES: dict[str, tuple[str, str]] = {
    "0_3": ("ALT000B03", "unter 3 Jahre"),
    "3_6": ("ALT003B06", "3 bis unter 6 Jahre"),
    "6_10": ("ALT006B10", "6 bis unter 10 Jahre"),
    "10_15": ("ALT010B15", "10 bis unter 15 Jahre"),
    "15_18": ("ALT015B18", "15 bis unter 18 Jahre"),
    "18_25": ("ALT018B25", "18 bis unter 25 Jahre"),
    "25_65": ("ALT025B65", "25 bis unter 65 Jahre"),
    "65_": ("ALT065UM", "65 Jahre und mehr"),
}
SEX_CODES: dict[str, tuple[str, str]] = {"m": ("GESM", "männlich"), "w": ("GESW", "weiblich")}


def population_ffcsv(cells: dict[tuple[int, str, str], int], region: str, region_label: str) -> bytes:
    """Table 12411-02-03-4 (population at 31.12. by age group and sex) as a GENESIS flat file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(FFCSV_COLUMNS)
    label = "Bevölkerungsstand: Kreise, Stichtag, Geschlecht, Altersgruppen (Demodaten, keine amtlichen Zahlen)"
    for (year, group, sex), value in sorted(cells.items()):
        age_code, age_label = AGE_CODES[group]
        sex_code, sex_label = SEX_CODES[sex]
        writer.writerow(
            (
                "12411-02-03-4",
                label,
                "STAG",
                "Stichtag",
                f"{year}-12-31",
                "KREISE",
                "Kreise und krfr. Städte",
                region,
                region_label,
                "ALTX20",
                "Altersgruppen (unter 3 bis 75 u. m.)",
                age_code,
                age_label,
                "GES",
                "Geschlecht",
                sex_code,
                sex_label,
                str(value),
                "Anzahl",
                "BEVSTD",
                "Bevölkerungsstand",
                "e",
            )
        )
    return buffer.getvalue().encode("utf-8")
