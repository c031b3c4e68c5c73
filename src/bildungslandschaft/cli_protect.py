"""``bila protect``: protect a count table from a CSV file and print what may be published."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Annotated

import typer

from bildungslandschaft.core.disclosure import (
    OBJECTIVES,
    CellStatus,
    PrimaryRules,
    Protection,
    TableError,
)
from bildungslandschaft.core.disclosure import (
    protect as protect_table,
)
from bildungslandschaft.core.disclosure.reader import parse_hierarchy, read_count_table

FORMATS = ("csv", "json")


def protect(
    table_file: Annotated[Path, typer.Argument(metavar="TABELLE.csv", help="Zähltabelle als CSV (; oder ,).")],
    dims: Annotated[str, typer.Option("--dims", help="Merkmalsspalten, kommagetrennt, z. B. stadtteil,schulart.")],
    count: Annotated[str, typer.Option("--count", help="Spalte mit den Fallzahlen.")],
    min_count: Annotated[int, typer.Option("--min-count", help="Kleinste veröffentlichbare Fallzahl.")] = 3,
    objective: Annotated[
        str, typer.Option("--objective", help="Ziel der Sekundärsperrung: cells (wenigste Zellen) oder total.")
    ] = "cells",
    output_format: Annotated[str, typer.Option("--format", help="Ausgabeformat: csv oder json.")] = "csv",
    protect_zeros: Annotated[bool, typer.Option("--protect-zeros", help="Auch Nullen sperren.")] = False,
    rounding_base: Annotated[
        int | None, typer.Option("--rounding-base", help="Alle Werte auf diese Basis runden statt sperren.")
    ] = None,
    total_code: Annotated[str, typer.Option("--total-code", help="Code der Randsummen in der Datei.")] = "_T",
    hierarchy: Annotated[
        list[str] | None,
        typer.Option("--hierarchy", help="Zwischensumme MERKMAL:OBERCODE=CODE1+CODE2 (wiederholbar)."),
    ] = None,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Höchstens so viele Sekunden optimieren.")] = 60.0,
) -> None:
    """Zähltabelle geheim halten: Mindestfallzahl (U) und optimale Sekundärsperrung (M), Ausgabe mit „.“."""
    try:
        if objective not in OBJECTIVES:
            raise TableError(f"Ziel '{objective}' unbekannt, erlaubt: {', '.join(OBJECTIVES)}")
        if output_format not in FORMATS:
            raise TableError(f"Format '{output_format}' unbekannt, erlaubt: {', '.join(FORMATS)}")
        dimensions = [name.strip() for name in dims.split(",") if name.strip()]
        trees: dict[str, dict[str, tuple[str, ...]]] = {}
        for spec in hierarchy or []:
            dim, parent, children = parse_hierarchy(spec)
            if dim not in dimensions:
                raise TableError(f"Hierarchie für '{dim}', das nicht in --dims steht")
            trees.setdefault(dim, {})[parent] = children
        rules = PrimaryRules(min_count, protect_zeros, rounding_base)
        source = read_count_table(table_file, dimensions, count, total_code, trees)
        protection = protect_table(source.table, rules, objective, time_limit=time_limit)
    except (TableError, ValueError) as error:
        typer.echo(f"Fehler: {error}", err=True)
        raise typer.Exit(1) from None
    names = [dim.name for dim in protection.table.dimensions]
    if output_format == "json":
        typer.echo(_as_json(protection, names))
    else:
        typer.echo(_as_csv(protection, names, source.delimiter), nl=False)
    typer.echo(_summary(protection), err=True)


def _as_csv(protection: Protection, names: list[str], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow([*names, "status", "wert"])
    for cell in protection.cells():
        writer.writerow([*cell.key, cell.status.value, cell.value])
    return buffer.getvalue()


def _as_json(protection: Protection, names: list[str]) -> str:
    cells = [
        {**dict(zip(names, cell.key, strict=True)), "status": cell.status.value, "wert": cell.value}
        for cell in protection.cells()
    ]
    document = {
        "mindestfallzahl": protection.rules.min_count,
        "ziel": protection.objective,
        "optimal": protection.optimal,
        "zellen": cells,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def _summary(protection: Protection) -> str:
    primary, secondary = protection.count(CellStatus.PRIMARY), protection.count(CellStatus.SECONDARY)
    cells = "Zelle" if primary == 1 else "Zellen"
    if protection.rules.rounding_base is not None:
        return f"Gerundet auf Basis {protection.rules.rounding_base}: {primary} {cells} unter der Mindestfallzahl (U)."
    quality = "optimal" if protection.optimal else "schützend, Optimum nicht nachgewiesen (Zeitlimit)"
    return (
        f"Geheimhaltung: {primary} {cells} primär gesperrt (U), {secondary} sekundär (M), "
        f"{protection.count(CellStatus.SAFE)} veröffentlicht (S); Sperrung {quality}."
    )


if __name__ == "__main__":  # pragma: no cover - `python -m bildungslandschaft.cli_protect`
    app = typer.Typer(add_completion=False)
    app.command()(protect)
    app()
