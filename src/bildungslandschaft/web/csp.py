"""Content-Security-Policy without 'unsafe-inline' and 'unsafe-eval', set by a small middleware.

``settings.BILA_CSP_MODE``: ``enforce`` (production), ``report`` (development default:
the browser only reports violations in its console, so pages under construction keep working),
``off``. Charts run without eval through the Vega expression interpreter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse

#: The policy of the whole site: everything from our own origin, nothing inline, no plugins, no framing.
POLICY: Mapping[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
HEADERS = {"enforce": "Content-Security-Policy", "report": "Content-Security-Policy-Report-Only"}


def policy_header(policy: Mapping[str, str] = POLICY) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Adds the policy to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.value = policy_header()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        header = HEADERS.get(str(getattr(settings, "BILA_CSP_MODE", "report")))
        if header and header not in response:
            response[header] = self.value
        return response
