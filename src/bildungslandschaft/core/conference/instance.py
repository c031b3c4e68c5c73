"""A conference assignment instance: workshops, time blocks with parallel sessions, participants' wishes.

JSON format (see docs/conference-assignment.md)::

    {"workshops": ["w1", …],
     "blocks": [{"id": "b1", "sessions": [{"id": "s1", "workshop": "w1", "capacity": 30}, …]}, …],
     "participants": [{"id": "p1", "ranking": ["w3", "w1"], "excluded": ["w7"],
                       "pinned": {"b1": "s2"}, "blocks": ["b1", "b2"]}, …]}

``excluded``, ``pinned`` and ``blocks`` are optional; without ``blocks`` a participant attends every
block. Errors name the participant, block or session and say what is wrong, in German.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

INSTANCE_FIELDS = ("workshops", "blocks", "participants")
BLOCK_FIELDS = ("id", "sessions")
SESSION_FIELDS = ("id", "workshop", "capacity")
PARTICIPANT_FIELDS = ("id", "ranking", "excluded", "pinned", "blocks")


class InstanceError(ValueError):
    """The instance file is malformed or contradicts itself; the message says where and what."""


@dataclass(frozen=True)
class Session:
    """One run of a workshop in one block, with room for ``capacity`` participants."""

    id: str
    workshop: str
    capacity: int
    block: str


@dataclass(frozen=True)
class Block:
    """A time slot whose sessions run in parallel (e.g. the sessions I–IV at 11.30)."""

    id: str
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class Participant:
    """A registered person: ranked wishes (best first), vetoes, fixed seats and the blocks attended."""

    id: str
    ranking: tuple[str, ...]
    excluded: frozenset[str]
    pinned: tuple[tuple[str, str], ...]  # (block, session), sorted by block
    blocks: tuple[str, ...]

    def pinned_session(self, block: str) -> str | None:
        """The session this participant is fixed to in ``block``, if any."""
        return dict(self.pinned).get(block)


@dataclass(frozen=True)
class Instance:
    """Everything the assignment needs; references between the parts are checked on loading."""

    workshops: tuple[str, ...]
    blocks: tuple[Block, ...]
    participants: tuple[Participant, ...]

    @property
    def unranked(self) -> int:
        """The rank a workshop counts with when the participant did not rank it: W + 1."""
        return len(self.workshops) + 1

    def rank(self, participant: Participant, workshop: str) -> int:
        """1 for the first wish, W + 1 for a workshop the participant did not rank."""
        if workshop in participant.ranking:
            return participant.ranking.index(workshop) + 1
        return self.unranked

    def block(self, block_id: str) -> Block:
        """The block with this id."""
        return next(block for block in self.blocks if block.id == block_id)

    def choices(self, participant: Participant, block_id: str) -> tuple[Session, ...]:
        """The sessions of ``block_id`` open to this participant: the pinned one, or all not excluded.

        A workshop pinned in another block is left out: nobody attends a workshop twice. A pin on an
        excluded workshop leaves nothing open (the contradiction is reported as infeasibility).
        """
        sessions = self.block(block_id).sessions
        pinned = participant.pinned_session(block_id)
        if pinned is not None:
            return tuple(s for s in sessions if s.id == pinned and s.workshop not in participant.excluded)
        pinned_elsewhere = {
            session.workshop
            for other, session_id in participant.pinned
            for session in self.block(other).sessions
            if session.id == session_id
        }
        return tuple(
            session
            for session in sessions
            if session.workshop not in participant.excluded and session.workshop not in pinned_elsewhere
        )

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Every session of every block, in file order."""
        return tuple(session for block in self.blocks for session in block.sessions)


