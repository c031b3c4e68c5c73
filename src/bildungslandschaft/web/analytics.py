"""The portal's access to the analytics store: one catalog, one workspace, published results only.

Views never see a raw `Result`: `published` computes through the engine and passes the result
through the disclosure gate. The gate (`MasterGate`) protects one master table per confidential
measure and year once and reads every breakdown's statuses from it, so a cell looks the same on
every page, chart, map, download and API answer. Results are cached per query and per state of the
store (the ids of the active imports), so a new import invalidates them.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache

import duckdb
from django.conf import settings
from django.core.cache import cache
from ibis.backends import BaseBackend

from bildungslandschaft.core.catalog.loader import load_catalog
from bildungslandschaft.core.catalog.model import Catalog, Dataset
from bildungslandschaft.core.disclosure.consistent import GateCaches, MasterGate, gate_for
from bildungslandschaft.core.disclosure.highs import release_solver_threads
from bildungslandschaft.core.disclosure.primary import PrimaryRules
from bildungslandschaft.core.disclosure.publish import Published, publish
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.core.result import Query
from bildungslandschaft.core.store import connect

_lock = threading.RLock()
_workspace: tuple[str, Workspace] | None = None


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return load_catalog()


def workspace() -> Workspace:
    """The workspace over ``settings.BILA_ANALYTICS_DB`` (reopened when the setting changes)."""
    global _workspace  # noqa: PLW0603 - one connection per process, guarded by the lock
    with _lock:
        url = str(settings.BILA_ANALYTICS_DB)
        if _workspace is None or _workspace[0] != url:
            _workspace = (url, Workspace(connect(url), catalog()))
        return _workspace[1]


#: Protected master tables that survive `reset()`: per store and its lineage (import ids with the
#: files' sha256), so that reopening the same store does not protect the same tables again.
_caches: dict[str, GateCaches] = {}


def gate() -> MasterGate:
    """The disclosure gate over the workspace (master tables protected once per import state)."""
    with _lock:
        space = workspace()
        found = gate_for(space, rules())
        if not found.shares_caches:  # once per workspace: the lineage is read when the store is opened
            found.share_caches(_caches.setdefault(_identity(space), GateCaches()))
        return found


def prepare_disclosure(step: Callable[[str, int], None] | None = None) -> int:
    """Protect every master table now (all confidential measures and years), not on a visitor's request.

    ``step`` hears the dataset and the number of its tables as each is done. Returns the number of
    protected tables. The tables stay in this process (and in workers forked from it afterwards).
    """
    with _lock:
        space = workspace()
        found = gate()
        done = 0
        for dataset in _confidential_datasets(space):
            tables = len(found.protect_all(dataset))
            done += tables
            if step is not None:
                step(dataset.id, tables)
        return done


def release() -> None:
    """Close the store's connection (kept: the protected master tables), e.g. before worker processes fork.

    DuckDB connections and HiGHS's worker threads must not cross a fork (a forked worker would try to
    join the parent's solver threads when it exits and abort); each worker opens its own connection
    and finds the master tables of the same store and lineage again (see `gate`).
    """
    global _workspace  # noqa: PLW0603 - one connection per process, guarded by the lock
    with _lock:
        if _workspace is not None:
            _workspace[1].con.disconnect()
            _workspace = None
        duckdb.default_connection().close()  # the module's own connection (reopened on use) has threads too
        release_solver_threads()


def confidential_datasets() -> list[str]:
    """The datasets in the store whose counts the gate protects (for progress displays)."""
    with _lock:
        return [dataset.id for dataset in _confidential_datasets(workspace())]


def _confidential_datasets(space: Workspace) -> list[Dataset]:
    return [
        dataset
        for dataset in space.catalog.datasets.values()
        if dataset.id in space.available and dataset.disclosure.confidential
    ]


def _identity(space: Workspace) -> str:
    lineage = sorted((record.import_id, record.sha256) for record in list_imports(space.con))
    return hashlib.sha256(f"{settings.BILA_ANALYTICS_DB}:{lineage}".encode()).hexdigest()


def reset() -> None:
    """Forget the workspace and cached results (after an import or in tests)."""
    global _workspace  # noqa: PLW0603
    with _lock:
        _workspace = None
        cache.clear()


@contextmanager
def exclusive_store() -> Iterator[BaseBackend]:
    """The store's connection, used by nobody else meanwhile (imports and previews of the staff area)."""
    with _lock:
        yield workspace().con


def rules() -> PrimaryRules:
    return PrimaryRules(min_count=int(settings.BILA_MIN_COUNT))


def published(
    indicator: str, by: tuple[str, ...] = (), where: Mapping[str, tuple[str, ...]] | None = None
) -> Published:
    """An indicator computed with its margins and passed through the disclosure gate."""
    where = dict(where or {})
    with _lock:
        space = workspace()
        state = tuple(sorted((ds, space.active_imports(ds)) for ds in space.available))
        text = f"{settings.BILA_ANALYTICS_DB}:{indicator}:{by}:{sorted(where.items())}:{state}"
        key = "published:" + hashlib.sha256(text.encode()).hexdigest()  # memcached-safe: no spaces
        found = cache.get(key)
        if found is None:
            result = space.compute(Query(indicator, by, where, totals=True))
            found = publish(result, rules(), gate=gate())
            cache.set(key, found, timeout=None)
        return found  # type: ignore[no-any-return]
