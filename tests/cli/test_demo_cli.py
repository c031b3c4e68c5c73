"""`bila demo` as `make demo` runs it: files written, imported, every indicator computed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bildungslandschaft.cli import app
from bildungslandschaft.core.catalog.loader import load_catalog

runner = CliRunner()


def test_demo_builds_imports_and_summarises_every_indicator(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.duckdb")

    result = runner.invoke(app, ["demo", "--target", str(tmp_path / "files"), "--db", db])

    assert result.exit_code == 0, result.stderr
    assert "17 Quelldateien importiert (17 neu)" in result.stdout
    assert "0 abgelehnte Zeilen" in result.stdout
    every = len(load_catalog().indicators)
    assert every >= 42
    assert f"{every} von {every} Indikatoren berechnet." in result.stdout
    assert "Demodaten" in result.stdout
    assert (tmp_path / "files" / "21111-02-06-4.csv").exists()

    again = runner.invoke(
        app,
        [
            "compute",
            "leavers_without_hsa_share",
            "--by",
            "year",
            "--where",
            "year=2023",
            "--dataset",
            "school_leavers_kreis",
            "--format",
            "csv",
            "--db",
            db,
        ],
    )
    assert again.exit_code == 0, again.stderr
    assert again.stdout.splitlines()[1].startswith("2023;11.58")
