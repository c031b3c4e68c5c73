"""The Bildungsleitbild as Clara (anonymous) sees it: goals with progress from published figures."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from bildungslandschaft.core.goals import GoalPath, classify
from bildungslandschaft.web import analytics
from bildungslandschaft.web.management.leitbild import leitbild_chapter
from bildungslandschaft.web.management.models import Goal, GoalIndicator, Leitbild, Principle

pytestmark = pytest.mark.django_db


def _goal(indicator: str, baseline: float, target: float) -> GoalIndicator:
    leitbild = Leitbild.objects.create(title="Bildungsleitbild", vision="Gute Bildung für alle.")
    principle = Principle.objects.create(leitbild=leitbild, name="Übergänge")
    goal = Goal.objects.create(principle=principle, title="Weniger Abgänge ohne Abschluss")
    return GoalIndicator.objects.create(
        goal=goal,
        indicator=indicator,
        baseline_year=2019,
        baseline_value=baseline,
        target_value=target,
        target_year=2030,
    )


def test_clara_sees_the_goal_with_the_status_computed_from_published_values(client: Client, site: str) -> None:
    _goal("leavers_without_hsa_share", 12.3, 8.0)
    published = analytics.published("leavers_without_hsa_share", ("year",))
    series = {int(c.key["year"]): c.value for c in published.cells}
    expected = classify(GoalPath(2019, 12.3, 2030, 8.0), series)

    page = client.get("/steuerung/leitbild/").content.decode()

    assert "Leitlinie Übergänge" in page
    assert "Weniger Abgänge ohne Abschluss" in page
    assert expected.status.label in page
    assert expected.explanation in page
    assert "Wie die Zielerreichung bestimmt wird" in page


def test_the_path_chart_is_embedded_as_vega_lite_json_with_a_table(client: Client, site: str) -> None:
    _goal("leavers_without_hsa_share", 12.3, 8.0)
    page = client.get("/steuerung/leitbild/").content.decode()
    assert re.search(r'<script type="application/json" class="vega-spec" data-target="ziel-grafik-1"', page)
    assert '"Zielpfad"' in page
    title = analytics.catalog().indicators["leavers_without_hsa_share"].title
    assert f"<caption>Werte: {title} (%)</caption>" in page


def test_withheld_values_do_not_count_as_observed(client: Client, site: str, settings: Any) -> None:
    settings.BILA_MIN_COUNT = 10**9  # every count withheld
    analytics.reset()
    _goal("leavers_without_hsa_share", 12.3, 8.0)
    page = client.get("/steuerung/leitbild/").content.decode()
    assert "noch keine Daten" in page
    assert "Seit dem Basisjahr 2019 liegt noch kein veröffentlichter Wert vor." in page


def test_report_chapter_is_markdown_with_a_table_per_goal(site: str) -> None:
    _goal("leavers_without_hsa_share", 12.3, 8.0)
    text = leitbild_chapter()
    assert text.startswith("## Bildungsleitbild\n\nGute Bildung für alle.")
    assert "### Leitlinie Übergänge" in text
    assert "| Indikator | Ausgangswert | Zielwert | zuletzt beobachtet | Einschätzung |" in text
    assert "| 12,3 % (2019) | 8,0 % (2030) |" in text
    assert "### Methode der Zielerreichung" in text


def test_chapter_download_is_a_markdown_file(client: Client, site: str) -> None:
    _goal("leavers_without_hsa_share", 12.3, 8.0)
    response = client.get("/steuerung/leitbild/kapitel.md")
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.content.decode().startswith("## Bildungsleitbild")


def test_without_a_leitbild_the_page_says_so(client: Client, site: str) -> None:
    assert "noch kein Bildungsleitbild erfasst" in client.get("/steuerung/leitbild/").content.decode()


def test_unknown_indicator_is_named_not_a_server_error(client: Client, site: str) -> None:
    _goal("gibt_es_nicht", 1.0, 2.0)
    page = client.get("/steuerung/leitbild/").content.decode()
    assert "Der Indikator &#x27;gibt_es_nicht&#x27; fehlt im Katalog." in page


def test_staff_get_german_errors_for_unknown_indicators_and_years(site: str) -> None:
    from django.core.exceptions import ValidationError

    link = _goal("leavers_without_hsa_share", 12.3, 8.0)
    link.indicator, link.target_year = "gibt_es_nicht", 2018
    with pytest.raises(ValidationError) as caught:
        link.full_clean()
    assert caught.value.message_dict == {
        "indicator": ["Unbekannte Indikatoren: gibt_es_nicht (Kennungen siehe Indikatorenkatalog)."],
        "target_year": ["Das Zieljahr muss nach dem Basisjahr liegen."],
    }


def test_a_target_year_before_the_baseline_is_reported_not_a_server_error(client: Client, site: str) -> None:
    link = _goal("leavers_without_hsa_share", 12.3, 8.0)
    GoalIndicator.objects.filter(pk=link.pk).update(target_year=2010)
    page = client.get("/steuerung/leitbild/").content.decode()
    assert "Zieljahr 2010 liegt nicht nach dem Basisjahr 2019." in page
