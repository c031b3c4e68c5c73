"""The analytics store: an Ibis connection from a URL (DuckDB file by default)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
from ibis.backends import BaseBackend

from bildungslandschaft.core.settings import env_str

DEFAULT_DB = "var/bila.duckdb"


def store_url(explicit: str | None = None) -> str:
    """The store URL: ``--db`` wins over ``BILA_DB`` over the default file."""
    url = explicit or env_str("BILA_DB", DEFAULT_DB)
    if "://" in url:
        return url
    return f"duckdb://{Path(url).expanduser().resolve()}"


class StoreError(ValueError):
    """The store cannot be opened; the message is German and says what to do."""


def connect(explicit: str | None = None) -> BaseBackend:
    """Open the store; a DuckDB file and its folder are created when missing."""
    url = store_url(explicit)
    if url.startswith("duckdb://"):
        path = url.removeprefix("duckdb://")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        return ibis.connect(url)
    except duckdb.IOException as error:
        if "lock" not in str(error).lower():
            raise
        raise StoreError(
            f"Der Analysespeicher {url} ist von einem anderen Prozess geöffnet (z. B. `bila serve`). "
            "DuckDB erlaubt nur einen schreibenden Prozess: den anderen beenden oder eine Kopie verwenden."
        ) from None
