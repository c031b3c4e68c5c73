from __future__ import annotations

import pytest

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.engine import Workspace
from bildungslandschaft.core.report.data import PublishedSource, workspace_source
from bildungslandschaft.core.store import connect


@pytest.fixture(scope="module")
def demo_source(demo_db: str, catalog: Catalog) -> PublishedSource:
    """Published results of the demo city (each query computed once per module)."""
    return workspace_source(Workspace(connect(demo_db), catalog))
