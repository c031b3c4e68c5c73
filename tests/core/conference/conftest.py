"""Builders for small conference instances that read like the situation they describe."""

from __future__ import annotations

from bildungslandschaft.core.conference import Instance, parse_instance


def block(block_id: str, **capacity: int) -> dict[str, object]:
    """A block with one session per workshop, named ``<block>-<workshop>``: ``block("b1", a=2, b=1)``."""
    sessions = [
        {"id": f"{block_id}-{workshop}", "workshop": workshop, "capacity": seats}
        for workshop, seats in capacity.items()
    ]
    return {"id": block_id, "sessions": sessions}


def person(person_id: str, *ranking: str, **fields: object) -> dict[str, object]:
    """A participant ranking ``ranking`` (best first); ``fields`` adds excluded, pinned or blocks."""
    return {"id": person_id, "ranking": list(ranking), **fields}


def event(workshops: str, blocks: list[dict[str, object]], people: list[dict[str, object]]) -> Instance:
    """An instance from workshop names separated by spaces, blocks and participants."""
    return parse_instance({"workshops": workshops.split(), "blocks": blocks, "participants": people})
