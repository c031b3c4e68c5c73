"""The demo store (it holds the program's activity file since `bila demo` writes it) and the management demo content.

Cast: *Anna* (analyst, staff), *Ben* (school account), *Clara* (anonymous citizen, the plain client).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from bildungslandschaft.web import analytics
from bildungslandschaft.web.accounts import roles
from bildungslandschaft.web.accounts.models import SchoolAccount

PASSWORD = "ein-langes-passwort-123"


@pytest.fixture(scope="session")
def management_db(demo_db: str) -> str:
    """The demo city's store: `bila demo` imports the Kita-Sozialarbeit activity file with the rest."""
    return demo_db


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
