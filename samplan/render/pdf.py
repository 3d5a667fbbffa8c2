"""plan.pdf: the published page printed to a tagged PDF by WeasyPrint.

WeasyPrint lays the page out with its print stylesheet (page numbers, no navigation,
rows that do not split) and writes PDF/UA-1: a tagged PDF with the document's title
and language, for screen readers. It is imported here only, so that a build without
`--format pdf` never needs it or its system libraries (pango).

The renderer reaches nothing: a page may name any URL (a repository's template
writes what it likes), but the URL fetcher refuses every URL that is not a `data:` URI
(the page is self-contained: samplan embeds what it uses), so no file of the machine
and no server is ever read, and every attachment (`<link rel="attachment">`,
`<a rel="attachment">`) is dropped before the PDF is written.
"""

from __future__ import annotations

import re
from typing import Any

PDF_VARIANT = "pdf/ua-1"
ALLOWED_SCHEMES = ("data:",)
# The facts box is a CSS grid on screen; WeasyPrint sizes grid tracks by measuring every
# line of every cell again and again, superlinear in a long value (1,000 partners took
# minutes), and a box that may not break is laid out again on every page. In the PDF
# the box is floated labels beside their values, which lays out in linear time.
PRINT_CSS = """
dl.facts { display: block !important; break-inside: auto !important; }
dl.facts dt { float: left !important; clear: left !important; width: 11rem !important; }
dl.facts dd { margin: 0 0 .25rem 12rem !important; }
"""


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)
_BLANKS = re.compile(r"[ \t]{2,}")


def collapse_blanks(html: str) -> str:
    """Runs of blanks as one space, outside `<pre>`: what the page shows anyway.

    WeasyPrint collapses white space with `[\t ]*\n[\t ]*`, which retries every blank
    of a run without a line break: quadratic in the run (50,000 blanks took minutes)."""
    parts = _PRE.split(html)
    return "".join(p if i % 2 else _BLANKS.sub(" ", p) for i, p in enumerate(parts))


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (deterministic for the same HTML)."""
    html = collapse_blanks(html)
    from weasyprint import HTML

    options: dict[str, Any] = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    from weasyprint import CSS

    fetcher = _fetcher()
    extra = [CSS(string=PRINT_CSS, url_fetcher=fetcher)]
    document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=extra, **options)
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
    pdf: bytes = document.write_pdf(**options)
    return pdf


def _fetcher() -> Any:
    """WeasyPrint's fetcher, allowed `data:` URIs only."""
    from weasyprint.urls import URLFetcher

    class DataOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.strip().lower().startswith(ALLOWED_SCHEMES):
                raise ValueError(f"samplan fetches nothing for a PDF: {url[:60]}")
            return super().fetch(url, headers)

    return DataOnly(allowed_protocols=["data"])


def unavailable() -> str | None:
    """Why PDFs cannot be written here (WeasyPrint or its system libraries missing)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as err:
        return str(err).splitlines()[0] if str(err) else type(err).__name__
    return None
