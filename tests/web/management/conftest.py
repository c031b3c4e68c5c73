"""A copy of the demo store with the program's activity file imported, and the management demo content.

Cast: *Anna* (analyst, staff), *Ben* (school account), *Clara* (anonymous citizen, the plain client).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from bildungslandschaft.core.demo.build import DEFAULT_SEED
from bildungslandschaft.core.demo.model import generate_city
from bildungslandschaft.web import analytics
from bildungslandschaft.web.accounts import roles
from bildungslandschaft.web.accounts.models import SchoolAccount
from bildungslandschaft.web.management.activity import import_activity, write_activity_file

PASSWORD = "ein-langes-passwort-123"


@pytest.fixture(scope="session")
def management_db(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo city plus the Kita-Sozialarbeit activity file, in its own file (the shared store stays as it is)."""
    folder = tmp_path_factory.mktemp("management")
    path = folder / "demo.duckdb"
    shutil.copy(demo_db, path)
    wal = Path(demo_db + ".wal")
    if wal.exists():
        shutil.copy(wal, str(path) + ".wal")
    outcome = import_activity(write_activity_file(generate_city(DEFAULT_SEED), folder / "files"), str(path))
    assert outcome.record.rows_rejected == 0
    return str(path)


@pytest.fixture
def site(management_db: str, settings: Any) -> Iterator[str]:
    settings.BILA_ANALYTICS_DB = management_db
    analytics.reset()
    yield management_db
    analytics.reset()


@pytest.fixture
def demo_content(site: str, db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    from bildungslandschaft.web.management import demo

    monkeypatch.setenv("BILA_DEMO_DIR", str(tmp_path / "demo"))
    return demo.load()


def _user(name: str, role: str) -> User:
    roles.ensure_groups()
    user = User.objects.create_user(name, password=PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def anna(db: Any) -> Client:
    client = Client()
    client.force_login(_user("anna", roles.ANALYST))
    return client


@pytest.fixture
def ben(db: Any) -> Client:
    """A school account of school 13592."""
    user = _user("ben", roles.SCHOOL)
    SchoolAccount.objects.create(user=user, school="13592", school_name="Demoschule 13592")
    client = Client()
    client.force_login(user)
    return client
