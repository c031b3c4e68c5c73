"""Hardened settings: production passes `check --deploy` with env secrets only; CSP, cookies and upload limits."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bildungslandschaft.web.csp import POLICY

CHECK = [
    sys.executable,
    "-m",
    "django",
    "check",
    "--deploy",
    "--fail-level",
    "WARNING",
    "--settings",
    "bildungslandschaft.web.settings_production",
]


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BILA_", "DJANGO_"))}
    return {**env, "BILA_VAR": str(tmp_path), **extra}


def test_production_settings_pass_check_deploy_with_env_secrets(tmp_path: Path) -> None:
    env = production_env(tmp_path, BILA_SECRET_KEY=secrets.token_urlsafe(60), BILA_ALLOWED_HOSTS="bildung.example.org")
    result = subprocess.run(CHECK, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"BILA_ALLOWED_HOSTS": "bildung.example.org"}, "BILA_SECRET_KEY fehlt"),
        ({"BILA_ALLOWED_HOSTS": "bildung.example.org", "BILA_SECRET_KEY": "kurz-aber-geheim"}, "zu kurz"),
        ({"BILA_SECRET_KEY": "x" * 30 + secrets.token_urlsafe(40)}, "BILA_ALLOWED_HOSTS fehlt"),
    ],
)
def test_production_settings_refuse_to_start_without_secrets(
    tmp_path: Path, extra: dict[str, str], message: str
) -> None:
    result = subprocess.run(
        CHECK, capture_output=True, text=True, env=production_env(tmp_path, **extra), check=False, timeout=120
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_policy_allows_nothing_inline() -> None:
    text = " ".join(POLICY.values())
    assert "unsafe-inline" not in text
    assert "unsafe-eval" not in text
    assert POLICY["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_development_reports_policy_violations_without_blocking(client: Client) -> None:
    response = client.get("/konto/anmelden/")
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_enforce_mode_sets_the_policy(settings: Any) -> None:
    settings.BILA_CSP_MODE = "enforce"
    response = Client().get("/konto/anmelden/")
    assert response["Content-Security-Policy"].startswith("default-src 'self'")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_session_and_csrf_cookies_stay_away_from_scripts_and_other_sites(client: Client) -> None:
    from django.contrib.auth.models import User

    User.objects.create_user("anna", password="ein-langes-testpasswort-2026")
    client.get("/konto/anmelden/")
    response = client.post("/konto/anmelden/", {"username": "anna", "password": "ein-langes-testpasswort-2026"})
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert client.cookies["csrftoken"]["samesite"] == "Lax"


@pytest.mark.django_db
def test_upload_over_the_limit_is_refused_while_it_streams(client: Client, settings: Any) -> None:
    settings.BILA_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("gross.csv", b"a;b\n" * 400_000, content_type="text/csv")
    response = client.post("/konto/anmelden/", {"datei": big, "username": "x", "password": "y"})
    assert response.status_code == 400
