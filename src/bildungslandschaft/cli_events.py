"""``bila events``: conference tools; ``assign`` seats participants optimally, ``purge`` deletes personal data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bildungslandschaft.core.conference import AssignmentResult, InstanceError, assign, load_instance

events_app = typer.Typer(
    help="Veranstaltungen: Teilnehmende optimal auf parallele Sessions verteilen, Personendaten fristgerecht löschen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@events_app.callback()
def events() -> None:
    """Veranstaltungen: Teilnehmende optimal auf parallele Sessions verteilen, Personendaten fristgerecht löschen."""
    # a callback keeps `events` a command group even while it has a single command


@events_app.command("assign")
def assign_sessions(
    instance_file: Annotated[
        Path, typer.Argument(metavar="INSTANCE.json", help="Workshops, Blöcke mit Sessions und Anmeldungen als JSON.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", help="JSON in diese Datei schreiben statt auf die Standardausgabe.")
    ] = None,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Höchstens so viele Sekunden rechnen.")] = 60.0,
) -> None:
    """Teilnehmende optimal zuteilen: erst den schlechtesten Rang, dann die Rangsumme minimieren (HiGHS)."""
    try:
        result = assign(load_instance(instance_file), time_limit=time_limit)
        if not result.feasible:
            raise InstanceError(_why_not(result, time_limit))
        text = json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
        if output is None:
            typer.echo(text)
        else:
            output.write_text(text + "\n", encoding="utf-8")
    except InstanceError as error:
        typer.echo(f"Fehler: {error}", err=True)
        raise typer.Exit(1) from None
    except OSError as error:
        typer.echo(f"Fehler: {output} nicht schreibbar ({error.strerror})", err=True)
        raise typer.Exit(1) from None
    typer.echo(_summary(result, output), err=True)


def _why_not(result: AssignmentResult, time_limit: float) -> str:
    if result.status == "infeasible":
        return "keine zulässige Zuteilung: " + "; ".join(result.explanation)
    return f"in {time_limit:g} s keine zulässige Zuteilung gefunden (HiGHS: {result.status})"


def _summary(result: AssignmentResult, output: Path | None) -> str:
    seats = sum(result.rank_histogram.values())
    quality = f"schlechtester Rang {result.worst_rank}, Rangsumme {result.sum_of_ranks} bei {seats} zugeteilten Plätzen"
    proof = "optimal" if result.optimal else f"nicht als optimal bewiesen ({result.status})"
    target = f"; geschrieben nach {output}" if output is not None else ""
    return f"Zuteilung {proof}: {quality}{target}."


@events_app.command("purge")
def purge_personal_data(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Nur anzeigen, was gelöscht würde.")] = False,
) -> None:
    """Personendaten von Teilnehmenden löschen bzw. anonymisieren, sobald die Frist nach der Veranstaltung um ist."""
    from bildungslandschaft.cli_web import setup_django

    setup_django()
    from bildungslandschaft.web.conference.purge import purge

    done = purge(dry_run=dry_run)
    verb = "würden" if dry_run else "wurden"
    for item in done:
        typer.echo(
            f"{item.event.title} ({item.event.date:%d.%m.%Y}, Frist {item.event.purge_after_days} Tage): "
            f"{item.anonymised} Anmeldungen {verb} anonymisiert, {item.deleted} abgemeldete {verb} gelöscht."
        )
    if not done:
        typer.echo("Keine Personendaten mit abgelaufener Frist.")
