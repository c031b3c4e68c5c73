"""Login, rate limit, the school page, the analysts' internal view and the audit log, as the cast uses them."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from tests.web.accounts.conftest import PASSWORD, make_user

from bildungslandschaft.web.accounts import audit, roles
from bildungslandschaft.web.accounts.demo import demo_school
from bildungslandschaft.web.accounts.models import AuditEvent

LOGIN = "/konto/anmelden/"


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


@pytest.mark.django_db
def test_login_and_failed_login_are_in_the_audit_log(client: Client) -> None:
    make_user("anna", roles.ANALYST)
    AuditEvent.objects.all().delete()  # forget the role change of the set-up
    client.post(LOGIN, {"username": "anna", "password": "falsch-falsch"})
    response = client.post(LOGIN, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    assert actions() == [AuditEvent.LOGIN_FAILED, AuditEvent.LOGIN]
    assert AuditEvent.objects.get(action=AuditEvent.LOGIN_FAILED).username == "anna"


@pytest.mark.django_db
def test_sixth_login_after_five_failures_is_locked_even_with_the_right_password(client: Client) -> None:
    make_user("anna", roles.ANALYST)
    for _ in range(5):
        page = client.post(LOGIN, {"username": "anna", "password": "falsch-falsch"})
    assert "15 Minuten gesperrt" in page.content.decode()
    locked = client.post(LOGIN, {"username": "anna", "password": PASSWORD})
    assert locked.status_code == 200
    assert "15 Minuten gesperrt" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.LOCKOUT in actions()


@pytest.mark.django_db
def test_lock_is_per_address_and_ends_after_fifteen_minutes(client: Client) -> None:
    from django.core.cache import cache

    make_user("anna", roles.ANALYST)
    for _ in range(5):
        client.post(LOGIN, {"username": "anna", "password": "falsch-falsch"})
    other_address = Client(REMOTE_ADDR="10.0.0.7")
    assert other_address.post(LOGIN, {"username": "anna", "password": PASSWORD}).status_code == 302
    cache.clear()  # what 15 minutes of waiting do to the counter (its timeout)
    assert client.post(LOGIN, {"username": "anna", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_wrong_password_message_is_german(client: Client) -> None:
    make_user("anna", roles.ANALYST)
    page = client.post(LOGIN, {"username": "anna", "password": "falsch-falsch"}).content.decode()
    assert "Kontoname oder Passwort ist falsch" in page


@pytest.mark.django_db
def test_role_changes_are_in_the_audit_log() -> None:
    user = make_user("ben", None)
    user.groups.add(Group.objects.get(name=roles.SCHOOL))
    user.groups.remove(Group.objects.get(name=roles.SCHOOL))
    user.is_superuser = True
    user.save()
    details = list(
        AuditEvent.objects.filter(action=AuditEvent.ROLE_CHANGE).order_by("id").values_list("detail", flat=True)
    )
    assert details == ["Rolle erteilt: Schule", "Rolle entzogen: Schule", "is_superuser: False → True"]


@pytest.mark.django_db
def test_record_refuses_unknown_actions() -> None:
    with pytest.raises(ValueError, match="unbekannte Aktion"):
        audit.record(None, "kaffee", "")


def test_ben_sees_his_own_school_unsuppressed(cast: dict[str, Client], portal: str) -> None:
    page = cast["ben"].get("/konto/schule/")
    text = page.content.decode()
    assert page.status_code == 200
    assert demo_school() in text
    assert "Schüler:innen an allgemeinbildenden Schulen" in text
    assert "nicht veröffentlicht" in text


def test_a_school_sees_the_small_count_the_public_never_sees(db: Any, portal: str) -> None:
    from bildungslandschaft.web import analytics

    public = analytics.published("repeaters_rate", ("year", "school"))
    withheld = [cell for cell in public.cells if cell.status.value == "U" and cell.key["school"] != "_T"]
    hidden = max(withheld, key=lambda cell: cell.key["year"])  # the school page shows the latest years
    school, year = hidden.key["school"], hidden.key["year"]
    ben = Client()
    ben.force_login(make_user("ben", roles.SCHOOL, school=school))

    page = ben.get("/konto/schule/").content.decode()

    row = page[page.index("Wiederholerquote") :].split("</tr>")[0]
    header = page[page.index("<thead>") :].split("</tr>")[0]
    years = [cell.split("<")[0] for cell in header.split('<th scope="col">')[3:]]
    values = [cell.split("<")[0] for cell in row.split("<td>")[2:]]
    assert hidden.value is None and hidden.flag == "."
    assert values[years.index(year)] not in {".", "–"}


def test_nobody_else_gets_the_school_page(cast: dict[str, Client]) -> None:
    assert cast["clara"].get("/konto/schule/").status_code == 302
    assert cast["anna"].get("/konto/schule/").status_code == 403
    assert cast["ada"].get("/konto/schule/").status_code == 403


def test_anna_sees_raw_results_marked_intern(cast: dict[str, Client]) -> None:
    page = cast["anna"].get("/konto/intern/?indikator=repeaters_rate&nach=stadtteil")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Intern – nicht zur Veröffentlichung" in text
    assert "gesperrt (Mindestfallzahl)" in text  # raw values the gate would withhold are shown, and marked


def test_ben_and_clara_do_not_get_the_internal_view(cast: dict[str, Client]) -> None:
    assert cast["ben"].get("/konto/intern/").status_code == 403
    assert cast["clara"].get("/konto/intern/").status_code == 302


def test_internal_export_is_audited_and_neutralised(cast: dict[str, Client]) -> None:
    response = cast["anna"].get("/konto/intern.csv?indikator=pupils&nach=stadtteil")
    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert body.splitlines()[0] == "Jahr;Stadtteil;Wert;Zähler;Nenner;Geheimhaltung"
    event = AuditEvent.objects.get(action=AuditEvent.EXPORT)
    assert (event.username, event.detail) == ("anna", "intern: pupils nach year, stadtteil")


def test_ada_reads_and_exports_the_audit_log(cast: dict[str, Client]) -> None:
    audit.record(None, AuditEvent.IMPORT, '=HYPERLINK("http://böse")', username="anna")
    page = cast["ada"].get("/konto/protokoll/?aktion=import")
    assert page.status_code == 200
    assert "HYPERLINK" in page.content.decode()
    csv_text = cast["ada"].get("/konto/protokoll.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text  # formula injection neutralised
    assert cast["anna"].get("/konto/protokoll/").status_code == 403
    assert cast["paula"].get("/konto/protokoll.csv").status_code == 403


@pytest.mark.django_db
def test_demo_accounts_load_twice_and_can_log_in(portal: str, client: Client, settings: Any) -> None:
    from bildungslandschaft.web.accounts.demo import DEMO_USERS, load

    first, second = load(), load()
    assert first == second
    assert User.objects.count() == len(DEMO_USERS)
    _, password, _ = DEMO_USERS["schule"]
    assert password in first
    assert client.post(LOGIN, {"username": "schule", "password": password}).status_code == 302
    assert client.get("/konto/schule/").status_code == 200
