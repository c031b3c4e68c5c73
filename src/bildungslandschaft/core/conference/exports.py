"""Exports of a conference program: frab XML, frab-style JSON, iCalendar and CSV.

Pure functions over plain dataclasses (no Django), so that the web, the CLI and the tests share
them. The frab formats follow the c3voc schedule schemas (XML Schema and JSON Schema), the
calendar follows RFC 5545 with the IANA zone of the event and its VTIMEZONE.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar

from bildungslandschaft.core.spreadsheet import neutralise

GENERATOR = "Bildungslandschaft"


@dataclass(frozen=True)
class ProgramEntry:
    """One point of the program: a talk, a break or one parallel session, in one room."""

    number: int  # unique and ≥ 1 within the event (frab's numeric id)
    uid: str  # stable identifier, e.g. the public URL; guid and iCal UID derive from it
    title: str
    start: datetime  # time-zone aware
    end: datetime
    room: str
    kind: str  # e.g. "Begrüßung", "Impuls", "Session", "Pause", "Podium"
    speakers: tuple[str, ...] = ()
    abstract: str = ""
    track: str = ""
    url: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (title, href)

    @property
    def guid(self) -> str:
        """A UUID that stays the same for the same ``uid`` (uuid5 in the URL namespace)."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, self.uid))


@dataclass(frozen=True)
class Program:
    """The program of one event: its identity, time zone, rooms and entries."""

    slug: str
    title: str
    timezone: str
    entries: tuple[ProgramEntry, ...]
    url: str = ""
    version: str = "1.0"
    rooms: tuple[str, ...] = field(default=())

    @property
    def acronym(self) -> str:
        """The slug in the alphabet both schemas allow for acronyms (``-`` becomes ``_``)."""
        return self.slug.replace("-", "_")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def days(self) -> list[tuple[date, list[ProgramEntry]]]:
        """Entries grouped by local calendar day, each day sorted by start."""
        grouped: dict[date, list[ProgramEntry]] = {}
        for entry in sorted(self.entries, key=lambda e: (e.start, e.room)):
            grouped.setdefault(entry.start.astimezone(self.zone).date(), []).append(entry)
        return sorted(grouped.items())

    def room_names(self) -> list[str]:
        """The rooms in declared order, then any further room an entry names."""
        names = list(self.rooms)
        names += [entry.room for entry in self.entries if entry.room not in names]
        return list(dict.fromkeys(names))


def slugify(text: str) -> str:
    """ASCII lower-case slug: umlauts transliterated, other characters to ``-``."""
    text = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "ae").replace("Ö", "oe").replace("Ü", "ue")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "eintrag"


def entry_slug(program: Program, entry: ProgramEntry) -> str:
    """``acronym-number-title`` (frab's slug pattern, unique by the number)."""
    return f"{program.acronym}-{entry.number}-{slugify(entry.title)[:60].strip('-')}"


def _local(program: Program, moment: datetime) -> datetime:
    return moment.astimezone(program.zone)


def _duration(entry: ProgramEntry) -> str:
    minutes = int((entry.end - entry.start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- frab XML ---------------------------------------------------------------------------


def frab_xml(program: Program) -> str:
    """The program as frab/c3voc schedule XML (valid against ``schedule.xml.xsd``)."""
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR)
    if program.url:
        ET.SubElement(root, "url").text = program.url
    ET.SubElement(root, "version").text = program.version
    root.append(_xml_conference(program))
    for index, (day, entries) in enumerate(program.days(), start=1):
        root.append(_xml_day(program, index, day, entries))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_conference(program: Program) -> ET.Element:
    conference = ET.Element("conference")
    days = program.days()
    texts = [
        ("title", program.title),
        ("acronym", program.acronym),
        ("start", days[0][0].isoformat() if days else ""),
        ("end", days[-1][0].isoformat() if days else ""),
        ("days", str(len(days))),
        ("timeslot_duration", "00:05"),
        ("url", program.url),
        ("time_zone_name", program.timezone),
    ]
    for tag, text in texts:
        if text:
            ET.SubElement(conference, tag).text = text
    return conference


def _xml_day(program: Program, index: int, day: date, entries: list[ProgramEntry]) -> ET.Element:
    element = ET.Element(
        "day",
        index=str(index),
        date=day.isoformat(),
        start=_local(program, min(e.start for e in entries)).isoformat(),
        end=_local(program, max(e.end for e in entries)).isoformat(),
    )
    for room in program.room_names():
        in_room = [entry for entry in entries if entry.room == room]
        if in_room:
            room_element = ET.SubElement(element, "room", name=room)
            for entry in in_room:
                room_element.append(_xml_event(program, entry))
    return element


def _xml_event(program: Program, entry: ProgramEntry) -> ET.Element:
    event = ET.Element("event", id=str(entry.number), guid=entry.guid)
    start = _local(program, entry.start)
    for tag, text in (
        ("date", start.isoformat()),
        ("start", start.strftime("%H:%M")),
        ("duration", _duration(entry)),
        ("room", entry.room),
        ("slug", entry_slug(program, entry)),
        ("title", entry.title),
        ("track", entry.track),
        ("type", entry.kind),
        ("language", "de"),
        ("abstract", entry.abstract),
    ):
        ET.SubElement(event, tag).text = text
    persons = ET.SubElement(event, "persons")
    for name in entry.speakers:
        ET.SubElement(persons, "person", guid=_person_guid(name)).text = name
    links = ET.SubElement(event, "links")
    for title, href in entry.links:
        ET.SubElement(links, "link", href=href).text = title
    if entry.url:
        ET.SubElement(event, "url").text = entry.url
    return event


def _person_guid(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"person:{name}"))


