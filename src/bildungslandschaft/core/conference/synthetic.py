"""Seeded synthetic instances: the seed's conference (sessions I–IV at 11.30) and larger events.

Used by the tests, the benchmark and for trying the command without real registrations. Wishes
follow a skewed popularity (some workshops are everybody's favourite), so capacities bind.
"""

from __future__ import annotations

import math
import random

# the four parallel sessions of the Magdeburg education conference, 11.30 (seed documentation)
MAGDEBURG_SESSIONS = {
    "bildungsleitbild": "Session I: Bildungsleitbild – Entstehung, Wirkung und Nutzen",
    "datendschungel": "Session II: Safari durch den Datendschungel",
    "kita-sozialarbeit": "Session III: Erfolgreiche Kita-Sozialarbeit",
    "it-ausstattung": "Session IV: Zeitgemäße IT-Ausstattung für die Schulpraxis",
}


def magdeburg_conference(participants: int = 120, capacity: int = 35, seed: int = 0) -> dict[str, object]:
    """One block at 11.30 with the sessions I–IV; everyone ranks all four."""
    workshops = list(MAGDEBURG_SESSIONS)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    popularity = [4.0, 3.0, 2.0, 1.5]
    return {
        "workshops": workshops,
        "blocks": [
            {
                "id": "1130",
                "sessions": [
                    {"id": f"session-{number}", "workshop": workshop, "capacity": capacity}
                    for number, workshop in zip(("I", "II", "III", "IV"), workshops, strict=True)
                ],
            }
        ],
        "participants": [
            {"id": f"p{person:04d}", "ranking": _ranking(rng, workshops, popularity, len(workshops))}
            for person in range(1, participants + 1)
        ],
    }


def synthetic_conference(
    participants: int, blocks: int, sessions: int, seed: int = 0, slack: float = 1.1, ranked: int = 6
) -> dict[str, object]:
    """``blocks`` × ``sessions`` sessions; each workshop runs in two blocks (when there are two).

    Capacity per session is ``slack`` times the even share; each person ranks ``ranked``
    workshops, about one in ten excludes one more, and so "no workshop twice" matters.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    offered = blocks * sessions
    count = math.ceil(offered / 2) if blocks > 1 else offered
    workshops = [f"w{number:02d}" for number in range(1, count + 1)]
    capacity = math.ceil(participants * slack / sessions)
    schedule = [workshops[(block * sessions + slot) % count] for block in range(blocks) for slot in range(sessions)]
    popularity = [1.0 / (rank + 1) ** 0.7 for rank in range(count)]
    rng.shuffle(popularity)
    people = []
    for person in range(1, participants + 1):
        ranking = _ranking(rng, workshops, popularity, min(ranked, count))
        entry: dict[str, object] = {"id": f"p{person:05d}", "ranking": ranking}
        rest = [workshop for workshop in workshops if workshop not in ranking]
        if rest and rng.random() < 0.1:
            entry["excluded"] = [rng.choice(rest)]
        people.append(entry)
    return {
        "workshops": workshops,
        "blocks": [
            {
                "id": f"b{block + 1}",
                "sessions": [
                    {
                        "id": f"b{block + 1}-s{slot + 1}",
                        "workshop": schedule[block * sessions + slot],
                        "capacity": capacity,
                    }
                    for slot in range(sessions)
                ],
            }
            for block in range(blocks)
        ],
        "participants": people,
    }


def _ranking(rng: random.Random, workshops: list[str], popularity: list[float], length: int) -> list[str]:
    """Workshops in the order of popularity times personal taste (Gumbel trick: a weighted shuffle)."""
    keys = {
        w: math.log(max(rng.expovariate(1.0), 1e-300)) - math.log(p) for w, p in zip(workshops, popularity, strict=True)
    }
    return sorted(workshops, key=keys.__getitem__)[:length]
