"""Staff area: upload with preview, then commit or cancel; list of imports; publish or hide indicators."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render

from bildungslandschaft.core.ingest.errors import ImportFailed
from bildungslandschaft.core.ingest.lineage import list_imports
from bildungslandschaft.core.ingest.pipeline import import_file
from bildungslandschaft.core.ingest.preview import preview_file
from bildungslandschaft.web import analytics
from bildungslandschaft.web.accounts import audit
from bildungslandschaft.web.staff import uploads
from bildungslandschaft.web.staff.access import can_publish, importer_required, publisher_required
from bildungslandschaft.web.staff.forms import UploadForm
from bildungslandschaft.web.staff.models import StagedUpload
from bildungslandschaft.web.staff.visibility import hidden_indicators, set_public


@importer_required
def overview(request: HttpRequest) -> HttpResponse:
    return render(
        request, "staff/overview.html", {"title": "Interner Bereich", "can_publish": can_publish(request.user)}
    )


@importer_required
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "staff/upload.html", {"title": "Datei importieren", "form": form}, status=_status(form))
    try:
        staged = uploads.stage(form.cleaned_data["datei"], form.cleaned_data.get("zuordnung"), request.user)
    except ImportFailed as error:
        form.add_error("datei", failure_text(error))
        return render(request, "staff/upload.html", {"title": "Datei importieren", "form": form}, status=400)
    return redirect("staff:preview", token=staged.token)


def failure_text(error: ImportFailed) -> str:
    """The importer's message without the server's storage folder (file name and line only)."""
    where = Path(error.path).name + (f", Zeile {error.line}" if error.line is not None else "")
    return f"{where}: {error.reason}"


def _status(form: UploadForm) -> int:
    return 400 if form.is_bound else 200


@importer_required
def preview(request: HttpRequest, token: UUID) -> HttpResponse:
    staged = get_object_or_404(StagedUpload, token=token, uploaded_by=request.user)
    if request.method == "POST" and request.POST.get("aktion") == "verwerfen":
        uploads.discard(staged)
        messages.info(request, f"Der Import von {staged.file_name} wurde verworfen; es wurde nichts geändert.")
        return redirect("staff:upload")
    if request.method == "POST" and request.POST.get("aktion") == "uebernehmen":
        return _commit(request, staged)
    context = {"title": "Vorschau des Imports", "staged": staged, "preview": None, "error": None}
    try:
        path, mapping = _paths(staged)
        with analytics.exclusive_store() as con:
            context["preview"] = preview_file(con, analytics.catalog(), path, mapping=mapping)
    except ImportFailed as error:
        context["error"] = failure_text(error)
    return render(request, "staff/preview.html", context, status=200 if context["error"] is None else 400)


def _paths(staged: StagedUpload) -> tuple[Path, Path | None]:
    return Path(staged.stored_path), Path(staged.mapping_path) if staged.mapping_path else None


def _commit(request: HttpRequest, staged: StagedUpload) -> HttpResponseRedirect:
    path, mapping = _paths(staged)
    try:
        with analytics.exclusive_store() as con:
            outcome = import_file(con, analytics.catalog(), path, mapping=mapping, user=request.user.get_username())
            analytics.reset()
    except ImportFailed as error:
        messages.error(request, f"Import fehlgeschlagen, es wurde nichts geändert: {failure_text(error)}")
        return redirect("staff:preview", token=staged.token)
    record = outcome.record
    audit.record(
        request.user, "import", f"{record.file_name} → {record.dataset} (Import {record.import_id})", request=request
    )
    uploads.discard(staged)
    if outcome.changed:
        messages.success(request, f"{record.file_name} wurde als Import {record.import_id} übernommen.")
    else:
        messages.info(
            request, f"{record.file_name} war bereits importiert (Import {record.import_id}); nichts geändert."
        )
    return redirect("staff:imports")


@importer_required
def imports(request: HttpRequest) -> HttpResponse:
    with analytics.exclusive_store() as con:
        records = list_imports(con)
    return render(request, "staff/imports.html", {"title": "Importe", "records": records})


@publisher_required
def indicators(request: HttpRequest) -> HttpResponse:
    catalog = analytics.catalog()
    if request.method == "POST":
        indicator_id = request.POST.get("indikator", "")
        if indicator_id not in catalog.indicators:
            messages.error(request, f"Unbekannter Indikator: {indicator_id}")
            return redirect("staff:indicators")
        public = request.POST.get("oeffentlich") == "1"
        set_public(indicator_id, public, request.user)
        state = "veröffentlicht" if public else "verborgen"
        audit.record(request.user, "publication", f"{indicator_id}: {state}", request=request)
        messages.success(request, f"„{catalog.indicators[indicator_id].title}“ ist jetzt {state}.")
        return redirect("staff:indicators")
    hidden = hidden_indicators()
    rows = [
        (indicator, catalog.areas.get(indicator.area, indicator.area), indicator.id not in hidden)
        for indicator in catalog.indicators.values()
    ]
    return render(request, "staff/indicators.html", {"title": "Indikatoren veröffentlichen", "rows": rows})
