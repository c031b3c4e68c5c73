"""Generated documentation: catalog, CLI reference and settings (checked by tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from bildungslandschaft.core.catalog.docs import catalog_markdown
from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.settings import SETTINGS


def cli_markdown(app: typer.Typer) -> str:
    """Every ``bila`` command with its options, from the code."""
    root = typer.main.get_command(app)
    lines = [
        "# Kommandozeile `bila`",
        "",
        "<!-- Erzeugt mit `bila docs` aus dem Code. Nicht von Hand bearbeiten. -->",
        "",
        (root.help or "").strip(),
        "",
    ]
    lines += _commands("bila", root)
    return "\n".join(lines).rstrip() + "\n"


def _commands(prefix: str, group: Any) -> list[str]:
    """Markdown for every command of a group, descending into sub-groups (``bila events assign``)."""
    lines: list[str] = []
    commands: dict[str, Any] = getattr(group, "commands", {})
    for name, command in sorted(commands.items()):
        full = f"{prefix} {name}"
        if getattr(command, "commands", None):
            lines += [f"## `{full}`", "", (command.help or "").strip(), ""]
            lines += _commands(full, command)
            continue
        arguments = [param for param in command.params if param.param_type_name == "argument"]
        pieces = [f"{full} [OPTIONEN]"]
        pieces += [str(param.name).upper() + ("…" if param.nargs == -1 else "") for param in arguments]
        lines += [f"## `{full}`", "", (command.help or "").strip(), "", "```", " ".join(pieces), "```", ""]
        for param in command.params:
            label = ", ".join(param.opts) if param.param_type_name == "option" else str(param.name).upper()
            lines.append(f"- `{label}`: {getattr(param, 'help', '') or ''}".rstrip())
        lines.append("")
    return lines


def settings_markdown() -> str:
    """The environment variables the platform reads."""
    lines = [
        "# Einstellungen",
        "",
        "<!-- Erzeugt mit `bila docs` aus core/settings.py. Nicht von Hand bearbeiten. -->",
        "",
        "Alle Einstellungen kommen aus Umgebungsvariablen; ungültige Werte brechen mit einer klaren Meldung ab.",
        "",
        "| Variable | Bedeutung |",
        "| --- | --- |",
    ]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in SETTINGS.items()]
    return "\n".join(lines) + "\n"


def generated_docs(app: typer.Typer) -> dict[str, str]:
    """File name under docs/ → content."""
    return {
        "catalog.md": catalog_markdown(load_catalog()),
        "cli.md": cli_markdown(app),
        "settings.md": settings_markdown(),
    }


def write_docs(app: typer.Typer, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in generated_docs(app).items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
