"""Rendered page parts cached per store state: the costly content of a page is built once.

A fragment holds no request-specific data (no CSRF token, no user), so it may be shared. The key
carries the language, the analytics store and the ids of its active imports; `analytics.reset()`
(after an import) clears the cache as well.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from bildungslandschaft.web import analytics


def state() -> str:
    """A short token for the state of the analytics store (changes with every import)."""
    space = analytics.workspace()
    imports = tuple(sorted((name, space.active_imports(name)) for name in space.available))
    return f"{settings.BILA_ANALYTICS_DB}:{hash(imports)}:{analytics.catalog().version}"


def fragment(name: str, template: str, build: Callable[[], Mapping[str, object]]) -> SafeString:
    """The rendered ``template`` for ``name`` from the cache, or built, rendered and cached now."""
    key = f"portal:fragment:{get_language()}:{name}:{state()}"
    found = cache.get(key)
    if found is None:
        found = render_to_string(template, dict(build()))
        cache.set(key, found, timeout=None)
    return mark_safe(found)  # noqa: S308 - rendered by our own template with autoescaping
