"""`bila protect` through Typer's test runner on a local app (the main app registers the same function)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from bildungslandschaft.cli_protect import protect

SDC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sdc"

app = typer.Typer(add_completion=False)
app.command()(protect)
runner = CliRunner()


def write(tmp_path: Path, text: str, name: str = "tabelle.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(output: str) -> list[list[str]]:
    return [line.split(";") for line in output.strip().splitlines()]


def test_protect_prints_status_and_marker_per_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "stadtteil;geschlecht;n\nNord;w;1\nNord;m;5\nSued;w;6\nSued;m;7\n")

    result = runner.invoke(app, [str(path), "--dims", "stadtteil,geschlecht", "--count", "n"])

    assert result.exit_code == 0, result.output
    table = rows(result.stdout)
    assert table[0] == ["stadtteil", "geschlecht", "status", "wert"]
    assert ["Nord", "w", "U", "."] in table
    assert sum(row[2] == "M" for row in table) == 3
    assert "1 Zelle primär gesperrt (U), 3 sekundär (M), 5 veröffentlicht (S)" in result.stderr


def test_protect_json_with_given_margins_and_comma(tmp_path: Path) -> None:
    path = write(tmp_path, "a,n\nx,4\ny,2\nz,9\n_T,15\n")

    result = runner.invoke(app, [str(path), "--dims", "a", "--count", "n", "--format", "json"])

    assert result.exit_code == 0, result.output
    cells = {cell["a"]: (cell["status"], cell["wert"]) for cell in json.loads(result.stdout)["zellen"]}
    assert cells["y"] == ("U", ".")
    assert cells["_T"] == ("S", 15)
    assert sum(status == "M" for status, _ in cells.values()) == 1


def test_protect_missing_column_is_a_german_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a;anzahl\nx;4\n")

    result = runner.invoke(app, [str(path), "--dims", "a", "--count", "n"])

    assert result.exit_code == 1
    assert result.stderr.strip() == "Fehler: Spalte 'n' fehlt in tabelle.csv"


def test_protect_inconsistent_margin_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a;n\nx;4\ny;2\n_T;7\n")

    result = runner.invoke(app, [str(path), "--dims", "a", "--count", "n"])

    assert result.exit_code == 1
    assert result.stderr.strip() == "Fehler: Randsumme (_T) ist 7, die Summe ihrer Zellen ergibt 6"


def test_protect_unknown_objective_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a;n\nx;4\n")

    result = runner.invoke(app, [str(path), "--dims", "a", "--count", "n", "--objective", "wenig"])

    assert result.exit_code == 1
    assert result.stderr.startswith("Fehler: Ziel 'wenig' unbekannt")


def test_protect_sdctable_vignette_with_hierarchy_and_tot_margins() -> None:
    path = SDC / "csv" / "sdcTable_vignette_completedat.csv"
    options = ["--dims", "V1,V2,V3", "--count", "Freq", "--total-code", "Tot", "--hierarchy", "V1:B=Ba+Bb+Bc"]

    result = runner.invoke(app, [str(path), *options, "--min-count", "10"])

    assert result.exit_code == 0, result.output
    table = [line.split(",") for line in result.stdout.strip().splitlines()[1:]]
    assert len(table) == 168
    assert {row[3] for row in table} == {"S", "U", "M"}
    assert ["Tot", "Tot", "Tot", "S", "1000"] in table