def load_instance(path: Path) -> Instance:
    """Read and check an instance from a JSON file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstanceError(f"{path}: Datei nicht gefunden") from None
    except UnicodeDecodeError:
        raise InstanceError(f"{path}: keine UTF-8-Datei") from None
    except OSError as error:
        raise InstanceError(f"{path}: Datei nicht lesbar ({error.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(f"{path}: kein gültiges JSON (Zeile {error.lineno}, Spalte {error.colno})") from None
    try:
        return parse_instance(data)
    except InstanceError as error:
        raise InstanceError(f"{path}: {error}") from None


def parse_instance(data: object) -> Instance:
    """Check a decoded JSON document and turn it into an `Instance`."""
    top = _object(data, "Die Datei", INSTANCE_FIELDS, required=INSTANCE_FIELDS)
    workshops = _names(top["workshops"], "„workshops“")
    if not workshops:
        raise InstanceError("„workshops“ ist leer: mindestens ein Workshop wird gebraucht")
    blocks = _blocks(top["blocks"], set(workshops))
    participants = _participants(top["participants"], set(workshops), blocks)
    return Instance(workshops, blocks, participants)


def _blocks(raw: object, workshops: set[str]) -> tuple[Block, ...]:
    items = _list(raw, "„blocks“")
    blocks: list[Block] = []
    session_ids: set[str] = set()
    for position, item in enumerate(items, start=1):
        fields = _object(item, f"Block Nr. {position}", BLOCK_FIELDS, required=BLOCK_FIELDS)
        block_id = _text(fields["id"], f"Block Nr. {position}: „id“")
        where = f"Block {block_id}"
        if any(block.id == block_id for block in blocks):
            raise InstanceError(f"{where}: die id kommt mehrfach vor")
        sessions: list[Session] = []
        for number, raw_session in enumerate(_list(fields["sessions"], f"{where}: „sessions“"), start=1):
            session = _session(raw_session, block_id, number, workshops)
            if session.id in session_ids:
                raise InstanceError(f"Sitzung {session.id}: die id kommt mehrfach vor")
            session_ids.add(session.id)
            sessions.append(session)
        if not sessions:
            raise InstanceError(f"{where}: hat keine Sitzungen")
        blocks.append(Block(block_id, tuple(sessions)))
    if not blocks:
        raise InstanceError("„blocks“ ist leer: mindestens ein Block wird gebraucht")
    return tuple(blocks)


def _session(raw: object, block_id: str, number: int, workshops: set[str]) -> Session:
    fields = _object(raw, f"Block {block_id}, Sitzung Nr. {number}", SESSION_FIELDS, required=SESSION_FIELDS)
    session_id = _text(fields["id"], f"Block {block_id}, Sitzung Nr. {number}: „id“")
    where = f"Sitzung {session_id}"
    workshop = _text(fields["workshop"], f"{where}: „workshop“")
    if workshop not in workshops:
        raise InstanceError(f"{where}: Workshop „{workshop}“ steht nicht in „workshops“")
    capacity = fields["capacity"]
    if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 0:
        raise InstanceError(f"{where}: „capacity“ muss eine ganze Zahl ≥ 0 sein, nicht {json.dumps(capacity)}")
    return Session(session_id, workshop, capacity, block_id)


def _participants(raw: object, workshops: set[str], blocks: Sequence[Block]) -> tuple[Participant, ...]:
    participants: list[Participant] = []
    seen: set[str] = set()
    for position, item in enumerate(_list(raw, "„participants“"), start=1):
        participant = _participant(item, position, workshops, blocks)
        if participant.id in seen:
            raise InstanceError(f"Teilnehmer:in {participant.id}: die id kommt mehrfach vor")
        seen.add(participant.id)
        participants.append(participant)
    return tuple(participants)


def _participant(raw: object, position: int, workshops: set[str], blocks: Sequence[Block]) -> Participant:
    fields = _object(raw, f"Teilnehmer:in Nr. {position}", PARTICIPANT_FIELDS, required=("id", "ranking"))
    participant_id = _text(fields["id"], f"Teilnehmer:in Nr. {position}: „id“")
    where = f"Teilnehmer:in {participant_id}"
    ranking = _known(_names(fields["ranking"], f"{where}: „ranking“"), workshops, f"{where}: „ranking“", "Workshop")
    excluded = _known(
        _names(fields.get("excluded", []), f"{where}: „excluded“"), workshops, f"{where}: „excluded“", "Workshop"
    )
    both = [workshop for workshop in ranking if workshop in excluded]
    if both:
        raise InstanceError(f"{where}: Workshop „{both[0]}“ steht zugleich in „ranking“ und „excluded“")
    block_ids = {block.id: block for block in blocks}
    attended = (
        _known(_names(fields["blocks"], f"{where}: „blocks“"), set(block_ids), f"{where}: „blocks“", "Block")
        if "blocks" in fields
        else tuple(block_ids)
    )
    pinned = _pinned(fields.get("pinned", {}), where, block_ids, attended)
    return Participant(participant_id, ranking, frozenset(excluded), pinned, attended)


def _pinned(
    raw: object, where: str, blocks: Mapping[str, Block], attended: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        raise InstanceError(f"{where}: „pinned“ muss ein Objekt {{Block: Sitzung}} sein")
    pins: list[tuple[str, str]] = []
    for block_id, session_id in raw.items():
        if block_id not in blocks:
            raise InstanceError(f"{where}: „pinned“ nennt den unbekannten Block „{block_id}“")
        if block_id not in attended:
            raise InstanceError(f"{where}: in Block {block_id} festgesetzt, ist dafür aber nicht angemeldet")
        session = _text(session_id, f"{where}: „pinned“ für Block {block_id}")
        if all(candidate.id != session for candidate in blocks[block_id].sessions):
            raise InstanceError(f"{where}: Sitzung „{session}“ gehört nicht zu Block {block_id}")
        pins.append((block_id, session))
    return tuple(sorted(pins))


def _object(raw: object, where: str, allowed: Sequence[str], required: Sequence[str]) -> dict[str, object]:
    if not isinstance(raw, dict):
        raise InstanceError(f"{where}: muss ein JSON-Objekt sein")
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise InstanceError(f"{where}: unbekanntes Feld „{unknown[0]}“ (erlaubt: {', '.join(allowed)})")
    missing = [name for name in required if name not in raw]
    if missing:
        raise InstanceError(f"{where}: Feld „{missing[0]}“ fehlt")
    return raw


def _list(raw: object, where: str) -> list[object]:
    if not isinstance(raw, list):
        raise InstanceError(f"{where} muss eine Liste sein")
    return raw


def _text(raw: object, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise InstanceError(f"{where} muss ein nicht leerer Text sein, nicht {json.dumps(raw)}")
    return raw


def _names(raw: object, where: str) -> tuple[str, ...]:
    names = tuple(_text(item, f"{where}, Eintrag Nr. {number}") for number, item in enumerate(_list(raw, where), 1))
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise InstanceError(f"{where}: „{repeated[0]}“ kommt mehrfach vor")
    return names


def _known(names: tuple[str, ...], known: set[str], where: str, kind: str) -> tuple[str, ...]:
    unknown = [name for name in names if name not in known]
    if unknown:
        raise InstanceError(f"{where}: {kind} „{unknown[0]}“ ist unbekannt")
    return names
