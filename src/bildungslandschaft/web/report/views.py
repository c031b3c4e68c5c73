"""The Bildungsbericht: public HTML and PDF; staff edit chapters with a preview (thin views)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from bildungslandschaft.core.report import page
from bildungslandschaft.core.report.model import ChapterSource, RenderedReport
from bildungslandschaft.web.accounts.access import role_required
from bildungslandschaft.web.report import rendering
from bildungslandschaft.web.report.forms import ChapterForm
from bildungslandschaft.web.report.models import Chapter

staff_required = role_required(lambda user: bool(user.is_active and user.is_staff))


def _fragments(report: RenderedReport) -> dict[str, str]:
    """HTML made by the core renderer (Markdown without raw HTML, values escaped)."""
    return {
        name: mark_safe(html)  # noqa: S308 - built and escaped by core.report.page
        for name, html in {
            "toc": page.toc_html(report),
            "chapters": page.chapters_html(report),
            "registers": page.registers_html(report),
            "sources": page.sources_html(report),
        }.items()
    }


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    if not Chapter.objects.exists():
        return render(request, "report/empty.html", {"title": "Bildungsbericht"})
    report = rendering.current_report()
    context = {"title": report.meta.title, "meta": report.meta, "report": report, **_fragments(report)}
    return render(request, "report/index.html", context)


@require_GET
def pdf(request: HttpRequest) -> HttpResponse:
    if not Chapter.objects.exists():
        return render(request, "report/empty.html", {"title": "Bildungsbericht"}, status=404)
    response = HttpResponse(rendering.current_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="bildungsbericht.pdf"'
    return response


@require_GET
def stylesheet(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(page.stylesheet("report.css"), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@staff_required
def chapters(request: HttpRequest) -> HttpResponse:
    return render(request, "report/chapters.html", {"title": "Bericht bearbeiten", "chapters": Chapter.objects.all()})


@staff_required
def edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    chapter = get_object_or_404(Chapter, slug=slug) if slug else None
    form = ChapterForm(request.POST or None, instance=chapter)
    context: dict[str, object] = {
        "form": form,
        "chapter": chapter,
        "title": chapter.title if chapter else "Neues Kapitel",
    }
    if request.method == "POST" and "vorschau" in request.POST:
        context.update(_preview(request))
    elif request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, f"Kapitel „{saved.title}“ gespeichert.")
        return redirect("report:edit", slug=saved.slug)
    status = 400 if request.method == "POST" and form.errors and "vorschau" not in request.POST else 200
    return render(request, "report/edit.html", context, status=status)


def _preview(request: HttpRequest) -> dict[str, object]:
    """The chapter as typed (not saved), rendered with real published values."""
    source = ChapterSource(
        request.POST.get("slug", "") or "vorschau", request.POST.get("title", ""), request.POST.get("body", "")
    )
    report = rendering.render([source])
    return {"preview": mark_safe(page.chapters_html(report)), "problems": report.problems}  # noqa: S308
