"""The report as the site shows it: chapters from the database, values through `analytics.published`.

The rendered report and its PDF are cached per state of the chapters and of the analytics store,
so an edited chapter or a new import shows at once; drawings are memoised by their content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from django.conf import settings
from django.core.cache import cache

from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.report.model import ChapterSource, RenderedReport, ReportMeta
from bildungslandschaft.core.report.pdf import report_pdf
from bildungslandschaft.core.report.render import render_report
from bildungslandschaft.core.report.source import demo_folder, load_meta
from bildungslandschaft.web import analytics
from bildungslandschaft.web.report.models import Chapter
from bildungslandschaft.web.staff.visibility import hidden_indicators


def meta() -> ReportMeta:
    return load_meta(demo_folder())


def public_source(
    indicator: str, by: tuple[str, ...] = (), where: Mapping[str, tuple[str, ...]] | None = None
) -> Published:
    """`analytics.published`, refusing indicators that staff have hidden."""
    if indicator in hidden_indicators():
        raise LookupError(f"der Indikator {indicator} ist derzeit nicht veröffentlicht")
    return analytics.published(indicator, by, where)


def render(chapters: Sequence[ChapterSource], interactive: bool = False) -> RenderedReport:
    """The report over published values; ``interactive`` embeds chart specs for the page's scripts."""
    return render_report(meta(), chapters, analytics.catalog(), public_source, interactive=interactive)


def _key(kind: str, chapters: Sequence[ChapterSource]) -> str:
    digest = hashlib.sha256()
    for chapter in chapters:
        digest.update(f"{chapter.slug}\0{chapter.title}\0{chapter.body}\0".encode())
    digest.update(f"{settings.BILA_ANALYTICS_DB}|{settings.BILA_MIN_COUNT}|{sorted(hidden_indicators())}".encode())
    digest.update(analytics_state().encode())
    return f"report:{kind}:{digest.hexdigest()}"


def analytics_state() -> str:
    """The active imports of the store: a new import gives a new state (and a fresh report)."""
    with analytics._lock:
        space = analytics.workspace()
        return repr(sorted((ds, space.active_imports(ds)) for ds in space.available))


def published_chapters() -> list[ChapterSource]:
    return [chapter.source() for chapter in Chapter.objects.all()]


def current_report() -> RenderedReport:
    """The report for the web page (interactive charts), cached."""
    chapters = published_chapters()
    key = _key("html", chapters)
    found = cache.get(key)
    if found is None:
        found = render(chapters, interactive=True)
        cache.set(key, found, timeout=None)
    return found  # type: ignore[no-any-return]


def current_pdf() -> bytes:
    """The PDF (static drawings only), cached."""
    chapters = published_chapters()
    key = _key("pdf", chapters)
    found = cache.get(key)
    if found is None:
        found = report_pdf(render(chapters))
        cache.set(key, found, timeout=None)
    return found  # type: ignore[no-any-return]
