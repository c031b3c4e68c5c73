"""About 40 invented education offers of the demo city, spread over its Stadtteile (4 wait for moderation)."""

from __future__ import annotations

import random

from bildungslandschaft.core.geo import label_point, stadtteil_geojson
from bildungslandschaft.web.management.models import Actor, Offer

#: (actor, kind, Stadtteil code, street)
ACTORS = [
    ("Stadtbibliothek – Zentralbibliothek", "bibliothek", "altstadt", "Breiter Weg 109"),
    ("Stadtbibliothek – Stadtteilbibliothek Neustädter See", "bibliothek", "neustaedter_see", "Pablo-Neruda-Straße 11"),
    ("Volkshochschule der Demostadt", "vhs", "altstadt", "Leibnizstraße 23"),
    ("Jugendclub Kannenstieg", "jugendclub", "kannenstieg", "Johannes-R.-Becher-Straße 57"),
    ("Jugendclub Olvenstedt", "jugendclub", "neu_olvenstedt", "Rennebogen 140"),
    ("Familienzentrum Buckau", "beratung", "buckau", "Schönebecker Straße 22"),
    ("Kita Neue Neustadt 2", "kita", "neue_neustadt", "Lübecker Straße 30"),
    ("Grundschule am Sülzeanger (Demo)", "schule", "sudenburg", "Halberstädter Straße 60"),
    ("Lesewelt e. V.", "verein", "stadtfeld_ost", "Olvenstedter Straße 12"),
    ("MINT-Werkstatt e. V.", "verein", "leipziger_strasse", "Leipziger Straße 44"),
    ("Sportverein Blau-Weiß (Demo)", "verein", "cracau", "Pechauer Straße 5"),
    ("Kunstmuseum der Demostadt", "museum", "altstadt", "Regierungsstraße 4"),
    ("Berufsberatung im Jugendhaus", "beratung", "stadtfeld_west", "Große Diesdorfer Straße 180"),
    ("Nachbarschaftstreff Reform", "verein", "reform", "Hopfenbreite 1"),
]
#: (title, description, topic, target group, age from, age to, free, costs)
OFFERS = [
    (
        "Vorlesestunde für Kinder",
        "Jede Woche lesen Ehrenamtliche Bilderbücher vor.",
        "sprache",
        "kinder",
        3,
        6,
        True,
        "",
    ),
    ("Sprachcafé Deutsch", "Deutsch üben im Gespräch, für alle Niveaus.", "sprache", "erwachsene", 16, None, True, ""),
    (
        "Programmieren mit dem Calliope",
        "Erste Schritte im Programmieren, Geräte werden gestellt.",
        "mint",
        "kinder",
        8,
        12,
        False,
        "15 € je Kurs",
    ),
    (
        "Elterncafé",
        "Austausch unter Eltern mit der Kita-Sozialarbeit, Kinderbetreuung vor Ort.",
        "eltern",
        "familien",
        None,
        None,
        True,
        "",
    ),
    (
        "Bewerbungstraining",
        "Lebenslauf, Anschreiben und Vorstellungsgespräch üben.",
        "beruf",
        "jugendliche",
        14,
        25,
        True,
        "",
    ),
    (
        "Malwerkstatt",
        "Malen und Gestalten mit verschiedenen Techniken.",
        "kultur",
        "kinder",
        6,
        12,
        False,
        "3 € je Termin",
    ),
    (
        "Fit im Alter",
        "Bewegung und Gesundheit für ältere Menschen.",
        "bewegung",
        "senioren",
        60,
        None,
        False,
        "2 € je Termin",
    ),
    (
        "Lernwerkstatt Grundbildung",
        "Lesen, Schreiben und Rechnen für Erwachsene, vertraulich.",
        "grundbildung",
        "erwachsene",
        18,
        None,
        True,
        "",
    ),
    (
        "Jugendparlament",
        "Mitreden und mitentscheiden in der Stadtpolitik.",
        "demokratie",
        "jugendliche",
        12,
        21,
        True,
        "",
    ),
    (
        "Medienkompetenz für Eltern",
        "Was machen Kinder im Netz? Tipps und Austausch.",
        "eltern",
        "familien",
        None,
        None,
        True,
        "",
    ),
    (
        "Robotik-AG",
        "Roboter bauen und programmieren in kleinen Teams.",
        "mint",
        "jugendliche",
        10,
        16,
        False,
        "20 € im Halbjahr",
    ),
    (
        "Fortbildung Sprachförderung im Kita-Alltag",
        "Für pädagogische Fachkräfte in Kitas.",
        "sprache",
        "fachkraefte",
        None,
        None,
        False,
        "40 €",
    ),
]
PENDING_EVERY = 10  # every tenth offer still waits for moderation (the demo shows the queue)
TARGET_COUNT = 40


def load_offers() -> int:
    """Create the demo actors and offers once; return the number of offers."""
    if Offer.objects.exists():
        return Offer.objects.count()
    rng = random.Random("bildungslandschaft-demo-offers")  # noqa: S311 - reproducible demo data
    points = {f["properties"]["stadtteil"]: label_point(f["geometry"]) for f in stadtteil_geojson()["features"]}
    actors = [
        (Actor.objects.get_or_create(name=name, defaults={"kind": kind})[0], stadtteil, street)
        for name, kind, stadtteil, street in ACTORS
    ]
    stadtteile = sorted(points)
    for number in range(TARGET_COUNT):
        title, text, topic, group, low, high, free, costs = OFFERS[number % len(OFFERS)]
        actor, home, street = actors[number % len(actors)]
        # most offers at the actor's home, some in other Stadtteile (outreach)
        place = home if number % 3 else stadtteile[rng.randrange(len(stadtteile))]
        lon, lat = points[place]
        Offer.objects.create(
            actor=actor,
            title=title if number < len(OFFERS) else f"{title} ({actor.name.split(' – ')[-1]})",
            description=text,
            topic=topic,
            target_group=group,
            age_min=low,
            age_max=high,
            free=free,
            costs=costs,
            stadtteil=place,
            address=f"{street}, Demostadt" if place == home else "Treffpunkt im Stadtteil, Demostadt",
            latitude=round(lat + rng.uniform(-0.002, 0.002), 5),
            longitude=round(lon + rng.uniform(-0.003, 0.003), 5),
            accessibility=("ja", "teilweise", "nein", "unbekannt")[number % 4],
            contact=f"info@{actor.kind}-demo.example.org",
            status=Offer.PENDING if number % PENDING_EVERY == PENDING_EVERY - 1 else Offer.PUBLISHED,
            submitter_email="demo@example.org",
        )
    return Offer.objects.count()
