"""Whole public pages cached for anonymous visitors: the indicator page served like a static file.

A page is cached per language, full path (with query) and state of the analytics store
(`portal.fragments.state`), only when it is a 200 answer that sets no cookie (a page with a CSRF
token sets one and is never shared) and no message waits for the visitor. Signed-in people always
get a fresh page. `analytics.reset()` (after an import) and publishing or hiding an indicator clear
the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

View = Callable[..., HttpResponse]


def public_page(view: View) -> View:
    @wraps(view)
    def cached(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)) > 0:
            return view(request, *args, **kwargs)
        key = _key(request)
        found = cache.get(key)
        if found is not None:
            content, content_type = found
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]), timeout=None)
        return response

    return cached


def _key(request: HttpRequest) -> str:
    from bildungslandschaft.web.portal.fragments import state

    text = f"{get_language()}:{request.get_full_path()}:{state()}"
    return "page:" + hashlib.sha256(text.encode()).hexdigest()
