"""Every URL of the URLconf, requested by every role of the cast, answers as the role allows.

URL parameters are filled from the demo content of every app (``web/<app>/demo.py``): a
parameter named like a model (``event``) takes that model's slug or key, one named like a field
(``key``, ``token``) takes that field's value. Who may see what:

- public pages: everybody gets the page (or a redirect, 404 for a missing object, 405 for POST-only);
- staff pages (staff app, conference "intern", report editing, offer moderation, the analysts'
  view, anything under ``intern``): analysts, publishers, admins; anonymous visitors go to a
  login page; the school account is refused (403) or sent to a login page;
- publishing (showing or hiding indicators): publishers and admins;
- the school page: only the school account; the audit log and Django admin: only admins (staff
  members see the admin's index and their password page, not its models);
- a POST-only action answers a GET with 405 to everybody, which shows nothing.
"""

from __future__ import annotations

import fnmatch
import re
import uuid
import warnings
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bildungslandschaft.web.demo import load_demo_content

ROLES = ("clara", "ben", "anna", "paula", "ada")
STAFF = (
    "staff:*",
    "conference:staff*",
    "report:chapters",
    "report:new",
    "report:edit",
    "management:moderat*",
    "accounts:internal*",
)
ADMIN = ("accounts:audit*", "admin:*")
#: Django admin pages every staff member has (index without models, password change); login/logout are public.
ADMIN_SHELL = ("admin:index", "admin:jsi18n", "admin:password_change*", "admin:view_on_site")
PUBLIC_ADMIN = ("admin:login", "admin:logout")
#: Publishing (hiding or showing indicators): publishers and admins only.
PUBLISHING = ("staff:indicators",)
#: Refused to everybody by design: the audit log cannot be written or deleted through the admin.
BY_DESIGN_403 = (
    "admin:autocomplete",  # answers only with its query parameters
    "admin:bila_accounts_auditevent_add",
    "admin:bila_accounts_auditevent_change",
    "admin:bila_accounts_auditevent_delete",
)
SCHOOL = ("accounts:school",)
SIGNED_IN = ("accounts:overview",)
ALLOWED = {
    "admin_shell": {"anna", "paula", "ada"},
    "publishing": {"paula", "ada"},
    "staff": {"anna", "paula", "ada"},
    "admin": {"ada"},
    "school": {"ben"},
    "signed_in": {"ben", "anna", "paula", "ada"},
    "public": set(ROLES),
}
LITERALS = {"fmt": "csv", "app_label": "auth", "content_type_id": 1, "object_id": 1}


def walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(url name with namespace, route, converters) of every named pattern."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = getattr(entry.pattern, "converters", None) or dict.fromkeys(entry.pattern.regex.groupindex)
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), converters


def access(name: str, route: str) -> str:
    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)

    if matches(PUBLIC_ADMIN):
        return "public"
    if matches(ADMIN_SHELL):
        return "admin_shell"
    if matches(PUBLISHING):
        return "publishing"
    if matches(ADMIN):
        return "admin"
    if matches(SCHOOL):
        return "school"
    if matches(SIGNED_IN):
        return "signed_in"
    if matches(STAFF) or "intern" in route:
        return "staff"
    return "public"


def demo_value(app_label: str, parameter: str, converter: Any) -> object:
    """A value for a URL parameter from the demo content (the URL's own app first), else a placeholder."""
    found = LITERALS.get(parameter, from_demo_content(app_label, parameter, converter))
    if found is not None and re.fullmatch(getattr(converter, "regex", ".+"), str(found)):
        return found
    placeholders = {"IntConverter": 1, "UUIDConverter": uuid.UUID(int=1), "PathConverter": "1", "NoneType": "1"}
    return placeholders.get(type(converter).__name__, "demo")


def from_demo_content(app_label: str, parameter: str, converter: Any) -> object | None:
    wants_int = type(converter).__name__ == "IntConverter"
    models = sorted(apps.get_models(), key=lambda model: model._meta.app_label != app_label)
    for model in models:
        if model.__name__.lower() == parameter and model.objects.exists():
            first = model.objects.order_by("pk").first()
            if wants_int:
                return first.pk
            for field in ("slug", "key", "token"):
                if hasattr(first, field):
                    return getattr(first, field)
    for model in models:
        names = {field.name for field in model._meta.get_fields()}
        if parameter in names and model.objects.exists():
            return getattr(model.objects.order_by("pk").first(), parameter)
    if parameter == "pk":
        owned = [model for model in models if model._meta.app_label == app_label and model.objects.exists()]
        if owned:
            return owned[0].objects.order_by("pk").first().pk
    return None


def url_for(name: str, converters: dict[str, Any]) -> str:
    namespace = name.split(":", maxsplit=1)[0]
    label = {app.name.rsplit(".", 1)[-1]: app.label for app in apps.get_app_configs()}.get(namespace, namespace)
    kwargs = {key: demo_value(label, key, converter) for key, converter in converters.items()}
    return reverse(name, kwargs=kwargs)


def is_login_redirect(response: Any) -> bool:
    return response.status_code == 302 and (
        "/konto/anmelden/" in response["Location"] or "/admin/login/" in response["Location"]
    )


def check(role: str, kind: str, response: Any, anonymous: Any) -> str | None:
    """None if the answer fits the role, else what is wrong."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    if role in ALLOWED[kind]:
        if is_login_redirect(response) or (status == 403 and anonymous.status_code != 403):
            return f"refused ({status})"
        return None if status in {200, 204, 301, 302, 303, 400, 403, 404, 405} else f"unexpected {status}"
    if status == 405:  # a POST-only action refuses a GET before it looks at the user: nothing is shown
        return None
    if role == "clara":
        return None if is_login_redirect(response) else f"anonymous got {status} instead of the login page"
    return None if status in {403, 404} or is_login_redirect(response) else f"got {status} instead of 403"


def test_every_url_answers_every_role_as_expected(cast: dict[str, Client], portal: str) -> None:
    load_demo_content()
    for client in cast.values():
        client.raise_request_exception = False  # a server error is a finding to list, not the end of the walk
    patterns = sorted(walk(get_resolver()))
    assert len(patterns) > 20
    problems: list[str] = []
    checked = 0
    for name, route, converters in patterns:
        url = url_for(name, converters)
        kind = access(name, route)
        answers = {}
        for role in ROLES:
            with warnings.catch_warnings():  # deprecations are not access problems (the suite makes them errors)
                warnings.simplefilter("ignore", DeprecationWarning)
                answers[role] = cast[role].get(url)
        for role, response in answers.items():
            checked += 1
            if name in BY_DESIGN_403 and response.status_code == 403:
                continue
            problem = check(role, kind, response, answers["clara"])
            if problem:
                problems.append(f"{role:5} {kind:9} {url} ({name}): {problem}")
    assert problems == [], f"{len(problems)} of {checked} answers wrong:\n" + "\n".join(problems)
