"""Demo content: the chapters of the demo report (Modul 1 and Modul 2), added once, never overwritten."""

from __future__ import annotations

from bildungslandschaft.core.report.source import demo_folder, load_chapters
from bildungslandschaft.web.report.models import Chapter


def load() -> str:
    added = 0
    for position, chapter in enumerate(load_chapters(demo_folder()), 1):
        _, created = Chapter.objects.get_or_create(
            slug=chapter.slug,
            defaults={"title": chapter.title, "body": chapter.body.strip() + "\n", "position": 10 * position},
        )
        added += created
    return f"Bildungsbericht: {Chapter.objects.count()} Kapitel ({added} neu) – /bericht/"
