"""``bila report build``: the Bildungsbericht as HTML and PDF from chapter files and an analytics store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from bildungslandschaft.cli_progress import progress_bar
from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.yamlsource import CatalogError
from bildungslandschaft.core.disclosure.primary import PrimaryRules
from bildungslandschaft.core.engine import QueryError, Workspace
from bildungslandschaft.core.report.build import build_report, count_directives
from bildungslandschaft.core.report.data import workspace_source
from bildungslandschaft.core.report.source import ReportSourceError, demo_folder, load_chapters, load_meta
from bildungslandschaft.core.settings import SettingError
from bildungslandschaft.core.store import connect

report_app = typer.Typer(help="Bildungsbericht als HTML und PDF erzeugen.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True)


@report_app.command("build")
def build(
    db: Annotated[
        str | None, typer.Option("--db", help="Analysespeicher (Ibis-URL oder DuckDB-Datei); sonst BILA_DB.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Zielordner für bericht.html und bericht.pdf")] = Path(
        "var/bericht"
    ),
    chapters: Annotated[
        Path | None,
        typer.Option("--chapters", help="Ordner mit Kapiteldateien (*.md, bericht.toml); sonst der Demobericht"),
    ] = None,
    min_count: Annotated[int, typer.Option("--min-count", help="Mindestfallzahl der Geheimhaltung")] = 3,
    strict: Annotated[bool, typer.Option("--strict", help="Mit Fehlercode enden, wenn eine Angabe fehlt")] = False,
) -> None:
    """Bericht bauen: Kapitel mit Diagrammen, Tabellen, Karten und Sätzen → bericht.html und bericht.pdf."""
    try:
        folder = chapters or demo_folder()
        meta, sources = load_meta(folder), load_chapters(folder)
        catalog = load_catalog()
        space = Workspace(connect(db), catalog)
        if not space.available:
            raise QueryError(
                "der Analysespeicher enthält keine Daten – zuerst importieren (bila import) oder bila demo"
            )
        source = workspace_source(space, PrimaryRules(min_count=min_count))
        with _progress() as progress:
            task = progress.add_task("Kapitel", total=count_directives(sources) + 2)  # + PDF + done
            result = build_report(
                meta, sources, catalog, source, lambda text: progress.update(task, description=text, advance=1)
            )
            progress.update(task, description="fertig", advance=1)
    except (ReportSourceError, CatalogError, QueryError, SettingError, FileNotFoundError) as error:
        errors.print(f"[bold red]Fehler:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    out.mkdir(parents=True, exist_ok=True)
    (out / "bericht.html").write_text(result.html, encoding="utf-8")
    (out / "bericht.pdf").write_bytes(result.pdf)
    report, timings = result.report, result.timings
    console.print(
        f"Geschrieben: {out / 'bericht.html'} und {out / 'bericht.pdf'} – {len(report.chapters)} Kapitel, "
        f"{len(report.figures)} Abbildungen, {len(report.tables)} Tabellen.",
        highlight=False,
    )
    console.print(
        f"Dauer {timings.total:.1f} s, davon PDF-Satz (WeasyPrint) {timings.pdf_engine:.1f} s "
        f"({timings.pdf_share:.0%}).",
        highlight=False,
    )
    for problem in report.problems:
        errors.print(f"[yellow]Hinweis:[/] {escape(str(problem))}", highlight=False, soft_wrap=True)
    if strict and report.problems:
        raise typer.Exit(1)


def _progress() -> Progress:
    return progress_bar(errors)
