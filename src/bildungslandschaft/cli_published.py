"""``bila compute --published``: what the public sees, after the disclosure gate."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.disclosure.consistent import gate_for
from bildungslandschaft.core.disclosure.primary import PrimaryRules
from bildungslandschaft.core.disclosure.publish import Published, publish
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.formatting import format_number
from bildungslandschaft.core.result import Result
from bildungslandschaft.core.settings import env_int
from bildungslandschaft.core.spreadsheet import neutralise


def published_result(workspace: Workspace, result: Result) -> Published:
    """The result as the portal publishes it (same gate, same rules as ``bila serve``)."""
    rules = PrimaryRules(min_count=env_int("BILA_MIN_COUNT", 3, minimum=1))
    return publish(result, rules, gate=gate_for(workspace, rules))


def published_records(published: Published) -> list[dict[str, Any]]:
    """One plain dict per cell: dimensions, value, counts, status (S/U/M) and sign."""
    return [
        {
            **cell.key,
            "value": cell.value,
            "numerator": cell.numerator,
            "denominator": cell.denominator,
            "status": cell.status.value,
            "flag": cell.flag,
        }
        for cell in published.cells
    ]


def render_published(console: Console, catalog: Catalog, published: Published, output: str) -> None:
    """Print a published result as a table, CSV or JSON."""
    RENDERERS[output](console, catalog, published)


def _json(_console: Console, _catalog: Catalog, published: Published) -> None:
    sys.stdout.write(json.dumps(published_records(published), ensure_ascii=False, indent=2) + "\n")


def _csv(_console: Console, _catalog: Catalog, published: Published) -> None:
    buffer = io.StringIO()
    names = [*published.by, "value", "numerator", "denominator", "status", "flag"]
    writer = csv.DictWriter(buffer, fieldnames=names, delimiter=";")
    writer.writeheader()
    for record in published_records(published):
        writer.writerow({name: neutralise(value) for name, value in record.items()})
    sys.stdout.write(buffer.getvalue())


def _table(console: Console, catalog: Catalog, published: Published) -> None:
    indicator = published.indicator
    legend = " · ".join(f"{sign} {text}" for sign, text in published.signs().items())
    caption = f"veröffentlicht – nach Geheimhaltungsprüfung · {indicator.attribution}" + (
        f" · Zeichen: {legend}" if legend else ""
    )
    table = Table(title=f"{indicator.title} ({indicator.unit})", caption=caption)
    for dim in published.by:
        table.add_column(dim)
    for column in ("Wert", "Zähler", "Nenner") if indicator.denominator else ("Wert",):
        table.add_column(column, justify="right")
    table.add_column("Status")
    for cell in published.cells:
        values = [format_number(cell.value, indicator.decimals, cell.flag)]
        if indicator.denominator:
            values += [format_number(cell.numerator, 0, cell.flag), format_number(cell.denominator, 0, cell.flag)]
        labels = [labelled(catalog, published.provenance.datasets, dim, cell.key[dim]) for dim in published.by]
        table.add_row(*labels, *values, cell.status.value)
    console.print(table)


def labelled(catalog: Catalog, datasets: Sequence[str], dim: str, code: object) -> str:
    """A code with its label for the terminal: ``Altstadt (01)``; codes without a label as they are."""
    for dataset in (catalog.datasets[name] for name in datasets):
        if dataset.dimension(dim):
            text = catalog.classification_of(dataset, dim).label_of(str(code))
            return text if text == str(code) else f"{text} ({code})"
    return str(code)


RENDERERS: dict[str, Callable[[Console, Catalog, Published], None]] = {"json": _json, "csv": _csv, "table": _table}
