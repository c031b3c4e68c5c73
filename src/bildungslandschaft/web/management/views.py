from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def leitbild(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html", {"title": "Bildungsleitbild"})


def offers(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html", {"title": "Bildungsangebote"})
