"""Staff pages of an event: registrations, the optimal assignment with pins, publication, lists and badges."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from bildungslandschaft.core.conference.exports import csv_text
from bildungslandschaft.web.conference import mail, seats
from bildungslandschaft.web.conference.models import Event, Registration, Seat, Session
from bildungslandschaft.web.conference.pdf import pdf_response
from bildungslandschaft.web.conference.views import base_url

View = Callable[..., HttpResponse]


def staff_view(view: View) -> View:
    """Staff only; the event is looked up once and passed on."""

    @wraps(view)
    def wrapper(request: HttpRequest, event: str, **kwargs: Any) -> HttpResponse:
        return view(request, get_object_or_404(Event, slug=event), **kwargs)

    return staff_member_required(wrapper)  # type: ignore[no-any-return]


@staff_view
def overview(request: HttpRequest, event: Event) -> HttpResponse:
    registrations = event.registrations.prefetch_related("seats__session__workshop")
    context = {
        "event": event,
        "registrations": registrations,
        "active": registrations.filter(cancelled_at__isnull=True).count(),
        "sessions": seats.sessions_of(event),
    }
    return render(request, "conference/staff/overview.html", context)


REGISTRATION_HEADER = (
    "Nr.",
    "Name",
    "E-Mail",
    "Organisation",
    "Wünsche",
    "ausgeschlossen",
    "Barrierefreiheit",
    "angemeldet am",
    "abgemeldet am",
    "Sessions",
)


@staff_view
def registrations_csv(request: HttpRequest, event: Event) -> HttpResponse:
    rows = [
        [
            r.pk,
            r.name,
            r.email,
            r.organisation,
            " | ".join(", ".join(keys) for keys in r.rankings.values()),
            ", ".join(r.excluded),
            r.accessibility_needs,
            timezone.localtime(r.created_at).strftime("%d.%m.%Y %H:%M"),
            timezone.localtime(r.cancelled_at).strftime("%d.%m.%Y %H:%M") if r.cancelled_at else "",
            ", ".join(str(seat.session.workshop) for seat in r.seats.all()),
        ]
        for r in event.registrations.prefetch_related("seats__session__workshop")
    ]
    response = HttpResponse("\ufeff" + csv_text(REGISTRATION_HEADER, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="anmeldungen-{event.slug}.csv"'
    return response


@staff_view
def assignment(request: HttpRequest, event: Event) -> HttpResponse:
    sessions = seats.sessions_of(event)
    report = seats.report_of(event)
    fill = [(s, *report.fill.get(str(s.pk), (0, s.capacity))) for s in sessions]
    registrations = event.registrations.filter(cancelled_at__isnull=True).prefetch_related(
        "seats__session__workshop", "seats__block"
    )
    context = {
        "event": event,
        "report": report,
        "fill": fill,
        "sessions": sessions,
        "registrations": registrations[:500],
        "many": registrations.count() > 500,
        "profile": [(rank, count) for rank, count in report.profile.items()],
    }
    return render(request, "conference/staff/assignment.html", context)


@require_POST
@staff_view
def solve(request: HttpRequest, event: Event) -> HttpResponse:
    outcome = seats.compute_assignment(event)
    if outcome.problem:
        messages.error(request, outcome.problem)
    elif outcome.result is not None:
        proof = (
            "beweisbar optimal" if outcome.result.optimal else f"nicht als optimal bewiesen ({outcome.result.status})"
        )
        messages.success(request, f"Zuteilung berechnet ({proof}). Noch nicht veröffentlicht.")
    return redirect("conference:staff-assignment", event=event.slug)


@require_POST
@staff_view
def pin(request: HttpRequest, event: Event) -> HttpResponse:
    registration = get_object_or_404(
        Registration, event=event, cancelled_at__isnull=True, pk=request.POST.get("registration")
    )
    session = get_object_or_404(Session, block__event=event, pk=request.POST.get("session"))
    seats.pin(registration, session)
    messages.success(request, f"{registration.name} ist in „{session.workshop}“ festgesetzt.")
    return redirect("conference:staff-assignment", event=event.slug)


@require_POST
@staff_view
def unpin(request: HttpRequest, event: Event) -> HttpResponse:
    seat = get_object_or_404(Seat, block__event=event, pk=request.POST.get("seat"))
    seats.unpin(seat)
    messages.success(request, f"Festsetzung für {seat.registration.name} aufgehoben.")
    return redirect("conference:staff-assignment", event=event.slug)


@require_POST
@staff_view
def publish(request: HttpRequest, event: Event) -> HttpResponse:
    if not Seat.objects.filter(block__event=event).exists():
        messages.error(request, "Bitte zuerst die Zuteilung berechnen.")
        return redirect("conference:staff-assignment", event=event.slug)
    event.assignment_published_at = timezone.now()
    event.save(update_fields=["assignment_published_at"])
    registrations = seats.active_registrations(event)
    for registration in registrations:
        mail.announce_seats(registration, base_url(request))
    messages.success(request, f"Zuteilung veröffentlicht; {len(registrations)} E-Mails verschickt.")
    return redirect("conference:staff-assignment", event=event.slug)


@staff_view
def attendance_pdf(request: HttpRequest, event: Event, session: int) -> HttpResponse:
    found = get_object_or_404(
        Session.objects.select_related("workshop", "room", "block"), block__event=event, pk=session
    )
    people = found.seats.filter(registration__cancelled_at__isnull=True).select_related("registration")
    context = {"event": event, "session": found, "people": sorted(people, key=lambda s: s.registration.name.lower())}
    return pdf_response(request, "conference/pdf/attendance.html", context, f"anwesenheit-{found.pk}.pdf")


@staff_view
def badges_pdf(request: HttpRequest, event: Event) -> HttpResponse:
    people = seats.active_registrations(event)
    context = {"event": event, "people": sorted(people, key=lambda r: r.name.lower())}
    return pdf_response(request, "conference/pdf/badges.html", context, f"namensschilder-{event.slug}.pdf")
