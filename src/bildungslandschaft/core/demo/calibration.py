"""Reference numbers of the real Magdeburg (15003) that the demo city hits exactly.

They ship as ``data/calibration_15003.yaml`` (source and licence inside), so the package
never reads ``../shared`` at run time. ``extract_reference`` reads the same numbers from
the real Regionaldatenbank downloads; a test compares both.

In the tables, ``-`` (genau null) is 0 and ``x`` (Tabellenfach gesperrt) is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bildungslandschaft.core.catalog.model import normalise_label
from bildungslandschaft.core.demo.genesis_tables import (
    LABOUR,
    LEAVERS,
    PUPIL_ROWS,
    PUPILS,
    REGION,
    VOCATIONAL,
    GenesisSpec,
)
from bildungslandschaft.core.demo.geo import data_file
from bildungslandschaft.core.flags import parse_number
from bildungslandschaft.core.ingest.genesis import parse_genesis

CALIBRATION_FILE = "calibration_15003.yaml"
Number = int | float | None


@dataclass(frozen=True)
class Calibration:
    """Real values for one region: ``section → row code → column id → value``."""

    region: str
    pupils_year: int
    leavers_year: int
    labour_year: int
    vocational_year: int
    pupils: dict[str, dict[str, Number]]  # schulart → {schools, insgesamt, weiblich, auslaendisch, klasse_7, klasse_11}
    leavers: dict[str, dict[str, Number]]  # abschluss → {insgesamt, weiblich}
    labour: dict[str, Number]  # column id → value
    vocational: dict[str, dict[str, Number]]  # abschluss → {insgesamt, weiblich}

    def as_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "pupils": {"year": self.pupils_year, "values": self.pupils},
            "leavers": {"year": self.leavers_year, "values": self.leavers},
            "labour": {"year": self.labour_year, "values": self.labour},
            "vocational": {"year": self.vocational_year, "values": self.vocational},
        }


def load_calibration(path: Path | None = None) -> Calibration:
    """The shipped reference numbers."""
    raw = yaml.safe_load((path or data_file(CALIBRATION_FILE)).read_text(encoding="utf-8"))
    return Calibration(
        region=str(raw["region"]),
        pupils_year=int(raw["pupils"]["year"]),
        leavers_year=int(raw["leavers"]["year"]),
        labour_year=int(raw["labour"]["year"]),
        vocational_year=int(raw["vocational"]["year"]),
        pupils={str(k): dict(v) for k, v in raw["pupils"]["values"].items()},
        leavers={str(k): dict(v) for k, v in raw["leavers"]["values"].items()},
        labour=dict(raw["labour"]["values"]),
        vocational={str(k): dict(v) for k, v in raw["vocational"]["values"].items()},
    )


def _cell(text: str) -> Number:
    text = text.strip()
    if text == "-":
        return 0
    if text in {"x", ".", "/", "..."}:
        return None
    value = parse_number(text)
    return int(value) if "," not in text else value


def _region_rows(path: Path, spec: GenesisSpec, region: str) -> list[tuple[int, list[str]]]:
    parsed = parse_genesis(path, path.read_bytes())
    if parsed.headers != spec.header_paths():
        raise ValueError(f"{path.name}: Spaltenköpfe weichen von {spec.code} ab: {parsed.headers}")
    rows = [(int(fields[0][:4]), fields) for _, fields in parsed.rows if fields[1].strip() == region]
    if not rows:
        raise ValueError(f"{path.name}: keine Zeile für {region}")
    return rows


def _values(spec: GenesisSpec, fields: list[str]) -> dict[str, Number]:
    cells = fields[spec.label_columns :]
    return {column.id: _cell(text) for column, text in zip(spec.columns, cells, strict=True)}


def _by_sex(spec: GenesisSpec, fields: list[str]) -> dict[str, dict[str, Number]]:
    """Columns named ``<code>:<insgesamt|weiblich>`` as code → sex → value."""
    result: dict[str, dict[str, Number]] = {}
    for key, value in _values(spec, fields).items():
        code, sex = key.split(":")
        result.setdefault(code, {})[sex] = value
    return result


def extract_reference(pupils: Path, leavers: Path, labour: Path, vocational: Path, region: str = REGION) -> Calibration:
    """Read the reference numbers from the real GENESIS downloads."""
    pupil_rows = _region_rows(pupils, PUPILS, region)
    by_label = {normalise_label(label): code for code, label in PUPIL_ROWS}
    pupil_values = {by_label[normalise_label(fields[3])]: _values(PUPILS, fields) for _, fields in pupil_rows}
    (leavers_year, leaver_fields), *_ = _region_rows(leavers, LEAVERS, region)
    (labour_year, labour_fields), *_ = _region_rows(labour, LABOUR, region)
    (vocational_year, vocational_fields), *_ = _region_rows(vocational, VOCATIONAL, region)
    return Calibration(
        region=region,
        pupils_year=pupil_rows[0][0],
        leavers_year=leavers_year,
        labour_year=labour_year,
        vocational_year=vocational_year,
        pupils={code: pupil_values[code] for code, _ in PUPIL_ROWS},
        leavers=_by_sex(LEAVERS, leaver_fields),
        labour=_values(LABOUR, labour_fields),
        vocational=_by_sex(VOCATIONAL, vocational_fields),
    )


def calibration_yaml(calibration: Calibration) -> str:
    """The text of the shipped calibration file."""
    header = (
        "# Kalibrierung der Demostadt: echte Werte für Magdeburg (15003) aus der Regionaldatenbank\n"
        "# Deutschland (regionalstatistik.de), Tabellen 21111-01-03-4 (Schüler:innen nach Schularten,\n"
        "# Schuljahresbeginn 2023, Stand 13.03.2025), 21111-02-06-4 (Absolvierende/Abgehende nach\n"
        "# Abschlussart und Geschlecht, Berichtsjahr 2023, Stand 13.03.2025), 21121-02-02-4 (Absolvierende/\n"
        "# Abgehende beruflicher Schulen, 2023, Stand 12.03.2025) und 13211-02-05-4 (Arbeitslose,\n"
        "# Jahresdurchschnitt 2025, Stand 26.02.2026; Statistik der Bundesagentur für Arbeit).\n"
        "# © Statistische Ämter des Bundes und der Länder, Deutschland, 2025/2026.\n"
        "# Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0).\n"
        "# '-' (genau null) steht hier als 0, 'x' (Tabellenfach gesperrt) als null.\n"
        "# Sachsen-Anhalt rundet seit 2017/18 auf Vielfache von 3 (3er-Rundung): Die Zeile/Spalte\n"
        "# 'Insgesamt' ist eigens gerundet und weicht von der Summe der Teile ab.\n"
    )
    body = yaml.safe_dump(calibration.as_dict(), allow_unicode=True, sort_keys=False, width=120)
    return header + body
