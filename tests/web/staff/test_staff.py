"""The staff area as Anna (staff, imports), Paula (publisher), Ben (no staff rights) and Clara (anonymous) use it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.conftest import real_file

from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.web import analytics
from bildungslandschaft.web.accounts import roles
from bildungslandschaft.web.accounts.models import AuditEvent
from bildungslandschaft.web.staff.models import StagedUpload
from bildungslandschaft.web.staff.visibility import is_public

pytestmark = pytest.mark.django_db

LEAVERS = "21111-02-06-4.csv"
PASSWORD = "ein-langes-passwort-123"


@pytest.fixture
def empty_store(tmp_path: Path, settings: Any) -> Iterator[str]:
    """A fresh analytics store for the site (imports must not touch the shared demo store)."""
    settings.BILA_ANALYTICS_DB = str(tmp_path / "store.duckdb")
    settings.MEDIA_ROOT = tmp_path / "media"
    analytics.reset()
    yield settings.BILA_ANALYTICS_DB
    analytics.reset()


@pytest.fixture
def anna(client: Client) -> Client:
    user = User.objects.create_user("anna", password=PASSWORD, is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def paula(client: Client) -> Client:
    """Paula publishes (role „Veröffentlichung“)."""
    roles.ensure_groups()
    user = User.objects.create_user("paula", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PUBLISHER))
    client.force_login(user)
    return client


@pytest.fixture
def ben(client: Client) -> Client:
    client.force_login(User.objects.create_user("ben", password=PASSWORD))
    return client


def upload(client: Client, name: str, content: bytes) -> Any:
    return client.post("/intern/import/", {"datei": SimpleUploadedFile(name, content, "text/csv")})


def imported_ids() -> list[int]:
    return [record.import_id for record in list_imports(analytics.workspace().con)]


def test_clara_is_sent_to_the_login(client: Client) -> None:
    response = client.get("/intern/import/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")


def test_ben_without_staff_rights_is_refused(ben: Client) -> None:
    assert ben.get("/intern/import/").status_code == 403
    assert ben.get("/intern/indikatoren/").status_code == 403


def test_anna_sees_a_preview_before_anything_changes(anna: Client, empty_store: str) -> None:
    response = upload(anna, LEAVERS, real_file(LEAVERS).read_bytes())
    assert response.status_code == 302
    page = anna.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "school_leavers_kreis" in text
    assert "Import übernehmen" in text
    assert page.context["preview"].cells_new == page.context["preview"].cells > 0
    assert imported_ids() == []


def test_anna_commits_the_import_and_finds_it_in_the_list(anna: Client, empty_store: str) -> None:
    preview_url = upload(anna, LEAVERS, real_file(LEAVERS).read_bytes())["Location"]
    response = anna.post(preview_url, {"aktion": "uebernehmen"})
    assert response.status_code == 302
    assert response["Location"] == "/intern/importe/"
    records = list_imports(analytics.workspace().con)
    assert [(record.file_name, record.user, record.dataset) for record in records] == [
        (LEAVERS, "anna", "school_leavers_kreis")
    ]
    listing = anna.get("/intern/importe/").content.decode()
    assert LEAVERS in listing and records[0].sha256[:12] in listing
    assert AuditEvent.objects.filter(action="import", username="anna").count() == 1
    assert not StagedUpload.objects.exists()


def test_committed_import_reaches_the_api(anna: Client, empty_store: str) -> None:
    preview_url = upload(anna, LEAVERS, real_file(LEAVERS).read_bytes())["Location"]
    anna.post(preview_url, {"aktion": "uebernehmen"})
    document = anna.get("/api/indikatoren/leavers_without_hsa_share/werte?by=year,region&region=15003").json()
    cell = next(row for row in document["werte"] if row["schluessel"] == {"year": "2023", "region": "15003"})
    assert (cell["zaehler"], cell["nenner"]) == (222, 1917)


def test_anna_cancels_and_nothing_is_imported(anna: Client, empty_store: str) -> None:
    preview_url = upload(anna, LEAVERS, real_file(LEAVERS).read_bytes())["Location"]
    stored = Path(StagedUpload.objects.get().stored_path)
    response = anna.post(preview_url, {"aktion": "verwerfen"})
    assert response.status_code == 302
    assert imported_ids() == []
    assert not stored.exists()
    assert not StagedUpload.objects.exists()


def test_a_file_in_no_known_format_gets_a_german_reason(anna: Client, empty_store: str) -> None:
    preview_url = upload(anna, "notizen.csv", b"a;b\n1;2\n")["Location"]
    page = anna.get(preview_url)
    assert page.status_code == 400
    text = page.content.decode()
    assert "Format nicht erkannt" in text
    assert "Import übernehmen" not in text
    assert "/uploads/" not in text  # the server's folders stay private


def test_anna_cannot_see_another_persons_upload(anna: Client, empty_store: str) -> None:
    preview_url = upload(anna, LEAVERS, real_file(LEAVERS).read_bytes())["Location"]
    other = Client()
    other.force_login(User.objects.create_user("dora", password=PASSWORD, is_staff=True))
    assert other.get(preview_url).status_code == 404


def test_anna_imports_but_may_not_publish(anna: Client) -> None:
    assert anna.get("/intern/indikatoren/").status_code == 403
    assert anna.post("/intern/indikatoren/", {"indikator": "sen_rate", "oeffentlich": "0"}).status_code == 403
    assert is_public("sen_rate")


def test_paula_hides_an_indicator_it_leaves_the_api_and_is_audited(paula: Client, portal: str) -> None:
    response = paula.post("/intern/indikatoren/", {"indikator": "sen_rate", "oeffentlich": "0"})
    assert response.status_code == 302
    assert not is_public("sen_rate")
    assert paula.get("/api/indikatoren/sen_rate").status_code == 404
    assert AuditEvent.objects.get(action="publication").detail == "sen_rate: verborgen"
    paula.post("/intern/indikatoren/", {"indikator": "sen_rate", "oeffentlich": "1"})
    assert is_public("sen_rate")
    assert paula.get("/api/indikatoren/sen_rate").status_code == 200


def test_unknown_indicator_cannot_be_hidden(paula: Client) -> None:
    response = paula.post("/intern/indikatoren/", {"indikator": "gibt_es_nicht", "oeffentlich": "0"}, follow=True)
    assert "Unbekannter Indikator: gibt_es_nicht" in response.content.decode()
    assert not AuditEvent.objects.filter(action="publication").exists()


def test_rejected_rows_are_shown_with_line_and_reason_before_and_after_the_import(
    anna: Client, empty_store: str
) -> None:
    data = real_file(LEAVERS).read_bytes().replace(b"2023;15003;      Magdeburg", b"2023;99x03;      Magdeburg")
    preview_url = upload(anna, LEAVERS, data)["Location"]
    preview = anna.get(preview_url).content.decode()
    assert "region: unbekannter Wert &#x27;99x03&#x27;" in preview
    anna.post(preview_url, {"aktion": "uebernehmen"})
    listing = anna.get("/intern/importe/").content.decode()
    assert "Zeile 485: region: unbekannter Wert &#x27;99x03&#x27;" in listing
