"""`bila events assign` as the conference team uses it: a JSON file in, the seats and their quality out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bildungslandschaft.cli_events import events_app

runner = CliRunner()
# registered as in the main app (`bila events`), which the team wires up in cli.py
bila = typer.Typer()
bila.add_typer(events_app, name="events")

EVENT = {
    "workshops": ["a", "b"],
    "blocks": [{"id": "b1", "sessions": [{"id": "s-a", "workshop": "a", "capacity": 2},
                                         {"id": "s-b", "workshop": "b", "capacity": 1}]}],
    "participants": [{"id": "anna", "ranking": ["a", "b"]}, {"id": "ben", "ranking": ["a", "b"]},
                     {"id": "clara", "ranking": ["a"]}],
}  # fmt: skip


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(EVENT), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(bila, ["events", *args])
    return result.exit_code, result.stdout, result.stderr


def test_events_assign_prints_assignment_and_report_as_json(event_file: Path):
    code, out, err = run("assign", str(event_file))

    assert code == 0
    report = json.loads(out)
    assert list(report) == ["assignment", "worst_rank", "sum_of_ranks", "rank_histogram", "fill", "status", "optimal"]
    assert report["assignment"]["clara"] == {"b1": "s-a"}
    assert (report["worst_rank"], report["sum_of_ranks"], report["rank_histogram"]) == (2, 4, {"1": 2, "2": 1})
    assert report["fill"] == {"s-a": {"assigned": 2, "capacity": 2}, "s-b": {"assigned": 1, "capacity": 1}}
    assert (report["status"], report["optimal"]) == ("optimal", True)
    assert err == "Zuteilung optimal: schlechtester Rang 2, Rangsumme 4 bei 3 zugeteilten Plätzen.\n"


def test_events_assign_writes_the_output_file(event_file: Path, tmp_path: Path):
    target = tmp_path / "zuteilung.json"

    code, out, err = run("assign", str(event_file), "--output", str(target))

    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["sum_of_ranks"] == 4
    assert f"geschrieben nach {target}" in err


def test_events_assign_explains_an_infeasible_event_in_one_line(tmp_path: Path):
    path = tmp_path / "voll.json"
    crowded = {**EVENT, "participants": [{"id": f"p{n}", "ranking": ["a"]} for n in range(4)]}
    path.write_text(json.dumps(crowded), encoding="utf-8")

    code, out, err = run("assign", str(path))

    assert (code, out) == (1, "")
    assert err == (
        "Fehler: keine zulässige Zuteilung: Block b1 hat insgesamt 3 Plätze, aber 4 Teilnehmende sind angemeldet\n"
    )


def test_events_assign_names_the_wrong_field(tmp_path: Path):
    path = tmp_path / "falsch.json"
    path.write_text(json.dumps({**EVENT, "participants": [{"id": "anna", "ranking": ["z"]}]}), encoding="utf-8")

    code, out, err = run("assign", str(path))

    assert (code, out) == (1, "")
    assert err == f"Fehler: {path}: Teilnehmer:in anna: „ranking“: Workshop „z“ ist unbekannt\n"


def test_events_assign_reports_a_missing_file(tmp_path: Path):
    code, _, err = run("assign", str(tmp_path / "fehlt.json"))

    assert code == 1
    assert err == f"Fehler: {tmp_path / 'fehlt.json'}: Datei nicht gefunden\n"


def test_events_assign_keeps_stdout_pure_json_in_a_fresh_process(event_file: Path):
    # HiGHS prints a banner from C++ on first use; stdout must carry only the JSON
    program = "from bildungslandschaft.cli_events import events_app; events_app()"

    done = subprocess.run(
        [sys.executable, "-c", program, "assign", str(event_file)], capture_output=True, text=True, check=False
    )

    assert done.returncode == 0
    assert json.loads(done.stdout)["status"] == "optimal"
