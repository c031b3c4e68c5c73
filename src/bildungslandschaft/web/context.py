"""Template context shared by every page: site name, main navigation."""

from __future__ import annotations

from django.http import HttpRequest

SITE_NAME = "Bildungslandschaft"

#: (URL name, German label) of the main navigation; apps add their entry here.
NAVIGATION: list[tuple[str, str]] = [
    ("portal:home", "Start"),
    ("portal:catalog", "Indikatoren"),
    ("portal:stadtteile", "Stadtteile"),
    ("portal:compare", "Vergleich"),
    ("report:index", "Bildungsbericht"),
    ("management:leitbild", "Bildungsleitbild"),
    ("management:offers", "Bildungsangebote"),
    ("conference:events", "Bildungskonferenz"),
]


def site(request: HttpRequest) -> dict[str, object]:
    return {"site_name": SITE_NAME, "navigation": NAVIGATION}
