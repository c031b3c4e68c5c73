"""Re-importing the same file changes nothing; a corrected file supersedes the old version."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ibis.backends import BaseBackend
from tests.conftest import real_file

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.engine import compute
from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.result import Query

LEAVERS = "21111-02-06-4.csv"


def magdeburg_without_hsa(store: BaseBackend, catalog: Catalog) -> float | None:
    query = Query("leavers", ("region",), {"region": ("15003",), "abschluss": ("ohne_hsa",)})
    return compute(store, catalog, query).cell(region="15003").value


def test_reimport_of_same_file_changes_nothing(store: BaseBackend, catalog: Catalog) -> None:
    first = import_file(store, catalog, real_file(LEAVERS))
    rows = store.table("fact_school_leavers_kreis").count().to_pyarrow().as_py()

    second = import_file(store, catalog, real_file(LEAVERS))

    assert second.changed is False
    assert second.record == first.record
    assert store.table("fact_school_leavers_kreis").count().to_pyarrow().as_py() == rows
    assert len(list_imports(store)) == 1


def test_corrected_file_supersedes_old_version(store: BaseBackend, catalog: Catalog, tmp_path: Path) -> None:
    first = import_file(store, catalog, real_file(LEAVERS))
    text = real_file(LEAVERS).read_bytes().decode("cp1252")
    corrected = tmp_path / LEAVERS
    corrected.write_bytes(text.replace("1917;903;222;81;", "1917;903;221;81;").encode("cp1252"))

    second = import_file(store, catalog, corrected)

    assert second.changed is True
    assert second.superseded == (first.record.import_id,)
    assert magdeburg_without_hsa(store, catalog) == 221.0
    records = {rec.import_id: rec for rec in list_imports(store)}
    assert records[first.record.import_id].status == "ersetzt"
    assert records[first.record.import_id].superseded_by == second.record.import_id
    assert records[second.record.import_id].status == "aktiv"
    imported = store.table("fact_school_leavers_kreis").import_id.to_pyarrow().to_pylist()
    assert set(imported) == {second.record.import_id}


def test_lineage_records_hash_user_and_catalog_version(store: BaseBackend, catalog: Catalog) -> None:
    outcome = import_file(store, catalog, real_file(LEAVERS), user="anna")

    record = outcome.record
    assert record.sha256 == hashlib.sha256(real_file(LEAVERS).read_bytes()).hexdigest()
    assert record.user == "anna"
    assert record.catalog_version == catalog.version
    assert record.file_name == LEAVERS
    assert record.source_key == "21111-02-06-4"
    assert record.format == "genesis"
    assert record.imported_at.endswith("+00:00")
