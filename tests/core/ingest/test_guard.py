"""The guard in front of every import: size, type by content, zip bombs, encodings – each with a German message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from ibis.backends import BaseBackend
from tests.core.ingest.fuzz_targets import targets

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.ingest import guard
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.pipeline import import_file

SMALL = guard.Limits(max_bytes=10 * guard.MIB, max_uncompressed=20 * guard.MIB, max_ratio=100, max_members=50)


def workbook_zip(extra: dict[str, bytes] | None = None, *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return out.getvalue()


def refused(name: str, data: bytes, limits: guard.Limits = SMALL) -> str:
    with pytest.raises(ImportFailed) as caught:
        guard.sniff(Path(name), data, limits)
    return caught.value.reason


def test_real_workbook_and_csv_pass() -> None:
    assert guard.sniff(Path("abgaenge.xlsx"), targets()["table_xlsx"].seed, SMALL) == "xlsx"
    assert guard.sniff(Path("schueler.csv"), targets()["table_csv"].seed, SMALL) == "text"


def test_type_comes_from_the_content_not_the_name() -> None:
    assert guard.sniff(Path("abgaenge.csv"), targets()["table_xlsx"].seed, SMALL) == "xlsx"
    assert "ist aber keine XLSX-Datei" in refused("abgaenge.xlsx", b"Jahr;Wert\n2023;4\n")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "altes Excel-Format (.xls)"),
        (b"%PDF-1.7\n...", "PDF-Dokument"),
        (b"\x89PNG\r\n\x1a\n....", "Bild (PNG)"),
        (b"\x1f\x8b\x08\x00....", "gzip-Archiv"),
    ],
)
def test_foreign_formats_are_named(data: bytes, expected: str) -> None:
    assert expected in refused("tabelle.csv", data)


def test_empty_and_oversized_files_are_refused_before_reading() -> None:
    assert refused("leer.csv", b"") == "Datei ist leer"
    with pytest.raises(ImportFailed, match=r"Datei zu groß: 11,0 MB, erlaubt sind höchstens 10 MB"):
        guard.check_size(Path("gross.csv"), 11 * guard.MIB, SMALL)


def test_zip_bomb_by_total_size_is_refused() -> None:
    bomb = workbook_zip({f"xl/worksheets/sheet{i}.xml": b"0" * (6 * guard.MIB) for i in range(4)})
    assert len(bomb) < 200_000
    assert "mögliche ZIP-Bombe" in refused("bombe.xlsx", bomb)


def test_zip_bomb_by_ratio_is_refused() -> None:
    bomb = workbook_zip({"xl/worksheets/sheet1.xml": b"0" * (5 * guard.MIB)})
    assert "fach komprimiert" in refused("bombe.xlsx", bomb)


def test_too_many_members_are_refused() -> None:
    crowded = workbook_zip({f"xl/media/{i}.txt": b"x" for i in range(60)})
    assert "Dateien im Archiv" in refused("voll.xlsx", crowded)


def test_zip_without_workbook_and_ods_are_named() -> None:
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notizen.txt", "hallo")
    assert "keine Excel-Arbeitsmappe" in refused("daten.xlsx", plain.getvalue())
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office/>")
    assert "OpenDocument" in refused("daten.ods", ods.getvalue())


def test_unsupported_compression_is_refused() -> None:
    assert "Kompressionsverfahren" in refused("bz.xlsx", workbook_zip({"a.xml": b"x"}, method=zipfile.ZIP_BZIP2))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Jahr;Wert\n2023;4\n".encode("utf-16"), "UTF-16 oder binär"),
        (b"Jahr;Wert\n" + bytes(range(1, 32)) * 20, "keine Textdatei"),
        (b"\xef\xbb\xbfJahr;Wert\n\xff\xfe;4\n", "beginnt als UTF-8"),
    ],
)
def test_encodings_are_named(data: bytes, expected: str) -> None:
    assert expected in refused("tabelle.csv", data)


def test_import_runs_the_guard_and_the_store_stays_empty(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "abgaenge.xlsx"
    path.write_bytes(workbook_zip({"xl/worksheets/sheet1.xml": b"0" * (300 * guard.MIB // 100)}))
    with pytest.raises(ImportFailed, match="ZIP-Bombe"):
        import_file(store, catalog, path)
    assert store.list_tables() == []


def test_size_limit_comes_from_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILA_UPLOAD_MAX_MB", "3")
    assert guard.Limits.from_env().max_bytes == 3 * guard.MIB
