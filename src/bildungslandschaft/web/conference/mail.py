"""E-mails to participants (Django's mail: console backend by default, SMTP by environment)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string

from bildungslandschaft.web.conference.models import Registration


def _send(registration: Registration, subject: str, template: str, base_url: str) -> None:
    seats = registration.seats.select_related("session__workshop", "session__room", "block").order_by("block__start")
    body = render_to_string(
        f"conference/mail/{template}.txt",
        {"registration": registration, "event": registration.event, "seats": seats, "base_url": base_url},
    )
    send_mail(f"{registration.event.title}: {subject}", body, None, [registration.email])


def confirm_registration(registration: Registration, base_url: str) -> None:
    _send(registration, "Ihre Anmeldung", "registered", base_url)


def announce_seats(registration: Registration, base_url: str) -> None:
    _send(registration, "Ihre Sessions", "seats", base_url)


def confirm_cancellation(registration: Registration, base_url: str) -> None:
    _send(registration, "Abmeldung bestätigt", "cancelled", base_url)
