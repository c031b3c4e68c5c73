"""``bila serve``: the portal over an analytics store, with the site's demo content on request."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console

console = Console()


def setup_django(db: str | None = None) -> None:
    """Configure Django for a command; ``db`` becomes the portal's analytics store."""
    if db:
        os.environ["BILA_DB"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bildungslandschaft.web.settings")
    import django

    django.setup()


def serve(
    db: Annotated[str | None, typer.Option("--db", help="Analysespeicher (sonst BILA_DB)")] = None,
    host: Annotated[str, typer.Option(help="Adresse")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help="Demo-Inhalte laden (Konten, Bericht, Konferenz …)")] = False,
    run: Annotated[bool, typer.Option("--run/--no-run", help="Server starten (sonst nur einrichten)")] = True,
    prepare: Annotated[
        bool, typer.Option("--prepare/--no-prepare", help="Geheimhaltung vor dem Start vorbereiten (Haupttabellen)")
    ] = True,
) -> None:
    """Portal einrichten (Datenbank migrieren, optional Demo-Inhalte) und starten."""
    setup_django(db)
    from django.core.management import call_command

    from bildungslandschaft.web.demo import load_demo_content

    call_command("migrate", interactive=False, verbosity=0)
    if demo:
        for line in load_demo_content():
            console.print(f"• {line}")
    if not run:
        return
    if prepare:
        prepare_disclosure()
    console.print(f"Portal läuft auf [bold]http://{host}:{port}/[/] (Beenden mit Strg+C)")
    call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)


def prepare_disclosure() -> None:
    """Protect the master tables before the first request, with a progress bar (seconds on a large store)."""
    from bildungslandschaft.cli_progress import progress_bar
    from bildungslandschaft.web import analytics

    datasets = analytics.confidential_datasets()
    with progress_bar(console) as bar:
        task = bar.add_task("Geheimhaltung: Haupttabellen schützen", total=len(datasets))

        def done(dataset: str, count: int) -> None:
            bar.update(task, advance=1, description=f"Geheimhaltung: {dataset} ({count} Tabellen)")

        tables = analytics.prepare_disclosure(done)
    console.print(f"Geheimhaltung vorbereitet: {tables} Haupttabellen aus {len(datasets)} Datensätzen geschützt.")
