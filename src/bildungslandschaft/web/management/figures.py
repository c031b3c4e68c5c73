"""Published figures as the management pages need them: a series over the years, values per Stadtteil.

Everything here goes through `web.analytics.published`, the disclosure gate: withheld cells
arrive as None and stay None.
"""

from __future__ import annotations

from bildungslandschaft.core.catalog.model import TOTAL, Indicator
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.engine import QueryError
from bildungslandschaft.web import analytics

Series = dict[int, float | None]


def indicator(indicator_id: str) -> Indicator | None:
    return analytics.catalog().indicators.get(indicator_id)


def safe_published(indicator_id: str, by: tuple[str, ...]) -> Published | None:
    """The published result, or None when the store lacks the data (no import yet)."""
    if indicator(indicator_id) is None:
        return None
    try:
        return analytics.published(indicator_id, by)
    except (QueryError, KeyError, ValueError):
        return None


def city_series(indicator_id: str) -> Series:
    """Year → published city-wide value."""
    published = safe_published(indicator_id, ("year",))
    if published is None:
        return {}
    return {int(c.key["year"]): c.value for c in published.cells if c.key["year"] != TOTAL}


def latest_by(indicator_id: str, dim: str) -> tuple[int | None, dict[str, float | None]]:
    """The latest year with a published city value, and the published values per code of ``dim`` then."""
    published = safe_published(indicator_id, ("year", dim))
    if published is None:
        return None, {}
    cells = [c for c in published.cells if c.key["year"] != TOTAL and c.value is not None]
    city = [c for c in cells if c.key[dim] == TOTAL] or cells  # open code lists (schools) have no margin
    years = sorted(int(c.key["year"]) for c in city)
    if not years:
        return None, {}
    year = str(years[-1])
    values = {str(c.key[dim]): c.value for c in published.cells if str(c.key["year"]) == year and c.key[dim] != TOTAL}
    return years[-1], values
