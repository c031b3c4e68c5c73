"""Loading an instance: a valid file becomes value objects, a wrong one an error naming where and what."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bildungslandschaft.core.conference import InstanceError, load_instance, parse_instance


def valid() -> dict[str, object]:
    return {
        "workshops": ["w1", "w2", "w3"],
        "blocks": [
            {"id": "b1", "sessions": [{"id": "s1", "workshop": "w1", "capacity": 2},
                                      {"id": "s2", "workshop": "w2", "capacity": 1}]},
            {"id": "b2", "sessions": [{"id": "s3", "workshop": "w3", "capacity": 3}]},
        ],
        "participants": [
            {"id": "p1", "ranking": ["w2", "w1"], "excluded": ["w3"], "pinned": {"b1": "s2"}, "blocks": ["b1"]},
            {"id": "p2", "ranking": ["w3"]},
        ],
    }  # fmt: skip


def test_load_instance_reads_every_field(tmp_path: Path):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(valid()), encoding="utf-8")

    instance = load_instance(path)

    first, second = instance.participants
    assert (first.ranking, first.excluded, first.pinned, first.blocks) == (
        ("w2", "w1"),
        frozenset({"w3"}),
        (("b1", "s2"),),
        ("b1",),
    )
    assert (second.excluded, second.pinned, second.blocks) == (frozenset(), (), ("b1", "b2"))
    assert [session.block for session in instance.sessions] == ["b1", "b1", "b2"]
    assert (instance.rank(first, "w1"), instance.rank(first, "w3"), instance.unranked) == (2, 4, 4)


def test_load_instance_reports_invalid_json_with_its_position(tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text('{"workshops": [\n', encoding="utf-8")

    with pytest.raises(InstanceError, match=r"broken.json: kein gültiges JSON \(Zeile 2, Spalte 1\)"):
        load_instance(path)


def test_load_instance_reports_a_missing_file(tmp_path: Path):
    with pytest.raises(InstanceError, match=r"fehlt\.json: Datei nicht gefunden"):
        load_instance(tmp_path / "fehlt.json")


def change(edit: str, value: object) -> dict[str, object]:
    """The valid instance with one part replaced, e.g. ``change("participants.0.ranking", [...])``."""
    data = valid()
    *path, last = edit.split(".")
    target: object = data
    for key in path:
        target = target[int(key)] if isinstance(target, list) else target[key]  # type: ignore[index]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        assert isinstance(target, dict)
        target[last] = value
    return data


@pytest.mark.parametrize(
    ("edit", "value", "message"),
    [
        ("workshops", [], "„workshops“ ist leer"),
        ("workshops", ["w1", "w1"], "„workshops“: „w1“ kommt mehrfach vor"),
        ("blocks.0.sessions.0.capacity", -1, "Sitzung s1: „capacity“ muss eine ganze Zahl ≥ 0 sein, nicht -1"),
        ("blocks.0.sessions.0.capacity", "30", 'Sitzung s1: „capacity“ muss eine ganze Zahl ≥ 0 sein, nicht "30"'),
        ("blocks.0.sessions.0.workshop", "w9", "Sitzung s1: Workshop „w9“ steht nicht in „workshops“"),
        ("blocks.1.sessions.0.id", "s1", "Sitzung s1: die id kommt mehrfach vor"),
        ("blocks.1.id", "b1", "Block b1: die id kommt mehrfach vor"),
        ("blocks.1.sessions", [], "Block b2: hat keine Sitzungen"),
        ("participants.0.ranking", ["w1", "w9"], "Teilnehmer:in p1: „ranking“: Workshop „w9“ ist unbekannt"),
        ("participants.0.ranking", ["w1", "w1"], "Teilnehmer:in p1: „ranking“: „w1“ kommt mehrfach vor"),
        (
            "participants.0.excluded",
            ["w1"],
            "Teilnehmer:in p1: Workshop „w1“ steht zugleich in „ranking“ und „excluded“",
        ),
        ("participants.0.pinned", {"b1": "s3"}, "Teilnehmer:in p1: Sitzung „s3“ gehört nicht zu Block b1"),
        (
            "participants.0.pinned",
            {"b2": "s3"},
            "Teilnehmer:in p1: in Block b2 festgesetzt, ist dafür aber nicht angemeldet",
        ),
        ("participants.0.pinned", {"b7": "s3"}, "Teilnehmer:in p1: „pinned“ nennt den unbekannten Block „b7“"),
        ("participants.0.pinned", ["s2"], "Teilnehmer:in p1: „pinned“ muss ein Objekt {Block: Sitzung} sein"),
        ("participants.0.blocks", ["b9"], "Teilnehmer:in p1: „blocks“: Block „b9“ ist unbekannt"),
        ("participants.1.id", "p1", "Teilnehmer:in p1: die id kommt mehrfach vor"),
        ("participants.1", {"id": "p2"}, "Teilnehmer:in Nr. 2: Feld „ranking“ fehlt"),
        (
            "participants.1",
            {"id": "p2", "ranking": [], "exclude": []},
            "Teilnehmer:in Nr. 2: unbekanntes Feld „exclude“",
        ),
        ("participants.1", {"id": "", "ranking": []}, "Teilnehmer:in Nr. 2: „id“ muss ein nicht leerer Text sein"),
        ("participants", {"p1": {}}, "„participants“ muss eine Liste sein"),
    ],
)
def test_parse_instance_names_the_culprit(edit: str, value: object, message: str):
    with pytest.raises(InstanceError) as error:
        parse_instance(change(edit, value))

    assert str(error.value).startswith(message)


def test_parse_instance_rejects_a_document_that_is_not_an_object():
    with pytest.raises(InstanceError, match="Die Datei: muss ein JSON-Objekt sein"):
        parse_instance([1, 2])
