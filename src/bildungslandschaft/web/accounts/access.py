"""View decorators for the roles: anonymous visitors go to the login, the wrong role gets 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def role_required(allowed: Callable[[Any], bool]) -> Callable[[View], View]:
    """Only users for whom ``allowed(user)`` holds; others get the login page or 403 (Zugriff verweigert)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied("Ihr Konto hat keinen Zugriff auf diese Seite.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
