"""Settings from the environment, read by small typed helpers that fail loudly."""

from __future__ import annotations

import os
from pathlib import Path


class SettingError(ValueError):
    """An environment variable holds a value that cannot be used."""


def env_str(name: str, default: str) -> str:
    """A text setting; empty counts as unset."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    """A whole-number setting."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r}: erwartet eine ganze Zahl") from None
    if minimum is not None and value < minimum:
        raise SettingError(f"{name}={value}: muss mindestens {minimum} sein")
    return value


def env_path(name: str, default: Path) -> Path:
    """A file or folder setting."""
    return Path(env_str(name, str(default))).expanduser()


#: Documented settings: name -> meaning (a test checks docs/settings.md lists them all).
SETTINGS: dict[str, str] = {
    "BILA_DB": "Analysespeicher als Ibis-URL (duckdb:///pfad.duckdb, sqlite:///…, postgres://…) "
    "oder Pfad einer DuckDB-Datei; Standard: var/bila.duckdb",
    "BILA_USER": "Name, der in der Herkunft (Lineage) eines Imports vermerkt wird; Standard: Anmeldename",
    "BILA_DEMO_DIR": "Ordner, in den `bila demo` die Quelldateien der Demostadt schreibt; Standard: var/demo",
    "BILA_DEMO_DB": "Speicher der Demostadt für `bila demo` (eigener Speicher, damit Demodaten nie echte Importe "
    "derselben Tabellen ersetzen); Standard: var/demo.duckdb",
    "BILA_VAR": "Ordner für die Daten des Portals (SQLite-Datenbank, hochgeladene Dateien, statische Dateien); "
    "Standard: var",
    "BILA_SITE_DB": "Datenbank des Portals (Konten, Bericht, Konferenz) als URL: sqlite:///pfad oder "
    "postgres://nutzer:passwort@host:port/name; Standard: sqlite:///var/site.sqlite3",
    "BILA_SECRET_KEY": "Geheimer Schlüssel von Django (Sitzungen, CSRF); im Betrieb Pflicht, zufällig und geheim",
    "BILA_DEBUG": "1 zeigt Fehlerseiten mit Details (nur Entwicklung), 0 für den Betrieb; Standard: 1",
    "BILA_ALLOWED_HOSTS": "Kommagetrennte Hostnamen, unter denen das Portal erreichbar ist; "
    "Standard: 127.0.0.1,localhost,testserver",
    "BILA_EMAIL_BACKEND": "Django-E-Mail-Backend; Standard: Konsole (E-Mails erscheinen im Terminal), "
    "für echten Versand django.core.mail.backends.smtp.EmailBackend",
    "BILA_EMAIL_HOST": "SMTP-Server für den E-Mail-Versand; Standard: localhost",
    "BILA_EMAIL_FROM": "Absenderadresse der E-Mails des Portals; Standard: bildungsbuero@example.org",
    "BILA_MIN_COUNT": "Mindestfallzahl der Geheimhaltung im Portal (Standard 3: Fallzahlen 1 und 2 werden gesperrt)",
    "BILA_UPLOAD_MAX_MB": "Größte Datei in MB, die importiert oder hochgeladen werden darf; Standard: 200",
    "BILA_CSP_MODE": "Content-Security-Policy: report (nur melden, Standard in der Entwicklung), enforce "
    "(durchsetzen, immer in settings_production) oder off",
    "BILA_HSTS_SECONDS": "Dauer von HTTP Strict Transport Security im Betrieb in Sekunden; Standard: 31536000 (1 Jahr)",
    "BILA_BEHIND_PROXY": "1, wenn ein Reverse-Proxy TLS beendet und X-Forwarded-Proto setzt (nur settings_production); "
    "Standard: 0",
    "BILA_PREPARE_DISCLOSURE": "1 schützt die Haupttabellen der Geheimhaltung schon beim Laden der WSGI-Anwendung "
    "(mit gunicorn --preload einmal vor dem Start der Worker, die sie erben); Standard: 0 (beim ersten Aufruf)",
}