# --- frab-style JSON ------------------------------------------------------------------------


def frab_json(program: Program) -> dict[str, object]:
    """The program as frab-style schedule JSON (valid against the c3voc ``schema.json``)."""
    days = program.days()
    conference: dict[str, object] = {
        "acronym": program.acronym,
        "title": program.title,
        "start": days[0][0].isoformat() if days else "",
        "end": days[-1][0].isoformat() if days else "",
        "daysCount": len(days),
        "timeslot_duration": "00:05",
        "time_zone_name": program.timezone,
        "rooms": [{"name": room, "guid": _room_guid(program, room)} for room in program.room_names()],
        "days": [_json_day(program, index, day, entries) for index, (day, entries) in enumerate(days, start=1)],
    }
    if program.url:
        conference["url"] = program.url
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR},
        "schedule": {"version": program.version, "conference": conference},
    }


def _room_guid(program: Program, room: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"room:{program.slug}:{room}"))


def _json_day(program: Program, index: int, day: date, entries: list[ProgramEntry]) -> dict[str, object]:
    rooms: dict[str, list[dict[str, object]]] = {}
    for room in program.room_names():
        in_room = [_json_event(program, entry) for entry in entries if entry.room == room]
        if in_room:
            rooms[room] = in_room
    return {
        "index": index,
        "date": day.isoformat(),
        "day_start": _local(program, min(e.start for e in entries)).isoformat(),
        "day_end": _local(program, max(e.end for e in entries)).isoformat(),
        "rooms": rooms,
    }


def _json_event(program: Program, entry: ProgramEntry) -> dict[str, object]:
    start = _local(program, entry.start)
    return {
        "guid": entry.guid,
        "id": entry.number,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "end": _local(program, entry.end).isoformat(),
        "duration": _duration(entry),
        "room": entry.room,
        "slug": entry_slug(program, entry),
        "url": entry.url or program.url or f"urn:uuid:{entry.guid}",
        "title": entry.title,
        "subtitle": "",
        "track": entry.track or None,
        "type": entry.kind,
        "language": "de",
        "abstract": entry.abstract,
        "persons": [{"name": name, "guid": _person_guid(name)} for name in entry.speakers],
        "links": [{"title": title, "url": href, "type": "related"} for title, href in entry.links],
    }


# --- iCalendar -----------------------------------------------------------------------------


def ical(program: Program, entries: Sequence[ProgramEntry] | None = None, name: str = "") -> bytes:
    """An RFC 5545 calendar of ``entries`` (default: the whole program) with TZID and VTIMEZONE."""
    chosen = list(program.entries if entries is None else entries)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{GENERATOR}//Bildungskonferenz//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or program.title)
    calendar.add("x-wr-timezone", program.timezone)
    stamp = datetime.now(tz=ZoneInfo("UTC")).replace(microsecond=0)
    for entry in sorted(chosen, key=lambda e: e.start):
        calendar.add_component(_vevent(program, entry, stamp))
    if chosen:
        first = min(e.start for e in chosen) - timedelta(days=1)
        last = max(e.end for e in chosen) + timedelta(days=1)
        calendar.add_component(
            icalendar.Timezone.from_tzinfo(
                program.zone, tzid=program.timezone, first_date=first.date(), last_date=last.date()
            )
        )
    return bytes(calendar.to_ical())


def _vevent(program: Program, entry: ProgramEntry, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{entry.guid}@bildungslandschaft")
    event.add("dtstamp", stamp)
    event.add("dtstart", _local(program, entry.start))
    event.add("dtend", _local(program, entry.end))
    event.add("summary", entry.title)
    event.add("location", entry.room)
    description = "\n".join(part for part in (", ".join(entry.speakers), entry.abstract) if part)
    if description:
        event.add("description", description)
    if entry.url:
        event.add("url", entry.url)
    return event


# --- CSV -----------------------------------------------------------------------------------


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Semicolon-separated CSV (as German spreadsheets expect), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return buffer.getvalue()


def program_rows(program: Program) -> list[list[object]]:
    """The program as table rows: date, start, end, room, kind, title, speakers."""
    return [
        [
            _local(program, e.start).date().isoformat(),
            _local(program, e.start).strftime("%H:%M"),
            _local(program, e.end).strftime("%H:%M"),
            e.room,
            e.kind,
            e.title,
            ", ".join(e.speakers),
        ]
        for e in sorted(program.entries, key=lambda e: (e.start, e.room))
    ]


PROGRAM_HEADER = ("Datum", "Beginn", "Ende", "Raum", "Art", "Titel", "Mitwirkende")
