"""plan.pdf: the published page printed to a tagged PDF by WeasyPrint.

WeasyPrint lays the page out with its print stylesheet (page numbers, no navigation,
rows that do not split) and writes PDF/UA-1: a tagged PDF with the document's title
and language, for screen readers. It is imported here only, so that a build without
`--format pdf` never needs it or its system libraries (pango).
"""

from __future__ import annotations

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (deterministic for the same HTML)."""
    from weasyprint import HTML

    document: bytes = HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return document


def unavailable() -> str | None:
    """Why PDFs cannot be written here (WeasyPrint or its system libraries missing)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as err:
        return str(err).splitlines()[0] if str(err) else type(err).__name__
    return None
