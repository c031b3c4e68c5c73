"""Account pages: login, the school's own figures, the analysts' internal view, the audit log."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from bildungslandschaft.core.engine import QueryError
from bildungslandschaft.core.labels import dimension_title
from bildungslandschaft.core.spreadsheet import neutralise
from bildungslandschaft.web import analytics
from bildungslandschaft.web.accounts import audit, figures, roles
from bildungslandschaft.web.accounts.access import role_required
from bildungslandschaft.web.accounts.forms import RateLimitedLoginForm
from bildungslandschaft.web.accounts.models import AuditEvent

AUDIT_PAGE_SIZE = 200


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = RateLimitedLoginForm
    redirect_authenticated_user = True


@role_required(lambda _user: True)
def overview(request: HttpRequest) -> HttpResponse:
    """What the signed-in account may do."""
    context = {
        "role": roles.ROLE_LABELS[roles.role_of(request.user)],
        "school": roles.school_code(request.user),
        "analyst": roles.is_analyst(request.user),
        "admin": roles.is_admin(request.user),
    }
    return render(request, "accounts/overview.html", context)


@role_required(lambda user: roles.school_code(user) is not None)
def school(request: HttpRequest) -> HttpResponse:
    """The school's own figures, unsuppressed (only its own school)."""
    code = roles.school_code(request.user)
    assert code is not None
    years, rows = figures.school_figures(code)
    profile = request.user.school_account  # type: ignore[union-attr]
    context = {"code": code, "school_name": profile.school_name, "years": years, "rows": rows}
    return render(request, "accounts/school.html", context)


def _internal_query(request: HttpRequest) -> tuple[str, tuple[str, ...]]:
    catalog = analytics.catalog()
    indicator = request.GET.get("indikator", "pupils")
    if indicator not in catalog.indicators:
        indicator = "pupils"
    breakdown = request.GET.get("nach", "")
    allowed = [dim for dim in catalog.indicators[indicator].breakdowns if dim != "year"]
    return indicator, ("year", breakdown) if breakdown in allowed else ("year",)


@role_required(roles.is_analyst)
def internal(request: HttpRequest) -> HttpResponse:
    """Raw results for analysts, marked "intern", with the status the gate gives each cell."""
    indicator, by = _internal_query(request)
    catalog = analytics.catalog()
    context: dict[str, object] = {
        "indicators": sorted(catalog.indicators.values(), key=lambda ind: ind.title),
        "indicator": catalog.indicators[indicator],
        "breakdowns": [
            (dim, dimension_title(dim, catalog)) for dim in catalog.indicators[indicator].breakdowns if dim != "year"
        ],
        "by": by,
    }
    try:
        context["result"], context["rows"] = figures.internal_rows(indicator, by)
        context["titles"] = figures.dimension_titles(context["result"])  # type: ignore[arg-type]
    except (QueryError, KeyError) as error:
        context["error"] = str(error.args[0] if error.args else error)
    return render(request, "accounts/internal.html", context)


@role_required(roles.is_analyst)
def internal_csv(request: HttpRequest) -> HttpResponse:
    """The internal table as CSV; every download is written to the audit log."""
    indicator, by = _internal_query(request)
    try:
        result, rows = figures.internal_rows(indicator, by)
    except (QueryError, KeyError) as error:
        messages.error(request, f"Export nicht möglich: {error}")
        return render(request, "accounts/internal.html", {"error": str(error)}, status=400)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([*figures.dimension_titles(result), "Wert", "Zähler", "Nenner", "Geheimhaltung"])
    for row in rows:
        writer.writerow([neutralise(v) for v in (*row.labels, row.value, row.numerator, row.denominator, row.status)])
    audit.record(request.user, AuditEvent.EXPORT, f"intern: {indicator} nach {', '.join(by)}", request=request)
    return _csv_response(buffer.getvalue(), f"intern-{result.indicator.id}.csv")


def _audit_events(request: HttpRequest) -> tuple[str, list[AuditEvent]]:
    action = request.GET.get("aktion", "")
    events = AuditEvent.objects.select_related("user")
    if action in audit.ACTIONS:
        events = events.filter(action=action)
    else:
        action = ""
    return action, list(events[:AUDIT_PAGE_SIZE])


@role_required(roles.is_admin)
def audit_log(request: HttpRequest) -> HttpResponse:
    action, events = _audit_events(request)
    context = {"events": events, "actions": AuditEvent.ACTIONS, "action": action, "limit": AUDIT_PAGE_SIZE}
    return render(request, "accounts/audit.html", context)


@role_required(roles.is_admin)
def audit_csv(request: HttpRequest) -> HttpResponse:
    """The whole audit log (or one action) as CSV."""
    action = request.GET.get("aktion", "")
    events = AuditEvent.objects.all()
    if action in audit.ACTIONS:
        events = events.filter(action=action)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["Zeitpunkt", "Konto", "Aktion", "Details", "IP-Adresse"])
    for event in events.iterator():
        cells = (
            timezone.localtime(event.at).isoformat(timespec="seconds"),
            event.username,
            event.get_action_display(),
            event.detail,
            event.ip or "",
        )
        writer.writerow([neutralise(cell) for cell in cells])
    audit.record(request.user, AuditEvent.EXPORT, "Protokoll als CSV", request=request)
    return _csv_response(buffer.getvalue(), "protokoll.csv")


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
