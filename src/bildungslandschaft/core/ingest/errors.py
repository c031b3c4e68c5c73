"""Errors of the import: each names the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path


class ImportFailed(ValueError):
    """The file cannot be imported; the store stays exactly as it was."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line
        self.reason = message
