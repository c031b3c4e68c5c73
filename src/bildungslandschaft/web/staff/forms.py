from __future__ import annotations

from django import forms


class UploadForm(forms.Form):
    datei = forms.FileField(
        label="Quelldatei",
        help_text="GENESIS-/Regionalstatistik-CSV, ffcsv oder Stadttabelle (CSV/XLSX).",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
    zuordnung = forms.FileField(
        label="Zuordnungsdatei (nur für Stadttabellen)",
        required=False,
        help_text="YAML-Datei, die Spalten und Datensatz der Stadttabelle beschreibt.",
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml"}),
    )
