"""Public pages of the conference under /<event-slug>/: program, sessions, registration, personal page.

Thin views: seats and exports are in `seats`, `program` and the core.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from bildungslandschaft.core.conference import exports
from bildungslandschaft.web.conference import mail, seats
from bildungslandschaft.web.conference.forms import RegistrationForm
from bildungslandschaft.web.conference.models import Event, Photo, Registration, Workshop
from bildungslandschaft.web.conference.pdf import pdf_response
from bildungslandschaft.web.conference.program import program_of, program_rows, session_entry


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def events(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    listed = Event.objects.all()
    return render(
        request,
        "conference/events.html",
        {
            "title": "Bildungskonferenz",
            "upcoming": [e for e in listed if e.date >= today][::-1],
            "past": [e for e in listed if e.date < today],
        },
    )


def program(request: HttpRequest, event: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    return render(request, "conference/program.html", {"event": found, "rows": program_rows(found)})


def program_pdf(request: HttpRequest, event: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    context = {"event": found, "rows": program_rows(found)}
    return pdf_response(request, "conference/pdf/program.html", context, f"programm-{found.slug}.pdf")


EXPORTS = {
    "xml": ("application/xml; charset=utf-8", exports.frab_xml),
    "json": (
        "application/json; charset=utf-8",
        lambda p: json.dumps(exports.frab_json(p), ensure_ascii=False, indent=2),
    ),
    "ics": ("text/calendar; charset=utf-8", exports.ical),
    "csv": ("text/csv; charset=utf-8", lambda p: exports.csv_text(exports.PROGRAM_HEADER, exports.program_rows(p))),
}


def program_export(request: HttpRequest, event: str, fmt: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    if fmt not in EXPORTS:
        raise Http404("unbekanntes Format")
    content_type, render_export = EXPORTS[fmt]
    response = HttpResponse(render_export(program_of(found, base_url(request))), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="programm-{found.slug}.{fmt}"'
    return response


def session_detail(request: HttpRequest, event: str, key: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    workshop = get_object_or_404(Workshop.objects.prefetch_related("speakers"), event=found, key=key)
    runs = workshop.sessions.select_related("block", "room")
    documentation = found.documentation.filter(workshop=workshop).prefetch_related("links", "photos").first()
    context = {"event": found, "workshop": workshop, "runs": runs, "documentation": documentation}
    return render(request, "conference/session.html", context)


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, event: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    if not found.registration_open:
        return render(request, "conference/closed.html", {"event": found}, status=403)
    form = RegistrationForm(found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        registration = form.save()
        if found.assignment_published_at is not None:
            seats.seat_late(registration)
        mail.confirm_registration(registration, base_url(request))
        messages.success(
            request, "Vielen Dank! Ihre Anmeldung ist eingegangen; eine Bestätigung ist per E-Mail unterwegs."
        )
        return redirect("conference:personal", event=found.slug, token=registration.token)
    return render(request, "conference/register.html", {"event": found, "form": form})


def _registration(event: str, token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event"), event__slug=event, token=token, anonymised_at__isnull=True
    )


def _my_seats(registration: Registration) -> list[object]:
    if registration.event.assignment_published_at is None:
        return []
    return list(
        registration.seats.select_related("session__workshop", "session__room", "session__block", "block").order_by(
            "block__start"
        )
    )


def personal(request: HttpRequest, event: str, token: str) -> HttpResponse:
    registration = _registration(event, token)
    found = registration.event
    blocks = {str(b.pk): b for b in found.blocks.all()}
    workshops = {w.key: w for w in found.workshops.all()}
    wishes = [
        (blocks[b], [workshops[k] for k in keys if k in workshops])
        for b, keys in registration.rankings.items()
        if b in blocks
    ]
    mine = {seat.block_id: seat for seat in _my_seats(registration)}  # type: ignore[attr-defined]
    context = {
        "event": found,
        "registration": registration,
        "schedule": [(block, mine.get(block.pk)) for block in found.blocks.filter(sessions__isnull=False).distinct()],
        "published": found.assignment_published_at is not None,
        "wishes": wishes,
        "excluded": [workshops[k] for k in registration.excluded if k in workshops],
    }
    return render(request, "conference/personal.html", context)


def personal_calendar(request: HttpRequest, event: str, token: str) -> HttpResponse:
    registration = _registration(event, token)
    found = registration.event
    whole = program_of(found, base_url(request))
    mine = [session_entry(found, seat.session, base_url(request)) for seat in _my_seats(registration)]  # type: ignore[attr-defined]
    plenary = [entry for entry in whole.entries if entry.kind != "Session"]
    data = exports.ical(whole, plenary + mine, name=f"{found.title} – mein Programm")
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.ics"'
    return response


def personal_data(request: HttpRequest, event: str, token: str) -> HttpResponse:
    registration = _registration(event, token)
    document = {
        "veranstaltung": registration.event.title,
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "bedarfe_barrierefreiheit": registration.accessibility_needs,
        "wuensche_je_block": registration.rankings,
        "ausgeschlossen": registration.excluded,
        "einwilligung_am": registration.consent_at.isoformat(),
        "angemeldet_am": registration.created_at.isoformat(),
        "abgemeldet_am": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
        "plaetze": [
            {"block": str(seat.block), "session": str(seat.session.workshop), "raum": seat.session.room.name}
            for seat in _my_seats(registration)  # type: ignore[attr-defined]
        ],
        "loeschung_spaetestens": registration.event.purge_due.isoformat(),
    }
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    return response


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, event: str, token: str) -> HttpResponse:
    registration = _registration(event, token)
    if registration.cancelled_at is not None:
        messages.info(request, "Sie sind bereits abgemeldet.")
        return redirect("conference:personal", event=event, token=token)
    if request.method == "GET":
        return render(request, "conference/cancel.html", {"event": registration.event, "registration": registration})
    moved_up = seats.cancel(registration)
    mail.confirm_cancellation(registration, base_url(request))
    for moved in {seat.registration_id: seat.registration for seat in moved_up}.values():
        mail.announce_seats(moved, base_url(request))
    messages.success(request, "Sie sind abgemeldet. Vielen Dank, dass Sie Ihren Platz freigegeben haben.")
    return redirect("conference:personal", event=event, token=token)


def documentation(request: HttpRequest, event: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    entries = found.documentation.select_related("workshop").prefetch_related("links", "photos")
    return render(request, "conference/documentation.html", {"event": found, "entries": entries})


def photo(request: HttpRequest, event: str, photo: int) -> FileResponse:
    """A documentation photo, served from the event's own address (media files are not public)."""
    found = get_object_or_404(Photo, documentation__event__slug=event, pk=photo)
    return FileResponse(found.image.open("rb"))


def documentation_pdf(request: HttpRequest, event: str) -> HttpResponse:
    found = get_object_or_404(Event, slug=event)
    entries = found.documentation.select_related("workshop").prefetch_related("links", "photos")
    context = {"event": found, "entries": entries}
    return pdf_response(request, "conference/pdf/documentation.html", context, f"dokumentation-{found.slug}.pdf")
