"""The program's activity file goes through the normal importer (`bila import`) into `program_activity`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from bildungslandschaft.cli import app
from bildungslandschaft.core.demo.build import DEFAULT_SEED, build_demo
from bildungslandschaft.core.demo.model import generate_city
from bildungslandschaft.core.demo.program_activity import STEM, activity_rows


def test_demo_activity_covers_the_18_kitas_in_every_year_since_2020() -> None:
    rows = activity_rows(generate_city(DEFAULT_SEED))
    assert {row[0] for row in rows} == set(range(2020, 2026))
    assert all(len({row[1] for row in rows if row[0] == year}) == 18 for year in range(2020, 2026))


def test_bila_import_reads_the_activity_file_and_compute_sums_it(tmp_path: Path) -> None:
    files = build_demo(tmp_path / "files", DEFAULT_SEED)
    path = next(file for file in files if file.stem == STEM)
    db = str(tmp_path / "store.duckdb")
    runner = CliRunner()

    imported = runner.invoke(app, ["import", str(path), "--db", db])

    assert imported.exit_code == 0, imported.output
    assert "→ program_activity: 108 Zeilen gelesen, 324 Werte übernommen, 0 Zeilen abgelehnt" in imported.output
    with path.open(encoding="utf-8") as handle:
        expected = sum(
            int(row["Beratene Familien"]) for row in csv.DictReader(handle, delimiter=";") if row["Jahr"] == "2022"
        )
    computed = runner.invoke(
        app, ["compute", "kita_social_work_families", "--by", "year", "--format", "json", "--db", db]
    )
    assert computed.exit_code == 0, computed.output
    assert [row["value"] for row in json.loads(computed.output) if row["year"] == 2022] == [expected]
