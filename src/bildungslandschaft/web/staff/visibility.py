"""Which indicators the public portal and the API show (staff publish or hide them)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache

from bildungslandschaft.core.catalog.model import Indicator
from bildungslandschaft.web.staff.models import IndicatorVisibility


def hidden_indicators() -> set[str]:
    """Ids of the indicators staff have hidden."""
    return set(IndicatorVisibility.objects.filter(public=False).values_list("indicator_id", flat=True))


def is_public(indicator_id: str) -> bool:
    """True unless staff have hidden the indicator (for the portal, the API and downloads)."""
    return not IndicatorVisibility.objects.filter(indicator_id=indicator_id, public=False).exists()


def public_only(indicators: Iterable[Indicator]) -> list[Indicator]:
    """The given indicators without the hidden ones, in their order (one query)."""
    hidden = hidden_indicators()
    return [indicator for indicator in indicators if indicator.id not in hidden]


def set_public(indicator_id: str, public: bool, user: object | None = None) -> None:
    """Publish or hide an indicator."""
    IndicatorVisibility.objects.update_or_create(
        indicator_id=indicator_id, defaults={"public": public, "changed_by": user}
    )
    cache.clear()  # cached public pages list or show the indicator
