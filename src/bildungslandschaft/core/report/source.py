"""Report sources on disk: a folder of chapter files (``01-name.md``, first line ``# Titel``) and ``bericht.toml``."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

from bildungslandschaft.core.report.model import ChapterSource, ReportMeta

META_FILE = "bericht.toml"


class ReportSourceError(ValueError):
    """A report folder that cannot be read, with a German message naming the file."""


def demo_folder() -> Path:
    """The demo report shipped with the package."""
    return Path(str(files("bildungslandschaft.core.report") / "demo"))


def parse_chapter(slug: str, text: str) -> ChapterSource:
    """Split ``# Titel`` (first non-empty line) from the body."""
    lines = text.lstrip("\ufeff").splitlines()
    start = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines) or not re.match(r"#\s+\S", lines[start]):
        raise ReportSourceError(f"{slug}: die erste Zeile muss die Kapitelüberschrift sein („# Titel“)")
    body = "\n".join(lines[start + 1 :]).rstrip() + "\n"
    return ChapterSource(slug, lines[start].lstrip("#").strip(), body, line_offset=start + 1)


def chapter_slug(path: Path) -> str:
    """``02-allgemeinbildende-schulen.md`` → ``allgemeinbildende-schulen``."""
    return re.sub(r"^\d+[-_]", "", path.stem)


def load_chapters(folder: Path) -> list[ChapterSource]:
    paths = sorted(folder.glob("*.md"))
    if not paths:
        raise ReportSourceError(f"{folder}: keine Kapiteldateien (*.md) gefunden")
    return [parse_chapter(chapter_slug(path), path.read_text(encoding="utf-8")) for path in paths]


def load_meta(folder: Path) -> ReportMeta:
    path = folder / META_FILE
    if not path.exists():
        return ReportMeta()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ReportSourceError(f"{path}: {error}") from None
    known = set(ReportMeta.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ReportSourceError(
            f"{path}: unbekannte Angaben {', '.join(unknown)} (möglich: {', '.join(sorted(known))})"
        )
    return ReportMeta(**{key: str(value) for key, value in data.items()})
