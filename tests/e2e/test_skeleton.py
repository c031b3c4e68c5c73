"""The start page loads in a real browser and passes axe-core."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_start_page_has_no_axe_violations(live_server: Any, portal: str, page: Any, axe: Any) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.is_visible()
    assert axe(page) == []
