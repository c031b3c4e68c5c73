"""Demo content of the site: every app may ship ``demo.py`` with ``load() -> str``.

`load_demo_content` runs them in app order (accounts first, so that demo users exist) and
returns their one-line summaries. Loading twice changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.util

from django.conf import settings


def demo_modules() -> list[str]:
    names = [f"{app}.demo" for app in settings.INSTALLED_APPS if app.startswith("bildungslandschaft.web.")]
    return [name for name in names if importlib.util.find_spec(name) is not None]


def load_demo_content() -> list[str]:
    return [str(importlib.import_module(name).load()) for name in demo_modules()]
