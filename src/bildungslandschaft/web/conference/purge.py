"""Data protection: personal data of participants goes a configurable number of days after the event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from bildungslandschaft.web.conference.models import Event, Registration, new_token

ANONYMOUS = "anonymisiert"


@dataclass(frozen=True)
class PurgeItem:
    event: Event
    anonymised: int  # registrations whose name, e-mail, organisation and needs were removed
    deleted: int  # cancelled registrations removed entirely


def due_events(today: dt.date) -> list[Event]:
    return [event for event in Event.objects.filter(date__lt=today) if event.purge_due <= today]


def purge(today: dt.date | None = None, dry_run: bool = False) -> list[PurgeItem]:
    """Anonymise active and delete cancelled registrations of every event whose retention ended.

    Rankings and seats stay (anonymous) so that statistics of the event remain possible.
    """
    today = today or timezone.localdate()
    done = []
    for event in due_events(today):
        personal = Registration.objects.filter(event=event, anonymised_at__isnull=True)
        cancelled = personal.filter(cancelled_at__isnull=False)
        item = PurgeItem(event, personal.count() - cancelled.count(), cancelled.count())
        if item.anonymised + item.deleted == 0:
            continue
        done.append(item)
        if not dry_run:
            with transaction.atomic():
                cancelled.delete()
                _anonymise(event)
    return done


def _anonymise(event: Event) -> None:
    now = timezone.now()
    for registration in Registration.objects.filter(event=event, anonymised_at__isnull=True):
        registration.name = ANONYMOUS
        registration.email = f"anonym-{registration.pk}@invalid"
        registration.organisation = ""
        registration.accessibility_needs = ""
        registration.anonymised_at = now
        registration.token = new_token()  # the old personal link stops working
        registration.save()
    Event.objects.filter(pk=event.pk).update(purged_at=now)
