"""The program exports: frab XML and JSON valid against the c3voc schemas, iCal per RFC 5545, safe CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import jsonschema
import pytest
import xmlschema

from bildungslandschaft.core.conference.exports import (
    PROGRAM_HEADER,
    Program,
    ProgramEntry,
    csv_text,
    frab_json,
    frab_xml,
    ical,
    program_rows,
    slugify,
)

SCHEMAS = Path(__file__).resolve().parents[4] / "shared" / "data" / "schemas" / "c3voc-schedule"
BERLIN = ZoneInfo("Europe/Berlin")


def at(hour: int, minute: int, day: int = 24) -> datetime:
    return datetime(2026, 9, day, hour, minute, tzinfo=BERLIN)


def entry(number: int, title: str, start: datetime, end: datetime, room: str, **kwargs: object) -> ProgramEntry:
    return ProgramEntry(number, f"https://example.org/konferenz/{number}", title, start, end, room, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def program() -> Program:
    return Program(
        slug="bildungskonferenz",
        title="Magdeburger Bildungskonferenz",
        timezone="Europe/Berlin",
        url="https://example.org/bildungskonferenz/",
        rooms=("Ratsdiele", "Raum 1"),
        entries=(
            entry(
                1,
                "Begrüßung und Eröffnung",
                at(10, 0),
                at(10, 15),
                "Ratsdiele",
                kind="Begrüßung",
                speakers=("Dr. Lutz Trümper",),
            ),
            entry(
                2,
                "Safari durch den Datendschungel",
                at(11, 30),
                at(12, 30),
                "Raum 1",
                kind="Session",
                speakers=("Josephine Kosak",),
                links=(("Moodle", "https://example.org/moodle"),),
            ),
            entry(3, "Zweiter Tag", at(9, 0, day=25), at(10, 0, day=25), "Ratsdiele", kind="Impuls"),
        ),
    )


def test_frab_xml_is_valid_against_the_c3voc_schema(program: Program) -> None:
    text = frab_xml(program)
    schema = xmlschema.XMLSchema(SCHEMAS / "schedule.xml.xsd")
    schema.validate(text)
    assert "<title>Begrüßung und Eröffnung</title>" in text
    assert 'date="2026-09-25"' in text


def test_frab_xml_keeps_local_time_with_offset(program: Program) -> None:
    text = frab_xml(program)
    assert "<date>2026-09-24T11:30:00+02:00</date>" in text
    assert "<start>11:30</start>" in text
    assert "<duration>01:00</duration>" in text


def test_frab_json_is_valid_against_the_c3voc_schema(program: Program) -> None:
    schema = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    document = frab_json(program)
    jsonschema.validate(document, schema)
    days = document["schedule"]["conference"]["days"]  # type: ignore[index]
    assert [day["date"] for day in days] == ["2026-09-24", "2026-09-25"]
    assert days[0]["rooms"]["Raum 1"][0]["persons"] == [
        {"name": "Josephine Kosak", "guid": days[0]["rooms"]["Raum 1"][0]["persons"][0]["guid"]}
    ]


def test_frab_json_rejected_by_schema_when_broken(program: Program) -> None:
    schema = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    document = frab_json(program)
    del document["schedule"]["conference"]["days"][0]["rooms"]["Raum 1"][0]["guid"]  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_ical_has_tzid_and_vtimezone(program: Program) -> None:
    data = ical(program)
    calendar = icalendar.Calendar.from_ical(data)
    timezones = list(calendar.walk("VTIMEZONE"))
    events = list(calendar.walk("VEVENT"))
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Berlin"]
    assert len(events) == 3
    assert b"DTSTART;TZID=Europe/Berlin:20260924T100000" in data
    assert events[0]["DTSTART"].dt == at(10, 0)
    assert all("UID" in event and "DTSTAMP" in event for event in events)
    assert str(calendar["VERSION"]) == "2.0"


def test_ical_of_selected_entries_only(program: Program) -> None:
    calendar = icalendar.Calendar.from_ical(ical(program, [program.entries[1]], name="Meine Sessions"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Safari durch den Datendschungel"]
    assert str(calendar["X-WR-CALNAME"]) == "Meine Sessions"


def test_ical_lines_are_folded_and_crlf(program: Program) -> None:
    long_title = "Sehr langer Titel " * 10
    data = ical(
        Program("k-2026", "K", "Europe/Berlin", (entry(1, long_title, at(10, 0), at(11, 0), "R", kind="Impuls"),))
    )
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_csv_neutralises_formulas_and_uses_semicolons() -> None:
    text = csv_text(["Name", "Organisation"], [['=HYPERLINK("x")', "Schule; Nord"], ["Anna", None]])
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows == [["Name", "Organisation"], ['\'=HYPERLINK("x")', "Schule; Nord"], ["Anna", ""]]


def test_program_rows_in_time_order(program: Program) -> None:
    rows = program_rows(program)
    assert len(PROGRAM_HEADER) == len(rows[0])
    assert [row[1] for row in rows] == ["10:00", "11:30", "09:00"]
    assert rows[0][6] == "Dr. Lutz Trümper"


def test_slugify_transliterates_umlauts() -> None:
    assert slugify("Begrüßung und Eröffnung") == "begruessung-und-eroeffnung"
