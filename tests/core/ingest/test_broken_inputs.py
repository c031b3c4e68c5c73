"""Broken input gives a clear error naming file and line, and leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from ibis.backends import BaseBackend
from tests.conftest import real_file

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.pipeline import import_file

LEAVERS = "21111-02-06-4.csv"


def snapshot(store: BaseBackend) -> dict[str, list[dict[str, object]]]:
    """Every table's full content, to prove nothing changed."""
    return {name: sorted(store.table(name).to_pyarrow().to_pylist(), key=repr) for name in sorted(store.list_tables())}


def text_of(name: str) -> str:
    return real_file(name).read_bytes().decode("cp1252")


def write(tmp_path: Path, text: str, encoding: str = "cp1252", name: str = LEAVERS) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def filled_store(store: BaseBackend, catalog: Catalog) -> BaseBackend:
    import_file(store, catalog, real_file("13211-02-05-4.csv"))
    return store


def assert_fails_cleanly(store: BaseBackend, catalog: Catalog, path: Path, *expected: str) -> ImportFailed:
    before = snapshot(store)
    with pytest.raises(ImportFailed) as caught:
        import_file(store, catalog, path)
    assert snapshot(store) == before
    message = str(caught.value)
    assert message.startswith(str(path))
    for part in expected:
        assert part in message
    return caught.value


def test_utf16_file_is_rejected_as_wrong_encoding(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    path = write(tmp_path, text_of(LEAVERS), encoding="utf-16")
    assert_fails_cleanly(filled_store, catalog, path, "falsche Kodierung")


def test_double_encoded_utf8_is_rejected(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    garbled = text_of(LEAVERS).encode("utf-8").decode("cp1252", errors="replace")
    path = write(tmp_path, garbled, encoding="utf-8")
    error = assert_fails_cleanly(filled_store, catalog, path, "doppelt kodiert")
    assert error.line is not None


def test_utf8_download_with_umlauts_imports(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    path = write(tmp_path, text_of(LEAVERS), encoding="utf-8")
    assert import_file(store, catalog, path).record.encoding == "utf-8"


def test_truncated_file_is_rejected(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    text = text_of(LEAVERS)
    path = write(tmp_path, text[: len(text) // 2])
    assert_fails_cleanly(filled_store, catalog, path, "unvollständig")


def test_truncated_last_line_names_the_line(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    lines = text_of(LEAVERS).split("\n")
    cut = next(index for index, line in enumerate(lines) if line.startswith("2023;15003;"))
    lines[cut] = lines[cut][:40]
    error = assert_fails_cleanly(filled_store, catalog, write(tmp_path, "\n".join(lines)), "Felder")
    assert error.line == cut + 1


def test_unknown_column_is_rejected(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    text = text_of(LEAVERS).replace("mit Hauptschulabschluss", "mit Sonderabschluss")
    assert_fails_cleanly(filled_store, catalog, write(tmp_path, text), "unbekannte Spalte", "Sonderabschluss")


def test_text_in_number_column_names_line_and_value(
    filled_store: BaseBackend, catalog: Catalog, tmp_path: Path
) -> None:
    lines = text_of(LEAVERS).split("\n")
    row = next(index for index, line in enumerate(lines) if line.startswith("2023;15003;"))
    lines[row] = lines[row].replace(";222;", ";zweihundert;")
    error = assert_fails_cleanly(
        filled_store, catalog, write(tmp_path, "\n".join(lines)), "'zweihundert'", "keine Zahl"
    )
    assert error.line == row + 1


def test_unknown_table_code_is_rejected(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    text = text_of(LEAVERS).replace("GENESIS-Tabelle: 21111-02-06-4", "GENESIS-Tabelle: 99999-99-99-9")
    assert_fails_cleanly(filled_store, catalog, write(tmp_path, text), "99999-99-99-9", "keinem Datensatz")


def test_file_without_mapping_is_rejected(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "schulen.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    assert_fails_cleanly(filled_store, catalog, path, "Format nicht erkannt", "schulen.mapping.yaml")


def test_missing_file_is_reported(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    assert_fails_cleanly(filled_store, catalog, tmp_path / "fehlt.csv", "nicht gefunden")


def test_duplicate_rows_are_rejected(filled_store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    lines = text_of(LEAVERS).split("\n")
    row = next(index for index, line in enumerate(lines) if line.startswith("2023;15003;"))
    lines.insert(row + 1, lines[row])
    assert_fails_cleanly(filled_store, catalog, write(tmp_path, "\n".join(lines)), "doppelt")
