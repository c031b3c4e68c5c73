"""The analytics store: an Ibis connection from a URL (DuckDB file by default)."""

from __future__ import annotations

from pathlib import Path

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


def connect(explicit: str | None = None) -> BaseBackend:
    """Open the store; a DuckDB file and its folder are created when missing."""
    url = store_url(explicit)
    if url.startswith("duckdb://"):
        path = url.removeprefix("duckdb://")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    return ibis.connect(url)
