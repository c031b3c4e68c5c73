"""``bila compute --published``: Anna sees what Clara (the public) will see, next to the raw values."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from bildungslandschaft.cli import app

runner = CliRunner()


def records(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["compute", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_compute_published_withholds_what_the_raw_output_shows(demo_db: str, tmp_path: Path) -> None:
    store = str(shutil.copy(demo_db, tmp_path / "demo.duckdb"))
    query = ["leavers_without_hsa_share", "--by", "school", "--where", "year=2025", "--db", store]

    raw = {row["school"]: row for row in records(*query)}
    public = records(*query, "--published")

    withheld = [row for row in public if row["status"] != "S"]
    assert withheld
    for row in withheld:
        assert (row["value"], row["numerator"], row["denominator"], row["flag"]) == (None, None, None, ".")
        assert raw[row["school"]]["value"] is not None
    safe = [row for row in public if row["status"] == "S"]
    assert all(row["value"] == raw[row["school"]]["value"] for row in safe)


def test_compute_published_keeps_the_status_in_another_breakdown(demo_db: str, tmp_path: Path) -> None:
    store = str(shutil.copy(demo_db, tmp_path / "demo.duckdb"))
    share = records("leavers_without_hsa_share", "--by", "school", "--where", "year=2025", "--db", store, "--published")
    counts = records(
        "leavers",
        "--by",
        "school",
        "--where",
        "year=2025",
        "--where",
        "abschluss=ohne_hsa",
        "--db",
        store,
        "--published",
    )

    numerator_status = {row["school"]: row["status"] for row in counts}
    for row in share:
        if numerator_status.get(row["school"], "S") != "S":
            assert row["status"] != "S"


def test_compute_published_table_shows_the_marker_and_legend(demo_db: str, tmp_path: Path) -> None:
    store = str(shutil.copy(demo_db, tmp_path / "demo.duckdb"))

    result = runner.invoke(
        app, ["compute", "leavers", "--by", "school,abschluss", "--where", "year=2025", "--published", "--db", store]
    )

    assert result.exit_code == 0, result.output
    assert "geheim zu halten" in result.stdout
    assert "nach Geheimhaltungsprüfung" in result.stdout
