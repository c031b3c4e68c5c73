"""The PDF of a report through WeasyPrint, tagged for accessibility (PDF/UA-1)."""

from __future__ import annotations

from bildungslandschaft.core.report.model import RenderedReport
from bildungslandschaft.core.report.page import print_html

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """Lay out and write the PDF (the time spent here is the PDF engine's share of a build)."""
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=".").write_pdf(pdf_variant=PDF_VARIANT)
    assert pdf is not None
    return bytes(pdf)


def report_pdf(report: RenderedReport) -> bytes:
    return html_to_pdf(print_html(report))
