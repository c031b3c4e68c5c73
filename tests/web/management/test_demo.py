"""The demo content loads once, shows all three kinds of goal status and fills the directory."""

from __future__ import annotations

import pytest
from django.test import Client

from bildungslandschaft.web.management import demo
from bildungslandschaft.web.management.leitbild import goal_progress
from bildungslandschaft.web.management.models import EquipmentTarget, Goal, GoalIndicator, Offer

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing(demo_content: str) -> None:
    counts = (GoalIndicator.objects.count(), Offer.objects.count(), EquipmentTarget.objects.count())
    demo.load()
    assert (GoalIndicator.objects.count(), Offer.objects.count(), EquipmentTarget.objects.count()) == counts
    assert 36 <= Offer.objects.filter(status=Offer.PUBLISHED).count() < Offer.objects.count() == 40


def test_demo_goals_show_each_status(demo_content: str) -> None:
    statuses = {item.progress.status.label for goal in Goal.objects.all() for item in goal_progress(goal)}
    assert {"auf Kurs", "gefährdet", "nicht auf Kurs"} <= statuses


def test_every_page_answers_with_demo_content(client: Client, demo_content: str) -> None:
    for url in (
        "/steuerung/",
        "/steuerung/leitbild/",
        "/steuerung/programme/",
        "/steuerung/it-ausstattung/",
        "/steuerung/angebote/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="de">' in response.content.decode()
