"""Forms of the directory: an actor submits an offer, staff moderate it."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from bildungslandschaft.core.geo import stadtteil_names
from bildungslandschaft.web.management.models import Actor, Offer


def stadtteil_choices(empty: str = "") -> list[tuple[str, str]]:
    names = sorted(stadtteil_names().items(), key=lambda item: item[1])
    return [("", empty), *names] if empty else names


class OfferSubmissionForm(forms.ModelForm):  # type: ignore[type-arg]
    """What an actor enters; the offer waits for moderation before anyone else sees it."""

    actor_name = forms.CharField(label="Name des Akteurs (Einrichtung, Verein …)", max_length=200)
    actor_kind = forms.ChoiceField(label="Art des Akteurs", choices=[("", "bitte wählen"), *Actor.KINDS])
    stadtteil = forms.ChoiceField(label="Stadtteil")
    url = forms.URLField(label="Weitere Informationen (Link)", required=False, assume_scheme="https")

    class Meta:
        model = Offer
        fields: ClassVar[list[str]] = [
            "title",
            "description",
            "target_group",
            "age_min",
            "age_max",
            "topic",
            "stadtteil",
            "address",
            "latitude",
            "longitude",
            "accessibility",
            "free",
            "costs",
            "contact",
            "url",
            "submitter_email",
        ]
        widgets: ClassVar[dict[str, Any]] = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts: ClassVar[dict[str, str]] = {
            "latitude": "Optional, z. B. 52,1205. Ohne Angabe erscheint das Angebot in der Mitte des Stadtteils.",
            "longitude": "Optional, z. B. 11,6276.",
            "submitter_email": "Nur für Rückfragen der Moderation; wird nicht veröffentlicht.",
            "contact": "Wird veröffentlicht: Telefon, E-Mail oder Ansprechperson.",
        }

    field_order: ClassVar[list[str]] = ["actor_name", "actor_kind", "title"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stadtteil"].choices = stadtteil_choices("bitte wählen")
        self.fields["submitter_email"].required = True
        for name in ("target_group", "topic"):
            self.fields[name].choices = [("", "bitte wählen"), *self.fields[name].choices[1:]]
        self.fields["latitude"].localize = self.fields["longitude"].localize = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and low > high:
            self.add_error("age_max", "Das Höchstalter muss mindestens so groß sein wie das Mindestalter.")
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error("longitude", "Bitte Breiten- und Längengrad zusammen angeben oder beide leer lassen.")
        if lat is not None and not 51.9 <= lat <= 52.4:
            self.add_error("latitude", "Der Breitengrad liegt nicht im Stadtgebiet (etwa 52,0 bis 52,3).")
        if lon is not None and not 11.4 <= lon <= 11.9:
            self.add_error("longitude", "Der Längengrad liegt nicht im Stadtgebiet (etwa 11,5 bis 11,8).")
        if not data.get("free") and not data.get("costs"):
            self.add_error("costs", "Bitte Kosten angeben oder „kostenfrei“ ankreuzen.")
        return data


class ModerationForm(forms.Form):
    DECISIONS: ClassVar[list[tuple[str, str]]] = [(Offer.PUBLISHED, "veröffentlichen"), (Offer.REJECTED, "ablehnen")]
    decision = forms.ChoiceField(label="Entscheidung", choices=DECISIONS)
    note = forms.CharField(label="Vermerk", required=False, max_length=500)
