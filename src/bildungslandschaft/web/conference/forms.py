"""The registration form: a rank select per parallel session and block, usable without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from bildungslandschaft.web.conference.models import Block, Event, Registration, Session

EXCLUDE = "x"


def field_name(session: Session) -> str:
    return f"rang_{session.block_id}_{session.workshop.key}"


class RegistrationForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label="E-Mail", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    organisation = forms.CharField(
        label="Organisation (optional)",
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    accessibility_needs = forms.CharField(
        label="Bedarfe zur Barrierefreiheit (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="z. B. stufenloser Zugang, Gebärdensprachdolmetschung, Induktionsschleife",
    )
    consent = forms.BooleanField(
        label="Ich habe die Datenschutzhinweise gelesen und willige in die Verarbeitung meiner Angaben ein.",
        error_messages={"required": "Ohne Einwilligung können wir Ihre Anmeldung nicht annehmen."},
    )

    def __init__(self, event: Event, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.blocks: list[tuple[Block, list[tuple[Session, str]]]] = []
        for block in event.blocks.prefetch_related("sessions__workshop", "sessions__room"):
            sessions = list(block.sessions.all())
            if not sessions:
                continue
            choices = [("", "– ohne Rang –")]
            choices += [(str(rank), f"{rank}. Wunsch") for rank in range(1, len(sessions) + 1)]
            choices += [(EXCLUDE, "für mich nicht möglich")]
            for session in sessions:
                self.fields[field_name(session)] = forms.ChoiceField(
                    label=str(session.workshop), choices=choices, required=False
                )
            self.blocks.append((block, [(s, field_name(s)) for s in sessions]))

    def block_fields(self) -> list[tuple[Block, list[tuple[Session, forms.BoundField]]]]:
        return [(block, [(s, self[name]) for s, name in fields]) for block, fields in self.blocks]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        rankings, excluded = self._choices(data)
        ranked_anywhere = {key for keys in rankings.values() for key in keys}
        titles = dict(self.event.workshops.values_list("key", "title"))
        for key in sorted(excluded & ranked_anywhere):
            self.add_error(
                None,
                f"„{titles.get(key, key)}“ ist in einem Block gewünscht und in einem anderen als „für mich nicht "
                "möglich“ markiert. Einen Workshop besuchen Sie ohnehin nur einmal: Bitte wählen Sie dort "
                "„– ohne Rang –“.",
            )
        data["rankings"], data["excluded"] = rankings, sorted(excluded)
        return data

    def _choices(self, data: dict[str, Any]) -> tuple[dict[str, list[str]], set[str]]:
        rankings: dict[str, list[str]] = {}
        excluded: set[str] = set()
        for block, fields in self.blocks:
            ranked: dict[int, str] = {}
            for session, name in fields:
                value = data.get(name) or ""
                if value == EXCLUDE:
                    excluded.add(session.workshop.key)
                elif value:
                    if int(value) in ranked:
                        self.add_error(name, f"Der {value}. Wunsch ist in diesem Block schon vergeben.")
                    ranked[int(value)] = session.workshop.key
            open_sessions = [s for s, name in fields if data.get(name) != EXCLUDE]
            if not open_sessions:
                self.add_error(None, f"{block}: Mindestens eine Session muss für Sie möglich sein.")
            if not ranked:
                self.add_error(fields[0][1], f"{block}: Bitte geben Sie mindestens Ihren 1. Wunsch an.")
            rankings[str(block.pk)] = [ranked[rank] for rank in sorted(ranked)]
        return rankings, excluded

    def save(self) -> Registration:
        data = self.cleaned_data
        return Registration.objects.create(
            event=self.event,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            accessibility_needs=data["accessibility_needs"],
            rankings=data["rankings"],
            excluded=data["excluded"],
            consent_at=timezone.now(),
        )


class PinForm(forms.Form):
    registration = forms.IntegerField(widget=forms.HiddenInput)
    session = forms.IntegerField(label="Session")
