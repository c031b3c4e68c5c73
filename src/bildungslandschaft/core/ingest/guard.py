"""Checks before any import reads a file: size, type by content, XLSX zip bombs, encoding.

The type comes from the first bytes, never from the file name: a CSV is text, an XLSX is a
ZIP archive with a workbook inside. A ZIP archive is only opened after its directory has been
checked: the sizes it declares bound what Python's ``zipfile`` will ever decompress, so a
declared total, ratio and member count within limits mean the reader cannot be flooded.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from bildungslandschaft.core.formatting import format_number
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.text import decode
from bildungslandschaft.core.settings import env_int

MIB = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
#: Magic numbers of formats people upload by mistake, with what to tell them.
FOREIGN_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "altes Excel-Format (.xls); bitte als .xlsx oder CSV speichern"),
    (b"%PDF", "PDF-Dokument; bitte die Tabelle als CSV oder XLSX herunterladen"),
    (b"\x1f\x8b", "gzip-Archiv; bitte zuerst entpacken"),
    (b"\x89PNG", "Bild (PNG), keine Tabelle"),
    (b"\xff\xd8\xff", "Bild (JPEG), keine Tabelle"),
    (b"Rar!", "RAR-Archiv; bitte zuerst entpacken"),
    (b"7z\xbc\xaf", "7-Zip-Archiv; bitte zuerst entpacken"),
)
#: What openpyxl and zipfile raise on a damaged workbook (found by tests/core/ingest/test_properties.py).
XLSX_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    ParseError,
    NotImplementedError,  # zipfile: a compression method or encryption only the local header names
    RuntimeError,  # zipfile: "File is encrypted, password required"
)
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@dataclass(frozen=True)
class Limits:
    """What an import accepts at most."""

    max_bytes: int
    max_uncompressed: int = 256 * MIB  # XLSX: sum of the declared sizes of all members
    max_ratio: int = 200  # XLSX: uncompressed / compressed size of one member (XML rarely exceeds 30)
    max_members: int = 5000  # XLSX: files inside the archive

    @classmethod
    def from_env(cls) -> Limits:
        return cls(max_bytes=env_int("BILA_UPLOAD_MAX_MB", 200, minimum=1) * MIB)


def check_size(path: Path, size: int, limits: Limits | None = None) -> None:
    """Refuse empty files and files over the size limit, before reading them."""
    limits = limits or Limits.from_env()
    if size == 0:
        raise ImportFailed(path, "Datei ist leer")
    if size > limits.max_bytes:
        raise ImportFailed(
            path,
            f"Datei zu groß: {format_number(size / MIB, 1)} MB, erlaubt sind höchstens {limits.max_bytes // MIB} MB "
            "(Einstellung BILA_UPLOAD_MAX_MB)",
        )


def sniff(path: Path, data: bytes, limits: Limits | None = None) -> str:
    """The kind of the file by its content: ``"xlsx"`` or ``"text"`` (with a known encoding)."""
    limits = limits or Limits.from_env()
    check_size(path, len(data), limits)
    for magic, what in FOREIGN_FORMATS:
        if data.startswith(magic):
            raise ImportFailed(path, f"Dateityp nicht unterstützt: {what}")
    suffix = path.suffix.lower()
    if data.startswith(ZIP_MAGIC):
        check_xlsx(path, data, limits)
        return "xlsx"
    if suffix in XLSX_SUFFIXES:
        raise ImportFailed(path, f"Datei heißt {suffix}, ist aber keine XLSX-Datei (kein ZIP-Archiv); Inhalt prüfen")
    check_text(path, data)
    return "text"


def check_text(path: Path, data: bytes) -> str:
    """The encoding of a text file; binary content and unknown encodings give a clear message."""
    head = data[:65536]
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise ImportFailed(
            path,
            "falsche Kodierung: Datei ist UTF-16 oder binär (enthält NUL-Bytes); "
            "bitte als CSV in UTF-8 oder Windows-1252 speichern",
        )
    if control > max(8, len(head) // 100):
        raise ImportFailed(path, "Datei ist keine Textdatei (viele Steuerzeichen): weder CSV noch XLSX")
    _, encoding = decode(path, data)
    return encoding


def check_xlsx(path: Path, data: bytes, limits: Limits) -> None:
    """Refuse broken archives, archives that are not workbooks, and zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (*XLSX_ERRORS, zipfile.LargeZipFile, OSError) as error:
        raise ImportFailed(path, f"XLSX-Datei nicht lesbar: kein gültiges ZIP-Archiv ({error})") from None
    with archive:
        members = archive.infolist()
        _check_bomb(path, members, limits)
        names = {member.filename for member in members}
    if "mimetype" in names and "content.xml" in names:
        raise ImportFailed(path, "Dateityp nicht unterstützt: OpenDocument-Tabelle (.ods); bitte als .xlsx speichern")
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/workbook") for name in names):
        raise ImportFailed(path, "ZIP-Archiv ist keine Excel-Arbeitsmappe (XLSX): es fehlt xl/workbook.xml")


def _check_bomb(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.max_members:
        count = len(members)
        raise ImportFailed(path, f"XLSX-Datei abgelehnt: {count} Dateien im Archiv (höchstens {limits.max_members})")
    total = sum(member.file_size for member in members)
    if total > limits.max_uncompressed:
        raise ImportFailed(
            path,
            f"XLSX-Datei abgelehnt: entpackt {format_number(total / MIB)} MB "
            f"(höchstens {limits.max_uncompressed // MIB} MB) – mögliche ZIP-Bombe",
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise ImportFailed(path, "XLSX-Datei ist verschlüsselt (Kennwortschutz): bitte ohne Kennwort speichern")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportFailed(path, f"XLSX-Datei nicht lesbar: Kompressionsverfahren {member.compress_type} unbekannt")
        if member.file_size > limits.max_ratio * max(member.compress_size, 1) and member.file_size > MIB:
            raise ImportFailed(
                path,
                f"XLSX-Datei abgelehnt: {member.filename} ist {member.file_size // max(member.compress_size, 1)}-fach "
                f"komprimiert (höchstens {limits.max_ratio}-fach) – mögliche ZIP-Bombe",
            )
