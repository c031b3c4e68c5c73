"""``bila report build`` as a user runs it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bildungslandschaft.cli import app

runner = CliRunner()


def write_chapters(folder: Path, body: str) -> Path:
    folder.mkdir()
    (folder / "bericht.toml").write_text('title = "Kleiner Bericht"\n', encoding="utf-8")
    (folder / "01-schulen.md").write_text(f"# Schulen\n\n{body}\n", encoding="utf-8")
    return folder


def test_build_writes_html_and_pdf_and_reports_the_pdf_engine_share(demo_db: str, tmp_path: Path) -> None:
    chapters = write_chapters(
        tmp_path / "kapitel", "::: chart indicator=pupils by=year :::\n\n::: sentence indicator=pupils :::"
    )

    result = runner.invoke(
        app, ["report", "build", "--db", demo_db, "--out", str(tmp_path / "out"), "--chapters", str(chapters)]
    )

    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "bericht.html").read_text(encoding="utf-8")
    assert "<title>Kleiner Bericht</title>" in html and "Abbildung 1:" in html
    assert (tmp_path / "out" / "bericht.pdf").read_bytes().startswith(b"%PDF-")
    assert "1 Kapitel, 1 Abbildungen, 0 Tabellen" in result.output
    assert "davon PDF-Satz (WeasyPrint)" in result.output


def test_build_names_broken_directives_and_fails_when_strict(demo_db: str, tmp_path: Path) -> None:
    chapters = write_chapters(tmp_path / "kapitel", "::: chart indicator=gibtsnicht :::")
    args = ["report", "build", "--db", demo_db, "--out", str(tmp_path / "out"), "--chapters", str(chapters)]

    relaxed = runner.invoke(app, args)
    strict = runner.invoke(app, [*args, "--strict"])

    assert relaxed.exit_code == 0
    assert "Kapitel „Schulen“, Zeile 3: unbekannter Indikator 'gibtsnicht'" in relaxed.output
    assert strict.exit_code == 1


def test_build_without_chapter_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()

    result = runner.invoke(
        app, ["report", "build", "--chapters", str(tmp_path / "leer"), "--db", str(tmp_path / "x.duckdb")]
    )

    assert result.exit_code == 1
    assert "keine Kapiteldateien (*.md) gefunden" in result.output


def test_build_over_an_empty_store_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "build", "--db", str(tmp_path / "leer.duckdb"), "--out", str(tmp_path)])

    assert result.exit_code == 1
    assert "der Analysespeicher enthält keine Daten – zuerst importieren (bila import) oder bila demo" in result.output
    assert not (tmp_path / "bericht.pdf").exists()
