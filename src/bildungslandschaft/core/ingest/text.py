"""Decode source files: Windows-1252 as downloaded from GENESIS, or UTF-8."""

from __future__ import annotations

from pathlib import Path

from bildungslandschaft.core.ingest.errors import ImportFailed

_MOJIBAKE = ("Ã¤", "Ã¶", "Ã¼", "ÃŸ", "Ã„", "Ã–", "Ãœ")


def decode(path: Path, data: bytes, preferred: str = "cp1252") -> tuple[str, str]:
    """Return the text and the encoding used; reject what is neither UTF-8 nor Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise ImportFailed(
            path, "falsche Kodierung: Datei enthält NUL-Bytes (UTF-16?); erwartet Windows-1252 oder UTF-8"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _checked(path, data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start + 3].count(b"\n") + 1
            raise ImportFailed(
                path,
                f"falsche Kodierung: Datei beginnt als UTF-8, Byte 0x{data[error.start + 3]:02x} ist kein UTF-8",
                line,
            ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return _checked(path, data.decode(preferred), preferred)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ImportFailed(
                path, f"falsche Kodierung: Byte 0x{data[error.start]:02x} ist weder UTF-8 noch {preferred}", line
            ) from None
    return _checked(path, text, "utf-8")


def _checked(path: Path, text: str, encoding: str) -> tuple[str, str]:
    for marker in _MOJIBAKE:
        position = text.find(marker)
        if position >= 0:
            line = text.count("\n", 0, position) + 1
            raise ImportFailed(path, f"falsche Kodierung: {marker!r} deutet auf doppelt kodiertes UTF-8 hin", line)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
