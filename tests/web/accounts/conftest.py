"""The cast: Ada (admin), Anna (analyst), Paula (publisher), Ben (school account), Clara (anonymous)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from bildungslandschaft.web.accounts import roles
from bildungslandschaft.web.accounts.demo import demo_school
from bildungslandschaft.web.accounts.models import SchoolAccount

PASSWORD = "ein-langes-testpasswort-2026"


def make_user(username: str, role: str | None, school: str | None = None) -> User:
    roles.ensure_groups()
    user = User.objects.create_user(username, password=PASSWORD)
    if role == "superuser":
        user.is_superuser = user.is_staff = True
        user.save()
    elif role:
        user.groups.add(Group.objects.get(name=role))
        user.is_staff = role in {roles.ANALYST, roles.PUBLISHER}  # staff of the education office, as in the demo
        user.save()
    if school:
        SchoolAccount.objects.create(user=user, school=school, school_name="Testschule")
    return user


@pytest.fixture
def cast(db: Any, portal: str) -> dict[str, Client]:
    """A logged-in client per role (and an anonymous one)."""
    school = demo_school()
    users = {
        "ada": make_user("ada", "superuser"),
        "anna": make_user("anna", roles.ANALYST),
        "paula": make_user("paula", roles.PUBLISHER),
        "ben": make_user("ben", roles.SCHOOL, school=school),
    }
    clients = {"clara": Client()}
    for name, user in users.items():
        client = Client()
        client.force_login(user)
        clients[name] = client
    return clients
