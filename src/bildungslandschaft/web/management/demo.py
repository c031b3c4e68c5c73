"""Demo content of the Bildungsmanagement: a Leitbild with goals, "Soziale Arbeit in Kitas", IT targets, offers.

Baselines of the goals are read from the demo store's published figures (fallback values from
the demo city, seed 2023, when the store is empty). The program's activity file is written and
imported through the normal importer, but only into a store that holds the demo city.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from bildungslandschaft.core.demo.build import DEFAULT_SEED
from bildungslandschaft.core.demo.kitas import SOCIAL_WORK_START
from bildungslandschaft.core.demo.model import generate_city
from bildungslandschaft.web.management import figures
from bildungslandschaft.web.management.demo_offers import load_offers
from bildungslandschaft.web.management.models import (
    EquipmentTarget,
    Goal,
    GoalIndicator,
    Leitbild,
    Principle,
    Program,
    ProgramInstitution,
)

VISION = (
    "Alle Menschen in unserer Stadt sollen ihr Leben lang gute Bildungschancen haben – unabhängig von Herkunft, "
    "Wohnort und Geldbeutel. Kitas, Schulen, Träger, Vereine und Verwaltung verpflichten sich gemeinsam auf dieses "
    "Leitbild; es schafft Verbindlichkeit nach innen und Transparenz für alle Einwohner:innen."
)
#: (indicator, baseline year, fallback baseline, target value, target year)
Link = tuple[str, int, float, float, int]
#: principle → (description, [(goal, description, [links])])
GOALS: dict[str, tuple[str, list[tuple[str, str, list[Link]]]]] = {
    "Zugänge": (
        "Bildung beginnt früh und steht allen offen.",
        [
            (
                "Mehr Kinder besuchen früh eine Kita",
                "Frühkindliche Bildung gleicht ungleiche Startbedingungen aus.",
                [("childcare_rate_u3", 2019, 58.0, 68.0, 2030), ("childcare_rate_3_6", 2019, 93.5, 97.0, 2030)],
            ),
        ],
    ),
    "Übergänge": (
        "Kein Kind geht an den Übergängen verloren: Kita – Grundschule – weiterführende Schule – Beruf.",
        [
            (
                "Weniger Jugendliche verlassen die Schule ohne Abschluss",
                "Jeder Abschluss öffnet Wege in Ausbildung und Beruf.",
                [("leavers_without_hsa_share", 2019, 12.3, 8.0, 2030)],
            ),
            (
                "Die Kita-Sozialarbeit erreicht mehr Kinder",
                "Elternarbeit und begleitete Übergänge in Kitas mit besonderem Bedarf.",
                [("kita_social_work_reach_share", 2020, 15.3, 25.0, 2030)],
            ),
        ],
    ),
    "Qualität": (
        "Zeitgemäß lernen: gut ausgestattete Schulen und qualifiziertes Personal.",
        [
            (
                "Jede Schülerin und jeder Schüler hat ein digitales Endgerät",
                "Ziel der Ausstattungsstrategie des Schulträgers.",
                [("devices_per_pupil", 2019, 0.11, 1.0, 2028), ("display_classroom_share", 2019, 14.7, 100.0, 2028)],
            ),
        ],
    ),
}
EQUIPMENT_TARGETS = [
    ("devices_per_pupil", "Ein Endgerät je Schüler:in bis 2028", 2019, 2028, 1.0),
    ("display_classroom_share", "Interaktive Tafel in jedem Unterrichtsraum bis 2028", 2019, 2028, 100.0),
    ("bandwidth_per_school", "Gigabit-Anschluss für jede Schule bis 2028", 2019, 2028, 1000.0),
]
PROGRAM_AIM = (
    "Ungleichheiten früh abbauen und allen Kindern die gleichen Chancen bieten. Kita-Sozialarbeiter:innen ergänzen "
    "das reguläre Personal, mit besonderem Augenmerk auf Elternarbeit und Übergangsgestaltung."
)


def load() -> str:
    with transaction.atomic():
        goals = _leitbild()
        kitas = _program()
        targets = _equipment_targets()
        offers = load_offers()
    return (
        f"Bildungsmanagement: Leitbild mit {goals} Zielindikatoren, Programm „Soziale Arbeit in Kitas“ mit "
        f"{kitas} Kitas, {targets} IT-Ziele, {offers} Bildungsangebote"
    )


def _baseline(indicator: str, year: int, fallback: float) -> float:
    value = figures.city_series(indicator).get(year)
    return round(value, 2) if value is not None else fallback


def _leitbild() -> int:
    leitbild, _ = Leitbild.objects.get_or_create(
        title="Bildungsleitbild der Demostadt",
        defaults={"vision": VISION, "adopted": "Demo: beschlossen vom Stadtrat (fiktiv)"},
    )
    count = 0
    for order, (name, (description, goals)) in enumerate(GOALS.items(), start=1):
        principle, _ = Principle.objects.get_or_create(
            leitbild=leitbild, name=name, defaults={"description": description, "order": order}
        )
        for goal_order, (title, text, links) in enumerate(goals, start=1):
            goal, _ = Goal.objects.get_or_create(
                principle=principle, title=title, defaults={"description": text, "order": goal_order}
            )
            for indicator, year, fallback, target, target_year in links:
                GoalIndicator.objects.get_or_create(
                    goal=goal,
                    indicator=indicator,
                    defaults={
                        "baseline_year": year,
                        "baseline_value": _baseline(indicator, year, fallback),
                        "target_value": target,
                        "target_year": target_year,
                    },
                )
                count += 1
    return count


def _program() -> int:
    program, _ = Program.objects.get_or_create(
        slug="kita-sozialarbeit",
        defaults={
            "name": "Soziale Arbeit in Kitas",
            "aim": PROGRAM_AIM,
            "funding": "Mittel des Landes",
            "start": dt.date(SOCIAL_WORK_START, 1, 1),
            "need_indicators": "sgb2_children_rate,foreign_pupils_share,sen_rate",
            "coverage_indicator": "kita_social_work_reach_share",
            "activity_indicators": (
                "kita_social_work_families,kita_social_work_transitions,kita_social_work_parent_events"
            ),
        },
    )
    city = generate_city(DEFAULT_SEED)
    for kita in city.kitas.register:
        if kita.code in city.kitas.social_work:
            ProgramInstitution.objects.get_or_create(
                program=program,
                code=kita.code,
                defaults={"name": kita.name, "stadtteil": kita.stadtteil, "joined": dt.date(SOCIAL_WORK_START, 1, 1)},
            )
    return program.institutions.count()


def _equipment_targets() -> int:
    for order, (indicator, label, baseline, year, value) in enumerate(EQUIPMENT_TARGETS, start=1):
        EquipmentTarget.objects.get_or_create(
            indicator=indicator,
            defaults={
                "label": label,
                "baseline_year": baseline,
                "target_year": year,
                "target_value": value,
                "order": order,
            },
        )
    return EquipmentTarget.objects.count()
