"""The store returns rows in no fixed order: the protected master must not depend on it."""

from __future__ import annotations

import itertools
import random

from bildungslandschaft.core.disclosure.cube import build_master
from bildungslandschaft.core.disclosure.masters import protect_master
from bildungslandschaft.core.disclosure.primary import CellStatus, PrimaryRules


def test_same_records_in_any_order_give_the_same_statuses() -> None:
    rng = random.Random(7)
    stadtteile = [f"st{number:02d}" for number in range(12)]
    schularten = ["gs", "sek", "gym", "fs"]
    records = {key: rng.choice([0, 1, 2, 3, 5, 8, 13, 40]) for key in itertools.product(stadtteile, schularten)}
    shuffled = list(records.items())
    statuses = []
    for seed in range(4):
        random.Random(seed).shuffle(shuffled)
        master = protect_master(build_master(("stadtteil", "schulart"), dict(shuffled)), PrimaryRules())
        statuses.append({key: master.status(key) for key in [*records, ("_T", "_T"), ("st00", "_T")]})
    assert all(found == statuses[0] for found in statuses)
    assert CellStatus.SECONDARY in statuses[0].values()
