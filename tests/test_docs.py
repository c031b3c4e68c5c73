"""Docs that cannot drift: generated pages match the code, every field and setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

from bildungslandschaft.cli import app
from bildungslandschaft.core.catalog import loader
from bildungslandschaft.core.settings import SETTINGS
from bildungslandschaft.docgen import generated_docs

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_generated_docs_are_current() -> None:
    stale = [name for name, text in generated_docs(app).items() if (DOCS / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run `bila docs` and commit the result"


def test_every_catalog_field_is_documented() -> None:
    text = (DOCS / "catalog-format.md").read_text(encoding="utf-8")
    fields = set().union(*(getattr(loader, name) for name in dir(loader) if name.endswith("_FIELDS")))
    missing = sorted(field for field in fields if f"`{field}`" not in text)
    assert missing == []


def test_every_setting_is_documented_and_read() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    source = "\n".join(path.read_text(encoding="utf-8") for path in (DOCS.parent / "src").rglob("*.py"))
    read = set(re.findall(r"env_\w+\(\s*\"(BILA_\w+)\"", source))
    assert read <= set(SETTINGS)
    assert all(f"`{name}`" in text for name in SETTINGS)


def test_every_cli_command_is_in_the_reference() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    names = {command.name or command.callback.__name__ for command in app.registered_commands}  # type: ignore[union-attr]
    assert all(f"## `bila {name}`" in text for name in names)
