"""``bila backup`` / ``bila restore``: the site database and the analytics store in one archive.

The site database (accounts, audit log, report, conference) is copied with SQLite's backup API
(an exact, consistent copy while the portal runs) or, for PostgreSQL, dumped with Django's
``dumpdata``. The analytics store is written table by table (``core/backup.py``).
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import tempfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from bildungslandschaft.cli_web import setup_django
from bildungslandschaft.core.backup import BackupError, dump_store, load_store, read_archive, write_archive
from bildungslandschaft.core.store import connect, store_url

backup_app = typer.Typer()  # its commands join the main app: `bila backup`, `bila restore`
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Analysespeicher (Ibis-URL oder DuckDB-Datei); sonst BILA_DB.")
]
SiteOption = Annotated[str | None, typer.Option("--site-db", help="Datenbank des Portals als URL; sonst BILA_SITE_DB.")]


def _fail(message: str) -> None:
    errors.print(f"[bold red]Fehler:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _site_connection(site_db: str | None) -> Any:
    if site_db:
        os.environ["BILA_SITE_DB"] = site_db
    setup_django()
    from django.db import connection

    return connection


def _sqlite_copy(source: str, target: str) -> None:
    """An exact copy of a SQLite database, consistent even while it is being written."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _dump_site(folder: Path, site_db: str | None) -> dict[str, str]:
    connection = _site_connection(site_db)
    if connection.vendor == "sqlite":
        _sqlite_copy(str(connection.settings_dict["NAME"]), str(folder / "site.sqlite3"))
        return {"engine": "sqlite", "file": "site.sqlite3"}
    from django.core.management import call_command

    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=["contenttypes", "auth.permission"],
        output=str(folder / "site.json"),
        verbosity=0,
    )
    return {"engine": connection.vendor, "file": "site.json"}


def _restore_site(folder: Path, site: dict[str, str], site_db: str | None) -> None:
    connection = _site_connection(site_db)
    existing = connection.introspection.table_names()
    if existing:
        raise BackupError(f"Ziel-Datenbank des Portals ist nicht leer ({len(existing)} Tabellen)")
    if site["engine"] == "sqlite":
        if connection.vendor != "sqlite":
            raise BackupError("eine SQLite-Sicherung lässt sich nur in eine SQLite-Datenbank zurückspielen")
        target = str(connection.settings_dict["NAME"])
        connection.close()
        _sqlite_copy(str(folder / site["file"]), target)
        return
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("loaddata", str(folder / site["file"]), verbosity=0)


@backup_app.command("backup")
def backup(
    archive: Annotated[Path, typer.Argument(help="Zieldatei der Sicherung (.tar.gz)")],
    db: DbOption = None,
    site_db: SiteOption = None,
) -> None:
    """Portal-Datenbank und Analysespeicher in eine Datei sichern."""
    if archive.exists():
        _fail(f"{archive} gibt es schon; bitte einen neuen Dateinamen wählen")
    try:
        with tempfile.TemporaryDirectory(prefix="bila-backup-") as temp:
            folder = Path(temp)
            site = _dump_site(folder, site_db)
            con = connect(db)
            tables = dump_store(con, folder)
            con.disconnect()
            manifest = {
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "store_url": store_url(db),
                "site": site,
                "tables": tables,
            }
            write_archive(archive, folder, manifest)
    except (BackupError, OSError) as error:
        _fail(str(error))
    _record_backup(archive)
    rows = sum(int(entry["rows"]) for entry in tables.values())
    console.print(
        f"Sicherung {archive}: Portal-Datenbank ({site['engine']}) und {len(tables)} Tabellen "
        f"des Analysespeichers ({rows} Zeilen)"
    )


def _record_backup(archive: Path) -> None:
    from bildungslandschaft.web.accounts import audit
    from bildungslandschaft.web.accounts.models import AuditEvent

    audit.record(None, AuditEvent.EXPORT, f"Sicherung {archive.name} (bila backup)", username=_os_user())


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unbekannt"


@backup_app.command("restore")
def restore(
    archive: Annotated[Path, typer.Argument(help="Sicherungsdatei von `bila backup`")],
    db: DbOption = None,
    site_db: SiteOption = None,
) -> None:
    """Eine Sicherung in eine leere Portal-Datenbank und einen leeren Analysespeicher zurückspielen."""
    try:
        with tempfile.TemporaryDirectory(prefix="bila-restore-") as temp:
            folder = Path(temp)
            manifest = read_archive(archive, folder)
            con = connect(db)
            if con.list_tables():
                raise BackupError(f"Zielspeicher {store_url(db)} ist nicht leer")
            _restore_site(folder, dict(manifest["site"]), site_db)
            load_store(con, folder, manifest["tables"])
            con.disconnect()
    except (BackupError, OSError) as error:
        _fail(str(error))
    console.print(
        f"Wiederhergestellt aus {archive} (Stand {manifest['created']}): Portal-Datenbank und "
        f"{len(manifest['tables'])} Tabellen des Analysespeichers {store_url(db)}"
    )
