from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from bildungslandschaft.core.report.render import check_chapter
from bildungslandschaft.web import analytics
from bildungslandschaft.web.report.models import Chapter


class ChapterForm(forms.ModelForm):  # type: ignore[type-arg]
    """Title, order and text of a chapter; directives with errors cannot be saved."""

    class Meta:
        model = Chapter
        fields = ("title", "slug", "position", "body")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "body": forms.Textarea(attrs={"rows": 28, "spellcheck": "true", "class": "report-source"})
        }

    def clean_body(self) -> Any:
        body = self.cleaned_data["body"]
        problems = check_chapter(body, analytics.catalog())
        if problems:
            raise forms.ValidationError([f"Zeile {problem.line}: {problem.message}" for problem in problems])
        return body
