"""The dry run of an import says what would change and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from ibis.backends import BaseBackend
from tests.conftest import real_file

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.ingest.preview import preview_file

LEAVERS = "21111-02-06-4.csv"
MAGDEBURG_LINE = b"2023;15003;      Magdeburg, kreisfreie Stadt, Landeshauptstadt;1917;903;222;"


def corrected_copy(folder: Path) -> Path:
    """The leavers table with Magdeburg's leavers without HSA changed from 222 to 223."""
    data = real_file(LEAVERS).read_bytes()
    assert MAGDEBURG_LINE in data
    path = folder / LEAVERS
    path.write_bytes(data.replace(MAGDEBURG_LINE, MAGDEBURG_LINE.replace(b";222;", b";223;")))
    return path


def test_preview_of_a_new_file_counts_every_cell_as_new_and_writes_nothing(
    store: BaseBackend, catalog: Catalog
) -> None:
    preview = preview_file(store, catalog, real_file(LEAVERS))
    assert preview.dataset == "school_leavers_kreis"
    assert preview.cells > 0
    assert preview.cells_new == preview.cells
    assert (preview.cells_changed, preview.cells_removed, preview.replaces) == (0, 0, ())
    assert preview.already_imported is None
    assert list_imports(store) == []


def test_preview_counts_what_the_import_then_writes(store: BaseBackend, catalog: Catalog) -> None:
    preview = preview_file(store, catalog, real_file(LEAVERS))
    record = import_file(store, catalog, real_file(LEAVERS)).record
    assert (record.cells_imported, record.rows_read, record.rows_rejected) == (
        preview.cells,
        preview.rows_read,
        len(preview.rejections),
    )


def test_preview_of_the_same_file_again_says_it_is_already_imported(store: BaseBackend, catalog: Catalog) -> None:
    first = import_file(store, catalog, real_file(LEAVERS)).record
    preview = preview_file(store, catalog, real_file(LEAVERS))
    assert preview.already_imported is not None
    assert preview.already_imported.import_id == first.import_id
    assert preview.cells_unchanged == preview.cells


def test_preview_of_a_corrected_file_shows_exactly_the_changed_cells(
    store: BaseBackend, catalog: Catalog, tmp_path: Path
) -> None:
    first = import_file(store, catalog, real_file(LEAVERS)).record
    preview = preview_file(store, catalog, corrected_copy(tmp_path))
    # the total and the male count the reader derives from it (insgesamt - weiblich)
    assert preview.cells_changed == 2
    assert preview.cells_new == 0
    assert preview.replaces == (first.import_id,)
    assert [record.import_id for record in list_imports(store)] == [first.import_id]


def test_preview_of_an_unknown_format_fails_like_the_import(
    store: BaseBackend, catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "notizen.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="Format nicht erkannt"):
        preview_file(store, catalog, path)
