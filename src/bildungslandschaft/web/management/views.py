"""Pages of the Bildungsmanagement under /steuerung/: thin views over `leitbild`, `needs`, `equipment`, `directory`."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from bildungslandschaft.core.equipment import EquipmentSummary
from bildungslandschaft.core.geo import label_point, stadtteil_geojson, stadtteil_names
from bildungslandschaft.core.labels import format_value
from bildungslandschaft.web.accounts import roles
from bildungslandschaft.web.accounts.access import role_required
from bildungslandschaft.web.management import directory, equipment, figures, needs, specs
from bildungslandschaft.web.management import leitbild as leitbild_module
from bildungslandschaft.web.management.forms import ModerationForm, OfferSubmissionForm, stadtteil_choices
from bildungslandschaft.web.management.models import Actor, EquipmentTarget, Offer, Program

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def spec_json(spec: dict[str, Any] | None) -> SafeString | None:
    """A Vega-Lite spec as JSON that is safe inside a <script> element."""
    return None if spec is None else mark_safe(json.dumps(spec, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308


def overview(request: HttpRequest) -> HttpResponse:
    context = {
        "title": "Bildungsmanagement",
        "leitbild": leitbild_module.current_leitbild(),
        "programs": Program.objects.all(),
        "offers": directory.published_offers().count(),
    }
    return render(request, "management/overview.html", context)


def leitbild(request: HttpRequest) -> HttpResponse:
    current = leitbild_module.current_leitbild()
    principles = []
    counter = 0
    for principle in current.principles.all() if current else []:
        goals = []
        for goal in principle.goals.all():
            items = []
            for item in leitbild_module.goal_progress(goal):
                counter += 1
                items.append({"item": item, "chart_id": f"ziel-grafik-{counter}", "spec": spec_json(item.chart)})
            goals.append((goal, items))
        principles.append((principle, goals))
    context = {
        "title": current.title if current else "Bildungsleitbild",
        "leitbild": current,
        "principles": principles,
        "method": leitbild_module.METHOD,
    }
    return render(request, "management/leitbild.html", context)


def leitbild_chapter(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(leitbild_module.leitbild_chapter(), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bildungsleitbild.md"'
    return response


def programs(request: HttpRequest) -> HttpResponse:
    return render(request, "management/programs.html", {"title": "Programme", "programs": Program.objects.all()})


def program(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Program, slug=slug)
    analysis = needs.analyse(found)
    activity = [figures.city_series(ident) for ident in found.activity_indicator_ids()]
    names = stadtteil_names()
    institutions = list(found.institutions.all())
    for inst in institutions:
        inst.stadtteil_name = names.get(inst.stadtteil, inst.stadtteil)  # type: ignore[attr-defined]
    context = {
        "title": found.name,
        "program": found,
        "institutions": institutions,
        "analysis": analysis,
        "map_json": spec_json(analysis.chart),
        "activity": _activity_table(found, activity),
    }
    return render(request, "management/program.html", context)


def _activity_table(found: Program, series: list[dict[int, float | None]]) -> dict[str, Any]:
    ids = found.activity_indicator_ids()
    years = sorted({year for values in series for year in values})
    columns = [figures.indicator(ident) for ident in ids]
    rows = [
        (year, [_cell(ind, values.get(year)) for ind, values in zip(columns, series, strict=True)]) for year in years
    ]
    return {"titles": [ind.title if ind else ident for ind, ident in zip(columns, ids, strict=True)], "rows": rows}


def _cell(ind: Any, value: float | None) -> str:
    return format_value(ind, value, None if value is not None else ".") if ind else "–"


LEVEL_TITLES = {"schulart": "Schulart", "stadtteil": "Stadtteil", "school": "Schule"}


def it_equipment(request: HttpRequest) -> HttpResponse:
    staff = roles.is_analyst(request.user)
    own_school = roles.school_code(request.user)
    levels = ("schulart", "stadtteil", "school") if staff or own_school else ("schulart", "stadtteil")
    targets = []
    for number, target in enumerate(EquipmentTarget.objects.all(), start=1):
        item = equipment.target_progress(target, levels)
        tables = []
        for level, (found, all_rows) in item.levels.items():
            summary: EquipmentSummary | None = found
            rows = all_rows
            if level == "school" and not staff:
                rows = [row for row in all_rows if row["code"] == own_school]  # a school sees only itself
                summary = None
            year = rows[0]["year"] if rows else None
            tables.append({"level_title": LEVEL_TITLES[level], "summary": summary, "rows": rows, "year": year})
        targets.append(
            {"item": item, "chart_id": f"it-grafik-{number}", "spec": spec_json(item.chart), "tables": tables}
        )
    context = {"title": "IT-Ausstattung der Schulen", "targets": targets, "staff": staff, "own_school": own_school}
    return render(request, "management/equipment.html", context)


def offers(request: HttpRequest) -> HttpResponse:
    filters = directory.Filters.from_query(request.GET)
    found = list(directory.search(filters))
    points = directory.map_points(found)
    context = {
        "title": "Bildungsangebote",
        "filters": filters,
        "offers": found,
        "names": stadtteil_names(),
        "stadtteile": stadtteil_choices(),
        "topics": Offer.TOPICS,
        "target_groups": Offer.TARGET_GROUPS,
        "kinds": Actor.KINDS,
        "query": request.GET.urlencode(),
        "map_json": spec_json(specs.offers_map(stadtteil_geojson(), points, "Angebote im Stadtgebiet"))
        if points
        else None,
        "pending": Offer.objects.filter(status=Offer.PENDING).count() if roles.is_analyst(request.user) else None,
    }
    return render(request, "management/offers.html", context)


def offer(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Offer.objects.select_related("actor"), pk=pk)
    if found.status != Offer.PUBLISHED and not roles.is_analyst(request.user):
        raise Http404("Angebot nicht gefunden")
    context = {
        "title": found.title,
        "offer": found,
        "stadtteil": stadtteil_names().get(found.stadtteil, found.stadtteil),
    }
    return render(request, "management/offer.html", context)


def submit_offer(request: HttpRequest) -> HttpResponse:
    form = OfferSubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not directory.register_submission(request.META.get("REMOTE_ADDR")):
            messages.error(
                request, "Von Ihrem Anschluss kamen in der letzten Stunde zu viele Meldungen. Bitte später erneut."
            )
            return render(request, "management/submit.html", {"title": "Angebot melden", "form": form}, status=429)
        submitted = form.save(commit=False)
        submitted.actor = directory.actor_for(form.cleaned_data["actor_name"], form.cleaned_data["actor_kind"])
        submitted.status = Offer.PENDING
        _place_in_stadtteil(submitted)
        submitted.save()
        messages.success(
            request,
            f"Vielen Dank! Ihr Angebot „{submitted.title}“ ist eingegangen und erscheint nach der Prüfung durch die "
            "Moderation im Verzeichnis.",
        )
        return redirect("management:offers")
    return render(request, "management/submit.html", {"title": "Angebot melden", "form": form})


def _place_in_stadtteil(offer: Offer) -> None:
    """Without coordinates the offer is drawn at a point inside its Stadtteil."""
    if offer.latitude is not None and offer.longitude is not None:
        return
    for feature in stadtteil_geojson()["features"]:
        if feature["properties"]["stadtteil"] == offer.stadtteil:
            offer.longitude, offer.latitude = label_point(feature["geometry"])


@role_required(roles.is_analyst)
def moderation(request: HttpRequest) -> HttpResponse:
    waiting = Offer.objects.filter(status=Offer.PENDING).select_related("actor").order_by("submitted_at")
    context = {"title": "Moderation der Bildungsangebote", "waiting": waiting, "names": stadtteil_names()}
    return render(request, "management/moderation.html", context)


@require_POST
@role_required(roles.is_analyst)
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Offer, pk=pk, status=Offer.PENDING)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Bitte eine Entscheidung wählen.")
        return redirect("management:moderation")
    found.status = form.cleaned_data["decision"]
    found.moderation_note = form.cleaned_data["note"]
    found.save(update_fields=["status", "moderation_note"])
    verb = "veröffentlicht" if found.status == Offer.PUBLISHED else "abgelehnt"
    messages.success(request, f"„{found.title}“ wurde {verb}.")
    return redirect("management:moderation")


def offers_csv(request: HttpRequest) -> HttpResponse:
    found = directory.search(directory.Filters.from_query(request.GET))
    response = HttpResponse("\ufeff" + directory.export_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bildungsangebote.csv"'
    return response


def offers_json(request: HttpRequest) -> HttpResponse:
    found = directory.search(directory.Filters.from_query(request.GET))
    payload = {"licence": "CC BY 4.0, Quelle: Bildungsangebote der Stadt", "offers": directory.records(found)}
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
