"""The directory of education offers: search and filters, map points, exports (CSV, JSON).

Only published offers are ever searched or exported; the moderation queue is the staff's.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Q, QuerySet

from bildungslandschaft.core.geo import stadtteil_names
from bildungslandschaft.core.spreadsheet import neutralise
from bildungslandschaft.web.management.models import Actor, Offer

#: submissions per address and hour (a form open to everyone must not become a spam channel)
SUBMISSIONS_PER_HOUR = 10
SEARCH_FIELDS = ("title", "description", "actor__name", "address", "contact", "costs")
EXPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "Nr."),
    ("title", "Titel"),
    ("actor", "Akteur"),
    ("actor_kind", "Art des Akteurs"),
    ("description", "Beschreibung"),
    ("target_group", "Zielgruppe"),
    ("age_range", "Alter"),
    ("topic", "Thema"),
    ("stadtteil", "Stadtteil"),
    ("address", "Adresse"),
    ("latitude", "Breitengrad"),
    ("longitude", "Längengrad"),
    ("accessibility", "Barrierefreiheit"),
    ("costs", "Kosten"),
    ("contact", "Kontakt"),
    ("url", "Weitere Informationen"),
)


@dataclass(frozen=True)
class Filters:
    """The search form's values (all optional)."""

    q: str = ""
    topic: str = ""
    target_group: str = ""
    stadtteil: str = ""
    kind: str = ""
    age: int | None = None
    free: bool = False
    accessible: bool = False

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        age_text = params.get("alter", "").strip()
        return cls(
            q=params.get("q", "").strip()[:200],
            topic=params.get("thema", ""),
            target_group=params.get("zielgruppe", ""),
            stadtteil=params.get("stadtteil", ""),
            kind=params.get("art", ""),
            age=int(age_text) if age_text.isdigit() and int(age_text) <= 120 else None,
            free=params.get("kostenfrei") == "1",
            accessible=params.get("barrierefrei") == "1",
        )


def published_offers() -> QuerySet[Offer]:
    return Offer.objects.filter(status=Offer.PUBLISHED).select_related("actor")


def search(filters: Filters) -> QuerySet[Offer]:
    """Published offers matching every word of the text and every filter set."""
    found = published_offers()
    for word in filters.q.split():
        match = Q()
        for field in SEARCH_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        found = found.filter(match)
    exact = {"topic": filters.topic, "target_group": filters.target_group, "stadtteil": filters.stadtteil}
    found = found.filter(**{field: value for field, value in exact.items() if value})
    if filters.kind:
        found = found.filter(actor__kind=filters.kind)
    if filters.age is not None:
        found = found.filter(Q(age_min__isnull=True) | Q(age_min__lte=filters.age))
        found = found.filter(Q(age_max__isnull=True) | Q(age_max__gte=filters.age))
    if filters.free:
        found = found.filter(free=True)
    if filters.accessible:
        found = found.filter(accessibility="ja")
    return found


def offer_record(offer: Offer, names: Mapping[str, str]) -> dict[str, Any]:
    """An offer as an export row: German labels instead of codes."""
    return {
        "id": offer.pk,
        "title": offer.title,
        "actor": offer.actor.name,
        "actor_kind": offer.actor.get_kind_display(),
        "description": offer.description,
        "target_group": offer.get_target_group_display(),
        "age_range": offer.age_range,
        "topic": offer.get_topic_display(),
        "stadtteil": names.get(offer.stadtteil, offer.stadtteil),
        "address": offer.address,
        "latitude": offer.latitude,
        "longitude": offer.longitude,
        "accessibility": offer.get_accessibility_display(),
        "costs": "kostenfrei" if offer.free else offer.costs,
        "contact": offer.contact,
        "url": offer.url,
    }


def records(offers: Iterable[Offer]) -> list[dict[str, Any]]:
    names = stadtteil_names()
    return [offer_record(offer, names) for offer in offers]


def export_csv(offers: Iterable[Offer]) -> str:
    """Semicolon CSV with German headers; every text cell neutralised against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([title for _, title in EXPORT_FIELDS])
    for record in records(offers):
        writer.writerow([neutralise("" if record[key] is None else record[key]) for key, _ in EXPORT_FIELDS])
    return buffer.getvalue()


def map_points(offers: Iterable[Offer]) -> list[dict[str, Any]]:
    names = stadtteil_names()
    return [
        {
            "lon": offer.longitude,
            "lat": offer.latitude,
            "title": offer.title,
            "actor": offer.actor.name,
            "stadtteil": names.get(offer.stadtteil, offer.stadtteil),
        }
        for offer in offers
        if offer.latitude is not None and offer.longitude is not None
    ]


def actor_for(name: str, kind: str) -> Actor:
    """The actor of that name (created on first submission)."""
    actor, _ = Actor.objects.get_or_create(name=name.strip(), defaults={"kind": kind})
    return actor


def register_submission(address: str | None) -> bool:
    """Count a submission from ``address``; False when the hourly limit is already reached."""
    key = "offer-submissions:" + hashlib.sha256((address or "-").encode()).hexdigest()
    count = int(cache.get(key, 0))
    if count >= SUBMISSIONS_PER_HOUR:
        return False
    cache.set(key, count + 1, timeout=3600)
    return True
