"""The ``bila`` command line: import, inspect and compute indicators."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from bildungslandschaft.cli_backup import backup_app
from bildungslandschaft.cli_events import events_app
from bildungslandschaft.cli_progress import progress_bar
from bildungslandschaft.cli_protect import protect
from bildungslandschaft.cli_published import labelled, published_result, render_published
from bildungslandschaft.cli_report import report_app
from bildungslandschaft.cli_web import serve
from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.model import Catalog, Indicator
from bildungslandschaft.core.catalog.yamlsource import CatalogError
from bildungslandschaft.core.engine import QueryError, Workspace, compute
from bildungslandschaft.core.formatting import format_change, format_number
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.result import Query, Result
from bildungslandschaft.core.settings import SettingError, env_str
from bildungslandschaft.core.store import StoreError, connect, store_url

app = typer.Typer(
    name="bila",
    help="Bildungslandschaft: amtliche Tabellen importieren und Bildungsindikatoren berechnen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(events_app, name="events")
app.add_typer(report_app, name="report")
app.command("protect")(protect)
app.command("serve")(serve)
app.registered_commands += backup_app.registered_commands  # bila backup, bila restore
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Analysespeicher (Ibis-URL oder DuckDB-Datei); sonst BILA_DB.")
]
EXPECTED_ERRORS = (ImportFailed, CatalogError, QueryError, SettingError, StoreError, KeyError, FileNotFoundError)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn expected errors into one line on stderr and exit code 1."""
    try:
        yield
    except EXPECTED_ERRORS as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        errors.print(f"[bold red]Fehler:[/] {escape(str(message))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _progress() -> Progress:
    return progress_bar(errors)


@app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Quelldateien (GENESIS-CSV, ffcsv, CSV/XLSX mit Zuordnung).")],
    mapping: Annotated[
        Path | None, typer.Option(help="Zuordnungsdatei für eine Stadttabelle (sonst <Datei>.mapping.yaml).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Dateien importieren: geprüft, atomar (ganz oder gar nicht) und mit Herkunftsnachweis."""
    with user_errors():
        catalog, con = load_catalog(), connect(db)
        with _progress() as progress:
            task = progress.add_task("Import", total=len(paths))
            for path in paths:
                progress.update(task, description=f"Import {path.name}")
                outcome = import_file(con, catalog, path, mapping=mapping)
                record = outcome.record
                if not outcome.changed:
                    console.print(f"{path.name}: unverändert (schon als Import {record.import_id} vorhanden)")
                else:
                    replaced = (
                        f", ersetzt Import {', '.join(map(str, outcome.superseded))}" if outcome.superseded else ""
                    )
                    console.print(
                        f"{path.name}: Import {record.import_id} → {record.dataset}: "
                        f"{record.rows_read} Zeilen gelesen, {record.cells_imported} Werte übernommen, "
                        f"{record.rows_rejected} Zeilen abgelehnt{replaced}"
                    )
                    for rejection in record.rejection_list()[:5]:
                        console.print(f"  abgelehnt: Zeile {rejection['line']}: {rejection['reason']}")
                progress.advance(task)


@app.command("imports")
def imports_command(db: DbOption = None) -> None:
    """Herkunftsnachweis aller Importe anzeigen (neueste zuerst)."""
    with user_errors():
        records = list_imports(connect(db))
        table = Table(title="Importe")
        for column in (
            "Nr.",
            "Datensatz",
            "Datei",
            "SHA-256",
            "Zeitpunkt (UTC)",
            "Person",
            "Zeilen",
            "abgelehnt",
            "Status",
        ):
            table.add_column(column)
        for rec in records:
            status = rec.status + (f" (durch {rec.superseded_by})" if rec.superseded_by else "")
            table.add_row(
                str(rec.import_id),
                rec.dataset,
                rec.file_name,
                rec.sha256[:12],
                rec.imported_at,
                rec.user,
                str(rec.rows_read),
                str(rec.rows_rejected),
                status,
            )
        console.print(table if records else "Noch keine Importe.")


@app.command("indicators")
def indicators_command(
    area: Annotated[str | None, typer.Option(help="Nur ein Bereich (A, C, D, E, G, DIG).")] = None,
) -> None:
    """Alle Indikatoren des Katalogs auflisten."""
    with user_errors():
        catalog = load_catalog()
        table = Table(title=f"Indikatoren (Katalog {catalog.version})")
        for column in ("ID", "Titel", "Bereich", "Einheit", "Aufgliederungen"):
            table.add_column(column)
        for indicator in catalog.indicators.values():
            if area and indicator.area != area:
                continue
            table.add_row(
                indicator.id,
                indicator.title,
                catalog.areas[indicator.area],
                indicator.unit,
                ", ".join(indicator.breakdowns),
            )
        console.print(table)


@app.command("show")
def show_command(
    indicator_id: Annotated[str, typer.Argument(help="Indikator-ID, z. B. leavers_without_hsa_share")],
) -> None:
    """Die Definition eines Indikators anzeigen."""
    with user_errors():
        catalog = load_catalog()
        indicator = catalog.indicator(indicator_id)
        for label, text in _definition(catalog, indicator):
            console.print(f"[bold]{label}:[/] {text}", highlight=False)


def _definition(catalog: Catalog, indicator: Indicator) -> list[tuple[str, str]]:
    def term(t: Any) -> str:
        where = "; ".join(f"{dim} ∈ {{{', '.join(codes)}}}" for dim, codes in t.where.items())
        return t.measure + (f" ({where})" if where else "")

    rows = [
        ("ID", indicator.id),
        ("Titel", indicator.title),
        ("Title (en)", indicator.title_en),
        ("Bereich", f"{indicator.area} {catalog.areas[indicator.area]} – {indicator.topic}"),
        ("Definition", indicator.definition.strip()),
        ("Art", indicator.kind),
        ("Zähler", term(indicator.numerator)),
    ]
    if indicator.denominator is not None:
        rows.append(("Nenner", term(indicator.denominator)))
        rows.append(("Faktor", format_number(indicator.factor)))
    rows += [
        ("Einheit", indicator.unit),
        ("Aufgliederungen", ", ".join(indicator.breakdowns)),
        ("Quelle", indicator.source),
        ("Namensnennung", indicator.attribution),
        ("Interpretation", indicator.interpretation.strip()),
    ]
    return rows


def _parse_where(values: list[str]) -> dict[str, tuple[str, ...]]:
    where: dict[str, tuple[str, ...]] = {}
    for item in values:
        if "=" not in item:
            raise QueryError(f"--where erwartet DIM=WERT, gefunden {item!r}")
        dim, _, value = item.partition("=")
        where[dim.strip()] = where.get(dim.strip(), ()) + tuple(v.strip() for v in value.split(","))
    return where


@app.command("compute")
def compute_command(
    indicator_id: Annotated[str, typer.Argument(help="Indikator-ID")],
    by: Annotated[str, typer.Option("--by", help="Aufgliederung, z. B. year,stadtteil")] = "",
    where: Annotated[list[str] | None, typer.Option("--where", help="Filter DIM=WERT (mehrfach möglich)")] = None,
    totals: Annotated[bool, typer.Option("--totals", help="Summenzeilen (_T) ergänzen")] = False,
    output: Annotated[str, typer.Option("--format", help="table, csv oder json")] = "table",
    dataset: Annotated[str | None, typer.Option(help="Datensatz erzwingen")] = None,
    published: Annotated[
        bool, typer.Option("--published", help="Veröffentlichte Werte nach Geheimhaltungsprüfung (mit Status S/U/M)")
    ] = False,
    db: DbOption = None,
) -> None:
    """Einen Indikator berechnen (interne Rohwerte; mit --published: was die Öffentlichkeit sieht)."""
    with user_errors():
        if output not in {"table", "csv", "json"}:
            raise QueryError(f"--format {output!r}: erlaubt sind table, csv, json")
        catalog = load_catalog()
        dims = tuple(dim.strip() for dim in by.split(",") if dim.strip())
        query = Query(indicator_id, dims, _parse_where(where or []), totals or published, dataset)
        if published:
            workspace = Workspace(connect(db), catalog)
            render_published(console, catalog, published_result(workspace, workspace.compute(query)), output)
            return
        result = compute(connect(db), catalog, query)
        RENDERERS[output](catalog, result)


def result_records(result: Result) -> list[dict[str, Any]]:
    """One plain dict per cell: breakdown dimensions, value, numerator, denominator, flag."""
    return [
        {
            **dict(cell.key),
            "value": cell.value,
            "numerator": cell.numerator,
            "denominator": cell.denominator,
            "flag": cell.flag,
        }
        for cell in result.cells
    ]


def _render_json(_catalog: Catalog, result: Result) -> None:
    sys.stdout.write(json.dumps(result_records(result), ensure_ascii=False, indent=2) + "\n")


def _render_csv(_catalog: Catalog, result: Result) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*result.by, "value", "numerator", "denominator", "flag"], delimiter=";")
    writer.writeheader()
    writer.writerows(result_records(result))
    sys.stdout.write(buffer.getvalue())


def _render_table(catalog: Catalog, result: Result) -> None:
    indicator = result.indicator
    table = Table(title=f"{indicator.title} ({indicator.unit})", caption=_caption(result))
    for dim in result.by:
        table.add_column(dim)
    for column in ("Wert", "Zähler", "Nenner") if indicator.denominator else ("Wert",):
        table.add_column(column, justify="right")
    for cell in result.cells:
        values = [format_number(cell.value, indicator.decimals, cell.flag)]
        if indicator.denominator:
            values += [format_number(cell.numerator), format_number(cell.denominator)]
        table.add_row(
            *[labelled(catalog, result.provenance.datasets, dim, cell.key[dim]) for dim in result.by], *values
        )
    console.print(table)


def _caption(result: Result) -> str:
    prov = result.provenance
    return (
        f"intern – vor Geheimhaltungsprüfung · Datensätze: {', '.join(prov.datasets)} · Importe: "
        f"{', '.join(map(str, prov.import_ids))} · {result.indicator.attribution}"
    )


RENDERERS: dict[str, Callable[[Catalog, Result], None]] = {
    "json": _render_json,
    "csv": _render_csv,
    "table": _render_table,
}


def main() -> None:
    """Entry point for ``python -m bildungslandschaft``."""
    app()


@app.command("demo")
def demo_command(
    target: Annotated[
        Path | None, typer.Option(help="Ordner für die Quelldateien (sonst BILA_DEMO_DIR, var/demo)")
    ] = None,
    seed: Annotated[int, typer.Option(help="Zufallsstartwert; gleicher Wert, gleiche Dateien")] = 2023,
    db: Annotated[
        str | None, typer.Option("--db", help="Speicher der Demo (sonst BILA_DEMO_DB, var/demo.duckdb)")
    ] = None,
) -> None:
    """Demostadt erzeugen, über die normalen Importe einlesen und alle Indikatoren berechnen."""
    from bildungslandschaft.core.demo import run_demo
    from bildungslandschaft.core.summary import key_figures

    with user_errors():
        catalog = load_catalog()
        store = db or env_str("BILA_DEMO_DB", "var/demo.duckdb")
        con = connect(store)
        with _progress() as progress:
            task = progress.add_task("Demostadt", total=None)
            summary = run_demo(con, catalog, target, seed, lambda text: progress.update(task, description=text))
            progress.update(task, description="Demostadt importiert", total=1, completed=1)
            compute_task = progress.add_task("Indikatoren", total=len(catalog.indicators))

            def advance(indicator: Indicator) -> None:
                progress.update(compute_task, description=f"Berechne {indicator.id}", advance=1)

            figures = key_figures(con, catalog, advance)
        console.print(
            f"Demodaten: {len(summary.files)} Quelldateien importiert ({summary.changed} neu), "
            f"{format_number(summary.cells)} Werte, {summary.rejected} abgelehnte Zeilen. Speicher: {store_url(store)}"
        )
        _print_key_figures(figures)
        console.print(f"Weiter: bila compute sgb2_children_rate --by stadtteil --where year=2025 --db {store}")


def _print_key_figures(figures: list[Any]) -> None:
    table = Table(title="Demodaten – Kennzahlen der Stadt (intern, vor Geheimhaltungsprüfung)")
    for column in ("Indikator", "Jahr", "Wert", "Veränderung zum Vorjahr", "Einheit"):
        table.add_column(column, justify="right" if column in {"Jahr", "Wert", "Veränderung zum Vorjahr"} else "left")
    computed = 0
    for figure in figures:
        indicator = figure.indicator
        if figure.problem:
            table.add_row(indicator.title, "–", "–", figure.problem[:40], indicator.unit)
            continue
        computed += 1
        change = figure.change
        delta = "–" if change is None else format_change(change, indicator.decimals)
        table.add_row(
            indicator.title,
            str(figure.year),
            format_number(figure.value, indicator.decimals, figure.flag),
            delta,
            indicator.unit,
        )
    console.print(table)
    console.print(f"{computed} von {len(figures)} Indikatoren berechnet.")


@app.command("docs")
def docs_command(
    folder: Annotated[Path, typer.Option(help="Zielordner")] = Path("docs"),
    check: Annotated[bool, typer.Option("--check", help="Nur prüfen, ob die Dateien aktuell sind")] = False,
) -> None:
    """Katalog, Kommandozeile und Einstellungen als Markdown erzeugen (docs/)."""
    from bildungslandschaft.docgen import generated_docs, write_docs

    with user_errors():
        if check:
            stale = [
                name
                for name, text in generated_docs(app).items()
                if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
            ]
            if stale:
                errors.print(f"Fehler: veraltet: {', '.join(stale)} – bitte `bila docs` ausführen")
                raise typer.Exit(1)
            console.print("Dokumentation ist aktuell.")
            return
        for path in write_docs(app, folder):
            console.print(f"geschrieben: {path}")
