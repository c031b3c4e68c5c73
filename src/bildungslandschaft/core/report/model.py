"""Value objects of the report: chapter sources in, rendered chapters and registers out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportMeta:
    """Title page data."""

    title: str = "Bildungsbericht"
    subtitle: str = ""
    publisher: str = ""
    date: str = ""
    notice: str = ""  # e.g. that the figures are demo data


@dataclass(frozen=True)
class ChapterSource:
    """One chapter as an author writes it: a title and a Markdown body with directives."""

    slug: str
    title: str
    body: str
    line_offset: int = 0  # lines before the body in its file (title line), so that problems name file lines


@dataclass(frozen=True)
class Heading:
    """A chapter (level 1) or section (level 2) heading for the table of contents."""

    level: int
    number: str
    title: str
    anchor: str


@dataclass(frozen=True)
class Caption:
    """A numbered figure or table for the lists of figures and tables."""

    kind: str  # "figure" or "table"
    number: int
    title: str
    anchor: str
    indicator: str = ""  # the indicator it shows (whatever its title says)


@dataclass(frozen=True)
class Problem:
    """Something a directive could not show, for the author (chapter, line, German message)."""

    chapter: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f", Zeile {self.line}" if self.line else ""
        return f"Kapitel „{self.chapter}“{where}: {self.message}"


@dataclass(frozen=True)
class SourceEntry:
    """An indicator used in the report with its source and the attribution its licence requires."""

    indicator: str
    title: str
    source: str
    credits: tuple[str, ...]


@dataclass(frozen=True)
class RenderedChapter:
    number: int
    slug: str
    title: str
    anchor: str
    html: str
    sections: tuple[Heading, ...]


@dataclass(frozen=True)
class RenderedReport:
    """The whole report as HTML fragments with its registers, ready for a page or the PDF."""

    meta: ReportMeta
    chapters: tuple[RenderedChapter, ...]
    figures: tuple[Caption, ...]
    tables: tuple[Caption, ...]
    sources: tuple[SourceEntry, ...]
    problems: tuple[Problem, ...]
