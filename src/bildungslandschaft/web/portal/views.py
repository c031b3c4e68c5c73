"""Public pages of the monitoring (thin views: the work is in the core and `web.analytics`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {})


def catalog(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html", {"title": "Indikatoren"})


def stadtteile(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html", {"title": "Stadtteile"})


def compare(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html", {"title": "Vergleich"})


def sources(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html", {"title": "Quellen und Lizenzen"})
