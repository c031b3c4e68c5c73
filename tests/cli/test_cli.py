"""The CLI as an analyst uses it: import the real files, compute, inspect lineage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import REGIONALSTATISTIK
from typer.testing import CliRunner

from bildungslandschaft.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "bila.duckdb")


def bila(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_analyst_imports_real_files_and_computes_magdeburg(db: str) -> None:
    files = sorted(str(path) for path in REGIONALSTATISTIK.glob("*.csv"))
    code, out, _ = bila("import", *files, "--db", db)
    assert code == 0
    assert out.count("Import ") == 5

    code, out, _ = bila("compute", "leavers_without_hsa_share", "--by", "region", "--where", "region=15003", "--db", db)
    assert code == 0
    assert "Magdeburg" in out
    assert "11,6" in out
    assert "222" in out
    assert "1.917" in out

    code, out, _ = bila(
        "compute",
        "leavers_without_hsa_share",
        "--by",
        "region",
        "--where",
        "region=15003",
        "--format",
        "json",
        "--db",
        db,
    )
    assert code == 0
    assert json.loads(out) == [
        {
            "region": "15003",
            "value": pytest.approx(11.5806, abs=1e-4),
            "numerator": 222.0,
            "denominator": 1917.0,
            "flag": None,
        }
    ]


def test_compute_csv_uses_semicolons(db: str) -> None:
    bila("import", str(REGIONALSTATISTIK / "21111-02-06-4.csv"), "--db", db)
    code, out, _ = bila(
        "compute", "leavers", "--by", "geschlecht", "--where", "region=15003", "--format", "csv", "--db", db
    )
    assert code == 0
    assert out.splitlines() == [
        "geschlecht;value;numerator;denominator;flag",
        "m;1014.0;1014.0;;",
        "w;903.0;903.0;;",
    ]


def test_second_import_says_unchanged_and_imports_lists_lineage(db: str) -> None:
    path = str(REGIONALSTATISTIK / "21111-02-06-4.csv")
    bila("import", path, "--db", db)
    code, out, _ = bila("import", path, "--db", db)
    assert code == 0
    assert "unverändert" in out
    code, out, _ = bila("imports", "--db", db)
    assert code == 0
    assert "school_leavers_kreis" in out
    assert "aktiv" in out


def test_broken_file_exits_nonzero_with_one_line(db: str, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.csv"
    broken.write_bytes((REGIONALSTATISTIK / "21111-02-06-4.csv").read_bytes()[:5000])
    code, _, err = bila("import", str(broken), "--db", db)
    assert code == 1
    error_lines = [line for line in err.splitlines() if line.startswith("Fehler:")]
    assert len(error_lines) == 1
    assert "kaputt.csv" in error_lines[0]
    assert "unvollständig" in error_lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compute", "gibtsnicht"), "unbekannter Indikator: gibtsnicht"),
        (("compute", "leavers", "--by", "farbe"), "Aufgliederung nach 'farbe' nicht möglich"),
        (("compute", "leavers", "--where", "region"), "--where erwartet DIM=WERT"),
        (("compute", "leavers", "--format", "pdf"), "erlaubt sind table, csv, json"),
        (("compute", "pupils"), "importieren Sie einen dieser Datensätze"),
        (("show", "gibtsnicht"), "unbekannter Indikator"),
    ],
)
def test_user_errors_exit_1_with_reason(db: str, args: tuple[str, ...], message: str) -> None:
    extra = ("--db", db) if args[0] == "compute" else ()
    code, _, err = bila(*args, *extra)
    assert code == 1
    assert message in err


def test_indicators_lists_the_catalog() -> None:
    code, out, _ = bila("indicators", "--area", "DIG")
    assert code == 0
    assert "devices_per_pupil" in out
    assert "pupils " not in out


def test_show_prints_definition_with_numerator_and_denominator() -> None:
    code, out, _ = bila("show", "leavers_without_hsa_share")
    assert code == 0
    assert "Zähler: leavers (abschluss ∈ {ohne_hsa})" in out
    assert "Nenner: leavers" in out
    assert "dl-de/by-2-0" in out


def test_a_store_opened_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "store.duckdb"
    script = f"import duckdb, time; con = duckdb.connect({str(db)!r}); print('offen', flush=True); time.sleep(60)"
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "offen"
            bila = [sys.executable, "-m", "bildungslandschaft", "compute", "pupils", "--by", "year", "--db", str(db)]
            result = subprocess.run(bila, capture_output=True, text=True, timeout=120, check=False)
        finally:
            holder.kill()
    assert result.returncode == 1
    assert "von einem anderen Prozess geöffnet" in result.stderr
    assert "Traceback" not in result.stderr
