"""Demo activity figures of the program "Soziale Arbeit in Kitas", imported through the normal importer.

The file is a city table (CSV) with its mapping, as the Jugendamt would export it: one row per
participating Kita and year. Figures are invented, scaled by the number of children in the Kita.
"""

from __future__ import annotations

import csv
import io
import random

from bildungslandschaft.core.demo.kitas import SOCIAL_WORK_START
from bildungslandschaft.core.demo.model import DemoCity
from bildungslandschaft.core.demo.profiles import YEARS

STEM = "programm_taetigkeit"
HEADER = ("Jahr", "Kita-Nr.", "Stadtteil", "Beratene Familien", "Begleitete Übergänge", "Angebote der Elternarbeit")
MAPPING = """# Zuordnung der Stadttabelle programm_taetigkeit.csv zum Datensatz program_activity.
# Demodaten: synthetische Werte der Demostadt, keine amtlichen Zahlen.
dataset: program_activity
dimensions:
  Jahr: year
  Kita-Nr.: kita
  Stadtteil: stadtteil
constants:
  region: '15003'
values:
  Beratene Familien:
    measure: families_counselled
  Begleitete Übergänge:
    measure: transitions_accompanied
  Angebote der Elternarbeit:
    measure: parent_events
"""


def activity_rows(city: DemoCity) -> list[tuple[object, ...]]:
    """One row per participating Kita and year since the program started (ramping up in the first years)."""
    rows: list[tuple[object, ...]] = []
    by_code = {kita.code: kita for kita in city.kitas.register}
    for year in (y for y in YEARS if y >= SOCIAL_WORK_START):
        ramp = min(1.0, 0.5 + 0.25 * (year - SOCIAL_WORK_START))
        for code in sorted(city.kitas.social_work):
            kita = by_code[code]
            rng = random.Random(f"kita-sozialarbeit:{city.seed}:{code}:{year}")  # noqa: S311 - demo data
            children = sum(count for (y, k, _), count in city.kitas.children.items() if y == year and k == code)
            preschool = city.kitas.children.get((year, code, "3_6"), 0) / 3
            families = round(children * ramp * rng.uniform(0.25, 0.45))
            transitions = round(preschool * ramp * rng.uniform(0.3, 0.6))
            events = round(ramp * rng.uniform(6, 20))
            rows.append((year, code, city.names[kita.stadtteil], families, transitions, events))
    return rows


def activity_file(city: DemoCity) -> tuple[str, bytes, bytes]:
    """The file name, the CSV and its mapping file of ``programm_taetigkeit``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(activity_rows(city))
    return f"{STEM}.csv", buffer.getvalue().encode("utf-8"), MAPPING.encode("utf-8")
